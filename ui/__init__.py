"""The small UI layer: language, URL-bound widgets, teacher mode, charts with their data tables,
and the server-wide training slots. Pages import `ui` and nothing else from Streamlit's internals.

URL state works like TensorFlow Playground's: every setting a page declares through these widget
wrappers is read from the query string on first render and written back when it changes, so a link
reproduces the view (seed included). Values that differ from the default are written; a hostile or
malformed value is ignored with a note, never an exception.
"""

from __future__ import annotations

import base64
import contextlib
import difflib
import functools
import gc
import html
import json
import re
import sys
import threading
import unicodedata
from pathlib import Path

import streamlit as st

from lstm_core.errors import UserInputError

from .i18n import LANG_NAMES, LANGS, STRINGS, sentences, translate

MAX_PARAM_LEN = 400  # longer query values are ignored: no legitimate setting needs more


# --- language and page setup ------------------------------------------------------------------


def lang() -> str:
    """The learner's language: ?lang= first (in any case, with a region or not: ZH, zh-CN), then the
    session's choice, then English."""
    q = st.query_params.get("lang")
    if (code := _lang_code(q)) is not None:
        st.session_state["lang"] = code  # page() writes it back to the link as the page's own code
    elif q is not None:  # ?lang=fr: the page stays in the session's language, and page() says why
        del st.query_params["lang"]
        st.session_state["_bad_lang"] = q
    return st.session_state.get("lang", "en")


def _lang_code(raw: str | None) -> str | None:
    """One of LANGS for a link's ?lang=, or None: a teacher typing lang=ZH or lang=zh-CN (the page's own
    <html lang>) means Chinese."""
    code = re.split(r"[-_]", (raw or "").strip().lower(), maxsplit=1)[0]
    return code if code in LANGS else None


def t(key: str, **params) -> str:
    """`key` in the learner's language. In teacher mode a sentence that names a setting teacher mode hides
    has its own wording, "<key>_teacher", which names only what the page shows."""
    return translate(_worded(key), lang(), **params)


def _worded(key: str) -> str:
    return f"{key}_teacher" if f"{key}_teacher" in STRINGS and teacher() else key


def heading(draw, *keys: str, **params) -> None:
    """A heading (`draw`: st.title, st.header or st.subheader): the texts of `keys` joined by " · ", its
    link named after the English heading in both languages. Streamlit names it after the heading's Latin
    letters, which left a Chinese heading "#1", "#lstm" or a hash: a section link a teacher shares did not
    open the same section in the other language, and "#lstm" could be the page's title's."""

    def text(language):
        return " · ".join(translate(_worded(key), language, **params) for key in keys)

    draw(text(lang()), anchor=anchor(text("en")))


def anchor(text: str) -> str:
    """The link name Streamlit 1.67 gives an English heading (its slugify: camel case split, "'s" kept
    with its word, accents dropped, every other run of characters a "-"), so English links stay as
    they were."""
    text = re.sub(r"([A-Z]{2})(\d+)", r"\1 \2", text)
    text = re.sub(r"([a-z\d])([A-Z])", r"\1 \2", text)
    text = re.sub(r"([A-Z])([A-Z](?!s(?![a-z]))[a-z\d]+)", r"\1 \2", text)
    text = "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c)).lower()
    text = re.sub(r"([a-z\d])['\u2019]([ts])(?![a-z\d])", r"\1\2", text)
    return re.sub(r"[^a-z\d]+", "-", text).strip("-")


def paragraph(*texts: str) -> str:
    """Sentences (already translated) as one paragraph in the learner's language."""
    return sentences(lang(), *texts)


TEACHER_SCALE = 1.25  # teacher mode's text, for a projector: the page's 20 px against 16, and a chart's fonts


def teacher() -> bool:
    """Teacher mode (?teacher=1): advanced controls hidden, larger text for a projector."""
    q = st.query_params.get("teacher")
    if q is not None:
        try:
            st.session_state["teacher"] = _parse_bool(q)  # as any on/off setting: 1, true, YES, on
        except ValueError:
            st.session_state["teacher"] = False
            _note_bad_value("teacher", q, False, _allowed_toggle)
        if not st.session_state["teacher"]:
            del st.query_params["teacher"]  # a junk value is dropped from the link, not carried along
    return st.session_state.get("teacher", False)


# <html lang> per language: a screen reader picks its voice from it (Chinese read by an English
# voice is unintelligible), and the browser its fonts and hyphenation.
HTML_LANG = {"en": "en", "zh": "zh-CN"}

