"""A display formula a little wider than its column is drawn smaller to fit it (ui._SCRIPT, down to
FORMULA_MIN of its size). Scrolled sideways, its end was out of sight: at 1,000 px /gradient-flow's RNN
formula read "= (0.55065)⁹⁹ = 2.22 × 10", its exponent "⁻²⁶" hidden past the column's edge."""

import pytest

from tests.streamlit_server import open_page

pytestmark = pytest.mark.browser

# each display formula: [its scale (em, 1 when untouched), px its pieces reach past its column's edge,
# scrolls sideways, has a tab stop, its text]
FORMULAS = """() => [...document.querySelectorAll('.katex-display')].filter((d) => d.getBoundingClientRect().width > 0)
  .map((d) => {
    const column = d.closest('[data-testid="stMarkdown"]').getBoundingClientRect();
    const right = Math.max(...[...d.querySelectorAll('.katex-html > .base')].map((b) => b.getBoundingClientRect().right));
    return [parseFloat(d.style.fontSize) || 1, Math.round(right - column.right), d.scrollWidth > d.clientWidth,
            d.tabIndex === 0, d.querySelector('.katex-html').textContent];
  })"""


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_gradient_flow_formulas_fit_their_columns_at_1000_px(app_url, browser, lang):
    page = open_page(browser, f"{app_url}/gradient-flow?lang={lang}", viewport=(1000, 1000))
    try:
        page.wait_for_function(f"() => ({FORMULAS})().every(([, past, scrolls]) => past <= 0 && !scrolls)", timeout=10_000)
        formulas = page.evaluate(FORMULAS)
        (rnn,) = [f for f in formulas if "0.55065" in f[4]]
        assert "10−26" in rnn[4] and 0.75 <= rnn[0] < 1  # drawn smaller, whole
        assert [f for f in formulas if f[3]] == []  # nothing left to scroll, so no tab stop
    finally:
        page.close()


def test_a_formula_too_wide_even_at_its_smallest_scrolls_and_takes_focus(app_url, browser):
    """Teacher mode's large type at 1,000 px: what cannot fit at FORMULA_MIN keeps the sideways scroll,
    reached by keyboard; a formula is never drawn below FORMULA_MIN."""
    page = open_page(browser, f"{app_url}/gradient-flow?lang=en&teacher=1", viewport=(1000, 1000))
    try:
        page.wait_for_function(f"() => ({FORMULAS})().every(([, , scrolls, focusable]) => scrolls === focusable)", timeout=10_000)
        formulas = page.evaluate(FORMULAS)
        assert all(f[0] >= 0.75 for f in formulas)
        assert all(f[0] == 0.75 for f in formulas if f[2])  # scrolls only once at its smallest
    finally:
        page.close()


# each display formula's pieces, between which a narrow column may break it (KaTeX's top-level .base)
PIECES = """() => [...document.querySelectorAll('.katex-display')]
  .map((d) => [...d.querySelectorAll('.katex-html > .base')].map((b) => b.textContent.replace(/[\\u200b\\s]/g, '')))"""


def test_the_jacobian_breaks_only_after_its_equals_signs_in_a_narrow_column(app_url, browser):
    """Narrower than 861 px a display formula breaks into lines between its pieces (ui.STYLE): in teacher
    mode at 700 px /gradient-flow's RNN formula broke inside its bracket, "diag(1 −" above "hₜ²) Wₕₕ".
    The factor is one piece now, so the formula breaks only after an "=" sign."""
    page = open_page(browser, f"{app_url}/gradient-flow?lang=en&teacher=1", viewport=(700, 1000))
    try:
        (pieces,) = [p for p in page.evaluate(PIECES) if p[:1] == ["Jt="]]
        assert len(pieces) == 3 and pieces[0].endswith("=") and pieces[1].endswith("="), pieces
        assert pieces[2].startswith("diag(1−h") and "Whh" in pieces[2], pieces
    finally:
        page.close()


def test_the_gate_equations_break_between_their_halves_on_a_phone_in_teacher_mode(app_url, browser):
    """The home page's gate equations in teacher mode on a phone broke at their last "+", leaving "bₕᵢ)"
    alone on its line: each half (the input's, the hidden state's) is one piece, so they break between."""
    page = open_page(browser, f"{app_url}/?lang=en&teacher=1", viewport=(390, 844))
    try:
        gates = [pieces for pieces in page.evaluate(PIECES) if len(pieces) > 1 and pieces[1][:1] in "σt"][:4]
        assert [pieces[0] for pieces in gates] == ["it=", "ft=", "gt=", "ot="], gates
        assert all(len(p) == 3 and p[1].endswith("+") and p[2].startswith("Wh") and p[2].endswith(")") for p in gates), gates
    finally:
        page.close()


# each display formula's box and, 12 px above and below it, the strip a clipped stroke would reach
_FORMULA_STRIPS = """() => [...document.querySelectorAll('.katex-display')].filter((d) => d.getBoundingClientRect().width > 0)
  .map((d) => { const r = d.getBoundingClientRect();
    return { x: r.left, y: r.top - 12, width: r.width, height: r.height + 24 }; })"""


@pytest.mark.parametrize(
    ("path", "lang", "extra"), [("gradient-flow", "en", ""), ("gradient-flow", "zh", "&teacher=1"), ("metrics", "zh", "")]
)
def test_no_display_formula_clips_its_own_ink(app_url, browser, path, lang, extra):
    """A display formula's box scrolls sideways, so it clips above and below too: /gradient-flow's f̄
    lost its bar (a plain f reads as one gate at one step, not the mean). Drawn with its box unclipped,
    every formula must look as it does clipped."""
    page = open_page(browser, f"{app_url}/{path}?lang={lang}{extra}", viewport=(1400, 6000))  # the whole page on the screen
    try:
        strips = page.evaluate(_FORMULA_STRIPS)
        assert len(strips) >= 4
        clipped = [page.screenshot(clip=s) for s in strips]
        page.add_style_tag(content=".katex-display { overflow: visible !important; }")
        page.wait_for_timeout(200)
        assert page.evaluate(_FORMULA_STRIPS) == strips  # nothing moved
        drawn = [page.screenshot(clip=s) for s in strips]
        assert [k for k, (a, b) in enumerate(zip(clipped, drawn, strict=True)) if a != b] == []
    finally:
        page.close()
