"""Each chart's accessible name and one-sentence summary (ui.chart, by the chart's key): what a screen
reader says for the chart, beside the data table under it."""

STRINGS = {
    # /explorer
    "chart.explorer_what_if.name": ("What-if comparison", "“如果……会怎样？”对比图"),
    "chart.explorer_what_if.summary": (
        "Line charts over time of the chosen unit's states (its hidden state h, and its cell state c if the cell has "
        "one) and of the size of the last layer's h: the normal run as a solid line, the run with the intervention as "
        "a dashed line.",
        "所选维度的状态（隐藏状态 h；单元有单元状态 c 时也包括 c）和最后一层 h 的大小随时间变化的折线图："
        "正常运行为实线，施加干预后的运行为虚线。",
    ),
    "chart.explorer_lab_chart.name": ("Single-unit lab", "一维单元实验室"),
    "chart.explorer_lab_chart.summary": (
        "The input as bars, the three gates and the candidate over time in the top panel and the cell state and "
        "hidden state in the bottom panel, each with its own colour and line style.",
        "上图以柱形显示输入，并显示三个门和候选值随时间的变化；下图显示单元状态和隐藏状态，每条线有各自的颜色和线型。",
    ),
    # /gradient-flow
    "chart.gf_profiles.name": ("Gradient reaching each step", "到达每一步的梯度"),
    "chart.gf_profiles.summary": (  # what it shows for the learner's settings follows (result): the RNN's line can rise
        "Gradient size against the number of steps back, on a log scale, one line per model.",
        "梯度大小与回溯步数的关系（对数坐标），每个模型一条线。",
    ),
    "chart.gf_profiles.missing": (  # follows chart.gf_profiles.result
        "{names}: no line, its hidden state grows past the largest number a float64 holds.",
        "{names}：没有线，它的隐藏状态超出了 float64 能表示的最大数。",
    ),
    "chart.names_sep": (", ", "、"),  # between names in a summary
    "chart.gf_profiles.result": (
        "At {k} steps back (step 0), {top} keeps the most gradient ({top_value}) and {bottom} the least ({bottom_value}).",
        "回溯 {k} 步（第 0 步）时，{top}保留的梯度最多（{top_value}），{bottom}最少（{bottom_value}）。",
    ),
    "chart.gf_profiles.result_one": (  # T = 2: "1 step back", never "1 steps back"
        "At 1 step back (step 0), {top} keeps the most gradient ({top_value}) and {bottom} the least ({bottom_value}).",
        "回溯 1 步（第 0 步）时，{top}保留的梯度最多（{top_value}），{bottom}最少（{bottom_value}）。",
    ),
    "chart.gf_rnn.name": ("Why the RNN's gradient shrinks", "RNN 的梯度为什么会缩小"),
    "chart.gf_rnn.summary": (
        "Top: per step, the most the RNN's step can stretch a gradient and what it really did, with 1 as a dotted "
        "line; bottom, on a log scale: the bound on their running product and the product actually measured.",
        "上图：每一步 RNN 最多能把梯度放大多少，以及实际放大了多少，1 画成点线；"
        "下图（对数坐标）：它们累乘的上界与实际测得的乘积。",
    ),
    "chart.gf_lstm.name": ("Why the LSTM's gradient survives", "LSTM 的梯度为什么能保留"),
    "chart.gf_lstm.summary": (
        "Per step, the LSTM's mean forget gate, and below how much of the cell state's gradient is kept over the "
        "steps (the largest and the median unit).",
        "每一步 LSTM 遗忘门的平均值；下方是单元状态的梯度经过若干步后保留的比例（保留最多的维度和中位数维度）。",
    ),
    "chart.gf_clip.name": ("Gradient clipping", "梯度裁剪"),
    "chart.gf_clip.summary": (
        "Training error (left) and the gradient norm before clipping (right) over training steps, for a run without "
        "and a run with clipping, with the clipping threshold as a dotted line; a run that diverged leaves the loss "
        "panel through its top, where a cross marks it.",
        "训练误差（左）和裁剪前的梯度范数（右）随训练步数的变化，分别是不裁剪和裁剪的两次运行，"
        "裁剪阈值画成点线；发散的运行从损失图的顶边出去，叉号标在那里。",
    ),
    "chart.gf_vs_length.name": ("Test error by sequence length", "测试误差与序列长度"),
    "chart.gf_vs_length.summary": (
        "Test mean squared error on the adding problem against sequence length, one line per model, with the error "
        "of always guessing the mean as a baseline.",
        "加法问题上的测试均方误差与序列长度的关系，每个模型一条线，以“总是猜平均值”的误差作为基线。",
    ),
    "chart.gf_ref_curves.name": ("Training curves on the adding problem", "加法问题上的训练曲线"),
    "chart.gf_ref_curves.summary": (
        "Test mean squared error over training, one line per model and seed, with the baseline of always guessing the mean.",
        "训练过程中的测试均方误差，每个模型的每个种子一条线，并以“总是猜平均值”为基线。",
    ),
    "chart.gf_live_curve.name": ("Your training run on the adding problem", "你在加法问题上的训练"),
    "chart.gf_live_curve.summary": (
        "Test mean squared error of your run over training, as a thick line, with the baseline of always guessing the mean.",
        "你这次训练的测试均方误差随训练的变化（粗线），并以“总是猜平均值”为基线。",
    ),
    "chart.gf_live_curve.references": (  # follows the summary when reference runs are drawn too
        "The thin dotted lines are the {n} reference runs of {model} at T = {T}.",
        "细点线是 T = {T} 时 {model} 的 {n} 次参考训练。",
    ),
    # /train
    "chart.train_curves.name": ("Training curves", "训练曲线"),
    "chart.train_curves.summary": (
        "Six panels against the epoch: loss, accuracy, precision, recall and F1 on the training set and on the "
        "validation set, each set in its own colour, and the accuracy gap (training minus validation accuracy); "
        "an earlier run is dotted.",
        "六个小图，横轴是轮次：训练集和验证集上的损失、准确率、精确率、召回率和 F1（两个数据集各用一种颜色），"
        "以及准确率差距（训练集准确率减验证集准确率）；较早的运行用点线表示。",
    ),
    "chart.train_cm.name": ("Confusion matrix, counts", "混淆矩阵（计数）"),
    "chart.train_cm.summary": (
        "A grid of test examples by true class (rows) and predicted class (columns), each cell labelled with its count.",
        "按真实类别（行）和预测类别（列）统计测试样本的网格，每格标出数量。",
    ),
    "chart.train_cmn.name": ("Confusion matrix, share of each true class", "混淆矩阵（按真实类别归一化）"),
    "chart.train_cmn.summary": (
        "The same grid with each row divided by its total, so each cell is the share of a true class given each label.",
        "同一网格，每行除以该行总数，因此每格表示某个真实类别被判为各个类别的比例。",
    ),
    "chart.train_example.name": ("A misclassified test item, step by step", "一个分错的测试样本，逐步展示"),
    "chart.train_example.summary": (
        "A grid with one row per time step and one column per feature; darker cells are larger values. For the "
        "digits each row is one row of the 8×8 image, so the grid shows the digit.",
        "网格中每行是一个时间步，每列是一个特征；颜色越深，数值越大。对手写数字来说，每行就是 8×8 图片中的一行，"
        "所以网格显示的正是这个数字。",
    ),
    "chart.train_series.name": ("A misclassified test series, step by step", "一个分错的测试序列，逐步展示"),
    "chart.train_series.summary": (
        "A line of the series' value at each time step, left to right: the one number the model reads at each step.",
        "折线显示这个序列在每个时间步的数值，从左到右：也就是模型每一步读入的那一个数。",
    ),
    "chart.train_roc.name": ("ROC curve", "ROC 曲线"),
    "chart.train_roc.summary": (
        "True positive rate against false positive rate over every threshold, with the chance diagonal and the current "
        "threshold marked by a cross.",
        "在所有阈值下真正例率与假正例率的关系，画出随机猜测的对角线，当前阈值用叉号标出。",
    ),
    "chart.train_pr.name": ("Precision-recall curve", "精确率-召回率曲线"),
    "chart.train_pr.summary": (
        "Precision against recall over every threshold, with the share of positives as the chance line and the current "
        "threshold marked by a cross.",
        "在所有阈值下精确率与召回率的关系，以正类比例为随机基线，当前阈值用叉号标出。",
    ),
    # /text-pipeline
    "chart.embedding.name": ("Embedding rows", "嵌入行"),
    "chart.embedding.summary": (
        "A heatmap with one row per position of the padded sequence and one column per embedding dimension, "
        "blue for negative values and red for positive ones.",
        "热力图：每行是填充后序列中的一个位置，每列是一个嵌入维度，负值为蓝色，正值为红色。",
    ),
    # /metrics
    "chart.paradox.name": ("The accuracy paradox", "准确率悖论"),
    "chart.paradox.summary": (
        "Bars of each metric for a model that always says negative and for a useful model, side by side.",
        "“总是判为负类”的模型与一个有用模型在各项指标上的柱形对比。",
    ),
    # /forecast
    "chart.forecast_series.name": ("The series, split on time", "按时间划分的序列"),
    "chart.forecast_series.summary": (
        "The whole series as a line in three colours, the training, validation and test parts in time order, with a "
        "dotted line at each of the two splits.",
        "整条序列画成折线，按时间顺序分为训练、验证和测试三部分，各用一种颜色，两个分割处各有一条点线。",
    ),
    "chart.forecast_windows.name": ("Windows and targets", "窗口与目标"),
    "chart.forecast_windows.summary": (
        "One row per pair, the first few: the window's values in one colour, the value to predict next in another, "
        "the values that pair does not use in grey.",
        "前几个样本对，每行一个：窗口中的值一种颜色，要预测的下一个值另一种颜色，该样本对用不到的值为灰色。",
    ),
    "chart.forecast_scaling.name": ("Scaling, two ways", "两种缩放方式"),
    "chart.forecast_scaling.summary": (
        "The series scaled with the training part's minimum and maximum (solid) and with the whole series' (dashed, "
        "which leaks the test part).",
        "用训练部分的最小值和最大值缩放的序列（实线），以及用整条序列缩放的序列（虚线，会泄漏测试部分的信息）。",
    ),
    "chart.forecast_loss.name": ("Training and validation loss", "训练与验证损失"),
    "chart.forecast_loss.summary": (
        "Mean squared error of the scaled values per epoch, on the training and validation parts (the test part "
        "takes no part in training); a run with the leaky scaling is dashed.",
        "每一轮在训练部分和验证部分上（按缩放后的数值）的均方误差（测试部分不参与训练）；使用泄漏缩放的运行用虚线表示。",
    ),
    "chart.forecast_predictions.name": ("One-step predictions", "单步预测"),
    "chart.forecast_predictions.summary": (
        "The series in grey with the LSTM's one-step predictions on the training, validation and test parts in three "
        "colours; the test predictions of a run with the leaky scaling are dashed.",
        "灰色的原序列，以及 LSTM 在训练、验证和测试部分上的单步预测（三种颜色）；"
        "使用泄漏缩放的运行，其测试部分的预测用虚线表示。",
    ),
    "chart.forecast_future.name": ("Recursive forecast", "递归预测"),
    "chart.forecast_future.summary": (
        "The end of the series followed by a dotted line of forecasts, each fed back in as the newest input for the next one.",
        "原序列的末尾一段，之后接一条点线表示的预测，每个预测值都作为最新的输入喂回模型，用来预测下一个。",
    ),
}
