"""Messages audit: every string in ui/strings is used by some code, and the messages a learner sees when
something is wrong say what went wrong, in their terms, and the page keeps working."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import numpy as np
import pytest

from datasets import sequence_input, upload
from lstm_core.errors import UserInputError
from ui.i18n import STRINGS, translate

ROOT = Path(__file__).resolve().parent.parent
# the code that can look a string up: everything but the tests, the tables themselves and the benches
_SOURCES = [
    p
    for folder in ("pages", "ui", "plots", "lstm_core", "datasets")
    for p in (ROOT / folder).rglob("*.py")
    if "strings" not in p.relative_to(ROOT).parts
] + [ROOT / "app.py", ROOT / "router.py"]
# the forms ui.t and ui.i18n.counted derive from a key the code names: "<key>_teacher", "<key>_one"
_DERIVED = re.compile(r"_(teacher|one)$")


def _template(node: ast.AST) -> list[str] | None:
    """The literal parts of a string expression with computed parts: a constant's "{…}" or an f-string's
    {…} stand between them. None when it has no computed part or names no key namespace ("page.")
    before the first: f"{key}_teacher" could be anything."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        parts = re.split(r"\{[^{}]*\}", node.value)
    elif isinstance(node, ast.JoinedStr):
        parts, literal = [], ""
        for value in node.values:
            if isinstance(value, ast.Constant):
                literal += value.value
            else:
                parts.append(literal)
                literal = ""
        parts.append(literal)
    else:
        return None
    return parts if len(parts) > 1 and re.match(r"[a-z_]+\.", parts[0]) else None


class _Spelled:
    """The keys one template can spell: its literal parts with any name between them. A template with
    only the page's namespace before its computed part (f"forecast.{k}") could spell any key of the page:
    it counts only for keys whose computed parts the code spells too (k in ("train", "val", …))."""

    def __init__(self, parts: list[str], any_name: bool = False):
        self.regex = re.compile("(.+)".join(map(re.escape, parts)))
        self.any_name = any_name or not re.fullmatch(r"[a-z_]+\.", parts[0])

    def spells(self, key: str, literals: set[str]) -> bool:
        match = self.regex.fullmatch(key)
        return match is not None and (self.any_name or all(part in literals for part in match.groups()))


def used_keys() -> tuple[set[str], list[_Spelled]]:
    """The keys the code names as they are, and the templates of the keys it builds: "train.opt.{}",
    f"train.kind.{kind}", a prefix it adds to ("nav." + slug, f"…{m}" + "_several") or one it selects
    every key by (key.startswith("plotly."))."""
    literals, templates = set(), []
    for path in _SOURCES:
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                literals.add(node.value)
            if (parts := _template(node)) is not None:
                templates.append(_Spelled(parts))
            if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
                left = node.left
                is_text = isinstance(left, ast.Constant) and isinstance(left.value, str)
                parts = [left.value] if is_text else _template(left)
                if parts is not None and re.match(r"[a-z_]+\.", parts[0]):
                    templates.append(_Spelled([*parts, ""]))
            if isinstance(node, ast.Call) and getattr(node.func, "attr", None) == "startswith" and node.args:
                arg = node.args[0]
                if isinstance(arg, ast.Constant) and isinstance(arg.value, str) and re.fullmatch(r"[a-z_]+\.", arg.value):
                    templates.append(_Spelled([arg.value, ""], any_name=True))
    return literals, templates


def unused_keys() -> list[str]:
    literals, templates = used_keys()

    def named(key: str) -> bool:
        return key in literals or any(template.spells(key, literals) for template in templates)

    return sorted(k for k in STRINGS if not named(k) and not named(_DERIVED.sub("", k)))


def test_every_string_is_used():
    """A string no code looks up is text nobody sees: it drifts from what the page does (lessons.done_mark
    outlived the sidebar's ✓ that replaced it)."""
    assert unused_keys() == []


# --- /forecast's upload: the message names what is wrong with this file, or the file is read ---------


def _upload(data: bytes):
    """The series the page would forecast from `data`, or the UserInputError it would show."""
    try:
        frame = upload.read_table(data, "f.csv")
        return upload.extract(frame, upload.likely_series(frame, upload.numeric_columns(frame)))
    except UserInputError as exc:
        for lang in ("en", "zh"):
            assert "{" not in translate(exc.key, lang, **exc.params)
        return exc