# The app's accessibility styles. Streamlit's caption is body text at 60% opacity (#828180 on white,
# 3.88:1), short of WCAG AA's 4.5:1: this grey keeps its look at 6.8:1 on white, 6.0:1 on the sidebar.
# A display formula's box rounds 2 px narrower than its content, which made it a scroll region:
# 2 px of padding ends that; a formula truly wider than its column is made focusable below. Its box
# also hides what stands above its first row's strut (it scrolls sideways, so it clips): /gradient-flow's
# f̄ lost its bar and read "f = 0.729"; 0.1 em above and below keeps an accent's ink inside.
STYLE = """<style>
[data-testid="stCaptionContainer"] { color: #5c5b59; opacity: 1; }
.katex-display { padding: 0.1em 2px; }
/* on a phone or a tablet, a display formula wider than its column breaks after a relation or an
   operator, as KaTeX breaks inline math (between its pieces, .base), each line clear of the next: on a
   phone /metrics' "= 0.875" was off the screen */
@media (max-width: 860px) {
  .katex-display > .katex { white-space: normal; }
  .katex-display > .katex > .katex-html > .base { margin: 0.25em 0; }
}
/* narrow screens. A page link's text wraps (Streamlit keeps it on one line and cuts it: the home
   page's tour lost its descriptions on a phone). Beside the open sidebar (300 px) a tablet's content
   is as narrow as a phone's: its columns stack as Streamlit stacks them below a 640 px window (the
   three setting columns of /train cut their options off at 820 px; a 1,000 px laptop keeps its
   columns). A chart's toolbar (plotly.js's modebar) has its own strip above the chart, on every screen:
   at the top right of the picture it covered the end of a title, or a stacked figure's panel titles,
   whenever it showed (without hover, on a touch screen, all the time; under a teacher's pointer; on
   /gradient-flow at 1400 px, "each step: σₘₐₓ(Jₜ) and the actual factor"). In full screen the strip
   is inside the chart (ui/chart.js draws the figure that much shorter). */
[data-testid="stPageLink-NavLink"] > span { white-space: normal; }
@media (max-width: 860px) {
  .stApp:has([data-testid="stSidebar"][data-collapsed="false"]) [data-testid="stMain"] [data-testid="stColumn"] {
    min-width: calc(100% - 1.5rem);
  }
}
.lab-chart { margin-top: 32px; }
.lab-chart .modebar-container { top: -32px !important; }  /* a title's glyphs reach 3 px above the chart */
.lab-chart:fullscreen { padding-top: 32px; }
.stElementContainer:has(#lstm-lab-a11y, .lstm-lab-hidden) { display: none; }  /* scripts (below, lessons): no gap */
/* text for screen readers only (what a mark or a symbol on the screen means) */
.lab-sr-only { position: absolute; width: 1px; height: 1px; margin: -1px; padding: 0; overflow: hidden;
               clip-path: inset(50%); white-space: nowrap; border: 0; }
/* a chart toolbar's buttons are icons: keyboard focus shows a button's name, as a mouse over it does */
.lab-chart .modebar-btn[data-title]:focus-visible::before, .lab-chart .modebar-btn[data-title]:focus-visible::after {
  display: block; opacity: 1;
}
/* focus is always visible: Streamlit's own ring is missing on some controls (navigation links, text
   areas, the radio buttons, whose input is hidden behind its label) */
a:focus-visible, button:focus-visible, summary:focus-visible, [tabindex]:focus-visible, .katex-display:focus-visible,
label:has(input:focus-visible), [data-testid$="InputRootElement"]:focus-within,
[data-testid="stTextAreaRootElement"]:focus-within {
  outline: 3px solid #0072B2 !important; outline-offset: 2px;
}
/* code blocks (lesson 8): some of Streamlit's syntax colours fall below 4.5:1 on its code background
   (axe: color-contrast); these keep each token's hue, darker (5.5:1 or more on #f0f2f6) */
[data-testid="stCode"] :is(.token.comment, .token.prolog, .token.doctype, .token.cdata) { color: #5c6070; }
[data-testid="stCode"] :is(.token.function, .token.class-name, .token.builtin) { color: #0b5cad; }
[data-testid="stCode"] :is(.token.string, .token.char, .token.attr-value) { color: #0a6b2e; }
[data-testid="stCode"] :is(.token.keyword, .token.boolean, .token.important) { color: #8a2d9a; }
[data-testid="stCode"] :is(.token.number, .token.constant, .token.symbol) { color: #a14500; }
[data-testid="stCode"] :is(.token.operator, .token.punctuation) { color: #4a4a4a; }
/* a table wider than its box (plots/tables.py: a phone, a row of tokens) scrolls sideways: a shadow on
   the side that has more says so; white covers that scroll with the table hide it at either end */
.lab-table {
  background: linear-gradient(to right, #fff 40%, #fff0) left / 2rem 100% no-repeat local,
              linear-gradient(to left, #fff 40%, #fff0) right / 2rem 100% no-repeat local,
              radial-gradient(farthest-side at 0 50%, #0004, #0000) left / 0.8rem 100% no-repeat scroll,
              radial-gradient(farthest-side at 100% 50%, #0004, #0000) right / 0.8rem 100% no-repeat scroll;
}
/* a printed page (a teacher's handout): no sidebar (Streamlit prints an open one, its links and the
   language choice on page 1 and an empty strip beside every later page), no trailing blank page (the
   main block's 160 px of bottom padding), and a chart or a metric tile never cut across two pages
   (/gradient-flow and /metrics had charts split). A heading keeps to its section's first lines
   (/gradient-flow's "2. Why: the factor of each step" ended a sheet, its section on the next), except in
   columns: there Chromium drew /gradient-flow's "LSTM: the cell-state path" over the expander above it. */
@media print {
  [data-testid="stSidebar"] { display: none !important; }
  [data-testid="stMainBlockContainer"] { padding-bottom: 0 !important; }
  .stElementContainer:has(.lab-chart), [data-testid="stMetric"] { break-inside: avoid; }
  .stElementContainer:has(> [data-testid="stHeading"]):not([data-testid="stHorizontalBlock"] *) { break-after: avoid; }
  iframe[data-lab-printed-copy] { display: none !important; }  /* its still copy prints (plots/explorer_component.html) */
  /* a table in a scroll box (plots/tables.py) printed whole: /text-pipeline's "first 30 entries" printed
     eight, cut at the box's height, and its padding table lost the columns past the sheet's edge */
  .lab-table { max-height: none !important; overflow: visible !important; background: none !important; }
  .lab-table-one-line table { font-size: 0.65rem !important; }
  .lab-table-one-line :is(td, th) { white-space: normal !important; overflow-wrap: anywhere; padding: 0.2rem 0.15rem !important; }
}
@media (prefers-reduced-motion: reduce) {
  *, *::before, *::after { animation-duration: 0.01ms !important; animation-iteration-count: 1 !important;
                           transition-duration: 0.01ms !important; scroll-behavior: auto !important; }
}
</style>"""

