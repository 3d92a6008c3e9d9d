from dataclasses import asdict

import streamlit as st

import ui
import ui.gradient_flow_state as state
from lstm_core import experiments
from lstm_core.adding import BASELINE_MSE
from lstm_core.equations import latex_scientific
from lstm_core.errors import UserInputError
from plots import gradient_flow as plots
from plots.style import signed
from ui import settings

# Each section is a fragment: moving a widget reruns only its section, so a click costs the server
# what it changes, not the whole page (and the figures come from a cache shared by sessions).
lang = ui.page("gradient_flow")
t = ui.t
ui.heading(st.title, "gradient_flow.title")
st.markdown(t("gradient_flow.intro"))
with st.expander(t("gradient_flow.explain_header"), icon=":material/lightbulb:"):
    st.markdown(t("gradient_flow.explain"))
names = state.model_names(lang)


@st.fragment
def flow_sections():
    """1. gradient through time, and 2. why: the per-step factor."""
    ui.heading(st.header, "gradient_flow.flow_header")
    flow = settings.draw(state.Flow, columns=st.columns(3))
    seq_len = flow.seq_len
    ui.show_notes()
    try:
        chosen = state.flow_settings(flow)
        analysis = state.analysis(chosen)
    except UserInputError as exc:
        ui.error(exc)
        return
    figures = state.flow_figures(state.fields(chosen), lang)

    cols = [*st.columns(2), *st.columns(2)] if ui.teacher() else st.columns(4)  # a projector's larger labels fit
    for col, model in zip(cols, experiments.MODELS, strict=False):
        ratio = state.ratio_text(analysis["log_profiles"][model])
        col.metric(t("gradient_flow.ratio_of", model=names[model]), ratio, help=t("gradient_flow.ratio_help"))
    cols[3].metric(t("gradient_flow.radius"), state.fmt(analysis["radius"]), help=t("gradient_flow.radius_help"))
    said = state.profiles_said(analysis["log_profiles"], names)
    ui.chart(figures["profiles"], lambda: state.profiles_table(analysis["profiles"]), key="gf_profiles", said=said)
    st.caption(t("gradient_flow.flow_caption", T=seq_len, last=seq_len - 1))
    overflow = analysis["rnn"]["overflow"]  # a ReLU RNN's h past float64's range: no number to show
    if overflow is not None:
        st.warning(t("gradient_flow.rnn_overflow", t=overflow), icon=":material/warning:")

    ui.heading(st.header, "gradient_flow.why_header")
    st.markdown(t("gradient_flow.why_intro"))
    left, right = st.columns(2)
    with left:
        rnn_column(analysis["rnn"], flow, figures)
    with right:
        lstm_column(analysis["lstm"], flow, figures)


def rnn_column(rnn: dict, flow: state.Flow, figures: dict):
    """§2's left column: the vanilla RNN's Jacobian, its factors multiplied out, and their chart."""
    seq_len = flow.seq_len
    ui.heading(st.subheader, "gradient_flow.rnn_header")
    slope = r"\operatorname{diag}(1 - h_t^2)" if flow.nonlinearity != "relu" else r"\operatorname{diag}(\mathbb{1}[a_t > 0])"
    # one group: a narrow column breaks the formula after its "=" signs, not inside the brackets ("diag(1 −")
    st.latex(rf"J_t = \frac{{\partial h_t}}{{\partial h_{{t-1}}}} = {{{slope}\, W_{{hh}}}}")
    if rnn["overflow"] is not None:  # its factors are inf and nan: nothing to multiply out or draw
        st.info(t("gradient_flow.rnn_overflow_why", t=rnn["overflow"], last=seq_len - 1), icon=":material/info:")
        return
    step = state.rnn_derivation(rnn["log_ratio"][0], seq_len)  # the geometric mean of the T - 1 factors
    st.latex(  # a derivation over lines: on fewer, it ran past the half-width column on a projector
        rf"\begin{{aligned}}&\frac{{\lVert \partial L/\partial h_0 \rVert}}"
        rf"{{\lVert \partial L/\partial h_{{{seq_len - 1}}} \rVert}} \\"
        rf" &\qquad= \prod_{{t=1}}^{{{seq_len - 1}}} \frac{{\lVert J_t^\top g_t \rVert}}{{\lVert g_t \rVert}} \\"
        rf" &\qquad= ({latex_scientific(step['base'])})^{{{seq_len - 1}}} = {latex_scientific(step['result'])}\end{{aligned}}"
    )
    sigma = state.fmt(state.geometric_mean(rnn["sigma"]))
    st.caption(t("gradient_flow.rnn_numbers", sigma=sigma, step=step["base"]))
    ui.chart(figures["rnn"], lambda: state.rnn_table(rnn), key="gf_rnn")
    if plots.stops(figures["rnn"]):  # below float64's range, or past its largest number
        st.caption(t(state.gaps_text_key(rnn), line=t("gradient_flow.rnnfig.ratio"), last=seq_len - 1))


