import math
from functools import partial

import streamlit as st

import ui
import ui.handoff
import ui.settings
from lstm_core import metrics
from lstm_core.errors import UserInputError
from plots import train as train_plots
from plots.metrics import confusion_matrix_figure
from plots.tables import html_table
from ui import model_files, train_evaluation, train_export, train_labels, train_runs, train_settings
from ui.i18n import counted

ui.page("train")
t = ui.t
ui.heading(st.title, "train.title")
st.markdown(t("train.intro"))
with st.expander(t("train.explain_header")):
    st.markdown(t("train.explain"))

ui.heading(st.header, "train.settings_header")  # h2 above the columns' h3s: headings go down one level at a time
settings = train_settings.controls()
ui.show_notes()
train_runs.collect()

buttons = st.container(horizontal=True)
running = train_runs.RUN.running
if buttons.button(t("train.start"), type="primary", key="train_start", disabled=running, icon=":material/play_arrow:"):
    try:
        train_runs.start(settings)
        st.rerun()
    except UserInputError as exc:
        ui.error(exc)
if buttons.button(t("train.stop"), key="train_stop", disabled=not running, icon=":material/stop:"):
    train_runs.RUN.stop(wait=2)
    st.rerun()


def live(job):
    """Redrawn every second while a run is in progress; the run itself lives in a thread."""
    if job is not None and job.running and not job.waiting:  # queued: the busy note above says why, no "Starting…"
        fraction, text = train_runs.progress_text(job)
        st.progress(fraction, text=text)
    shown = train_runs.live_curves()
    if not shown:
        st.info(t("train.no_run_yet"), icon=":material/info:")
        return
    curves = train_plots.curves(shown, train_labels.curve_labels())
    ui.chart(curves, table=train_labels.history_table(shown[0]["epochs"]), key="train_curves")
    classes = train_runs.shown_classes()
    note = (
        t("train.metric_note_binary", positive=classes[1])
        if len(classes) == 2
        else t("train.metric_note_multi", classes=len(classes))
    )
    zero_recall = train_labels.zero_recall_note(shown, classes) or ""
    st.caption(ui.paragraph(note, zero_recall, t("train.compare_note") if len(shown) > 1 else ""))


ui.heading(st.header, "train.curves_header")
train_runs.RUN.poll(live)
with st.expander(t("train.overfit_header")):
    st.markdown(t("train.overfit"))


@st.fragment
def evaluation(run):
    """Everything here is computed from the run's cached test scores: moving the threshold only
    reruns this fragment, never the training."""
    st.caption(ui.paragraph(t("train.results_of", name=run.name()), train_labels.data_used(run)))
    names = run.class_names()
    baseline = train_evaluation.accuracy(run, run.result.baseline_proba)
    cols = st.columns(3)
    model_accuracy = metrics.rounded(train_evaluation.accuracy(run, run.result.test_proba))
    cols[0].metric(train_labels.accuracy_label(run), model_accuracy)
    baseline_label, baseline_caption = train_labels.baseline(run)
    cols[1].metric(baseline_label, t("train.baseline_none") if baseline is None else metrics.rounded(baseline))
    cols[2].metric(t("train.wall_time"), t("train.wall_time_value", seconds=run.result.seconds))
    st.caption(baseline_caption)
    if (headline := train_labels.headline_note(run)) is not None:
        st.caption(headline)
    if (loses := train_labels.baseline_warning(run)) is not None:
        st.warning(loses, icon=":material/trending_down:")
    elif (note := train_labels.baseline_note(run)) is not None:
        st.info(note, icon=":material/info:")
    binary = len(names) == 2
    threshold = None
    if binary:
        threshold = ui.settings.draw(train_settings.Threshold, positive=names[1]).threshold
        ui.show_notes()
        for part, at in train_evaluation.threshold_rows(run, threshold):
            st.markdown(t(f"train.threshold_{part}"))
            row = st.container()  # the help buttons say their row: "Help for Accuracy on the test set"
            ui.help_names(t(f"train.metric_{part}_help_name"), where=row)
            for col, key in zip(row.columns(5), ("accuracy", "precision", "recall", "specificity", "f1"), strict=True):
                col.metric(t(f"train.metric.{key}"), metrics.rounded(at[key]), help=t(f"train.metric_{part}_help"))
            if (undefined := train_labels.undefined_note(at)) is not None:
                st.info(undefined, icon=":material/info:")
        if (best := train_labels.best_threshold(run, names[1])) is not None:
            st.caption(best)
        st.caption(t("train.test_exploration"))
    y_pred = train_evaluation.predictions(run, threshold)
    cm = train_evaluation.confusion_matrix(run, y_pred)
    notes = st.container()  # above the tabs: a bad ?tab= in the link
    tabs = ui.tabs("tab", train_settings.RESULT_TABS, [f"train.tab.{k}" for k in train_settings.RESULT_TABS])
    with notes:
        ui.show_notes()
    bodies = {
        "cm": partial(matrix_tab, cm, names),
        "report": partial(report_tab, run, y_pred, cm, names),
        "curves": partial(curves_tab, run, threshold, binary),
        "mistakes": partial(mistakes, run, y_pred, threshold),
        "export": partial(export_tab, run, threshold),
    }
    for slug, tab in zip(train_settings.RESULT_TABS, tabs, strict=True):
        if tab.open:  # only the open tab is built: a switch reruns this fragment (ui.tabs) and builds its own
            with tab:
                bodies[slug]()


