"""/metrics's settings: the four counts of a two-class confusion matrix."""

from __future__ import annotations

from dataclasses import dataclass

import ui
from ui import settings

MAX_COUNT = 1_000_000_000  # larger counts only lose precision; the URL binding rejects them with a note


def _count(url: str, default: int, column: int):
    return settings.number(
        url, f"metrics.{url}", 0, MAX_COUNT, default, step=1, column=column,
        help=lambda ctx: ui.t("metrics.counts_help", max=MAX_COUNT),
    )  # fmt: skip


@dataclass(frozen=True)
class Counts:
    """Drawn in four columns: the first row's two, then the second row's two."""

    tp: int = _count("tp", 90, 0)
    fn: int = _count("fn", 10, 1)
    fp: int = _count("fp", 15, 2)
    tn: int = _count("tn", 85, 3)