def lstm_column(lstm_factors: dict, flow: state.Flow, figures: dict):
    """§2's right column: the LSTM's cell-state path."""
    seq_len = flow.seq_len
    ui.heading(st.subheader, "gradient_flow.lstm_header")
    st.latex(  # two lines each, as on the left: on one, they ran past the column in teacher mode
        r"\begin{aligned}c_t &= f_t \odot c_{t-1} + i_t \odot g_t \\"
        r" \frac{\partial c_t}{\partial c_{t-1}} &= \operatorname{diag}(f_t)\end{aligned}"
    )
    lstm = state.lstm_summary(lstm_factors, flow.forget_bias)
    st.latex(
        rf"\begin{{aligned}}\bar f &= {state.latex_number(lstm['f_mean'])} \\"
        rf" \operatorname{{median}}_j \prod_{{t=1}}^{{{seq_len - 1}}} f_{{t,j}}"
        rf" &= {latex_scientific(state.fmt_power(lstm['log_keep']))}\end{{aligned}}"
    )
    # a bias is written as /explorer's lab writes b_f: signed, with a true minus sign ("σ(−5.0)")
    st.caption(t("gradient_flow.lstm_numbers", fb=signed(flow.forget_bias, 1), sig=state.fmt(lstm["sigmoid"])))
    ui.chart(figures["lstm"], lambda: state.lstm_table(lstm_factors), key="gf_lstm")
    if plots.stops(figures["lstm"]):
        st.caption(t("gradient_flow.why_gaps", line=t("gradient_flow.lstmfig.keep_median"), last=seq_len - 1))


@st.fragment
def clipping_section():
    """3. exploding gradients and clipping: one fixed, precomputed example (seed 0), since training
    it inside a page run would stall a busy server."""
    ui.heading(st.header, "gradient_flow.clip_header")
    demo = experiments.CLIPPING_DEMO
    st.markdown(t("gradient_flow.clip_intro", scale=demo.weight_scale, lr=demo.lr, T=demo.seq_len))
    clip = settings.draw(state.Clipping).clip
    ui.show_notes()
    reference = state.clipping(0, float(clip))
    ui.chart(state.clipping_figure(clip, lang), lambda: state.clipping_table(reference["runs"], clip), key="gf_clip")
    st.caption(t("gradient_flow.clip_caption", clip=clip, **state.clipping_figures(reference["runs"])))
    st.caption(t("gradient_flow.clip_machine", machine=state.machine_text(reference["machine"])))


@st.fragment
def reference_section(reference: dict):
    """4. the adding problem, as the shipped reference runs show it."""
    setup = reference["setup"]
    setup_figures = {k: setup[k] for k in ("hidden_size", "batch_size", "steps", "lr", "clip")}
    st.caption(t("gradient_flow.reference_setup", machine=state.machine_text(reference.get("machine")), **setup_figures))
    rows = state.reference_rows(reference)
    ui.chart(state.reference_figure(lang), lambda: state.rows_table(rows), key="gf_vs_length")
    st.markdown(state.summary_text(rows, names))
    shown = settings.draw(state.ReferenceLength, lengths=state.reference_lengths(reference)).shown
    ui.show_notes()
    ui.chart(state.reference_curves_figure(int(shown), lang), key="gf_ref_curves")
    st.markdown(t("gradient_flow.adding_lesson", **state.lesson_figures(reference)))


@st.fragment
def live_section(reference: dict | None):
    """A live adding-problem run: its settings, Start and Stop, and the run's curve."""
    ui.heading(st.subheader, "gradient_flow.live_header")
    live = settings.draw(state.Live, columns=st.columns(4))
    ui.show_notes()
    b1, b2, _ = st.columns([1, 1, 4])
    start = b1.button(
        t("gradient_flow.live_start"), type="primary", key="gf_start", disabled=state.RUN.running, icon=":material/play_arrow:"
    )
    if start:
        try:
            state.start(**asdict(live), seed=settings.current(state.Flow, "seed"))  # the seed set in section 1
            ui.rerun_section()
        except UserInputError as exc:
            ui.error(exc)
    if b2.button(t("gradient_flow.live_stop"), key="gf_stop", disabled=not state.RUN.running, icon=":material/stop:"):
        state.RUN.stop()
        ui.rerun_section()
    state.RUN.poll(live_run, reference)


def live_run(job, reference: dict | None):
    """Redrawn every second while the run trains in its thread."""
    if job is None:
        figures = state.lesson_figures(reference) if reference else None
        st.info(
            t("gradient_flow.live_none", **figures) if figures else t("gradient_flow.live_none_short"), icon=":material/info:"
        )
        return
    if job.error is not None:
        ui.error(job.error)
    run = state.latest(job)
    total = job.about.settings.steps
    done = run["steps"][-1] if run and run["steps"] else 0
    if job.running and not job.waiting:
        st.progress(done / total, text=t("gradient_flow.live_progress", done=done, total=total))
    if run is None or not run["steps"]:
        return
    curves = state.live_curves(run, job.about.model, names[job.about.model], reference, job.about.settings.forget_bias)
    figure = plots.adding_curves(curves, BASELINE_MSE, state.curve_labels(run["seq_len"], lang))
    ui.chart(figure, key="gf_live_curve", said=state.live_said(curves))
    status = "stopped" if run["stopped"] else "diverged" if run["diverged"] else "running" if job.running else "done"
    st.caption(t(f"gradient_flow.live_{status}", mse=state.fmt(run["test_mse"][-1]), seconds=f"{run['seconds']:.0f}"))


flow_sections()
clipping_section()
ui.heading(st.header, "gradient_flow.adding_header")
st.markdown(t("gradient_flow.adding_intro"))
reference = state.reference()
if reference is None:
    st.warning(t("gradient_flow.no_reference"), icon=":material/warning:")
else:
    reference_section(reference)
live_section(reference)
