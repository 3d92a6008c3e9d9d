"""Every chart has an accessible name and a one-sentence summary in the learner's language, and its
text (titles, axis titles, tick labels, legends, annotations, text on markers) reaches WCAG AA's
4.5:1 against what it is drawn on, on every page as it opens (AppTest)."""

import re
from pathlib import Path

import pytest

from plots.style import contrast_ratio
from tests.apptest import figures, open_page
from tests.test_pages_smoke import PAGES, ROOT
from ui.i18n import STRINGS

WHITE = "#ffffff"


def _hex(colour) -> str | None:
    """'#abc', '#aabbcc', 'white' or 'rgb(1,2,3)' as '#aabbcc'; None for what cannot be judged."""
    if not isinstance(colour, str):
        return None
    colour = colour.strip().lower()
    if colour == "white":
        return WHITE
    if colour.startswith("#") and len(colour) == 4:
        return "#" + "".join(c * 2 for c in colour[1:])
    if colour.startswith("#") and len(colour) == 7:
        return colour
    if colour.startswith("rgb("):
        return "#" + "".join(f"{int(float(c)):02x}" for c in colour[4:-1].split(","))
    return None


def _fonts(node, path=""):
    """(path, colour) of every font colour set anywhere in a figure's JSON."""
    if isinstance(node, dict):
        for key, value in node.items():
            if key.endswith("font") and isinstance(value, dict) and "color" in value:
                yield f"{path}.{key}", value["color"]
            yield from _fonts(value, f"{path}.{key}")
    elif isinstance(node, list):
        for k, value in enumerate(node):
            yield from _fonts(value, f"{path}[{k}]")


def low_contrast_text(spec: dict) -> list[str]:
    layout = spec.get("layout", {})
    template = layout.get("template", {}).get("layout", {})
    paper = _hex(layout.get("paper_bgcolor") or template.get("paper_bgcolor")) or WHITE
    plot = _hex(layout.get("plot_bgcolor") or template.get("plot_bgcolor")) or WHITE
    found = []
    own = {k: v for k, v in layout.items() if k != "template"}  # the template's trace defaults draw nothing here
    for path, colour in _fonts({"layout": own, "template": template}):
        for background in {paper, plot}:
            fg = _hex(colour)
            if fg and contrast_ratio(fg, background) < 4.5:
                found.append(f"{path} {colour} on {background}")
    for k, trace in enumerate(spec.get("data", [])):
        colour = _hex(trace.get("textfont", {}).get("color"))
        if colour is None or "text" not in trace.get("mode", "text"):
            continue
        # text on a marker is read against the marker; elsewhere against the plot
        behind = _hex(trace.get("marker", {}).get("color")) if "markers" in trace.get("mode", "") else plot
        if behind and contrast_ratio(colour, behind) < 4.5:
            found.append(f"data[{k}].textfont {colour} on {behind}")
    return found


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("path", [p for p, _ in PAGES])
def test_charts_are_named_and_their_text_reaches_4_5(path, lang):
    at = open_page(path, lang=lang)
    assert not at.exception
    specs = figures(at)
    for spec in specs:
        assert low_contrast_text(spec) == []
        meta = spec["layout"]["meta"]
        assert meta["a11y_name"] and meta["a11y_summary"].endswith(("。", "."))
        if lang == "zh":
            assert re.search(r"[\u4e00-\u9fff]", meta["a11y_summary"])


def chart_keys(source: str) -> set[str]:
    """The key= of every ui.chart(...) call in `source` (the call read to its matching parenthesis)."""
    keys = set()
    for match in re.finditer(r"\bui\.chart\(", source):
        depth, end = 1, match.end()
        while depth:
            depth += {"(": 1, ")": -1}.get(source[end], 0)
            end += 1
        keys.update(re.findall(r'\bkey="(\w+)"', source[match.end() : end]))
    return keys


def test_every_chart_key_has_a_name_and_a_summary():
    """Charts drawn only after training are not in the page test above: their keys, from the source."""
    source = "\n".join(p.read_text() for d in ("pages", "ui") for p in Path(ROOT, d).rglob("*.py"))
    keys = chart_keys(source)
    assert len(keys) == source.count("ui.chart(")  # one key found per call, each key its own
    for key in keys:
        assert f"chart.{key}.name" in STRINGS and f"chart.{key}.summary" in STRINGS, key
