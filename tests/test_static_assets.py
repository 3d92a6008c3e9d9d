"""The app's own plotly.js (static/, drawn by ui/chart.js): the version the Python plotly package
writes figures for, with every trace type the app's figures use."""

import re
from pathlib import Path

import plotly

ROOT = Path(__file__).resolve().parent.parent
BUNDLE = ROOT / "static" / "plotly-cartesian.min.js"
# the cartesian partial bundle's trace modules (its npm README)
CARTESIAN = {
    "bar",
    "box",
    "contour",
    "heatmap",
    "histogram",
    "histogram2d",
    "histogram2dcontour",
    "image",
    "pie",
    "scatter",
    "scatterternary",
    "violin",
}


def version(js: Path) -> str:
    return re.search(r"plotly\.js (?:\(cartesian - minified\) )?v(\d+\.\d+\.\d+)", js.read_text(encoding="utf-8")[:500])[1]


def test_the_bundle_is_the_plotly_js_that_python_plotly_writes_for():
    python_bundle = Path(plotly.__file__).parent / "package_data" / "plotly.min.js"
    assert version(BUNDLE) == version(python_bundle)


def test_every_trace_type_the_app_draws_is_in_the_bundle():
    used = {
        name.lower() for path in (ROOT / "plots").glob("*.py") for name in re.findall(r"\bgo\.([A-Z]\w*)\(", path.read_text())
    }
    used -= {"figure"}
    assert used and used <= CARTESIAN, f"not in the cartesian bundle: {used - CARTESIAN}"


def test_streamlit_serves_the_folder():
    config = (ROOT / ".streamlit" / "config.toml").read_text()
    assert re.search(r"^enableStaticServing = true$", config, re.M)


def test_no_page_draws_with_st_plotly_chart():
    """It would load Streamlit's full plotly.js (4.7 MB) on that page again."""
    sources = [*(ROOT / "pages").glob("*.py"), *(ROOT / "ui").rglob("*.py")]
    assert not [p.name for p in sources if "plotly_chart(" in p.read_text(encoding="utf-8")]