# Fixes to Streamlit's own markup, kept up to date as it re-renders:
# - the file drop zone is a <section role="presentation"> with an aria-label, a conflict that makes
#   screen readers ignore the role (axe: presentation-role-conflict); its label is real, so the role goes;
# - a formula wider than its column scrolls sideways: the keyboard must reach it (tabindex), or part
#   of it cannot be read without a mouse (axe: scrollable-region-focusable);
# - Streamlit's own words (the file uploader's, the skip link, the help buttons' names, and the names
#   a screen reader says for the sidebar, its menu, a heading's link, a number's +/- buttons, a select
#   box's opener, a progress bar and a table's toolbar; a select box's placeholder, shown and read out
#   once its text is cleared to search, "Choose an option") are English only: they are put in the
#   page's language, each text node changed in place (nodeValue), never replaced, so React still owns it;
# - a heading's link is named after its heading ("Link to: Quiz"): Streamlit names them all alike;
# - a slider's input is labelled by itself and by its group, which carry the same label: a screen
#   reader said each slider's name twice ("Layers Layers"); it keeps the group's;
# - a button that goes while it has focus (/train's Train is drawn again disabled once pressed, Stop
#   once the run ends) left focus on the page's body: the next Tab went on past Stop. Focus goes to
#   the same button drawn again if it takes focus, else to the enabled button beside it;
# - a section link (/gradient-flow#3-exploding-gradients-and-clipping) keeps its heading at the top while
#   the page above it draws: Streamlit scrolls to the heading once, when it appears, and the charts drawn
#   after it then pushed it 400-1,000 px down, out of sight. Held until the learner scrolls, clicks,
#   touches or types, for 20 s at most.
_SCRIPT = """<span id="lstm-lab-a11y" hidden></span><script>
document.documentElement.lang = %s;
if (!window.__lstmLabA11y) {
  // {"pairs": [[en, zh], ...], "forms": [[en, zh], ...] with {x} for a part kept,
  //  "boxed": [[en, zh, en with its box {x}, zh with its box {x}], ...], "heading": [en, zh] with {x}}
  const WORDS = %s;
  window.__lstmLabA11y = true;
  let queued = false;
  // a formula's widths are read when a size changes, after the browser's own layout: read in
  // fix(), they made it lay the page out again after every change (27-36 ms of a /gradient-flow open).
  // Its box stops growing at the column's width while its content can still widen (its fonts
  // arriving, its numbers changing in place), so its pieces (.base, each as wide as its content)
  // are watched beside it. A piece a rerun took out is in no formula any more. So is its Markdown
  // block, as wide as its column: a formula drawn smaller in a narrow column kept that size when the
  // column widened again (its box and its pieces, drawn smaller, did not change).
  // A formula a little wider than its column is drawn smaller to fit it, down to FORMULA_MIN of its size:
  // scrolled sideways, its end was out of sight, and at 1,000 px /gradient-flow's RNN read
  // "= 2.22 × 10", its "⁻²⁶" hidden. One still too wide scrolls, and takes focus to be scrolled.
  const FORMULA_MIN = 0.75;
  const MARKDOWN = '[data-testid="stMarkdown"]';
  const wide = new ResizeObserver((seen) => {
    const formulas = ({ target }) => (target.matches(MARKDOWN)
      ? [...target.querySelectorAll(".katex-display")] : [target.closest(".katex-display")]);
    new Set(seen.flatMap(formulas)).forEach((e) => {
      const formula = e?.querySelector(":scope > .katex");
      if (!formula) return;
      // its width drawn at full size (its pieces' extent), against its column's (its own box is only as
      // wide as it is). Measured at that size: on a narrow screen a formula breaks into lines (STYLE), and
      // drawn smaller it breaks elsewhere; one drawn at 0.97em in a wide column kept that size there.
      e.style.fontSize = "";  // in em, as set here (KaTeX's own is 1.21em inside it)
      const pieces = [...formula.querySelectorAll(":scope > .katex-html > .base")].map((b) => b.getBoundingClientRect());
      const natural = pieces.length ? Math.max(...pieces.map((r) => r.right)) - Math.min(...pieces.map((r) => r.left)) : 0;
      const room = (e.closest(MARKDOWN) ?? e).clientWidth - 4;  // its padding
      const fit = natural > room ? Math.max(FORMULA_MIN, Math.floor((100 * room) / natural) / 100) : 1;
      if (fit !== 1) e.style.fontSize = `${fit}em`;
      if (e.scrollWidth > e.clientWidth) e.setAttribute("tabindex", "0");
      else e.removeAttribute("tabindex");
    });
  });
  const watched = new WeakSet();
  const retitled = new MutationObserver(() => later());
  const part = (text, form) => {  // the {x} of `form` in `text`, or null
    const [head, tail] = form.split("{x}");
    const fits = text.length > head.length + tail.length && text.startsWith(head) && text.endsWith(tail);
    return fits ? text.slice(head.length, text.length - tail.length) : null;
  };
  const said = (text, k) => {
    const pair = WORDS.pairs.find((p) => p.includes(text));
    if (pair) return pair[k];
    for (const forms of WORDS.forms) {
      const x = forms.map((form) => part(text, form)).find((x) => x !== null);
      if (x != null) return forms[k].replace("{x}", x);
    }
    return text;
  };
  const translate = () => {
    const k = document.documentElement.lang.startsWith("zh") ? 1 : 0;
    // a file over the size limit: its chip's alert and its icon's tooltip (not the chip's file name)
    const roots = '[data-testid="stFileUploaderDropzone"], [data-testid="stSkipToContent"], '
      + '[data-testid="stFileChip"] [role="alert"], [data-testid="stTooltipErrorContent"], [data-testid="stStatusWidget"]';
    document.querySelectorAll(roots).forEach((root) => {
      const walk = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let n = walk.nextNode(); n; n = walk.nextNode()) {
        const text = said(n.nodeValue, k);
        if (text !== n.nodeValue) n.nodeValue = text;
      }
    });
    const named = '[data-testid="stFileUploaderDropzone"] :is(input, button)[aria-label], '
      + '[data-testid="stTooltipHoverTarget"] button[aria-label], '
      + ':is([data-testid="stSidebar"], [data-testid="stSidebarNav"], [data-testid="stMainMenuButton"])[aria-label], '
      + ':is([data-testid="stSidebarCollapseButton"], [data-testid="stExpandSidebarButton"]) button[aria-label], '
      + '[data-testid="stHeaderActionElements"] a[aria-label], [data-testid="stSelectbox"] button[aria-label], '
      + ':is([data-testid="stNumberInputStepDown"], [data-testid="stNumberInputStepUp"], '
      + '[data-testid="stBaseButton-elementToolbar"])[aria-label], [data-testid="stProgress"] [aria-label], '
      + '[data-testid="stStatusWidgetRunningIcon"][aria-label]';
    document.querySelectorAll(named).forEach((e) => {
      const name = said(e.getAttribute("aria-label"), k);
      if (name !== e.getAttribute("aria-label")) e.setAttribute("aria-label", name);
    });
    document.querySelectorAll('[data-testid="stSelectbox"] input[placeholder]').forEach((e) => {
      const text = said(e.getAttribute("placeholder"), k);
      if (text !== e.getAttribute("placeholder")) e.setAttribute("placeholder", text);
    });
    // an uploader's own controls are named after its box, "Upload: Load a model file (.npz)": /explorer's
    // sidebar has two boxes, and a screen reader said "Upload" (and "file upload", "Add files") for both
    document.querySelectorAll('[data-testid="stFileUploaderDropzone"][aria-label]').forEach((zone) => {
      const box = zone.getAttribute("aria-label");
      zone.querySelectorAll("input, button").forEach((e) => {
        const name = e.getAttribute("aria-label") ?? e.querySelector('[data-testid="stMarkdownContainer"]')?.textContent ?? "";
        const matches = (w) => w.slice(0, 2).includes(name) || w.slice(2).some((form) => part(name, form) !== null);
        const words = WORDS.boxed.find(matches);
        const wanted = words && words[2 + k].replace("{x}", box);
        if (wanted && wanted !== name) e.setAttribute("aria-label", wanted);
      });
    });
    // a heading's link is named after its heading, "Link to: 1. The gradient through time": all were
    // "Link to heading", and a screen reader's list of links held as many alike as the page has headings
    document.querySelectorAll('[data-testid="stHeaderActionElements"] a').forEach((e) => {
      const heading = e.closest("h1, h2, h3, h4, h5, h6")?.querySelector("[data-heading-text]")?.textContent.trim();
      const name = heading && WORDS.heading[k].replace("{x}", () => heading);
      if (name && name !== e.getAttribute("aria-label")) e.setAttribute("aria-label", name);
    });
    // the tiles of a container given a name for their help buttons (ui.help_names): /train's two rows of
    // tiles had ten help buttons named by their tiles alone, "Help for Accuracy" twice
    document.querySelectorAll("[data-lab-help]").forEach((hint) => {
      const form = hint.dataset.labHelp;
      hint.closest('[data-testid="stVerticalBlock"]')?.querySelectorAll('[data-testid="stMetric"]').forEach((tile) => {
        const label = tile.querySelector('[data-testid="stMetricLabel"] [data-testid="stMarkdownContainer"]')?.textContent.trim();
        const button = tile.querySelector('[data-testid="stTooltipHoverTarget"] button[aria-label]');
        const name = label && form.replace("{x}", () => label);
        if (button && name && name !== button.getAttribute("aria-label")) button.setAttribute("aria-label", name);
      });
    });
  };
  const fix = () => {
    queued = false;
    translate();
    document.querySelectorAll('[data-testid="stFileUploaderDropzone"][role="presentation"][aria-label]')
      .forEach((e) => e.removeAttribute("role"));
    document.querySelectorAll(".katex-display, .katex-display .base").forEach((e) => {
      const block = e.closest(MARKDOWN);
      [e, block].forEach((w) => { if (w && !watched.has(w)) { watched.add(w); wide.observe(w); } });
    });
    // a heading's text changed in place (a text node's value, which the observers below do not see)
    // renames its link too
    document.querySelectorAll('[data-testid="stHeaderActionElements"]').forEach(({ parentElement: e }) => {
      if (e && !watched.has(e)) { watched.add(e); retitled.observe(e, { subtree: true, characterData: true }); }
    });
    document.querySelectorAll('[data-testid="stSlider"] input[type="range"][aria-labelledby]').forEach((e) => {
      const ids = e.getAttribute("aria-labelledby").split(" ").filter(Boolean);
      const others = ids.filter((id) => id !== e.id);
      const label = e.getAttribute("aria-label");
      if (others.length < ids.length && others.some((id) => document.getElementById(id)?.getAttribute("aria-label") === label)) {
        e.setAttribute("aria-labelledby", others.join(" "));
      }
    });
    refocus();
    retab();
  };
  // the button that lost focus to nothing, with its widget's key and when (looked for a few seconds)
  let lost = null;
  document.addEventListener("focusout", (e) => {
    const keyed = !e.relatedTarget && e.target.tagName === "BUTTON" && e.target.closest('[class*="st-key-"]');
    const key = keyed && [...keyed.classList].find((c) => c.startsWith("st-key-"));
    lost = key ? { button: e.target, key: "." + CSS.escape(key), row: keyed.parentElement, until: Date.now() + 5000 } : null;
  }, true);
  const refocus = () => {
    if (!lost) return;
    const { button, key, row, until } = lost;
    // focus went somewhere, the learner clicked outside the button, or it is too late
    if (document.activeElement !== document.body || (button.isConnected && !button.disabled) || Date.now() > until) {
      lost = null;
      return;
    }
    const next = document.querySelector(`${key} button:not([disabled])`)
      || (document.querySelector(key)?.parentElement ?? (row.isConnected ? row : null))?.querySelector("button:not([disabled])");
    if (next) { lost = null; next.focus(); }
  };
  // Streamlit greys out a tab while the page runs until the run reaches it. A tab with focus then lost it
  // to nothing: after "What if?" opened by the arrow keys, the next arrow key went to the page. It gets
  // focus back once the page is idle, unless the learner clicked elsewhere.
  // idle: no script runs (the attribute Streamlit's own tests read, as tests/streamlit_server.py does)
  const idle = () => document.querySelector('[data-testid="stApp"]')?.dataset.testScriptState === "notRunning";
  let lostTab = null, clicked = 0;
  addEventListener("pointerdown", () => { clicked = Date.now(); }, true);
  document.addEventListener("focusout", (e) => {
    const tab = !e.relatedTarget && Date.now() - clicked > 500 && e.target.closest?.('[data-testid="stTabs"] [role="tab"]');
    lostTab = tab ? { tab, until: Date.now() + 10000 } : null;
  }, true);
  // a tab's focus alone changes no attribute the observers below see (not every focus: fix() is no cheap call)
  document.addEventListener("focusin", (e) => { if (e.target.closest?.('[data-testid="stTabs"] [role="tab"]')) later(); }, true);
  // A tab the learner moves to while the page still runs for the tab before it was closed again when
  // that run ended (Streamlit selects the tab each run reports): /explorer kept focus on "Step through
  // time" with "What if?" open. With the arrow keys the tab with focus is the open one, so once the page
  // is idle, a tab with focus is opened.
  const retab = () => {
    if (lostTab && (document.activeElement !== document.body || Date.now() > lostTab.until)) lostTab = null;
    if (!idle()) return;
    if (lostTab?.tab.isConnected && !lostTab.tab.matches('[aria-disabled="true"], [data-disabled]')) lostTab.tab.focus();
    const tab = document.activeElement?.closest('[data-testid="stTabs"] [role="tab"]');
    if (tab) lostTab = null;
    if (tab?.getAttribute("aria-selected") === "false") tab.click();
  };
  const later = () => { if (!queued) { queued = true; requestAnimationFrame(fix); } };
  // attributes whose change calls for a fix
  const changes = ["role", "disabled", "placeholder", "aria-selected", "data-test-script-state"];
  new MutationObserver(later).observe(document.body, { subtree: true, childList: true, attributeFilter: changes });
  new MutationObserver(later).observe(document.documentElement, { attributeFilter: ["lang"] });
  fix();
  let section = location.hash.slice(1);
  try { section = decodeURIComponent(section); } catch { /* a malformed escape: the link as written */ }
  if (section) {
    const held = setInterval(() => document.getElementById(section)?.scrollIntoView(true), 100);
    const release = () => clearInterval(held);
    setTimeout(release, 20000);
    const options = { capture: true, passive: true };
    ["wheel", "touchstart", "mousedown", "keydown"].forEach((type) => addEventListener(type, release, options));
  }
}
</script>"""


