"""A list of names in a message (a file's columns, a setting's values, a model's entries, unknown words) is
cut in one place, ui.i18n.translate: at most LISTED names, then "…", so a learner knows the list goes on.
The upload's column list stopped at 6 names with no sign of the rest."""

import pytest

from datasets import upload
from lstm_core.errors import UserInputError
from ui.i18n import LISTED, translate


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_long_list_is_cut_with_an_ellipsis_and_a_short_one_is_whole(lang):
    names = [f"c{i}" for i in range(LISTED + 5)]
    sep = translate("chart.names_sep", lang)
    long = translate("forecast.err_no_numeric", lang, columns=names)
    assert sep.join([*names[:LISTED], "…"]) in long and f"c{LISTED}" not in long
    short = translate("forecast.err_no_numeric", lang, columns=names[:LISTED])
    assert sep.join(names[:LISTED]) in short and "…" not in short


def test_a_file_with_many_text_columns_names_them_and_says_there_are_more():
    header = ",".join(f"name{i}" for i in range(20))
    frame = upload.read_table(f"{header}\n{','.join('abc' for _ in range(20))}\n".encode())
    with pytest.raises(UserInputError) as caught:
        upload.numeric_columns(frame)
    text = translate(caught.value.key, "en", **caught.value.params)
    assert "name0, name1" in text and f"name{LISTED - 1}, …" in text and f"name{LISTED}," not in text
