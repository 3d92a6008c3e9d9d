"""The /explorer page under AppTest: widgets driven by key, bad input in both languages, hostile URL
values, and the hand-off of a trained model. (Stepping itself happens in the browser: see
tests/browser/test_explorer.py.)"""

from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest
from streamlit.testing.v1 import AppTest

from lstm_core import random_recorder
from lstm_core.text import Vocab
from ui.handoff import KEY, TrainedModel
from ui.i18n import translate

PAGE = str(Path(__file__).resolve().parent.parent / "pages" / "explorer.py")


def _open(**query) -> AppTest:
    at = AppTest.from_file(PAGE, default_timeout=90)
    for key, value in query.items():
        at.query_params[key] = str(value)
    return at.run()


def _stepper(at) -> str:
    frames = at.get("iframe")
    assert len(frames) == 1
    return frames[0].proto.srcdoc


def _open_tab(at, key, lang="en"):
    at.session_state["explorer:tab:open"] = translate(key, lang)
    at.run()


def _texts(at, kind) -> str:
    return " ".join(str(e.value) for e in getattr(at, kind))


def test_default_page_then_change_variant_and_unit():
    at = _open()
    assert not at.exception
    assert 'data-kind="lstm"' in _stepper(at)
    at.selectbox(key="explorer:kind").set_value("gru").run()
    assert not at.exception
    page = _stepper(at)
    assert 'data-kind="gru"' in page and '"order":["r","z","n","h"]' in page
    at.slider(key="explorer:unit").set_value(5).run()
    assert '"unit":5' in _stepper(at)
    at.selectbox(key="explorer:kind").set_value("rnn_tanh").run()
    assert 'data-kind="rnn_tanh"' in _stepper(at) and not at.exception


def test_chinese_page_with_the_memory_cell():
    at = _open(lang="zh", source="memory")
    assert not at.exception
    assert "触发词" in _texts(at, "info") or "不" in _texts(at, "info")
    page = _stepper(at)
    assert "时间步" in page and "遗忘门" in page
    assert at.tabs[1].label == "如果……会怎样？"


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({"mode": "text", "text": "  "}, "Type a sentence first"),
        ({"mode": "text", "text": "?!…"}, "no words or characters"),
        ({"mode": "numbers", "numbers": "1, 2, banana"}, "“banana” is not a number"),
        ({"mode": "numbers", "numbers": "1, nan"}, "not a finite number"),
        ({"mode": "numbers", "numbers": "1, inf"}, "not a finite number"),
        ({"mode": "numbers", "numbers": "1e300"}, "too large"),
        ({"mode": "numbers", "numbers": "1,2", "lang": "zh"}, None),
        ({"mode": "numbers", "numbers": "x", "lang": "zh"}, "不是数字"),
    ],
)
def test_bad_input_is_explained_and_the_page_keeps_working(query, expected):
    at = _open(**query)
    assert not at.exception
    if expected is None:
        assert not at.error
        return
    assert expected in _texts(at, "error")
    assert not at.get("iframe")
    # the single-unit lab still works
    _open_tab(at, "explorer.tab_lab", query.get("lang", "en"))
    assert len(at.get("metric")) == 3 and not at.exception


def test_typing_bad_input_then_fixing_it():
    at = _open(mode="numbers")
    at.text_area(key="explorer:numbers").set_value("0, 1, oops").run()
    assert "oops" in _texts(at, "error") and not at.exception
    at.text_area(key="explorer:numbers").set_value("0, 1, 0.5").run()
    assert not at.error and '"T":3' in _stepper(at)


def test_long_input_is_cut_and_the_learner_is_told():
    at = _open(mode="text", text="好" * 300)  # one token per character
    assert not at.exception
    assert "only the first 200 are used" in _texts(at, "info")
    assert '"T":200' in _stepper(at)


