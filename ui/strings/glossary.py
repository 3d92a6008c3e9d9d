"""The one bilingual glossary: every term with its single Chinese rendering, shown on /lessons.

Each row: (term key, English, Chinese, Chinese variants the app must not use for it). A test checks
that no Chinese string uses a variant, so one idea keeps one name across every page.
"""

# Ways of saying "unit(s)" with 单元, the word for the cell: ruled out so that 单元 keeps one meaning
UNIT_AS_CELL = (
    "隐藏单元", "单元数", "个单元", "每层单元", "各单元", "逐单元", "单个单元", "所选单元", "中位数单元", "最佳单元",
    "最大的单元", "单元 {unit}", "一个单元，", "隐藏层大小",
)  # fmt: skip

GLOSSARY = (
    ("hidden_state", "hidden state h", "隐藏状态 h", ()),
    ("cell", "cell (LSTM cell)", "单元（LSTM 单元）", ()),
    ("cell_state", "cell state c", "单元状态 c", ("细胞状态", "记忆细胞")),
    # 单元 is the cell only: one unit of h is one dimension (第 j 维), the hidden size is 隐藏维度
    ("hidden_size", "hidden size H, hidden units (“32 units”)", "隐藏维度 H（“32 维”）", UNIT_AS_CELL),
    ("unit", "unit j (one component of h and c)", "维（第 j 维：h 和 c 的一个分量）", ()),
    ("forget_gate", "forget gate f", "遗忘门 f", ()),
    ("input_gate", "input gate i", "输入门 i", ()),
    ("output_gate", "output gate o", "输出门 o", ()),
    ("candidate", "candidate g", "候选值 g", ()),
    ("reset_gate", "reset gate r (GRU)", "重置门 r（GRU）", ()),
    ("update_gate", "update gate z (GRU)", "更新门 z（GRU）", ()),
    ("peephole", "peephole connection", "窥视孔连接", ()),
    ("vanishing", "vanishing gradient", "梯度消失", ()),
    ("exploding", "exploding gradient", "梯度爆炸", ()),
    ("clipping", "gradient clipping", "梯度裁剪", ()),
    ("bptt", "backpropagation through time", "随时间反向传播", ()),
    ("vanilla_rnn", "vanilla RNN (also called a plain or Elman RNN)", "普通 RNN", ()),
    ("tp", "true positive (TP)", "真正例（TP）", ()),
    ("fp", "false positive (FP)", "假正例（FP）", ()),
    ("fn", "false negative (FN)", "假负例（FN）", ("假反例",)),
    ("tn", "true negative (TN)", "真负例（TN）", ("真反例",)),
    ("accuracy", "accuracy", "准确率", ()),
    ("precision", "precision", "精确率（查准率）", ()),
    ("recall", "recall", "召回率（查全率）", ()),
    ("specificity", "specificity", "特异度", ()),
    ("threshold", "decision threshold", "决策阈值", ()),
    # /forecast says "part" (训练部分 …): its parts are stretches of one series in time order, not sets of examples
    ("train_set", "training set (/forecast: training part)", "训练集（时间序列预测页：训练部分）", ()),
    ("val_set", "validation set (/forecast: validation part)", "验证集（时间序列预测页：验证部分）", ()),
    ("test_set", "test set (/forecast: test part)", "测试集（时间序列预测页：测试部分）", ()),
    ("overfitting", "overfitting", "过拟合", ()),
    ("early_stopping", "early stopping", "早停", ("提前停止",)),
    ("epoch", "epoch", "训练轮数 / 第 n 轮", ()),
    ("seed", "random seed", "随机种子", ()),
    ("embedding", "embedding", "嵌入", ()),
    ("vocabulary", "vocabulary", "词表", ()),
    ("token", "token", "词元", ()),
    ("padding", "padding", "填充", ()),
    ("bag_of_words", "bag of words", "词袋", ()),
    ("window", "window (time_step)", "窗口（time_step）", ()),
    ("persistence", "persistence (naive) forecast", "持续性预测", ("朴素预测",)),
    ("seasonal_naive", "seasonal naive forecast", "季节性朴素预测", ()),
    ("horizon", "forecast horizon", "预测步数", ("预测步长", "随步长")),
    ("leak", "data leakage", "信息泄漏", ("泄露",)),
)

# "季节性朴素预测" contains "朴素预测": the test removes the allowed terms before looking for variants
# 单元状态 and 单元格 (a spreadsheet's cell): "每一个单元状态" and "3 个单元格" are not "个单元" (units)
ALLOWED_CONTAINING_A_VARIANT = ("季节性朴素预测", "单元状态", "单元格")

STRINGS = {
    "glossary.header": ("Glossary: one name for each idea", "术语表：每个概念只用一个名字"),
    "glossary.intro": (
        "Every page of the app uses these terms, in English and in Chinese. Chinese textbooks differ: "
        "准确率 is accuracy and 精确率 is precision, although some texts call precision 准确率; here 准确率 always "
        "means accuracy.",
        "本应用的每个页面都使用这些术语（中英文）。中文教材的译法不尽相同：准确率指 accuracy，精确率指 precision，"
        "但有些文本把 precision 也叫作“准确率”；在这里，准确率始终指 accuracy。",
    ),
    "glossary.col.en": ("English", "英文"),
    "glossary.col.zh": ("Chinese", "中文"),
}
