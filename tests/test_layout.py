"""Project-wide rules: the core never imports Streamlit; every string exists in both languages."""

import ast
import re
import subprocess
import sys
from pathlib import Path

import pytest

from ui.i18n import STRINGS
from ui.site import PAGES

ROOT = Path(__file__).resolve().parent.parent


def test_core_and_datasets_do_not_import_streamlit():
    code = (
        "import sys, pkgutil, importlib, lstm_core, datasets, plots\n"
        "for pkg in (lstm_core, datasets, plots):\n"
        "    for m in pkgutil.walk_packages(pkg.__path__, pkg.__name__ + '.'):\n"
        "        importlib.import_module(m.name)\n"
        "print('streamlit' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


# pages whose first view shows no table: they open without pandas either (0.3-0.8 s of import here)
WITHOUT_PANDAS = {"pages/home.py", "pages/explorer.py", "pages/gradient-flow.py", "pages/metrics.py"}


@pytest.mark.parametrize("page", [p.file for p in PAGES])
def test_a_page_opens_without_torch(page):
    """Importing torch costs 1-3 s of CPU and 200 MB. No page needs it before something trains: the
    explorer records with NumPy, /gradient-flow's analyses are NumPy, /train and /forecast show
    their settings, data and baselines first. So a page's first view right after a cold server
    start (a hosted demo waking up) does not wait for the import. Each page in a fresh process, as
    a server that has just started. Pages with no table in view skip pandas too: a chart's table is
    built once its expander is opened."""
    code = (
        "import sys\n"
        "import ui\n"
        "ui.WARM_UP_DELAY_S = 3600  # the server's warm-up thread imports torch on purpose, seconds after a start\n"
        "from tests.apptest import open_page\n"
        f"at = open_page('{page}', timeout=120)\n"
        "assert not at.exception, at.exception\n"
        "print('torch' in sys.modules, 'pandas' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    torch, pandas = out.stdout.split()
    assert torch == "False"
    if page in WITHOUT_PANDAS:
        assert pandas == "False"


ALERTS = {"info", "warning", "error", "success"}


def test_every_alert_names_its_icon():
    """An alert's kind must not rest on its colour alone, so each has an icon. Named, not left to
    Streamlit: an alert without one whose text is not ASCII (every Chinese alert) makes Streamlit
    load its emoji catalogue and search the text for a leading emoji, 45-85 ms on the first such
    alert of a server process, the first view of /gradient-flow and /forecast among them."""
    bare = []
    for path in sorted([*ROOT.glob("pages/*.py"), *ROOT.glob("ui/*.py")]):
        for node in ast.walk(ast.parse(path.read_text())):
            is_alert = isinstance(node, ast.Call) and getattr(node.func, "attr", None) in ALERTS
            if is_alert and getattr(node.func.value, "id", None) == "st" and "icon" not in {k.arg for k in node.keywords}:
                bare.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    assert bare == []


@pytest.mark.parametrize("key", sorted(STRINGS))
def test_every_string_has_english_and_chinese(key):
    en, zh = STRINGS[key]
    assert en.strip() and zh.strip()
    assert set(re.findall(r"\{(\w+)", en)) == set(re.findall(r"\{(\w+)", zh)), "placeholders differ"


def test_every_singular_form_has_its_plural_and_says_one():
    """ui.i18n.counted picks "key_one" for a count of 1: each has its "key", reads "1"/"one" in English
    and asks for no placeholder the plural form does not have."""
    for key, (en, _) in STRINGS.items():
        if key.endswith("_one"):
            plural = STRINGS[key.removesuffix("_one")][0]
            assert re.search(r"\b(1|one)\b", en, re.I), key
            assert set(re.findall(r"\{(\w+)", en)) <= set(re.findall(r"\{(\w+)", plural)), key


def test_chinese_strings_are_translated():
    """A Chinese string with no Chinese character is almost always a forgotten translation."""
    # the others are punctuation around their parts: "；{name}：{rmse:.4g}", "{title}（{name} = {value}）",
    # "{title}：{name}", "{title} · {name}"
    allowed = {"app.language", "forecast.other_baseline", "train.scored_title", "train.report_named", "train.report_heading"}
    cjk = re.compile(r"[\u4e00-\u9fff]")
    untranslated = [k for k, (en, zh) in STRINGS.items() if k not in allowed and len(en) > 12 and not cjk.search(zh)]
    assert untranslated == []


def test_greek_symbols_take_real_subscripts():
    """Prose is not LaTeX: "σ_max" shows its underscore. Outside $…$ a Greek letter's subscript is
    written with subscript characters (σₘₐₓ), as Jₜ is."""
    literal = re.compile(r"[α-ωΑ-Ω]_\w")
    found = [k for k, pair in STRINGS.items() for s in pair if literal.search(re.sub(r"\$[^$]*\$", "", s))]
    assert found == []


def _string_keys_used_in(path: Path) -> set[str]:
    keys = set()
    for node in ast.walk(ast.parse(path.read_text())):
        is_t = isinstance(node, ast.Call) and getattr(node.func, "attr", getattr(node.func, "id", None)) == "t"
        if is_t and node.args and isinstance(node.args[0], ast.Constant) and isinstance(node.args[0].value, str):
            keys.add(node.args[0].value)
    return keys


def test_pages_only_use_defined_strings():
    used = set()
    for path in list((ROOT / "pages").glob("*.py")) + list((ROOT / "ui").glob("*.py")) + [ROOT / "app.py", ROOT / "router.py"]:
        used |= _string_keys_used_in(path)
    assert sorted(used - set(STRINGS)) == []


def test_no_page_relies_on_magic():
    """.streamlit/config.toml turns Streamlit's "magic" off: a bare expression in a page (other than a
    docstring) would now show nothing, so there must be none."""
    assert re.search(r"^magicEnabled = false$", (ROOT / ".streamlit" / "config.toml").read_text(), re.M)
    bare = []
    for path in [ROOT / "router.py", *(ROOT / "pages").glob("*.py")]:
        for node in ast.walk(ast.parse(path.read_text())):
            body = getattr(node, "body", None)
            for i, statement in enumerate(body if isinstance(body, list) else []):
                if not isinstance(statement, ast.Expr) or isinstance(statement.value, (ast.Call, ast.Await, ast.Yield)):
                    continue
                docstring = i == 0 and isinstance(statement.value, ast.Constant) and isinstance(statement.value.value, str)
                if not docstring:
                    bare.append(f"{path.name}:{statement.lineno}")
    assert bare == []
