"""What one Streamlit element of each kind adds to a page open, in Chromium.

    .venv/bin/python bench/element_cost.py                  # 20 of each kind, 5 opens each
    .venv/bin/python bench/element_cost.py --count 10 --rounds 3

A page of the app's is mostly Streamlit's own elements, and on a cached open the browser spends most
of its time rendering them (bench/RESULTS.md). To know which to spend on a page's first screen, a
synthetic page draws its title and `--count` elements of one kind; each kind is opened with a browser
profile on disk (as bench/page_open.py's "cached"), interleaved with the same page holding none, with
page_open.py's rule for "finished" (first screen drawn, no long task after it). The cost of one
element is the difference of the medians divided by the count.

Prints a table, then one JSON object as the last line.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from playwright.sync_api import sync_playwright  # noqa: E402

from bench.page_open import VIEWPORT, open_time  # noqa: E402
from tests.streamlit_server import app_server, launch_profile  # noqa: E402

# one element of each kind, as the app's pages use them; `i` keeps them apart
KINDS = {
    "caption": 'st.caption(f"caption {i} with a few more words in it")',
    "header": 'st.header(f"header {i}")',
    "markdown": 'st.markdown(f"A short paragraph number {i} with **bold** words and a [link](https://example.com) in it.")',
    "expander": 'st.expander(f"expander {i}").write("x")',
    "columns": 'a, b = st.columns(2); a.write("a"); b.write("b")',
    "metric": 'st.metric(f"metric {i}", f"{i}.0e-3", help="help")',
    "latex": r'st.latex(rf"c_t = f_t \odot c_{{t-1}} + i_t \odot g_t + {i}")',
    "slider": 'st.slider(f"slider {i}", 0, 100, 50, help="help")',
    "selectbox": 'st.selectbox(f"select {i}", ["a", "b", "c"])',
}
PAGE = "import streamlit as st\n\nkind = st.query_params.get('k', 'none')\nn = int(st.query_params.get('n', 0))\n"
PAGE += 'st.title("LSTM Lab")\nfor i in range(n):\n' + "".join(
    f"    {'if' if j == 0 else 'elif'} kind == {k!r}:\n        {line}\n" for j, (k, line) in enumerate(KINDS.items())
)


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--count", type=int, default=20, help="elements of a kind on its page")
    p.add_argument("--rounds", type=int, default=5, help="opens of each page")
    a = p.parse_args()
    with tempfile.TemporaryDirectory() as folder, tempfile.TemporaryDirectory() as profile:
        script = Path(folder) / "elements.py"
        script.write_text(PAGE)
        with app_server(script=script) as app, sync_playwright() as pw:
            context = launch_profile(pw, profile, VIEWPORT)
            times = {kind: [] for kind in ["none", *KINDS]}
            for r in range(a.rounds + 1):  # the first round fills the caches
                for kind, found in times.items():
                    took = open_time(context, f"{app.base_url}/?k={kind}&n={0 if kind == 'none' else a.count}")
                    if r:
                        found.append(took)
            context.close()
    base = statistics.median(times["none"])
    per = {kind: (statistics.median(v) - base) * 1000 / a.count for kind, v in times.items() if kind != "none"}
    print(f"page with a title only: {base:.3f} s (median of {a.rounds} cached opens)")
    print(f"{'element':12s} {'page s':>7s} {'ms each':>8s}")
    for kind, ms in per.items():
        print(f"{kind:12s} {statistics.median(times[kind]):7.3f} {ms:8.1f}")
    print(
        json.dumps(
            {"count": a.count, "rounds": a.rounds, "base_s": round(base, 3), "ms_each": {k: round(v, 1) for k, v in per.items()}}
        )
    )


if __name__ == "__main__":
    main()
