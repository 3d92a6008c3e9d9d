"""Sentiment with negation: short English and Chinese reviews whose label depends on word order.

Every sentence is built from a template whose label is the *effective* polarity of one adjective
after negation ("not bad" -> positive), contrast ("I expected it to be terrible, but it was great" ->
the clause after "but" wins) or double negation ("I would not say it was not good" -> positive).

Designed so a bag-of-words model cannot solve it: the label is drawn first and the template is filled
so that every adjective slot is positive or negative with probability 1/2 *within each class*, and
negators appear equally often in both classes. Only the order of the words tells the classes apart.
tests/test_datasets.py checks that a bag-of-words logistic regression stays near chance while an
n-gram model (which sees order) does much better.
"""

from __future__ import annotations

import numpy as np

# --- English ------------------------------------------------------------------------------------

EN_POS = ["good", "great", "excellent", "wonderful", "fun", "enjoyable", "amazing", "pleasant", "brilliant", "lovely"]
EN_NEG = ["bad", "terrible", "awful", "boring", "poor", "disappointing", "dull", "horrible", "weak", "annoying"]
EN_SUBJECTS = ["the movie", "the food", "the service", "the book", "this phone", "the hotel", "the game", "the show", "the music"]
EN_INTENSIFIERS = ["", "", "very", "really", "quite"]
EN_OPENERS = {  # opener -> does it negate what follows
    "": False,
    "i think": False,
    "honestly": False,
    "i would say": False,
    "i do not think": True,
    "i would not say": True,
}


def _pick(rng, words):
    return words[rng.integers(len(words))]


def _en_adjective(rng, positive: bool) -> str:
    return _pick(rng, EN_POS if positive else EN_NEG)


def _en_sentence(rng, label: int) -> str:
    """One English sentence with sentiment `label` (1 positive, 0 negative)."""
    template = rng.integers(4)
    subject = _pick(rng, EN_SUBJECTS)
    if template == 0:  # (double) negation: label = polarity XOR (number of negations is odd)
        opener = _pick(rng, list(EN_OPENERS))
        negated = bool(rng.integers(2))
        flips = EN_OPENERS[opener] != negated
        adjective = _en_adjective(rng, bool(label) != flips)
        words = [opener, subject, "was", "not" if negated else "", _pick(rng, EN_INTENSIFIERS), adjective]
    elif template == 1:  # contrast: the clause after "but" decides; the expectation is either polarity
        negated = bool(rng.integers(2))
        expected = _en_adjective(rng, bool(rng.integers(2)))
        final = _en_adjective(rng, bool(label) != negated)
        words = ["i expected", subject, "to be", expected, "but it was"]
        words += ["not" if negated else "", final]
    elif template == 2:  # "X, not Y": the un-negated adjective decides
        words = [subject, "was", _en_adjective(rng, bool(label)), ", not", _en_adjective(rng, not label)]
    else:  # "not X, it was Y": the correction decides
        words = [subject, "was not", _en_adjective(rng, not label), ", it was", _en_adjective(rng, bool(label))]
    text = " ".join(w for w in words if w)
    return text.replace(" ,", ",")


# --- Chinese ------------------------------------------------------------------------------------

ZH_POS = ["好", "棒", "精彩", "有趣", "出色", "舒服", "值得", "优秀"]
ZH_NEG = ["差", "烂", "无聊", "糟糕", "平庸", "差劲", "乏味", "失败"]
ZH_SUBJECTS = ["这部电影", "这本书", "这家餐厅", "这个手机", "他们的服务", "这家酒店", "这个游戏", "这首歌"]
ZH_PLAIN = ["很", "非常", "特别", "真的很", "挺"]  # intensifiers of an un-negated adjective
ZH_NEGATORS = ["不", "并不", "一点也不", "不太", "不怎么"]
ZH_OPENERS = {"": False, "我觉得": False, "说实话": False, "我不觉得": True, "我不认为": True}
ZH_FEEL_POS = ["满意", "惊喜", "开心"]  # 让我… (made me …)
ZH_FEEL_NEG = ["失望", "生气", "后悔"]


def _zh_sentence(rng, label: int) -> str:
    template = rng.integers(5)
    subject = _pick(rng, ZH_SUBJECTS)
    if template == 0:  # 不/并不 negation, optionally under a negating opener (double negation)
        opener = _pick(rng, list(ZH_OPENERS))
        negated = bool(rng.integers(2))
        flips = ZH_OPENERS[opener] != negated
        adjective = _pick(rng, ZH_POS if bool(label) != flips else ZH_NEG)
        return opener + subject + _pick(rng, ZH_NEGATORS if negated else ZH_PLAIN) + adjective
    if template == 1:  # 没有让我失望 (did not disappoint me) vs 让我很失望
        negated = bool(rng.integers(2))
        feeling = _pick(rng, ZH_FEEL_POS if bool(label) != negated else ZH_FEEL_NEG)
        return subject + ("没有让我" if negated else "让我很") + feeling
    if template == 2:  # 本来以为X，结果Y: the outcome decides; the expectation is either polarity
        negated = bool(rng.integers(2))
        expected = _pick(rng, ZH_POS if rng.integers(2) else ZH_NEG)
        final = _pick(rng, ZH_POS if bool(label) != negated else ZH_NEG)
        return f"本来以为{subject}会很{expected}，结果{_pick(rng, ZH_NEGATORS) if negated else _pick(rng, ZH_PLAIN)}{final}"
    if template == 3:  # 虽然X，但是Y: the clause after 但是 decides
        first = _pick(rng, ZH_NEG if label else ZH_POS)
        second = _pick(rng, ZH_POS if label else ZH_NEG)
        # 有点 ("a bit") goes with the negative adjective, 很 with the positive one, in both classes
        first_mod, second_mod = ("有点", "很") if label else ("很", "有点")
        return f"{subject}虽然{first_mod}{first}，但是{second_mod}{second}"
    # 我很喜欢 / 我并不喜欢 / 我并不讨厌 ...
    negated = bool(rng.integers(2))
    verb = "喜欢" if bool(label) != negated else "讨厌"
    return "我" + (_pick(rng, ["并不", "不", "一点也不"]) if negated else _pick(rng, ["很", "非常", "真的很"])) + verb + subject


def negation_sentences(lang: str, n: int, rng: np.random.Generator) -> tuple[list[str], np.ndarray]:
    """n sentences with exactly balanced labels (1 = positive, 0 = negative) in random order."""
    labels = rng.permutation(np.arange(n) % 2)  # (n,)
    make = _en_sentence if lang == "en" else _zh_sentence
    return [make(rng, int(y)) for y in labels], labels.astype(np.int64)
