"""How the pages write numbers (audit, second half): a count agrees with its noun instead of "(s)", a
negative number takes a true minus sign, a percentage is written one way, a downloaded report writes
its numbers as the page does, and a 0/0 is "—" with a note, never a number."""

import re
from unittest import mock

import numpy as np
import pytest
import torch

from datasets import upload
from lstm_core.errors import UserInputError
from tests.apptest import figures, open_page
from ui.i18n import STRINGS, translate


def test_no_string_hedges_its_plural_with_s():
    """ "1 token(s) are not in the trained model's vocabulary", "2 value(s) that are not numbers": the
    count is known, so the noun agrees with it (ui.i18n.counted and a "_one" form)."""
    assert [key for key, (en, _) in STRINGS.items() if "(s)" in en] == []


def _upload_error(data: bytes) -> UserInputError:
    with pytest.raises(UserInputError) as info:
        upload.extract(upload.read_table(data, "f.csv"), "v")
    return info.value


@pytest.mark.parametrize(
    ("cells", "en", "zh"),
    [
        (["x"], "has 1 value that is not a number, on line 3: x. Fix or delete it;", "有 1 个不是数字的值，在第 3 行"),
        (["x", "y"], "has 2 values that are not numbers, the first on line 3: x. Fix or delete them;", "有 2 个不是数字的值"),
        (["1e309"], "has 1 infinite value, on line 3: 1e309. A number that large", "有 1 个无穷大的值，在第 3 行"),
        (["1e309", "inf"], "has 2 infinite values, the first on line 3: 1e309. Numbers that large", "请修改或删除它们"),
    ],
)
def test_a_column_with_bad_values_counts_them_in_words(cells, en, zh):
    """The infinite-value message also said "fix or delete it" of several values."""
    data = ("v\n1\n" + "\n".join(cells) + "\n4\n5\n").encode()
    exc = _upload_error(data)
    assert en in translate(exc.key, "en", **exc.params)
    assert zh in translate(exc.key, "zh", **exc.params)


def test_one_unknown_token_is_one_token():
    from tests.test_explorer_core import _trained_text_model
    from ui.explorer_state import Settings, build_run

    model = _trained_text_model()
    said = {}
    for text, n in (("not a good movie", 1), ("not a good movie of mine", 3)):
        ((key, params),) = [
            (k, p) for k, p in build_run(Settings(mode="text", text=text, source="trained"), model).notes if "oov" in k
        ]
        said[n] = translate(key, "en", **params)
    assert said[1].startswith("1 token is not in the trained model's vocabulary and is shown as <unk>: a")
    assert said[3].startswith("3 tokens are not in the trained model's vocabulary and are shown as <unk>")


@pytest.mark.parametrize(
    ("lang", "fb", "said"), [("en", -5, "σ(−5.0) = 0.00669"), ("zh", -5, "σ(−5.0) = 0.00669"), ("en", 1, "σ(+1.0) = 0.731")]
)
def test_gradient_flow_writes_the_forget_bias_with_a_true_minus_sign(lang, fb, said):
    """ "With forget-gate bias -5.0 the gate starts near σ(-5.0)", a hyphen, where the page's own prose
    writes "−3" and /explorer's lab writes the same bias "σ(−5.0)" (plots.style.signed)."""
    at = open_page("pages/gradient-flow.py", lang=lang, fb=fb)
    assert not at.exception
    caption = next(c.value for c in at.caption if "σ(" in c.value)
    assert said in caption
    assert not re.search(r"(?<![\w.])-\d", caption)


def test_a_percentage_is_written_without_a_space():
    """English wrote both "70 % of the examples" and "99% accurate" (and every number the code formats,
    {share:.0%}, has no space); Chinese writes "70%"."""
    assert [key for key, pair in STRINGS.items() for text in pair if re.search(r"\d %", text)] == []


def _report(run, threshold) -> str:
    from ui import train_export

    with mock.patch("ui.lang", return_value="en"):
        return train_export.report_markdown(run, threshold).decode()


def test_the_run_report_writes_the_threshold_as_the_page_does():
    """A threshold from the slider or a link (0.35000000000000003) was written as it came, float noise
    and all, beside "Test accuracy at threshold 0.35"; 0.4 beside "at threshold 0.40"."""
    from tests.test_train_evaluation import _run

    report = _report(_run(seed=7), 0.35000000000000003)
    assert f"- {translate('train.threshold', 'en')}: 0.35\n" in report
    assert "0.3500000" not in report


def test_the_run_report_says_there_is_no_baseline_as_the_tile_does():
    """The tile says "not trained"; the report wrote "- Bag-of-words baseline: -"."""
    from tests.test_train_evaluation import _run
    from ui import train_labels

    run = _run(seed=7, baseline=False)
    with mock.patch("ui.lang", return_value="en"):
        label = train_labels.baseline(run)[0]
    assert f"- {label}: {translate('train.baseline_none', 'en')}\n" in _report(run, 0.5)


def test_the_run_report_never_rounds_an_accuracy_to_a_perfect_one():
    """f"{0.99996:.4f}" is "1.0000": the tiles write such an accuracy "0.99996" (metrics.rounded)."""
    from tests.test_train_evaluation import _run
    from ui import train_labels

    run = _run(seed=7)
    n = 30_000
    y = np.ones(n, dtype=int)
    proba = np.tile([0.1, 0.9], (n, 1))
    proba[0] = [0.9, 0.1]  # one mistake in 30,000: accuracy 0.99997
    run.data.test = (run.data.test[0][:1].repeat(n, 1, 1), torch.as_tensor(y))
    run.result.test_proba = proba
    run.result.baseline_proba = None
    with mock.patch("ui.lang", return_value="en"):
        label = train_labels.accuracy_label(run)
    line = next(line for line in _report(run, 0.5).splitlines() if line.startswith(f"- {label}: "))
    assert line.endswith(": 0.99997"), line


@pytest.mark.claims
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_accuracy_paradox_draws_no_bar_for_an_undefined_precision(lang):
    """Always answering negative flags nothing: its precision is 0/0, and its bar read "0.000" with no
    note, a claim that none of its flags was right. The normalised matrix writes a 0/0 "—" with a note."""
    from lstm_core import metrics

    at = open_page("pages/metrics.py", lang=lang)
    (bars,) = [f for f in figures(at) if all(t.get("type") == "bar" for t in f["data"])]
    always, useful = bars["data"]
    precision = always["x"].index(translate("metrics.name.precision", lang))
    assert always["text"][precision] == "—" and always["y"][precision] == 0
    # every other bar says its value, to 3 decimals
    counts = {"always": dict(tp=0, fn=10, fp=0, tn=990), "useful": dict(tp=8, fn=2, fp=50, tn=940)}
    for trace, k in ((always, "always"), (useful, "useful")):
        values = metrics.metrics_from_counts(**counts[k])
        for name, text in zip(trace["x"], trace["text"], strict=True):
            key = next(m for m in metrics.FORMULAS if translate(f"metrics.name.{m}", lang) == name)
            assert text == ("—" if k == "always" and key == "precision" else f"{values[key]:.3f}")
    assert translate("metrics.paradox_undefined", lang) in [c.value for c in at.caption]
    assert "0/0" in translate("metrics.paradox_undefined", lang)
