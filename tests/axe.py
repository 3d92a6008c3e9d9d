"""axe-core (bundled by axe-playwright-python, pinned in pyproject's dev extra) run on a whole page,
frames included: the explorer's stepper is an iframe, which axe only enters when its own script is
in that frame too, so the script goes into every frame first and the top frame's run gathers them
(page-level rules such as "one h1" then judge the page as a learner gets it, not each frame alone)."""

from __future__ import annotations

import json
from dataclasses import dataclass

from axe_playwright_python.base import AXE_SCRIPT

# every rule axe has, best practices included: WCAG 2.1 AA is the floor, not the aim
OPTIONS = {"resultTypes": ["violations"]}


@dataclass(frozen=True)
class Violation:
    rule: str
    impact: str
    target: str  # the node's CSS selector, as axe gives it
    html: str
    summary: str

    def __str__(self):
        return f"{self.rule} ({self.impact}) at {self.target}: {self.summary.splitlines()[-1][:160]} | {self.html[:160]}"


def violations(page) -> list[Violation]:
    """Every axe violation in the page and its frames, one entry per node."""
    for frame in page.frames:
        if not frame.is_detached():
            frame.evaluate(AXE_SCRIPT)
    result = page.evaluate(f"axe.run(document, {json.dumps(OPTIONS)})")
    return [
        Violation(rule["id"], rule["impact"], " >> ".join(map(str, node["target"])), node["html"], node.get("failureSummary", ""))
        for rule in result["violations"]
        for node in rule["nodes"]
    ]
