"""Bad input, everywhere: property-based tests over every path by which a learner's input
reaches the app.

The contract, checked for each path: any input either works or raises `UserInputError` whose key
has a sentence in both languages (ui.i18n.STRINGS) that formats with the error's parameters, and
nothing else escapes. Paths: typed text (the one text pipeline, the explorer's sentence, number
and trigger inputs, the text-pipeline page), uploaded CSV/Excel (datasets/upload.py), uploaded
model files (lstm_core/model_io.py), and query parameters (every page, through the real router,
with random values for the settings that page declares).

The AppTest part runs each page a few times (FUZZ_PAGE_EXAMPLES, default 6) to stay fast.
"""

from __future__ import annotations

import io
import json
import os
import re
import zipfile
from pathlib import Path

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from datasets import sequence_input, text_steps, upload
from lstm_core import model_io, random_recorder, text
from lstm_core.errors import UserInputError
from ui.i18n import STRINGS, translate

ROOT = Path(__file__).resolve().parent.parent
CJK = re.compile(r"[\u4e00-\u9fff]")
FAST = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# Strings a learner (or a bored student) types: the usual, the hostile and the odd.
WORST = [
    "",
    " ",
    "\n\t",
    "x" * 10_000,
    "<script>alert(1)</script>",
    "'; DROP TABLE students; --",
    "{lang}",
    "{0}",
    "%s%n",
    "NaN",
    "nan, inf, -inf",
    "-1e308",
    "1e309",
    "-0",
    "0x1F",
    "１，２，３",
    "1,,2",
    "😀🤖🧠",
    "\u202eevil",
    "\x00\x01\x02",
    "不" * 500,
    "我不喜欢这部电影",
    "ｆｕｌｌ　ｗｉｄｔｈ",
    "\ud800".encode("utf-8", "surrogatepass").decode("utf-8", "replace"),
    "中文".encode("gbk").decode("latin-1"),  # GBK bytes read as Latin-1: mojibake
    "$$\\frac{1}{0}$$",
    "**bold** [link](javascript:alert(1))",
]
learner_text = st.one_of(st.sampled_from(WORST), st.text(max_size=300), st.text(alphabet="不好很 ,.!?0123456789-e", max_size=80))


def check_error(exc: UserInputError):
    """The error can be shown: its key is translated in both languages and formats with its params."""
    assert exc.key in STRINGS, f"{exc.key!r} is not in the translation table"
    en, zh = (translate(exc.key, lang, **exc.params) for lang in ("en", "zh"))
    assert en.strip() and zh.strip()
    assert CJK.search(zh), f"{exc.key}: the Chinese message is not in Chinese: {zh!r}"
    for value in exc.params.values():
        assert "<script" not in str(value).lower(), f"{exc.key}: user input reaches the message unescaped"


def attempt(call, *args, **kwargs):
    """Call; a UserInputError must be presentable; any other exception fails the test."""
    try:
        return call(*args, **kwargs)
    except UserInputError as exc:
        check_error(exc)
        return None


# --- typed text -----------------------------------------------------------------------------------


@FAST
@given(learner_text, st.sampled_from(["auto", "words", "chars"]), st.integers(0, 300))
def test_the_text_pipeline_takes_any_text(sentence, mode, maxlen):
    tokens = text.tokenise(sentence, mode)
    assert all(isinstance(tok, str) and tok and not tok.isspace() for tok in tokens)
    vocab = text.Vocab.build([tokens], max_size=50)
    indices = vocab.encode(tokens)
    assert all(0 < k < len(vocab) for k in indices)
    assert vocab.decode(indices) == [tok if tok in vocab.stoi else text.OOV for tok in tokens]
    for side in ("pre", "post"):
        (padded,) = text.pad_sequences([indices], maxlen, padding=side, truncating=side)
        assert len(padded) == maxlen


def test_padding_to_length_zero_gives_empty_sequences():
    assert text.pad_sequences([[3, 4, 5]], 0) == [[]]


@FAST
@given(learner_text, st.sampled_from(["auto", "words", "chars"]), st.integers(-5, 400))
def test_the_text_pipeline_page_takes_any_sentence(sentence, mode, maxlen):
    vocab = text.Vocab.build([text.tokenise("the movie was not good 电影 不 好", mode)])
    steps = attempt(text_steps.sentence_steps, sentence, vocab, mode, maxlen)
    if steps is not None:
        assert len(steps.raw) <= text_steps.MAX_CHARS
        assert all(len(p) == maxlen for p in steps.padded.values())


@FAST
@given(learner_text, st.sampled_from(["auto", "words", "chars"]))
def test_the_explorer_takes_any_sentence_and_trigger(sentence, mode):
    seq = attempt(sequence_input.parse_text, sentence, mode)
    if seq is not None:
        assert 1 <= seq.steps <= sequence_input.MAX_STEPS
        assert sequence_input.embed_random(seq, seed=3).shape == (seq.steps, sequence_input.EMBED_DIM)
    trigger = attempt(sequence_input.parse_trigger, sentence, mode)
    if seq is not None and trigger is not None:
        assert sequence_input.indicator(seq, trigger).shape == (seq.steps, 1)


