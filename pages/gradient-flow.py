import streamlit as st

import ui
import ui.gradient_flow_state as S
from datasets.adding import BASELINE_MSE
from lstm_core import experiments as E
from lstm_core.errors import UserInputError
from plots import gradient_flow as P

ui.page("gradient_flow")
t = ui.t
st.title(t("gradient_flow.title"))
st.markdown(t("gradient_flow.intro"))
with st.expander(t("gradient_flow.explain_header"), icon=":material/lightbulb:"):
    st.markdown(t("gradient_flow.explain"))

# --- 1. gradient through time ------------------------------------------------------------------
st.header(t("gradient_flow.flow_header"))
c1, c2, c3 = st.columns(3)
seq_len = ui.slider("T", "gradient_flow.seq_len", 2, E.MAX_SEQ_LEN, 100, where=c1, help=t("gradient_flow.seq_len_help"))
hidden = ui.slider("H", "gradient_flow.hidden", 1, E.MAX_HIDDEN, 32, where=c1)
scale = ui.slider("scale", "gradient_flow.scale", 0.0, 3.0, 1.0, step=0.05, where=c2, help=t("gradient_flow.scale_help"))
init = ui.choice(
    "init", "gradient_flow.init", E.INITS, "default", "gradient_flow.init.{}", where=c2, help=t("gradient_flow.init_help")
)
forget_bias = ui.slider("fb", "gradient_flow.forget_bias", -5.0, 5.0, 1.0, step=0.5, where=c3, help=t("gradient_flow.fb_help"))
nonlin = ui.choice("act", "gradient_flow.nonlinearity", E.NONLINEARITIES, "tanh", where=c3, widget="segmented")
seed = ui.number("seed", "app.seed", 0, 10_000, 0, advanced=True, where=c3)
ui.show_notes()

names = {m: t(f"gradient_flow.model.{m}") for m in (*E.PROFILE_MODELS, "lstm_fb0")}
try:
    flow = E.FlowSettings(seq_len, hidden, 4, scale, nonlin or "tanh", init, forget_bias, seed)
    A = S.analysis(flow)
except UserInputError as exc:
    ui.error(exc)
    st.stop()

cols = st.columns(4)
for col, model in zip(cols, E.MODELS, strict=False):
    ratio = S.fmt(S.ratio(A["profiles"][model]))
    col.metric(t("gradient_flow.ratio_of", model=names[model]), ratio, help=t("gradient_flow.ratio_help"))
cols[3].metric(t("gradient_flow.radius"), S.fmt(A["radius"]), help=t("gradient_flow.radius_help"))
flow_labels = {k: t(f"gradient_flow.flow.{k}") for k in ("title", "x", "y", "hover")}
ui.chart(P.gradient_profiles(A["profiles"], names, flow_labels), S.profiles_table(A["profiles"]), key="gf_profiles")
st.caption(t("gradient_flow.flow_caption", T=seq_len, last=seq_len - 1))

# --- 2. why: the per-step factor ---------------------------------------------------------------
st.header(t("gradient_flow.why_header"))
st.markdown(t("gradient_flow.why_intro"))
left, right = st.columns(2)
with left:
    st.subheader(t("gradient_flow.rnn_header"))
    R = A["rnn"]
    slope = r"\operatorname{diag}(1 - h_t^2)" if nonlin != "relu" else r"\operatorname{diag}(\mathbb{1}[a_t > 0])"
    st.latex(rf"J_t = \frac{{\partial h_t}}{{\partial h_{{t-1}}}} = {slope}\, W_{{hh}}")
    step = S.geometric_mean(R["actual"])
    st.latex(
        rf"\frac{{\lVert \partial L/\partial h_0 \rVert}}{{\lVert \partial L/\partial h_{{{seq_len - 1}}} \rVert}}"
        rf" = \prod_{{t=1}}^{{{seq_len - 1}}} \frac{{\lVert J_t^\top g_t \rVert}}{{\lVert g_t \rVert}}"
        rf" = ({S.latex_number(step)})^{{{seq_len - 1}}} = {S.latex_number(R['ratio'][0])}"
    )
    st.caption(t("gradient_flow.rnn_numbers", sigma=S.fmt(S.geometric_mean(R["sigma"])), step=S.fmt(step)))
    rnn_labels = {k: t(f"gradient_flow.rnnfig.{k}") for k in ("top", "bottom", "sigma", "actual", "bound", "ratio", "x")}
    ui.chart(P.rnn_factors(R["sigma"], R["actual"], R["bound"], R["ratio"], rnn_labels), key="gf_rnn")
with right:
    st.subheader(t("gradient_flow.lstm_header"))
    L = A["lstm"]
    st.latex(r"\frac{\partial c_t}{\partial c_{t-1}} = \operatorname{diag}(f_t), \quad c_t = f_t \odot c_{t-1} + i_t \odot g_t")
    Ls = S.lstm_summary(L, forget_bias)
    st.latex(
        rf"\bar f = {S.latex_number(Ls['f_mean'])}, \quad \operatorname{{median}}_j \prod_{{t=1}}^{{{seq_len - 1}}} f_{{t,j}}"
        rf" = {S.latex_number(Ls['keep'])}"
    )
    st.caption(t("gradient_flow.lstm_numbers", fb=forget_bias, sig=S.fmt(Ls["sigmoid"])))
    lstm_labels = {
        k: t(f"gradient_flow.lstmfig.{k}") for k in ("top", "bottom", "f_mean", "f_band", "keep_median", "keep_max", "x")
    }
    ui.chart(P.lstm_factors(L["f"], L["keep"], lstm_labels), key="gf_lstm")

