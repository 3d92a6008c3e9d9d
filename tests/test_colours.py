"""Colours that carry meaning stay readable: text reaches WCAG AA's 4.5:1, and the gate palette stays
tellable apart (with a second cue, its line style) for colour-blind learners. The colour-vision
simulation and the colour difference are checked against their published references."""

import itertools
import re

import numpy as np
import pytest

from plots import colour_vision as cv
from plots.style import COLORS, DASHES, MUTED_TEXT, SVG_DASHES, TEXT, TEXT_COLORS, contrast_ratio, text_on
from plots.train import token_strip_html

BACKGROUNDS = ("#ffffff", "#f7f7f9")  # the page and the cell diagrams


def test_contrast_ratio_matches_wcag_examples():
    assert contrast_ratio("#000000", "#ffffff") == pytest.approx(21.0)
    assert contrast_ratio("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)  # the classic just-misses grey
    assert contrast_ratio("#828180", "#ffffff") == pytest.approx(3.88, abs=0.01)  # Streamlit's caption, as axe measured it


@pytest.mark.parametrize("background", BACKGROUNDS)
def test_every_text_colour_reaches_4_5(background):
    for name, colour in {"text": TEXT, "muted": MUTED_TEXT, **{f"quantity {q}": c for q, c in TEXT_COLORS.items()}}.items():
        assert contrast_ratio(colour, background) >= 4.5, (name, colour, background)


def test_text_on_any_background_reaches_4_5():
    rng = np.random.default_rng(0)
    for rgb in rng.integers(0, 256, size=(2000, 3)):
        background = "#" + "".join(f"{c:02x}" for c in rgb)
        assert contrast_ratio(text_on(background), background) >= 4.5, background


def test_saliency_chips_are_readable_at_every_strength():
    scores = np.linspace(-1, 1, 41)
    chips = re.findall(r"background:(#[0-9a-f]{6});color:(#[0-9a-f]{6})", token_strip_html(["w"] * 41, scores))
    assert len(chips) == 41
    assert min(contrast_ratio(fg, bg) for bg, fg in chips) >= 4.5


def test_machado_matrices_keep_greys_grey():
    """Each row of a Machado (2009) matrix sums to 1, so a neutral grey looks the same to everyone."""
    for deficiency in cv.MACHADO_2009:
        for grey in ("#000000", "#808080", "#FFFFFF"):
            assert cv.simulate(grey, deficiency) == grey


def test_ciede2000_matches_sharma_test_data():
    # pairs 1, 7 and 17 of Sharma, Wu & Dalal (2005), Table 1
    pairs = [
        ((50.0, 2.6772, -79.7751), (50.0, 0.0, -82.7485), 2.0425),
        ((50.0, 0.0, 0.0), (50.0, -1.0, 2.0), 2.3669),
        ((50.0, 2.5, 0.0), (73.0, 25.0, -18.0), 27.1492),
    ]
    for lab1, lab2, expected in pairs:
        assert cv.ciede2000(np.array(lab1), np.array(lab2)) == pytest.approx(expected, abs=1e-4)


CHARTED_TOGETHER = (("i", "f", "g", "o"), ("c", "h"), ("r", "z", "n"))  # the explorer's line charts


@pytest.mark.parametrize("deficiency", [None, *cv.MACHADO_2009])
def test_gates_shown_together_stay_apart(deficiency):
    """Within a chart, every pair of quantities differs clearly in colour (CIEDE2000 above 10,
    several times a just-noticeable difference) for every vision type, and always in line style."""
    for group in CHARTED_TOGETHER:
        _, _, closest = cv.closest_pair(group, deficiency)
        assert closest > 10, (group, deficiency, closest)
        for a, b in itertools.combinations(group, 2):
            assert DASHES[a] != DASHES[b], (a, b)


def test_a_quantitys_text_is_its_lines_colour_darkened():
    """A label or an equation symbol wears its line's hue: the GRU's z once wore the input gate's blue
    in the equations while its line wore the forget gate's orange."""
    import colorsys

    def hls(colour):
        return colorsys.rgb_to_hls(*(int(colour[k : k + 2], 16) / 255 for k in (1, 3, 5)))

    for q, text_colour in TEXT_COLORS.items():
        (h_line, l_line, s_line), (h_text, l_text, _) = hls(COLORS[q]), hls(text_colour)
        assert l_text <= l_line + 1e-9, q
        assert s_line < 0.05 or abs(h_line - h_text) < 0.02, (q, COLORS[q], text_colour)
    # lesson 3 says so: the GRU's update gate z does the forget gate's part, in its colour
    assert (COLORS["z"], TEXT_COLORS["z"]) == (COLORS["f"], TEXT_COLORS["f"])


def test_the_text_of_quantities_shown_together_stays_apart():
    """The equations and the diagram name i, f, g, o, c and h side by side in their text colours: each
    pair differs clearly (CIEDE2000 above 10). h's text had been i's blue within 2.5."""
    for group in (("i", "f", "g", "o", "c", "h"), ("r", "z", "n", "h")):
        for a, b in itertools.combinations(group, 2):
            assert cv.delta_e2000(TEXT_COLORS[a], TEXT_COLORS[b]) > 10, (a, b)


def test_every_quantity_has_a_colour_a_text_colour_and_a_line_style():
    for q in "ifgochrzna":
        assert q in COLORS and q in TEXT_COLORS and DASHES[q] in SVG_DASHES


@pytest.mark.parametrize("deficiency", [None, *cv.MACHADO_2009])
def test_the_diverging_scale_keeps_its_two_signs_apart(deficiency):
    """Signed values (c, h, g, embeddings) use RdBu: a value and its negative stay clearly apart
    (CIEDE2000 above 20) for every vision type, and the legend's numbers carry the sign as well."""
    import plotly.colors

    scale = [
        "#" + "".join(f"{int(c):02x}" for c in rgb[4:-1].split(",")) for rgb in plotly.colors.diverging.RdBu
    ]  # 11 steps, white in the middle
    for k in range(len(scale) // 2 - 1):  # the pair next to white is too pale to matter for sign
        a, b = scale[k], scale[-1 - k]
        if deficiency:
            a, b = cv.simulate(a, deficiency), cv.simulate(b, deficiency)
        assert cv.delta_e2000(a, b) > 20, (k, deficiency)


def test_confusion_table_text_is_readable_in_every_cell():
    from plots.metrics import confusion_table_html

    cells = []
    for f in np.linspace(0, 1, 101):  # every shade of the scale
        page = confusion_table_html([[f, 1 - f], [1 - f, f]], ["a", "b"], "t", "true", "predicted", normalised=True)
        cells += re.findall(r"background:(#[0-9a-f]{6});color:(#[0-9a-f]{6})", page)
    assert len(cells) == 404
    assert min(contrast_ratio(fg, bg) for bg, fg in cells) >= 4.5
