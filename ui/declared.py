"""Every page's settings declarations (ui/settings.py), by page slug (ui/site.py), in drawing order.

The lesson links are checked against them (`link_problems`) and the URL and fuzz tests iterate them,
so a setting exists in one place: its declaration. Importing this module imports every page's state
module: the pages themselves import only their own.
"""

from __future__ import annotations

import re
from string import Formatter

from ui import (
    explorer_state,
    forecast_state,
    gradient_flow_state,
    lessons_state,
    metrics_state,
    settings,
    text_pipeline_state,
    train_settings,
)
from ui.site import PAGES

DECLARED = {
    "home": (),
    "explorer": (
        explorer_state.Input,
        explorer_state.Source,
        explorer_state.Model,
        explorer_state.Layer,
        explorer_state.Unit,
        explorer_state.WhatIf,
        explorer_state.Lab,
    ),
    "gradient_flow": (
        gradient_flow_state.Flow,
        gradient_flow_state.Clipping,
        gradient_flow_state.ReferenceLength,
        gradient_flow_state.Live,
    ),
    "train": (*train_settings.RUN_DECLARATIONS, train_settings.Threshold),
    "text_pipeline": (text_pipeline_state.Pipeline,),
    "metrics": (metrics_state.Counts,),
    "forecast": (
        forecast_state.Source,
        forecast_state.Synthetic,
        forecast_state.Season,
        forecast_state.Windows,
        forecast_state.Leak,
        forecast_state.Model,
        forecast_state.Horizon,
        forecast_state.Pair,
    ),
    "lessons": (lessons_state.Pick,),
}

# Query parameters a page keeps outside its declarations: the open tab (ui.tabs: the explorer's, /train's
# results) and the explorer's time step, which its own script writes (ui.browser_param). Every page also
# takes lang and teacher.
OTHER = {"explorer": {"tab": explorer_state.TABS, "t": None}, "train": {"tab": train_settings.RESULT_TABS}}
EVERY_PAGE = ("lang", "teacher")

SLUG_OF_URL = {p.url: p.slug for p in PAGES}


def _pattern(url: str) -> str:
    """A declared URL name as a regular expression: "n_{dataset}" matches n_parity, n_negation_en, ..."""
    return "".join(re.escape(text) + (".+" if field is not None else "") for text, field, _, _ in Formatter().parse(url))


def declares(slug: str, name: str) -> bool:
    """Whether page `slug` may read ?name= (in some view, on some tab, once a model has trained)."""
    if name in EVERY_PAGE or name in OTHER.get(slug, {}):
        return True
    return any(
        re.fullmatch(_pattern(spec.url), name)
        for declaration in DECLARED.get(slug, ())
        for _, spec in settings.specs(declaration)
    )


def names(slug: str) -> list[str]:
    """Page `slug`'s URL names that are names as they stand (not "n_{dataset}"): what a typo may have meant."""
    plain = [spec.url for declaration in DECLARED.get(slug, ()) for _, spec in settings.specs(declaration) if "{" not in spec.url]
    return sorted({*plain, *OTHER.get(slug, {}), *EVERY_PAGE})


class Unknown(KeyError):
    """A setting whose name, range or options depend on what only the page knows (its model, its data)."""


def resolved(slug: str, params: dict | None = None, lang: str = "en"):
    """Each declared setting of page `slug` as a link with `params` (URL strings) would meet it: yields
    (Setting, URL name, the widget's default, the value the page ends up with, whether it is drawn,
    ctx), in drawing order. What depends on what only the page knows (its model's size, the shipped
    reference runs) comes out as None: a name None, or drawn None."""
    params = params or {}
    ctx = {"lang": lang}
    for declaration in DECLARED[slug]:
        for f, spec in settings.specs(declaration):
            try:
                name = spec.name(ctx)
            except KeyError:
                name = None
            try:
                drawn = spec.when is None or spec.when(ctx)
                default = spec.default(f.default, ctx) if drawn else f.default
            except KeyError:
                default, drawn = f.default, None
            value = default if drawn else f.default
            if drawn and name in params:
                try:
                    parsed = spec.parse(params[name], default)
                    if spec.accepts(parsed, ctx):
                        value = parsed
                except (ValueError, TypeError, OverflowError, KeyError):
                    pass
            yield spec, name, default, value, drawn, dict(ctx)
            ctx[f.name] = value


def link_problems(page_url: str, params: dict, lang: str = "en") -> list[str]:
    """What is wrong with a link to /page_url?params: an unknown page, a name the page does not declare,
    a value its declaration refuses, or a setting the page would not draw with the link's other values."""
    slug = SLUG_OF_URL.get(page_url)
    if slug is None:
        return [f"no page /{page_url}"]
    problems, known = [], set(EVERY_PAGE)
    for spec, name, default, _, drawn, ctx in resolved(slug, params, lang):
        known.add(name)
        if name not in params or drawn is None:
            continue
        raw = params[name]
        if not drawn:
            problems.append(f"/{page_url}: {name} is not drawn with this link's other settings")
            continue
        try:
            ok = spec.accepts(spec.parse(raw, default), ctx)
        except (ValueError, TypeError, OverflowError):
            ok = False
        except KeyError:
            ok = True  # its range is the page's to know
        if not ok:
            problems.append(f"/{page_url}: {name}={raw!r} is refused by its declaration")
    for name, allowed in OTHER.get(slug, {}).items():
        known.add(name)
        if name in params and allowed is not None and params[name] not in allowed:
            problems.append(f"/{page_url}: {name}={params[name]!r} is not one of {allowed}")
    problems += [f"/{page_url} declares no setting {name!r}" for name in params if name not in known]
    return problems
