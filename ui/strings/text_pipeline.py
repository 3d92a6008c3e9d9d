STRINGS = {
    "text_pipeline.intro": (
        "A network cannot read letters: before an LSTM sees a sentence, the sentence becomes a list of numbers of a "
        "fixed length, and each number becomes a vector. Follow every step for your own sentence and for a data set. "
        "The models on /train use exactly these functions, with automatic tokenisation, a vocabulary of at most "
        "{vocab:,} entries and a maximum length of {maxlen} tokens.",
        "神经网络读不懂文字：LSTM 看到句子之前，句子要先变成一串固定长度的数字，每个数字再变成一个向量。"
        "用你自己的句子和一个数据集，跟着走一遍每个步骤。训练页面上的模型用的正是这些函数："
        "自动分词，词表最多 {vocab:,} 项，最大长度 {maxlen} 个词元。",
    ),
    "text_pipeline.default_sentence": (
        "I expected it to be TERRIBLE... but it wasn't: it was great!",
        "本来以为会很无聊……结果，真的非常精彩！",
    ),
    "text_pipeline.sentence": ("Your sentence", "你的句子"),
    "text_pipeline.dataset": ("Vocabulary built from", "词表来自数据集"),
    "text_pipeline.mode": ("Tokenisation", "分词方式"),
    "text_pipeline.mode.auto": ("auto (words for English, characters for Chinese)", "自动（英文按词，中文按字）"),
    "text_pipeline.mode.words": ("words (Chinese: dictionary segmentation)", "按词（中文用词典分词）"),
    "text_pipeline.mode.chars": ("characters (for Chinese)", "按字（用于中文）"),
    "text_pipeline.maxlen": ("Maximum length (tokens)", "最大长度（词元数）"),
    "text_pipeline.vocab_size": ("Largest vocabulary (incl. <pad> and <unk>)", "词表上限（含 <pad> 和 <unk>）"),
    "text_pipeline.dim": ("Embedding size", "嵌入维度"),
    "text_pipeline.step1": ("1. Lower-casing and punctuation removal", "1. 转小写、去标点"),
    "text_pipeline.step1_caption": (
        "Full-width characters become their plain forms (NFKC), letters become lower case, and punctuation and symbols "
        "become spaces; an apostrophe inside a word (don't) is kept.",
        "全角字符先转为普通形式（NFKC），字母转为小写，标点和符号变成空格；词中间的撇号（如 don't）会保留。",
    ),
    "text_pipeline.stage": ("step", "步骤"),
    "text_pipeline.text": ("text", "文本"),
    "text_pipeline.stage.raw": ("as typed", "原始输入"),
    "text_pipeline.stage.lower": ("NFKC, lower-cased", "NFKC 规范化并转小写后"),
    "text_pipeline.stage.clean": ("punctuation removed", "去标点后"),
    "text_pipeline.step2": ("2. Tokenisation and the vocabulary index of each token", "2. 分词，并查出每个词元在词表中的编号"),
    "text_pipeline.step2_caption": (
        "English is split at spaces. Chinese has no spaces: “characters” makes every character a token, “words” uses "
        "forward maximum matching with a small dictionary (take the longest dictionary word at each position). "
        "A token that is not in the vocabulary gets index 1, the out-of-vocabulary token <unk>.",
        "英文按空格切分。中文没有空格：“按字”把每个汉字当作一个词元，“按词”用一个小词典做正向最大匹配"
        "（在每个位置取词典里最长的词）。不在词表中的词元编号为 1，即表示未登录词的词元 <unk>。",
    ),
    "text_pipeline.position": ("position", "位置"),
    "text_pipeline.token": ("token", "词元"),
    "text_pipeline.index": ("index", "编号"),
    "text_pipeline.count": ("count in the training texts", "在训练文本中出现次数"),
    "text_pipeline.in_vocab": ("in vocabulary?", "在词表中？"),
    "text_pipeline.yes": ("yes", "是"),
    "text_pipeline.no_oov": ("no → <unk>", "否 → <unk>"),
    "text_pipeline.oov_summary": (
        "{oov} of {n} tokens are not in the vocabulary and become <unk> (index 1).",
        "{n} 个词元中有 {oov} 个不在词表中，变成 <unk>（编号 1）。",
    ),
    "text_pipeline.oov_summary_one": (
        "1 of {n} tokens is not in the vocabulary and becomes <unk> (index 1).",
        "{n} 个词元中有 1 个不在词表中，变成 <unk>（编号 1）。",
    ),
    "text_pipeline.oov_none": (
        "All {n} tokens are in the vocabulary: none becomes <unk>.",
        "{n} 个词元全都在词表中，没有一个变成 <unk>。",
    ),
    "text_pipeline.oov_none_one": (
        "The sentence's one token is in the vocabulary.",
        "句子只有 1 个词元，它在词表中。",
    ),
    "text_pipeline.oov_all": (
        "None of the {n} tokens is in the vocabulary: all of them become <unk> (index 1).",
        "{n} 个词元都不在词表中，全部变成 <unk>（编号 1）。",
    ),
    "text_pipeline.oov_all_one": (
        "The sentence's one token is not in the vocabulary and becomes <unk> (index 1).",
        "句子只有 1 个词元，它不在词表中，变成 <unk>（编号 1）。",
    ),
    "text_pipeline.step3": ("3. The vocabulary", "3. 词表"),
    "text_pipeline.step3_caption": (
        "Built, as on /train, from the training set of “{dataset}” alone ({n_train:,} texts; words seen only in the "
        "validation or test texts become <unk>): the tokens seen, most frequent first, after two special tokens: "
        "<pad> = 0 fills short sequences, <unk> = 1 stands for every token the vocabulary does not know. "
        "{coverage} The first {shown} entries:",
        "与训练页面一样，只由数据集“{dataset}”的训练集构建（{n_train:,} 条文本；只出现在验证或测试文本中的词会变成 <unk>）："
        "先放两个特殊词元，再按出现次数从多到少排列见过的词元。"
        "<pad> = 0 用来填充较短的序列，<unk> = 1 代表词表中没有的任何词元。"
        "{coverage}前 {shown} 项如下：",
    ),
    "text_pipeline.step3_all": (
        "{size:,} entries; all {seen:,} distinct tokens in those texts fit.",
        "共 {size:,} 项；这些文本中的 {seen:,} 个不同词元全部收入词表。",
    ),
    "text_pipeline.step3_cut": (
        "{size:,} entries; only {kept:,} of the {seen:,} distinct tokens in those texts fit, the most frequent ones; "
        "every other token becomes <unk>.",
        "共 {size:,} 项；这些文本中有 {seen:,} 个不同的词元，只放得下出现最多的 {kept:,} 个，其余的都会变成 <unk>。",
    ),
    "text_pipeline.step3_cut_one": (
        "{size:,} entries; only 1 of the {seen:,} distinct tokens in those texts fits, the most frequent one; "
        "every other token becomes <unk>.",
        "共 {size:,} 项；这些文本中有 {seen:,} 个不同的词元，只放得下出现最多的 1 个，其余的都会变成 <unk>。",
    ),
    "text_pipeline.step3_none": (
        "{size:,} entries, only the two special tokens: no token of those texts fits, and every token becomes <unk>.",
        "共 {size:,} 项，只有两个特殊词元：这些文本中的词元一个也放不下，全都会变成 <unk>。",
    ),
    "text_pipeline.step4": ("4. Padding and truncation to a fixed length", "4. 填充与截断到固定长度"),
    "text_pipeline.step4_caption": (
        "A batch needs sequences of equal length, here {maxlen}. The classifier on /train pads the “post” way: <pad> "
        "zeros are added at the end and a sentence that is too long is cut at the end. It then packs the padding away "
        "(PyTorch's pack_padded_sequence), so the LSTM stops at the sentence's last real token and never reads a <pad>. "
        "For comparison, “pre” is the default of Keras's pad_sequences: pad and cut at the start, which keeps the real "
        "tokens next to the last step for a model that reads the padding.",
        "一个批次里的序列必须等长，这里是 {maxlen}。训练页面上的分类器用的是“post”方式：在末尾补 <pad>（0），"
        "句子过长时从末尾截断。然后它把填充部分打包去掉（PyTorch 的 pack_padded_sequence），LSTM 在句子最后一个真实词元处停下，"
        "从不读 <pad>。作为对比，“pre”是 Keras 的 pad_sequences 的默认方式：在开头填充和截断，"
        "如果模型会读到填充，这样做能让真实词元紧挨着最后一步。",
    ),
    "text_pipeline.truncated": (
        "Your sentence has {n} tokens, more than {maxlen}: {cut} are cut off (from the end with “post”, from the start "
        "with “pre”).",
        "你的句子有 {n} 个词元，超过了 {maxlen}：要截掉 {cut} 个（“post”从末尾截，“pre”从开头截）。",
    ),
    "text_pipeline.truncated_one": (
        "Your sentence has {n} tokens, more than {maxlen}: 1 is cut off (from the end with “post”, from the start with “pre”).",
        "你的句子有 {n} 个词元，超过了 {maxlen}：要截掉 1 个（“post”从末尾截，“pre”从开头截）。",
    ),
    "text_pipeline.padded_n": (
        "Your sentence has {n} tokens: {pad} <pad> zeros are added.",
        "你的句子有 {n} 个词元：补上 {pad} 个 <pad>（0）。",
    ),
    "text_pipeline.padded_n_one": (
        "Your sentence has {n} tokens: one <pad> zero is added.",
        "你的句子有 {n} 个词元：补上 1 个 <pad>（0）。",
    ),
    "text_pipeline.padded_single": (
        "Your sentence has 1 token: {pad} <pad> zeros are added.",
        "你的句子有 1 个词元：补上 {pad} 个 <pad>（0）。",
    ),
    "text_pipeline.padded_single_one": (
        "Your sentence has 1 token: one <pad> zero is added.",
        "你的句子有 1 个词元：补上 1 个 <pad>（0）。",
    ),
    "text_pipeline.fits": (
        "Your sentence has exactly {n} tokens, the maximum length: nothing is added or cut.",
        "你的句子正好有 {n} 个词元，等于最大长度：不用填充，也不用截断。",
    ),
    "text_pipeline.fits_one": (
        "Your sentence has exactly 1 token, the maximum length: nothing is added or cut.",
        "你的句子正好有 1 个词元，等于最大长度：不用填充，也不用截断。",
    ),
    "text_pipeline.row.pre_idx": ("pre (Keras's default): indices", "pre（Keras 默认）：编号"),
    "text_pipeline.row.pre_tok": ("pre (Keras's default): tokens", "pre（Keras 默认）：词元"),
    "text_pipeline.row.post_idx": ("post (as /train pads): indices", "post（训练页面的方式）：编号"),
    "text_pipeline.row.post_tok": ("post (as /train pads): tokens", "post（训练页面的方式）：词元"),
    "text_pipeline.padding": ("padding", "填充方式"),
    "text_pipeline.step5": ("5. Embedding lookup", "5. 嵌入查找"),
    "text_pipeline.step5_caption": (
        "The embedding is a table with one row of {dim} numbers per vocabulary entry ({size:,} × {dim}). Each index "
        "simply picks its row, so the padded sequence, of length {maxlen}, becomes a matrix of {maxlen} × {dim}: the "
        "LSTM's input. These are the random starting values (seed {seed}); training moves them so that words used alike "
        "get similar rows. The <pad> row is all zeros (padding_idx = 0).",
        "嵌入是一张表：词表中每一项对应一行，每行 {dim} 个数（{size:,} × {dim}）。每个编号直接取出对应的那一行，"
        "于是填充后长度为 {maxlen} 的编号序列变成一个 {maxlen} × {dim} 的矩阵，也就是 LSTM 的输入。"
        "这里是随机初始值（种子 {seed}）；"
        "训练会调整它们，让用法相近的词得到相近的行。<pad> 那一行全为 0（padding_idx = 0）。",
    ),
    "text_pipeline.embedding_title": (
        "Looked-up embedding rows (the post-padded row of step 4)",
        "查出的嵌入行（第 4 步中后置填充的那一行）",
    ),
    "text_pipeline.dimension": ("embedding dimension", "嵌入维度"),
    "text_pipeline.dataset_header": ("The same steps for the data set", "对数据集做同样的步骤"),
    "text_pipeline.dataset_caption": (
        "The first {shown} of {n:,} examples of “{dataset}”, tokenised, indexed and post-padded to the maximum length "
        "chosen above, {maxlen}. /train pads its examples the same way, after their tokens, to {model_maxlen}.",
        "数据集“{dataset}”共 {n:,} 个样本，这里是前 {shown} 个：分词、编号，并后置填充到上面选的最大长度 {maxlen}。"
        "训练页面也这样在词元之后填充它的样本，长度为 {model_maxlen}。",
    ),
    "text_pipeline.label": ("label", "标签"),
    "text_pipeline.tokens": ("tokens", "词元"),
    "text_pipeline.indices": ("indices", "编号序列"),
    "text_pipeline.padded": ("padded (post)", "填充后（post）"),
    "text_pipeline.lengths": (
        "Token counts in this data set: median {median:.0f}, 95th percentile {p95:.0f}, longest {longest}. "
        "A maximum length of {maxlen} cuts {cut:,} of the {n:,} examples.",
        "该数据集的词元数：中位数 {median:.0f}，95% 分位数 {p95:.0f}，最长 {longest}。最大长度设为 {maxlen} 时，"
        "{n:,} 个样本中有 {cut:,} 个会被截断。",
    ),
    "text_pipeline.capped": (
        "Your text is longer than {limit} characters; only the first {limit} are used.",
        "你的文本超过 {limit} 个字符，只使用前 {limit} 个。",
    ),
    "text_pipeline.err_empty": (
        "The sentence is empty: type a sentence to follow it through the pipeline.",
        "句子是空的：请输入一个句子，看看它如何走完整个流程。",
    ),
    "text_pipeline.err_no_tokens": (
        "Nothing is left after punctuation removal: the sentence has only punctuation or symbols. Type some words.",
        "去掉标点后什么也不剩：这个句子只有标点或符号。请输入一些文字。",
    ),
    "text_pipeline.err_maxlen": (
        "A maximum length of {maxlen} does not work: choose between 1 and {high} tokens.",
        "最大长度 {maxlen} 不可用：请选择 1 到 {high} 之间的值。",
    ),
    "text_pipeline.err_dim": (
        "An embedding size of {dim} does not work: choose between 1 and {high}.",
        "嵌入维度 {dim} 不可用：请选择 1 到 {high} 之间的值。",
    ),
}
