"""Turn a learner's uploaded CSV or Excel file into a numeric series, safely.

Nothing in the file is executed: CSV goes through pandas' parser, .xlsx through openpyxl (cell
values only, no macros or formulas are evaluated). Every failure raises a UserInputError whose key
the UI shows in the learner's language. No Streamlit here.
"""

from __future__ import annotations

import codecs
import csv
import io
import re
import zipfile
from dataclasses import dataclass

import numpy as np
import pandas as pd

from lstm_core.errors import UserInputError

MAX_BYTES = 2 * 1024 * 1024  # the CSV/Excel uploader's own cap (the server's is the larger Keras one)
MAX_UNZIPPED = 25 * 1024 * 1024  # an .xlsx is a zip: refuse ones that inflate far beyond their size
MAX_VALUES = 5000  # longer series are cut to their last MAX_VALUES points (training time)
# Larger magnitudes are refused: near float64's end a column's range overflows (±1.7e308 scaled to
# "[nan, nan]", then the training "diverged" and the page blamed the learning rate), and well before it
# the page wrote scaler ranges 300 digits long. 10¹⁵ keeps a float64's digits whole.
MAX_MAGNITUDE = 1e15
# Bytes that are not UTF-8 (utf-8-sig also reads plain UTF-8 and strips a BOM) come from a Chinese
# Windows (GBK, or Big5 where Traditional Chinese is written: cp950 is Windows' Big5), a Western one
# (cp1252: "Température") or a Cyrillic one (cp1251: "Продажи"). Most such bytes decode in more than one
# of them, into nonsense: "Temp閞ature". Each reading is kept only where it reads as its language (see
# _chinese_score, _reads_as_western, _reads_as_cyrillic); a file that reads as none is read as GBK all
# the same, and the learner is told its names may be garbled (read_table's attrs["encoding_doubt"]).
CHINESE_ENCODINGS = ("gbk", "cp950")
CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]")
# One ideograph between two Latin letters: what two accented letters become in GBK ("Größe": "Gr鲞e")
LONE_IDEOGRAPH_IN_WORD = re.compile(r"(?<=[A-Za-z])[\u3400-\u4dbf\u4e00-\u9fff](?=[A-Za-z])")
NON_ASCII_RUN = re.compile(r"[^\x00-\x7f]{3,}")  # cp1252 text: an accent or symbol here and there, not a run
# The lead bytes of each Chinese encoding's common characters, which Chinese text is almost all made
# of: GB2312's first level (its 3,755 most used, rows B0-D7) and Big5's "frequently used" (A4-C6).
# Their punctuation rows (GB2312's A1-A3, Big5's A1-A3) count neither way; any other character counts
# against the reading: a Big5 file read as GBK turns into kana and rare ideographs ("日期": "ら戳"), a
# Cyrillic one into GB2312's second level ("Дата": "泥蜞").
COMMON_LEADS = {"gbk": ("gb2312", range(0xB0, 0xD8)), "cp950": ("cp950", range(0xA4, 0xC7))}
PUNCTUATION_LEADS = range(0xA1, 0xA4)
# cp1252's symbols that Western text uses; not "¤" or "¦", the bytes that open most Big5 characters
WESTERN_SYMBOLS = set("°€£¥§©®±µ²³¹¼½¾·«»‹›–—…‘’“”•™¢×÷ºª¿¡‰†‡¬")
CYRILLIC = re.compile(r"[\u0400-\u045f\u0490\u0491]")
# What Russian spelling never writes: a word opening with ъ, ь or ы, or ъ or ь after a vowel
MISSPELT_CYRILLIC = re.compile(r"^[ъьы]|[аеёиоуыэюяєії][ъь]", re.IGNORECASE)
CYRILLIC_SYMBOLS = set("°№«»–—…‘’“”€±§µ·")  # cp1251's symbols that Russian text uses
XLSX_MAGIC = b"PK\x03\x04"
XLS_MAGIC = b"\xd0\xcf\x11\xe0"  # the old binary Excel format, which openpyxl cannot read
# Blank lines are kept (and dropped after parsing) so that the index counts the file's lines and an
# error can name the right one.
CSV_OPTIONS = dict(skipinitialspace=True, skip_blank_lines=False)
# Numbers as spreadsheets in other locales write them: with a decimal comma where the separator is not
# a comma ("1,5" or "1.234,5" in a semicolon file), with thousands separators where it is (a quoted
# "1,234.5"), or with a percent sign ("12.5%", read as 12.5). Each is rewritten as a plain number.
DECIMAL_COMMA = re.compile(r"([+-]?)(\d{1,3}(?:\.\d{3})+|\d+),(\d+)")
THOUSANDS = re.compile(r"[+-]?\d{1,3}(?:,\d{3})+(?:\.\d+)?")
PERCENT = re.compile(r"([+-]?(?:\d+(?:\.\d*)?|\.\d+))\s*%")
# Thousands set apart by a space, as French and Russian exports write them ("1 000", "12 345,5"): a plain
# space, a no-break one (U+00A0), a narrow one (U+202F) or a thin one (U+2009). Read so only where a
# whole column is written that way (see _spaced_thousands): "1 2" is never a number.
SPACED_THOUSANDS = re.compile(r"([+-]?\d{1,3}(?:[ \u00a0\u202f\u2009]\d{3})+)(?:[.,](\d+))?")
# Numbers and separators as a Chinese input method types them ("１２．５", "月份，乘客"): a number's
# characters are read as their ASCII forms in its cell (names keep theirs: "客流量（人）"), and "，" or
# "；" separate the columns of a file that has no ASCII separator
FULL_WIDTH = str.maketrans("０１２３４５６７８９．，＋－％ｅＥ\u3000", "0123456789.,+-%eE ")
FULL_WIDTH_SEPARATORS = str.maketrans("，；", ",;")
# Dates as Chinese spreadsheets write them: 2024年1月, 2024年1月5日 (read as 2024-01, 2024-01-05)
CHINESE_DATE = re.compile(r"(\d{4})\s*年\s*(\d{1,2})\s*月(?:\s*(\d{1,2})\s*日)?")