def document(page_title: str):
    """Call once per run, from the router, after the navigation knows the page: the browser tab's
    title ("Cell explorer · LSTM Lab") and <html lang> in the learner's language, and the app's
    accessibility styles. A language switch reruns the router, so both follow it."""
    st.set_page_config(page_title=f"{page_title} · {t('app.title')}")
    st.html(STYLE)  # style only: Streamlit puts it in the event container, where it takes no space
    st.sidebar.html(_SCRIPT % (json.dumps(HTML_LANG[lang()]), _STREAMLIT_WORDS), unsafe_allow_javascript=True)


# Streamlit's names of its own controls, as a screen reader says them (ui/strings/common.py)
_NAMES = (
    "sidebar", "app_pages", "main_menu", "collapse_sidebar", "expand_sidebar", "heading_link", "open", "close",
    "increment", "decrement", "progress", "download_csv", "search", "fullscreen", "close_fullscreen", "columns",
    "choose_option", "no_options", "running", "stop",
)  # fmt: skip


def _streamlit_words() -> str:
    """Streamlit's own English words as the page script above takes them, both languages (JSON)."""
    words = ("upload", "drop_a_file", "drop_files", "file_upload", "add_files", "add_icon", "skip", "error", *_NAMES)
    forms = ("per_file", "help_for", "remove", "too_large")  # with a part {x} kept as it is

    def both(key):
        return [translate(key, lang) for lang in LANGS]

    boxed = ("upload", "file_upload", "add_files")  # an uploader's own controls, named after its box
    return json.dumps(
        {
            "pairs": [both(f"streamlit.{w}") for w in words],
            "forms": [both(f"streamlit.{f}") for f in forms],
            "boxed": [both(f"streamlit.{w}") + both(f"streamlit.{w}_to") for w in boxed],
            "heading": both("streamlit.heading_link_to"),  # a heading's link, named after its heading {x}
        }
    )


