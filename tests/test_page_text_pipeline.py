"""/text-pipeline with AppTest: both languages, URL settings, bad input."""

import json
from pathlib import Path

from streamlit.testing.v1 import AppTest

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
    tokens = at.dataframe[1].value
    assert list(tokens["token"])[:3] == ["i", "expected", "it"]
    assert "no → <unk>" in set(tokens["in vocabulary?"])  # wasn't is not in the generated data
    vocab = at.dataframe[2].value
    assert list(vocab["token"])[:2] == ["<pad>", "<unk>"] and list(vocab["index"])[:2] == [0, 1]
    heat = json.loads(at.get("plotly_chart")[0].proto.spec)["data"][0]
    assert len(heat["y"]) == 20  # one row per position up to maxlen


def test_chinese_page_and_word_segmentation_from_the_url():
    at = run(lang="zh", mode="words", maxlen=20, sentence="这部电影没有让我失望")
    assert not at.exception and not at.error
    tokens = at.dataframe[1].value
    assert "电影" in list(tokens["词元"]) and "失望" in list(tokens["词元"])
    padding = at.dataframe[3].value
    assert list(padding.iloc[0])[1:9] == ["0"] * 8  # pre padding: zeros first
    assert at.header[0].value == "1. 转小写、去标点"


def test_truncation_message_and_both_sides():
    at = run(maxlen=3, sentence="one two three four five")
    assert not at.exception
    assert any("2 are cut off" in md.value for md in at.markdown)
    rows = at.dataframe[3].value
    assert list(rows.iloc[1])[1:] == ["three", "four", "five"] or list(rows.iloc[1])[1:] == ["<unk>", "<unk>", "<unk>"]
    assert list(rows.columns)[1:] == ["1", "2", "3"]


def test_bad_input_gives_messages_not_tracebacks():
    for query, fragment in [
        (dict(sentence="  "), "The sentence is empty"),
        (dict(sentence="?!,."), "only punctuation"),
        (dict(maxlen=0), "A maximum length of 0"),
        (dict(maxlen=5000), "A maximum length of 5000"),
    ]:
        at = run(**query)
        assert not at.exception, query
        assert any(fragment in e.value for e in at.error), (query, [e.value for e in at.error])
    at = run(maxlen=10**7)  # beyond the widget: the link's value is ignored with a note
    assert not at.exception and any("maxlen" in i.value for i in at.info)


def test_long_text_is_capped_with_a_note():
    at = run()
    at.text_input(key="text_pipeline:sentence").input("word " * 150).run()
    assert not at.exception
    assert any("only the first 300 are used" in i.value for i in at.info)


def test_real_reviews_dataset():
    at = run(lang="zh", data="reviews_zh")
    assert not at.exception
    examples = at.dataframe[-1].value
    assert len(examples) == 8 and set(examples["标签"]) <= {"正面", "负面"}