def matrix_tab(cm, names):
    """The confusion matrix, counts and rows normalised."""
    left, right = st.columns(2)
    with left:
        cm_fig = confusion_matrix_figure(cm, names, **train_labels.cm_labels("train.cm_counts"))
        ui.chart(cm_fig, partial(train_labels.cm_table, cm, names), key="train_cm")
    with right:
        cmn = metrics.row_fractions(cm)
        empty_row = bool((cm.sum(axis=1) == 0).any())  # a class absent from the test set: its shares are 0/0
        title = "train.cm_normalised_empty" if empty_row else "train.cm_normalised"
        cmn_fig = confusion_matrix_figure(cmn, names, **train_labels.cm_labels(title), normalised=True)
        ui.chart(cmn_fig, partial(train_labels.cm_table, cmn, names, normalised=True), key="train_cmn")
        if empty_row:
            st.caption(t("train.cm_empty_row"))


def report_tab(run, y_pred, cm, names):
    """The classification report."""
    # st.table: st.dataframe draws the accuracy row's empty precision and recall as "None". Rates as the
    # tiles write them (metrics.rounded): a precision of 0.9996 is "0.9996", never a perfect "1.000"
    table = train_labels.report(run, y_pred)
    rates = table.columns[1:4]  # precision, recall, F1 (the class before them, the support after)
    styled = table.style.format(metrics.rounded, subset=rates, na_rep="").format("{:,}", subset=table.columns[4:])
    st.table(styled.hide(axis="index"))  # the support: a count, its thousands grouped as the caption's
    st.caption(t("train.report_caption"))
    if (undefined := train_labels.report_undefined_note(cm, names)) is not None:
        st.info(undefined, icon=":material/info:")


def curves_tab(run, threshold, binary):
    """ROC and precision-recall curves over the test scores."""
    curves = train_evaluation.score_curves(run, threshold) if binary else None
    if not binary:
        st.info(t("train.curves_binary_only"), icon=":material/info:")
    elif not math.isfinite(curves["roc"]["auc"]):  # a test set of one class: no ROC curve, no AUC
        st.info(t("train.curves_one_class"), icon=":material/info:")
    else:
        left, right = st.columns(2)
        roc, pr = curves["roc"], curves["pr"]
        roc_labels = train_labels.roc_labels("roc")
        pr_labels = train_labels.roc_labels("pr", curves["precision_undefined"])
        # partial: a data table is built only once its expander is opened (ui.chart)
        roc_table = partial(train_labels.curve_table, roc["fpr"], roc["tpr"], roc_labels, "fpr", "tpr")
        pr_table = partial(train_labels.curve_table, pr["recall"], pr["precision"], pr_labels, "recall", "precision")
        with left:
            ui.chart(train_plots.roc(**roc, labels=roc_labels), roc_table, key="train_roc")
        with right:
            ui.chart(train_plots.precision_recall(**pr, labels=pr_labels), pr_table, key="train_pr")
        st.caption(ui.paragraph(t("train.auc_caption"), t("train.ap_caption", prevalence=pr["prevalence"])))
        if curves["precision_undefined"]:
            st.info(t("train.undefined_pr_point"), icon=":material/info:")