_STREAMLIT_WORDS = _streamlit_words()  # the same on every run: built once, not on every page's rerun


def page(name: str) -> str:
    """Call first on every page: records which page's settings the widgets bind to, draws the
    language switch, and keeps `lang` (and teacher mode) in the URL. Returns the language."""
    _leave_pages_directory_mode()
    _one_torch_thread()
    from ui import jobs  # ui.jobs imports ui

    jobs.watch()  # a reload's first run, on any page, frees the training slot its old session held
    st.session_state["_page"] = name
    st.session_state["_notes"] = []
    st.session_state["_reached"] = set()  # the settings this run has drawn or kept (stop())
    current = lang()
    st.session_state["_read"] = {"lang", "teacher"}  # the link's names this run has read (_unknown_names)
    st.session_state["_names_checked"] = False
    _repeated_names()
    if (bad := st.session_state.pop("_bad_lang", None)) is not None:  # read first by the router's document()
        _note_bad_value("lang", bad, current, lambda: allowed_options(LANGS))
    choice = st.sidebar.radio(
        translate("app.language", current),
        LANGS,
        index=LANGS.index(current),
        format_func=LANG_NAMES.get,
        horizontal=True,
        key=f"_lang_radio_{name}",
    )
    if choice != current:
        st.session_state["lang"] = choice
        st.query_params["lang"] = choice
        # Rebuild this page's bound widgets in the new language (a keyed widget keeps showing the
        # option labels it was built with); their values come back from the URL / session mirror.
        for key in _setting_keys(name):
            # pop: a widget not drawn in the last run is listed but has no value to delete (KeyError)
            st.session_state.pop(key, None)
        st.rerun()
    st.query_params["lang"] = current
    if teacher():
        st.query_params["teacher"] = "1"
        st.html("<style>html { font-size: 20px; } .stMarkdown p, .stMarkdown li { font-size: 1.15rem; }</style>")
        st.sidebar.caption(t("app.teacher_on"))
    return current


WARM_UP_DELAY_S = 5.0


@st.cache_resource
def warm_up():
    """Once per server process, in the background: tokenising /text-pipeline's data sets, importing
    torch and creating the first optimiser (which imports torch._dynamo) take seconds of CPU, which
    would otherwise land on the first learners' clicks and training runs; then the imported
    libraries are frozen for the garbage collector. Started a few seconds late: done at once, it
    held the GIL while the server's first page was being drawn (py-spy: about half of that page's
    time)."""

    def work():
        from ui import gradient_flow_state, text_pipeline_state

        text_pipeline_state.warm_up()  # about 1 s: a learner's new data set or tokeniser then costs nothing
        gradient_flow_state.warm_up()  # its first view in both languages, the costliest page to open
        import torch

        torch.set_num_threads(1)
        torch.optim.Adam([torch.zeros(1, requires_grad=True)])
        import plotly.graph_objects  # noqa: F401
        import plotly.io  # noqa: F401

        # (pandas is imported with the server, app.py says why)
        # The libraries' objects (400,000 of them) live as long as the server; the garbage
        # collector's full passes walked them all, 150-280 ms each, on whichever learner's click
        # they fell (bench/server_cpu.py's outliers). Frozen, they are skipped.
        gc.collect()
        gc.freeze()

    timer = threading.Timer(WARM_UP_DELAY_S, work)
    timer.name, timer.daemon = "warm-up", True
    timer.start()
    return True


def _one_torch_thread():
    """One torch thread per page run. Many learners share one small server, and torch's thread count
    is per OS thread (each run has its own). Pages that never touch torch do not import it."""
    if "torch" in sys.modules:  # maybe only half imported, by the warm-up thread: `import` waits for it
        import torch

        torch.set_num_threads(1)


def _leave_pages_directory_mode():
    """Streamlit starts a server in its old multipage mode when a `pages/` folder sits beside the
    main script, and stays in it until some run calls st.navigation: the first learner to open a
    shared link such as /explorer on a fresh server would get the page without the router (no
    translated navigation). Leave that mode and rerun through app.py once."""
    from streamlit.runtime.pages_manager import PagesManager

    if PagesManager.uses_pages_directory:
        PagesManager.uses_pages_directory = False
        st.rerun()


def rerun_section():
    """Rerun only the section (fragment) the learner acted in; the whole page when this run is a
    whole-page run, where Streamlit refuses a fragment-scoped rerun."""
    from streamlit.errors import StreamlitAPIException

    try:
        st.rerun(scope="fragment")
    except StreamlitAPIException:
        st.rerun()