def test_hostile_url_values_are_ignored_with_a_note():
    at = _open(hidden=1000, layers=99, unit=-5, kind="<script>", source="evil", seed="1e999", mode="x")
    assert not at.exception
    notes = _texts(at, "info")
    for name in ("hidden", "layers", "unit", "kind", "source", "seed", "mode"):
        assert f"{name}=" in notes
    assert 'data-kind="lstm"' in _stepper(at)


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_linked_step_past_the_end_opens_at_the_last_step_with_a_note(lang):
    at = _open(t=999999, lang=lang)
    notes = _texts(at, "info")
    last = int(at.query_params["t"])
    assert f'"T":{last + 1}' in _stepper(at)
    assert translate("app.past_last", lang).split("{")[0] in notes and "999999" in notes and str(last) in notes
    at.run()  # a rerun, as after the learner stepped: no second note
    assert "999999" not in _texts(at, "info")


def test_largest_sizes_render():
    at = _open(hidden=64, layers=3, mode="numbers", numbers=",".join(["1"] * 100))
    assert not at.exception
    at.slider(key="explorer:layer").set_value(2).run()
    page = _stepper(at)
    assert '"H":64' in page and '"T":100' in page


def test_what_if_and_lab_controls():
    at = _open()
    _open_tab(at, "explorer.tab_whatif")
    assert not at.get("iframe")  # only the open tab is drawn
    at.selectbox(key="explorer:iv").set_value("unit_off").run()
    assert not at.exception
    assert not at.toggle(key="explorer:iv_all").disabled
    at.toggle(key="explorer:iv_all").set_value(True).run()
    change = [m for m in at.get("metric") if m.label == "Largest change in h"]
    assert float(change[0].value) > 0
    at.selectbox(key="explorer:iv").set_value("drop_first").run()  # a change of the input: every unit reads it
    assert at.toggle(key="explorer:iv_all").disabled
    _open_tab(at, "explorer.tab_lab")
    half = lambda: next(m.value for m in at.get("metric") if m.label == "Memory half-life when x = 0")  # noqa: E731
    before = half()
    at.slider(key="explorer:lab_b_f").set_value(3.0).run()
    assert before == "1.0 steps" and half() == "14.3 steps"  # f = σ(3) = 0.953: ln 0.5 / ln 0.953 = 14.3


def _trained():
    vocab = Vocab.build([["good", "bad", "movie", "not"]])
    embedding = np.random.default_rng(0).normal(size=(len(vocab), 4)).astype(np.float32)
    return TrainedModel(random_recorder("lstm", 4, 6, seed=5), "train", "LSTM on negation sentiment (en)", embedding, vocab)


def test_trained_model_from_the_hand_off_with_a_requested_example():
    at = AppTest.from_file(PAGE, default_timeout=90)
    at.session_state[KEY] = _trained()
    at.session_state["_explorer_request"] = "not a good movie"
    at.run()
    assert not at.exception
    assert at.selectbox(key="explorer:source").value == "trained"
    notes = _texts(at, "info")
    assert "LSTM on negation sentiment" in notes and "<unk>: a" in notes
    assert '"labels":["not","\\u003cunk\\u003e","good","movie"]' in _stepper(at)
    at.radio(key="explorer:mode").set_value("numbers").run()
    assert "reads text" in _texts(at, "error") and not at.exception


def test_a_handed_over_model_is_named_in_the_language_the_learner_switches_to():
    titles = {"en": "LSTM trained on negation", "zh": "在“否定句”上训练的 LSTM"}
    at = AppTest.from_file(PAGE, default_timeout=90)
    at.session_state[KEY] = replace(_trained(), title=titles)
    at.query_params["source"], at.query_params["lang"] = "trained", "en"
    at.run()
    assert titles["en"] in _texts(at, "info")
    at.sidebar.radio(key="_lang_radio_explorer").set_value("zh").run()
    assert not at.exception and titles["zh"] in _texts(at, "info") and titles["en"] not in _texts(at, "info")