numbers_text = st.one_of(
    learner_text,
    st.lists(
        st.one_of(st.floats(allow_nan=True, allow_infinity=True), st.integers(-(10**400), 10**400).map(str), st.text(max_size=4)),
        max_size=300,
    ).map(lambda items: st_join(items)),
)


def st_join(items) -> str:
    return ", ".join(str(x) for x in items)


@FAST
@given(numbers_text)
def test_the_explorer_takes_any_list_of_numbers(typed):
    seq = attempt(sequence_input.parse_numbers, typed)
    if seq is not None:
        values = np.asarray(seq.values)
        assert 1 <= len(values) <= sequence_input.MAX_STEPS
        assert np.isfinite(values).all() and (np.abs(values) <= sequence_input.MAX_ABS_VALUE).all()


@FAST
@given(st.text(max_size=30), st.sampled_from(["en", "zh", "fr", ""]), st.integers(-3, 300), st.integers(-3, 10))
def test_presets_and_sizes(name, lang, hidden, layers):
    attempt(sequence_input.preset, name, lang)
    attempt(sequence_input.check_sizes, hidden, layers)


# --- uploaded CSV and Excel files -----------------------------------------------------------------

cell = st.one_of(
    st.floats(allow_nan=True, allow_infinity=True).map(repr),
    st.integers(-(10**30), 10**30).map(str),
    st.sampled_from(
        ["", " ", "NaN", "nan", "inf", "-inf", "1e400", "-1e308", "１２", "—", "N/A", '"1,5"', "<script>", "2024-01"]
    ),
    st.text(max_size=8),
)


@st.composite
def csv_bytes(draw):
    width = draw(st.integers(1, 4))
    rows = draw(st.lists(st.lists(cell, min_size=width, max_size=width), max_size=40))
    header = draw(st.one_of(st.none(), st.lists(st.text(max_size=8), min_size=width, max_size=width)))
    delimiter = draw(st.sampled_from([",", ";", "\t", "|", " "]))
    lines = ([header] if header is not None else []) + rows
    body = "\n".join(delimiter.join(row) for row in lines)
    encoding = draw(st.sampled_from(["utf-8", "utf-8-sig", "gbk", "utf-16", "latin-1"]))
    return body.encode(encoding, errors="ignore")


def read_every_column(data: bytes, filename: str):
    frame = attempt(upload.read_table, data, filename)
    if frame is None:
        return
    columns = attempt(upload.numeric_columns, frame)
    for column in (columns or []) + [str(frame.columns[0]), "no such column"]:
        extracted = attempt(upload.extract, frame, column)
        if extracted is not None:
            assert np.isfinite(extracted.values).all() and len(extracted.values) >= 2
            assert len(extracted.values) <= upload.MAX_VALUES


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(csv_bytes())
def test_any_csv_upload(data):
    read_every_column(data, "series.csv")


@settings(max_examples=100, deadline=None)
@given(st.binary(max_size=3000))
def test_any_bytes_upload(data):
    read_every_column(data, "series.csv")
    read_every_column(b"PK\x03\x04" + data, "series.xlsx")


@st.composite
def xlsx_bytes(draw):
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    printable = st.text(alphabet=st.characters(blacklist_categories=("Cc", "Cs")), max_size=8)
    value = st.one_of(st.none(), st.floats(allow_nan=False, allow_infinity=False), st.integers(-(10**15), 10**15), printable)
    for row in draw(st.lists(st.lists(value, min_size=1, max_size=4), max_size=30)):
        sheet.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    data = buffer.getvalue()
    if draw(st.booleans()):  # damage it: cut it short or flip bytes
        # a share of the length, not a position: the file's length changes with its save time (zip
        # timestamps compress differently), and hypothesis needs the same draws to replay an example
        cut = int(draw(st.floats(0, 1)) * len(data))
        data = data[:cut] + draw(st.binary(max_size=64))
    return data


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(xlsx_bytes())
def test_any_excel_upload(data):
    read_every_column(data, "series.xlsx")


def test_rows_longer_than_the_header_with_a_text_cell_give_a_message():
    # found by this fuzz: pandas took the first column as the index and the row number became text
    with pytest.raises(UserInputError) as err:
        frame = upload.read_table(b"a,b\nx,1,2\ny,3,4\nz,5,6\nw,7,oops\n", "series.csv")
        upload.extract(frame, "b")
    check_error(err.value)


def test_a_zip_bomb_disguised_as_excel_is_refused():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/worksheets/sheet1.xml", b"0" * (upload.MAX_UNZIPPED + 1))
    with pytest.raises(UserInputError) as err:
        upload.read_table(buffer.getvalue(), "bomb.xlsx")
    check_error(err.value)


