"""Server-wide training slots: at most ui.MAX_CONCURRENT_TRAININGS runs train at once across all
sessions (threads); the others wait, polling so the page can say why, and a failed run frees its slot."""

import threading
import time

import pytest

import ui


def test_at_most_the_limit_train_at_once_and_the_others_wait_and_poll():
    limit = ui.MAX_CONCURRENT_TRAININGS
    lock = threading.Lock()
    inside, peak, polls, finished = [0], [0], [], []

    def run(number):
        def poll(running, cap):
            polls.append((number, running, cap))

        with ui.training_slot(poll=poll):
            with lock:
                inside[0] += 1
                peak[0] = max(peak[0], inside[0])
            time.sleep(1.3)  # longer than the 1 s poll period, so every waiting run polls
            with lock:
                inside[0] -= 1
        finished.append(number)

    threads = [threading.Thread(target=run, args=(k,)) for k in range(limit + 2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert sorted(finished) == list(range(limit + 2)), "every run eventually trains"
    assert peak[0] == limit
    waiting = {number for number, _, _ in polls}
    assert len(waiting) >= 2, "the runs beyond the limit waited and were told so"
    assert all(running == limit and cap == limit for _, running, cap in polls)


def test_a_failing_run_releases_its_slot():
    for _ in range(ui.MAX_CONCURRENT_TRAININGS + 1):
        with pytest.raises(RuntimeError), ui.training_slot():
            raise RuntimeError("training crashed")
    start = time.monotonic()
    with ui.training_slot(poll=lambda *_: pytest.fail("no slot should be taken")):
        pass
    assert time.monotonic() - start < 0.5
