"""Every chart's text (titles, axis titles, tick labels, legends, annotations, text on markers)
reaches WCAG AA's 4.5:1 against what it is drawn on, on every page as it opens (AppTest)."""

import json

import pytest

from plots.style import contrast_ratio
from tests.apptest import open_page
from tests.test_pages_smoke import PAGES

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
def test_chart_text_reaches_4_5(path, lang):
    at = open_page(path, lang=lang)
    assert not at.exception
    specs = [json.loads(chart.proto.spec) for chart in at.get("plotly_chart")]
    for spec in specs:
        assert low_contrast_text(spec) == []


def test_the_check_finds_low_contrast_text():
    spec = {
        "layout": {"font": {"color": "#aaaaaa"}},
        "data": [{"mode": "markers+text", "textfont": {"color": "white"}, "marker": {"color": "#E69F00"}}],
    }
    assert len(low_contrast_text(spec)) == 2
