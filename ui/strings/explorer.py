STRINGS = {
    "explorer.title": ("Cell explorer: watch every gate, step by step", "单元探索：一步一步看每个门"),
    "explorer.intro": (
        "Pick an input and a model in the sidebar, then step through time with the buttons, the slider or the arrow keys. "
        "Every number below is computed by the very equations shown (each term is shown rounded, so a sum can "
        "differ from the rounded terms in its last digit).",
        "在侧边栏选择一个输入和一个模型，然后用按钮、滑块或方向键逐步前进。下面的每个数字都是由图中所示的公式算出来的"
        "（每一项都是四舍五入后显示的，所以算出的和与显示的各项相加，最后一位可能略有出入）。",
    ),
    "explorer.guide_title": ("What to look at, and three experiments", "看什么？三个小实验"),
    "explorer.uploads": ("Open a model file", "打开模型文件"),  # teacher mode folds the upload boxes into it
    "explorer.guide": (
        "- **The cell state c** (the red-orange line along the top of the diagram) is the memory. At each step it is "
        "multiplied by the forget gate f and gets i × g added. Watch the equation for c: the two products tell "
        "you how much is kept and how much is written.\n"
        "- **Gates are soft switches** between 0 and 1: in the heatmaps, dark means closed, yellow means open.\n"
        "- **h is what the rest of the network sees**: o × tanh(c). A unit can remember something (c far from 0) "
        "while hiding it (o near 0).\n\n"
        "**Experiments**\n"
        "1. Choose the hand-built *memory cell* and the preset *a sentence with a negation*. Step to the word "
        "“not” and watch i jump to 1 and f drop to 0: the cell erases and writes. Between words f is 1 and c holds "
        "its value; at the second “not” f drops again and the cell writes the same 1 afresh, so c ends at 1.\n"
        "2. Choose the *counter* with the *counting task*: c goes up by exactly 1 at every 1 in the input.\n"
        "3. Keep a sentence preset and the seed, and switch the variant between LSTM, GRU and vanilla RNN: "
        "from step to step the RNN's h moves, on average over the units, about two to three times as much as the "
        "LSTM's c (the factor depends on the seed), which changes smoothly. Then switch back to LSTM, open "
        "**What if?** and clamp the forget gate to 1: nothing is forgotten any more and every write adds up, so for "
        "most units and seeds c ends further from 0 than in the normal run (writes of opposite signs can cancel).",
        "- **单元状态 c**（图上方的橙红色线）就是记忆。每一步它先乘以遗忘门 f，再加上 i × g。看 c 的公式：两个乘积分别告诉你"
        "保留了多少、写入了多少。\n"
        "- **门是 0 到 1 之间的“软开关”**：在热力图中，深色表示关闭，黄色表示打开。\n"
        "- **h 是网络其余部分看到的东西**：o × tanh(c)。每一维都可以记住某件事（c 远离 0），同时把它藏起来（o 接近 0）。\n\n"
        "**小实验**\n"
        "1. 选择手工搭建的“记忆单元”和预设“带否定词的句子”。前进到“不”这个字，看 i 跳到 1、f 降到 0：单元先清除再写入。"
        "其他字上 f 为 1，c 保持它的值；到第二个“不”时 f 再次降到 0，单元重新写入同样的 1，所以 c 最后仍是 1。\n"
        "2. 选择“计数器”和“计数任务”：输入中每出现一个 1，c 恰好增加 1。\n"
        "3. 保持某个句子预设和种子不变，把变体在 LSTM、GRU 和普通 RNN 之间切换：相邻两步之间，RNN 的 h 的变化"
        "（按所有维度平均）大约是 LSTM 的 c 的两到三倍（具体倍数随种子而变），c 变化平缓。"
        "然后切换回 LSTM，打开“如果……会怎样？”，把遗忘门固定为 1：什么都不再遗忘，每次写入都累加起来，"
        "所以对大多数维度和种子，最后一步的 c 比正常运行时离 0 更远（符号相反的写入会相互抵消）。",
    ),
    # --- input ---
    "explorer.input_header": ("Input", "输入"),
    "explorer.mode": ("Input", "输入方式"),
    "explorer.mode.preset": ("A preset", "预设"),
    "explorer.mode.text": ("A sentence", "一句话"),
    "explorer.mode.numbers": ("Numbers", "数字序列"),
    "explorer.preset": ("Preset", "预设"),
    "explorer.preset.negation": ("A sentence with a negation", "带否定词的句子"),
    "explorer.preset.long_memory": ("A negation far from the end", "远离句尾的否定词"),
    "explorer.preset.sine": ("Sine wave (40 steps)", "正弦波（40 步）"),
    "explorer.preset.counting": ("Counting task (0s and 1s)", "计数任务（0 和 1）"),
    "explorer.preset.step": ("A step: 0, then 1, then 0", "阶跃：0，然后 1，再回到 0"),
    "explorer.text": ("Your sentence (English or Chinese)", "你的句子（英文或中文）"),
    "explorer.text_help": (
        "Tokenised as on the text-pipeline page: English by words, Chinese by characters.",
        "分词方式与“文本处理流程”页面相同：英文按词切分，中文按字切分。",
    ),
    "explorer.numbers": ("Numbers, separated by commas", "数字，用逗号分隔"),
    "explorer.numbers_help": ("For example: 0, 1, 0.5, -1", "例如：0, 1, 0.5, -1"),
    "explorer.default_text": ("I did not like this movie at all", "我不喜欢这部电影"),
    # --- model ---
    "explorer.model_header": ("Model", "模型"),
    "explorer.source": ("Model", "模型"),
    "explorer.source.random": ("A random model (seeded)", "随机模型（固定种子）"),
    "explorer.source.memory": ("Hand-built: a memory cell", "手工搭建：记忆单元"),
    "explorer.source.counter": ("Hand-built: a counter", "手工搭建：计数器"),
    "explorer.source.leaky": ("Hand-built: a leaky memory", "手工搭建：会遗忘的记忆"),
    "explorer.source.trained": ("Your model (trained here or loaded)", "你的模型（在这里训练或加载的）"),
    "explorer.variant": ("Variant", "变体"),
    "explorer.variant.lstm": ("LSTM", "LSTM"),
    "explorer.variant.peephole": ("Peephole LSTM", "窥视孔 LSTM"),
    "explorer.variant.gru": ("GRU", "GRU"),
    "explorer.variant.rnn_tanh": ("Vanilla RNN (tanh)", "普通 RNN（tanh）"),
    "explorer.variant.lstm1997": ("LSTM 1997 (no forget gate)", "1997 年 LSTM（无遗忘门）"),
    "explorer.variant.cifg": ("CIFG LSTM (i = 1 − f)", "耦合门 LSTM（i = 1 − f）"),
    "explorer.hidden": ("Hidden size per layer (units)", "每层的隐藏维度"),
    "explorer.layers": ("Layers", "层数"),
    "explorer.trigger": ("Trigger token", "触发词"),
    "explorer.trigger_help": (
        "The hand-built cells react to this token (the first token of what you type).",
        "手工搭建的单元会对这个词作出反应（取你输入内容的第一个词）。",
    ),
    "explorer.layer": ("Layer shown", "显示的层"),
    "explorer.unit": ("Unit shown in the equations and line charts", "公式和折线图中显示的维度"),
    # --- notes ---
    "explorer.note_truncated": (
        "The input had {n} steps; only the first {limit} are used.",
        "输入共有 {n} 步，只使用前 {limit} 步。",
    ),
    "explorer.note_random_text": (
        "A random model has never seen any words, so each token gets a random vector of {dim} numbers, drawn "
        "from the seed and the token itself: the same word always gets the same vector. There is no vocabulary: "
        "any token gets a vector, so no token is unknown here.",
        "随机模型从未见过任何词，所以每个词元都会得到一个由 {dim} 个数组成的随机向量，"
        "它由种子和词元本身决定：同一个词总是得到同一个向量。"
        "这里没有词表：任何词元都能得到一个向量，因此也就没有未知的词元。",
    ),
    "explorer.note_memory": (
        "One unit, weights set by hand. On the trigger **{trigger}** the input gate opens (i≈1) and the forget gate "
        "closes (f≈0), so c becomes 1; on every other token i≈0 and f≈1, so c keeps its value: a one-bit memory.",
        "只有一维的 LSTM 单元，权重由手工设定。遇到触发词 **{trigger}** 时，输入门打开（i≈1）、遗忘门关闭（f≈0），于是 c 变为 1；"
        "遇到其他词时 i≈0、f≈1，c 保持不变：这就是一个 1 比特的记忆。",
    ),
    "explorer.note_counter": (
        "One unit, weights set by hand. The forget gate is always open (f≈1) and the input gate opens only on "
        "**{trigger}**, adding g = 1: c counts how often it has appeared.",
        "只有一维的 LSTM 单元，权重由手工设定。遗忘门始终打开（f≈1），输入门只在遇到 **{trigger}** 时打开并加上 g = 1："
        "c 记录它出现了多少次。",
    ),
    "explorer.note_leaky": (
        "A leaky memory: the forget gate is stuck at 0.5, even on the trigger. Each **{trigger}** adds 1 to c, and c "
        "halves at every step.",
        "会遗忘的记忆：遗忘门固定在 0.5，遇到触发词时也不例外。每个 **{trigger}** 给 c 加上 1，而 c 每一步减半。",
    ),
    "explorer.note_handbuilt_numbers": (
        "With numbers, the hand-built cells read the value itself: 1 (or more) acts as the trigger, 0 (or less) as "
        "any other token, and a value in between, such as 0.5, opens the gates only part of the way.",
        "输入数字时，手工搭建的单元直接读取数值：1（及以上）相当于触发词，0（及以下）相当于其他词，"
        "介于两者之间的值（例如 0.5）只会让门部分打开。",
    ),
    "explorer.note_oov": (
        "{n} tokens are not in the trained model's vocabulary and are shown as <unk>: {words}",
        "有 {n} 个词元不在训练模型的词表中，显示为 <unk>：{words}",
    ),
    "explorer.note_oov_one": (
        "1 token is not in the trained model's vocabulary and is shown as <unk>: {words}",
        "有 1 个词元不在训练模型的词表中，显示为 <unk>：{words}",
    ),
    "explorer.note_trained": ("Tracing your trained model: {title}", "正在追踪你训练的模型：{title}"),
    "explorer.note_scaled": (
        "The input shown beside the step is the series' value, in its own units; the cell reads it Min-Max "
        "scaled, as the forecaster was trained: x_t = (value − {low:g}) / ({high:g} − {low:g}).",
        "时间步旁显示的输入是序列的原始数值（序列本身的单位）；单元读到的是最小–最大缩放后的值，与预测模型训练时一致："
        "x_t = (数值 − {low:g}) / ({high:g} − {low:g})。",
    ),
    "explorer.note_trained_kind": (
        "Your model's cell: {kind}.",
        "你的模型的单元：{kind}。",
    ),
    "explorer.note_bidirectional": (
        "This model reads in both directions; the explorer shows the forward direction.",
        "该模型是双向的；这里显示的是正向。",
    ),
    "explorer.no_trained": (
        "Train a model on the training or forecasting page, or load a model file above, and it appears here as a model to trace.",
        "在“训练分类器”或“时间序列预测”页面训练一个模型，或在上方加载一个模型文件，它就会出现在这里供你追踪。",
    ),
    # --- errors ---
    "explorer.err_empty_text": ("Type a sentence first: the text box is empty.", "请先输入一句话：文本框是空的。"),
    "explorer.err_no_tokens": (
        "That text has no words or characters left after removing punctuation and symbols (emoji included). Type a sentence.",
        "去掉标点和符号（包括表情符号）后，这段文本中没有任何词或字。请输入一句话。",
    ),
    "explorer.err_empty_numbers": ("Type some numbers, separated by commas.", "请输入一些数字，用逗号分隔。"),
    "explorer.err_not_a_number": (
        "“{item}” is not a number. Use numbers separated by commas, such as 0, 1, 0.5.",
        "“{item}”不是数字。请输入用逗号分隔的数字，例如 0, 1, 0.5。",
    ),
    "explorer.err_not_finite": (
        "“{item}” is not a finite number (NaN and infinity cannot go through the cell).",
        "“{item}”不是有限的数（NaN 和无穷大无法通过单元计算）。",
    ),
    "explorer.err_too_large": (
        "“{item}” is too large: use values between −{limit} and {limit}.",
        "“{item}”太大了：请使用 −{limit} 到 {limit} 之间的数。",
    ),
    "explorer.err_unknown_preset": ("Unknown preset.", "未知的预设。"),
    "explorer.err_hidden": ("At most {limit} hidden units.", "隐藏维度最多为 {limit}。"),
    "explorer.err_layers": ("At most {limit} layers.", "最多 {limit} 层。"),
    "explorer.err_trigger": ("Type a trigger token for the hand-built cell.", "请为手工搭建的单元输入一个触发词。"),
    "explorer.err_model_wants_text": (
        "Your trained model reads text: type a sentence or pick a text preset.",
        "你训练的模型读取的是文本：请输入一句话或选择文本类预设。",
    ),
    "explorer.err_model_wants_numbers": (
        "Your trained model reads numbers: type numbers or pick a numeric preset.",
        "你训练的模型读取的是数字：请输入数字或选择数字类预设。",
    ),
    "explorer.err_model_wants_symbols": (
        "Your trained model reads a sequence of symbols: type whole numbers from 0 to {last}, e.g. 0, 1, 1, 0.",
        "你训练的模型读取的是符号序列：请输入 0 到 {last} 之间的整数，例如 0, 1, 1, 0。",
    ),
    "explorer.err_one_feature": (
        "This model reads {n} numbers per step; the explorer gives it one. Open a model with one input feature.",
        "这个模型每一步读入 {n} 个数，而这里每一步只提供一个。请打开每步只有一个输入特征的模型。",
    ),
    "explorer.err_input_size": (
        "This input gives {got} numbers per step, but the trained model expects {expected}.",
        "该输入每一步有 {got} 个数，但训练好的模型需要 {expected} 个。",
    ),
    # --- the stepper (component) ---
    "explorer.c.eq_title": ("The equations for unit {unit} at this step", "第 {unit} 维在这一步的公式"),
    "explorer.c.heat_title": (
        "Every unit over time (one colour scale per quantity; the box marks this step, the line the chosen unit)",
        "所有维度随时间的变化（每个量一个色标；方框标出当前步，横线标出所选的维度）",
    ),
    "explorer.c.lines_title": ("Unit {unit} across the whole sequence", "第 {unit} 维在整个序列上的变化"),
    "explorer.c.first": ("First step", "第一步"),
    "explorer.c.prev": ("Previous step (←)", "上一步（←）"),
    "explorer.c.play": ("Play", "播放"),
    "explorer.c.pause": ("Pause", "暂停"),
    "explorer.c.next": ("Next step (→)", "下一步（→）"),
    "explorer.c.last": ("Last step", "最后一步"),
    "explorer.c.slider": ("Time step", "时间步"),
    "explorer.c.keys": (
        "Keys: ← → step, Home / End jump, Space plays. Click a heatmap or chart to jump to that step.",
        "快捷键：← → 逐步，Home / End 跳到首尾，空格键播放。点击热力图或折线图可跳到对应的时间步。",
    ),
    "explorer.c.taps": (
        "Tap a heatmap or chart to jump to that step; the buttons step, play and jump.",
        "点击热力图或折线图可跳到对应的时间步；按钮用于逐步、播放和跳到首尾。",
    ),
    # t counts from 0: "of 9" read as 9 steps where there are 10
    "explorer.c.step": ("Step t = {t} (last: {last})", "时间步 t = {t}（最后一步：{last}）"),
    "explorer.c.input": ("input", "输入"),
    "explorer.c.announce": (
        "Step {t} (the last is {last}), input “{token}”: {values}",
        "第 {t} 步（最后一步为 {last}），输入“{token}”：{values}",
    ),
    "explorer.c.list_sep": (", ", "，"),
    "explorer.c.tip": ("t = {t} “{token}” · unit {unit} · {q} = {value}", "t = {t}“{token}”· 第 {unit} 维 · {q} = {value}"),
    "explorer.c.heat_aria": ("Heatmap of {name} ({q}) over time and units", "{name}（{q}）随时间和各维变化的热力图"),
    "explorer.c.lines_aria": ("Unit {unit}: {names} over time", "第 {unit} 维：{names} 随时间的变化"),
    "explorer.c.axis_start": ("t = 0", "t = 0"),
    "explorer.c.axis_end": ("t = {T} · one row per unit ({H} in all)", "t = {T} · 每行一维（共 {H} 维）"),
    "explorer.c.axis_t": ("time step t", "时间步 t"),
    "explorer.c.x_below": ("h of layer {layer}", "第 {layer} 层的 h"),
    "explorer.c.same_as": (" (under {q}: the same values)", "（与 {q} 数值相同，被其遮住）"),
    "explorer.q.i": ("input gate", "输入门"),
    "explorer.q.f": ("forget gate", "遗忘门"),
    "explorer.q.g": ("candidate", "候选值"),
    "explorer.q.o": ("output gate", "输出门"),
    "explorer.q.c": ("cell state", "单元状态"),
    "explorer.q.h": ("hidden state", "隐藏状态"),
    "explorer.q.r": ("reset gate", "重置门"),
    "explorer.q.z": ("update gate", "更新门"),
    "explorer.q.n": ("candidate", "候选值"),
    "explorer.q.a": ("pre-activation", "激活前的值"),
    "explorer.diagram.lstm": ("LSTM cell", "LSTM 单元"),
    "explorer.diagram.peephole": (
        "Peephole LSTM cell: the dashed lines carry c into the gates (i and f read cₜ₋₁, o reads cₜ)",
        "窥视孔 LSTM 单元：虚线把 c 送入各门（i 和 f 读取 cₜ₋₁，o 读取 cₜ）",
    ),
    "explorer.peephole_lines": ("peepholes", "窥视孔连接"),
    "explorer.diagram.gru": ("GRU cell", "GRU 单元"),
    "explorer.diagram.rnn_tanh": ("Vanilla RNN cell", "普通 RNN 单元"),
    "explorer.diagram.rnn_relu": ("Vanilla RNN cell (ReLU)", "普通 RNN 单元（ReLU）"),
    "explorer.diagram.lstm1997": (
        "LSTM cell of 1997: no forget gate, so cₜ₋₁ flows into the sum untouched",
        "1997 年的 LSTM 单元：没有遗忘门，cₜ₋₁ 原样流入求和",
    ),
    "explorer.diagram.cifg": (
        "Coupled-gate LSTM cell: the input gate is 1 − f, so it writes exactly what it forgets",
        "耦合门 LSTM 单元：输入门等于 1 − f，写入多少就遗忘多少",
    ),
    "explorer.no_forget_gate": ("no forget gate: nothing scales c down", "没有遗忘门：c 不会被按比例缩小"),
    "explorer.note_kind.lstm1997": (
        "The 1997 LSTM has no forget gate: in cₜ = cₜ₋₁ + iₜ·gₜ nothing ever scales c back towards 0. Only a write "
        "with a negative g lowers it, so on a long input |c| tends to drift ever further from 0 (see the cell-state "
        "heatmap), which is why Gers et al. added the forget gate in 2000.",
        "1997 年的 LSTM 没有遗忘门：在 cₜ = cₜ₋₁ + iₜ·gₜ 中，没有任何东西会把 c 拉回 0。只有写入负的 g 才会让它变小，"
        "所以输入越长，|c| 往往离 0 越远（看单元状态的热力图），这正是 Gers 等人在 2000 年加上遗忘门的原因。",
    ),
    # what the gate clamps do, for a kind without a sentence of its own (by its clamps, ui.explorer_state)
    "explorer.whatif_clamps.f0f1i0": (
        "Clamping the forget gate to 1 turns the cell into a pure accumulator (cₜ = cₜ₋₁ + iₜ·gₜ); clamping it to 0 "
        "erases cₜ₋₁ from the cell state at every step, so the past reaches it only through hₜ₋₁, as in a vanilla RNN.",
        "把遗忘门固定为 1，单元就变成纯粹的累加器（cₜ = cₜ₋₁ + iₜ·gₜ）；固定为 0，则每一步都从单元状态中抹掉 cₜ₋₁，"
        "过去只能通过 hₜ₋₁ 传进来，和普通 RNN 一样。",
    ),
    "explorer.whatif_clamps.z1z0": (
        "Clamping the update gate to 1 keeps h as it was (hₜ = hₜ₋₁): the input is never written; clamping it to 0 "
        "replaces h with the candidate n at every step: only what n reads from hₜ₋₁ carries the past, as in a vanilla RNN.",
        "把更新门固定为 1，h 保持不变（hₜ = hₜ₋₁），输入永远写不进去；固定为 0，每一步都用候选值 n 替换 h："
        "只有 n 从 hₜ₋₁ 读到的部分还能带着过去，和普通 RNN 一样。",
    ),
    "explorer.whatif_clamps.": (
        "A vanilla RNN has no gate to clamp: switch the unit off, or drop the input's first step.",
        "普通 RNN 没有可以固定的门：可以关闭这一维，或去掉输入的第一步。",
    ),
    "explorer.whatif_kind.lstm1997": (
        "This cell has no forget gate: it already is the accumulator that clamping f to 1 makes of an LSTM. "
        "Close its input gate and c stays at 0.",
        "这种单元没有遗忘门：它本身就是把 LSTM 的 f 固定为 1 后得到的累加器。关闭输入门，c 就一直是 0。",
    ),
    "explorer.whatif_kind.cifg": (
        "Here iₜ = 1 − fₜ, so clamping f moves i too: f = 1 freezes c (nothing is written), "
        "f = 0 replaces c with g at every step.",
        "这里 iₜ = 1 − fₜ，所以固定 f 也会改变 i：f = 1 时 c 冻结（什么都不写入），f = 0 时每一步都用 g 替换 c。",
    ),
    "explorer.note_kind.cifg": (
        "In the coupled-gate LSTM the input gate is iₜ = 1 − fₜ: a unit writes exactly as much as it forgets. "
        "Greff et al. (2017) found it about as good as the full LSTM, with a quarter fewer weights.",
        "耦合门 LSTM 的输入门是 iₜ = 1 − fₜ：每一维遗忘多少，就写入多少。"
        "Greff 等人（2017）发现它和完整的 LSTM 差不多好，而权重少四分之一。",
    ),
    "explorer.download": ("Download the trace (CSV)", "下载完整记录（CSV）"),
    "explorer.download_help": (
        "One row per layer, time step and unit, with every gate and state.",
        "每一行对应一层、一个时间步和一维，包含所有门和状态的数值。",
    ),
    # --- tabs ---
    "explorer.tab_step": ("Step through time", "逐步运行"),
    "explorer.stepper_alt": (  # the stepper's frame, as a screen reader names it
        "The cell step by step: the equations with this step's numbers, the diagram and the charts of every step",
        "逐步查看单元：代入本步数值的公式、单元结构图和各步的图表",
    ),
    "explorer.tab_whatif": ("What if?", "如果……会怎样？"),
    "explorer.tab_lab": ("Single-unit lab", "一维单元实验室"),
    # --- what if ---
    "explorer.whatif_intro": (
        "Force one quantity of the shown layer at every step and compare with the normal run. Or drop the input's "
        "first step (its first word or number) and see whether the end still feels it.",
        "在所显示的层中，每一步都强制某个量取固定值，并与正常运行对比。也可以去掉输入的第一步（第一个词或第一个数），看结尾是否还受它影响。",
    ),
    "explorer.intervention": ("Intervention", "干预方式"),
    "explorer.iv.f1": ("Clamp the forget gate to 1 (never forget)", "遗忘门固定为 1（从不遗忘）"),
    "explorer.iv.f0": ("Clamp the forget gate to 0 (always forget)", "遗忘门固定为 0（总是遗忘）"),
    "explorer.iv.i0": ("Close the input gate (write nothing)", "关闭输入门（什么都不写入）"),
    "explorer.iv.z1": ("Clamp the update gate to 1 (keep h)", "更新门固定为 1（保持 h 不变）"),
    "explorer.iv.z0": ("Clamp the update gate to 0 (replace h)", "更新门固定为 0（每步替换 h）"),
    "explorer.iv.unit_off": ("Switch the unit off (its state set to 0 at every step)", "关闭这一维（每一步都把它的状态置为 0）"),
    "explorer.iv.drop_first": (
        "Drop the first step (the same input without its first word or number)",
        "去掉第一步（同样的输入，去掉第一个词或第一个数）",
    ),
    "explorer.whatif_one_step": (
        "The input has a single step: without it nothing is left to run. Type or pick a longer input to see "
        "whether the end still feels its first step.",
        "输入只有一步：去掉它就什么都不剩了，没有可运行的内容。请输入或选择更长的输入，看看结尾是否还受第一步影响。",
    ),
    "explorer.whatif_last": ("Change at the last step", "最后一步的变化"),
    "explorer.whatif_last_help": (
        "The largest difference between the two runs in any unit of h, in any layer, at the last step: how much the "
        "change still matters at the end.",
        "两次运行在最后一步、任一层任一维的 h 之间的最大差值：这个改动到结尾还剩多少影响。",
    ),
    "explorer.iv_scope": ("All units of this layer", "作用于该层所有维度"),
    "explorer.iv_scope_help": (
        "Apply the intervention to every unit of the shown layer, not only the chosen one. Dropping the first step "
        "changes the input itself, which every unit reads: there it makes no difference.",
        "把干预作用于所显示层的每一维，而不只是所选的那一维。去掉第一步改变的是输入本身，每一维都会读到它：此时这个开关不起作用。",
    ),
    "explorer.panel_c": ("c, unit {unit}", "c，第 {unit} 维"),
    "explorer.panel_h": ("h, unit {unit}", "h，第 {unit} 维"),
    "explorer.panel_out": ("Output: size of the last layer's h", "输出：最后一层 h 的大小"),
    "explorer.original": ("normal run", "正常运行"),
    "explorer.what_if": ("what if", "干预后"),
    "explorer.whatif_change": ("Largest change in h", "h 的最大变化"),
    "explorer.whatif_change_help": (
        "The largest difference between the two runs in any unit of h, in any layer, at any step.",
        "两次运行在任一步、任一层任一维的 h 之间的最大差值。",
    ),
    "explorer.whatif_caption": (
        "Solid lines are the normal run, each in its quantity's colour; dashed lines the what-if. The output panel "
        "shows ‖hₜ‖ of the last layer, the vector the next part of a network reads.",
        "实线是正常运行，颜色对应各自的量；虚线是干预后。“输出”一栏显示最后一层的 ‖hₜ‖，即网络下一部分读取的向量的大小。",
    ),
    # --- single-unit lab ---
    "explorer.lab_intro": (
        "One LSTM cell of a single unit with one input, no recurrent weights, and weights you set. The input is a "
        "single pulse (x = 1 at step 3, 0 elsewhere): the cell writes it into c, then has to hold it. At forget-gate bias +3 "
        "(f ≈ 0.95) c decays slowly, with a half-life of about 14 steps: by step 39 less than a fifth is left. At +6 (f ≈ 0.998, "
        "half-life about 280 steps) c holds for the whole run. Lower the bias and the memory fades at once.",
        "一个只有一维、单一输入的 LSTM 单元，没有循环权重，权重由你来设定。输入是一个脉冲（第 3 步 x = 1，其余为 0）："
        "单元把它写入 c，然后必须把它保持住。遗忘门偏置为 +3 时（f ≈ 0.95），c 缓慢衰减，半衰期约 14 步："
        "到第 39 步只剩不到五分之一。偏置为 +6 时（f ≈ 0.998，半衰期约 280 步），c 在整个运行过程中都能保持。"
        "把偏置调低，记忆会立刻消失。",
    ),
    "explorer.lab.w_f": ("Forget gate: input weight", "遗忘门：输入权重"),
    "explorer.lab.b_f": ("Forget gate: bias", "遗忘门：偏置"),
    "explorer.lab.w_i": ("Input gate: input weight", "输入门：输入权重"),
    "explorer.lab.b_i": ("Input gate: bias", "输入门：偏置"),
    "explorer.lab.w_g": ("Candidate: input weight", "候选值：输入权重"),
    "explorer.lab.b_o": ("Output gate: bias", "输出门：偏置"),
    "explorer.lab_x": ("input x", "输入 x"),
    "explorer.lab_halflife": ("Memory half-life when x = 0", "x = 0 时记忆的半衰期"),
    "explorer.lab_bias_note": (
        "f = σ({bias}) = {f}: half-life {half}",
        "f = σ({bias}) = {f}：半衰期 {half}",
    ),
    "explorer.lab_steps": ("{steps} steps", "{steps} 步"),
    "explorer.lab_forever": ("forever", "永久"),
    "explorer.lab_f_rest": ("Forget gate when x = 0", "x = 0 时的遗忘门"),
    "explorer.lab_c_end": ("c at the last step", "最后一步的 c"),
}