def test_without_a_trained_model_the_option_is_absent():
    at = _open(source="trained")
    assert "trained" not in at.selectbox(key="explorer:source").options
    assert "source=" in _texts(at, "info") and not at.exception


def test_teacher_mode_hides_advanced_settings():
    at = _open(teacher=1, lang="zh")
    assert not at.exception
    keys = {s.key for s in at.slider} | {n.key for n in at.number_input}
    assert "explorer:hidden" in keys and "explorer:layers" not in keys and "explorer:seed" not in keys


def test_the_open_tab_lives_in_the_url():
    """A lesson's link ?tab=lab&lab_b_f=3.0 opens the single-unit lab with that bias, in either
    language; switching tabs writes the tab's slug (not its translated label) to the link."""
    for lang, label in (("en", "Memory half-life when x = 0"), ("zh", translate("explorer.lab_halflife", "zh"))):
        at = _open(tab="lab", lab_b_f="3.0", lang=lang)
        assert not at.exception and not at.get("iframe")  # the stepper's tab is closed
        half = next(m.value for m in at.get("metric") if m.label == label)
        assert half.startswith("14.3")
    _open_tab(at, "explorer.tab_whatif", "zh")
    assert at.query_params["tab"] == "whatif"
    _open_tab(at, "explorer.tab_step", "zh")
    assert "tab" not in at.query_params and at.get("iframe")  # the default tab leaves the link
    at = _open(tab="<script>")
    assert at.get("iframe") and any("ignored" in i.value for i in at.info)


def test_the_lab_shows_no_control_or_note_of_the_traced_model():
    """The lab has one unit of its own: the traced model's unit slider and its notes (the random
    model's) are not shown there, and the unit chosen before comes back with the stepper."""
    at = _open(unit="5")
    assert at.slider(key="explorer:unit").value == 5 and at.info
    _open_tab(at, "explorer.tab_lab")
    assert not at.exception and not at.info
    assert "explorer:unit" not in [s.key for s in at.slider] and at.query_params["unit"] == "5"
    _open_tab(at, "explorer.tab_step")
    assert at.slider(key="explorer:unit").value == 5 and at.info


@pytest.mark.claims
@pytest.mark.parametrize("kind", ["lstm", "gru", "rnn_tanh", "lstm1997", "cifg"])
def test_what_if_metric_and_intro_say_what_they_show(kind):
    """ "Largest change in h" is the largest change of any unit of h, in any layer, at any step (it once said
    "in the output", beside a panel of ‖h_t‖ that moved far less); the intro speaks of the gates this
    kind has."""
    from lstm_core import Intervention
    from ui import explorer_state as state

    at = _open(kind=kind)
    _open_tab(at, "explorer.tab_whatif")
    at.toggle(key="explorer:iv_all").set_value(True).run()
    shown = next(m for m in at.get("metric") if m.label == "Largest change in h")
    run = state.build_run(state.Settings(kind=kind))
    name = state.interventions(kind)[0]
    iv = Intervention("unit_off", layer=0) if name == "unit_off" else Intervention(name[0], float(name[1]), layer=0)
    changed = run.recorder.record(run.x, interventions=[iv])
    assert float(shown.value) == pytest.approx(np.abs(changed.h - run.trace.h).max(), abs=6e-4)
    intro = next(m.value for m in at.markdown if m.value.startswith(translate("explorer.whatif_intro", "en")))
    gate = {"lstm": "forget gate to 1", "gru": "update gate to 1", "rnn_tanh": "no gate"}.get(kind, "")
    assert gate in intro and ("forget gate to 1" in intro) == (kind == "lstm")