CHINESE_CSV = "月份,乘客\n1949-01,112\n1949-02,118\n1949-03,132\n"


@pytest.mark.parametrize(
    "data",
    [
        CHINESE_CSV.encode("utf-16"),  # Excel's "Unicode text", Notepad's "Unicode": with a BOM
        CHINESE_CSV.encode("utf-16-le"),  # and without one
        CHINESE_CSV.encode("utf-16-be"),
        CHINESE_CSV.replace("\n", "\r").encode(),  # Excel for Mac's "CSV (Macintosh)"
        "月份，乘客\n1949-01，１１２\n1949-02，１１８\n1949-03，１３２\n".encode(),  # typed with a Chinese input method
    ],
    ids=["utf16", "utf16le", "utf16be", "cr_lines", "full_width"],
)
def test_a_readable_table_is_read_not_called_damaged(data):
    """Each was refused as "not a CSV or Excel table, or damaged" or "no column of numbers", which blamed
    the wrong thing: the upload's help says which encodings are fine, and the numbers are there."""
    out = _upload(data)
    assert not isinstance(out, UserInputError), out.key
    np.testing.assert_array_equal(out.values, [112, 118, 132])


@pytest.mark.parametrize(
    ("data", "key"),
    [
        (b"<html><body><table><tr><td>1</td></tr></table></body></html>", "forecast.err_not_table"),
        (b'{"passengers": [112, 118, 132]}', "forecast.err_not_table"),
        (b"month,passengers\n", "forecast.err_no_rows"),
        (b"   \n\n", "forecast.err_empty"),
    ],
)
def test_a_file_that_is_not_empty_is_not_called_empty(data, key):
    """A web page, a JSON file and a header row alone were all "The file is empty"."""
    assert _upload(data).key == key


def test_an_infinite_value_is_named_by_its_line():
    """ "inf" or 1e309 in a column was "contains infinite or missing values; clean them first", though
    missing values are filled in (the page says so), and named no line; a non-number is named by its line."""
    exc = _upload(b"month,passengers\n1949-01,112\n1949-02,\n1949-03,1e309\n1949-04,130\n")
    assert exc.key == "forecast.err_infinite_one" and exc.params["row"] == 4 and exc.params["value"] == "1e309"
    assert "line 4" in translate(exc.key, "en", **exc.params) and "第 4 行" in translate(exc.key, "zh", **exc.params)


@pytest.mark.parametrize(
    ("body", "key", "row"), [("1.7e308\n-1.7e308\n", "forecast.err_too_large", 2), ("5\n2e15\n", "forecast.err_too_large_one", 3)]
)
def test_a_value_too_large_to_scale_is_refused_by_its_line(body, key, row):
    """±1.7e308 passed as finite: its range overflowed, the scaler's range read "[nan, nan]" and the
    training "diverged", blamed on the learning rate; 1e307 printed the scaler's range 300 digits long."""
    exc = _upload(("value\n1\n2\n" + body + "3\n4\n").encode())
    assert exc.key == key and exc.params["row"] == row + 2
    assert "10¹⁵" in translate(exc.key, "en", **exc.params) and f"第 {row + 2} 行" in translate(exc.key, "zh", **exc.params)
    assert not isinstance(_upload(b"value\n1\n2\n-1e15\n1e15\n"), UserInputError)  # ±10¹⁵ itself is fine


@pytest.mark.parametrize("typed", ["1e400", "-1e999"])
def test_a_number_too_large_for_a_float_is_called_too_large(typed):
    """/explorer said "“1e400” is not a finite number (NaN and infinity cannot go through the cell)": the
    learner typed neither; the number is too large, and the message gives the range that works."""
    with pytest.raises(UserInputError) as info:
        sequence_input.parse_numbers(f"0.5, {typed}, 1")
    assert info.value.key == "explorer.err_too_large" and info.value.params["item"] == typed
    for spelled in ("inf", "-Infinity", "nan"):
        with pytest.raises(UserInputError) as info:
            sequence_input.parse_numbers(spelled)
        assert info.value.key == "explorer.err_not_finite"
