"""/text-pipeline with AppTest: both languages, URL settings, bad input."""

from pathlib import Path

import numpy as np
import pytest
from streamlit.testing.v1 import AppTest

from datasets import classification
from lstm_core import classifier as C
from lstm_core.text import tokenise
from tests.apptest import figures, html_tables
from ui import text_pipeline_state, train_runs, train_settings

PAGE = str(Path(__file__).resolve().parent.parent / "pages" / "text-pipeline.py")


def run(**query):
    at = AppTest.from_file(PAGE, default_timeout=60)
    at.query_params.update({k: str(v) for k, v in query.items()})
    return at.run()


def test_english_default_shows_every_step():
    at = run()
    assert not at.exception and not at.error
    assert [h.value for h in at.header][:5] == [
        "1. Lower-casing and punctuation removal",
        "2. Tokenisation and the vocabulary index of each token",
        "3. The vocabulary",
        "4. Padding and truncation to a fixed length",
        "5. Embedding lookup",
    ]
    steps = html_tables(at)[0]  # the sentence at each stage of step 1
    assert list(steps["step"]) == ["as typed", "NFKC, lower-cased", "punctuation removed"]
    typed, lowered, cleaned = steps["text"]
    assert typed == "I expected it to be TERRIBLE... but it wasn't: it was great!" and lowered == typed.lower()
    assert cleaned.split() == "i expected it to be terrible but it wasn't it was great".split()  # the apostrophe stays
    tokens = html_tables(at)[1]
    assert list(tokens["token"])[:3] == ["i", "expected", "it"]
    assert "no → <unk>" in set(tokens["in vocabulary?"])  # wasn't is not in the generated data
    vocab = html_tables(at)[2]
    assert list(vocab["token"])[:2] == ["<pad>", "<unk>"] and list(vocab["index"])[:2] == ["0", "1"]
    heat = figures(at)[0]["data"][0]
    assert len(heat["y"]) == 20  # one row per position up to maxlen


def test_chinese_page_and_word_segmentation_from_the_url():
    at = run(lang="zh", mode="words", maxlen=20, sentence="这部电影没有让我失望")
    assert not at.exception and not at.error
    tokens = html_tables(at)[1]
    assert "电影" in list(tokens["词元"]) and "失望" in list(tokens["词元"])
    padding = html_tables(at)[3]
    assert list(padding.iloc[0])[-8:] == ["0"] * 8  # post padding, what /train reads: zeros last
    assert list(padding.iloc[2])[1:9] == ["0"] * 8  # pre padding, for comparison: zeros first
    assert at.header[0].value == "1. 转小写、去标点"
    hover = figures(at)[0]["data"][0]["hovertemplate"]  # the chart speaks the page's language too
    assert "维度" in hover and "dim" not in hover


def test_truncation_message_and_both_sides():
    at = run(maxlen=3, sentence="one two three four five")
    assert not at.exception
    assert any("2 are cut off" in md.value for md in at.markdown)
    rows = html_tables(at)[3]
    assert list(rows.iloc[1])[1:] in (["one", "two", "three"], ["<unk>"] * 3)  # post keeps the start
    assert list(rows.iloc[3])[1:] in (["three", "four", "five"], ["<unk>"] * 3)  # pre keeps the end
    assert list(rows.columns)[1:] == ["1", "2", "3"]


def test_one_token_cut_or_unknown_is_singular():
    at = run(maxlen=4, sentence="good not bad zzqqxx yes")
    assert not at.exception
    text = " ".join(md.value for md in at.markdown)
    assert "5 tokens, more than 4: 1 is cut off" in text
    at = run(sentence="good zzqqxx")
    assert "1 of 2 tokens is not in the vocabulary and becomes <unk>" in " ".join(md.value for md in at.markdown)


@pytest.mark.claims
@pytest.mark.parametrize(
    ("lang", "data", "maxlen"), [("zh", "negation_zh", 20), ("en", "negation_en", 20), ("en", "reviews_zh", 30)]
)
def test_the_share_cut_by_the_maximum_length_is_a_count_never_a_rounded_zero(lang, data, maxlen):
    """ "A maximum length of 20 cuts 0 %" while 6 of 3,000 are cut: the caption gives the count,
    recounted here from the data set's own token lengths."""
    at = run(lang=lang, data=data, maxlen=maxlen)
    assert not at.exception
    texts = classification.load(data, seed=text_pipeline_state.DATA_SEED).texts
    lengths = np.array([len(tokenise(text, "auto")) for text in texts])
    cut, n = int(np.sum(lengths > maxlen)), len(lengths)
    caption = at.caption[-1].value
    expected = f"cuts {cut:,} of the {n:,} examples" if lang == "en" else f"{n:,} 个样本中有 {cut:,} 个会被截断"
    longest = f"longest {lengths.max()}" if lang == "en" else f"最长 {lengths.max()}"
    assert expected in caption and longest in caption
    assert "%" not in caption.replace("95%", "")


def test_bad_input_gives_messages_not_tracebacks():
    for query, fragment in [
        (dict(sentence="  "), "The sentence is empty"),
        (dict(sentence="?!,."), "only punctuation"),
    ]:
        at = run(**query)
        assert not at.exception, query
        assert any(fragment in e.value for e in at.error), (query, [e.value for e in at.error])
    for maxlen in (0, 201, 10**7):  # beyond the widget (1 to the page's 200): the link's value is ignored with a note
        at = run(maxlen=maxlen)
        assert not at.exception and any("maxlen" in i.value for i in at.info)
        assert at.number_input(key="text_pipeline:maxlen").value == 20


