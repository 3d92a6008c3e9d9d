"""Every intermediate result of the text pipeline for one sentence, so /text-pipeline can show each
step. It calls the one pipeline in lstm_core/text.py; nothing here tokenises differently."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

import numpy as np

from lstm_core.errors import UserInputError
from lstm_core.text import OOV, PAD, Vocab, normalise, pad_for_model, pad_sequences, tokenise

MAX_CHARS = 300  # longer input is cut: the tables stay readable and the page stays fast
MAX_LEN = 200  # longest padded sequence the page shows
MAX_DIM = 32


@dataclass
class SentenceSteps:
    raw: str  # after capping to MAX_CHARS
    was_capped: bool
    lowercased: str  # Unicode NFKC + lower case (the first half of text.normalise)
    normalised: str  # punctuation and symbols replaced by spaces
    tokens: list[str]
    indices: list[int]  # vocab index of each token, 1 (<unk>) if unknown
    padded: dict[str, list[int]]  # exactly maxlen indices: "post" as /train's classifier reads them, "pre" Keras's default


def check_maxlen(maxlen: int) -> int:
    if not 1 <= maxlen <= MAX_LEN:
        raise UserInputError("text_pipeline.err_maxlen", maxlen=maxlen, high=MAX_LEN)
    return maxlen


def sentence_steps(sentence: str, vocab: Vocab, mode: str, maxlen: int) -> SentenceSteps:
    """Run `sentence` through the pipeline, keeping every step. Raises UserInputError for an empty
    sentence, one with no tokens left after punctuation removal, or a bad maxlen."""
    check_maxlen(maxlen)
    if not sentence or not sentence.strip():
        raise UserInputError("text_pipeline.err_empty")
    raw = sentence[:MAX_CHARS]
    tokens = tokenise(raw, mode)
    if not tokens:
        raise UserInputError("text_pipeline.err_no_tokens")
    indices = vocab.encode(tokens)
    return SentenceSteps(
        raw=raw,
        was_capped=len(sentence) > MAX_CHARS,
        lowercased=unicodedata.normalize("NFKC", raw).lower(),
        normalised=normalise(raw),
        tokens=tokens,
        indices=indices,
        padded={"post": pad_for_model([indices], maxlen)[0], "pre": pad_sequences([indices], maxlen)[0]},
    )


def embedding_matrix(vocab_size: int, dim: int, seed: int) -> np.ndarray:
    """A small random embedding table (V, dim) as a model starts with it, seeded per learner. Row 0
    (<pad>) is all zeros, as with torch.nn.Embedding(padding_idx=0)."""
    if not 1 <= dim <= MAX_DIM:
        raise UserInputError("text_pipeline.err_dim", dim=dim, high=MAX_DIM)
    table = np.random.default_rng(seed).normal(0.0, 1.0, (vocab_size, dim)).astype(np.float32)  # (V, dim)
    table[0] = 0.0
    return table


def vocab_rows(vocab: Vocab, limit: int) -> list[tuple[int, str, int | None]]:
    """(index, token, count in the data) for the first `limit` entries; the two special tokens have
    no count."""
    return [(k, tok, None if tok in (PAD, OOV) else vocab.counts.get(tok, 0)) for k, tok in enumerate(vocab.itos[:limit])]
