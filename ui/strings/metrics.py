STRINGS = {
    "metrics.intro": (
        "A binary classifier's predictions fall into four boxes. Type your own counts (or open a link such as "
        "`?tp=90&tn=85&fp=15&fn=10`) and see every metric computed from them, formula first, then with your numbers.",
        "二分类模型的预测结果可以分进四个格子。输入你自己的数量（或打开类似 `?tp=90&tn=85&fp=15&fn=10` 的链接），"
        "就能看到由它们算出的每个指标：先写公式，再代入你的数字。",
    ),
    "metrics.counts_header": ("The four counts", "四个计数"),
    "metrics.tp": ("TP: true positives (positive, predicted positive)", "TP 真正例（实际为正，预测为正）"),
    "metrics.fn": ("FN: false negatives (positive, predicted negative)", "FN 假负例（实际为正，预测为负）"),
    "metrics.fp": ("FP: false positives (negative, predicted positive)", "FP 假正例（实际为负，预测为正）"),
    "metrics.tn": ("TN: true negatives (negative, predicted negative)", "TN 真负例（实际为负，预测为负）"),
    "metrics.counts_help": (
        "Whole numbers from 0 to {max:,}.",
        "0 到 {max:,} 之间的整数。",
    ),
    "metrics.all_zero": (
        "All four counts are 0: there are no predictions to score. Every metric below is 0/0, which is undefined; "
        "like scikit-learn (zero_division=0) we report it as 0 (the normalised matrix's shares show “—”). "
        "Enter some counts.",
        "四个计数都是 0：没有可评价的预测。下面每个指标都是 0/0，没有定义；与 scikit-learn（zero_division=0）一样，"
        "这里记为 0（归一化矩阵中的比例则显示为“—”）。请输入一些计数。",
    ),
    "metrics.undefined": (
        "{metric} is 0/0 here (undefined) and shown as 0, as scikit-learn does with zero_division=0.",
        "{metric}：此处为 0/0（没有定义），按 scikit-learn 的 zero_division=0 约定显示为 0。",
    ),
    "metrics.matrix_header": ("Confusion matrix", "混淆矩阵"),
    "metrics.matrix_counts": ("Counts", "计数"),
    "metrics.matrix_normalised": ("Normalised by true class (each row sums to 1)", "按真实类别归一化（每行之和为 1）"),
    "metrics.matrix_normalised_empty": (
        "Normalised by true class (rows with items sum to 1)",
        "按真实类别归一化（有样本的行之和为 1）",
    ),
    "metrics.matrix_empty_row": (
        "A row of “—” is a class with no items: its shares would be 0/0.",
        "整行为“—”的类别没有样本：它的比例会是 0/0。",
    ),
    "metrics.matrix_caption": (
        "Rows are the true class, columns the prediction. In the normalised view the diagonal holds the recall of "
        "each class: recall of positive (bottom right) and specificity, the recall of negative (top left).",
        "行是真实类别，列是预测类别。在归一化视图中，对角线上是各类别的召回率：右下角是正类的召回率，"
        "左上角是负类的召回率，即特异度。",
    ),
    "metrics.rate.fpr": ("False-positive rate", "假正例率"),
    "metrics.rate.fnr": ("False-negative rate", "假负例率"),
    "metrics.true": ("true class", "真实类别"),
    "metrics.predicted": ("predicted class", "预测类别"),
    "metrics.positive": ("positive", "正类"),
    "metrics.negative": ("negative", "负类"),
    "metrics.formulas_header": ("The metrics, formula by formula", "逐个公式看指标"),
    "metrics.name.accuracy": ("Accuracy", "准确率"),
    "metrics.name.precision": ("Precision", "精确率"),
    "metrics.name.recall": ("Recall", "召回率"),
    "metrics.name.specificity": ("Specificity", "特异度"),
    "metrics.name.f1": ("F1 score", "F1 分数"),
    "metrics.explain.accuracy": (
        "Of **all** items, the share that was classified correctly.",
        "在**所有**样本中，被正确分类的比例。",
    ),
    "metrics.explain.precision": (
        "Of the items the model **predicted positive**, the share that really are positive. "
        "Asks: when the model says “positive”, how often is it right? Hurt by false positives.",
        "在模型**预测为正**的样本中，真正为正的比例。问的是：模型说“正”的时候，多大比例是对的？假正例会拉低它。",
    ),
    "metrics.explain.recall": (
        "Of the items that **really are positive**, the share the model found. "
        "Asks: of everything it should have caught, how much did it catch? Hurt by false negatives. "
        "(Not to be confused with precision: recall is about the actual positives, precision about the predicted ones.)",
        "在**实际为正**的样本中，被模型找出来的比例。"
        "问的是：本该找出的正例，它找到了多少？假负例会拉低它。"
        "（不要和精确率混淆：召回率着眼于实际的正例，精确率着眼于预测的正例。）",
    ),
    "metrics.explain.specificity": (
        "Of the items that **really are negative**, the share the model called negative: the recall of the negative class.",
        "在**实际为负**的样本中，被模型判为负的比例，也就是负类的召回率。",
    ),
    "metrics.explain.f1": (
        "The harmonic mean of precision and recall, 2PR / (P + R): high only when both are high.",
        "精确率与召回率的调和平均数 2PR / (P + R)：只有两者都高时它才高。",
    ),
    "metrics.pr_header": ("Precision and recall are different questions", "精确率和召回率问的是不同的问题"),
    "metrics.pr_body": (
        "- **Precision** looks at the **predicted positive** column: TP / (TP + FP). {precision_line}\n"
        "- **Recall** looks at the **actually positive** row: TP / (TP + FN). {recall_line}\n\n"
        "A spam filter that flags only one obvious spam e-mail has perfect precision but tiny recall; one that flags "
        "every e-mail has perfect recall but poor precision. A common mistake (even in tutorials) is to describe "
        "recall as “of the predicted positives, how many are correct”: that is precision.",
        "- **精确率**看的是**预测为正**的那一列：TP / (TP + FP)。{precision_line}\n"
        "- **召回率**看的是**实际为正**的那一行：TP / (TP + FN)。{recall_line}\n\n"
        "一个只拦截一封明显垃圾邮件的过滤器，精确率完美但召回率极低；一个把所有邮件都拦截的过滤器，召回率完美但精确率很差。"
        "常见的错误（连一些教程里也有）是把召回率说成“预测为正的样本中有多少是对的”：那其实是精确率。",
    ),
    # number-agnostic ("flagged positive: 1"), as "Of the 1 items, 1 were found" is not English
    "metrics.pr_precision": (
        "Flagged positive: {pred_pos:,}; of these, really positive: {tp:,}.",
        "被判为正的 {pred_pos:,} 个样本中，有 {tp:,} 个确实为正。",
    ),
    "metrics.pr_precision_none": (
        "No item is flagged positive, so this column is empty and precision is 0/0.",
        "没有样本被判为正，这一列是空的，精确率为 0/0。",
    ),
    "metrics.pr_recall": (
        "Actually positive: {act_pos:,}; of these, found: {tp:,}.",
        "实际为正的 {act_pos:,} 个样本中，找出了 {tp:,} 个。",
    ),
    "metrics.pr_recall_none": (
        "No item is actually positive, so this row is empty and recall is 0/0.",
        "没有实际为正的样本，这一行是空的，召回率为 0/0。",
    ),
    "metrics.paradox_header": ("The accuracy paradox", "准确率悖论"),
    "metrics.paradox_body": (
        "Take {n_neg:,} negative and {n_pos:,} positive items, e.g. {n_pos} sick patients among {n:,}. A “classifier” "
        "that always answers negative is right {acc_always:.1%} of the time (accuracy {acc_always:.3f}), yet it never "
        "finds a single positive (recall 0). A useful classifier that finds {useful_tp} of the {n_pos} positives, at the "
        "cost of {useful_fp} false alarms, has lower accuracy ({acc_useful:.3f}) but recall {rec_useful:.3f}. On "
        "imbalanced data, accuracy alone hides the failure: look at recall, precision and the confusion matrix.",
        "设有 {n_neg:,} 个负例和 {n_pos:,} 个正例，比如 {n:,} 人中有 {n_pos} 位病人。一个总是回答“负类”的“分类器”，"
        "{acc_always:.1%} 的回答都是对的（准确率 {acc_always:.3f}），却一个正例也找不到（召回率为 0）。"
        "而一个有用的分类器找出了 {n_pos} 个正例中的 {useful_tp} 个，代价是 {useful_fp} 次误报，"
        "它的准确率更低（{acc_useful:.3f}），召回率却是 {rec_useful:.3f}。"
        "在类别不平衡的数据上，只看准确率会掩盖失败：要同时看召回率、精确率和混淆矩阵。",
    ),
    "metrics.paradox_always": ("Always “negative”", "总是回答“负类”"),
    "metrics.paradox_useful": ("Useful classifier", "有用的分类器"),
    "metrics.paradox_undefined": (
        "“—”: always answering negative flags no item positive, so its precision is 0/0, undefined, and has no bar. "
        "Loaded into the counts above, it is shown as 0, as scikit-learn does with zero_division=0.",
        "“—”：“总是回答负类”的模型没有把任何样本判为正，它的精确率是 0/0，没有定义，所以没有柱子。"
        "填入上方的计数后，它按 scikit-learn 的 zero_division=0 约定显示为 0。",
    ),
    "metrics.paradox_chart": ("Same data, two classifiers", "同一份数据，两个分类器"),
    "metrics.paradox_load": ("Load “always negative” into the counts above", "把“总是回答负类”的计数填入上方"),
    "metrics.paradox_load_useful": ("Load the useful classifier", "填入有用的分类器"),
    "metrics.metric": ("metric", "指标"),
    "metrics.value": ("value", "数值"),
}
