from dataclasses import asdict

import numpy as np
import streamlit as st

import ui
from lstm_core import metrics
from plots.metrics import confusion_table_html, metric_bars_figure
from ui import settings
from ui.i18n import translate
from ui.metrics_state import Counts

lang = ui.page("metrics")
t = ui.t
NAMES = list(metrics.FORMULAS)
# The accuracy paradox: 1,000 items, 10 positive. Always answering "negative" vs. a useful screen.
PARADOX = {"always": dict(tp=0, fn=10, fp=0, tn=990), "useful": dict(tp=8, fn=2, fp=50, tn=940)}


@st.cache_resource(max_entries=2, show_spinner=False)
def paradox_figure(lang: str):
    """Fixed numbers: one figure per language, shared by sessions (read-only)."""
    rows = [(translate(f"metrics.name.{name}", lang), a, u) for name, a, u in _paradox_rows()]
    title, always, useful = (translate(f"metrics.paradox_{k}", lang) for k in ("chart", "always", "useful"))
    return metric_bars_figure(rows, title, always, useful)


def _paradox_rows():
    """(metric, always, useful) per metric; None where the metric is 0/0 (always "negative": precision)."""
    models = [(metrics.metrics_from_counts(**PARADOX[k]), metrics.undefined(PARADOX[k])) for k in ("always", "useful")]
    return [(name, *(None if name in undefined else values[name] for values, undefined in models)) for name in NAMES]


def paradox_table():
    import pandas as pd

    rows = [(t(f"metrics.name.{name}"), a, u) for name, a, u in _paradox_rows()]
    columns = [t("metrics.metric"), t("metrics.paradox_always"), t("metrics.paradox_useful")]
    return pd.DataFrame(rows, columns=columns).round(4)


def load_counts(counts):
    for name, value in counts.items():
        st.session_state[f"metrics:{name}"] = value


ui.heading(st.title, "nav.metrics")
st.markdown(t("metrics.intro"))


@st.fragment
def counts_sections():
    """The four counts and everything computed from them: a change reruns this part only."""
    ui.heading(st.header, "metrics.counts_header")
    counts = asdict(settings.draw(Counts, columns=[*st.columns(2), *st.columns(2)]))
    ui.show_notes()
    values = metrics.metrics_from_counts(**counts)
    if sum(counts.values()) == 0:
        st.warning(t("metrics.all_zero"), icon=":material/warning:")

    cards = {name: metrics.rounded(values[name]) for name in NAMES}
    # a fifth of the page holds 8 characters: 0.999999999 (huge counts) is cut short there, so 3 a row
    per_row = len(NAMES) if max(map(len, cards.values())) <= 8 else 3
    cols = [col for _ in range(0, len(NAMES), per_row) for col in st.columns(per_row)]
    for col, (name, text) in zip(cols, cards.items(), strict=False):
        col.metric(t(f"metrics.name.{name}"), text)

    ui.heading(st.header, "metrics.matrix_header")
    classes = [t("metrics.negative"), t("metrics.positive")]
    matrix = np.array([[counts["tn"], counts["fp"]], [counts["fn"], counts["tp"]]])  # (2, 2): rows true, cols predicted
    normalised = metrics.row_fractions(matrix)
    labels = dict(true_label=t("metrics.true"), predicted_label=t("metrics.predicted"))
    # each cell named: the counts the formulas below use, and the rate each normalised cell is
    names = [["TN", "FP"], ["FN", "TP"]]
    rates = [[t("metrics.name.specificity"), t("metrics.rate.fpr")], [t("metrics.rate.fnr"), t("metrics.name.recall")]]
    empty_row = bool((matrix.sum(axis=1) == 0).any())  # its shares are 0/0: shown as "—"
    normalised_title = t("metrics.matrix_normalised_empty" if empty_row else "metrics.matrix_normalised")
    tables = (
        confusion_table_html(matrix, classes, t("metrics.matrix_counts"), cell_names=names, **labels),
        confusion_table_html(normalised, classes, normalised_title, cell_names=rates, normalised=True, **labels),
    )
    # side by side where both fit at their own width, else one above the other: in two half-width
    # columns at 1,000 px "False-|positive|rate" took three lines of its cell and the title wrapped
    row = "display:flex;flex-wrap:wrap;gap:0.5rem 3rem;align-items:flex-start"
    st.html(f'<div style="{row}">{"".join(f"<div>{table}</div>" for table in tables)}</div>')
    st.caption(ui.paragraph(t("metrics.matrix_caption"), t("metrics.matrix_empty_row") if empty_row else ""))

    ui.heading(st.header, "metrics.formulas_header")
    undefined = metrics.undefined(counts)
    for name in NAMES:
        label = t(f"metrics.name.{name}")
        st.latex(metrics.formula_latex(name, counts, label))
        st.markdown(t(f"metrics.explain.{name}"))
        if name in undefined and sum(counts.values()):
            st.info(t("metrics.undefined", metric=label), icon=":material/info:")

    ui.heading(st.header, "metrics.pr_header")
    pred_pos, act_pos = counts["tp"] + counts["fp"], counts["tp"] + counts["fn"]
    precision_line = t("metrics.pr_precision", tp=counts["tp"], pred_pos=pred_pos) if pred_pos else t("metrics.pr_precision_none")
    recall_line = t("metrics.pr_recall", tp=counts["tp"], act_pos=act_pos) if act_pos else t("metrics.pr_recall_none")
    st.markdown(t("metrics.pr_body", precision_line=precision_line, recall_line=recall_line))


counts_sections()

ui.heading(st.header, "metrics.paradox_header")
always, useful = (metrics.metrics_from_counts(**PARADOX[k]) for k in ("always", "useful"))
n_pos = PARADOX["always"]["tp"] + PARADOX["always"]["fn"]
n_neg = PARADOX["always"]["tn"] + PARADOX["always"]["fp"]
st.markdown(
    t(
        "metrics.paradox_body",
        n_neg=n_neg,
        n_pos=n_pos,
        n=n_neg + n_pos,
        acc_always=always["accuracy"],
        useful_tp=PARADOX["useful"]["tp"],
        useful_fp=PARADOX["useful"]["fp"],
        acc_useful=useful["accuracy"],
        rec_useful=useful["recall"],
    )
)
ui.chart(paradox_figure(lang), paradox_table, key="paradox")
st.caption(t("metrics.paradox_undefined"))
left, right = st.columns(2)
left.button(t("metrics.paradox_load"), on_click=load_counts, args=(PARADOX["always"],), key="load_always")
right.button(t("metrics.paradox_load_useful"), on_click=load_counts, args=(PARADOX["useful"],), key="load_useful")
