"""Chart layout and printing, sixth pass, measured in headless Chromium (label boxes in the drawn SVG,
panel boxes, and the text of each sheet of a page printed to PDF):

- teacher mode: /gradient-flow's first chart had the x axis's "0" and the log axis's lowest label,
  "10⁻²⁵", meet at the plot's corner: tick labels keep the same few px from their axes whatever their
  size (ui/chart.js, standOff);
- /gradient-flow's RNN and LSTM figures side by side: a panel whose title took one line less than its
  neighbour's sat up to 17 px off it (ui/chart.js, wrappedTitles' `asked` levels and alignRow);
- printed, a heading ended a sheet and its section began the next ("2. Why: the factor of each step")
  (ui.STYLE's print rules)."""

import re
import unicodedata
import zlib

import pytest

from tests.streamlit_server import problems, wait_rendered
from tests.test_layout_audit import PHONE

pytestmark = pytest.mark.browser


def _open(browser, url, device):
    """tests.test_layout_audit's _open, with time for a page of six charts on a busy machine."""
    context = browser.new_context(**device)
    page = context.new_page()
    page.goto(url)
    wait_rendered(page, timeout=180_000)
    assert problems(page) == []
    return context, page


DESKTOP = dict(viewport={"width": 1400, "height": 1000})
LAPTOP = dict(viewport={"width": 1000, "height": 900})

# the first chart's first x tick label and lowest y tick label: their boxes, and the px between them
# across (the x label's left less the y label's right) and down (the x label's top less the y label's bottom)
_CORNER = """() => {
  const chart = document.querySelector('.lab-chart');
  const box = (selector) => chart.querySelector(selector).getBoundingClientRect();
  const x = box('.xtick text'), y = box('.ytick text');
  return { x: chart.querySelector('.xtick text').textContent, y: chart.querySelector('.ytick text').textContent,
           across: x.left - y.right, down: x.top - y.bottom };
}"""


@pytest.mark.parametrize(
    ("lang", "device"), [("en", DESKTOP), ("zh", DESKTOP), ("en", PHONE)], ids=["1400px-en", "1400px-zh", "phone-en"]
)
def test_corner_tick_labels_keep_apart_in_teacher_mode(app_url, browser, lang, device):
    """At a projector's 16 px the x axis's "0" and the log axis's "10⁻²⁵" overlapped 3 px across and
    met down (0.1 px apart): plotly.js keeps tick labels the same few px from their axes at any size.
    They now keep the 4 px apart they have at the page's own 13 px."""
    context, page = _open(browser, f"{app_url}/gradient-flow?lang={lang}&teacher=1", device)
    try:
        corner = page.evaluate(_CORNER)
        assert corner["x"] == "0" and "25" in corner["y"], corner  # the labels at the plot's corner
        assert max(corner["across"], corner["down"]) >= 3, corner
    finally:
        context.close()


# each drawn chart: its name, and per panel (from the top) [panel top, panel bottom, its title's top,
# its title's bottom] in px from the page's top
_PANELS = """() => [...document.querySelectorAll('.lab-chart')].filter((c) => c._fullLayout && c.clientWidth > 0).map((c) => {
  const top = c.getBoundingClientRect().top + scrollY, layout = c._fullLayout;
  const axes = Object.keys(layout).filter((k) => /^yaxis\\d*$/.test(k)).map((k) => layout[k]);
  const titles = [...c.querySelectorAll('.annotation-text')].map((e) => e.getBoundingClientRect());
  const panels = axes.map((y) => [top + y._offset, top + y._offset + y._length]).sort((a, b) => a[0] - b[0]);
  const titled = panels.map(([from, to], k) => [from, to, scrollY + titles[k]?.top, scrollY + titles[k]?.bottom]);
  return [c.getAttribute('aria-label'), titled];
})"""

_NAMES = {
    "en": ("Why the RNN's gradient shrinks", "Why the LSTM's gradient survives"),
    "zh": ("RNN 的梯度为什么会缩小", "LSTM 的梯度为什么能保留"),
}


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("device", [LAPTOP, DESKTOP, PHONE], ids=["1000px", "1400px", "phone"])
def test_stacked_panels_line_up_with_their_neighbours(app_url, browser, lang, device):
    """At 1,000 px "each step: σₘₐₓ(Jₜ) and the actual factor" takes two lines beside "recorded forget
    gates fₜ" in one: the RNN's top panel started 17 px under the LSTM's, its bottom panel 7 px. Side by
    side, each level of panel titles takes the lines of the row's tallest and the panels are level; on a
    phone (one figure under the other) each title sits between its panel and the one above."""
    context, page = _open(browser, f"{app_url}/gradient-flow?lang={lang}", device)
    try:
        page.wait_for_timeout(500)  # a row's second alignment
        charts = dict(page.evaluate(_PANELS))
        rnn, lstm = (charts[name] for name in _NAMES[lang])
        assert len(rnn) == len(lstm) == 2
        for chart in (rnn, lstm):
            for (_, above_bottom, _, _), (top, _, title_top, title_bottom) in zip(chart, chart[1:], strict=False):
                assert above_bottom <= title_top and title_bottom <= top + 1, chart
        if device is not PHONE:
            for (top, bottom, *_), (other_top, other_bottom, *_) in zip(rnn, lstm, strict=True):
                assert abs(top - other_top) <= 1 and abs(bottom - other_bottom) <= 1, (rnn, lstm)
    finally:
        context.close()


