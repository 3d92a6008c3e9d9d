"""The one text pipeline: normalise -> tokenise -> vocabulary -> indices -> pad/truncate.

Every page that turns text into numbers (explorer, text pipeline, training) uses these functions,
so what the text-pipeline page shows step by step is exactly what the models see.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass

PAD, OOV = "<pad>", "<unk>"
CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")

# A small lexicon for forward-maximum-matching word segmentation (the classic dictionary method);
# words not in it fall back to single characters. Loaders may pass a larger lexicon.
ZH_LEXICON = frozenset(
    """不错 喜欢 非常 没有 推荐 质量 好看 难看 失望 满意 一般 糟糕 精彩 无聊 值得 便宜 太贵 好吃 难吃 电影 手机 服务 物流
    东西 这个 一点 一点儿 不好 不是 但是 可是 虽然 以为 结果 其实 真的 特别 还是 感觉 评价 购买 卖家 快递 包装 喜爱 讨厌
    不过 完全 简直 本来 竟然 并不 而且 已经 一直 效果 价格 速度 态度 朋友 下次 还会 不会 再也 作者 故事 书 好 坏 差""".split()
)


def is_chinese(text: str) -> bool:
    return bool(CJK.search(text))


def normalise(text: str) -> str:
    """Lower-case, unify full-width forms (NFKC), and replace punctuation and symbols by spaces
    (apostrophes inside words such as don't are kept; so is a phone's or a word processor's don’t,
    as don't: split, it was "don" and "t", two unknown words)."""
    text = unicodedata.normalize("NFKC", text).lower()
    out = []
    for k, ch in enumerate(text):
        inside = 0 < k < len(text) - 1 and text[k - 1].isalnum() and text[k + 1].isalnum()
        if ch == "'" and inside:
            out.append(ch)
        elif ch == "\u2019" and inside and (text[k - 1] + text[k + 1]).isascii():  # not a closing quote after Chinese
            out.append("'")
        elif unicodedata.category(ch)[0] in "PSC":
            out.append(" ")
        else:
            out.append(ch)
    return " ".join("".join(out).split())


def segment_words(text: str, lexicon=ZH_LEXICON, longest: int = 4) -> list[str]:
    """Forward maximum matching: at each position take the longest lexicon word, else one char."""
    tokens, k = [], 0
    while k < len(text):
        for size in range(min(longest, len(text) - k), 0, -1):
            piece = text[k : k + size]
            if size == 1 or piece in lexicon:
                tokens.append(piece)
                k += size
                break
    return tokens


def tokenise(text: str, mode: str = "auto", lexicon=ZH_LEXICON) -> list[str]:
    """Normalise then split into tokens.

    mode: "words" (English words; Chinese words by forward maximum matching), "chars" (Chinese
    characters, English words kept whole), or "auto" (words for English, chars for Chinese).
    """
    text = normalise(text)
    if mode == "auto":
        mode = "chars" if is_chinese(text) else "words"
    tokens = []
    for chunk in text.split():
        if not is_chinese(chunk):
            tokens.append(chunk)
            continue
        # split a chunk like "iphone很好" into runs of Chinese and non-Chinese text
        for run in re.findall(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+|[^\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+", chunk):
            if not is_chinese(run):
                tokens.append(run)
            elif mode == "chars":
                tokens.extend(run)
            else:
                tokens.extend(segment_words(run, lexicon))
    return tokens


@dataclass
class Vocab:
    """Token <-> index. Index 0 is padding, 1 the out-of-vocabulary token."""

    itos: list[str]
    counts: dict[str, int]

    @classmethod
    def build(cls, token_lists, max_size: int = 5000, min_count: int = 1) -> Vocab:
        return cls.from_counts(Counter(tok for tokens in token_lists for tok in tokens), max_size, min_count)

    @classmethod
    def from_counts(cls, counts: dict[str, int], max_size: int = 5000, min_count: int = 1) -> Vocab:
        """The most frequent tokens first (ties alphabetical), cut to `max_size` with <pad> and <unk>."""
        kept = [tok for tok, c in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])) if c >= min_count]
        return cls([PAD, OOV] + kept[: max(0, max_size - 2)], dict(counts))

    def __post_init__(self):
        self.stoi = {tok: k for k, tok in enumerate(self.itos)}

    def __len__(self) -> int:
        return len(self.itos)

    def encode(self, tokens) -> list[int]:
        return [self.stoi.get(tok, 1) for tok in tokens]

    def decode(self, indices) -> list[str]:
        return [self.itos[k] if 0 <= k < len(self.itos) else OOV for k in indices]


def pad_sequences(sequences, maxlen: int, padding: str = "pre", truncating: str = "pre", value: int = 0) -> list[list[int]]:
    """As Keras's pad_sequences: both default to "pre" (pad and cut at the start)."""
    out = []
    for seq in sequences:
        seq = list(seq)
        if len(seq) > maxlen:
            seq = seq[len(seq) - maxlen :] if truncating == "pre" else seq[:maxlen]
        pad = [value] * (maxlen - len(seq))
        out.append(pad + seq if padding == "pre" else seq + pad)
    return out


# What the classifier on /train reads, and what /text-pipeline therefore shows as "the model's row".
# Post: pad and cut at the end; the classifier then packs the padding away (pack_padded_sequence),
# so its last step is the sentence's last real token and pre-padding would gain nothing.
MODEL_PADDING = "post"
MODEL_MAXLEN = 80  # tokens a /train model reads of each text
MODEL_VOCAB = 5000  # largest vocabulary of a /train model, <pad> and <unk> included


def build_vocab(texts, mode: str = "auto", max_size: int = MODEL_VOCAB) -> Vocab:
    """The vocabulary of `texts` (the training split: words seen only in validation or test are <unk>)."""
    return Vocab.build([tokenise(text, mode) for text in texts], max_size=max_size)


def pad_for_model(sequences, maxlen: int) -> list[list[int]]:
    """Index lists as the classifier reads them: padded and cut at the end to exactly `maxlen`."""
    return pad_sequences(sequences, maxlen, padding=MODEL_PADDING, truncating=MODEL_PADDING)