def show_notes():
    """Show the notes gathered while reading the URL (bad values that were ignored) since the last
    call: a section drawn later shows its own. The first call of a page's run also names the link's
    parameters the page does not have (a typo: ?seeed=3)."""
    _unknown_names()
    for note in st.session_state.get("_notes", []):
        st.info(note, icon=":material/info:")
    st.session_state["_notes"] = []


# --- widgets bound to the URL -----------------------------------------------------------------


def _settings() -> dict:
    """This session's last value of every setting, per page: survives navigating away and back."""
    return st.session_state.setdefault("_settings", {}).setdefault(st.session_state.get("_page", ""), {})


def _from_url(name, parse, valid, default, max_len=MAX_PARAM_LEN, allowed=None):
    st.session_state.setdefault("_read", set()).add(name)
    raw = st.query_params.get(name)
    if raw is None:
        return _settings().get(name, default)
    try:
        if len(raw) > max_len:
            raise ValueError
        value = parse(raw)
        if not valid(value):
            raise ValueError
        return value
    except (ValueError, TypeError, OverflowError):
        used = _settings().get(name, default)
        _note_bad_value(name, raw, used, allowed)
        return used


def _note_bad_value(name, raw, used, allowed=None):
    """A note that the link's ?name=raw was ignored and the page uses `used` (a value) instead, and
    what the link may give: allowed() says it (called only then: a page run draws many settings)."""
    ignored = t("app.bad_query", name=_quoted(name), value=_quoted(raw), used=_quoted(_format(used)))
    _add_note(paragraph(ignored, allowed() if allowed else ""))


def allowed_range(low, high, like) -> str:
    """What a numeric setting may be, said to the learner: whole numbers when `like` (its default) is one."""
    key = "app.allowed_number" if isinstance(like, float) else "app.allowed_whole"
    return t(key, low=_format(low), high=_format(high))


def allowed_options(options) -> str:
    """A choice's values, as a link writes them ("lstm, gru")."""
    return t("app.allowed_options", options=[_md_plain(_format(option)) for option in options])


def _allowed_toggle() -> str:
    return t("app.allowed_toggle")


QUOTED_LEN = 40  # a note quotes this much of a link's value: enough to recognise it


def _quoted(raw: str) -> str:
    """Something from a link (a value, a parameter's name) as a note, which is Markdown, quotes it: on
    one line (a line break could start a heading or a list), at most QUOTED_LEN characters, with the
    ASCII characters of markup and URLs blanked out and invisible ones (controls, a right-to-left
    override) too, so a crafted link cannot put a link or formatting into the note. Letters, digits and
    other scripts' punctuation stay; an underscore is escaped, not blanked (data=reviews_en read
    "reviews·en"). The dot of "www." is blanked: Streamlit's Markdown makes www.example.com a link,
    even with the dot escaped."""
    text = re.sub(r"\s+", " ", raw)
    text = text[:QUOTED_LEN] + "…" if len(text) > QUOTED_LEN else text
    text = "".join(
        c
        if (c.isascii() and (c.isalnum() or c in " .,+=-'!?_…")) or (not c.isascii() and unicodedata.category(c)[0] != "C")
        else "·"
        for c in text
    )
    return re.sub(r"(?i)(www)\.", r"\1·", _md_plain(text))


def _repeated_names():
    """A name the link gives twice (?tp=1&tp=2, from a teacher's edit): the page takes the last, and says so."""
    for name in list(st.query_params):
        given = st.query_params.get_all(name)
        if len(given) > 1:
            _add_note(t("app.repeated_query", name=_quoted(name), count=len(given), value=_quoted(given[-1])))
            st.query_params[name] = given[-1]


# Names a share adds to a link, not a teacher (WeChat's from=timeline, a newsletter's utm_source): no note
_SHARERS = re.compile(r"utm_\w+|fbclid|gclid|msclkid|from|isappinstalled|scene|spm|share_\w+", re.IGNORECASE)


def _unknown_names():
    """Once a page's run: a link's parameter that is none of the page's settings (a typo: ?seeed=3) is
    named in a note and leaves the link, with the setting it may have meant. The names this run has read
    are known; any other is checked against the page's declarations (ui/declared.py, imported only then:
    a setting may be read later in the run, on another tab, or once a model has trained)."""
    if st.session_state.get("_names_checked", True):  # once a run: later sections may read more names
        return
    st.session_state["_names_checked"] = True
    read = st.session_state.get("_read", set()) | set(_settings())
    left = [name for name in st.query_params if name not in read and not _SHARERS.fullmatch(name)]
    if not left:
        return
    from ui.declared import declares, names

    page = st.session_state.get("_page", "")
    for name in left:
        if declares(page, name):
            continue
        note = t("app.unknown_query", name=_quoted(name), value=_quoted(st.query_params.get(name, "")))
        if guess := difflib.get_close_matches(name, names(page), n=1, cutoff=0.75):
            note = paragraph(note, t("app.unknown_query_guess", guess=_md_plain(guess[0])))
        _add_note(note)
        del st.query_params[name]


def _add_note(text: str):
    """A note for show_notes(): something the link asked for that the page did otherwise."""
    st.session_state.setdefault("_notes", []).append(text)


def _md_plain(text: str) -> str:
    return text.replace("_", r"\_")


def browser_param(name: str, pattern: str, last: int | None = None, default: str = "0"):
    """A setting the page's own script keeps in the URL (the explorer's time step, which changes
    without a server round trip): the server only checks it, so a junk value gets the usual note
    and is dropped from the link. A number past `last` opens at `last`; that is said only for the
    link the page was opened with: later the number is a step the learner chose on a longer sequence."""
    st.session_state.setdefault("_read", set()).add(name)
    raw = st.query_params.get(name)
    if raw is not None and not re.fullmatch(pattern, raw):  # `default`: what the page's script takes then
        _note_bad_value(name, raw, default, lambda: t("app.allowed_steps") if last is None else t("app.allowed_step", last=last))
        del st.query_params[name]
    elif raw is not None and last is not None and int(raw) > last and f"_linked:{name}" not in st.session_state:
        _add_note(t("app.past_last", name=name, value=int(raw), last=last))
        st.query_params[name] = str(last)
    if last is not None:
        st.session_state[f"_linked:{name}"] = True


def current(name, default):
    """A setting's value as this page last drew it: for a section that runs as a fragment and needs
    a setting another section draws (the other section does not rerun with it)."""
    return _settings().get(name, default)