# --- printing: the text of each sheet of a PDF, read with the standard library ----------------------


def _objects(pdf: bytes) -> dict:
    return {int(m[1]): m[2] for m in re.finditer(rb"(\d+) 0 obj\s*(.*?)endobj", pdf, re.S)}


def _stream(body: bytes) -> bytes:
    m = re.search(rb"stream\r?\n(.*?)\r?\nendstream", body, re.S)
    return zlib.decompressobj().decompress(m[1]) if b"FlateDecode" in body[: m.start()] else m[1]


def _to_unicode(cmap: bytes) -> dict:
    """A font's ToUnicode CMap: glyph id -> text."""
    out = {}
    for block in re.findall(rb"beginbfchar(.*?)endbfchar", cmap, re.S):
        for glyph, text in re.findall(rb"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>", block):
            out[int(glyph, 16)] = bytes.fromhex(text.decode()).decode("utf-16-be", "replace")
    for block in re.findall(rb"beginbfrange(.*?)endbfrange", cmap, re.S):
        for first, last, text in re.findall(rb"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>", block):
            out.update({glyph: chr(int(text, 16) + k) for k, glyph in enumerate(range(int(first, 16), int(last, 16) + 1))})
    return out


def sheets(pdf: bytes) -> list[str]:
    """The text of each sheet of a PDF as Chromium (Skia) writes it: a sheet's content streams, its
    fonts' two-byte glyph ids in hex strings, mapped back to text through each font's ToUnicode map;
    a line per text object (BT ... ET), in the order they are painted."""
    objects = _objects(pdf)

    def ref(body, key):
        m = re.search(rb"/" + key + rb"\s+(\d+) 0 R", body)
        return int(m[1]) if m else None

    tree = next(body for body in objects.values() if re.search(rb"/Type\s*/Pages\b", body))
    texts = []
    for number in map(int, re.findall(rb"(\d+) 0 R", re.search(rb"/Kids\s*\[(.*?)\]", tree, re.S)[1])):
        body = objects[number]
        resources = objects[ref(body, b"Resources")] if ref(body, b"Resources") is not None else body
        fonts = {}
        if listed := re.search(rb"/Font\s*<<(.*?)>>", resources, re.S):
            for name, font in re.findall(rb"/(\w+)\s+(\d+) 0 R", listed[1]):
                cmap = ref(objects[int(font)], b"ToUnicode")
                fonts[name] = _to_unicode(_stream(objects[cmap])) if cmap else {}
        contents = re.search(rb"/Contents\s*(\[.*?\]|\d+ 0 R)", body, re.S)[1]
        text, font = [], {}
        for content in map(int, re.findall(rb"(\d+) 0 R", contents)):
            for m in re.finditer(
                rb"/(\w+)\s+[\d.]+\s+Tf|\[(.*?)\]\s*TJ|<([0-9A-Fa-f]*)>\s*Tj|(ET)", _stream(objects[content]), re.S
            ):
                if m[1]:
                    font = fonts.get(m[1], {})
                elif m[4]:
                    text.append("\n")
                else:
                    for glyphs in re.findall(rb"<([0-9A-Fa-f]*)>", m[2] or b"<" + m[3] + b">"):
                        text += [font.get(int(glyphs[i : i + 4], 16), "?") for i in range(0, len(glyphs), 4)]
        texts.append("".join(text))
    return texts


def _squeezed(text: str) -> str:
    """Letters and digits only (a sheet's punctuation may come from a font without a text map), in NFKC.
    The CJK font maps some characters to radicals ("⼀" for "一", which NFKC undoes; "⻓" for "长", which
    it does not): such a radical is kept as a NUL, which stands for any character."""
    text = unicodedata.normalize("NFKC", text)
    return "".join("\0" if "\u2e80" <= ch <= "\u2fdf" else ch for ch in text if ch.isalnum() or "\u2e80" <= ch <= "\u2fdf")


def _printed(heading: str) -> re.Pattern:
    """A heading as a sheet's squeezed text holds it."""
    return re.compile("".join(f"[{re.escape(ch)}\\0]" for ch in _squeezed(heading)))


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_printed_heading_is_never_alone_at_a_sheets_foot(app_url, browser, lang):
    """Printed (Chromium's print to PDF, Letter), /gradient-flow's "2. Why: the factor of each step" was
    the last line of the second sheet, its section on the third. No sheet ends with a heading now, and
    every heading is still printed, once."""
    context, page = _open(browser, f"{app_url}/gradient-flow?lang={lang}", dict(viewport={"width": 1280, "height": 900}))
    try:
        headings = page.evaluate(
            "() => [...document.querySelectorAll('[data-testid=stMain] :is(h1, h2, h3)')].map((h) => h.textContent.trim())"
        )
        printed = sheets(page.pdf())
        assert len(printed) >= 3 and len(headings) >= 5
        for heading in headings:
            assert any(_printed(heading).search(_squeezed(sheet)) for sheet in printed), heading
        for number, sheet in enumerate(printed[:-1], start=1):
            foot = _squeezed("".join(line for line in sheet.splitlines() if line.strip())[-200:])
            alone = [heading for heading in headings if _printed(heading).search(foot[-len(_squeezed(heading)) :])]
            assert alone == [], f"sheet {number} ends with {alone}"
    finally:
        context.close()
