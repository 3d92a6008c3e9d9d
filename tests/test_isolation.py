"""Each learner's work is their own.

- Two learners train different models at the same time on one real server (two websocket sessions):
  each sees only its own run on /train, its own settings in its URL, and only its own trained model
  in /explorer; a third learner who never trained sees no trained model at all.
- No process-wide seeding anywhere in the app's code (a seed set by one session would change every
  other session's random numbers): a source scan.
"""

from __future__ import annotations

import asyncio
import re
import time
from pathlib import Path
from urllib.parse import parse_qs

import pytest

from tests.st_ws_client import run_async

ROOT = Path(__file__).resolve().parent.parent
GLOBAL_SEEDING = re.compile(
    r"\b(torch\.manual_seed|torch\.cuda\.manual_seed(_all)?|np\.random\.seed|numpy\.random\.seed|random\.seed)\("
)
APP_CODE = ("lstm_core", "datasets", "ui", "pages", "plots", "app.py", "router.py")


def test_no_process_wide_seeding_in_app_code():
    offenders = []
    for part in APP_CODE:
        paths = [ROOT / part] if part.endswith(".py") else sorted((ROOT / part).rglob("*.py"))
        for path in paths:
            for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
                code = line.split("#", 1)[0]
                if GLOBAL_SEEDING.search(code):
                    offenders.append(f"{path.relative_to(ROOT)}:{number}: {line.strip()}")
    assert not offenders, "seed per run (np.random.default_rng / torch.Generator), never the process:\n" + "\n".join(offenders)


def test_the_seeding_scan_finds_what_it_should():
    assert GLOBAL_SEEDING.search("torch.manual_seed(0)")
    assert GLOBAL_SEEDING.search("    np.random.seed(seed)")
    assert GLOBAL_SEEDING.search("random.seed(1)")
    assert not GLOBAL_SEEDING.search("torch.Generator().manual_seed(0)")
    assert not GLOBAL_SEEDING.search("rng = np.random.default_rng(seed)")


# --- two learners training at once, one real server -------------------------------------------

LEARNERS = {  # who -> (model kind as the segmented control shows it, hidden units, seed)
    "A": ("GRU", 12, 11),
    "B": ("Vanilla RNN (tanh)", 20, 22),
}
TRAINED_OPTION = "Your model (trained here or loaded)"


async def _train(base: str, kind: str, hidden: int, seed: int):
    from tests.st_ws_client import Session

    session = Session(base, "train", {"lang": "en"})
    await session.connect()
    assert (await session.run(timeout=90)).ok
    for key, value in (("train:kind", kind), ("train:hidden", hidden), ("train:seed", seed), ("train:epochs", 1)):
        result = await session.set(session.find(key), value, timeout=60)
        assert result.ok, (key, result)
    result = await session.click(session.find("train_start", "button"), timeout=60)
    assert result.ok, result
    deadline = time.monotonic() + 120
    while not any(text.startswith("Results of") for text in session.texts):
        assert time.monotonic() < deadline, "training did not finish"
        await asyncio.sleep(1.0)
        assert (await session.run(timeout=60)).ok
    return session


async def _explorer_sources(session) -> list[str]:
    result = await session.run(page="explorer", timeout=60)
    assert result.ok, result
    return list(session.find("explorer:source", "selectbox").proto.options)


async def _two_learners(base: str):
    a, b = await asyncio.gather(*(_train(base, *LEARNERS[who]) for who in ("A", "B")))
    try:
        for session, who, other in ((a, "A", "B"), (b, "B", "A")):
            kind, hidden, seed = LEARNERS[who]
            other_kind, other_hidden, other_seed = LEARNERS[other]
            shown = " ".join(session.texts)
            assert f"{kind}, {hidden} units, seed {seed}" in shown
            assert f"{other_kind}, {other_hidden} units" not in shown and f"seed {other_seed}" not in shown
            query = parse_qs(session.query_string)
            assert query["hidden"] == [str(hidden)] and query["seed"] == [str(seed)]
            # each learner's explorer traces that learner's model, never the other's
            assert TRAINED_OPTION in await _explorer_sources(session)
            result = await session.set(session.find("explorer:source", "selectbox"), TRAINED_OPTION, timeout=60)
            assert result.ok, result
            shown = " ".join(session.texts)
            assert f"Tracing your trained model: {kind} trained on" in shown
            assert f"{other_kind} trained on" not in shown
        from tests.st_ws_client import Session

        async with Session(base, "explorer", {"lang": "en"}) as newcomer:
            assert (await newcomer.run(timeout=60)).ok
            assert TRAINED_OPTION not in newcomer.find("explorer:source", "selectbox").proto.options
            assert "hidden=" not in newcomer.query_string
    finally:
        await asyncio.gather(a.close(), b.close())


@pytest.mark.browser
@pytest.mark.trains
def test_two_learners_training_at_once_each_see_only_their_own(app_url):
    run_async(_two_learners(app_url))