@dataclass
class Extracted:
    values: np.ndarray  # (N,) float, no missing values left
    labels: tuple  # (N,) the time column's values, or row numbers
    missing: int  # how many values were missing (filled by linear interpolation)
    dropped: int  # how many leading values were cut to respect MAX_VALUES


# how a web page, an XML or SVG file or JSON starts; a table may start with "<" ("<1 km,count")
MARKUP = re.compile(r"<[!?]|<(html|head|body|table|meta|title|div|p|svg|script|style|link)\b|[{\[]\s*[\"{\[]", re.I)


def read_table(data: bytes, filename: str = "") -> pd.DataFrame:
    """Parse the bytes of a CSV or .xlsx file into a DataFrame (all cells as strings or numbers)."""
    if len(data) > MAX_BYTES:
        raise UserInputError("forecast.err_too_big", size=round(len(data) / 1024 / 1024, 1), limit=MAX_BYTES // 1024 // 1024)
    if not data.strip():
        raise UserInputError("forecast.err_empty")
    if data.startswith(XLS_MAGIC):
        raise UserInputError("forecast.err_old_excel")
    frame = _read_excel(data) if data.startswith(XLSX_MAGIC) else _read_csv(data)
    named = [str(c) for c in frame.columns if not str(c).startswith("Unnamed:")]
    frame = frame.dropna(how="all").dropna(axis=1, how="all")
    if frame.empty and named:  # a header row and nothing under it: not an empty file
        raise UserInputError("forecast.err_no_rows", columns=[_safe(c) for c in named])
    if frame.empty:
        raise UserInputError("forecast.err_empty")
    frame.columns = _unique_names(frame.columns)
    return frame


def _read_excel(data: bytes) -> pd.DataFrame:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            if sum(info.file_size for info in archive.infolist()) > MAX_UNZIPPED:
                raise UserInputError("forecast.err_not_table")
        return pd.read_excel(io.BytesIO(data), engine="openpyxl", sheet_name=0)
    except UserInputError:
        raise
    except Exception as exc:  # openpyxl fails in many ways on a damaged or non-Excel zip
        raise UserInputError("forecast.err_not_table") from exc


def _utf16(data: bytes) -> str | None:
    """The text of a UTF-16 file (Excel's "Unicode text", Notepad's "Unicode"): with its byte-order mark,
    or without one when most of every other byte is NUL, as in text of digits and Latin letters. None
    otherwise."""
    odd, even = data[1::2].count(0), data[0::2].count(0)  # NULs: the high bytes of Latin text
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        encoding = "utf-16"
    elif len(data) % 2 == 0 and odd > len(data) // 4 and even < odd // 10:
        encoding = "utf-16-le"
    elif len(data) % 2 == 0 and even > len(data) // 4 and odd < even // 10:
        encoding = "utf-16-be"
    else:
        return None
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise UserInputError("forecast.err_encoding") from exc


def _decoded(data: bytes) -> tuple[str | None, bool]:
    """The text of bytes that are not UTF-16, and whether its reading is in doubt: UTF-8; else GBK where
    that reads as Chinese at least as well as Big5 does; else cp1252 where that reads as Western text;
    else Big5 where that reads as Chinese; else cp1251 where that reads as Cyrillic words; else GBK all
    the same, in doubt. None when not even GBK decodes."""
    try:
        return data.decode("utf-8-sig"), False
    except UnicodeDecodeError:
        pass
    readings = {encoding: _strict(data, encoding) for encoding in (*CHINESE_ENCODINGS, "cp1252", "cp1251")}
    scores = {encoding: _chinese_score(readings[encoding], encoding) for encoding in CHINESE_ENCODINGS}
    chinese = max(CHINESE_ENCODINGS, key=lambda encoding: scores[encoding])  # max keeps the first on a tie: GBK
    if scores[chinese] > 0.5 and chinese == "gbk":
        return readings["gbk"], False
    if _reads_as_western(readings["cp1252"]):
        return readings["cp1252"], False
    if scores[chinese] > 0.5:
        return readings[chinese], False
    if _reads_as_cyrillic(readings["cp1251"]):
        return readings["cp1251"], False
    return readings["gbk"], readings["gbk"] is not None


def _strict(data: bytes, encoding: str) -> str | None:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError:
        return None


def _chinese_score(text: str | None, encoding: str) -> float:
    """How much of a Chinese encoding's reading is Chinese (0 to 1; 0 when the bytes do not decode): the
    share of its characters beyond ASCII and punctuation that are common ideographs (COMMON_LEADS), not
    one alone inside a Latin word. A cp1252 text read as GBK turns an accented letter and the byte after
    it into a rare ideograph ("é" + "r": "閞") or into a common one inside a word ("Größe": "Gr鲞e")."""
    if text is None:
        return 0.0
    codec, common = COMMON_LEADS[encoding]
    in_words = {match.start() for match in LONE_IDEOGRAPH_IN_WORD.finditer(text)}
    chinese = odd = 0
    for position, ch in enumerate(text):
        if ch.isascii():
            continue
        lead = _lead_byte(ch, codec)
        if lead in PUNCTUATION_LEADS:
            continue
        if lead in common and CJK.fullmatch(ch) and position not in in_words:
            chinese += 1
        else:
            odd += 1
    return chinese / (chinese + odd) if chinese else 0.0


def _lead_byte(ch: str, codec: str) -> int | None:
    try:
        encoded = ch.encode(codec)
    except UnicodeEncodeError:
        return None
    return encoded[0] if len(encoded) == 2 else None


def _reads_as_western(text: str | None) -> bool:
    """Whether cp1252's reading of a file is Western text: an accented letter or a symbol here and there
    ("Température", "°C"), not a run of them, and none of the signs only other encodings' bytes turn
    into (Big5's "人口" reads "¤H¤f")."""
    if text is None or NON_ASCII_RUN.search(text):
        return False
    return all(ch.isascii() or ch.isalpha() or ch in WESTERN_SYMBOLS for ch in text)


def _reads_as_cyrillic(text: str | None) -> bool:
    """Whether cp1251's reading of a file is Cyrillic words: its letters beyond ASCII are Cyrillic, in
    words written in one alphabet and one case ("продажи", "Дата", "ВВП") and spelt as Russian is
    (MISSPELT_CYRILLIC: bytes of another kind spell "яюъ"), and nearly nothing else beyond ASCII is
    there. GBK text read as cp1251 mixes cases and symbols ("乘客": "іЛїН")."""
    if text is None:
        return False
    words = odd = 0
    for match in re.finditer(r"[^\W\d_]+", text):
        word = match.group()
        if not CYRILLIC.search(word):
            continue
        one_case = word.islower() or word.isupper() or (word[0].isupper() and word[1:].islower())
        if one_case and all(CYRILLIC.fullmatch(ch) for ch in word) and not MISSPELT_CYRILLIC.search(word):
            words += len(word)
        else:
            odd += len(word)
    others = sum(1 for ch in text if not ch.isascii() and not ch.isalpha() and ch not in CYRILLIC_SYMBOLS)
    return words > 0 and odd + others <= words // 10


def _read_csv(data: bytes) -> pd.DataFrame:
    text = _utf16(data)
    if text is None and b"\x00" in data:  # text files never hold NUL bytes; images and archives do
        raise UserInputError("forecast.err_not_table")
    doubt = False
    if text is None:
        text, doubt = _decoded(data)
    if text is None or "\x00" in text:
        raise UserInputError("forecast.err_encoding" if text is None else "forecast.err_not_table")
    if MARKUP.match(text.lstrip("\ufeff \t\r\n")):  # a web page or JSON saved as .csv: not an empty table
        raise UserInputError("forecast.err_not_table")
    # Excel for Mac's "CSV (Macintosh)" ends its lines with \r alone
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not any(separator in text for separator in ",;\t|"):
        text = text.translate(FULL_WIDTH_SEPARATORS)
    try:
        delimiter = csv.Sniffer().sniff(text[:4096], delimiters=",;\t|").delimiter
    except csv.Error:
        delimiter = ","
    _check_row_lengths(text, delimiter)
    try:
        frame = pd.read_csv(io.StringIO(text), sep=delimiter, dtype=str, index_col=False, **CSV_OPTIONS)
        if len(frame.columns) and all(_is_number(name) for name in frame.columns):
            # No header row: the first line was data
            frame = pd.read_csv(io.StringIO(text), sep=delimiter, dtype=str, header=None, index_col=False, **CSV_OPTIONS)
            frame.columns = [f"column {k + 1}" for k in range(len(frame.columns))]
            frame.attrs["header_rows"] = 0
    except pd.errors.EmptyDataError as exc:
        raise UserInputError("forecast.err_empty") from exc
    except (pd.errors.ParserError, ValueError, csv.Error, IndexError) as exc:
        raise UserInputError("forecast.err_not_table") from exc
    frame = frame.apply(lambda column: column.map(lambda cell: _plain_number(cell, delimiter)))
    frame = frame.apply(lambda column: _spaced_thousands(column, one_column=len(frame.columns) == 1))
    frame.attrs["encoding_doubt"] = doubt
    return frame


def _spaced_thousands(column: pd.Series, one_column: bool) -> pd.Series:
    """A column whose numbers set thousands apart with a space ("1 000") as plain numbers ("1000"), when
    every filled cell is a number, written that way or too small to need it ("999"). A column holding
    anything else, "1 2" or a word, is left alone. So is the one column of a file separated by
    spaces, which the sniffer does not split ("t v" over "1 234"): its cells have as many words as its
    header, and "1 234" there is two numbers."""
    cells = column.dropna().astype(str).str.strip()
    cells = cells[cells != ""]
    spaced = cells.map(lambda cell: SPACED_THOUSANDS.fullmatch(cell) is not None)
    if not spaced.any() or not (spaced | cells.map(_is_number)).all():
        return column
    if _space_separated(column, one_column):
        return column
    return column.map(_unspaced)


def _space_separated(column: pd.Series, one_column: bool) -> bool:
    """Whether a file's one column is really a file separated by spaces: its filled cells have as many
    words as its header ("t v" over "1 234")."""
    cells = column.dropna().astype(str).str.strip()
    cells = cells[cells != ""]
    return one_column and set(cells.str.split().map(len)) == {len(str(column.name).split())}


def _spaced_number(cell) -> bool:
    """Whether a cell is a number written with spaced thousands ("1 000"), left as text by its column."""
    return isinstance(cell, str) and SPACED_THOUSANDS.fullmatch(cell.strip()) is not None


def _unspaced(cell):
    if isinstance(cell, str) and (match := SPACED_THOUSANDS.fullmatch(cell.strip())):
        whole, fraction = match.groups()
        return re.sub(r"\s", "", whole) + (f".{fraction}" if fraction else "")
    return cell


def _plain_number(cell, delimiter: str):
    """A cell holding a number in a locale's form ("1,5" beside semicolons, "1,234", "12%") as a plain
    number's text; any other cell unchanged."""
    if not isinstance(cell, str):
        return cell
    text = cell.strip().translate(FULL_WIDTH)
    if _is_number(text):
        return text
    if delimiter != "," and (match := DECIMAL_COMMA.fullmatch(text)):
        sign, whole, fraction = match.groups()
        return f"{sign}{whole.replace('.', '')}.{fraction}"
    if delimiter == "," and THOUSANDS.fullmatch(text):
        return text.replace(",", "")
    if match := PERCENT.fullmatch(text):
        return match.group(1)
    return cell


def _check_row_lengths(text: str, delimiter: str):
    """A row with more cells than the header row would shift or lose values: refuse it by line."""
    try:
        reader = csv.reader(io.StringIO(text), delimiter=delimiter)
        width = None
        for row in reader:
            if width is None:
                width = len(row)
            elif len(row) > width:
                raise UserInputError("forecast.err_ragged", line=reader.line_num, cells=len(row), header=width)
    except csv.Error as exc:
        raise UserInputError("forecast.err_not_table") from exc


def _is_number(text) -> bool:
    try:
        float(str(text).strip())
        return True
    except ValueError:
        return False


def _unique_names(columns) -> list[str]:
    names, seen = [], {}
    for k, column in enumerate(columns):
        name = str(column).strip() or f"column {k + 1}"
        if name.startswith("Unnamed:"):
            name = f"column {k + 1}"
        seen[name] = seen.get(name, 0) + 1
        names.append(name if seen[name] == 1 else f"{name} ({seen[name]})")
    return names


def _as_numbers(column: pd.Series) -> pd.Series:
    """Numbers where a cell holds one, NaN where it is empty, and NaN (flagged) where it holds text."""
    text = column.astype("string").str.strip()
    return pd.to_numeric(text.replace("", pd.NA), errors="coerce").astype(float)


def numeric_columns(frame: pd.DataFrame) -> list[str]:
    """Columns in which most filled cells are numbers: the ones a learner may forecast."""
    out = []
    for name in frame.columns:
        filled = frame[name].notna() & (frame[name].astype("string").str.strip() != "")
        numbers = _as_numbers(frame[name]).notna()
        if not _space_separated(frame[name], len(frame.columns) == 1):
            # "1 000" counts: a column of them with one typo ("1 2") is offered, and extract names the typo
            numbers |= frame[name].map(_spaced_number)
        # one number is a candidate too: extract then says it is too few, not that there are no numbers
        if numbers.sum() >= 1 and numbers.sum() >= 0.5 * filled.sum():
            out.append(name)
    if not out:
        raise UserInputError("forecast.err_no_numeric", columns=[_safe(c) for c in frame.columns])
    return out


def _counted(key: str, count: int) -> str:
    """ui.i18n.counted's rule (the UI layer imports Streamlit, this module does not): "1 value is"."""
    return f"{key}_one" if count == 1 else key


def extract(frame: pd.DataFrame, column: str) -> Extracted:
    """The chosen column as a clean series. Text among the numbers is an error (we would be guessing);
    empty cells are filled by linear interpolation between their neighbours (the nearest value at
    the ends), and the learner is told how many."""
    if column not in frame.columns:
        raise UserInputError("forecast.err_no_column", column=_safe(column))
    raw = frame[column]
    values = _as_numbers(raw)
    empty = raw.isna() | (raw.astype("string").str.strip() == "")
    bad = values.isna() & ~empty
    # "1 000" beside "1 2" kept its column from being read as spaced thousands, but is itself a number:
    # the learner is sent to the cells that are not ("1 2"), which, once fixed, let "1 000" read
    spaced = raw.map(_spaced_number)
    if (bad & ~spaced).any():
        bad &= ~spaced
    if bad.any():
        _refuse_cells("forecast.err_non_numeric", bad.to_numpy(), frame, raw, column)
    if (infinite := np.isinf(values.fillna(0).to_numpy())).any():  # "inf", or a number past 1.8e308
        _refuse_cells("forecast.err_infinite", infinite, frame, raw, column)
    if (huge := np.abs(values.fillna(0).to_numpy()) > MAX_MAGNITUDE).any():
        _refuse_cells("forecast.err_too_large", huge, frame, raw, column)
    missing = int(values.isna().sum())
    if values.notna().sum() < 2:
        raise UserInputError("forecast.err_all_missing", column=_safe(column))
    if missing:
        values = values.interpolate(limit_direction="both")
    first_column = frame[frame.columns[0]]
    if frame.columns[0] != column and first_column.notna().all() and first_column.is_unique:  # usually the dates
        labels = _time_labels(first_column)
    else:
        labels = tuple(range(len(values)))
    array = values.to_numpy(dtype=float)
    dropped = max(0, len(array) - MAX_VALUES)
    return Extracted(array[dropped:], labels[dropped:], missing, dropped)


def _refuse_cells(key: str, cells: np.ndarray, frame: pd.DataFrame, raw: pd.Series, column: str):
    """Refuse the column for its `cells` (a mask): how many, and the first by its line and value."""
    first, count = int(np.flatnonzero(cells)[0]), int(cells.sum())
    raise UserInputError(
        _counted(key, count), column=_safe(column), count=count, row=_line(frame, raw, first), value=_safe(raw.iloc[first])
    )


def _line(frame: pd.DataFrame, raw: pd.Series, first: int) -> int:
    """The line of the file (1-based) that holds the column's `first` value."""
    label = raw.index[first]
    position = int(label) if isinstance(label, int | np.integer) else first
    return position + 1 + frame.attrs.get("header_rows", 1)


def _time_labels(column: pd.Series) -> tuple:
    """The time column as labels: whole numbers as integers (years: an axis of numbers, where the text
    "1900" had been read as a date and "+1" after it as 1970), anything else as its text (dates in ISO
    form are drawn on a date axis)."""
    numbers = _as_numbers(column)
    if numbers.notna().all() and (numbers % 1 == 0).all():
        return tuple(int(v) for v in numbers)
    texts = tuple(str(v).strip() for v in column)
    dates = [CHINESE_DATE.fullmatch(text) for text in texts]
    if all(dates):  # 2024年1月 -> 2024-01: a date axis, and the forecast's labels continue the months
        return tuple(f"{y}-{int(m):02d}" + (f"-{int(d):02d}" if d else "") for y, m, d in (x.groups() for x in dates))
    return texts


def likely_series(frame: pd.DataFrame, columns: list[str]) -> str:
    """The numeric column a learner most likely wants to forecast: the first, unless that is the table's
    first column counting time (rising by one fixed step: years, row numbers) and there is another."""
    first = frame.columns[0]
    if len(columns) > 1 and columns[0] == first:
        steps = np.diff(_as_numbers(frame[first]).to_numpy())
        if len(steps) and np.isfinite(steps).all() and (steps > 0).all() and np.allclose(steps, steps[0]):
            return columns[1]
    return columns[0]


def _safe(value) -> str:
    """A cell or column name, short and inert when shown in a message (no markup survives)."""
    text = str(value).replace("\n", " ")[:30]
    return "".join(ch for ch in text if ch not in "<>[]()`*_#|\\")