# --- uploaded model files -------------------------------------------------------------------------

_VALID = model_io.save(
    random_recorder("lstm", 3, 4, num_layers=2, seed=1),
    embedding=np.zeros((5, 3), np.float32),
    vocab=["<pad>", "<unk>", "a", "b", "c"],
    class_names=["neg", "pos"],
)
json_value = st.recursive(
    st.one_of(st.none(), st.booleans(), st.integers(-(2**70), 2**70), st.floats(allow_nan=False), st.text(max_size=20)),
    lambda children: st.one_of(st.lists(children, max_size=5), st.dictionaries(st.text(max_size=12), children, max_size=5)),
    max_leaves=20,
)


def _with_meta(meta_bytes: bytes) -> bytes:
    """The valid file with its JSON document replaced."""
    with np.load(io.BytesIO(_VALID), allow_pickle=False) as archive:
        arrays = {name: archive[name] for name in archive.files}
    arrays["meta"] = np.frombuffer(meta_bytes, dtype=np.uint8)
    buffer = io.BytesIO()
    np.savez(buffer, **arrays)
    return buffer.getvalue()


@st.composite
def model_bytes(draw):
    how = draw(st.sampled_from(["random", "cut", "flip", "meta_json", "meta_patch", "zip_of_junk"]))
    if how == "random":
        return draw(st.binary(max_size=2000))
    if how == "cut":
        return _VALID[: draw(st.integers(0, len(_VALID)))]
    if how == "flip":
        data = bytearray(_VALID)
        for _ in range(draw(st.integers(1, 20))):
            data[draw(st.integers(0, len(data) - 1))] = draw(st.integers(0, 255))
        return bytes(data)
    if how == "meta_json":
        return _with_meta(json.dumps(draw(json_value)).encode())
    if how == "meta_patch":
        with np.load(io.BytesIO(_VALID), allow_pickle=False) as archive:
            meta = json.loads(bytes(archive["meta"]).decode())
        meta[draw(st.sampled_from(sorted(meta)))] = draw(json_value)
        return _with_meta(json.dumps(meta).encode())
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name in draw(
            st.lists(st.sampled_from(["meta.npy", "l0_d0_W_ih.npy", "x.pkl", "../evil.npy", "a/b.npy"]), max_size=4)
        ):
            archive.writestr(name, draw(st.binary(max_size=200)))
    return buffer.getvalue()


@pytest.mark.filterwarnings("ignore:Duplicate name")
@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(model_bytes())
def test_any_model_file_upload(data):
    loaded = attempt(model_io.load, data)
    if loaded is not None:
        # whatever loads must also trace, as the explorer does next: one unbatched sequence (T, I).
        # (T, 1, I) would be read as 3 sequences of 1 step when the file says batch_first.
        x = np.zeros((3, loaded.recorder.input_size))
        assert loaded.recorder.record(x).h.shape[0] == 3


def test_the_valid_model_file_loads():
    assert model_io.load(_VALID).recorder.num_layers == 2


# --- query parameters on every page ---------------------------------------------------------------


def declared_settings(slug: str) -> list[str]:
    """Every URL name page `slug` declares (ui/declared.py), and those every page takes."""
    from ui.declared import EVERY_PAGE, OTHER, resolved

    names = {name for _, name, *_ in resolved(slug) if name} | set(OTHER.get(slug, {})) | set(EVERY_PAGE)
    return sorted(names)


def registered_pages() -> list[str]:
    from ui.site import PAGES

    return [page.slug for page in PAGES]


query_value = st.one_of(
    st.sampled_from(["", "0", "1", "-1", "1e308", "-1e308", "nan", "inf", "zh", "en", "true", "x" * 500, "<script>", "😀", "不"]),
    st.integers(-(10**12), 10**12).map(str),
    st.floats(allow_nan=True, allow_infinity=True).map(str),
    st.text(max_size=40),
)
PAGE_EXAMPLES = int(os.environ.get("FUZZ_PAGE_EXAMPLES", "6"))


@pytest.mark.parametrize("slug", registered_pages())
def test_any_query_string_on_every_page(slug):
    from tests.apptest import open_page
    from ui.site import PAGES

    path = next(page.file for page in PAGES if page.slug == slug)
    names = declared_settings(slug)

    @settings(max_examples=PAGE_EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck))
    @given(st.dictionaries(st.sampled_from(names), query_value, min_size=1, max_size=6))
    def check(query):
        at = open_page(path, **query)
        assert not at.exception, (query, [e.message for e in at.exception][:1])
        assert at.title, "the page still draws itself"

    check()


def test_the_query_fuzz_knows_the_settings():
    assert {"lang", "hidden", "seed", "kind", "numbers", "tab", "lab_b_f"} <= set(declared_settings("explorer"))
    assert {"epochs", "n_negation_en", "threshold"} <= set(declared_settings("train"))
    assert {"sentence", "maxlen"} <= set(declared_settings("text_pipeline"))