def _to_url(name, value, default):
    _settings()[name] = value
    if value == default:
        if name in st.query_params:
            del st.query_params[name]
    else:
        st.query_params[name] = _format(value)


def _format(value):
    if isinstance(value, bool):
        return "1" if value else "0"
    return str(value)


_NUMBER = {int: re.compile(r"[+-]?[0-9]+"), float: re.compile(r"[+-]?([0-9]+\.?[0-9]*|\.[0-9]+)([eE][+-]?[0-9]+)?")}


def parse_number(raw: str, like):
    """A link's number, of `like`'s type, written as a link writes one: ASCII digits only (Python
    also reads "８" and "1_0"), and never -0.0, which the page would show as "-0.0"."""
    kind = float if isinstance(like, float) else int
    if not _NUMBER[kind].fullmatch(raw):
        raise ValueError(raw)
    return kind(raw) + kind(0)


def _parse_bool(raw: str) -> bool:
    if raw.lower() in ("1", "true", "yes", "on"):
        return True
    if raw.lower() in ("0", "false", "no", "off"):
        return False
    raise ValueError(raw)


def _bound(name, parse, valid, default, draw, advanced, max_len=MAX_PARAM_LEN, allowed=None):
    wkey = f"{st.session_state.get('_page', '')}:{name}"
    st.session_state.setdefault("_reached", set()).add(wkey)
    if wkey not in st.session_state:
        st.session_state[wkey] = _from_url(name, parse, valid, default, max_len, allowed)
    if draw is None or advanced and teacher():
        value = st.session_state[wkey]
    else:  # a widget stop() went past is drawn with its value as its default too (stop() says why)
        value = draw(wkey, st.session_state[wkey] if wkey in st.session_state.get("_stopped_over", ()) else None)
    _to_url(name, value, default)
    return value


def stop():
    """st.stop() for a page that cannot go on (a file it cannot read, a run not done yet). The browser
    forgets the settings' widgets this run did not reach; the server kept their values, so, drawn again,
    a slider stood at its minimum while the page used the old value (/forecast after a rejected upload:
    "2" units on the slider, 32 in the caption), and the next click sent the minimum (Streamlit issue
    4247). The server forgets them too: the next run takes them from the link, or this session's mirror,
    and sets them in the browser. That next run can be cut short by another (an upload reruns twice), and
    the one after it no longer sets them: so from then on each is drawn with its value as its default,
    which a browser holding no value for it shows."""
    reached = st.session_state.get("_reached", set())
    forgotten = [key for key in _setting_keys(st.session_state.get("_page", "")) if key not in reached]
    for key in forgotten:
        st.session_state.pop(key, None)
    st.session_state.setdefault("_stopped_over", set()).update(forgotten)
    st.stop()


def _setting_keys(page: str) -> list:
    """The session's keys of `page`'s bound settings (_bound names them "page:name")."""
    return [key for key in st.session_state if isinstance(key, str) and key.startswith(f"{page}:")]


def _default(name: str, value) -> dict:
    """A widget's default argument, when there is one to give (stop())."""
    return {} if value is None else {name: value}


def unlink(name):
    """A setting that does not apply now leaves the link (a hand-built cell has no hidden size); this
    session still remembers its value (_settings) for when it applies again."""
    if name in st.query_params:
        del st.query_params[name]


def kept(name, parse, valid, default, allowed=None):
    """A setting whose widget is not drawn in this run (it sits in a folded expander): its value, as the
    link or the learner's last change left it, still applies and stays in the link."""
    return _bound(name, parse, valid, default, None, False, allowed=allowed)


def _ranged(draw, name, label, min_value, max_value, default, step, advanced, kw):
    """A numeric widget over [min_value, max_value] whose value lives in the URL as ?name=value."""
    return _bound(
        name,
        lambda raw: parse_number(raw, default),
        lambda v: min_value <= v <= max_value,
        default,
        lambda k, shown: draw(t(label), min_value, max_value, step=step, key=k, **_default("value", shown), **kw),
        advanced,
        allowed=lambda: allowed_range(min_value, max_value, default),
    )


def slider(name, label, min_value, max_value, default, step=None, advanced=False, where=st, **kw):
    """A slider bound to the URL. `label` is a string key."""
    return _ranged(where.slider, name, label, min_value, max_value, default, step, advanced, kw)


def number(name, label, min_value, max_value, default, step=None, advanced=False, where=st, **kw):
    """A number input bound to the URL. `label` is a string key."""
    return _ranged(where.number_input, name, label, min_value, max_value, default, step, advanced, kw)


def choice(name, label, options, default, format_key=None, advanced=False, where=st, widget="selectbox", **kw):
    """A selectbox (or radio / segmented control) over `options` (plain strings, kept in the URL).
    `format_key` maps an option to a string key, e.g. "explorer.variant.{}"."""
    options = list(options)
    current = lang()  # captured: Streamlit may format options outside the script run (e.g. AppTest)

    def fmt(option):
        return translate(format_key.format(option), current) if format_key else str(option)

    segmented = functools.partial(where.segmented_control, required=True)  # clicked off, it showed none chosen
    draw = {"selectbox": where.selectbox, "radio": where.radio, "segmented": segmented}[widget]

    def drawn(k, shown):
        shown = shown if shown in options else None  # options that depend on other settings may have changed
        given = (
            _default("default", shown)
            if widget == "segmented"
            else _default("index", None if shown is None else options.index(shown))
        )
        value = draw(t(label), options, format_func=fmt, key=k, **given, **kw)
        return default if value is None else value  # a segmented control clicked off means its default

    return _bound(name, str, lambda v: v in options, default, drawn, advanced, allowed=lambda: allowed_options(options))


def toggle(name, label, default=False, advanced=False, where=st, **kw):
    draw = lambda k, shown: where.toggle(t(label), key=k, **_default("value", shown), **kw)  # noqa: E731
    return _bound(name, _parse_bool, lambda v: True, default, draw, advanced, allowed=_allowed_toggle)


def text(name, label, default="", max_chars=MAX_PARAM_LEN, advanced=False, where=st, area=False, **kw):
    draw = where.text_area if area else where.text_input
    value = _bound(
        name,
        str,
        lambda v: len(v) <= max_chars,
        default,
        lambda k, shown: draw(t(label), key=k, on_change=cut_paste, args=(k, max_chars, label), **_default("value", shown), **kw),
        advanced,
        max_len=max(max_chars, MAX_PARAM_LEN),  # a text the box takes is a text its link gives back
        allowed=lambda: t("app.allowed_text", limit=max_chars),
    )
    if note := paste_cut_note(label, max_chars):
        _add_note(note)
    return value


