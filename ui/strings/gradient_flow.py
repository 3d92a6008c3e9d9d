STRINGS = {
    "gradient_flow.title": ("Gradient flow: why an LSTM remembers", "梯度流：LSTM 为什么记得住"),
    "gradient_flow.intro": (
        "Every tutorial says that the LSTM *solves the vanishing gradient problem*. Here you can see it and measure it. "
        "Training needs the gradient of the loss with respect to each earlier hidden state, ‖∂L/∂hₜ‖: if almost nothing "
        "of it reaches step t, the network cannot learn to use what it saw at step t. The same input sequence is fed "
        "to a vanilla RNN, an LSTM and a GRU (and, in the first chart, two historical LSTMs: the 1997 one without a forget "
        "gate and the coupled-gate CIFG), and the loss L is the sum of the components of the last hidden state "
        "(at step T − 1, counting from 0).",
        "几乎每篇教程都说 LSTM *解决了梯度消失问题*。在这里你可以亲眼看到，并亲手测量。训练时需要损失对每个较早隐藏状态的梯度 "
        "‖∂L/∂hₜ‖：如果几乎没有梯度能传回第 t 步，网络就学不会利用它在第 t 步看到的信息。我们把同一条输入序列分别送入普通 RNN、"
        "LSTM 和 GRU（第一张图里还有两个历史上的 LSTM：没有遗忘门的 1997 年版本和耦合门的 CIFG），"
        "损失 L 取最后一个隐藏状态（第 T − 1 步，从 0 开始计数）各分量之和。",
    ),
    "gradient_flow.explain_header": ("What to look for, and experiments to try", "看点与建议的实验"),
    "gradient_flow.explain": (
        "**Backpropagation through time multiplies.** The gradient that reaches step t is the gradient at the end "
        "multiplied by one Jacobian per step in between. A hundred factors of 0.9 leave 0.9¹⁰⁰ ≈ 3·10⁻⁵; a hundred of "
        "0.6 leave 0.6¹⁰⁰ ≈ 10⁻²²: the gradient *vanishes*. Factors above 1, and it *explodes*.\n\n"
        "**The LSTM has a second road.** Its cell state is updated by addition, cₜ = fₜ ⊙ cₜ₋₁ + iₜ ⊙ gₜ, so along the "
        "cell the factor per step is just the forget gate fₜ. While the forget gate stays close to 1, the product of "
        "many fₜ stays large, and the gradient survives. The forget-gate bias decides where fₜ starts: σ(1) ≈ 0.73, "
        "σ(3) ≈ 0.95.\n\n"
        "**Experiments**\n"
        "1. With the defaults (T = 100, forget bias 1) compare the three ratios ‖∂L/∂h₀‖ / ‖∂L/∂h₉₉‖ above the chart.\n"
        "2. Move the **forget-gate bias** to 3: the LSTM's curve flattens and its ratio grows by a factor of millions. "
        "Now set it to −3 and watch the LSTM vanish even faster than the RNN: the gate is closed, nothing is kept.\n"
        "3. Choose the **orthogonal** initialisation and move the **recurrent weight scale** from 0.8 to 2: the RNN goes "
        "from vanishing to exploding. With **ReLU** it explodes sooner, because ReLU does not saturate.\n"
        "4. Make the sequence 500 steps long: which curve still reaches the start?\n"
        "5. In the adding problem, train live LSTMs at T = 50 with forget bias −3, 0 and 1 and compare when each leaves "
        "the baseline. The LSTM is not magic: stop one at 1,000 steps and it has learned nothing either.",
        "**随时间反向传播是连乘。** 传回第 t 步的梯度，等于末端的梯度乘上中间每一步的雅可比矩阵。一百个 0.9 连乘得到 "
        "0.9¹⁰⁰ ≈ 3·10⁻⁵，一百个 0.6 连乘得到 0.6¹⁰⁰ ≈ 10⁻²²：梯度*消失*了；如果因子大于 1，梯度就会*爆炸*。\n\n"
        "**LSTM 多了一条路。** 它的单元状态用加法更新：cₜ = fₜ ⊙ cₜ₋₁ + iₜ ⊙ gₜ，所以沿着单元状态，每一步的因子就是遗忘门 fₜ。"
        "只要遗忘门接近 1，许多个 fₜ 的乘积就仍然不小，梯度便能传回去。遗忘门偏置决定了 fₜ 的初始大小：σ(1) ≈ 0.73，"
        "σ(3) ≈ 0.95。\n\n"
        "**可以试试的实验**\n"
        "1. 使用默认设置（T = 100，遗忘门偏置 1），比较图上方三个模型的比值 ‖∂L/∂h₀‖ / ‖∂L/∂h₉₉‖。\n"
        "2. 把**遗忘门偏置**调到 3：LSTM 的曲线变平，比值增大了上百万倍。再把它调到 −3，看 LSTM 的梯度消失得比 RNN 还快："
        "门关上了，什么也留不住。\n"
        "3. 选择**正交**初始化，把**循环权重缩放**从 0.8 调到 2：RNN 从梯度消失变成梯度爆炸。换成 **ReLU** 会更早爆炸，"
        "因为 ReLU 不会饱和。\n"
        "4. 把序列长度设为 500：哪条曲线还能传回到起点？\n"
        "5. 在加法问题中，以 T = 50、遗忘门偏置分别为 −3、0 和 1 实时训练 LSTM，比较它们各自何时离开基线。"
        "LSTM 并不神奇：训练到 1,000 步就停下，它同样什么也没学会。",
    ),
    # --- section 1
    "gradient_flow.flow_header": ("1. The gradient through time", "1. 梯度随时间的传播"),
    "gradient_flow.seq_len": ("Sequence length T", "序列长度 T"),
    "gradient_flow.seq_len_help": (
        "How many steps back the gradient has to travel (2 to 1000).",
        "梯度需要往回传多少步（2 到 1000）。",
    ),
    "gradient_flow.hidden": ("Hidden size H", "隐藏维度 H"),
    "gradient_flow.scale": ("Recurrent weight scale", "循环权重缩放"),
    "gradient_flow.scale_help": (
        "Every recurrent matrix W_hh is multiplied by this number. With the orthogonal or scaled initialisation it is "
        "exactly the spectral radius of W_hh.",
        "所有循环权重矩阵 W_hh 都乘以这个数。使用正交或缩放初始化时，它恰好等于 W_hh 的谱半径。",
    ),
    "gradient_flow.init": ("Initialisation of W_hh", "W_hh 的初始化"),
    "gradient_flow.init.default": ("PyTorch default U(±1/√H)", "PyTorch 默认 U(±1/√H)"),
    "gradient_flow.init.orthogonal": ("orthogonal", "正交"),
    "gradient_flow.init.scaled": ("Gaussian, spectral radius 1", "高斯，谱半径为 1"),
    "gradient_flow.init_help": (
        "The default draws each weight uniformly (spectral radius about 0.6). Orthogonal matrices keep the length of every "
        "vector; the scaled Gaussian is rescaled so its largest eigenvalue has modulus 1.",
        "默认方式对每个权重做均匀采样（谱半径约 0.6）。正交矩阵保持每个向量的长度不变；"
        "缩放高斯矩阵经过缩放，使其最大特征值的模为 1。",
    ),
    "gradient_flow.forget_bias": ("LSTM forget-gate bias", "LSTM 遗忘门偏置"),
    "gradient_flow.fb_help": (
        "b_f, the bias of the forget gate. The gate starts around σ(b_f): 0.5 for 0, 0.73 for 1, 0.95 for 3.",
        "遗忘门的偏置 b_f。门的初始值大约是 σ(b_f)：偏置 0 时为 0.5，1 时为 0.73，3 时为 0.95。",
    ),
    "gradient_flow.nonlinearity": ("RNN nonlinearity", "RNN 激活函数"),
    "gradient_flow.model.rnn": ("Vanilla RNN", "普通 RNN"),
    "gradient_flow.model.lstm": ("LSTM", "LSTM"),
    "gradient_flow.model.gru": ("GRU", "GRU"),
    "gradient_flow.model.lstm_fb0": ("LSTM, forget bias 0", "LSTM（遗忘门偏置 0）"),
    "gradient_flow.model.lstm1997": ("LSTM of 1997 (no forget gate)", "1997 年的 LSTM（无遗忘门）"),
    "gradient_flow.model.cifg": ("Coupled-gate LSTM (CIFG)", "耦合门 LSTM（CIFG）"),
    "gradient_flow.ratio_of": ("{model}: gradient ratio", "{model}：梯度比"),
    "gradient_flow.ratio_help": (
        "‖∂L/∂h₀‖ / ‖∂L/∂h₍T−1₎‖ (step T − 1 is the last one): the share of the gradient at the last step that "
        "reaches the first step.",
        "‖∂L/∂h₀‖ / ‖∂L/∂h₍T−1₎‖（第 T − 1 步是最后一步）：最后一步的梯度能传回第一步的比例。",
    ),
    "gradient_flow.radius": ("Spectral radius of the RNN's W_hh", "RNN 的 W_hh 谱半径"),
    "gradient_flow.radius_help": (
        "The largest |eigenvalue| of W_hh. Above 1 the linear part of the recurrence amplifies; the nonlinearity's slope "
        "(at most 1) can only shrink it again.",
        "W_hh 特征值模的最大值。大于 1 时，循环的线性部分会放大信号；激活函数的斜率（最大为 1）只能把它再缩小。",
    ),
    "gradient_flow.flow.title": ("How much gradient reaches each step", "每一步收到多少梯度"),
    "gradient_flow.flow.x": ("steps back from the last step, k = T − 1 − t", "距离最后一步的步数 k = T − 1 − t"),
    "gradient_flow.flow.hover": (
        "k = %{x} (step t = %{customdata}): %{y:.3~g}",
        "k = %{x}（第 t = %{customdata} 步）：%{y:.3~g}",
    ),
    "gradient_flow.flow.y": ("‖∂L/∂hₜ‖ (log scale)", "‖∂L/∂hₜ‖（对数坐标）"),
    "gradient_flow.flow_caption": (
        "The x axis counts steps back from the end: k = 0 is the last step ({last}), where the loss is computed; k = {last} "
        "is step 0. A vanishing gradient is a line going down from left to right, and a straight line on this log scale "
        "means the same factor is lost at every step; a line going up means an exploding gradient. A gap means the value "
        "is exactly 0, or below 10⁻³⁰⁸: too small for a float64, so the chart cannot draw it (the ratios above are computed "
        "from logarithms and show such values too). T = {T}. The LSTM of 1997 has no forget gate: its c "
        "passes the gradient back with factor 1 (the “constant error carousel”), so at the default weights its line stays "
        "high over many steps (as long as h feeds back at all: at weight scale 0 no gradient reaches an earlier step's "
        "h). The price is a cell state that grows without bound on a long input (see it in the explorer): with large "
        "weights on a long input its gates and tanh(c) saturate, and its line falls too (orthogonal at scale 2, "
        "T = 1000: about 10⁻⁶ at step 0).",
        "横轴是距离末尾的步数：k = 0 是最后一步（第 {last} 步），损失在这里计算；k = {last} 是第 0 步。梯度消失表现为一条"
        "从左往右向下的线；在对数坐标下，直线意味着每一步都损失相同的比例；向上的线意味着梯度爆炸。"
        "曲线中断表示数值恰好为 0，或小于 10⁻³⁰⁸：float64 存不下这么小的数，所以图表画不出来（上方的比值用对数计算，"
        "这样的值也能显示）。T = {T}。1997 年的 LSTM 没有遗忘门：它的 c 以系数 1 "
        "把梯度传回去（“恒定误差传送带”），所以在默认权重下，很多步之后它的线仍然很高（前提是 h 确实会反馈回来："
        "权重缩放为 0 时，梯度根本到不了更早一步的 h）。代价是输入很长时单元状态会无限增长（可在单元探索页中看到）："
        "权重大、输入又长时，它的门和 tanh(c) 会饱和，它的线也会下降（正交初始化、缩放 2、T = 1000 时，第 0 步约为 10⁻⁶）。",
    ),
    "gradient_flow.rnn_overflow": (
        "The vanilla RNN has no line and no ratio here: its hidden state grows past the largest number a float64 holds "
        "(about 1.8·10³⁰⁸) at step t = {t}. ReLU does not saturate, so at this weight scale the activations explode along "
        "with the gradient, and from that step on the recurrence computes only ∞ and NaN: the loss is not a number, and "
        "neither is any ‖∂L/∂hₜ‖. A shorter sequence or a smaller weight scale shows the explosion itself.",
        "这里没有普通 RNN 的曲线和比值：它的隐藏状态在第 t = {t} 步超过了 float64 能表示的最大数（约 1.8·10³⁰⁸）。"
        "ReLU 不会饱和，在这个权重缩放下，激活值会和梯度一起爆炸；从这一步起，循环只能算出 ∞ 和 NaN：损失不再是一个数，"
        "各步的 ‖∂L/∂hₜ‖ 也都不是。把序列缩短或把权重缩放调小，就能看到爆炸本身。",
    ),
    # --- section 2
    "gradient_flow.why_header": ("2. Why: the factor of each step", "2. 原因：每一步的因子"),
    "gradient_flow.why_intro": (
        "Going back one step multiplies the gradient gₜ = ∂L/∂hₜ by the transposed Jacobian of that step. "
        "Here are those factors for the settings above, step by step, and their running products.",
        "每往回传一步，梯度 gₜ = ∂L/∂hₜ 就要乘上这一步雅可比矩阵的转置。下面是上方设置下每一步的因子，以及它们的累乘。",
    ),
    "gradient_flow.rnn_header": ("Vanilla RNN: the Jacobian Jₜ", "普通 RNN：雅可比矩阵 Jₜ"),
    "gradient_flow.rnn_numbers": (
        "Typical largest singular value σₘₐₓ(Jₜ): {sigma} (the most one step can stretch the gradient). What a step "
        "really did to the gradient, on average (geometric mean): × {step}.",
        "σₘₐₓ(Jₜ) 的典型值（最大奇异值，一步最多能把梯度拉长多少）：{sigma}。每一步实际对梯度的作用（几何平均）：× {step}。",
    ),
    "gradient_flow.rnnfig.top": ("each step: σₘₐₓ(Jₜ) and the actual factor", "每一步：σₘₐₓ(Jₜ) 与实际因子"),
    "gradient_flow.rnnfig.bottom": ("running product back from the end", "从末端往回的累乘"),
    "gradient_flow.rnnfig.sigma": ("σₘₐₓ(Jₜ)", "σₘₐₓ(Jₜ)"),
    "gradient_flow.rnnfig.actual": ("actual factor ‖Jₜᵀgₜ‖ / ‖gₜ‖", "实际因子 ‖Jₜᵀgₜ‖ / ‖gₜ‖"),
    "gradient_flow.rnnfig.bound": ("Π σₘₐₓ (upper bound)", "Π σₘₐₓ（上界）"),
    "gradient_flow.rnnfig.ratio": ("actual ‖∂L/∂hₜ‖ / ‖∂L/∂h₍T−1₎‖", "实际比值 ‖∂L/∂hₜ‖ / ‖∂L/∂h₍T−1₎‖"),
    "gradient_flow.rnnfig.x": ("steps back from the last step, k = T − 1 − t", "距离最后一步的步数 k = T − 1 − t"),
    "gradient_flow.why_gaps": (
        "Where a line stops, its value is exactly 0 or below 10⁻³⁰⁸, too small for a float64, so the chart cannot draw "
        "it. The formula above is computed from logarithms: its result is the value of “{line}” at k = {last}.",
        "线在某处中断，表示那里的数值恰好为 0，或小于 10⁻³⁰⁸：float64 存不下，所以图表画不出来。"
        "上方的公式用对数计算，其结果就是“{line}”在 k = {last} 处的值。",
    ),
    "gradient_flow.why_gaps_high": (
        "Where a line stops, its value is beyond what a float64 can hold, so the chart cannot draw it: here the upper bound "
        "Π σₘₐₓ grows past 10³⁰⁸ (a line that stops on its way down is exactly 0 or below 10⁻³⁰⁸). The formula above is "
        "computed from logarithms: its result is the value of “{line}” at k = {last}.",
        "线在某处中断，表示那里的数值超出了 float64 能表示的范围，所以图表画不出来：这里的上界 Π σₘₐₓ 超过了 10³⁰⁸"
        "（向下走时中断的线，数值恰好为 0 或小于 10⁻³⁰⁸）。上方的公式用对数计算，其结果就是“{line}”在 k = {last} 处的值。",
    ),
    "gradient_flow.rnn_overflow_why": (
        "Nothing to multiply out: the hidden state overflowed at step t = {t} (see section 1), so the loss at step {last} "
        "is not a number, and neither is any factor on the way back to it.",
        "这里没有可以相乘的因子：隐藏状态在第 t = {t} 步溢出了（见第 1 节），所以第 {last} 步的损失不是一个数，"
        "回传途中的每个因子也都不是。",
    ),
    "gradient_flow.lstm_header": ("LSTM: the cell-state path", "LSTM：单元状态通路"),
    "gradient_flow.lstm_numbers": (
        "With forget-gate bias {fb} the gate starts near σ({fb}) = {sig}. Along the cell state the gradient is multiplied "
        "by fₜ, unit by unit, with no weight matrix in between. The LSTM's ratio above is for h, reached only "
        "through weights: it can stand far above this product, or below it (0 at weight scale 0).",
        "遗忘门偏置为 {fb} 时，门的初始值接近 σ({fb}) = {sig}。沿着单元状态，梯度逐维地乘以 fₜ，中间没有权重矩阵。"
        "上方 LSTM 的比值针对 h，梯度只经权重到达它：可能远大于这个乘积，也可能更小（权重缩放为 0 时为 0）。",
    ),
    "gradient_flow.lstmfig.top": ("recorded forget gates fₜ", "记录到的遗忘门 fₜ"),
    "gradient_flow.lstmfig.bottom": ("product of f over the last k steps, per unit", "最后 k 步的 f 之积（逐维）"),
    "gradient_flow.lstmfig.f_mean": ("mean fₜ", "fₜ 均值"),
    "gradient_flow.lstmfig.f_band": ("min–max over units", "各维最小–最大"),
    "gradient_flow.lstmfig.f_min": ("least fₜ over units", "各维中最小的 fₜ"),
    "gradient_flow.lstmfig.f_max": ("largest fₜ over units", "各维中最大的 fₜ"),
    "gradient_flow.lstmfig.keep_median": ("median unit", "中位数维度"),
    "gradient_flow.lstmfig.keep_max": ("unit that keeps most", "保留最多的维度"),
    "gradient_flow.lstmfig.x": ("steps back from the last step, k = T − 1 − t", "距离最后一步的步数 k = T − 1 − t"),
    # --- section 3
    "gradient_flow.clip_header": ("3. Exploding gradients and clipping", "3. 梯度爆炸与梯度裁剪"),
    "gradient_flow.clip_intro": (
        "A tanh RNN with an orthogonal W_hh scaled by {scale} has a gradient that grows with every step back. Trained on "
        "the adding problem (T = {T}) with plain SGD (learning rate {lr}), one huge gradient is one huge step: the weights "
        "jump, and the loss jumps with them to hundreds or more. **Gradient-norm clipping** rescales the gradient whenever "
        "its norm exceeds a threshold, g ← g · min(1, threshold / ‖g‖): same direction, bounded step. Both runs start "
        "from the same weights. Try the thresholds: at 0.25 and 1 the loss stays bounded and settles near the baseline; "
        "at 5 the steps are large enough for the loss to jump again, though far less than without clipping.",
        "若 tanh RNN 的 W_hh 是正交矩阵乘以 {scale}，它的梯度每往回传一步都会变大。用普通 SGD（学习率 {lr}）在加法问题"
        "（T = {T}）上训练时，一个巨大的梯度就是一次巨大的更新：权重剧烈跳变，损失也随之跳到几百甚至更高。**梯度范数裁剪**在梯度"
        "范数超过阈值时把梯度缩小：g ← g · min(1, 阈值 / ‖g‖)，方向不变，步长有界。两次训练的初始权重完全相同。"
        "试试不同的阈值：阈值为 0.25 和 1 时，损失保持有界，并稳定在基线附近；阈值为 5 时，步长仍然大到足以让损失再次跳高，"
        "但远不及不裁剪时那么高。",
    ),
    "gradient_flow.clip": ("Clipping threshold", "裁剪阈值"),
    "gradient_flow.clip_none": ("no clipping", "不裁剪"),
    "gradient_flow.clip_with": ("clipped at {clip}", "裁剪阈值 {clip}"),
    "gradient_flow.clipfig.loss": ("training MSE", "训练 MSE"),
    "gradient_flow.clipfig.norm": ("gradient norm before clipping", "裁剪前的梯度范数"),
    "gradient_flow.clipfig.x": ("training step", "训练步数"),
    "gradient_flow.clipfig.diverged": ("loss → ∞ ", "损失 → ∞ "),
    "gradient_flow.clipfig.baseline": ("always predict 1: 0.167", "总是预测 1：0.167"),
    "gradient_flow.clip_caption": (
        "Worst training loss after each curve's first point (the mean of the first {first} steps): without clipping "
        "{none_peak}; clipped at {clip}: {clipped_peak}, ending at {final} "
        "(always predicting 1 scores {baseline}). The clipped run still sees gradients of norm up to {worst}: clipping does not "
        "prevent the explosion, it only keeps one bad batch from throwing the weights away. The dotted line is the threshold.",
        "每条曲线第一个点（前 {first} 步的平均）之后最差的训练损失：不裁剪时 {none_peak}；裁剪阈值 {clip} 时 {clipped_peak}，"
        "最终为 {final}（总是预测 1 的得分为 {baseline}）。"
        "裁剪后的训练仍然会遇到范数高达 {worst} 的梯度：裁剪并不能阻止梯度爆炸，"
        "只是防止单个糟糕的批次一步就毁掉权重。点线为阈值。",
    ),
    "gradient_flow.clip_machine": (
        "These runs were computed once, on {machine}. The run is chaotic: the last bit of rounding, which differs between "
        "processors and math libraries, decides how high the unclipped loss climbs and whether it overflows to infinity "
        "(marked ∞). On another server the curves differ in detail; the unclipped run explodes on every one of them, "
        "and the clipped runs stay bounded.",
        "这些曲线是在 {machine} 上计算一次后保存的。这个训练过程是混沌的：不同处理器和数学库在最后一位上的舍入差异，决定了"
        "不裁剪时损失升到多高、是否溢出为无穷大（标记为 ∞）。换一台服务器，曲线的细节会不同；但不裁剪的训练在每台机器上都会爆炸，"
        "裁剪后的训练都保持有界。",
    ),
    # --- section 4
    "gradient_flow.adding_header": ("4. The long-lag experiment: the adding problem", "4. 长时滞实验：加法问题"),
    "gradient_flow.adding_intro": (
        "The classic test of long memory (Hochreiter & Schmidhuber 1997, experiment 4; later Le et al. 2015, Arjovsky "
        "et al. 2016). Each step carries two numbers: a random value from U(0, 1) and a marker (0 or 1). Exactly two "
        "steps are marked, one in each half of the sequence. The target, read after the last step, is the **sum of the two "
        "marked values**. Always answering 1 gives a test MSE of 1/6 ≈ **0.167**: a model below that line has learned to "
        "carry a value across up to T steps. All models get the same budget and the standard settings.",
        "检验长期记忆的经典任务（Hochreiter 与 Schmidhuber 1997 年的实验 4；之后 Le 等人 2015、Arjovsky 等人 2016 也使用）。"
        "每一步有两个数：一个来自 U(0, 1) 的随机值和一个标记（0 或 1）。恰好有两步被标记，序列前后两半各一个。"
        "目标在最后一步之后读出，"
        "是**两个被标记值之和**。总是回答 1 的测试 MSE 为 1/6 ≈ **0.167**：低于这条线的模型学会了把一个数值携带最多 T 步。"
        "所有模型使用相同的训练预算和标准设置。",
    ),
    "gradient_flow.reference_setup": (
        "Reference results computed by `bench/adding_problem.py --write-reference` on {machine}: hidden size {hidden_size}, "
        "batch {batch_size}, {steps:,} Adam steps (learning rate {lr}), gradient-norm clipping {clip}, LSTM forget-gate bias 1, "
        "a fresh batch every step, test MSE on 1,000 held-out sequences. Another processor rounds differently, so a run "
        "there, or your live run below, can leave the baseline a few hundred steps earlier or later: expected variation, "
        "not a failure.",
        "参考结果由 `bench/adding_problem.py --write-reference` 在 {machine} 上计算："
        "隐藏维度 {hidden_size}，批大小 {batch_size}，Adam 训练 {steps:,} 步（学习率 {lr}），"
        "梯度范数裁剪 {clip}，LSTM 遗忘门偏置 1，每一步使用新的批次，"
        "测试 MSE 在 1,000 条留出序列上计算。不同处理器的舍入方式不同，所以在别的机器上训练，或者你在下面的实时训练，"
        "离开基线的时间可能早几百步或晚几百步：这是正常的差异，并不是失败。",
    ),
    "gradient_flow.this_server": ("this server", "本服务器"),
    "gradient_flow.machine": ("{cpu} ({cores} cores), torch {torch}, {date}", "{cpu}（{cores} 核），torch {torch}，{date}"),
    "gradient_flow.no_reference": (
        "The reference results are missing: run `bench/adding_problem.py --write-reference`. The live run below still works.",
        "缺少参考结果：请运行 `bench/adding_problem.py --write-reference`。下面的实时训练仍可使用。",
    ),
    "gradient_flow.addfig.title": ("Test MSE after training, by sequence length", "训练后的测试 MSE 与序列长度"),
    "gradient_flow.addfig.x": ("sequence length T", "序列长度 T"),
    "gradient_flow.addfig.y": ("test MSE (log scale)", "测试 MSE（对数坐标）"),
    "gradient_flow.addfig.baseline": ("always predict 1: 0.167", "总是预测 1：0.167"),
    "gradient_flow.addfig.seed_hover": (
        "seed %{customdata}: %{y:.4~g}",
        "种子 %{customdata}：%{y:.4~g}",
    ),
    "gradient_flow.addfig.curves": ("Test MSE during training, T = {T}", "训练过程中的测试 MSE，T = {T}"),
    "gradient_flow.addfig.steps": ("training step", "训练步数"),
    "gradient_flow.ref_length": ("Training curves for length", "查看训练曲线的序列长度"),
    "gradient_flow.summary_header": (
        "Measured at T = {T} (always predicting 1 scores 0.167):",
        "在 T = {T} 时的测量结果（总是预测 1 的得分为 0.167）：",
    ),
    "gradient_flow.summary_line": (
        "- {model}: median test MSE **{mse}** over {n} seeds",
        "- {model}：测试 MSE 中位数 **{mse}**（{n} 个种子）",
    ),
    "gradient_flow.summary_line_one": (
        "- {model}: test MSE **{mse}** (1 seed)",
        "- {model}：测试 MSE **{mse}**（1 个种子）",
    ),
    "gradient_flow.adding_lesson": (
        "**Read the curves, not only the end points.** In the reference runs at T = {T} the LSTM sat on the baseline for "
        "{lo}–{hi} steps before it broke through (its test MSE fell below half the baseline): with a smaller budget it "
        "would have failed too (try a live run with {short} steps). The curves labelled “LSTM, forget bias 0” start their "
        "forget gate at σ(0) = 0.5; section 1 shows how much less gradient reaches the early steps at that "
        "initialisation. Here they broke through as well: the gradient at initialisation is where training starts, not "
        "a verdict, and training moves the gate. The vanilla RNN stayed on the baseline at T = 50 and T = 100: the "
        "gradient from the marked steps vanished on the way back. At T = 10 every model solves the task.",
        "**不要只看终点，也要看曲线。** 在 T = {T} 的参考实验中，LSTM 在基线上停留了 {lo}–{hi} 步才突破（测试 MSE 降到基线的"
        "一半以下）：如果训练预算更少，它同样会失败（可以实时训练一次，只训练 {short} 步试试）。"
        "标为“LSTM（遗忘门偏置 0）”的曲线，"
        "遗忘门初始值为 σ(0) = 0.5；第 1 节显示了这种初始化下能传回早期步骤的梯度少了多少。在这里它们同样突破了："
        "初始化时的梯度只是训练的起点，并不是定论，训练会调整遗忘门。普通 RNN 在 T = 50 和 T = 100 时始终停在基线上："
        "来自被标记步骤的梯度在回传途中消失了。T = 10 时，每个模型都能解决这个任务。",
    ),
    "gradient_flow.live_header": ("Train one yourself", "亲手训练一个"),
    "gradient_flow.live_model": ("Model", "模型"),
    "gradient_flow.live_T": ("Sequence length T", "序列长度 T"),
    "gradient_flow.live_steps": ("Training steps (batches of 64)", "训练步数（每批 64 条）"),
    "gradient_flow.live_start": ("Train", "开始训练"),
    "gradient_flow.live_stop": ("Stop", "停止"),
    "gradient_flow.live_none": (
        "Choose a model, a length and a budget, then press Train. Short sequences train in seconds; in the reference runs "
        "at T = {T} an LSTM needed {lo}–{hi} steps (minutes on a free core) before it left the baseline.",
        "选择模型、序列长度和训练步数，然后点击“开始训练”。短序列几秒钟就能训练完；在 T = {T} 的参考实验中，LSTM 需要 "
        "{lo}–{hi} 步（空闲时单核需要几分钟）才离开基线。",
    ),
    "gradient_flow.live_none_short": (
        "Choose a model, a length and a budget, then press Train. Short sequences train in seconds.",
        "选择模型、序列长度和训练步数，然后点击“开始训练”。短序列几秒钟就能训练完。",
    ),
    "gradient_flow.live_progress": ("Step {done} of {total}", "第 {done} 步，共 {total} 步"),
    "gradient_flow.live_curve": ("your {model}, T = {T}", "你的 {model}，T = {T}"),
    "gradient_flow.curve_name": ("{model} · seed {seed}", "{model} · 种子 {seed}"),
    "gradient_flow.col.k": ("steps back k", "回溯步数 k"),
    "gradient_flow.col.t": ("step t", "时间步 t"),
    "gradient_flow.col.model": ("model", "模型"),
    "gradient_flow.col.seq_len": ("sequence length T", "序列长度 T"),
    "gradient_flow.col.test_mse": ("final test MSE", "最终测试 MSE"),
    "gradient_flow.ref_curve": ("reference: {model} · seed {seed}", "参考结果：{model} · 种子 {seed}"),
    "gradient_flow.live_running": (
        "Training… test MSE so far {mse} after {seconds} s.",
        "训练中……目前测试 MSE 为 {mse}，已用时 {seconds} 秒。",
    ),
    "gradient_flow.live_done": ("Finished: test MSE {mse} ({seconds} s).", "训练完成：测试 MSE 为 {mse}（用时 {seconds} 秒）。"),
    "gradient_flow.live_stopped": ("Stopped: test MSE {mse} ({seconds} s).", "已停止：测试 MSE 为 {mse}（用时 {seconds} 秒）。"),
    "gradient_flow.live_diverged": (
        "The loss became infinite and training ended ({seconds} s).",
        "损失变成了无穷大，训练已终止（用时 {seconds} 秒）。",
    ),
    # --- errors
    "gradient_flow.err_seq_len": (
        "The sequence length must be between 2 and {max} (got {value}).",
        "序列长度必须在 2 到 {max} 之间（当前为 {value}）。",
    ),
    "gradient_flow.err_hidden": (
        "The hidden size must be between 1 and {max} (got {value}).",
        "隐藏维度必须在 1 到 {max} 之间（当前为 {value}）。",
    ),
    "gradient_flow.err_input": (
        "The input size must be between 1 and {max} (got {value}).",
        "输入维度必须在 1 到 {max} 之间（当前为 {value}）。",
    ),
    "gradient_flow.err_scale": (
        "The weight scale must be between 0 and 10 (got {value}).",
        "权重缩放必须在 0 到 10 之间（当前为 {value}）。",
    ),
    "gradient_flow.err_bias": (
        "The forget-gate bias must be between −20 and 20 (got {value}).",
        "遗忘门偏置必须在 −20 到 20 之间（当前为 {value}）。",
    ),
    "gradient_flow.err_choice": ("Unknown initialisation or nonlinearity.", "未知的初始化方式或激活函数。"),
    "gradient_flow.err_budget": (
        "Training steps must be between 1 and 100,000 and the batch between 1 and 1024 (got {steps} and {batch}).",
        "训练步数必须在 1 到 100000 之间，批大小必须在 1 到 1024 之间（当前为 {steps} 和 {batch}）。",
    ),
    "gradient_flow.err_live": (
        "A live run takes a length of at most {max_len} and at most {max_steps} steps.",
        "实时训练的序列长度最多为 {max_len}，训练步数最多为 {max_steps}。",
    ),
}