def export_tab(run, threshold):
    """The history, the report, the model and the code to download."""
    st.download_button(
        t("train.download_history"),
        train_export.history_csv(run),
        "train_history.csv",
        "text/csv",
        on_click="ignore",
        help=t("train.download_history_help"),
    )
    st.download_button(
        t("train.download_report"),
        train_export.report_markdown(run, threshold),
        "train_report.md",
        "text/markdown",
        on_click="ignore",
    )
    trained = ui.handoff.get()
    # the model handed to the explorer may be an earlier run's: a digits run (not explorable) hands none over
    if trained is not None and trained.source == "train" and trained.run == run.number:
        model_files.download_button(trained)
    label, about = train_export.code_strings(run)
    st.download_button(
        t(label), train_export.code_zip(run), f"lstm_lab_run_{run.number}.zip", "application/zip",
        help=t(about), on_click="ignore", icon=":material/code:",
    )  # fmt: skip
    st.caption(t("train.get_code_caption"))


def mistakes(run, y_pred, threshold):
    table = train_labels.mistakes(run, y_pred)
    if table.empty:
        st.success(t("train.mistakes_none"), icon=":material/check_circle:")
        if run.explorable and st.button(t("train.open_explorer_first"), key="train_open_explorer", icon=":material/biotech:"):
            train_runs.open_in_explorer(run.example(0))
        return
    st.caption(t(counted("train.mistakes_count", len(table)), count=len(table), total=len(y_pred)))
    # a static table, not st.dataframe: its grid was nine Tab stops (its toolbar, its canvas four times, an
    # unnamed scroll box) and no table to a screen reader. One named stop that scrolls; a mistake is chosen below
    # the confidences as the tiles write rates (metrics.rounded): a mistake made at 0.9996 is not a certain "1.000"
    confidences = lambda column: [metrics.rounded(v) for v in column]  # noqa: E731
    st.html(html_table(table.drop(columns="index"), t("train.tab.mistakes"), max_height="24rem", number_format=confidences))
    if not run.data.text:
        st.info(t("train.saliency_text_only"), icon=":material/info:")
        shown = dict(zip(table["index"].tolist()[:100], table.iloc[:100, 1], strict=True))  # index -> "#k: 0110…"
        k = st.selectbox(t("train.mistake_pick"), list(shown), format_func=shown.get, key="train_mistake")
        if not run.explorable:  # several numbers a step (the digits' pixel rows): the example as the model reads it
            ui.chart(train_plots.example_steps(run.data.test[0][k].numpy(), train_labels.example_labels(k)), key="train_example")
            st.caption(t("train.explorer_multifeature", features=run.features))
            return
        numbers = run.numbers(k)
        if run.symbols:  # parity's 0s and 1s: the symbols themselves are the lesson
            st.caption(t("train.sequence_numbers", numbers=train_labels.numbers_text(numbers)))
        else:  # one real number a step (GunPoint): the whole series as a line, its values rounded in the table
            labels = train_labels.example_labels(k)
            series_table = partial(train_labels.series_table, numbers, labels)
            ui.chart(train_plots.example_series(numbers, labels), series_table, key="train_series")
        if st.button(t("train.open_explorer_sequence"), key="train_open_explorer", icon=":material/biotech:"):
            train_runs.open_in_explorer(numbers)
        return
    examples = table.iloc[:, 1].tolist()[:100]
    text = st.selectbox(t("train.mistake_pick"), examples, key="train_mistake")
    k = int(table["index"].iloc[examples.index(text)])  # the test item, whose prediction the table shows
    target = int(y_pred[k])  # at the threshold: the saliency explains the prediction the table lists
    tokens, scores, _ = train_evaluation.token_saliency(run, text, target)
    st.markdown(f"**{t('train.saliency_header')}**")
    caption = train_labels.saliency_caption(run, k, target, threshold)
    spoken = train_labels.saliency_spoken(run, tokens, scores, run.class_names()[target])
    st.html(train_plots.token_strip_html(tokens, scores, caption, spoken, name=t("train.saliency_header")))
    if st.button(t("train.open_explorer"), key="train_open_explorer", icon=":material/biotech:"):
        train_runs.open_in_explorer(text)


latest = train_runs.runs()[0] if train_runs.runs() else None
if latest is not None:
    ui.heading(st.header, "train.results_header")
    if latest.error is not None:
        ui.error(latest.error)
    message = train_runs.stop_message(latest)
    if message:
        (st.error if message[0] == "error" else st.info)(message[1])
    if latest.evaluable:
        evaluation(latest)
