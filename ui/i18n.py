"""One translation table for every user-visible string.

Each module in ui/strings/ holds `STRINGS = {"page.key": ("English", "简体中文")}`; keys are
namespaced by page so each page's strings live in its own file.
"""

import importlib
import pkgutil

from . import strings as _strings_pkg

LANGS = ("en", "zh")
LISTED = 12  # a list in a message shows at most this many names, then "…": a file may have 300 columns
LANG_NAMES = {"en": "English", "zh": "简体中文"}


def _load() -> dict:
    table = {}
    for mod in pkgutil.iter_modules(_strings_pkg.__path__):
        module = importlib.import_module(f"{_strings_pkg.__name__}.{mod.name}")
        for key, pair in module.STRINGS.items():
            if key in table:
                raise KeyError(f"string key {key!r} defined twice (again in ui/strings/{mod.name}.py)")
            table[key] = pair
    return table


STRINGS = _load()


def sentences(lang: str, *texts: str) -> str:
    """Sentences run together as one paragraph: with a space in English, none in Chinese (whose full
    stop is followed by none). Empty ones are left out."""
    return ("" if lang == "zh" else " ").join(text for text in texts if text)


def counted(key: str, count: int) -> str:
    """`key`, or its "_one" form when `count` is 1: English says "1 is", never "1 are"."""
    return f"{key}_one" if count == 1 else key


def translate(key: str, lang: str, **params) -> str:
    """The string for `key` in `lang`, with {params} filled in. A list (or tuple) of names, such as a file's
    columns, is joined as the language lists names: "month, passengers", "月份、乘客"; past LISTED names, "…"."""
    en, zh = STRINGS[key]
    text = zh if lang == "zh" else en
    lists = {name: v for name, v in params.items() if isinstance(v, (list, tuple))}  # the separator only for them
    listed = {name: translate("chart.names_sep", lang).join(map(str, _capped(v))) for name, v in lists.items()}
    return text.format(**(params | listed)) if params else text


def _capped(names) -> list:
    return [*names[:LISTED], "…"] if len(names) > LISTED else list(names)