def test_long_text_is_capped_with_a_note():
    at = run()
    at.text_input(key="text_pipeline:sentence").input("word " * 150).run()
    assert not at.exception
    assert any("only the first 300 are used" in i.value for i in at.info)


def test_real_reviews_dataset():
    at = run(lang="zh", data="reviews_zh")
    assert not at.exception
    examples = html_tables(at)[-1]
    assert len(examples) == 8 and set(examples["标签"]) <= {"正面", "负面"}


@pytest.mark.claims
@pytest.mark.parametrize(("lang", "maxlen"), [("en", 80), ("en", 4), ("zh", 80)])
def test_the_rows_the_page_says_train_reads_are_what_the_classifier_reads(lang, maxlen):
    """The claim "the models on /train use exactly these steps": the page's vocabulary and its "post"
    row for a sentence are the classifier's own, for /train's default data of each language."""
    sentence = {"en": "It was not good, it was zzyzx bad!", "zh": "这部电影不好看，但也不是很差。"}[lang]
    at = run(lang=lang, sentence=sentence, maxlen=maxlen)
    assert not at.exception
    page_vocab = list(html_tables(at)[2].iloc[:, 1])
    page_row = [int(v) for v in list(html_tables(at)[3].iloc[0])[1:]]
    data = train_runs.prepared(f"negation_{lang}", train_settings.DEFAULTS.n, None)  # /train's data, as it caches it
    assert page_vocab == data.vocab.itos[: len(page_vocab)]
    filler = " ".join(["x"] * maxlen)  # a longer text in the batch: the batch is padded to maxlen
    read = C.encode_texts([sentence, filler], data.vocab, lambda s: tokenise(s, data.tokenise_mode), maxlen)[0]
    assert page_row == read.tolist()
    if maxlen == 80:
        assert page_row[-1] == 0 and 1 in page_row or lang == "zh"  # padded at the end; the made-up word is <unk>


def _advanced_drawn(at) -> set:
    return {w.key for w in at.number_input} & {"text_pipeline:vocab", "text_pipeline:seed"}


def test_advanced_settings_are_sent_once_opened_and_still_apply_when_folded():
    """Folded, the "Advanced" expander's widgets are not drawn (a page open sends less); opened, they
    are; a value changed there still applies, and stays in the link, once it is folded again."""
    at = run()
    assert not at.exception and _advanced_drawn(at) == set()
    assert "10 entries" not in at.caption[1].value
    at.session_state["text_pipeline:advanced:open"] = True
    at.run()
    assert _advanced_drawn(at) == {"text_pipeline:vocab", "text_pipeline:seed"}
    at.number_input(key="text_pipeline:vocab").set_value(10).run()
    step3 = next(c.value for c in at.caption if "entries" in c.value)
    assert "10 entries" in step3 and at.query_params["vocab"] == "10"
    at.session_state["text_pipeline:advanced:open"] = False
    at.run()
    assert not at.exception and _advanced_drawn(at) == set()
    assert step3 == next(c.value for c in at.caption if "entries" in c.value) and at.query_params["vocab"] == "10"


def test_a_link_that_sets_an_advanced_setting_opens_its_expander():
    at = run(seed=7)
    assert at.number_input(key="text_pipeline:seed").value == 7 and at.expander[0].proto.expanded
    teacher = run(seed=7, teacher=1)  # teacher mode hides the advanced settings, and their expander
    assert _advanced_drawn(teacher) == set() and not [e for e in teacher.expander if e.label == "Advanced"]
    assert "seed 7" in " ".join(c.value for c in teacher.caption)


@pytest.mark.claims
@pytest.mark.parametrize(("lang", "said"), [("en", "The first {} entries:"), ("zh", "前 {} 项如下")])
def test_the_vocabulary_caption_counts_the_rows_its_table_has(lang, said):
    """A vocabulary of 10 entries: "the first 10", as its table shows, not "the first 30"."""
    at = run(lang=lang, vocab=10, maxlen=11)
    assert not at.exception
    caption = next(c.value for c in at.caption if said.format(10) in c.value)
    assert said.format(30) not in caption
    vocabulary = next(t for t in html_tables(at) if len(t) == 10)
    assert len(vocabulary) == 10


@pytest.mark.claims
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_data_set_caption_says_which_length_is_whose(lang):
    """ "post-padded to 20 as /train does" read as if /train padded to 20, where its intro says 80: the
    caption names the length chosen here and /train's own, and /train pads after the tokens, as said."""
    from lstm_core.text import MODEL_MAXLEN, pad_for_model

    at = run(lang=lang, maxlen=20)
    caption = next(c.value for c in at.caption if ("post-padded" in c.value or "后置填充" in c.value))
    assert "20" in caption and str(MODEL_MAXLEN) in caption
    assert pad_for_model([[5, 6]], 4) == [[5, 6, 0, 0]]  # after the tokens


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_text_longer_than_the_box_takes_is_cut_with_a_note_not_dropped(lang):
    """A 2,001-character review pasted into "Your sentence" (at most 2,000) left the old sentence in place
    and said nothing: Streamlit's max_chars drops a longer change whole. The box keeps the first 2,000."""
    from ui.i18n import translate

    at = run(lang=lang)
    box = at.text_input(key="text_pipeline:sentence")
    at = box.input("ab " * 667).run()  # 2,001 characters
    assert not at.exception
    assert at.text_input(key="text_pipeline:sentence").value == ("ab " * 667)[:2000]
    note = translate("app.text_cut", lang, label=translate("text_pipeline.sentence", lang), limit="2,000", n="2,001")
    assert note in [i.value for i in at.info]
    shared = at.query_params["sentence"]
    assert len(shared if isinstance(shared, str) else shared[0]) == 2000
    at = at.run()  # said once, where it happened
    assert note not in [i.value for i in at.info]
