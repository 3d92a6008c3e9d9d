"""How long each classification data set takes to load (default size), and the text pipeline's
per-sentence steps, on this machine. Prints a table, then one JSON line with the medians (ms).

    .venv/bin/python bench/datasets_speed.py
"""

import json
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from datasets import classification as dc  # noqa: E402
from datasets import text_steps  # noqa: E402
from lstm_core.text import Vocab, tokenise  # noqa: E402

REPEATS = 5


def median_ms(call) -> float:
    times = []
    for _ in range(REPEATS):
        start = time.perf_counter()
        call()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


results = {f"load_{name}_ms": median_ms(lambda name=name: dc.load(name, seed=1)) for name in dc.NAMES}
data = dc.load("negation_en")
results["split_negation_en_ms"] = median_ms(lambda: dc.split(data))
vocab = Vocab.build([tokenise(t) for t in data.texts])
results["vocab_negation_en_ms"] = median_ms(lambda: Vocab.build([tokenise(t) for t in data.texts]))
results["sentence_steps_ms"] = median_ms(
    lambda: text_steps.sentence_steps("I expected it to be terrible, but it was great!", vocab, "auto", 20)
)
print(f"{'step':32s} {'median ms':>10s}")
for key, value in results.items():
    print(f"{key:32s} {value:10.1f}")
print(json.dumps({k: round(v, 2) for k, v in results.items()}))
