STRINGS = {
    "home.title": ("LSTM Lab: watch a gate open", "LSTM 实验室：亲眼看见门的开合"),
    "home.intro": (
        "Everyone reads that an LSTM *uses gates to remember long-term dependencies*. Here you see them: "
        "every gate, every cell state, every number, at every time step.",
        "人人都读过“LSTM 用门来记住长期依赖”。在这里，你可以亲眼看到每一个时间步上的每一个门、每一个单元状态、每一个数值。",
    ),
    "home.cell_header": ("The LSTM cell", "LSTM 单元"),
    "home.cell_caption": (
        "The orange line on top is the cell state c, a highway through time: the forget gate f scales what is "
        "kept, the input gate i decides how much of the candidate g is written, and the output gate o decides "
        "how much of tanh(c) becomes the hidden state h that the next layer (and the next step) sees.",
        "顶部的橙色线是单元状态 c，一条贯穿时间的“高速公路”：遗忘门 f 决定保留多少旧记忆，输入门 i 决定写入"
        "多少候选值 g，输出门 o 决定 tanh(c) 中有多少成为隐藏状态 h，交给下一层（和下一个时间步）。",
    ),
    "home.cell_alt": (
        "Diagram of an LSTM cell. The cell state c runs along the top from c(t-1) to c(t); it is multiplied by the "
        "forget gate f and then the product of the input gate i and the candidate g is added. The inputs h(t-1) and "
        "x(t) enter at the bottom and feed the three gates and the candidate. The output gate o multiplies tanh(c(t)) "
        "to give h(t).",
        "LSTM 单元示意图。单元状态 c 沿顶部从 c(t-1) 流向 c(t)：先乘以遗忘门 f，再加上输入门 i 与候选值 g 的乘积。"
        "输入 h(t-1) 和 x(t) 从底部进入，送往三个门和候选值。输出门 o 与 tanh(c(t)) 相乘得到 h(t)。",
    ),
    "home.gate.f": ("forget gate", "遗忘门"),
    "home.gate.i": ("input gate", "输入门"),
    "home.gate.g": ("candidate", "候选值"),
    "home.gate.o": ("output gate", "输出门"),
    "home.equations_header": ("The equations (PyTorch's convention)", "公式（PyTorch 约定）"),
    "home.equations_note": (
        "σ is the logistic sigmoid (values in 0…1, so a gate is a soft switch), ⊙ is element-wise "
        "multiplication. These are the very lines the app's code computes.",
        "σ 是 logistic sigmoid 函数（取值 0…1，所以门是一个“软开关”），⊙ 表示逐元素相乘。本应用的代码逐行计算的正是这些公式。",
    ),
    "home.why_header": ("Why the highway matters", "为什么这条高速公路很重要"),
    "home.why": (
        "Along the cell state, the gradient from step t back to step t−1 is multiplied by fₜ, "
        "nothing else: when the forget gate stays near 1, information and gradient travel hundreds of steps. "
        "A vanilla RNN multiplies by a full Jacobian with tanh' ≤ 1 at every step instead, and its gradient "
        "vanishes (or explodes).",
        "沿着单元状态，从第 t 步回传到第 t−1 步的梯度只乘以 fₜ：当遗忘门接近 1 时，信息和梯度可以传递数百步。"
        "而普通 RNN 每一步都要乘以一个完整的雅可比矩阵（其中 tanh' ≤ 1），梯度因此消失（或爆炸）。",
    ),
    "home.scratch_header": (
        "Build it from zero: an LSTM in NumPy, with backpropagation through time",
        "从零实现：用 NumPy 写 LSTM 和随时间反向传播",
    ),
    "home.scratch_intro": (
        "Each line of the forward pass is one equation above. The backward pass walks the steps in reverse; note "
        "`dc_next = dc * f`: along the cell state the gradient is only multiplied by the forget gate. The tests check "
        "these hand-written gradients against PyTorch's autograd to 1e-6.",
        "前向传播的每一行对应上面的一条公式。反向传播按时间倒序逐步计算；注意 `dc_next = dc * f`："
        "沿着单元状态，梯度只乘以遗忘门。测试会把这些手写梯度与 PyTorch 自动求导的结果比对，误差小于 1e-6。",
    ),
    "home.tour_header": ("Where to go next", "接下来去哪里"),
    "home.tour.explorer": (
        "Step through a sentence or a sequence and watch i, f, g, o, c and h with the real numbers.",
        "逐步运行一个句子或序列，看 i、f、g、o、c、h 的真实数值。",
    ),
    "home.tour.gradient_flow": (
        "Make a vanilla RNN's gradient vanish and explode; see the LSTM's survive; run the adding problem.",
        "让普通 RNN 的梯度消失和爆炸，看 LSTM 的梯度如何保留；运行“加法问题”实验。",
    ),
    "home.tour.train": (
        "Train a sentiment or sequence classifier and watch accuracy, precision, recall and F1 move live.",
        "训练情感或序列分类器，实时观察准确率、精确率、召回率和 F1 的变化。",
    ),
    "home.tour.text_pipeline": (
        "Follow a sentence through lower-casing, tokenising, the vocabulary, padding and the embedding.",
        "跟随一个句子走完小写化、分词、词表、填充和嵌入的每一步。",
    ),
    "home.tour.metrics": (
        "Take accuracy, precision, recall, specificity and F1 apart on a confusion matrix you edit.",
        "在可编辑的混淆矩阵上拆解准确率、精确率、召回率、特异度和 F1。",
    ),
    "home.tour.forecast": (
        "Forecast a real time series the way tutorials teach it, but leak-free and against honest baselines.",
        "像教程那样预测真实时间序列，但不带信息泄漏，并与公平的基线比较。",
    ),
    "home.tour.lessons": (
        "A guided path of short lessons with predict-then-run prompts and quizzes.",
        "一条循序渐进的短课程路线，包含“先预测再运行”的练习和小测验。",
    ),
}
