import numpy as np
import pandas as pd
import streamlit as st

import ui
from datasets import text_steps as steps
from datasets.classification import NAMES
from lstm_core.errors import UserInputError
from lstm_core.text import MODEL_MAXLEN, MODEL_VOCAB, pad_for_model, tokenise
from plots.tables import html_table
from plots.text_pipeline import embedding_heatmap
from ui import settings
from ui.text_pipeline_state import (
    EXAMPLES,
    Pipeline,
    coverage_sentence,
    dataset_tokens,
    dataset_vocab,
    length_sentence,
    oov_sentence,
)  # fmt: skip

lang = ui.page("text_pipeline")
t = ui.t
VOCAB_ROWS = 30  # entries of the vocabulary table


def as_text(values) -> list[str]:
    return [str(v) for v in values]


ui.heading(st.title, "nav.text_pipeline")
st.markdown(t("text_pipeline.intro", maxlen=MODEL_MAXLEN, vocab=MODEL_VOCAB))

sentence_box = st.container()
choices = st.columns(2)
# the advanced settings' widgets are sent only once their expander is opened (a link setting one opens
# it); teacher mode hides them, and so the expander
advanced = None
if not ui.teacher():
    if "text_pipeline:advanced:open" not in st.session_state:  # as the link first opened it
        st.session_state["text_pipeline:advanced:open"] = settings.in_link(Pipeline, 3)
    advanced = st.expander(t("app.advanced"), key="text_pipeline:advanced:open", on_change="rerun")
chosen = settings.draw(Pipeline, columns=[sentence_box, *choices, advanced if advanced and advanced.open else None])
sentence, dataset, mode, maxlen, dim = chosen.sentence, chosen.dataset, chosen.mode, chosen.maxlen, chosen.dim
vocab_size, seed = chosen.vocab_size, chosen.seed
ui.show_notes()

data, vocab = dataset_tokens(dataset, mode), dataset_vocab(dataset, mode, vocab_size)
try:
    steps.check_maxlen(maxlen)
except UserInputError as exc:
    ui.error(exc)
    ui.stop()
try:
    s = steps.sentence_steps(sentence, vocab, mode, maxlen)
except UserInputError as exc:
    ui.error(exc)
    s = None

if s is not None:
    if s.was_capped:
        st.info(t("text_pipeline.capped", limit=steps.MAX_CHARS), icon=":material/content_cut:")
    ui.heading(st.header, "text_pipeline.step1")
    rows = [(t(f"text_pipeline.stage.{k}"), v) for k, v in [("raw", s.raw), ("lower", s.lowercased), ("clean", s.normalised)]]
    # the learner's whole sentence wraps, where a data grid cut off its end (and the punctuation there
    # that this step removes)
    st.html(html_table(pd.DataFrame(rows, columns=[t("text_pipeline.stage"), t("text_pipeline.text")]), t("text_pipeline.step1")))
    st.caption(t("text_pipeline.step1_caption"))

    ui.heading(st.header, "text_pipeline.step2")
    token_table = pd.DataFrame(
        {
            t("text_pipeline.position"): range(1, len(s.tokens) + 1),
            t("text_pipeline.token"): s.tokens,
            t("text_pipeline.index"): s.indices,
            t("text_pipeline.in_vocab"): [t("text_pipeline.yes") if k != 1 else t("text_pipeline.no_oov") for k in s.indices],
            t("text_pipeline.count"): [vocab.counts.get(tok, 0) for tok in s.tokens],
        }
    )
    st.html(html_table(token_table, t("text_pipeline.step2"), max_height="30rem"))
    st.caption(t("text_pipeline.step2_caption"))
    st.markdown(oov_sentence(s.indices))

ui.heading(st.header, "text_pipeline.step3")
title = t(NAMES[dataset]["title_key"])
caption = dict(dataset=title, n_train=data.n_train, coverage=coverage_sentence(vocab), shown=min(VOCAB_ROWS, len(vocab)))
st.caption(t("text_pipeline.step3_caption", **caption))
vocab_table = pd.DataFrame(  # a count is a number, on the right as in step 2's table; <pad> and <unk> have none: "—"
    [(k, tok, np.nan if c is None else float(c)) for k, tok, c in steps.vocab_rows(vocab, VOCAB_ROWS)],
    columns=[t("text_pipeline.index"), t("text_pipeline.token"), t("text_pipeline.count")],
)
st.html(html_table(vocab_table, t("text_pipeline.step3"), max_height="19rem", number_format=".0f"))

if s is not None:
    ui.heading(st.header, "text_pipeline.step4")
    st.caption(t("text_pipeline.step4_caption", maxlen=maxlen))
    st.markdown(length_sentence(len(s.tokens), maxlen))
    pad_rows = {}
    for side in ("post", "pre"):  # the model's row first
        pad_rows[t(f"text_pipeline.row.{side}_idx")] = as_text(s.padded[side])
        pad_rows[t(f"text_pipeline.row.{side}_tok")] = vocab.decode(s.padded[side])
    pad_table = pd.DataFrame.from_dict(pad_rows, orient="index", columns=as_text(range(1, maxlen + 1)))
    st.html(html_table(pad_table.reset_index(names=t("text_pipeline.padding")), t("text_pipeline.step4"), wrap=False))

    ui.heading(st.header, "text_pipeline.step5")
    table = steps.embedding_matrix(len(vocab), dim, seed)  # (V, dim)
    read = s.padded["post"]  # what the classifier reads
    looked_up = table[read]  # (maxlen, dim): one row per position
    row_labels = [f"{k + 1}: {tok} ({idx})" for k, (tok, idx) in enumerate(zip(vocab.decode(read), read, strict=True))]
    st.caption(t("text_pipeline.step5_caption", dim=dim, size=len(vocab), maxlen=maxlen, seed=seed))
    fig = embedding_heatmap(
        looked_up, row_labels, t("text_pipeline.embedding_title"), t("text_pipeline.dimension"), t("text_pipeline.token")
    )
    values = pd.DataFrame(looked_up.round(3), columns=[f"d{k}" for k in range(dim)])
    values.insert(0, t("text_pipeline.token"), row_labels)
    ui.chart(fig, values, key="embedding")

ui.heading(st.header, "text_pipeline.dataset_header")
st.caption(
    t("text_pipeline.dataset_caption", shown=EXAMPLES, n=len(data.texts), dataset=title, maxlen=maxlen, model_maxlen=MODEL_MAXLEN)
)
texts, labels = data.texts[:EXAMPLES], data.labels[:EXAMPLES]
token_lists = [tokenise(text, mode) for text in texts]
first = [vocab.encode(tokens) for tokens in token_lists]
padded = pad_for_model(first, maxlen)
examples = pd.DataFrame(
    {
        t("text_pipeline.text"): texts,
        t("text_pipeline.label"): [t(data.class_names[k]) for k in labels],
        t("text_pipeline.tokens"): [" · ".join(tokens) for tokens in token_lists],
        t("text_pipeline.indices"): [" ".join(as_text(idx)) for idx in first],
        t("text_pipeline.padded"): [" ".join(as_text(row)) for row in padded],
    }
)
st.html(html_table(examples, t("text_pipeline.dataset_header")))
lengths = data.lengths
st.caption(
    t(
        "text_pipeline.lengths",
        median=float(np.median(lengths)),
        p95=float(np.percentile(lengths, 95)),
        longest=int(lengths.max()),
        maxlen=maxlen,
        cut=int(np.sum(lengths > maxlen)),
        n=len(lengths),
    )
)
