STRINGS = {
    "forecast.title": ("Forecasting a time series with an LSTM", "用 LSTM 预测时间序列"),
    "forecast.intro": (
        "The workflow every LSTM forecasting tutorial teaches — scale, cut windows, train a stacked LSTM, report "
        "RMSE, plot predictions over the series — done step by step, and done right: the split is on time, the "
        "scaler never sees the test part, and the model has to beat the naive forecasts to count as useful.",
        "几乎每篇 LSTM 预测教程都会教的流程——缩放、切窗口、训练堆叠 LSTM、报告 RMSE、把预测画在原序列上——"
        "在这里一步步来做，而且做对：按时间先后划分，缩放器从不看测试部分，"
        "模型必须打败持续性预测和季节性朴素预测才算有用。",
    ),
    "forecast.explain_header": ("How to read this page", "如何阅读本页"),
    "forecast.explain": (
        "1. **The series.** A forecaster only ever sees the past. We keep the last part of the series aside as the "
        "*test part*, exactly as if it were the future, and score it once, at the end. Just before it lies the "
        "*validation part*: every choice (how many epochs to train, which settings to try next) is judged there.\n"
        "2. **Windows.** The LSTM reads `time_step` consecutive values (the window) and predicts the next one. "
        "Sliding the window along the series turns one series into many (window, next value) training pairs.\n"
        "3. **Scaling.** LSTM gates saturate for large inputs, so values are squeezed by Min-Max scaling: "
        "x' = (x − min) / (max − min). The min and max must come from the past only (the training part; for the final "
        "refit, training + validation). Tutorials often "
        "fit the scaler on the whole series first: then the test part's range has leaked into training.\n"
        "4. **Training.** The loss is the mean squared error on scaled values. The curves show the training and "
        "the validation loss; the epoch with the lowest validation loss sets the number of epochs. Then the model is "
        "trained again, from the same seed, on training + validation for that many epochs (the scaler refitted on "
        "those two parts), so that it knows the most recent past. The test part plays no part in training or "
        "choosing.\n"
        "5. **Judging.** Errors are reported in the series' own units. *Persistence* (tomorrow = today) and "
        "*seasonal naive* (next value = the value one season ago) cost nothing: an LSTM that does not beat the "
        "better of the two has learned nothing useful, however nice its plot looks.\n"
        "6. **Beyond the data.** To forecast several steps ahead, each prediction is fed back as the newest input. "
        "An early error becomes part of every later input, so errors can compound and long horizons drift.",
        "1. **序列。** 预测模型只能看到过去。我们把序列最后一段留作 *测试部分*，就当它是还没发生的未来，只在最后评分一次。"
        "紧挨在它前面的是 *验证部分*：每个选择（训练多少轮、下一步试什么设置）都在这里评判。\n"
        "2. **窗口。** LSTM 读入连续 `time_step` 个值（窗口），预测下一个值。窗口沿序列滑动，"
        "一条序列就变成了许多（窗口，下一个值）训练样本对。\n"
        "3. **缩放。** 输入过大时 LSTM 的门会饱和，所以先做 Min-Max 缩放：x' = (x − 最小值) / (最大值 − 最小值)。"
        "最小值和最大值只能来自过去（训练部分；最终重新训练时为训练 + 验证部分）。"
        "很多教程先在整条序列上拟合缩放器：这样测试部分的取值范围就泄漏进了训练。\n"
        "4. **训练。** 损失是缩放后数值上的均方误差。曲线显示训练损失和验证损失；验证损失最低的那一轮决定训练轮数。"
        "然后用同一个种子在训练 + 验证部分上重新训练这么多轮（缩放器也在这两部分上重新拟合），让模型知道最近的过去。"
        "测试部分不参与训练，也不参与任何选择。\n"
        "5. **评价。** 误差以序列的原始单位报告。*持续性预测*（明天 = 今天）和 *季节性朴素预测*"
        "（下一个值 = 一个季节周期之前的值）不需要任何训练：LSTM 如果打不过两者中较好的那个，"
        "就什么有用的东西都没学到，不管图画得多好看。\n"
        "6. **超出数据范围的预测。** 要往前预测多步，就把每一步的预测当作最新的输入再喂回去。早期的误差会成为之后"
        "每一步输入的一部分，所以误差可能累积，预测越远越容易跑偏。",
    ),
    # --- 1. data ---
    "forecast.data_header": ("1 · The series", "1 · 序列"),
    "forecast.source": ("Series", "序列"),
    "forecast.source.airline": ("Airline passengers (monthly, 1949–1960)", "航空旅客人数（月度，1949–1960）"),
    "forecast.source.sunspots": ("Sunspots (yearly, 1700–2008)", "太阳黑子（年度，1700–2008）"),
    "forecast.source.co2": ("Mauna Loa CO₂ (monthly, 1958–2001)", "莫纳罗亚 CO₂ 浓度（月度，1958–2001）"),
    "forecast.source.sine": ("Synthetic: sine plus noise", "合成：正弦波加噪声"),
    "forecast.source.trend_season": ("Synthetic: trend plus seasonality", "合成：趋势加季节性"),
    "forecast.source.upload": ("Your own file (CSV or Excel)", "上传自己的文件（CSV 或 Excel）"),
    "forecast.card.airline": (
        "Box & Jenkins' classic: monthly totals of international airline passengers in thousands. Copied from "
        "statsmodels (BSD-3); the data are public domain. A rising trend with growing yearly seasonality.",
        "Box 与 Jenkins 的经典数据：国际航班每月旅客总数（千人）。取自 statsmodels（BSD-3 许可），数据本身属于公有领域。"
        "趋势上升，年度季节性越来越强。",
    ),
    "forecast.card.sunspots": (
        "Yearly mean sunspot number from NOAA's National Geophysical Data Center, via statsmodels (BSD-3); public "
        "domain. An irregular cycle of about 11 years, with no trend.",
        "年平均太阳黑子数，来自美国国家海洋和大气管理局（NOAA）下属国家地球物理数据中心，经由 statsmodels（BSD-3 许可）"
        "获取，属于公有领域。约 11 年的不规则周期，没有趋势。",
    ),
    "forecast.card.co2": (
        "Atmospheric CO₂ at Mauna Loa (Keeling & Whorf, Scripps), monthly means of the weekly record shipped with "
        "statsmodels (BSD-3); public domain. A steady trend with a small yearly wave.",
        "莫纳罗亚观测站的大气 CO₂ 浓度（Keeling 与 Whorf，斯克里普斯海洋研究所），由 statsmodels（BSD-3 许可）"
        "附带的周数据求月平均而得，属于公有领域。稳定上升的趋势加上小幅的年度波动。",
    ),
    "forecast.card.synthetic": (
        "Generated here from your settings and seed; nothing is downloaded.",
        "根据你的设置和种子当场生成，不下载任何东西。",
    ),
    "forecast.unit.airline": ("passengers (thousands)", "旅客（千人）"),
    "forecast.unit.sunspots": ("sunspot number", "太阳黑子数"),
    "forecast.unit.co2": ("CO₂ (ppm)", "CO₂（ppm）"),
    "forecast.unit.value": ("value", "数值"),
    "forecast.length": ("Length", "长度"),
    "forecast.period": ("Period (steps per cycle)", "周期（每个周期的步数）"),
    "forecast.noise": ("Noise (standard deviation)", "噪声（标准差）"),
    "forecast.slope": ("Trend (rise per step)", "趋势（每步上升）"),
    "forecast.amplitude": ("Seasonal amplitude", "季节性振幅"),
    "forecast.data_seed": ("Data seed", "数据种子"),
    "forecast.upload_label": (
        "CSV, text or Excel file (.csv, .txt, .xlsx), up to 2 MB",
        "CSV、文本或 Excel 文件（.csv、.txt、.xlsx），不超过 2 MB",
    ),
    "forecast.upload_help": (
        "One row per time step, oldest first. A date column is optional. UTF-8 (with or without BOM), UTF-16, GBK, "
        "Big5 and Windows' Western (1252) and Cyrillic (1251) encodings are all fine. The file is only read, never run.",
        "每行一个时间步，按时间从早到晚排列。日期列可有可无。支持 UTF-8（带或不带 BOM）、UTF-16、GBK、Big5，"
        "以及 Windows 的西欧（1252）和西里尔（1251）编码。文件只会被读取，不会被执行。",
    ),
    "forecast.encoding_doubt": (
        "This file is not saved as UTF-8, and its text does not read as words in any encoding tried (Chinese GBK or "
        "Big5, Western or Cyrillic Windows), so its column names may appear garbled. Save it as UTF-8 (Excel: “CSV UTF-8”) "
        "and upload it again.",
        "这个文件不是以 UTF-8 编码保存的，而且按已尝试的编码（中文 GBK 或 Big5、Windows 西欧或西里尔编码）读出的都不是"
        "正常文字，所以列名可能显示为乱码。请另存为 UTF-8 编码（Excel 中选“CSV UTF-8”）后重新上传。",
    ),
    "forecast.upload_prompt": (
        "Upload a file to forecast your own series; meanwhile the page shows the airline passengers.",
        "上传文件来预测你自己的序列；在此之前页面显示航空旅客数据。",
    ),
    "forecast.column": ("Column to forecast", "要预测的列"),
    "forecast.missing_note": (
        "{count} missing values in this column were filled by linear interpolation between their neighbours "
        "(at the ends: the nearest value).",
        "该列有 {count} 个缺失值，已用相邻数值线性插值补齐（首尾处用最近的数值）。",
    ),
    "forecast.dropped_note": (
        "The series has {total} values; to keep training quick, the last {kept} are used.",
        "该序列共有 {total} 个数值；为了让训练快一些，只使用最后 {kept} 个。",
    ),
    "forecast.season": ("Season length (for the seasonal-naive baseline)", "季节周期长度（用于季节性朴素基线）"),
    "forecast.series_caption": ("{n} values · {unit}", "{n} 个数值 · {unit}"),
    "forecast.constant_series": (
        "Every value of this series is the same ({value:.4g}): persistence and seasonal naive forecast it exactly "
        "(RMSE 0), so no LSTM can beat them, and there is nothing for it to learn. Choose a series that changes.",
        "这条序列的每个值都相同（{value:.4g}）：持续性预测和季节性朴素预测都能分毫不差地预测它（RMSE 为 0），"
        "任何 LSTM 都不可能打败它们，也没有什么可学的。请换一条有变化的序列。",
    ),
    # --- 2. windows ---
    "forecast.window_header": ("2 · From a series to (window, next value) pairs", "2 · 从序列到（窗口，下一个值）样本对"),
    "forecast.window": ("time_step (window length)", "time_step（窗口长度）"),
    "forecast.window_help": (
        "How many past values the LSTM reads to predict the next one.",
        "LSTM 读入多少个过去的值来预测下一个值。",
    ),
    "forecast.test_fraction": ("Test part (last share of the series)", "测试部分（序列末尾所占比例）"),
    "forecast.val_fraction": ("Validation part (share just before the test part)", "验证部分（测试部分之前所占比例）"),
    "forecast.window_caption": (
        "{pairs} pairs: {train} whose target lies in the training part, {val} in the validation part, {test} in the "
        "test part. No shuffling across the splits: every validation target comes after every training target, and "
        "every test target after both.",
        "共 {pairs} 个样本对，其中目标值在训练部分的 {train} 个、在验证部分的 {val} 个、在测试部分的 {test} 个。"
        "各部分之间不打乱顺序：每个验证目标都在所有训练目标之后，每个测试目标又在两者之后。",
    ),
    "forecast.input": ("window (input)", "窗口（输入）"),
    "forecast.target": ("next value (target)", "下一个值（目标）"),
    "forecast.unused": ("not used by this pair", "本样本对未用到"),
    "forecast.pair": ("pair {k}", "样本对 {k}"),
    "forecast.plot.windows_title": ("The first pairs, one per row", "前几个样本对，每行一个"),
    "forecast.plot.series_title": ("The series, split on time", "按时间划分的序列"),
    "forecast.axis.time": ("time", "时间"),
    "forecast.axis.step": ("time step", "时间步"),
    # how a chart writes a date (d3 time formats): plotly.js's own are English ("Mar 1957")
    "forecast.date.month": ("%b %Y", "%Y年%-m月"),
    "forecast.date.day": ("%b %-d, %Y", "%Y年%-m月%-d日"),
    "forecast.date.time": ("%b %-d, %Y %H:%M", "%Y年%-m月%-d日 %H:%M"),
    "forecast.train": ("training part", "训练部分"),
    "forecast.val": ("validation part", "验证部分"),
    "forecast.test": ("test part", "测试部分"),
    # --- 3. scaling ---
    "forecast.scale_header": ("3 · Min-Max scaling, fitted on the training part only", "3 · Min-Max 缩放：只在训练部分上拟合"),
    "forecast.leak_train_only": ("scaler fitted on the training part", "缩放器在训练部分上拟合"),
    "forecast.leak_whole": ("scaler fitted on the whole series (leak)", "缩放器在整条序列上拟合（泄漏）"),
    "forecast.leak_caption": (
        "{clean} {leaked} Once the validation part has chosen the number of epochs, the final refit fits the scaler "
        "again on training + validation, still never on the test part.",
        "{clean}{leaked}验证部分选定训练轮数之后，最终的重新训练会在训练 + 验证部分上再次拟合缩放器，仍然从不使用测试部分。",
    ),
    "forecast.leak_clean": (
        "Fitted on the training part only (min {min_train}, max {max_train}), the scaler puts the test part "
        "at [{low_train:.2f}, {high_train:.2f}].",
        "只在训练部分上拟合时（最小值 {min_train}，最大值 {max_train}），测试部分被缩放到 [{low_train:.2f}, {high_train:.2f}]。",
    ),
    "forecast.leak_honest": (
        "Values outside [0, 1] are the honest picture: the future may leave the range seen so far.",
        "超出 [0, 1] 的值才是真实情况：未来可能超出迄今见过的范围。",
    ),
    "forecast.leak_told": (
        "Fitted on the whole series (min {min_all}, max {max_all}), the test part fits inside "
        "[{low_all:.2f}, {high_all:.2f}] only because the scaler was told the future's {told}.",
        "在整条序列上拟合时（最小值 {min_all}，最大值 {max_all}），测试部分之所以落在 "
        "[{low_all:.2f}, {high_all:.2f}] 之内，只是因为缩放器事先知道了未来的{told}。",
    ),
    "forecast.leak_told.max": ("max", "最大值"),
    "forecast.leak_told.min": ("min", "最小值"),
    "forecast.leak_told.max_min": ("max and min", "最大值和最小值"),
    "forecast.leak_none": (
        "Fitted on the whole series (min {min_all}, max {max_all}), it puts the test part at "
        "[{low_all:.2f}, {high_all:.2f}]. On this series the test part stays inside the range of the values before "
        "it, so its values move neither the min nor the max and nothing about the test part leaks through the scaler; "
        "the leak shows on a series whose future leaves the range seen so far, such as the airline passengers.",
        "在整条序列上拟合时（最小值 {min_all}，最大值 {max_all}），测试部分被缩放到 "
        "[{low_all:.2f}, {high_all:.2f}]。在这条序列上，测试部分没有超出它之前各值的范围，它的值既不改变最小值也不改变"
        "最大值，所以测试部分的信息不会经由缩放器泄漏；只有当未来超出迄今见过的范围时（例如航空旅客人数），泄漏才会显现。",
    ),
    "forecast.plot.scaling_title": ("The series after Min-Max scaling, two ways", "用两种方式做 Min-Max 缩放后的序列"),
    "forecast.axis.scaled": ("scaled value", "缩放后的值"),
    "forecast.compare_leak": (
        "Also train a second model with the leaky scaler, to compare test scores",
        "另外用泄漏的缩放器训练第二个模型，对比测试得分",
    ),
    # --- 4. model ---
    "forecast.model_header": ("4 · The model and its training", "4 · 模型与训练"),
    "forecast.layers": ("Stacked LSTM layers", "堆叠 LSTM 层数"),
    "forecast.units": ("Hidden size per layer (units)", "每层的隐藏维度"),
    "forecast.optimizer": ("Optimiser", "优化器"),
    "forecast.opt.adam": ("Adam", "Adam"),
    "forecast.opt.sgd": ("SGD with momentum", "带动量的 SGD"),
    "forecast.lr": ("Learning rate", "学习率"),
    "forecast.epochs": ("Epochs", "训练轮数"),
    "forecast.batch_size": ("Batch size", "批大小"),
    "forecast.model_caption": (
        "{layers} LSTM layers of {units} units read the window; a dense layer maps the last hidden state to the "
        "next value. {params:,} trainable parameters (weights and biases; Keras's model.summary() counts {keras:,} for the "
        "same model, as its LSTM has one bias per gate where PyTorch's has two). Stacked, each lower layer hands its whole "
        "sequence of h to the layer above (Keras: return_sequences=True); only the top layer's last h reaches the dense layer "
        "(return_sequences=False, Keras's default).",
        "{layers} 层、每层 {units} 维的 LSTM 读入窗口；一个全连接层把最后的隐藏状态映射为下一个值。"
        "共 {params:,} 个可训练参数（权重和偏置；Keras 的 model.summary() 对同一个模型给出 {keras:,} 个，因为它的 LSTM "
        "每个门只有一个偏置，而 PyTorch 的有两个）。堆叠时，下层把整段 h 序列交给上一层（Keras 中的 return_sequences=True）；"
        "只有最上层最后一步的 h 进入全连接层（return_sequences=False，Keras 的默认值）。",
    ),
    "forecast.model_caption_one": (
        "1 LSTM layer of {units} units reads the window; a dense layer maps the last hidden state to the "
        "next value. {params:,} trainable parameters (weights and biases; Keras's model.summary() counts {keras:,} for the "
        "same model, as its LSTM has one bias per gate where PyTorch's has two). When layers are stacked, each lower layer "
        "hands its whole sequence of h to the layer above (Keras: return_sequences=True); only the top layer's last h "
        "reaches the dense layer (return_sequences=False, Keras's default).",
        "1 层 {units} 维的 LSTM 读入窗口；一个全连接层把最后的隐藏状态映射为下一个值。"
        "共 {params:,} 个可训练参数（权重和偏置；Keras 的 model.summary() 对同一个模型给出 {keras:,} 个，因为它的 LSTM "
        "每个门只有一个偏置，而 PyTorch 的有两个）。堆叠多层时，下层把整段 h 序列交给上一层（Keras 中的 return_sequences=True）；"
        "只有最上层最后一步的 h 进入全连接层（return_sequences=False，Keras 的默认值）。",
    ),
    "forecast.train_button": ("Train", "开始训练"),
    "forecast.stop_button": ("Stop", "停止"),
    "forecast.progress": ("Epoch {epoch}/{epochs} · training loss {loss:.5f}", "第 {epoch}/{epochs} 轮 · 训练损失 {loss:.5f}"),
    "forecast.progress_leaky": (
        "Second model (leaky scaler): epoch {epoch}/{epochs} · training loss {loss:.5f}",
        "第二个模型（泄漏的缩放器）：第 {epoch}/{epochs} 轮 · 训练损失 {loss:.5f}",
    ),
    "forecast.progress_refit": (
        "Refitting on training + validation for the chosen number of epochs: epoch {epoch} · training loss {loss:.5f}",
        "在训练 + 验证部分上按选定的轮数重新训练：第 {epoch} 轮 · 训练损失 {loss:.5f}",
    ),
    "forecast.starting": (
        "Starting… (the first run after the server starts also loads PyTorch's optimiser code)",
        "正在启动……（服务器启动后的第一次训练还要加载 PyTorch 的优化器代码）",
    ),
    "forecast.stopped": (
        "Training was stopped after {epochs:.1f} epochs; the results below use the model as it was then.",
        "训练了 {epochs:.1f} 轮后停止；下面的结果使用停止时的模型。",
    ),
    "forecast.stale": (
        "The settings changed since this model was trained: press Train to update the results.",
        "模型训练之后设置已经改变：请点击“开始训练”更新结果。",
    ),
    "forecast.train_first": (
        "Press Train to fit the model (the default run, 500 epochs and the refit, took 4–13 s on this 2-core server "
        "when it was quiet, and several times that when others were training).",
        "点击“开始训练”来拟合模型（默认设置——500 轮加上重新训练——在这台双核服务器空闲时用时 4–13 秒，别人同时训练时要长几倍）。",
    ),
    "forecast.leaky_loss_scale": (
        "The dashed curves are not on the solid ones' scale. The leaky scaler divides by the whole series' range, "
        "{whole}, {ratio:.2f} times the training part's {clean}, so the same error in the series' units gives "
        "an MSE {squared:.2f} times smaller there: a lower dashed curve is not a better model. Compare the test RMSE "
        "below, in the series' units.",
        "虚线与实线不在同一尺度上。泄漏的缩放器除以的是整条序列的范围 {whole}，是训练部分范围 {clean} 的 "
        "{ratio:.2f} 倍，所以同样大小的误差（按序列原始单位），在虚线上算出的均方误差只有实线上的 1/{squared:.2f}："
        "虚线更低并不代表模型更好。"
        "请比较下面按序列原始单位计的测试 RMSE。",
    ),
    "forecast.leaky_loss_same_scale": (
        "Here the whole series has the training part's range, so both scalers are the same and the dashed curves are "
        "on the solid ones' scale.",
        "这里整条序列的范围与训练部分相同，两个缩放器完全一样，虚线与实线在同一尺度上。",
    ),
    "forecast.plot.loss_title": ("Loss (mean squared error on scaled values)", "损失（缩放后数值的均方误差）"),
    "forecast.axis.epoch": ("epoch", "轮次"),
    "forecast.axis.loss": ("loss", "损失"),
    "forecast.train_loss": ("training loss", "训练损失"),
    "forecast.val_loss": ("validation loss", "验证损失"),
    "forecast.leaky_suffix": ("leaky scaler", "泄漏的缩放器"),
    # --- 5. results ---
    "forecast.results_header": ("5 · Results, in the series' own units", "5 · 结果（以序列的原始单位计）"),
    "forecast.model.lstm": ("LSTM", "LSTM"),
    "forecast.model.lstm_leaky": ("LSTM, leaky scaler", "LSTM（泄漏的缩放器）"),
    "forecast.model.persistence": ("Persistence (next = last)", "持续性预测（下一个 = 最后一个）"),
    "forecast.model.seasonal_naive": ("Seasonal naive (next = one season ago)", "季节性朴素预测（下一个 = 一个季节周期前）"),
    "forecast.col.model": ("Forecaster", "预测方法"),
    "forecast.part.train": ("train", "训练"),
    "forecast.part.val": ("validation", "验证"),
    "forecast.part.test": ("test", "测试"),
    "forecast.baseline.persistence": ("persistence", "持续性预测"),
    "forecast.baseline.seasonal_naive": ("seasonal naive", "季节性朴素预测"),
    "forecast.verdict_val_win": (
        "Validation part (where choices are made; {when}): the LSTM's RMSE is {lstm}, better than the better "
        "baseline there, {baseline} ({base}{other}).",
        "验证部分（在这里做选择；{when}）：LSTM 的 RMSE 为 {lstm}，好于该部分上较好的基线——{baseline}（{base}{other}）。",
    ),
    "forecast.verdict_val_lose": (
        "Validation part (where choices are made; {when}): the LSTM's RMSE {lstm} does not beat the better "
        "baseline there, {baseline} ({base}{other}). {advice}",
        "验证部分（在这里做选择；{when}）：LSTM 的 RMSE 为 {lstm}，没有打败该部分上较好的基线——{baseline}"
        "（{base}{other}）。{advice}",
    ),
    "forecast.other_baseline": ("; {name}: {rmse}", "；{name}：{rmse}"),
    "forecast.other_baseline_none": (
        "; {name}: no score, as a point there has no season of history",
        "；{name}：没有分数，因为该部分有的点之前不足一个季节周期的历史",
    ),
    "forecast.val_when_best": ("lowest validation loss at epoch {epoch}", "验证损失在第 {epoch} 轮最低"),
    "forecast.val_when_stopped": (
        "the model as it was when you stopped training, after {epochs:.1f} epochs; the chart's lowest validation "
        "loss was at epoch {best}",
        "使用你在 {epochs:.1f} 轮后停止训练时的模型；图中验证损失最低的是第 {best} 轮",
    ),
    "forecast.val_when_stopped_none": (
        "the model as it was when you stopped training, after {epochs:.1f} epochs, before any epoch had ended",
        "使用你在 {epochs:.1f} 轮后停止训练时的模型，那时还没有完成任何一轮",
    ),
    "forecast.advice_stopped": (
        "You stopped training, so these are a partly trained model's scores: let a run finish, so that the "
        "validation part chooses the epoch, before comparing settings.",
        "训练被你中途停止，所以这些分数来自一个没训练完的模型：请让训练跑完、由验证部分选出轮次，再来比较设置。",
    ),
    "forecast.advice_more_epochs": (
        "The validation loss was lowest near the end of training (epoch {epoch} of {epochs}), so it may still be "
        "falling: try more epochs, and compare settings on this validation score.",
        "验证损失在训练快结束时才最低（第 {epoch} 轮，共 {epochs} 轮），可能还在下降：可以试试更多训练轮数，"
        "并用这个验证分数来比较设置。",
    ),
    "forecast.advice_overfit": (
        "On the training part it does beat {train_baseline} (RMSE {train} against {train_base}): it has "
        "learnt the training part rather than a pattern that carries on (overfitting). Try fewer units or layers, "
        "another window or another seed, and compare them on this validation score.",
        "在训练部分它确实胜过{train_baseline}（RMSE {train}，对方为 {train_base}）：它记住的是训练部分本身，"
        "而不是能延续下去的规律（过拟合）。可以试试更小的隐藏维度或更少的层数、换个窗口长度或换个种子，"
        "并用这个验证分数来比较。",
    ),
    "forecast.advice_other": (
        "It does not beat {train_baseline} on the training part either (RMSE {train} against {train_base}): try another "
        "window, model size, learning rate or seed, and compare them on this validation score.",
        "它在训练部分也没有胜过{train_baseline}（RMSE {train}，对方为 {train_base}）：可以试试换个窗口长度、模型大小、"
        "学习率或种子，并用这个验证分数来比较。",
    ),
    # teacher mode hides the learning rate: the advice names only what the page shows
    "forecast.advice_other_teacher": (
        "It does not beat {train_baseline} on the training part either (RMSE {train} against {train_base}): try "
        "another window, model size or seed, and compare them on this validation score.",
        "它在训练部分也没有胜过{train_baseline}（RMSE {train}，对方为 {train_base}）：可以试试换个窗口长度、模型大小"
        "或种子，并用这个验证分数来比较。",
    ),
    "forecast.val_test_gap": (
        "Good on validation, not on test: the test part climbs to {high:.2f} on the training part's scale, far above "
        "anything the model was trained on (up to 1). An LSTM fitted on scaled values rarely extrapolates a trend; "
        "forecasters often model the differences or the logarithm instead. The validation part climbs only to "
        "{val_high:.2f}, so its score could not warn you: that is why the test part is kept for one honest look.",
        "验证部分表现好，测试部分却不行：按训练部分的尺度，测试部分升到了 {high:.2f}，远超模型训练时见过的范围（最高为 1）。"
        "在缩放后的数值上训练的 LSTM 很少能外推趋势；做预测的人常常改为对差分或对数建模。验证部分只升到 {val_high:.2f}，"
        "所以验证分数无法预先警告这一点：这正是要把测试部分留到最后诚实地看一次的原因。",
    ),
    "forecast.refit_note": (
        "Then, as forecasters do once the choices are made, the model was trained again from the same seed on "
        "training + validation for those {epoch} epochs, with the scaler refitted on those two parts (never on the "
        "test part): that model predicts the test part, while the training and validation scores are the first "
        "model's, the one that chose the epochs.",
        "做完选择之后，按照预测的常规做法，模型用同一个种子在训练 + 验证部分上重新训练了这 {epoch} 轮，缩放器也在这两部分上"
        "重新拟合（从不使用测试部分）：测试部分由这个模型来预测，而训练和验证部分的分数来自选出训练轮数的第一个模型。",
    ),
    "forecast.refit_stopped": (
        "The refit on training + validation was stopped: the test part below is predicted by the model that chose "
        "the number of epochs, trained on the training part only.",
        "在训练 + 验证部分上的重新训练被停止了：下面的测试部分由选出训练轮数的那个模型（只在训练部分上训练）来预测。",
    ),
    "forecast.val_test_gap_refit": (
        "Good on validation, not on test. The final model was refitted on training + validation, scaled to at most 1; "
        "the test part climbs to {high:.2f} on that scale, beyond anything it was trained on, and an LSTM fitted on "
        "scaled values rarely extrapolates a trend (forecasters often model the differences or the logarithm "
        "instead). The validation score is one estimate, on {n_val} points, and could not promise this: that is why "
        "the test part is kept for one honest look.",
        "验证部分表现好，测试部分却不行。最终模型在训练 + 验证部分上重新训练，缩放后最高为 1；按这个尺度，测试部分升到了 "
        "{high:.2f}，超出了它训练时见过的一切。在缩放后的数值上训练的 LSTM 很少能外推趋势（做预测的人常常改为对差分或对数建模）。"
        "验证分数只是在 {n_val} 个点上的一次估计，无法保证这一点：这正是要把测试部分留到最后诚实地看一次的原因。",
    ),
    "forecast.verdict_win": (
        "Test part, scored once: the LSTM's RMSE is {lstm}, {pct}% lower than the better baseline, {baseline} ({base}{other}).",
        "测试部分（只评分一次）：LSTM 的 RMSE 为 {lstm}，比两者中较好的基线——{baseline}（{base}{other}）——低 {pct}%。",
    ),
    "forecast.verdict_win_not_all": (
        "On the table's other errors, {baseline} still does better: {errors}. Which forecaster is better depends on "
        "the error that matters to you.",
        "按表中的其他误差，{baseline}仍然更好：{errors}。哪个预测更好，取决于你在意哪种误差。",
    ),
    "forecast.other_error.mae": ("MAE {lstm} against {base}", "MAE 为 {lstm}，对比 {base}"),
    "forecast.other_error.mape": ("MAPE {lstm}% against {base}%", "MAPE 为 {lstm}%，对比 {base}%"),
    "forecast.clauses_sep": ("; ", "；"),  # between the other errors' clauses
    "forecast.verdict_lose": (
        "Test part, scored once: the LSTM's RMSE {lstm} does not beat the better baseline, {baseline} "
        "({base}{other}). That is the honest result. Changing settings until the test score "
        "wins would tune the model on the test part and make this number optimistic: compare settings on the "
        "validation part instead.",
        "测试部分（只评分一次）：LSTM 的 RMSE 为 {lstm}，没有打败较好的基线——{baseline}（{base}{other}）"
        "。这就是诚实的结果。反复调整设置直到测试分数获胜，等于在测试部分上调参，会让这个数字偏乐观："
        "请改用验证部分来比较设置。",
    ),
    "forecast.leak_verdict": (
        "Test RMSE with the leaky scaler: {leaky}; leak-free: {clean}. Whichever is lower, the leaky number "
        "is not an honest estimate: it was obtained knowing the test part's range, which a real forecaster never "
        "knows in advance.",
        "用泄漏的缩放器时，测试 RMSE 为 {leaky}；无泄漏时为 {clean}。不管哪个更低，有泄漏的数字都不是诚实的估计："
        "它是在已知测试部分取值范围的前提下得到的，而真实的预测者事先不可能知道。",
    ),
    "forecast.metrics_note": (
        "RMSE and MAE are in the series' units; MAPE is in percent and skips points whose actual value is 0 or "
        "closer to 0 than a billionth of the series' largest absolute value. Every forecaster is scored on the same "
        "points: seasonal naive has a score only on a part whose every point has a season of history before it; "
        "— marks a score that does not exist.",
        "RMSE 和 MAE 与序列单位相同；MAPE 以百分比表示，并跳过实际值为 0、或其绝对值不到序列最大绝对值十亿分之一的点。"
        "每种预测方法都在同样的点上计分：只有当某一部分的每个点之前都有一个季节周期的历史数据时，季节性朴素预测才在该部分有分数；"
        "— 表示没有这项分数。",
    ),
    "forecast.mape_crosses_zero": (
        "This series takes values on both sides of 0, so MAPE is not shown (—): a percentage error divides by the "
        "actual value, and values near 0 make it as large as you like, whatever the forecast. Compare RMSE or MAE.",
        "这条序列的取值有正有负，所以不显示 MAPE（—）：百分比误差要除以实际值，接近 0 的值会让它变得任意大，"
        "与预测好坏无关。请比较 RMSE 或 MAE。",
    ),
    "forecast.mape_near_zero": (
        "This series has values close to 0 (as small as {low}, against a largest of {high}). There a small "
        "error is a large percentage, so MAPE weighs those few points most and can rank the forecasters otherwise "
        "than RMSE and MAE do.",
        "这条序列有接近 0 的值（小到 {low}，而最大值为 {high}）。在这些点上，很小的误差就是很大的百分比，"
        "所以 MAPE 主要由这少数几个点决定，给出的排名可能与 RMSE 和 MAE 不同。",
    ),
    "forecast.plot.predictions_title": ("The series with the LSTM's one-step predictions", "原序列与 LSTM 的单步预测"),
    "forecast.actual": ("actual", "实际值"),
    "forecast.train_pred": ("prediction on training part", "训练部分的预测"),
    "forecast.val_pred": ("prediction on validation part", "验证部分的预测"),
    "forecast.test_pred": ("prediction on test part", "测试部分的预测"),
    "forecast.test_pred_leaky": ("prediction on test part (leaky scaler)", "测试部分的预测（泄漏的缩放器）"),
    # --- 6. beyond the data ---
    "forecast.future_header": ("6 · Forecasting beyond the data", "6 · 超出数据范围的预测"),
    "forecast.horizon": ("Horizon (steps ahead)", "预测步数"),
    "forecast.future_caption": (
        "Each forecast value is fed back in as the newest input for the next step (recursive forecasting), so an "
        "early error becomes part of every later input: errors can compound, and the further ahead, the less reliable.",
        "每个预测值都会作为最新的输入喂回模型，用来预测下一步（递归预测），所以早期的误差会成为之后每一步输入的一部分："
        "误差可能累积，预测得越远越不可靠。",
    ),
    "forecast.horizon_errors": (
        "Do the errors compound? The test part is forecast as the future (from the last window before it, each "
        "prediction fed back in, no actual test value read) and compared with the one-step predictions of the same "
        "points (each made from the actual values before it): {blocks}. {verdict}",
        "误差会累积吗？把测试部分当作未来来预测（从它之前的最后一个窗口出发，每个预测值都喂回去，不读任何真实的测试值），"
        "并与同样这些点的单步预测（每一步都用之前的真实值）比较：{blocks}。{verdict}",
    ),
    "forecast.horizon_block": (
        "test points {first}–{last}, RMSE {recursive} recursive and {one_step} one step ahead",
        "测试第 {first}–{last} 个点，递归 RMSE 为 {recursive}，单步为 {one_step}",
    ),
    # the recursive error against the one-step error of the same points: it compounds only where its
    # multiple of the one-step error grows (a test part that gets harder raises both errors alike)
    "forecast.horizon_compound": (
        "Here the recursive error grows from block to block, and so does its multiple of the one-step error ({first} "
        "times it in the first block, {last} in the last): the errors compound.",
        "这里递归预测的误差一段比一段大，它相对单步误差的倍数也一段比一段大（第一段是单步误差的 {first} 倍，"
        "最后一段是 {last} 倍）：误差确实在累积。",
    ),
    "forecast.horizon_compound_from_below": (
        "Here the recursive error grows from block to block, and so does its multiple of the one-step error: {first} "
        "times it in the first block, where fewer predictions have been fed back, {last} times it in the last. "
        "The errors compound.",
        "这里递归预测的误差一段比一段大，它相对单步误差的倍数也一段比一段大：第一段里喂回去的预测值还少，"
        "递归误差只是单步误差的 {first} 倍；到最后一段已是 {last} 倍。误差确实在累积。",
    ),
    "forecast.horizon_above": (
        "Here the recursive error is above the one-step error in every block ({multiples} times), but neither it "
        "nor that multiple rises at every block: feeding predictions back costs accuracy from the first block on, "
        "without clearly compounding.",
        "这里每一段的递归误差都高于单步误差（依次是它的 {multiples} 倍），但递归误差和这个倍数都不是一段比一段大："
        "把预测值喂回去从第一段起就损失了精度，但看不出明确的误差累积。",
    ),
    "forecast.horizon_multiple_grows": (
        "Here the recursive error's multiple of the one-step error grows from block to block ({multiples} times), "
        "though the recursive error itself does not rise at every block: where it falls, the one-step error falls "
        "by a larger share (those points are easier for both). Against a forecast that reads the actual values, the errors "
        "compound.",
        "这里递归误差相对单步误差的倍数一段比一段大（依次为 {multiples} 倍），虽然递归误差本身并不是一段比一段大："
        "它下降的那一段，单步误差下降的比例更大（那些点对两者都更容易）。和读入真实值的预测相比，误差确实在累积。",
    ),
    "forecast.horizon_grows_above": (
        "Here the recursive error grows from block to block and stays above the one-step error, but its multiple of "
        "the one-step error does not rise at every block ({multiples} times): part of the growth is the one-step "
        "error's own, so feeding predictions back costs accuracy here, without clearly compounding.",
        "这里递归预测的误差一段比一段大，且每一段都高于单步误差，但它相对单步误差的倍数并不是一段比一段大"
        "（依次为 {multiples} 倍）：增长中有一部分是单步误差本身的增长，所以这里把预测值喂回去确实损失了精度，"
        "但看不出明确的误差累积。",
    ),
    "forecast.multiples_sep": (", ", "、"),
    "forecast.horizon_grows_both": (
        "Here the recursive error grows from block to block, but in at least one block the one-step forecast, which "
        "reads the actual values, does as badly or worse: these numbers do not show errors compounding.",
        "这里递归预测的误差一段比一段大，但至少有一段里，读入真实值的单步预测误差同样大甚至更大：这些数字没有显示出误差累积。",
    ),
    "forecast.horizon_no_compound": (
        "Here the recursive error neither grows from block to block nor stays above the one-step error, so these "
        "numbers do not show errors compounding.",
        "这里递归预测的误差既没有一段比一段大，也没有每一段都高于单步误差，所以这些数字没有显示出误差累积。",
    ),
    "forecast.horizon_separator": ("; ", "；"),
    "forecast.plot.future_title": ("Recursive forecast beyond the last value", "最后一个值之后的递归预测"),
    "forecast.forecast": ("forecast", "预测"),
    # --- 7. inside ---
    "forecast.inside_header": ("7 · Inside the model", "7 · 模型内部"),
    "forecast.pick_window": ("Test pair to look inside", "用哪个测试样本对查看模型内部"),
    "forecast.pick_caption": (
        "Window ending at {label}: next value {target}, predicted {pred}. The explorer replays this window "
        "through the trained LSTM and shows every gate at every step.",
        "窗口截止于 {label}：下一个值 {target}，预测为 {pred}。单元探索页会让训练好的 LSTM 重新读一遍这个窗口，"
        "显示每一步的每一个门。",
    ),
    "forecast.open_explorer": ("Open this window in the cell explorer", "在单元探索页中打开此窗口"),
    "forecast.model_title": ("LSTM forecaster on {series}", "{series}上的 LSTM 预测模型"),
    "forecast.column_named": ("“{column}”", "“{column}”"),  # an uploaded column, named in a sentence
    # --- errors ---
    "forecast.err_window": (
        "The window must hold at least 1 value (got {window}).",
        "窗口至少要包含 1 个值（当前为 {window}）。",
    ),
    "forecast.err_too_short": (
        "The series is too short for a window of {window}: it has {n} values, and this window with these test and "
        "validation parts needs at least {need}. Choose a shorter window or a smaller test or validation part.",
        "序列太短，容不下长度为 {window} 的窗口：它只有 {n} 个值，而这个窗口加上这样的测试和验证比例至少需要 {need} 个。"
        "请缩短窗口，或减小测试或验证比例。",
    ),
    "forecast.err_not_finite": (
        "The series contains infinite or missing values; clean them first.",
        "序列中含有无穷大或缺失的值，请先清理。",
    ),
    "forecast.err_diverged": (
        "Training diverged (the loss became infinite) with learning rate {lr}. Try a smaller learning rate.",
        "学习率 {lr} 下训练发散了（损失变成无穷大）。请试试更小的学习率。",
    ),
    # teacher mode hides the learning rate (ui.error picks this wording there)
    "forecast.err_diverged_teacher": (
        "Training diverged (the loss became infinite) with learning rate {lr}. Teacher mode hides the learning rate: "
        "to choose a smaller one, open this page with teacher=0 in its link.",
        "学习率 {lr} 下训练发散了（损失变成无穷大）。教师模式隐藏了学习率："
        "要选更小的学习率，请在链接中写上 teacher=0 重新打开本页。",
    ),
    "forecast.err_too_big": (
        "This file is {size} MB; the limit is {limit} MB. Keep only the column you need.",
        "该文件大小为 {size} MB，上限为 {limit} MB。请只保留需要的列。",
    ),
    "forecast.err_empty": ("The file is empty: there are no rows of data in it.", "文件是空的：里面没有任何数据行。"),
    "forecast.err_no_rows": (
        "The file has a header row ({columns}) but no rows of data under it. Put the data below it, one row per time step.",
        "文件只有表头（{columns}），下面没有数据行。请在表头下面填入数据，每个时间步一行。",
    ),
    "forecast.err_old_excel": (
        "This is an old-style Excel file (.xls). Save it as .xlsx or CSV and upload it again.",
        "这是旧版 Excel 文件（.xls）。请另存为 .xlsx 或 CSV 后重新上传。",
    ),
    "forecast.err_not_table": (
        "This file is not a CSV or Excel (.xlsx) table, or it is damaged.",
        "该文件不是 CSV 或 Excel（.xlsx）表格，或者文件已损坏。",
    ),
    "forecast.err_ragged": (
        "Line {line} has {cells} cells but the header row has {header}: the columns would not line up. "
        "Check that line for an extra separator.",
        "第 {line} 行有 {cells} 个单元格，而表头只有 {header} 个：各列会对不齐。请检查这一行是否多了分隔符。",
    ),
    "forecast.err_encoding": (
        "The file's text encoding could not be read (tried UTF-8, UTF-16, GBK, Big5 and Windows' Western and Cyrillic "
        "encodings). Save it as UTF-8 and try again.",
        "无法识别文件的文本编码（已尝试 UTF-8、UTF-16、GBK、Big5，以及 Windows 的西欧和西里尔编码）。请另存为 UTF-8 编码后重试。",
    ),
    "forecast.err_no_numeric": (
        "No column of numbers found (columns: {columns}). The series to forecast must be a column of numbers.",
        "没有找到数值列（列：{columns}）。要预测的序列必须是一列数字。",
    ),
    "forecast.err_no_column": ("There is no column named {column} in this file.", "该文件中没有名为“{column}”的列。"),
    "forecast.err_non_numeric": (
        "Column {column} has {count} values that are not numbers, the first on line {row}: {value}. Fix or "
        "delete them; empty cells are fine (they are filled in).",
        "“{column}”列中有 {count} 个不是数字的值，第一个在第 {row} 行：{value}。请修改或删除它们；空单元格没关系（会自动补齐）。",
    ),
    "forecast.err_non_numeric_one": (
        "Column {column} has 1 value that is not a number, on line {row}: {value}. Fix or "
        "delete it; empty cells are fine (they are filled in).",
        "“{column}”列中有 1 个不是数字的值，在第 {row} 行：{value}。请修改或删除它；空单元格没关系（会自动补齐）。",
    ),
    "forecast.err_infinite": (
        "Column {column} has {count} infinite values, the first on line {row}: {value}. Numbers that large cannot "
        "be scaled for training: fix or delete them; empty cells are fine (they are filled in).",
        "“{column}”列中有 {count} 个无穷大的值，第一个在第 {row} 行：{value}。这么大的数无法缩放，也就无法用于训练："
        "请修改或删除它们；空单元格没关系（会自动补齐）。",
    ),
    "forecast.err_infinite_one": (
        "Column {column} has 1 infinite value, on line {row}: {value}. A number that large cannot "
        "be scaled for training: fix or delete it; empty cells are fine (they are filled in).",
        "“{column}”列中有 1 个无穷大的值，在第 {row} 行：{value}。这么大的数无法缩放，也就无法用于训练："
        "请修改或删除它；空单元格没关系（会自动补齐）。",
    ),
    "forecast.err_too_large": (
        "Column {column} has {count} values beyond ±10¹⁵, the first on line {row}: {value}. Numbers that large lose "
        "their digits when they are scaled and compared: divide the column by a power of ten (write it in millions, "
        "say) and upload it again.",
        "“{column}”列中有 {count} 个超出 ±10¹⁵ 的值，第一个在第 {row} 行：{value}。这么大的数在缩放和比较时会丢失精度："
        "请把这一列除以 10 的某个幂（例如改用“百万”为单位）后重新上传。",
    ),
    "forecast.err_too_large_one": (
        "Column {column} has 1 value beyond ±10¹⁵, on line {row}: {value}. A number that large loses its digits when "
        "it is scaled and compared: divide the column by a power of ten (write it in millions, say) and upload it again.",
        "“{column}”列中有 1 个超出 ±10¹⁵ 的值，在第 {row} 行：{value}。这么大的数在缩放和比较时会丢失精度："
        "请把这一列除以 10 的某个幂（例如改用“百万”为单位）后重新上传。",
    ),
    "forecast.err_all_missing": (
        "Column {column} has fewer than 2 values: nothing to forecast.",
        "“{column}”列中的数值少于 2 个，无法预测。",
    ),
}
