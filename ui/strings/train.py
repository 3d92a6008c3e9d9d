STRINGS = {
    "train.title": ("Train a sequence classifier", "训练一个序列分类器"),
    "train.intro": (
        "Pick a data set and a model, press **Train**, and watch loss, accuracy, precision, recall and F1 move on the "
        "training and validation sets while the model learns. A baseline that ignores order (word counts for text, "
        "each feature's average over time for sequences) is trained on the same split, so you can see what reading in order "
        "buys. Training runs in the background: you can change settings or "
        "look at other charts meanwhile.",
        "选择数据集和模型，点击**开始训练**，即可实时观察训练集和验证集上的损失、准确率、精确率、召回率和 F1 的变化。"
        "同一划分上还会训练一个不看顺序的基线模型（文本用词频，序列用各特征在时间上的平均值），让你看到“按顺序阅读”到底带来了什么。"
        "训练在后台进行，期间可以随意调整设置或查看其他图表。",
    ),
    "train.explain_header": ("How this works", "原理说明"),
    "train.explain": (
        "**The model.** Each token is looked up in an *embedding* table (a learned vector per word or character); "
        "sequence data sets feed their feature vectors in directly. A recurrent layer (vanilla RNN, LSTM, GRU, or one of the "
        "two LSTM variants: the 1997 LSTM without a forget gate and the CIFG LSTM) reads the "
        "vectors one step at a time and keeps a hidden state; its final hidden state (both directions if "
        "bidirectional) goes through a linear layer that gives one score (logit) per class. Softmax turns the scores "
        "into probabilities, and training minimises the cross-entropy loss.\n\n"
        "**The splits.** 70% of the examples train the model, 15% (validation) are used to watch for overfitting "
        "and for early stopping, and 15% (test) are only used for the final evaluation below. The split is "
        "stratified: each class is divided in the same proportions, rounded to whole examples, so a small set's "
        "shares differ (20 examples in two equal classes give 12, 4 and 4). The evaluation gives each run's counts.\n\n"
        "**The metrics.** Accuracy is the share of correct predictions. For two classes, precision, recall and F1 "
        "are those of the positive class (class 1): *precision* = of the items predicted positive, how many are "
        "positive; *recall* = of the items that are positive, how many were found; F1 is their harmonic mean. With "
        "more than two classes the page shows their macro average (the plain mean over classes).\n\n"
        "**The baseline.** A logistic regression on word counts (or, for sequences, on the time-averaged features). "
        "It knows *which* tokens occur but not their order, so on the negation data "
        "(“good, not bad” vs “bad, not good”: the same words) "
        "it stays near chance while a recurrent model can learn the task.\n\n"
        "**Reproducible.** The seed fixes the initial weights, the dropout masks and the order of the batches: the "
        "same settings and seed give exactly the same run, and the link in the address bar reproduces it.",
        "**模型。** 每个词元（词或字）先在*嵌入*表中查出一个可学习的向量；"
        "序列数据集则直接输入其特征向量。循环层（普通 RNN、LSTM、GRU，"
        "或 LSTM 的两个变体：没有遗忘门的 1997 年 LSTM 和耦合门 LSTM）"
        "逐步读取这些向量并维护一个隐藏状态；最后一步的隐藏状态（双向时为两个方向拼接）经过一个线性层，"
        "为每个类别给出一个分数（logit）。"
        "Softmax 把分数变成概率，训练的目标是最小化交叉熵损失。\n\n"
        "**数据划分。** 70% 的样本用于训练，15%（验证集）用于监测过拟合和决定何时早停，另外 15%（测试集）只用于下方的最终评估。"
        "划分是分层的：每个类别按相同比例划分，并取整到整数个样本，"
        "所以小数据集的比例会有出入（两类各 10 个、共 20 个样本时分成 12、4、4 个）。"
        "每次运行的实际数量见下方的评估部分。\n\n"
        "**评价指标。** 准确率是预测正确的比例。二分类时，精确率、"
        "召回率和 F1 针对正类（类别 1）计算：*精确率* = 在被预测为正类的样本中，"
        "真正是正类的比例；*召回率* = 在真正是正类的样本中，被找出来的比例；"
        "F1 是两者的调和平均。多于两类时显示宏平均（各类的简单平均）。\n\n"
        "**基线模型。** 基于词频的逻辑回归（序列数据则基于各特征在时间上的平均值）。它只知道出现了*哪些*词，不知道词的顺序，"
        "因此在否定句数据（“好，不差”与“差，不好”：用字完全相同）上的表现接近随机猜测，而循环网络可以学会这个任务。\n\n"
        "**可复现。** 随机种子决定初始权重、dropout 掩码和批次顺序：相同的设置和种子会得到完全相同的训练过程，"
        "地址栏中的链接也能复现这次训练。",
    ),
    # settings
    "train.settings_header": ("Set up a run", "设置训练"),
    "train.data_header": ("Data", "数据"),
    "train.dataset": ("Data set", "数据集"),
    "train.n": ("Number of examples", "样本数量"),
    "train.length": ("Sequence length", "序列长度"),
    "train.about_data": ("About this data set", "关于此数据集"),
    "train.model_header": ("Model", "模型"),
    "train.kind": ("Recurrent layer", "循环层类型"),
    "train.kind.lstm": ("LSTM", "LSTM"),
    "train.kind.gru": ("GRU", "GRU"),
    "train.kind.rnn": ("Vanilla RNN (tanh)", "普通 RNN（tanh）"),
    "train.kind.lstm1997": ("LSTM 1997 (no forget gate)", "1997 年 LSTM（无遗忘门）"),
    "train.kind.cifg": ("CIFG LSTM (i = 1 − f)", "耦合门 LSTM（i = 1 − f）"),
    "train.embedding_size": ("Embedding size (text only)", "嵌入维度（仅文本）"),
    "train.hidden_size": ("Hidden size", "隐藏维度"),
    "train.num_layers": ("Layers", "层数"),
    "train.bidirectional": ("Bidirectional", "双向"),
    "train.dropout": ("Dropout", "Dropout 比例"),
    "train.dropout_help": (
        "During training, each value of the embeddings, between layers and before the output layer is set to 0 "
        "with this probability (and the rest scaled up), so the model cannot rely on any single unit.",
        "训练时，嵌入向量中、层与层之间以及输出层之前的每个值都以这个概率置为 0（其余值相应放大），使模型无法依赖其中任何一维。",
    ),
    "train.training_header": ("Training", "训练"),
    "train.optimizer": ("Optimiser", "优化器"),
    "train.opt.adam": ("Adam", "Adam"),
    "train.opt.sgd": ("SGD (momentum 0.9)", "SGD（动量 0.9）"),
    "train.lr": ("Learning rate", "学习率"),
    "train.lr_help": (
        "The step size of each update. Too small: nothing happens; too large: the loss jumps around or diverges.",
        "每次更新的步长。太小：几乎学不到东西；太大：损失剧烈波动甚至发散。",
    ),
    "train.epochs": ("Epochs", "训练轮数（epoch）"),
    "train.batch_size": ("Batch size", "批大小"),
    "train.weight_decay": ("Weight decay (L2)", "权重衰减（L2）"),
    "train.early_stopping": ("Early stopping", "早停"),
    "train.early_help": (
        "Stop when the validation loss has not improved for 3 epochs, and keep the weights of the best epoch.",
        "当验证集损失连续 3 轮没有改善时停止训练，并保留表现最好那一轮的权重。",
    ),
    # running
    "train.start": ("Train", "开始训练"),
    "train.stop": ("Stop", "停止"),
    "train.progress": ("Epoch {epoch} of {epochs} · training loss {loss:.4f}", "第 {epoch} / {epochs} 轮 · 训练损失 {loss:.4f}"),
    "train.starting": ("Starting…", "正在启动……"),
    "train.no_run_yet": (
        "No run yet: choose settings and press Train. The defaults train an LSTM on the English negation data in "
        "a few seconds on a quiet server, longer while many learners train at once.",
        "还没有训练记录：选好设置后点击“开始训练”。默认设置会用英文否定句数据训练一个 LSTM："
        "服务器空闲时只需几秒，很多人同时训练时会更久。",
    ),
    "train.current_run": ("running", "训练中"),
    "train.run_name": (
        "run {number}: {kind}, {hidden} units, seed {seed}",
        "第 {number} 次：{kind}，{hidden} 维，种子 {seed}",
    ),
    "train.compare_note": (
        "The previous run is drawn dotted, so you can compare two settings (or check that the same seed gives the same curves).",
        "上一次训练用虚线表示，便于比较两组设置（或检查相同的种子是否得到相同的曲线）。",
    ),
    "train.handoff_title": ("{kind} trained on {data}", "在“{data}”上训练的 {kind}"),
    "train.stopped_nan": (
        "Training stopped in epoch {epoch}: the loss became NaN (not a number), so the weights are no longer usable. "
        "This usually means the learning rate ({lr}) is too large. Try a smaller one.",
        "训练在第 {epoch} 轮停止：损失变成了 NaN（非数值），权重已无法使用。这通常说明学习率（{lr}）过大，请尝试更小的值。",
    ),
    "train.stopped_user": (
        "Stopped during epoch {current}, after {epoch} epochs' worth of batches: the results below use the model as "
        "trained so far (the baseline was skipped).",
        "在第 {current} 轮中途停止（已训练约 {epoch} 轮的批次）：下方结果使用的是目前训练到的模型（未训练基线模型）。",
    ),
    "train.stopped_user_end": (
        "Stopped after epoch {epoch}: the results below use the model as trained so far (the baseline was skipped).",
        "在第 {epoch} 轮结束后停止：下方结果使用的是目前训练到的模型（未训练基线模型）。",
    ),
    "train.kept_best": (
        "All {epochs} epochs ran, but the validation loss was lowest after epoch {epoch}: as early stopping "
        "promises, the results below use that epoch's weights.",
        "全部 {epochs} 轮已训练完，但验证集损失在第 {epoch} 轮后最低：按早停的约定，下方结果使用那一轮的权重。",
    ),
    "train.stopped_early": (
        "Early stopping after epoch {epoch}: the validation loss had not improved for {patience} epochs, so the "
        "weights of epoch {best}, where it was lowest, were restored: the results below use them.",
        "在第 {epoch} 轮后早停：验证集损失已连续 {patience} 轮没有改善，已恢复验证损失最低的第 {best} 轮的权重，"
        "下方结果使用的就是这组权重。",
    ),
    # errors (train.err_lr and train.err_empty are raised by lstm_core/training.py)
    "train.err_lr": (
        "The learning rate must be a positive number, not {lr}. With 0 the weights would never change.",
        "学习率必须是正数，而不是 {lr}。学习率为 0 时权重永远不会改变。",
    ),
    "train.err_empty": ("There are no training examples.", "没有训练样本。"),
    "train.err_size": (
        "The setting {name} = {value} is outside the allowed range {low} to {high} (limits keep the shared server responsive).",
        "设置 {name} = {value} 超出了允许范围 {low} 到 {high}（限制是为了让共享服务器保持流畅）。",
    ),
    "train.err_kind": ("Unknown recurrent layer “{kind}”.", "未知的循环层类型“{kind}”。"),
    "train.err_too_small": (
        "{n} examples are too few to split into training, validation and test sets. Use more examples.",
        "{n} 个样本太少，无法划分为训练集、验证集和测试集。请使用更多样本。",
    ),
    # curves
    "train.curves_one_class": (
        "The test set holds items of one class only, so there is no ROC curve and no AUC: they compare how the "
        "model scores positives against negatives.",
        "测试集中只有一个类别的样本，因此没有 ROC 曲线，也没有 AUC：它们比较的是模型给正例和负例打的分数。",
    ),
    "train.curves_header": ("Training curves", "训练曲线"),
    "train.curve.loss": ("Loss (cross-entropy)", "损失（交叉熵）"),
    "train.curve.accuracy": ("Accuracy", "准确率"),
    "train.curve.precision": ("Precision", "精确率"),
    "train.curve.recall": ("Recall", "召回率"),
    "train.curve.f1": ("F1", "F1"),
    "train.curve.gap": ("Accuracy gap: train − validation", "准确率差距：训练集 − 验证集"),
    "train.curve.train": ("train", "训练集"),
    "train.curve.val": ("validation", "验证集"),
    "train.curve.running": ("training loss within epochs", "轮内训练损失"),
    "train.curve.epoch": ("epoch", "轮次"),
    "train.metric_note_binary": (
        "Precision, recall and F1 are those of the positive class “{positive}”.",
        "精确率、召回率和 F1 针对正类“{positive}”计算。",
    ),
    "train.metric_note_zero_recall": (
        "Where a recall is 0, no “{positive}” item was found: precision is then 0, or 0/0 when nothing at all was "
        "predicted “{positive}”, which the chart draws as 0 too.",
        "召回率为 0 的地方，一个“{positive}”样本也没有找出来：这时精确率为 0；如果根本没有样本被预测为“{positive}”，"
        "精确率就是 0/0，图中同样画成 0。",
    ),
    "train.metric_note_multi": (
        "Precision, recall and F1 are macro averages over the {classes} classes.",
        "精确率、召回率和 F1 是 {classes} 个类别的宏平均。",
    ),
    "train.overfit_header": ("Overfitting: reading the train and validation curves", "过拟合：如何解读训练集和验证集曲线"),
    "train.overfit": (
        "While both curves improve together, the model is learning patterns that generalise. When the training loss "
        "keeps falling but the validation loss turns up (and the accuracy gap in the last panel keeps growing), the "
        "model has started to memorise the training examples: that is **overfitting**. Try it: choose the real "
        "Chinese reviews, a hidden size of 128 and 30 epochs.\n\n"
        "- **Dropout** randomly zeroes a share of the values during training, so the model cannot lean on a few "
        "units. The training curve becomes noisier and a little worse, while the validation curve stays closer to "
        "it: the gap shrinks.\n"
        "- **Weight decay** adds a penalty on large weights (L2). It pulls the weights towards 0, which limits how "
        "sharply the model can fit individual examples; too much of it makes both curves worse (underfitting).\n"
        "- **Early stopping** simply stops when the validation loss has not improved for a few epochs and keeps "
        "the best weights.",
        "当两条曲线一起改善时，模型学到的是可以推广的规律。如果训练集损失还在下降，"
        "验证集损失却开始回升（最后一个面板中的准确率差距不断扩大），"
        "说明模型开始死记训练样本，这就是**过拟合**。可以试试：选择真实中文评论、隐藏维度 128、训练 30 轮。\n\n"
        "- **Dropout** 在训练时随机把一部分值置零，使模型无法依赖少数几维。训练曲线会变得更抖、略差一些，"
        "而验证曲线会更贴近它：差距缩小。\n"
        "- **权重衰减**对较大的权重施加惩罚（L2），把权重拉向 0，"
        "限制模型对个别样本的拟合程度；过大则两条曲线都会变差（欠拟合）。\n"
        "- **早停**在验证集损失连续几轮没有改善时停止训练，并保留最好的权重。",
    ),
    # results
    "train.results_header": ("Evaluation on the test set", "在测试集上的评估"),
    "train.results_of": ("Results of {name}.", "以下为“{name}”的结果。"),
    "train.test_accuracy": ("Test accuracy", "测试集准确率"),
    "train.test_accuracy_at": ("Test accuracy at threshold {threshold:.2f}", "测试集准确率（阈值 {threshold:.2f}）"),
    "train.headline_threshold": (
        "Both tiles count a prediction as “{positive}” when its probability is at least {threshold:.2f}, so they "
        "compare the two models on an equal footing; the test numbers below follow the threshold you choose.",
        "两个指标都把“{positive}”的概率不低于 {threshold:.2f} 的预测算作“{positive}”，以便在同等条件下比较两个模型；"
        "下方的测试集数字则随你选择的阈值而变。",
    ),
    "train.data_used": (
        "This run used {total:,} examples: {train:,} to train, {val:,} to validate and {test:,} to test.",
        "本次训练实际使用了 {total:,} 个样本：训练 {train:,} 个，验证 {val:,} 个，测试 {test:,} 个。",
    ),
    "train.data_used_positive": (
        "Of these, {train_pos:,}, {val_pos:,} and {test_pos:,} are “{positive}”.",
        "其中分别有 {train_pos:,}、{val_pos:,}、{test_pos:,} 个是“{positive}”。",
    ),
    "train.data_used_fewer_share": (
        "That is fewer than the {n:,} examples the settings ask for: at a share of positives of {share:.0%} the data set has "
        "too few examples of one class for more.",
        "这比设置中要求的 {n:,} 个样本少：在正类占比为 {share:.0%} 时，数据集中某一类的样本不够，无法凑出更多。",
    ),
    "train.data_used_even_length": (
        "Each string has {used} steps, not the {asked} the settings ask for: every string holds as many “(” as “)”, "
        "so an odd length is rounded up to the next even one.",
        "每个字符串有 {used} 步，而不是设置中的 {asked} 步：每个字符串中“(”和“)”一样多，所以奇数长度会向上取成下一个偶数。",
    ),
    "train.data_used_fewer": (
        "That is fewer than the {n:,} examples the settings ask for: the data set has no more.",
        "这比设置中要求的 {n:,} 个样本少：数据集中没有更多样本了。",
    ),
    "train.baseline_accuracy.text": ("Bag-of-words baseline", "词袋基线模型"),
    "train.baseline_accuracy.sequence": ("Time-average baseline", "时间平均基线模型"),
    "train.baseline_none": ("not trained", "未训练"),
    "train.wall_time": ("Training time", "训练用时"),
    "train.wall_time_value": ("{seconds:.1f} s", "{seconds:.1f} 秒"),
    "train.baseline_caption.text": (
        "The baseline is a logistic regression on token counts, trained on the same split: it ignores word order.",
        "基线模型是基于词频的逻辑回归，在同一数据划分上训练：它忽略词序。",
    ),
    "train.baseline_caption.sequence": (
        "The baseline is a logistic regression on each input feature averaged over the time steps, trained on the "
        "same split: it ignores the order of the steps.",
        "基线模型是对每个输入特征在所有时间步上的平均值做逻辑回归，在同一数据划分上训练：它忽略时间步的先后顺序。",
    ),
    "train.baseline_skipped.text": (
        "The baseline (a logistic regression on token counts, which ignores word order) is trained after the "
        "recurrent model; this run was stopped before that, so there is nothing to compare with.",
        "基线模型（基于词频、忽略词序的逻辑回归）在循环模型之后训练；本次训练在那之前就已停止，因此没有可比较的结果。",
    ),
    "train.baseline_skipped.sequence": (
        "The baseline (a logistic regression on each input feature averaged over the time steps, which ignores "
        "their order) is trained after the recurrent model; this run was stopped before that, so there is nothing "
        "to compare with.",
        "基线模型（对每个输入特征在所有时间步上的平均值做逻辑回归，忽略时间步的先后顺序）在循环模型之后训练；"
        "本次训练在那之前就已停止，因此没有可比较的结果。",
    ),
    "train.loses_overfit": (
        "The recurrent model loses to the baseline ({model:.3f} against {baseline:.3f} test accuracy). "
        "Its validation loss was lowest after epoch {epoch} and rose afterwards: it memorised the training set. "
        "Turn on early stopping, add dropout or train fewer epochs, and compare on the validation curves.",
        "循环模型输给了基线模型（测试准确率 {model:.3f} 对 {baseline:.3f}）。它的验证损失在第 {epoch} 轮后最低，"
        "之后有所上升：模型死记了训练集。请打开早停、加入 dropout 或减少训练轮数，并用验证曲线来比较。",
    ),
    "train.baseline_one_answer": (
        "The baseline answers “{name}” for every test item, so its {baseline:.3f} is simply the share of “{name}” "
        "items in the test set: answering “{name}” every time scores that much without telling a single item apart. "
        "Judge the recurrent model by its recall and F1 below, not by its accuracy alone.",
        "基线模型对每个测试样本都回答“{name}”，所以它的 {baseline:.3f} 只是测试集中“{name}”所占的比例："
        "每次都回答“{name}”就能拿到这个分数，却没有区分出任何一个样本。请用下方的召回率和 F1 来评判循环模型，"
        "而不要只看准确率。",
    ),
    # the test set holds every class about as often (brackets, GunPoint): one answer for every item is chance
    "train.baseline_one_answer_chance": (
        "The baseline answers “{name}” for every test item: what it reads does not tell the classes apart. Each "
        "class makes up about the same share of the test set, so its {baseline:.3f} is what guessing scores: the "
        "chance level that the recurrent model ({model:.3f}) has to beat.",
        "基线模型对每个测试样本都回答“{name}”：它读到的特征区分不了类别。测试集中各类别所占的比例大致相同，"
        "所以它的 {baseline:.3f} 就是瞎猜能得到的分数，也就是循环模型（{model:.3f}）需要超过的随机水平。",
    ),
    "train.baseline_chance_within_noise": (
        "The baseline answers “{name}” for every test item, and each class makes up about the same share of the "
        "test set, so its {baseline:.3f} is what guessing scores. The recurrent model ({model:.3f}) is above it by "
        "only {items} of the {n} test items: on so few items each accuracy is uncertain by about ±{margin:.3f} (a "
        "95% interval), so the model may not have learnt anything yet. Train longer, try another learning rate or "
        "recurrent layer, and compare on the validation curves.",
        "基线模型对每个测试样本都回答“{name}”，而测试集中各类别所占的比例大致相同，所以它的 {baseline:.3f} "
        "就是瞎猜能得到的分数。循环模型（{model:.3f}）在 {n} 个测试样本中只比它多对 {items} 个：样本这么少时，"
        "每个准确率都有约 ±{margin:.3f} 的不确定性（95% 区间），所以模型可能还什么都没学到。"
        "可以多训练几轮、换个学习率或循环层类型，并用验证曲线来比较。",
    ),
    "train.loses_at_chance": (
        "The recurrent model loses to the baseline ({model:.3f} against {baseline:.3f} test accuracy), but it "
        "has not left guessing: each class makes up about the same share of the test set, so guessing scores "
        "about {chance:.3f}, and the model is no further above it than chance allows on this test set. It has "
        "not learnt the task yet: train longer, try another learning rate or recurrent layer, and compare on "
        "the validation curves.",
        "循环模型输给了基线模型（测试准确率 {model:.3f} 对 {baseline:.3f}），但它其实还停留在瞎猜的水平："
        "测试集中各类别所占的比例大致相同，瞎猜的准确率约为 {chance:.3f}，而在这个测试集上，"
        "模型高出的部分没有超过偶然波动的范围。它还没有学会这个任务：可以多训练几轮、换个学习率或循环层类型，"
        "并用验证曲线来比较。",
    ),
    "train.loses_one_answer_chance": (
        "The recurrent model loses to the baseline ({model:.3f} against {baseline:.3f} test accuracy), but the "
        "baseline answers “{name}” for every test item, and each class makes up about the same share of the test "
        "set: {baseline:.3f} is what guessing scores. On this test set the recurrent model does no better than "
        "guessing. Train longer, try another learning rate or recurrent layer, and compare on the validation curves.",
        "循环模型输给了基线模型（测试准确率 {model:.3f} 对 {baseline:.3f}），但基线模型对每个测试样本都回答“{name}”，"
        "而测试集中各类别所占的比例大致相同：{baseline:.3f} 就是瞎猜能得到的分数。在这个测试集上，循环模型并不比瞎猜好。"
        "可以多训练几轮、换个学习率或循环层类型，并用验证曲线来比较。",
    ),
    "train.baseline_below_chance": (
        "The baseline's {baseline:.3f} is below chance: each class makes up about the same share of the test set, "
        "so guessing scores about {chance:.3f} (±{margin:.3f} on this many items). Read the recurrent model's "
        "{model:.3f} against chance, not against the baseline: it is {lead:.3f} above it.",
        "基线模型的 {baseline:.3f} 低于随机水平：测试集中各类别所占的比例大致相同，瞎猜大约能得到 {chance:.3f}"
        "（在这么多样本上约 ±{margin:.3f}）。循环模型的 {model:.3f} 应该和随机水平比，而不是和基线比："
        "它比随机水平高 {lead:.3f}。",
    ),
    "train.baseline_below_chance_model_at_chance": (
        "The baseline's {baseline:.3f} is below chance: each class makes up about the same share of the test set, "
        "so guessing scores about {chance:.3f} (±{margin:.3f} on this many items). The recurrent model's "
        "{model:.3f} is within that margin: beating this baseline does not show that it learnt anything.",
        "基线模型的 {baseline:.3f} 低于随机水平：测试集中各类别所占的比例大致相同，瞎猜大约能得到 {chance:.3f}"
        "（在这么多样本上约 ±{margin:.3f}）。循环模型的 {model:.3f} 也在这个范围之内：胜过这个基线并不能说明它学到了什么。",
    ),
    "train.wins_within_noise": (
        "The recurrent model scores above the baseline ({model:.3f} against {baseline:.3f} test accuracy), but only "
        "by {items} of the {n} test items. On so few items each accuracy is uncertain by about ±{margin:.3f} (a 95% "
        "interval), so a lead this small may be chance rather than a real difference. Use more examples, or train "
        "again with a few other seeds and see whether the order holds.",
        "循环模型的测试准确率高于基线模型（{model:.3f} 对 {baseline:.3f}），但在 {n} 个测试样本中只多对 {items} 个。"
        "样本这么少时，每个准确率都有约 ±{margin:.3f} 的不确定性（95% 区间），这么小的领先可能只是偶然，"
        "而不是真正的差别。请使用更多样本，或换几个随机种子重新训练，看看谁高谁低是否保持不变。",
    ),
    # a test set so small that random answers reach every accuracy (train_evaluation.guessing_odds)
    "train.too_few_test_items": (
        "The test set holds only {n} items, too few to judge these accuracies by (the recurrent model's "
        "{model:.3f}, the baseline's {baseline:.3f}): a model answering each item at random gets all {n} right in "
        "one run of {odds:,}, and all {n} wrong at least as often, so even 1.000 or 0.000 lies within the 95% of "
        "scores that guessing gives. On this test set neither model can be told from guessing, nor the two from "
        "each other. Use more examples: the test set grows with them.",
        "测试集只有 {n} 个样本，太少了，无法据此评判这两个准确率（循环模型 {model:.3f}，基线模型 {baseline:.3f}）："
        "对每个样本随机作答的模型，平均每 {odds:,} 次就有一次把 {n} 个样本全部答对，全部答错的机会至少一样多，"
        "所以即使是 1.000 或 0.000，也落在瞎猜得分的 95% 范围之内。在这个测试集上，既无法把任何一个模型和瞎猜区分开，"
        "也无法区分这两个模型。请使用更多样本：测试集会随之变大。",
    ),
    "train.loses_within_noise": (
        "The recurrent model scores below the baseline ({model:.3f} against {baseline:.3f} test accuracy), but only "
        "by {items} of the {n} test items. On so few items each accuracy is uncertain by about ±{margin:.3f} (a 95% "
        "interval), so a gap this small may be chance rather than a real difference. Use more examples, or train "
        "again with a few other seeds and see whether the order holds.",
        "循环模型的测试准确率低于基线模型（{model:.3f} 对 {baseline:.3f}），但在 {n} 个测试样本中只差 {items} 个。"
        "样本这么少时，每个准确率都有约 ±{margin:.3f} 的不确定性（95% 区间），这么小的差距可能只是偶然，"
        "而不是真正的差别。请使用更多样本，或换几个随机种子重新训练，看看谁高谁低是否保持不变。",
    ),
    "train.loses_kept_best": (
        "The recurrent model loses to the baseline ({model:.3f} against {baseline:.3f} test accuracy). These are "
        "already the weights of epoch {epoch}, where its validation loss was lowest (early stopping kept them), so "
        "the epochs after it are not to blame: even at its best epoch the model does worse on the test set than "
        "the baseline. Dropout, weight decay, a smaller model or another learning rate may help; compare such "
        "changes on the validation curves.",
        "循环模型输给了基线模型（测试准确率 {model:.3f} 对 {baseline:.3f}）。这里用的已经是第 {epoch} 轮的权重，"
        "那一轮的验证损失最低（早停保留了它们），所以问题不在之后的几轮：即使在最好的一轮，模型在测试集上也不如基线。"
        "可以试试 dropout、权重衰减、更小的模型或换个学习率，并用验证曲线来比较这些改动。",
    ),
    "train.loses_one_class": (
        "The recurrent model loses to the baseline ({model:.3f} against {baseline:.3f} test accuracy), but all "
        "{n:,} test items are “{name}”: accuracy then only counts how often each model answers “{name}”, not how "
        "well it tells the classes apart. This test set cannot compare the two models; use more examples, or a "
        "larger share of positives.",
        "循环模型输给了基线模型（测试准确率 {model:.3f} 对 {baseline:.3f}），但测试集的 {n:,} 个样本全都是“{name}”："
        "这时准确率只统计各模型回答“{name}”的次数，并不反映它们区分类别的能力。这样的测试集无法比较两个模型；"
        "请使用更多样本，或提高正类占比。",
    ),
    "train.loses_one_answer": (
        "The recurrent model loses to the baseline ({model:.3f} against {baseline:.3f} test accuracy), but the "
        "baseline answers “{name}” for every test item: its accuracy is simply the share of “{name}” items in the "
        "test set, and it tells no item apart from another. Judge the recurrent model by its recall and F1 below, "
        "not by its accuracy alone.",
        "循环模型输给了基线模型（测试准确率 {model:.3f} 对 {baseline:.3f}），但基线模型对每个测试样本都回答“{name}”："
        "它的准确率只是测试集中“{name}”所占的比例，它并没有区分任何样本。请用下方的召回率和 F1 来评判循环模型，"
        "而不要只看准确率。",
    ),
    "train.loses_order": (
        "The recurrent model loses to the bag-of-words baseline ({model:.3f} against {baseline:.3f} test accuracy). "
        "Where single words already carry the label (real reviews: great, terrible), reading the order adds little "
        "and a simple model is hard to beat; a recurrent model may also need more epochs or another learning rate. "
        "Compare such changes on the validation curves.",
        "循环模型输给了词袋基线（测试准确率 {model:.3f} 对 {baseline:.3f}）。如果单个词就足以决定标签"
        "（比如真实评论中的“很好”“糟糕”），考虑词序帮助不大，简单模型很难被超越；循环模型也可能需要更多训练轮数或换个学习率。"
        "请用验证曲线来比较这些改动。",
    ),
    "train.loses_order_sequence": (
        "The recurrent model loses to the time-average baseline ({model:.3f} against {baseline:.3f} test accuracy). "
        "Where the average over the steps already tells the classes apart, reading the order adds little and a "
        "simple model is hard to beat; a recurrent model may also need more epochs or another learning rate. "
        "Compare such changes on the validation curves.",
        "循环模型输给了时间平均基线（测试准确率 {model:.3f} 对 {baseline:.3f}）。如果各时间步的平均值就足以区分类别，"
        "考虑顺序帮助不大，简单模型很难被超越；循环模型也可能需要更多训练轮数或换个学习率。请用验证曲线来比较这些改动。",
    ),
    "train.positive_share": ("Share of positives", "正类占比"),
    "train.positive_share_help": (
        "Keep only this share of positive examples (class 1). At 5% a model that always answers negative is "
        "95% accurate with a recall of 0: watch accuracy and recall separately.",
        "只保留这个比例的正类样本（类别 1）。正类只占 5% 时，一个永远回答负类的模型准确率高达 95%，召回率却为 0："
        "请分别观察准确率和召回率。",
    ),
    "train.param_count": (
        "Recurrent layer: {n:,} parameters (weights and biases). At this size an LSTM has {lstm:,}, a GRU {gru:,}, a "
        "vanilla RNN {rnn:,}: four, three and one blocks of the same shape (gates and candidate).",
        "循环层：{n:,} 个参数（权重和偏置）。在这个规模下，LSTM 有 {lstm:,} 个，GRU 有 {gru:,} 个，普通 RNN 有 {rnn:,} 个："
        "分别是四块、三块和一块同样形状的参数（各个门与候选值）。",
    ),
    "train.auc_caption": (
        "AUC, the area under the ROC curve, is the probability that a random positive example gets a higher score "
        "than a random negative one: 0.5 is guessing, 1 a perfect ranking, whatever the threshold. The model's head "
        "gives two scores and a softmax; for two classes that is the same as one score with a sigmoid and binary "
        "cross-entropy, as Keras tutorials write it: softmax(z)₁ = σ(z₁ − z₀).",
        "AUC 即 ROC 曲线下的面积，等于随机取一个正例、一个负例时，正例得分更高的概率：0.5 相当于瞎猜，1 表示排序完全正确，"
        "与阈值无关。模型的输出层给出两个分数再做 softmax；对两类问题，这与 Keras 教程常写的“一个分数加 sigmoid 和"
        "二元交叉熵”完全相同：softmax(z)₁ = σ(z₁ − z₀)。",
    ),
    "train.ap_caption": (
        "AP, the average precision, is the area under the precision-recall staircase: the precision at each "
        "threshold, weighted by how much recall that threshold adds. Random guessing scores about the share of "
        "positives in the test set (the dashed line, {prevalence:.3f} here), 1 a perfect ranking.",
        "AP（平均精确率）是精确率-召回率阶梯曲线下的面积：各个阈值处的精确率，按该阈值增加的召回率加权求和。"
        "随机猜测的 AP 约等于测试集中正类所占的比例（虚线，此处为 {prevalence:.3f}），1 表示排序完全正确。",
    ),
    "train.threshold": ("Decision threshold (choose it on the validation set)", "决策阈值（在验证集上选择）"),
    "train.threshold_help": (
        "Predict the positive class “{positive}” when its probability is at least this value. Moving it trades "
        "precision against recall; nothing is retrained. Choose it by the validation numbers: a threshold tuned on "
        "the test set makes the test numbers optimistic.",
        "当正类“{positive}”的概率不低于该值时预测为正类。调整它可以在精确率和召回率之间取舍，无需重新训练。"
        "请依据验证集的数字来选择：在测试集上调出来的阈值会让测试数字偏乐观。",
    ),
    "train.threshold_val": (
        "**Validation set**, where the threshold is chosen:",
        "**验证集**（在这里选择阈值）：",
    ),
    "train.threshold_test": (
        "**Test set** at that threshold, the numbers to report:",
        "该阈值下的**测试集**（这才是要报告的数字）：",
    ),
    "train.metric_val_help": ("On the validation set.", "在验证集上。"),
    "train.metric_test_help": ("On the test set, at the threshold chosen above.", "在测试集上，使用上面选定的阈值。"),
    # the name a screen reader says for a tile's help button ({x}: the tile's label), per row
    "train.metric_val_help_name": ("Help for {x} on the validation set", "{x}（验证集）的说明"),
    "train.metric_test_help_name": ("Help for {x} on the test set", "{x}（测试集）的说明"),
    "train.threshold_best": (
        "On the validation set, F1 is highest ({f1:.3f}) at a threshold of {threshold:.2f}.",
        "在验证集上，阈值为 {threshold:.2f} 时 F1 最高（{f1:.3f}）。",
    ),
    "train.threshold_best_range": (
        "On the validation set, F1 is highest ({f1:.3f}) at every threshold from {low:.2f} to {high:.2f}.",
        "在验证集上，阈值从 {low:.2f} 到 {high:.2f} 时 F1 都是最高（{f1:.3f}）。",
    ),
    "train.threshold_best_all_positive": (
        "At {threshold:.2f} every validation item is predicted “{positive}”: no threshold does better than calling "
        "everything positive.",
        "阈值为 {threshold:.2f} 时，验证集的每个样本都被预测为“{positive}”：没有哪个阈值比把所有样本都判为正类更好。",
    ),
    "train.threshold_best_no_positive": (
        "The validation set has no positive item, so F1 is 0 at every threshold and cannot choose one.",
        "验证集中没有正类样本，因此 F1 在任何阈值下都是 0，无法据此选择阈值。",
    ),
    "train.undefined.precision": (
        "Precision is 0/0 here: no item is predicted positive at this threshold.",
        "此处精确率为 0/0：在这个阈值下没有样本被预测为正类。",
    ),
    "train.undefined.recall": (
        "Recall is 0/0 here: this set has no positive item.",
        "此处召回率为 0/0：这部分数据中没有正类样本。",
    ),
    "train.undefined.specificity": (
        "Specificity is 0/0 here: this set has no negative item.",
        "此处特异度为 0/0：这部分数据中没有负类样本。",
    ),
    "train.undefined.f1": (
        "F1 is 0/0 here: no item is positive, and none is predicted positive.",
        "此处 F1 为 0/0：没有正类样本，也没有样本被预测为正类。",
    ),
    "train.undefined_pr_point": (
        "At this threshold no test item is predicted positive, so precision is 0/0: the tiles above show it as 0, "
        "while the precision-recall chart draws the current threshold at precision 1, where the curve ends "
        "(scikit-learn's convention for that end of the curve).",
        "在这个阈值下没有测试样本被预测为正类，因此精确率为 0/0：上方的指标显示为 0，"
        "而精确率-召回率图把当前阈值画在精确率 1 处，也就是曲线的端点（scikit-learn 对曲线这一端的约定）。",
    ),
    "train.threshold_point_undefined": (
        "current threshold (precision 0/0, drawn at the curve's end)",
        "当前阈值（精确率 0/0，画在曲线端点）",
    ),
    # {names}: the classes as one list (train_labels.listed), "“3”, “5” or “8”", "“3”、“5”或“8”"
    "train.report_undefined.precision": (
        "No test item is predicted as {names}, so its precision is 0/0.",
        "没有测试样本被预测为{names}，因此它的精确率为 0/0。",
    ),
    "train.report_undefined.precision_several": (
        "No test item is predicted as {names}, so the precision of each is 0/0.",
        "没有测试样本被预测为{names}，因此它们的精确率都为 0/0。",
    ),
    "train.report_undefined.recall": (
        "The test set has no {names} item, so its recall is 0/0.",
        "测试集中没有{names}样本，因此它的召回率为 0/0。",
    ),
    "train.report_undefined.recall_several": (
        "The test set has no item of {names}, so the recall of each is 0/0.",
        "测试集中没有{names}的样本，因此它们的召回率都为 0/0。",
    ),
    "train.report_undefined.f1": (
        "{names} has no test item and none is predicted, so its F1 is 0/0 as well.",
        "{names}既没有测试样本，也没有样本被预测为它，因此它的 F1 也是 0/0。",
    ),
    "train.report_undefined.f1_several": (
        "{names} have no test item and none is predicted as any of them, so the F1 of each is 0/0 as well.",
        "{names}既没有测试样本，也没有样本被预测为它们，因此它们的 F1 也都为 0/0。",
    ),
    "train.list_name": ("“{name}”", "“{name}”"),  # a class name in a list
    "train.list_sep": (", ", "、"),
    "train.list_or": (" or ", "或"),  # before a list's last name
    "train.list_and": (" and ", "和"),
    "train.undefined_shown": (
        "A 0/0 is undefined; like scikit-learn (zero_division=0), the page shows it as 0.",
        "0/0 没有定义；与 scikit-learn（zero_division=0）一样，这里显示为 0。",
    ),
    "train.test_exploration": (
        "The tabs below explore the test set (confusion matrix, classification report, ROC and PR curves, misclassified "
        "examples): look and learn, but do not go back and choose the threshold or the settings by them.",
        "下面的标签页是对测试集的探索（混淆矩阵、分类报告、ROC 与 PR 曲线、错误分类的样本）："
        "可以看、可以学，但不要回头依据它们来选阈值或设置。",
    ),
    "train.metric.accuracy": ("Accuracy", "准确率"),
    "train.metric.precision": ("Precision", "精确率"),
    "train.metric.recall": ("Recall", "召回率"),
    "train.metric.specificity": ("Specificity", "特异度"),
    "train.metric.f1": ("F1", "F1"),
    "train.tab.cm": ("Confusion matrix", "混淆矩阵"),
    "train.tab.report": ("Classification report", "分类报告"),
    "train.tab.curves": ("ROC and PR curves", "ROC 与 PR 曲线"),
    "train.tab.mistakes": ("Misclassified examples", "错误分类的样本"),
    "train.tab.export": ("Export", "导出"),
    "train.cm_counts": ("Confusion matrix (counts)", "混淆矩阵（计数）"),
    "train.cm_normalised": ("Normalised by true class (rows sum to 1)", "按真实类别归一化（每行之和为 1）"),
    "train.cm_normalised_empty": (
        "Normalised by true class (rows with items sum to 1)",
        "按真实类别归一化（有样本的行之和为 1）",
    ),
    "train.cm_empty_row": (
        "A row of “—” is a class with no items: its shares would be 0/0.",
        "整行为“—”的类别没有样本：它的比例会是 0/0。",
    ),
    "train.cm_true": ("true class", "真实类别"),
    "train.cm_predicted": ("predicted class", "预测类别"),
    "train.cm_predicted_as": ("predicted {name}", "预测为{name}"),
    "train.report.class": ("class", "类别"),
    "train.report.precision": ("precision", "精确率"),
    "train.report.recall": ("recall", "召回率"),
    "train.report.f1": ("F1", "F1"),
    "train.report.support": ("support", "样本数"),
    "train.report.accuracy": ("accuracy", "准确率"),
    "train.report.macro": ("macro average", "宏平均"),
    "train.report.weighted": ("weighted average", "加权平均"),
    "train.report_caption": (
        "Support is the number of test examples of each class. The macro average is the plain mean over classes; "
        "the weighted average weights each class by its support.",
        "样本数指测试集中每个类别的样本个数。宏平均是各类别的简单平均；加权平均按各类别的样本数加权。",
    ),
    "train.roc_title": ("ROC curve", "ROC 曲线"),
    "train.pr_title": ("Precision-recall curve", "精确率-召回率曲线"),
    "train.scored_title": ("{title} ({name} = {value})", "{title}（{name} = {value}）"),  # filled in by plots.train
    "train.fpr": ("false-positive rate", "假正例率"),
    "train.tpr": ("true-positive rate (recall)", "真正例率（召回率）"),
    "train.chance": ("random guessing", "随机猜测"),
    "train.model": ("this model", "本模型"),
    "train.threshold_point": ("current threshold", "当前阈值"),
    "train.curves_binary_only": (
        "ROC and precision-recall curves need a positive class: they are shown for two-class data sets.",
        "ROC 曲线和精确率-召回率曲线需要指定正类，因此只在二分类数据集上显示。",
    ),
    "train.col.example": ("example", "样本"),
    "train.col.true": ("true", "真实类别"),
    "train.col.predicted": ("predicted", "预测类别"),
    "train.col.confidence": ("confidence", "置信度"),
    "train.mistakes_none": ("No test example is misclassified.", "测试集中没有被错误分类的样本。"),
    "train.mistakes_count": (
        "{count} of {total} test examples are misclassified (most confident mistakes first).",
        "测试集 {total} 个样本中有 {count} 个被分错（按置信度从高到低排列）。",
    ),
    "train.mistakes_count_one": (
        "1 of {total} test examples is misclassified.",
        "测试集 {total} 个样本中有 1 个被分错。",
    ),
    "train.mistake_pick": ("Look at one", "查看其中一个"),
    "train.saliency_header": ("Which tokens drove the prediction", "哪些词元决定了预测"),
    "train.saliency_caption_threshold": (
        "The model gives “{positive}” a probability of {p}; at the threshold {threshold:.2f} that predicts "
        "“{predicted}”. Blue pushed towards “{predicted}”, orange against it; the stronger the colour, the larger "
        "the effect (gradient × input, integrated from all-zero embeddings). A “?” marks a token the model never "
        "saw in training.",
        "模型给“{positive}”的概率是 {p}；在阈值 {threshold:.2f} 下，预测为“{predicted}”。"
        "蓝色表示推动模型预测为“{predicted}”，橙色表示起反作用；颜色越深影响越大（梯度 × 输入，从全零嵌入开始积分）。"
        "带“?”的词元在训练集中从未出现过。",
    ),
    "train.saliency_caption": (
        "Blue pushed towards the predicted class “{predicted}” ({p:.0%}), orange against it; the stronger the colour, "
        "the larger the effect (gradient × input, integrated from all-zero embeddings). A “?” marks a token the model "
        "never saw in training.",
        "蓝色表示推动模型预测为“{predicted}”（{p:.0%}），"
        "橙色表示起反作用；颜色越深影响越大（梯度 × 输入，从全零嵌入开始积分）。"
        "带“?”的词元在训练集中从未出现过。",
    ),
    "train.open_explorer_first": (  # with no mistake to open, the model still opens, on the first test example
        "Open the model in the cell explorer, on the first test example",
        "在单元探索页中打开这个模型（用第一个测试样本）",
    ),
    "train.open_explorer": ("Open this sentence in the cell explorer", "在单元探索页中打开这句话"),
    # what a screen reader says for each chip of the token strip, in place of its colour
    "train.saliency_towards": ("{token}: {score}, towards “{predicted}”", "{token}：{score}，推动预测为“{predicted}”"),
    "train.saliency_against": ("{token}: {score}, against “{predicted}”", "{token}：{score}，对“{predicted}”起反作用"),
    "train.saliency_unseen": ("{token} (never seen in training)", "{token}（训练集中从未出现）"),
    "train.saliency_text_only": (
        "Token saliency is available for text data sets.",
        "词元显著性仅适用于文本数据集。",
    ),
    "train.open_explorer_sequence": (
        "Open this sequence in the cell explorer",
        "在单元探索页中打开这个序列",
    ),
    "train.sequence_numbers": ("The sequence, as the explorer reads it: {numbers}", "探索页读取的序列：{numbers}"),
    "train.example_title": ("Test item #{k}, as the model reads it", "测试样本 #{k}（模型读到的样子）"),
    "train.example_step": ("step t", "时间步 t"),
    "train.example_feature": ("feature (value at this step)", "特征（这一步的数值）"),
    "train.example_value": ("value at this step", "这一步的数值"),
    "train.explorer_multifeature": (
        "The cell explorer takes one number a step; this data set has {features} features a step, so its models stay here.",
        "单元探索页每一步只接受一个数；这个数据集每一步有 {features} 个特征，所以它的模型无法在那里打开。",
    ),
    "train.download_history": ("Training history (CSV)", "训练历史（CSV）"),
    "train.download_history_help": (
        "One row per epoch. train_… and val_… are measured after the epoch, with its final weights and no dropout: "
        "the dots of the charts. running_train_loss is the mean loss over the epoch's batches while the weights "
        "were still changing, with dropout on: where the thin line of the loss chart ends each epoch.",
        "每轮一行。train_… 和 val_… 在该轮结束后用最终的权重、不加 dropout 测得，即图中的圆点。"
        "running_train_loss 是该轮各批次损失的平均值，计算时权重仍在更新，dropout 也处于开启状态：即损失图中细线在每轮末尾的值。",
    ),
    "train.download_report": ("Run report (Markdown)", "训练报告（Markdown）"),
    "train.report_named": ("{title}: {name}", "{title}：{name}"),  # each item of a report
    # the heading: the run's name has a colon of its own ("run 1: LSTM, …"), so not a second one before it
    "train.report_heading": ("{title} · {name}", "{title} · {name}"),
    "train.report_title": ("LSTM Lab run report", "LSTM 实验室训练报告"),
    "train.report_settings": ("Settings", "设置"),
    "train.report_results": ("Test results", "测试结果"),
    "train.report_data": ("Data used", "实际使用的数据"),
}