def cut_paste(key: str, max_chars: int, label: str):
    """A text box's on_change, in place of Streamlit's own max_chars, which drops a longer paste whole,
    without a word (a review pasted into the text pipeline left its sentence as it was): the box takes
    it and keeps its first max_chars, and paste_cut_note() then says so."""
    if len(entered := st.session_state[key]) > max_chars:
        st.session_state[key] = entered[:max_chars]
        st.session_state["_text_cut"] = (label, len(entered))


def paste_cut_note(label: str, max_chars: int) -> str | None:
    """The note for a paste cut_paste() has just cut in the box of this label, once."""
    if (cut_now := st.session_state.get("_text_cut")) and cut_now[0] == label:
        del st.session_state["_text_cut"]
        return t("app.text_cut", label=t(label), limit=f"{max_chars:,}", n=f"{cut_now[1]:,}")
    return None


def tabs(name, slugs, label_keys, where=st):
    """st.tabs whose open tab lives in the URL as ?name=slug (a slug, not the translated label, so a
    link opens the same tab in either language). Only the open tab's body needs to run: `.open`."""
    labels = [t(k) for k in label_keys]
    wkey = f"{st.session_state.get('_page', '')}:{name}:open"  # the page's prefix: rebuilt on a language switch
    if wkey not in st.session_state:
        tab = _from_url(name, str, lambda v: v in slugs, slugs[0], allowed=lambda: allowed_options(slugs))
        st.session_state[wkey] = labels[slugs.index(tab)]
    containers = where.tabs(labels, key=wkey, on_change="rerun")
    _to_url(name, next((s for s, c in zip(slugs, containers, strict=True) if c.open), slugs[0]), slugs[0])
    return containers


# --- showing things ---------------------------------------------------------------------------


def chart(fig, table=None, *, key: str, where=st, said: str = ""):
    """A Plotly figure, named and summarised for screen readers, with the numbers behind it one click away:
    `table` when given (a table, or a function that builds one), else every trace's points. The table
    is built and sent only while its expander is open: under a class's load, serialising every folded
    table on every rerun cost a tenth of the server's CPU, and building one needs pandas, which a
    page's first view after a server start would otherwise wait for. `said`: a sentence the summary
    ends with, of what this chart shows for the learner's settings (the summary itself only says what
    it draws: a result it named had been false under other settings)."""
    # its accessible name and one-sentence summary (ui/strings/charts.py) ride along in the figure's
    # `meta`; ui/chart.js puts them on the chart as role="figure", aria-label and aria-description
    summary = sentences(lang(), t(f"chart.{key}.summary"), said)
    meta = {"a11y_name": t(f"chart.{key}.name"), "a11y_summary": summary}
    if fig.layout.meta != meta:  # a cached figure, shared by sessions, already has it: leave it untouched
        fig.update_layout(meta=meta)
    import plotly.io  # here: pages without a chart never load plotly

    with contextlib.nullcontext() if where is st else where:  # a component is mounted where `with` puts it
        figure = plotly.io.to_json(fig, validate=False)
        _plotly(key=key, data={"figure": figure, "src": _PLOTLY_JS, "scale": TEACHER_SCALE if teacher() else 1, **_chart_words()})
    box = where.expander(t("app.data_table"), key=f"{key}:table", on_change="rerun")
    if box.open:
        if callable(table):
            table = table()
        import pandas as pd  # here: pandas is imported once a table is opened

        from plots.tables import figure_table, readable

        if table is None:  # no table of its own: the figure's points
            table = figure_table(fig, {c: t(f"app.col.{c}") for c in ("series", "x", "y", "value")})
        box.dataframe(readable(table) if isinstance(table, pd.DataFrame) else table, hide_index=True)  # or a Styler


# Not st.plotly_chart: ui/chart.js draws with the app's own, smaller plotly.js (static/README.md says why)
_plotly = st.components.v2.component("lstm_lab_chart", js=(Path(__file__).parent / "chart.js").read_text(), isolate_styles=False)
_PLOTLY_JS = "/".join(("", *filter(None, [st.get_option("server.baseUrlPath").strip("/")]), "app/static/plotly-cartesian.min.js"))


def _chart_words() -> dict:
    """The chart's own words, and plotly.js's toolbar words as its locale dictionary."""
    return {
        "fullscreen": t("app.chart_fullscreen"),
        "toolbar": t("app.chart_toolbar"),  # the toolbar's name, as a screen reader says it on entering it
        "failed": t("app.chart_failed"),
        "plotly_words": _PLOTLY_WORDS[lang()],
    }


def _plotly_words(lang: str) -> str:
    """plotly.js's own words in `lang` (none in English, its own), as JSON text: a dict among a
    component's data has Streamlit import pandas, which a page's first view avoids."""
    keys = [] if lang == "en" else [key for key in STRINGS if key.startswith("plotly.")]
    return json.dumps({key[len("plotly.") :]: translate(key, lang) for key in keys}, ensure_ascii=False)


_PLOTLY_WORDS = {code: _plotly_words(code) for code in LANGS}  # the same on every run: built once


def help_names(form: str, where=st):
    """Names the help button ("?") of each tile (st.metric) in the container `where` after `form`, {x}
    the tile's label: "Help for Accuracy on the test set", where Streamlit's "Help for Accuracy" was the
    same for each row of alike tiles (the page script, _SCRIPT, names them)."""
    where.html(f'<div class="lstm-lab-hidden" hidden data-lab-help="{html.escape(form)}"></div>')


def svg(markup: str, alt: str, max_width: int = 780, where=st):
    """An SVG picture (our own markup, never user text) with a text alternative for screen readers."""
    data = base64.b64encode(markup.encode()).decode()
    where.markdown(
        f'<img src="data:image/svg+xml;base64,{data}" alt="{html.escape(alt)}" style="max-width:{max_width}px;width:100%">',
        unsafe_allow_html=True,
    )


def error(exc: Exception, where=st):
    """Show a learner-caused error in the learner's language (in teacher mode, in its wording: t), in
    `where`: beside the widget that caused it (an upload box in the sidebar), else in the page."""
    if isinstance(exc, UserInputError):
        where.error(t(exc.key, **exc.params), icon=":material/warning:")
    else:
        where.error(t("error.generic", detail=html.escape(str(exc))[:200]), icon=":material/warning:")