def test_what_if_legend_names_the_line_styles_not_one_panels_colour():
    from plots.explorer import what_if_figure

    t = np.arange(4.0)
    panels = [("c", "c", t, t + 1), ("h", "h", t, t / 2), ("out", "baseline", t, t)]
    fig = what_if_figure(panels, list("abcd"), {"original": "normal run", "what_if": "what if", "t": "t"})
    legend = [tr for tr in fig.data if tr.showlegend is not False]
    assert [tr.name for tr in legend] == ["normal run", "what if"]
    drawn = [tr for tr in fig.data if tr.showlegend is False]
    assert len({tr.line.color for tr in drawn if tr.name == "normal run"}) == 3  # each panel its quantity's colour
    assert {(tr.line.color, tr.line.dash) for tr in drawn if tr.name == "what if"} == {
        (legend[1].line.color, legend[1].line.dash)
    }
    assert legend[0].line.dash is None and all(tr.line.dash is None for tr in drawn if tr.name == "normal run")


@pytest.mark.parametrize(
    "weights",
    [dict(w_f=6.0, b_f=6.0, w_i=6.0, b_i=6.0, w_g=6.0, b_o=6.0), dict(w_f=-6.0, b_f=6.0, w_i=6.0, b_i=6.0, w_g=-6.0, b_o=6.0)],
)
def test_the_lab_chart_keeps_one_scale_and_every_value_fits_it(weights):
    """The lab's c/h panel no longer fits its range to the data (a 0.002 bump looked like a jump):
    both panels span -1.05..1.05, which holds every value the lab can make."""
    from plots.explorer import lab_figure
    from ui import explorer_state as state

    record, x = state.lab_record(weights)
    assert max(np.abs(record[q]).max() for q in "ifgoch") < 1.05
    fig = lab_figure(record, x, {**{q: q for q in "ifgoch"}, "x": "x", "t": "t"})
    assert list(fig.layout.yaxis.range) == list(fig.layout.yaxis2.range) == [-1.05, 1.05]


def test_what_if_intro_exists_for_every_cell_kind():
    from lstm_core import cells
    from ui import explorer_state as state

    for kind in cells.KINDS:
        for lang in ("en", "zh"):
            intro = state.what_if_intro(kind, lang)
            assert (
                intro.startswith(translate("explorer.whatif_intro", lang))
                and len(intro) > len(translate("explorer.whatif_intro", lang)) + 20
            )
            assert ("。 " not in intro) if lang == "zh" else (". " in intro)
            # the what-if also runs on numbers: no sentence may call the first step a word
            assert "drop the first word" not in intro and "或去掉第一个词" not in intro, (kind, lang)


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_an_emoji_only_sentence_is_told_what_was_removed(lang):
    """Emoji are symbols, not punctuation: the message names both."""
    at = _open(mode="text", text="😀🎉 !!", lang=lang)
    assert not at.exception
    assert translate("explorer.err_no_tokens", lang) in [e.value for e in at.error]


def test_a_long_list_of_numbers_comes_back_from_its_link():
    """The box takes 1,600 characters; its link gave back only 400, so a reload of 250 numbers fell
    back to the default with an "ignored" note."""
    numbers = ", ".join(str(k % 7) for k in range(250))  # 748 characters
    at = _open(mode="numbers", numbers=numbers, lang="en")
    assert not at.exception
    assert at.text_area(key="explorer:numbers").value == numbers
    assert not [i.value for i in at.info if "is not valid here" in i.value]
    too_long = ", ".join("1" for _ in range(600))  # 1,798 characters: over what the box takes
    at = _open(mode="numbers", numbers=too_long, lang="en")
    assert not at.exception and any("is not valid here" in i.value for i in at.info)


@pytest.mark.parametrize("source", ["memory", "counter", "leaky"])
def test_the_variant_is_offered_only_for_a_random_model(source):
    """A hand-built cell is an LSTM and a trained model has its own kind: a Variant box beside them
    did nothing and needed a note saying so. It is drawn for a random model only, and leaves the link."""
    assert "explorer:kind" in {w.key for w in _open(kind="gru").selectbox}
    at = _open(source=source, kind="gru")
    assert not at.exception and "explorer:kind" not in {w.key for w in at.selectbox}
    assert "kind" not in at.query_params and 'data-kind="lstm"' in _stepper(at)