# --- 3. exploding gradients and clipping -------------------------------------------------------
st.header(t("gradient_flow.clip_header"))
st.markdown(t("gradient_flow.clip_intro", scale=E.CLIPPING_DEMO.weight_scale, lr=E.CLIPPING_DEMO.lr, T=E.CLIPPING_DEMO.seq_len))
clip = ui.choice("clip", "gradient_flow.clip", [str(c) for c in E.CLIP_CHOICES], "1.0", widget="segmented")
# one fixed, precomputed example (seed 0): training it inside a page run would stall a busy server
clip_ref = S.clipping(0, float(clip or "1.0"))
runs = clip_ref["runs"]
clip_names = {"none": t("gradient_flow.clip_none"), "clipped": t("gradient_flow.clip_with", clip=clip)}
clip_labels = {k: t(f"gradient_flow.clipfig.{k}") for k in ("loss", "norm", "x", "diverged", "baseline")}
ui.chart(P.clipping(runs, clip_names, float(clip or "1.0"), BASELINE_MSE, clip_labels), key="gf_clip")
st.caption(t("gradient_flow.clip_caption", clip=clip, **S.clipping_figures(runs)))
st.caption(t("gradient_flow.clip_machine", machine=S.machine_text(clip_ref["machine"])))

# --- 4. the adding problem ---------------------------------------------------------------------
st.header(t("gradient_flow.adding_header"))
st.markdown(t("gradient_flow.adding_intro"))
ref = S.reference()
labels = {k: t(f"gradient_flow.addfig.{k}") for k in ("title", "x", "y", "baseline", "seed_hover", "curves", "steps")}
if ref is None:
    st.warning(t("gradient_flow.no_reference"))
else:
    setup = ref["setup"]
    setup_figures = {k: setup[k] for k in ("hidden_size", "batch_size", "steps", "lr", "clip")}
    st.caption(t("gradient_flow.reference_setup", machine=S.machine_text(ref.get("machine")), **setup_figures))
    rows = S.reference_rows(ref)
    ui.chart(P.mse_vs_length(rows, names, BASELINE_MSE, labels), S.rows_table(rows), key="gf_vs_length")
    st.markdown(S.summary_text(rows, names))
    lengths = sorted({r["seq_len"] for r in rows})
    shown = ui.choice("ref_T", "gradient_flow.ref_length", [str(T) for T in lengths], str(lengths[-1]), widget="segmented")
    shown_runs = S.reference_curves(ref, int(shown or lengths[-1]))
    curves = [{**r, "name": t("gradient_flow.curve_name", model=names[r["variant"]], seed=r["seed"])} for r in shown_runs]
    curve_labels = {**labels, "title": t("gradient_flow.addfig.curves", T=shown), "x": labels["steps"]}
    ui.chart(P.adding_curves(curves, BASELINE_MSE, curve_labels), key="gf_ref_curves")
    st.markdown(t("gradient_flow.adding_lesson", **S.lesson_figures(ref)))

st.subheader(t("gradient_flow.live_header"))
l1, l2, l3, l4 = st.columns(4)
live_model = ui.choice("live_model", "gradient_flow.live_model", E.PROFILE_MODELS, "lstm", "gradient_flow.model.{}", where=l1)
live_T = ui.slider("live_T", "gradient_flow.live_T", 2, S.LIVE_MAX_LEN, 50, where=l2)
live_steps = ui.slider("live_steps", "gradient_flow.live_steps", 100, S.LIVE_MAX_STEPS, 3000, step=100, where=l3)
live_fb = ui.slider("live_fb", "gradient_flow.forget_bias", -5.0, 5.0, 1.0, step=0.5, where=l4, disabled=live_model != "lstm")
b1, b2, _ = st.columns([1, 1, 4])
if b1.button(t("gradient_flow.live_start"), type="primary", key="gf_start", disabled=S.running(), icon=":material/play_arrow:"):
    try:
        S.start(live_model, live_T, live_steps, live_fb, seed)
        st.rerun()
    except UserInputError as exc:
        ui.error(exc)
if b2.button(t("gradient_flow.live_stop"), key="gf_stop", disabled=not S.running(), icon=":material/stop:"):
    S.job().stop()
    st.rerun()


def live():
    """Redrawn every second while the run trains in its thread."""
    job = S.job()
    if job is None:
        st.info(t("gradient_flow.live_none", **S.lesson_figures(ref)) if ref else t("gradient_flow.live_none_short"))
        return
    if job.error is not None:
        ui.error(job.error)
    run = S.latest(job)
    total = job.live.settings.steps
    done = run["steps"][-1] if run and run["steps"] else 0
    if job.running and job.waiting:
        st.info(t("app.busy", running=job.busy[0], limit=job.busy[1]))
    elif job.running:
        st.progress(done / total, text=t("gradient_flow.live_progress", done=done, total=total))
    if not job.running and run is not None and st.session_state.get("_gf_redrawn") != id(job):
        st.session_state["_gf_redrawn"] = id(job)
        st.rerun()  # finished: redraw the buttons
    if run is None or not run["steps"]:
        return
    name = names[job.live.model]
    curves = S.live_curves(run, job.live.model, name, ref)
    live_labels = {**labels, "title": t("gradient_flow.addfig.curves", T=run["seq_len"]), "x": labels["steps"]}
    ui.chart(P.adding_curves(curves, BASELINE_MSE, live_labels), key="gf_live_curve")
    status = "stopped" if run["stopped"] else "diverged" if run["diverged"] else "running" if job.running else "done"
    st.caption(t(f"gradient_flow.live_{status}", mse=S.fmt(run["test_mse"][-1]), seconds=f"{run['seconds']:.0f}"))


st.fragment(run_every=1.0 if S.running() else None)(live)()
