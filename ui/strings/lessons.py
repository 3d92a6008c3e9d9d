# ruff: noqa: E501  (prose: long sentences read better unbroken)
"""Lesson texts for /lessons. The lesson structure (order, links, correct answers) lives in
ui/lessons_content.py; keys: lessons.<slug>.title / body / predict / link<k> / q<k> / q<k>.a<j> / q<k>.why.
LaTeX uses the app's symbols (lstm_core/equations.py)."""

# The tutorial's model in lesson 8, the same code in both languages (only its comments are translated).
TUTORIAL_FIT = (
    "```python\n"
    "import json\n"
    "import keras\n"
    "from keras import layers\n\n"
    "(x_train, y_train), _ = keras.datasets.imdb.load_data(num_words=10000)\n"
    "x_train = keras.utils.pad_sequences(x_train, maxlen=200)\n"
    "model = keras.Sequential([\n"
    '    keras.Input((None,), dtype="int32"),\n'
    "    layers.Embedding(10000, 128),\n"
    "    layers.LSTM(128),\n"
    '    layers.Dense(1, activation="sigmoid"),\n'
    "])\n"
    'model.compile("adam", "binary_crossentropy", metrics=["accuracy"])\n'
    "model.fit(x_train, y_train, epochs=2, validation_split=0.2)\n"
)

_PAGE = {
    "lessons.intro": (
        "Eight short lessons, each about ten minutes. Read, **predict first**, then open the linked page "
        "(it opens in a new tab with the right settings) and check your prediction. Finish with the quiz: "
        "a lesson counts as done when all its answers are right.",
        "共八节短课，每节课大约十分钟。读完课文，**先写下预测**，再打开链接的页面（会在新标签页中以合适的设置打开），"
        "检验你的预测。最后做小测验：全部答对即完成本课。",
    ),
    "lessons.pick": ("Lesson", "课程"),
    "lessons.progress": ("{done} of {total} lessons done", "已完成 {done} / {total} 课"),
    # the progress line's marks as a screen reader says them (it shows "1 ✓ · 2")
    "lessons.mark_done": ("Lesson {n}: done.", "第 {n} 课：已完成。"),
    "lessons.mark_not_done": ("Lesson {n}: not done.", "第 {n} 课：未完成。"),
    "lessons.kept": (
        "Your quiz answers stay in this browser, so a reload keeps your progress; “Start the lessons over” clears them. "
        "What you write in the prediction boxes stays while this tab is open, from lesson to lesson; a reload clears it.",
        "测验答案保存在本浏览器中，刷新页面不会丢失进度；“重新开始全部课程”会清除它们。"
        "预测框里写的内容在本标签页打开期间会保留（切换课程也不丢），刷新页面后会清空。",
    ),
    "lessons.number": ("Lesson {n}", "第 {n} 课"),
    "lessons.predict_header": ("Predict first, then run", "先预测，再运行"),
    "lessons.your_prediction": ("Your prediction (only you see it)", "你的预测（只有你能看到）"),
    "lessons.open_hint": ("Opens in a new tab with these settings:", "将在新标签页中以如下设置打开："),
    "lessons.quiz_header": ("Quiz", "小测验"),
    "lessons.check": ("Check my answers", "检查答案"),
    "lessons.no_answer": ("Pick an answer first.", "请先选择一个答案。"),
    "lessons.right": ("Right.", "回答正确。"),
    "lessons.wrong": (
        "Not quite. Reread the lesson's paragraph on this, or open its link and look again, then try once more.",
        "不太对。重读课文中讲这一点的段落，或打开链接再看一看，然后再试一次。",
    ),
    "lessons.show_answer": ("Show the answer to question {n} and why", "显示第 {n} 题的答案和解释"),
    "lessons.answer_is": ("The answer is “{answer}”.", "正确答案是“{answer}”。"),
    "lessons.score": ("{right} of {total} right.", "答对 {right} / {total} 题。"),
    "lessons.all_right": ("All right: lesson done!", "全部正确：本课完成！"),
    "lessons.next": ("Next lesson", "下一课"),
    "lessons.previous": ("Previous lesson", "上一课"),
    "lessons.reset": ("Start the lessons over", "重新开始全部课程"),
    "lessons.reset_what": (
        "This clears your quiz answers and predictions in every lesson, in this browser.",
        "这会清除你在所有课程中的测验答案和预测（仅限本浏览器）。",
    ),
    "lessons.reset_confirm": ("Clear them and start over", "清除并重新开始"),
    "lessons.finished": (
        "You have finished every lesson. Try the pages again with your own settings, or share a link with a classmate.",
        "你已完成全部课程。可以用自己的设置再试试各个页面，或者把链接分享给同学。",
    ),
}

# One lesson: title, body (Markdown, paragraphs separated by blank lines), the prediction prompt,
# link labels, and questions as (question, [options], why).
_LESSONS = {
    "rnn_forgets": {
        "title": ("Why a vanilla RNN forgets", "为什么普通 RNN 会遗忘"),
        "body": (
            "A vanilla RNN (also called a plain or Elman RNN) keeps a single vector, the hidden state, and overwrites it at every step:\n\n"
            "$h_t = \\tanh(W_{ih} x_t + b_{ih} + W_{hh} h_{t-1} + b_{hh})$\n\n"
            "Whatever the network knows about an early word must survive being multiplied by $W_{hh}$ and squashed "
            "by tanh again and again, while every new input is mixed in. After a few dozen steps the hidden state "
            "mostly reflects the recent past.\n\n"
            "Training has the same problem in reverse. To learn how the first word affected a loss at step $T$, "
            "backpropagation through time multiplies one Jacobian per step: "
            "$\\partial h_t / \\partial h_{t-1} = \\operatorname{diag}(1 - h_t^2)\\, W_{hh}$. When these factors "
            "shrink vectors (tanh saturates, or the largest singular value of $W_{hh}$ is below 1), the product "
            "decays exponentially with distance: the **vanishing gradient**. When they stretch vectors, it can "
            "grow exponentially instead: the **exploding gradient**.\n\n"
            "So a vanilla RNN can in principle represent a long-range dependency, but gradient descent rarely finds "
            "it: the signal from 50 steps back is drowned by the signal from the last few steps.",
            "普通（Elman）RNN 只有一个向量——隐藏状态，并且每一步都会重写它：\n\n"
            "$h_t = \\tanh(W_{ih} x_t + b_{ih} + W_{hh} h_{t-1} + b_{hh})$\n\n"
            "网络对前面某个词的记忆，必须一次又一次地乘以 $W_{hh}$、再被 tanh 压缩，同时每一步都混入新的输入。"
            "几十步之后，隐藏状态反映的主要是最近的内容。\n\n"
            "训练时，同样的问题反过来出现。要知道第一个词如何影响第 $T$ 步的损失，随时间反向传播需要把每一步的"
            "雅可比矩阵连乘起来：$\\partial h_t / \\partial h_{t-1} = \\operatorname{diag}(1 - h_t^2)\\, W_{hh}$。"
            "如果这些因子会把向量缩小（tanh 饱和，或 $W_{hh}$ 的最大奇异值小于 1），乘积就会随距离呈指数衰减，"
            "这就是**梯度消失**；如果它们把向量放大，乘积也可能指数增长，即**梯度爆炸**。\n\n"
            "因此，普通 RNN 理论上能表示长距离依赖，但梯度下降很难学到：50 步之前传回的信号，"
            "会被最近几步的信号淹没。",
        ),
        "predict": (
            "The first link opens the cell explorer with a vanilla RNN (tanh) reading a sentence whose first word is "
            "“Not”. **Before you open it, write down:** will the hidden state at the last word still look clearly "
            "different because of that first word? The page opens on **What if?**, which runs the same sentence "
            "without its first word side by side with the original: the **change at the last step** answers the "
            "question. Then compare with the second link: a hand-built LSTM memory cell reading the same sentence.",
            "第一个链接会在单元探索页中打开一个普通 tanh RNN，它读入的句子第一个字就是否定词“不”。"
            "**打开之前先写下你的预测**：读到最后一个词时，隐藏状态还会明显带有开头那个否定词的痕迹吗？"
            "页面会打开“如果……会怎样？”标签页，把去掉第一个词的同一句话与原句并排运行：**最后一步的变化**就是答案。"
            "再对比第二个链接：一个手工搭建的 LSTM 记忆单元读同一句话。",
        ),
        "links": [
            ("Vanilla RNN, long sentence", "普通 RNN，长句子"),
            ("Hand-built LSTM memory, same sentence", "手工 LSTM 记忆单元，同一句子"),
        ],
        "quiz": [
            (
                (
                    "Why does the gradient through a vanilla RNN often vanish over many steps?",
                    "为什么普通 RNN 的梯度经过很多步后常常会消失？",
                ),
                [
                    (
                        "It is a product of one Jacobian per step, and these factors often shrink vectors",
                        "它是每一步雅可比矩阵的连乘，而这些因子常常会把向量缩小",
                    ),
                    ("tanh is not differentiable", "tanh 不可导"),
                    ("The learning rate is always too small", "学习率总是太小"),
                    ("The hidden state is reset to zero at every step", "隐藏状态每一步都被清零"),
                ],
                (
                    "Backpropagation through time multiplies $\\operatorname{diag}(1-h_t^2) W_{hh}$ once per step. "
                    "If each factor shrinks vectors by, say, 0.8, fifty steps leave $0.8^{50} \\approx 10^{-5}$ of "
                    "the gradient. tanh is differentiable everywhere; a larger learning rate scales every gradient "
                    "alike and cannot fix the imbalance between near and far steps.",
                    "随时间反向传播每一步都要乘一次 $\\operatorname{diag}(1-h_t^2) W_{hh}$。如果每个因子把向量缩小到 "
                    "0.8 倍，50 步后只剩 $0.8^{50} \\approx 10^{-5}$。tanh 处处可导；调大学习率会把所有梯度一起放大，"
                    "无法弥补远近步骤之间的悬殊。",
                ),
            ),
            (
                ("What is a vanilla RNN missing that an LSTM has?", "与 LSTM 相比，普通 RNN 缺少什么？"),
                [
                    ("A hidden state", "隐藏状态"),
                    (
                        "A separate memory updated by addition, with gates deciding what to keep and write",
                        "一个以加法更新、由门控制保留和写入内容的独立记忆",
                    ),
                    ("Weights shared across time steps", "在各时间步之间共享的权重"),
                    ("A nonlinearity", "非线性激活函数"),
                ],
                (
                    "Both have a hidden state, share weights across time and use nonlinearities. The LSTM adds the "
                    "cell state $c_t$, updated as $f_t \\odot c_{t-1} + i_t \\odot g_t$: no weight matrix and no "
                    "squashing on the path from one step to the next.",
                    "二者都有隐藏状态、都在时间步之间共享权重、都用非线性函数。LSTM 多了单元状态 $c_t$，按 "
                    "$f_t \\odot c_{t-1} + i_t \\odot g_t$ 更新：从一步到下一步的路径上没有权重矩阵，也没有压缩函数。",
                ),
            ),
            (
                (
                    "Gradient clipping (rescaling the gradient when its norm is too large) helps against…",
                    "梯度裁剪（梯度范数过大时按比例缩小）能应对……",
                ),
                [
                    ("vanishing gradients", "梯度消失"),
                    ("exploding gradients", "梯度爆炸"),
                    ("both equally", "两者同样有效"),
                ],
                (
                    "Clipping only ever makes a large gradient smaller, so it tames explosions. It cannot make a tiny "
                    "gradient larger: vanishing needs a different architecture, such as the LSTM's cell state.",
                    "裁剪只会把过大的梯度变小，所以能抑制爆炸；它无法把极小的梯度变大。梯度消失需要换结构来解决，"
                    "比如 LSTM 的单元状态。",
                ),
            ),
        ],
    },
    "highway": {
        "title": ("The cell state as a highway", "单元状态：一条高速公路"),
        "body": (
            "An LSTM keeps a second state, the **cell state** $c_t$, and updates it by addition:\n\n"
            "$c_t = f_t \\odot c_{t-1} + i_t \\odot g_t$\n\n"
            "On the way from $c_{t-1}$ to $c_t$ there is no weight matrix and no squashing, only an element-wise "
            "multiplication by the forget gate $f_t$. When $f_t \\approx 1$ and the input gate $i_t \\approx 0$, "
            "the memory is carried forward unchanged: a highway through time.\n\n"
            "The same holds for gradients. Along this direct path, "
            "$\\partial c_t / \\partial c_{t-1} = \\operatorname{diag}(f_t)$, so the gradient that reaches "
            "$k$ steps back is scaled by $f_t \\odot f_{t-1} \\odot \\cdots$, factors the network itself controls. "
            "(The gates depend on $h_{t-1}$ and so indirectly on $c_{t-1}$; those extra paths exist, but the direct "
            "one is what keeps long-range gradients alive.) This is Hochreiter and Schmidhuber's "
            "“constant error carousel” (1997); the forget gate was added by Gers et al. (2000).\n\n"
            "**Memory half-life.** With a constant forget gate $f$ and nothing written, $c_{t+k} = f^k c_t$, which "
            "halves after $\\ln 0.5 / \\ln f$ steps: 1 step for $f = 0.5$, about 6.6 for $f = 0.9$, about 69 for "
            "$f = 0.99$. That is why many implementations start the forget-gate bias at 1 or more. The models on "
            "/train and /forecast do not: they keep PyTorch's default initialisation, which draws every bias, the "
            "forget gate's two included, from $U(\\pm 1/\\sqrt{H})$, so $f$ starts near $\\sigma(0) = 0.5$.",
            "LSTM 还有第二个状态——**单元状态** $c_t$，它以加法更新：\n\n"
            "$c_t = f_t \\odot c_{t-1} + i_t \\odot g_t$\n\n"
            "从 $c_{t-1}$ 到 $c_t$ 的路上没有权重矩阵，也没有压缩函数，只有与遗忘门 $f_t$ 的逐元素相乘。"
            "当 $f_t \\approx 1$ 且输入门 $i_t \\approx 0$ 时，记忆原样向前传递：这就是一条穿越时间的高速公路。\n\n"
            "梯度也是如此。沿着这条直接路径，$\\partial c_t / \\partial c_{t-1} = \\operatorname{diag}(f_t)$，"
            "所以传回 $k$ 步之前的梯度被 $f_t \\odot f_{t-1} \\odot \\cdots$ 缩放，而这些因子由网络自己控制。"
            "（各个门依赖 $h_{t-1}$，因而间接依赖 $c_{t-1}$，这些额外路径也存在，但让长距离梯度得以保留的是这条直接路径。）"
            "这就是 Hochreiter 和 Schmidhuber 提出的“恒定误差传送带”（1997）；遗忘门由 Gers 等人于 2000 年加入。\n\n"
            "**记忆半衰期**。若遗忘门恒为 $f$ 且不写入新内容，则 $c_{t+k} = f^k c_t$，经过 $\\ln 0.5 / \\ln f$ 步减半："
            "$f = 0.5$ 时 1 步，$f = 0.9$ 时约 6.6 步，$f = 0.99$ 时约 69 步。"
            "这正是许多实现把遗忘门偏置初始化为 1 或更大的原因。训练页面和时间序列预测页面上的模型没有这样做："
            "它们沿用 PyTorch 的默认初始化，所有偏置（包括遗忘门的两个偏置）都从 $U(\\pm 1/\\sqrt{H})$ 中抽取，"
            "因此 $f$ 的初始值接近 $\\sigma(0) = 0.5$。",
        ),
        "predict": (
            "The link opens the cell explorer's **Single-unit lab** tab with the forget-gate bias set to 3, so at rest "
            "$f = \\sigma(3) \\approx 0.95$. **Predict first:** how many steps until the stored value has halved? "
            "Then read the half-life in the lab and try other biases.",
            "链接会打开单元探索页的“一维单元实验室”标签页，并把遗忘门偏置设为 3，静息时 $f = \\sigma(3) \\approx 0.95$。"
            "**先预测**：存储的值要经过多少步才会减半？然后在实验室里读出半衰期，再试试其他偏置。",
        ),
        "links": [("Single-unit lab, forget bias 3", "一维单元实验室，遗忘门偏置 3")],
        "quiz": [
            (
                (
                    "Along the direct path through the cell state, ∂cₜ / ∂cₜ₋₁ equals…",
                    "沿单元状态的直接路径，∂cₜ / ∂cₜ₋₁ 等于……",
                ),
                [],  # formulas, the same in both languages: ui.lessons_content.DIFFERENTIALS
                (
                    "Differentiate $c_t = f_t \\odot c_{t-1} + i_t \\odot g_t$ with respect to $c_{t-1}$, holding the "
                    "gates fixed: only $f_t$ remains, element by element, so the Jacobian is the diagonal matrix "
                    "$\\operatorname{diag}(f_t)$. The term $i_t \\odot g_t$ does not contain $c_{t-1}$.",
                    "把 $c_t = f_t \\odot c_{t-1} + i_t \\odot g_t$ 对 $c_{t-1}$ 求导（门的值视为固定）：逐元素只剩下 "
                    "$f_t$，所以雅可比矩阵是对角矩阵 $\\operatorname{diag}(f_t)$。$i_t \\odot g_t$ 这一项不含 $c_{t-1}$。",
                ),
            ),
            (
                (
                    "A unit's forget gate stays at 0.9 and nothing is written. After 10 steps, about how much of its cell value is left?",
                    "某一维的遗忘门保持 0.9，且没有写入新内容。10 步之后，单元状态大约还剩多少？",
                ),
                [("90%", "90%"), ("35%", "35%"), ("10%", "10%"), ("0%", "0%")],
                (
                    "$c_{t+10} = 0.9^{10}\\, c_t \\approx 0.35\\, c_t$. The memory fades geometrically, not linearly; "
                    "its half-life is $\\ln 0.5 / \\ln 0.9 \\approx 6.6$ steps.",
                    "$c_{t+10} = 0.9^{10}\\, c_t \\approx 0.35\\, c_t$。记忆按几何级数衰减，而不是线性衰减；"
                    "半衰期为 $\\ln 0.5 / \\ln 0.9 \\approx 6.6$ 步。",
                ),
            ),
            (
                (
                    "Why do many LSTM implementations initialise the forget-gate bias to a positive value, such as 1?",
                    "为什么许多 LSTM 实现把遗忘门偏置初始化为正数（例如 1）？",
                ),
                [
                    ("So the output gate starts open", "为了让输出门一开始就打开"),
                    (
                        "So that f starts close to 1 and memories and gradients survive early training",
                        "让 f 一开始接近 1，使记忆和梯度在训练初期得以保留",
                    ),
                    ("To make training deterministic", "为了让训练结果可复现"),
                    ("To prevent exploding gradients", "为了防止梯度爆炸"),
                ],
                (
                    "With bias 0 a fresh forget gate sits near $\\sigma(0) = 0.5$ and halves the memory, and its "
                    "gradient, at every step. A positive bias starts it near 1 ($\\sigma(1) \\approx 0.73$, "
                    "$\\sigma(3) \\approx 0.95$), so long-range signals reach the weights from the start "
                    "(Jozefowicz et al., 2015).",
                    "偏置为 0 时，初始遗忘门约为 $\\sigma(0) = 0.5$，每一步都把记忆和梯度减半。正的偏置让它从接近 1 "
                    "开始（$\\sigma(1) \\approx 0.73$，$\\sigma(3) \\approx 0.95$），长距离信号从一开始就能传到权重"
                    "（Jozefowicz 等，2015）。",
                ),
            ),
        ],
    },
    "gates": {
        "title": ("The gates one by one", "逐个认识各个门"),
        "body": (
            "Each gate is a vector with one value per unit, computed from the current input and the previous hidden "
            "state. Gates use the sigmoid $\\sigma$, so they are soft switches between 0 and 1:\n\n"
            "- **Forget gate** $f_t = \\sigma(W_{if} x_t + b_{if} + W_{hf} h_{t-1} + b_{hf})$: how much of each "
            "memory value to keep (0 erases, 1 keeps).\n"
            "- **Input gate** $i_t = \\sigma(W_{ii} x_t + b_{ii} + W_{hi} h_{t-1} + b_{hi})$: how much of the "
            "candidate to write.\n"
            "- **Candidate** $g_t = \\tanh(W_{ig} x_t + b_{ig} + W_{hg} h_{t-1} + b_{hg})$: *what* to write. It "
            "uses tanh, between −1 and 1, so it can push a memory down as well as up (some books call it "
            "$\\tilde c_t$).\n"
            "- **Output gate** $o_t = \\sigma(W_{io} x_t + b_{io} + W_{ho} h_{t-1} + b_{ho})$: how much of the "
            "memory to show, $h_t = o_t \\odot \\tanh(c_t)$.\n\n"
            "Closing the output gate hides the memory from the rest of the network without erasing it: with the forget "
            "gate open ($f_t \\approx 1$), $h_t$ drops to about 0 while $c_t$ keeps its value. Closing the input gate protects the memory from new input.\n\n"
            "Variants change the wiring. A **peephole** LSTM (Gers and Schmidhuber, 2000) adds terms such as "
            "$w_{cf} \\odot c_{t-1}$ inside the gates, so they can look at the cell state. They are not part of the "
            "standard LSTM above, and neither PyTorch's `nn.LSTM` nor Keras's `LSTM` has them: a list of equations "
            "that mixes them in without saying so describes a different model. A **GRU** (Cho et al., 2014, a "
            "simplification of the LSTM with a forget gate) has two gates: a **reset gate** $r_t$, how much of $h_{t-1}$ feeds "
            "the candidate, and an **update gate** $z_t$, how much of the state is replaced. It has no separate "
            "cell state and no output gate; texts that give it “update and output gates” are wrong. PyTorch writes "
            "$h_t = (1 - z_t) \\odot n_t + z_t \\odot h_{t-1}$, so $z_t = 1$ keeps the state (the forget gate's part, "
            "and its colour in the explorer), as Cho et al. did; Chung et al. (2014) and many books swap $z_t$ and $1 - z_t$.\n\n"
            "**Notation.** Textbooks write one matrix on the joined vector, $f_t = \\sigma(W_f [h_{t-1}, x_t] + b_f)$. "
            "PyTorch splits that matrix into $W_{if}$ (for $x_t$) and $W_{hf}$ (for $h_{t-1}$), as above, and keeps two "
            "biases $b_{if}$ and $b_{hf}$ (cuDNN's layout). Only their sum acts, so two biases compute nothing one "
            "could not: $b_f = b_{if} + b_{hf}$.",
            "每个门都是一个向量，隐藏状态的每一维对应一个值，由当前输入和上一步的隐藏状态计算。门使用 sigmoid 函数 "
            "$\\sigma$，因此是介于 0 和 1 之间的“软开关”：\n\n"
            "- **遗忘门** $f_t = \\sigma(W_{if} x_t + b_{if} + W_{hf} h_{t-1} + b_{hf})$：每个记忆值保留多少（0 表示清除，1 表示保留）。\n"
            "- **输入门** $i_t = \\sigma(W_{ii} x_t + b_{ii} + W_{hi} h_{t-1} + b_{hi})$：候选值写入多少。\n"
            "- **候选值** $g_t = \\tanh(W_{ig} x_t + b_{ig} + W_{hg} h_{t-1} + b_{hg})$：写入*什么*。它用 tanh，"
            "取值在 −1 到 1 之间，所以既能把记忆调高也能调低（有些书记作 $\\tilde c_t$）。\n"
            "- **输出门** $o_t = \\sigma(W_{io} x_t + b_{io} + W_{ho} h_{t-1} + b_{ho})$：把多少记忆展示出来，"
            "$h_t = o_t \\odot \\tanh(c_t)$。\n\n"
            "关闭输出门可以把记忆对网络其他部分隐藏起来而不删除它：只要遗忘门打开（$f_t \\approx 1$），"
            "$h_t$ 降到约 0，而 $c_t$ 保持不变。"
            "关闭输入门则能保护记忆不被新输入改写。\n\n"
            "各种变体改变了连接方式。**窥视孔连接**（peephole）LSTM（Gers 与 Schmidhuber，2000）在门里加入 "
            "$w_{cf} \\odot c_{t-1}$ 这样的项，让门也能看到单元状态。它们不属于上面的标准 LSTM，PyTorch 的 `nn.LSTM` "
            "和 Keras 的 `LSTM` 都没有这些项：公式里混入它们却不加说明，描述的其实是另一个模型。**GRU**"
            "（Cho 等，2014，是对带遗忘门的 LSTM 的简化）有两个门：**重置门** $r_t$ 决定 $h_{t-1}$ 有多少进入候选值，"
            "**更新门** $z_t$ 决定状态有多少被替换。它没有单独的单元状态，也没有输出门；说 GRU 有“更新门和输出门”是错的。"
            "PyTorch 写作 $h_t = (1 - z_t) \\odot n_t + z_t \\odot h_{t-1}$，所以 $z_t = 1$ 时保持状态（相当于遗忘门的作用，"
            "在单元探索页中也用遗忘门的颜色），与 Cho 等人的原文相同；Chung 等人（2014）和不少书把 $z_t$ 与 $1 - z_t$ 对调。\n\n"
            "**记号。** 教科书把一个矩阵作用在拼接向量上：$f_t = \\sigma(W_f [h_{t-1}, x_t] + b_f)$。"
            "PyTorch 把这个矩阵拆成 $W_{if}$（作用于 $x_t$）和 $W_{hf}$（作用于 $h_{t-1}$），如上所示，并保留两个偏置 "
            "$b_{if}$ 和 $b_{hf}$（cuDNN 的存储方式）。起作用的只是它们的和，所以两个偏置并不能多算出什么："
            "$b_f = b_{if} + b_{hf}$。",
        ),
        "predict": (
            "In the explorer's **Single-unit lab** tab a pulse arrives at step 3. The first link opens the forget gate (bias 6, "
            "$f \\approx 0.998$) and closes the output gate (bias −6, $o \\approx 0.002$); the second closes the input gate (weight 0, bias −6). **Predict for each:** "
            "what will $c$ and $h$ look like after the pulse? Then open them and compare.",
            "在单元探索页的“一维单元实验室”标签页中，第 3 步会出现一个脉冲输入。第一个链接打开遗忘门（偏置 6，$f \\approx 0.998$）"
            "并关闭输出门（偏置 −6，$o \\approx 0.002$）；"
            "第二个链接关闭输入门（权重 0，偏置 −6）。**分别预测**：脉冲之后 $c$ 和 $h$ 会是什么样？然后打开对比。",
        ),
        "links": [
            ("Forget gate open, output gate closed", "遗忘门打开，输出门关闭"),
            ("Input gate closed", "关闭输入门"),
        ],
        "quiz": [
            (
                (
                    "Which gate decides how much of the memory is passed on as the hidden state hₜ?",
                    "哪个门决定有多少记忆作为隐藏状态 hₜ 传出去？",
                ),
                [("Forget gate", "遗忘门"), ("Input gate", "输入门"), ("Output gate", "输出门"), ("Candidate", "候选值")],
                (
                    "$h_t = o_t \\odot \\tanh(c_t)$: the output gate scales what the rest of the network sees. The "
                    "forget and input gates shape $c_t$ itself.",
                    "$h_t = o_t \\odot \\tanh(c_t)$：输出门缩放网络其他部分看到的内容。遗忘门和输入门塑造的是 $c_t$ 本身。",
                ),
            ),
            (
                (
                    "Why is the candidate gₜ computed with tanh and not with a sigmoid?",
                    "为什么候选值 gₜ 用 tanh 而不用 sigmoid？",
                ),
                [
                    (
                        "So it can be negative as well as positive, and move the memory down or up",
                        "这样它可正可负，能把记忆调低或调高",
                    ),
                    ("tanh is faster to compute", "tanh 计算更快"),
                    ("To keep it between 0 and 1", "为了让它保持在 0 到 1 之间"),
                    ("tanh never saturates", "tanh 永远不会饱和"),
                ],
                (
                    "A sigmoid is always positive, so the memory could only ever be pushed up. tanh spans −1 to 1. "
                    "(tanh does saturate for large inputs, just like the sigmoid.)",
                    "sigmoid 总是正的，记忆就只能往上加。tanh 的取值范围是 −1 到 1。（tanh 在输入很大时同样会饱和，和 sigmoid 一样。）",
                ),
            ),
            (
                (
                    "The output gate is closed (o ≈ 0) and the forget gate open (f ≈ 1). Then…",
                    "输出门关闭（o ≈ 0），遗忘门打开（f ≈ 1）。此时……",
                ),
                [
                    ("*h* ≈ 0 while *c* keeps its value", "*h* ≈ 0，而 *c* 保持原值"),
                    ("*c* is erased", "*c* 被清除"),
                    ("both *h* and *c* are copied unchanged", "*h* 和 *c* 都原样复制"),
                    ("the gradient explodes", "梯度爆炸"),
                ],
                (
                    "$f \\approx 1$ keeps $c$; $o \\approx 0$ makes $h = o \\odot \\tanh(c) \\approx 0$. The memory is "
                    "stored but hidden, ready to be shown when the output gate opens.",
                    "$f \\approx 1$ 保留 $c$；$o \\approx 0$ 使 $h = o \\odot \\tanh(c) \\approx 0$。记忆被存着但隐藏起来，"
                    "等输出门打开时再展示。",
                ),
            ),
        ],
    },
    "gradient_flow": {
        "title": ("Gradient flow", "梯度流"),
        "body": (
            "Backpropagation through time sends the loss's gradient backwards through every step. The size of "
            "$\\partial L / \\partial h_t$ for each earlier step $t$ shows how much that step can still learn "
            "from the loss at the end.\n\n"
            "The gradient-flow page plots that size on a **log scale** against $k$, the number of steps back from the "
            "end (step $T-1-k$). Exponential decay, "
            "$\\|\\partial L/\\partial h_{T-1-k}\\| \\approx C \\rho^k$, becomes a straight line going down with "
            "slope $\\log \\rho$: the steeper the line, the shorter the network's effective memory. A vanilla RNN "
            "usually shows a steep line. In an LSTM the gradient can travel along the cell state, multiplied "
            "only by forget-gate values, so with forget gates near 1 the curve stays much flatter.\n\n"
            "Two things to remember. First, a flat gradient makes long-range learning *possible*; the network "
            "still has to find useful weights. Second, if the per-step factor is above 1 the line goes *up*: "
            "exploding gradients. The LSTM does not prevent them, whatever some tutorials say: its gradient also "
            "flows through weight matrices. Clipping the gradient's norm is what handles them.",
            "随时间反向传播把损失的梯度沿每一步往回传。对每个较早的步骤 $t$，"
            "$\\partial L / \\partial h_t$ 的大小说明这一步还能从最终的损失中学到多少。\n\n"
            "梯度流页面把这个大小画在**对数坐标**上，横轴 $k$ 为距离末尾的步数（即第 $T-1-k$ 步）。指数衰减 "
            "$\\|\\partial L/\\partial h_{T-1-k}\\| \\approx C \\rho^k$ 会变成一条向下的直线，斜率为 $\\log \\rho$："
            "直线越陡，网络的有效记忆越短。普通 RNN 通常是一条很陡的线。而在 LSTM 中，梯度可以沿单元状态传递，"
            "只乘以遗忘门的值，所以当遗忘门接近 1 时，曲线平缓得多。\n\n"
            "有两点要记住。第一，梯度不衰减只是让长距离学习*成为可能*，网络仍要找到有用的权重。"
            "第二，若每步的因子大于 1，直线会*向上*走，即梯度爆炸。不管有些教程怎么说，LSTM 并不能防止梯度爆炸："
            "它的梯度同样要经过权重矩阵。真正处理梯度爆炸的是梯度范数裁剪。",
        ),
        "predict": (
            "Both links open the gradient-flow page, which draws the gradient's size through time for a vanilla "
            "RNN, an LSTM and a GRU on the same sequence, and beside them two historical LSTMs (the 1997 one "
            "without a forget gate, and the coupled-gate CIFG): first with the LSTM's forget-gate bias at −2, then at 3. "
            "**Predict first:** which curve falls fastest on the log scale, and how does the LSTM's curve change "
            "between the two links?",
            "两个链接都会打开梯度流页面，它在同一序列上画出普通 RNN、LSTM 和 GRU 的梯度大小随时间的变化，"
            "旁边还有两种早期的 LSTM（1997 年没有遗忘门的版本，以及耦合门的 CIFG）："
            "第一个链接中 LSTM 的遗忘门偏置为 −2，第二个为 3。**先预测**：在对数坐标上哪条曲线下降得最快？"
            "两个链接之间，LSTM 的曲线会怎样变化？",
        ),
        "links": [("Forget-gate bias −2", "遗忘门偏置 −2"), ("Forget-gate bias 3", "遗忘门偏置 3")],
        "quiz": [
            (
                (
                    "On a log-scale plot of gradient size against steps back in time, exponential vanishing looks like…",
                    "以对数坐标画出梯度大小随回溯步数的变化，指数式梯度消失看起来像……",
                ),
                [
                    ("a straight line going down", "一条向下的直线"),
                    ("a flat line", "一条水平线"),
                    ("a curve going up", "一条向上的曲线"),
                    ("random scatter", "杂乱的散点"),
                ],
                (
                    "$\\log(C \\rho^k) = \\log C + k \\log \\rho$ is linear in $k$; with $\\rho < 1$ the slope is "
                    "negative. A flat line would mean no decay; a rising one, explosion.",
                    "$\\log(C \\rho^k) = \\log C + k \\log \\rho$ 是 $k$ 的线性函数；$\\rho < 1$ 时斜率为负。"
                    "水平线表示没有衰减，向上的线表示爆炸。",
                ),
            ),
            (
                (
                    "Each step multiplies the gradient by 0.8. About how much of it is left after 20 steps?",
                    "每一步都把梯度乘以 0.8。20 步之后大约还剩多少？",
                ),
                [("About 1%", "约 1%"), ("About 16%", "约 16%"), ("About 80%", "约 80%"), ("Exactly 0", "恰好为 0")],
                (
                    "$0.8^{20} \\approx 0.0115$: about 1%. It never reaches exactly 0, but it becomes too small to "
                    "compete with the gradients from recent steps.",
                    "$0.8^{20} \\approx 0.0115$，约 1%。它永远不会恰好为 0，但会小到无法与近处步骤的梯度竞争。",
                ),
            ),
            (
                (
                    "Which change most directly helps an LSTM carry gradients over long distances?",
                    "哪种改动最直接地帮助 LSTM 把梯度传得更远？",
                ),
                [
                    ("A larger output-gate bias", "更大的输出门偏置"),
                    ("A larger forget-gate bias", "更大的遗忘门偏置"),
                    ("A larger learning rate", "更大的学习率"),
                    ("Removing the tanh from the candidate", "去掉候选值中的 tanh"),
                ],
                (
                    "Along the cell state each step contributes a factor $f_t$; a larger forget bias pushes $f_t$ "
                    "towards 1, so the product shrinks more slowly. The learning rate scales all gradients alike.",
                    "沿单元状态每一步贡献一个因子 $f_t$；更大的遗忘门偏置把 $f_t$ 推向 1，乘积衰减得更慢。"
                    "学习率会把所有梯度一起缩放。",
                ),
            ),
        ],
    },
    "train": {
        "title": ("Training a classifier", "训练一个分类器"),
        "body": (
            "The training page builds a sequence classifier: tokens → embedding vectors → recurrent layers → the "
            "final hidden state → a linear layer → class scores. Training minimises the cross-entropy loss on the "
            "training set with a gradient-based optimiser such as Adam.\n\n"
            "The data are split three ways. The **training set** is used to fit the weights; the **validation "
            "set** to watch for overfitting and to stop early; the **test set** only once at the end, for an "
            "honest estimate. If the training loss keeps falling while the validation loss rises, the model is "
            "memorising the training examples: it is **overfitting**. Early stopping keeps the weights from the "
            "best validation epoch (on /train it is a switch under Training, off unless you turn it on).\n\n"
            "The negation data set is built so that word order matters: “not good, rather bad” and “not bad, "
            "rather good” contain the same words. A bag-of-words model sees identical inputs and cannot separate "
            "them; a recurrent model reads the order. Finally, **seeds**: the same seed reproduces a run exactly; "
            "different seeds give somewhat different results, so only trust a difference between two models that "
            "is larger than the spread across seeds.",
            "训练页面搭建一个序列分类器：词元 → 嵌入向量 → 循环层 → 最后的隐藏状态 → 线性层 → 各类别得分。"
            "训练时用 Adam 等基于梯度的优化器，在训练集上最小化交叉熵损失。\n\n"
            "数据被分成三份。**训练集**用来拟合权重；**验证集**用来监测过拟合、决定何时早停；"
            "**测试集**只在最后用一次，得到客观的估计。如果训练损失持续下降而验证损失开始上升，"
            "说明模型在死记训练样本，即**过拟合**。早停会保留验证集上表现最好那一轮的权重（训练页面的“训练”一栏里有“早停”开关，默认关闭，需要自己打开）。\n\n"
            "否定句数据集的设计让词序变得重要：“本来以为会很好，结果很差”和“本来以为会很差，结果很好”用的字完全相同。"
            "词袋模型看到的输入完全相同，无法区分它们；循环模型则能读出顺序。最后说说**随机种子**："
            "相同的种子能精确复现一次训练；不同的种子结果会有些差别，所以只有当两个模型的差距大于"
            "不同种子之间的波动时，才值得相信。",
        ),
        "predict": (
            "Train a vanilla RNN (first link), then an LSTM (second link) on the negation data with the same seed. "
            "**Predict first:** which one reaches the higher test accuracy, and is the difference larger than the "
            "spread across seeds? Compare both with the bag-of-words baseline the page reports, then change the seed "
            "and train both again.",
            "在否定句数据上用同一个种子，先训练普通 RNN（第一个链接），再训练 LSTM（第二个链接）。"
            "**先预测**：哪一个的测试准确率更高？差距是否大于换种子带来的波动？把两者都与页面给出的词袋基线模型比较，"
            "然后换一个种子，再把两个模型各训练一次。",
        ),
        "links": [("Train a vanilla RNN", "训练普通 RNN"), ("Train an LSTM", "训练 LSTM")],
        "quiz": [
            (
                (
                    "The training loss keeps falling but the validation loss starts rising. What is happening?",
                    "训练损失持续下降，验证损失却开始上升。这说明什么？",
                ),
                [
                    ("Underfitting: the model is too small", "欠拟合：模型太小"),
                    ("Overfitting: the model is memorising the training set", "过拟合：模型在死记训练集"),
                    ("The learning rate is too small", "学习率太小"),
                    ("The validation set is too easy", "验证集太简单"),
                ],
                (
                    "Better on the data it trains on, worse on data it has not seen: the model fits details that do "
                    "not generalise. Early stopping, dropout, weight decay or more data help.",
                    "在训练数据上越来越好，在没见过的数据上越来越差：模型拟合了无法推广的细节。"
                    "早停、dropout、权重衰减或更多数据都会有帮助。",
                ),
            ),
            (
                (
                    "Why is the test set not used for early stopping or for choosing settings?",
                    "为什么不能用测试集来决定早停或挑选设置？",
                ),
                [
                    ("It is too small", "它太小了"),
                    (
                        "Choices tuned on it make its score optimistic; it must stay unseen for an honest estimate",
                        "依据它做的选择会让它的分数偏乐观；必须一直不去看它，才能得到客观的估计",
                    ),
                    ("It has different classes", "它的类别不同"),
                    ("Training would become slower", "训练会变慢"),
                ],
                (
                    "Every decision made by looking at a data set fits the model a little to that set. The "
                    "validation set absorbs those decisions, so the test set can still measure performance on "
                    "genuinely new data.",
                    "凡是看着某份数据做出的决定，都会让模型向这份数据靠拢一点。验证集承担了这些决定，"
                    "测试集才能衡量模型在真正新数据上的表现。",
                ),
            ),
            (
                (
                    "Why can a bag-of-words model not tell “not good, rather bad” from “not bad, rather good”?",
                    "为什么词袋模型分不清“本来以为会很好，结果很差”和“本来以为会很差，结果很好”？",
                ),
                [
                    (
                        "It ignores word order: both sentences have the same word counts",
                        "它忽略词序：两句话里每个字出现的次数完全相同",
                    ),
                    ("It has too few parameters", "它的参数太少"),
                    ("It cannot read negations at all", "它完全读不懂否定词"),
                    ("It needs more epochs", "它需要更多训练轮数"),
                ],
                (
                    "A bag of words is a count per word; the two sentences give the same counts, hence the same "
                    "prediction. It can use a negation word as a feature, but not what the negation applies to.",
                    "词袋就是每个字出现的次数；两句话的计数相同，预测也就相同。它看得到“好”和“差”都出现了，"
                    "却不知道哪一个在“结果”之后、哪一个才算数；对否定词也是一样：知道它出现了，却不知道它否定的是哪个词。",
                ),
            ),
        ],
    },
    "metrics": {
        "title": ("Reading the metrics", "读懂评价指标"),
        "body": (
            "For a two-class problem every prediction lands in one cell of the **confusion matrix**: true "
            "positive (TP), false positive (FP), false negative (FN) or true negative (TN).\n\n"
            "- **Accuracy** $= (TP + TN) / N$: the share of all predictions that are right.\n"
            "- **Precision** $= TP / (TP + FP)$: of the items *predicted* positive, the share that really are "
            "positive. Low precision means many false alarms.\n"
            "- **Recall** (sensitivity, true positive rate) $= TP / (TP + FN)$: of the items that *really are* "
            "positive, the share the model found. Low recall means many misses.\n"
            "- **Specificity** $= TN / (TN + FP)$: the same as recall, for the negative class.\n"
            "- **F1** $= 2PR / (P + R)$: the harmonic mean of precision $P$ and recall $R$, high only when both "
            "are high.\n\n"
            "**The accuracy paradox.** Among 1,000 items with 10 positives, a model that always answers "
            "“negative” is 99% accurate and completely useless: recall 0, and precision undefined (0/0: the page's chart marks it “—”; its tiles show 0, as scikit-learn does). With rare "
            "positives, look at precision, recall and the precision–recall curve rather than accuracy.\n\n"
            "Most classifiers output a score and compare it with a **threshold**. Raising the threshold usually "
            "trades recall for precision (fewer positives predicted: fewer false alarms, more misses). The ROC "
            "curve plots recall against the false positive rate $FP / (FP + TN)$ over all thresholds.\n\n"
            "**Mistakes tutorials make.**\n"
            "- Recall worded as “of the items predicted positive, the share that are right”: that is precision. "
            "Recall divides by the items that really are positive, $TP + FN$.\n"
            "- “Raising accuracy lowers recall”: no such rule. A better model raises both. The trade-off that does "
            "exist is between precision and recall as the threshold moves.\n"
            "- In Chinese texts 准确率 sometimes stands for precision. In this app 准确率 is always accuracy, "
            "$(TP + TN) / N$, and precision is 精确率（查准率）.",
            "对于二分类问题，每个预测都落在**混淆矩阵**的一个格子里：真正例（TP）、假正例（FP）、"
            "假负例（FN）或真负例（TN）。\n\n"
            "- **准确率** $= (TP + TN) / N$：所有预测中正确的比例。\n"
            "- **精确率（查准率）** $= TP / (TP + FP)$：在*被预测为*正类的样本中，真正是正类的比例。精确率低意味着误报多。\n"
            "- **召回率（查全率、灵敏度、真正例率）** $= TP / (TP + FN)$：在*真正是*正类的样本中，被模型找出来的比例。"
            "召回率低意味着漏报多。\n"
            "- **特异度** $= TN / (TN + FP)$：负类的“召回率”。\n"
            "- **F1** $= 2PR / (P + R)$：精确率 $P$ 与召回率 $R$ 的调和平均，只有两者都高时才高。\n\n"
            "**准确率悖论**。1000 个样本中只有 10 个正例，一个永远回答“负类”的模型准确率高达 99%，却毫无用处："
            "召回率为 0，精确率无定义（0/0：该页的图中标为“—”，指标数值则按 scikit-learn 的做法显示为 0）。正例稀少时，应该看精确率、召回率和精确率-召回率曲线，而不是准确率。\n\n"
            "大多数分类器输出一个分数，再与**阈值**比较。提高阈值通常是用召回率换精确率（预测为正的更少：误报减少，"
            "漏报增多）。ROC 曲线则画出所有阈值下召回率与假正例率 $FP / (FP + TN)$ 的关系。\n\n"
            "**教程中常见的错误。**\n"
            "- 把召回率说成“被预测为正类的样本中预测正确的比例”：那是精确率。召回率的分母是真正为正类的样本数 $TP + FN$。\n"
            "- “提高准确率就会降低召回率”：没有这样的规律。更好的模型会让两者一起提高。真正存在的取舍，"
            "是移动阈值时精确率与召回率之间的取舍。\n"
            "- 有些中文文本把 precision 也叫作“准确率”。在本应用中，准确率始终指 accuracy，即 $(TP + TN) / N$；"
            "precision 叫作精确率（查准率）。",
        ),
        "predict": (
            "The first link opens the metrics lab with 10 positives among 1,000 items and a model that always "
            "says “negative”. **Predict its accuracy, precision and recall.** The second link shows a useful "
            "screening test (8 of 10 found, 50 false alarms): predict which of its numbers is low.",
            "第一个链接打开评价指标页：1000 个样本中有 10 个正例，模型总是回答“负类”。"
            "**先预测它的准确率、精确率和召回率**。第二个链接是一个有用的筛查（10 个中找到 8 个，误报 50 个）："
            "预测它的哪个指标偏低。",
        ),
        "links": [("Always “negative”", "总是回答“负类”"), ("A useful screening test", "一个有用的筛查")],
        "quiz": [
            (
                ("Precision is…", "精确率等于……"),
                [],  # formulas, the same in both languages: ui.lessons_content.RATIOS
                (
                    "Precision looks at the predicted positives ($TP + FP$) and asks how many are right. "
                    "$TP / (TP + FN)$ is recall, $(TP + TN)/N$ accuracy, $TN / (TN + FP)$ specificity.",
                    "精确率看的是被预测为正类的样本（$TP + FP$），问其中有多少是对的。$TP / (TP + FN)$ 是召回率，"
                    "$(TP + TN)/N$ 是准确率，$TN / (TN + FP)$ 是特异度。",
                ),
            ),
            (
                (
                    "A screening test finds 8 of the 10 sick people and raises 50 false alarms among 990 healthy people. Its recall is…",
                    "某筛查在 10 名患者中查出 8 名，在 990 名健康人中产生 50 次误报。它的召回率是……",
                ),
                [("0.80", "0.80"), ("0.14", "0.14"), ("0.95", "0.95"), ("0.05", "0.05")],
                (
                    "Recall $= TP / (TP + FN) = 8 / 10 = 0.80$. Its precision is only $8 / (8 + 50) \\approx 0.14$: "
                    "most alarms are false, which is typical when positives are rare.",
                    "召回率 $= TP / (TP + FN) = 8 / 10 = 0.80$。它的精确率只有 $8 / (8 + 50) \\approx 0.14$："
                    "大多数报警都是误报，这在正例稀少时很常见。",
                ),
            ),
            (
                ("Raising a classifier's decision threshold usually…", "提高分类器的决策阈值，通常会……"),
                [
                    ("raises recall and lowers precision", "提高召回率、降低精确率"),
                    ("raises precision and lowers recall", "提高精确率、降低召回率"),
                    ("raises both", "两者都提高"),
                    ("changes neither", "两者都不变"),
                ],
                (
                    "Fewer items pass a higher threshold, so fewer positives are predicted: false positives drop "
                    "(precision usually rises) and more real positives are missed (recall can only fall or stay). "
                    "“Usually”: precision is not guaranteed to rise at every step.",
                    "阈值越高，被判为正类的样本越少：假正例减少（精确率通常上升），漏掉的真正例增多（召回率只会下降或不变）。"
                    "说“通常”，是因为精确率并不保证每一步都上升。",
                ),
            ),
            (
                ("What is F1 when precision is 1.0 and recall is 0.5?", "精确率为 1.0、召回率为 0.5 时，F1 是多少？"),
                [("0.50", "0.50"), ("0.67", "0.67"), ("0.75", "0.75"), ("1.00", "1.00")],
                (
                    "$F1 = 2 \\cdot 1.0 \\cdot 0.5 / (1.0 + 0.5) = 1/1.5 \\approx 0.67$: below the ordinary mean "
                    "0.75, because the harmonic mean is pulled towards the smaller value.",
                    "$F1 = 2 \\cdot 1.0 \\cdot 0.5 / (1.0 + 0.5) = 1/1.5 \\approx 0.67$，低于算术平均 0.75，"
                    "因为调和平均会被较小的值拉低。",
                ),
            ),
        ],
    },
    "forecast": {
        "title": ("Forecasting", "时间序列预测"),
        "body": (
            "A forecaster turns a series into supervised examples with a sliding **window**: the previous $w$ "
            "values are the input, the next value is the target. An LSTM reads the window and a linear layer "
            "maps its last hidden state to the prediction.\n\n"
            "Three habits keep the evaluation honest. **Split by time**: train on the past, make every choice "
            "(epochs, window, seed) on a validation part just after it, then refit on training + validation with those "
            "choices and score the test part, the future, once; "
            "never split at random, or the model sees its test points' neighbours. **Fit the scaler on the "
            "past only** (the training part; for the refit, training + validation): a Min-Max scaler fitted on the whole series already knows the future's "
            "minimum and maximum, a leak (many tutorials scale the whole series before they split it). **Compare with baselines**: the persistence (naive) forecast (“same as the last "
            "value”) and the seasonal naive forecast (“same as one season ago”, e.g. 12 months). A model that "
            "cannot beat them is not useful, however good its curve looks.\n\n"
            "Errors are reported as MAE (mean absolute error) and RMSE (root mean squared error, which punishes "
            "large misses more). For several steps ahead, a **recursive** forecast feeds each prediction back "
            "as an input, so errors compound and grow with the horizon.",
            "预测模型用**滑动窗口**把序列变成监督学习样本：前 $w$ 个值作为输入，下一个值作为目标。"
            "LSTM 读入窗口，再由线性层把最后的隐藏状态映射为预测值。\n\n"
            "三个习惯让评估保持客观。**按时间划分**：用过去训练，在紧随其后的验证部分上做所有选择（训练轮数、窗口、种子），"
            "再用这些选择在训练 + 验证部分上重新训练，最后只对测试部分（未来）评分一次；绝不随机划分，否则模型会看到测试点的邻居。"
            "**只在过去的数据上拟合缩放器**（训练部分；重新训练时为训练 + 验证部分）：在整个序列上拟合的最小–最大缩放器已经知道了未来的最小值和最大值，"
            "这是信息泄漏（很多教程先缩放整条序列，再做划分）。**与基线比较**：持续性预测（“与上一个值相同”）和季节性朴素预测（“与一个季节周期前相同”，"
            "例如 12 个月前）。打不过它们的模型没有用处，无论曲线看起来多漂亮。\n\n"
            "误差用 MAE（平均绝对误差）和 RMSE（均方根误差，对大的偏差惩罚更重）来衡量。要预测多步时，"
            "**递归**预测把每个预测值作为下一步的输入，误差会累积，并随预测步数增大。",
        ),
        "predict": (
            "The first link opens the forecasting page on the monthly airline-passenger series. **Predict first:** "
            "will the LSTM beat the seasonal naive baseline (same month last year) on the test part? Will its "
            "error grow as the horizon gets longer (section 6 measures it on the test part)? The second link also trains with a scaler fitted on the "
            "whole series: predict whether the leak makes the test score look better or worse, and whether that number can "
            "still be trusted.",
            "第一个链接在月度航空旅客人数序列上打开时间序列预测页面。**先预测**：在测试部分，LSTM 能打败季节性朴素基线"
            "（与去年同月相同）吗？随着预测步数变长，它的误差会增大吗（页面第 6 节在测试部分上测量了这一点）？第二个链接还会用在整个序列上拟合的缩放器训练一次："
            "预测这种泄漏会让测试分数看起来更好还是更差，以及这个数字还能不能信。",
        ),
        "links": [
            ("Airline passengers", "航空旅客人数"),
            ("The same, with the leaky scaler for comparison", "同一序列，对比有泄漏的缩放器"),
        ],
        "quiz": [
            (
                (
                    "Why must the scaler be fitted on the past only, never on the whole series?",
                    "为什么缩放器只能在过去的数据上拟合，而不能在整个序列上拟合？",
                ),
                [
                    ("Otherwise information from the test period leaks into training", "否则测试时段的信息会泄漏到训练中"),
                    ("It is faster", "这样更快"),
                    ("Min-Max scaling only works on short series", "最小–最大缩放只适用于短序列"),
                    ("The test part has no minimum", "测试部分没有最小值"),
                ],
                (
                    "The whole series' minimum and maximum may occur in the test period; a scaler fitted on them "
                    "tells the model about the future. The test score is then no longer an honest estimate of how the "
                    "model would do on a real future: it can come out better or worse, "
                    "but either way it was obtained with knowledge a real forecaster does not have.",
                    "整个序列的最小值和最大值可能出现在测试时段；在它们上拟合的缩放器等于把未来告诉了模型。"
                    "这样得到的测试分数，就不能如实反映模型面对真实未来时的表现：它可能更好也可能更差，"
                    "但无论哪种，都是借助了真实预测者不可能拥有的信息得到的。",
                ),
            ),
            (
                ("Why split a time series by time rather than at random?", "为什么要按时间而不是随机划分时间序列？"),
                [
                    ("Random splits are slower", "随机划分更慢"),
                    (
                        "A random split puts each test point's neighbours in training, which does not match forecasting the future",
                        "随机划分会把每个测试点的相邻点放进训练集，这与预测未来的真实任务不符",
                    ),
                    ("There is no difference", "没有区别"),
                    ("Random splits remove seasonality", "随机划分会去掉季节性"),
                ],
                (
                    "With a random split the model can interpolate between known neighbours. Forecasting means "
                    "extrapolating past the last known point, so the test set must lie after the training set.",
                    "随机划分时，模型可以在已知的相邻点之间插值。而预测意味着在最后一个已知点之后外推，"
                    "因此测试集必须位于训练集之后。",
                ),
            ),
            (
                ("In a recursive multi-step forecast, the error usually…", "在递归的多步预测中，误差通常……"),
                [
                    ("stays the same at every step", "每一步都一样"),
                    ("shrinks with the horizon", "随预测步数增加而减小"),
                    (
                        "grows with the horizon, because predictions are fed back as inputs",
                        "随预测步数增加而增大，因为预测值被当作输入反馈回去",
                    ),
                    ("is zero after one season", "一个季节周期后变为零"),
                ],
                (
                    "Step 2 is predicted from step 1's prediction, which is already off; the errors compound, so "
                    "far-ahead forecasts are less reliable.",
                    "第 2 步是根据第 1 步的预测值来预测的，而那个值本身已有误差；误差层层累积，所以越远的预测越不可靠。",
                ),
            ),
        ],
    },
    "keras": {
        "title": ("From the tutorial to the inside of your model", "从教程到模型内部"),
        "body": (
            "Most LSTM tutorials are written in Keras: `Embedding → LSTM → Dense`, trained with `model.fit` and "
            "saved with `model.save`. This lesson takes one model both ways: from LSTM Lab to Keras and back, and "
            "from a tutorial into the explorer, where you step through the gates of your own model.\n\n"
            "**From /train to Keras and back.** Train a classifier on /train. In its **Export** tab, **Get the code** "
            "downloads a zip: `train_classifier.py` (plain PyTorch), `train_classifier_keras.py` (the same model "
            "and settings in Keras 3) and `data.npz` (the run's data, split and encoded as on the page). Run the Keras script:\n\n"
            "```bash\n"
            "pip install keras torch              # the script runs Keras on its torch backend\n"
            "python train_classifier_keras.py     # trains, prints the test metrics, writes metrics.json\n"
            "ls                                   # ... model.keras  word_index.json\n"
            "```\n\n"
            "It saves `model.keras` and, for text data, `word_index.json`: the page's vocabulary in the format of "
            "Keras's `Tokenizer.to_json()`, with `<unk>` as the out-of-vocabulary token. Its numbers will not equal "
            "the page's: Keras draws its starting weights differently.\n\n"
            "**Into the explorer.** In the explorer's sidebar, **Open a Keras model** takes both files at once. "
            "Choose **A sentence** as the input and type one: it is cut into words by your word index, as Keras's "
            "Tokenizer would (lower case, punctuation removed; a word outside the index becomes the index's "
            "out-of-vocabulary token, `<unk>`, and the page names it; an index without one, as a Tokenizer made "
            "without `oov_token` writes, leaves the word out, as that Tokenizer does, and the page says so). The page shows *The Keras model's prediction for this input*, computed from the weights "
            "alone (no Keras runs on the server), and steps through each gate at each word. Keras stores the gates in "
            "the order i, f, c, o, with kernel `(input, 4·units)`; the page shows them as i, f, g, o. A Chinese "
            "word index from /train reads one character per token, as the page did; punctuation then counts as an "
            "unknown character, so leave it out.\n\n"
            "**The other way: a tutorial's model.** The same upload opens the model of a Keras tutorial:\n\n"
            + TUTORIAL_FIT
            + 'model.save("imdb_lstm.keras")  # or model.save("imdb_lstm.h5")\n\n'
            "# load_data shifts every id by 3 (0: padding, 1: start, 2: out of vocabulary) and keeps ids below 10000\n"
            "index = keras.datasets.imdb.get_word_index()\n"
            "words = {w: i + 3 for w, i in index.items() if i + 3 < 10000}\n"
            'words["<unk>"] = 2  # a word outside the index reads as id 2, as in training\n'
            'config = {"word_index": words, "oov_token": "<unk>"}  # as a Tokenizer\'s JSON has it\n'
            'json.dump({"class_name": "Tokenizer", "config": config}, open("word_index.json", "w"))\n'
            "# with a Tokenizer of your own: open(...).write(tokenizer.to_json())\n"
            "```\n\n"
            "**What opens, and what does not.** The explorer reads `.keras` files, legacy `.h5` files from "
            '`model.save("….h5")`, and `.weights.h5` files together with `model.to_json()`. It reads only the '
            "weights and the JSON config: nothing in the file is run. A `Sequential` model of Embedding, LSTM, GRU "
            "or SimpleRNN (Bidirectional too), Dropout, Dense and Activation opens. A functional model "
            "(`keras.Model(inputs, outputs)`) or a subclassed one is refused, and so are a `Lambda` layer, a custom "
            "layer and the `Masking` layer, each with a message that names it. `Embedding(mask_zero=True)` opens, "
            "but id 0 in your input is refused: it is padding, which Keras skips.\n\n"
            "**Sizes.** The model file may be up to 32 MB and the word index up to 12 MB. A model saved after "
            "`model.fit` with Adam holds Adam's two running averages for every weight beside the weights, so the "
            "file is about three times the weights: the model above has 1.41 million parameters, 5.6 MB in float32, "
            "and its file is about 17 MB. The explorer never reads the optimizer's part. The model itself may have "
            "a vocabulary of at most 20,000 words, at most 256 units per recurrent layer and at most 4 recurrent "
            "layers.",
            "大多数 LSTM 教程都用 Keras 编写：`Embedding → LSTM → Dense`，用 `model.fit` 训练，用 `model.save` 保存。"
            "本课带着同一个模型走两个方向：从 LSTM 实验室到 Keras 再回来，以及把教程里的模型放进单元探索页，"
            "在那里逐个门地查看你自己模型的内部。\n\n"
            "**从 /train 到 Keras 再回来。** 在 /train 上训练一个分类器。在它的**导出**标签页中，**获取代码**会下载一个 "
            "zip：`train_classifier.py`（纯 PyTorch）、`train_classifier_keras.py`（用 Keras 3 写的同一个模型、同样的设置）和 "
            "`data.npz`（本次运行的数据，划分和编码与页面上相同）。运行 Keras 脚本：\n\n"
            "```bash\n"
            "pip install keras torch              # 脚本在 torch 后端上运行 Keras\n"
            "python train_classifier_keras.py     # 训练，打印测试集指标，写出 metrics.json\n"
            "ls                                   # ... model.keras  word_index.json\n"
            "```\n\n"
            "它会保存 `model.keras`，文本数据还会保存 `word_index.json`：页面的词表，格式与 Keras 的 "
            "`Tokenizer.to_json()` 相同，未登录词用 `<unk>` 表示。脚本得出的数字与页面上的不会相同："
            "Keras 初始化权重的方式不同。\n\n"
            "**放进单元探索页。** 在单元探索页的侧边栏中，**打开 Keras 模型**可以一次接收这两个文件。"
            "输入方式选择**一句话**，然后输入一句话：它会按你的词表切分，和 Keras 的 Tokenizer 一样"
            "（转成小写、去掉标点；词表之外的词变成词表的未登录词元 `<unk>`，页面会指出是哪些词；没有未登录词元的词表"
            "（例如创建 Tokenizer 时没有设 `oov_token`）会像那个 Tokenizer 一样把这些词丢掉，页面也会说明）。页面会显示 *Keras 模型对这个输入的预测*，"
            "它只根据权重计算（服务器上不运行 Keras），并逐词展示每个门的取值。Keras 按 i、f、c、o 的顺序存放各个门，"
            "kernel 的形状是 `(输入, 4·隐藏维度)`；页面上记作 i、f、g、o。来自 /train 的中文词表与页面一样按字切分；"
            "此时标点会被当作未登录的字，所以输入时请不要带标点。\n\n"
            "**反过来：教程里的模型。** 同一个上传入口也能打开 Keras 教程中的模型：\n\n"
            + TUTORIAL_FIT
            + 'model.save("imdb_lstm.keras")  # 或 model.save("imdb_lstm.h5")\n\n'
            "# load_data 把每个编号加 3（0：填充，1：开头，2：未登录词），并只保留小于 10000 的编号\n"
            "index = keras.datasets.imdb.get_word_index()\n"
            "words = {w: i + 3 for w, i in index.items() if i + 3 < 10000}\n"
            'words["<unk>"] = 2  # 词表之外的词读作编号 2，与训练时相同\n'
            'config = {"word_index": words, "oov_token": "<unk>"}  # 与 Tokenizer 的 JSON 相同\n'
            'json.dump({"class_name": "Tokenizer", "config": config}, open("word_index.json", "w"))\n'
            "# 如果用自己的 Tokenizer：open(...).write(tokenizer.to_json())\n"
            "```\n\n"
            '**能打开什么，不能打开什么。** 单元探索页可以读取 `.keras` 文件、`model.save("….h5")` 保存的旧版 `.h5` '
            "文件，以及 `.weights.h5` 文件加上 `model.to_json()` 的配置。它只读取权重和 JSON 配置：文件中的任何内容都不会被执行。"
            "由 Embedding、LSTM、GRU 或 SimpleRNN（含 Bidirectional）、Dropout、Dense 和 Activation 组成的 `Sequential` "
            "模型可以打开。函数式模型（`keras.Model(inputs, outputs)`）或子类化的模型会被拒绝，`Lambda` 层、自定义层和 "
            "`Masking` 层也一样，提示中会指明是哪一个。`Embedding(mask_zero=True)` 可以打开，"
            "但输入中的编号 0 会被拒绝：它是填充，Keras 会跳过它。\n\n"
            "**大小。** 模型文件最大 32 MB，词表最大 12 MB。用 Adam 执行 `model.fit` 之后保存的模型，"
            "除了权重，还为每个权重保存了 Adam 的两个滑动平均值，所以文件大约是权重的三倍：上面的模型有 141 万个参数，"
            "按 float32 计为 5.6 MB，文件约 17 MB。单元探索页从不读取优化器的部分。模型本身的词表最多 20,000 个词，"
            "每个循环层最多 256 维，最多 4 个循环层。",
        ),
        "predict": (
            "The first link opens /train with an LSTM on the negation sentences: train it, get the code, train it "
            "in Keras and open `model.keras` with `word_index.json` in the explorer (the second link). **Predict "
            "first:** the explorer recomputes your Keras model from its weights alone, with its own code. Will "
            "its prediction for a sentence equal what `model.predict` gives in Keras, to the 4 decimals it shows? "
            "Will the tutorial's Embedding(10000, 128) → LSTM(128) model, saved after training, fit in the upload?",
            "第一个链接在否定句数据上打开 /train 并选好 LSTM：训练它，获取代码，在 Keras 中训练，再把 `model.keras` "
            "和 `word_index.json` 一起在单元探索页中打开（第二个链接）。**先预测**：单元探索页只根据权重、用它自己的代码"
            "重新计算你的 Keras 模型。它对一句话给出的预测，在它显示的 4 位小数上，会与 Keras 中 `model.predict` "
            "的结果相同吗？教程里的 Embedding(10000, 128) → LSTM(128) 模型训练后保存的文件，能在上传的大小限制之内吗？",
        ),
        "links": [
            ("Train an LSTM to export", "训练一个要导出的 LSTM"),
            ("The explorer: open your Keras model in its sidebar", "单元探索页：在侧边栏中打开你的 Keras 模型"),
        ],
        "quiz": [
            (
                (
                    "The tutorial's Embedding(10000, 128) → LSTM(128) → Dense(1) has 5.6 MB of float32 weights, yet "
                    "saved after model.fit with Adam it is a 17 MB file. Why?",
                    "教程里的 Embedding(10000, 128) → LSTM(128) → Dense(1) 的 float32 权重只有 5.6 MB，"
                    "可用 Adam 执行 model.fit 后保存的文件却有 17 MB。为什么？",
                ),
                [
                    (
                        "The file also keeps Adam's two running averages for every weight",
                        "文件还为每个权重保存了 Adam 的两个滑动平均值",
                    ),
                    ("Keras stores the weights in float64", "Keras 用 float64 存放权重"),
                    ("The file keeps a copy of the training data", "文件中保存了一份训练数据"),
                    ("The Embedding is stored once per time step", "Embedding 在每个时间步都存了一份"),
                ],
                (
                    "Adam keeps a first and a second moment estimate for each weight, and Keras saves them so that "
                    "training can resume: weights plus two arrays of the same size, about three times the weights. "
                    "The explorer reads only the model's own arrays.",
                    "Adam 为每个权重维护一阶和二阶矩估计，Keras 把它们一起保存，以便继续训练：权重再加两份同样大小的数组，"
                    "约为权重的三倍。单元探索页只读取模型自己的数组。",
                ),
            ),
            (
                (
                    "A Keras LSTM reading 128-wide embeddings with 128 units has a kernel of shape (128, 512). "
                    "Which columns belong to the forget gate?",
                    "一个读入 128 维嵌入、隐藏维度为 128 的 Keras LSTM，其 kernel 形状为 (128, 512)。哪些列属于遗忘门？",
                ),
                [
                    ("Columns 0 to 127", "第 0 到 127 列"),
                    ("Columns 128 to 255", "第 128 到 255 列"),
                    ("Columns 256 to 383", "第 256 到 383 列"),
                    ("Columns 384 to 511", "第 384 到 511 列"),
                ],
                (
                    "Keras orders an LSTM's gates i, f, c, o along the kernel's columns, each block one gate wide "
                    "(128 here): the input gate first, the forget gate second. PyTorch stores the transpose, "
                    "(4·units, input), in the same order, which is how the explorer reads it.",
                    "Keras 沿 kernel 的列按 i、f、c、o 的顺序排列 LSTM 的门，每块宽度为一个门（这里是 128）："
                    "输入门在前，遗忘门第二。PyTorch 存放的是它的转置 (4·隐藏维度, 输入)，门的顺序相同，"
                    "单元探索页就是这样读取的。",
                ),
            ),
            (
                ("Which of these models does the explorer refuse?", "下面哪个模型会被单元探索页拒绝？"),
                [
                    (
                        "Sequential: Embedding → Bidirectional(LSTM) → Dense",
                        "Sequential 模型：Embedding → Bidirectional(LSTM) → Dense",
                    ),
                    ("Sequential with Dropout between the layers", "层与层之间有 Dropout 的 Sequential 模型"),
                    (
                        "The same layers built with the functional API, keras.Model(inputs, outputs)",
                        "用函数式 API keras.Model(inputs, outputs) 搭建的同样的层",
                    ),
                    ("A Sequential model saved as legacy .h5", "保存为旧版 .h5 的 Sequential 模型"),
                ],
                (
                    "The explorer reads a Sequential model's list of layers; a functional model is a graph that may "
                    "branch and merge, and it is refused with a message. Dropout is inactive when the model predicts, "
                    "so it is read and skipped; legacy .h5 and Bidirectional layers are supported.",
                    "单元探索页读取的是 Sequential 模型的层列表；函数式模型是一张可以分叉、合并的图，会被拒绝并给出提示。"
                    "Dropout 在预测时不起作用，所以会被读取并跳过；旧版 .h5 和 Bidirectional 层都受支持。",
                ),
            ),
            (
                (
                    "Your model's Embedding has mask_zero=True. You type the token ids 5, 0, 7. What does the explorer do?",
                    "你的模型的 Embedding 设置了 mask_zero=True。你输入编号 5, 0, 7。单元探索页会怎么做？",
                ),
                [
                    (
                        "It refuses the input: id 0 is padding, which Keras skips",
                        "拒绝这个输入：编号 0 是填充，Keras 会跳过它",
                    ),
                    ("It refuses the whole model", "拒绝整个模型"),
                    ("It traces id 0 as an ordinary word", "把编号 0 当作普通的词来追踪"),
                    ("It replaces 0 by the OOV id", "把 0 替换成未登录词的编号"),
                ],
                (
                    "With mask_zero, Keras skips the steps whose id is 0: the state carries over unchanged. A trace "
                    "of that step would show values Keras never used, so the explorer asks you to leave the padding "
                    "out; the model itself opens.",
                    "设置 mask_zero 后，Keras 会跳过编号为 0 的时间步，状态原样保留。追踪这一步会显示 Keras 从未用过的数值，"
                    "所以单元探索页会请你去掉填充；模型本身可以正常打开。",
                ),
            ),
        ],
    },
}


def _flatten() -> dict:
    table = dict(_PAGE)
    for slug, lesson in _LESSONS.items():
        for part in ("title", "body", "predict"):
            table[f"lessons.{slug}.{part}"] = lesson[part]
        for k, label in enumerate(lesson["links"]):
            table[f"lessons.{slug}.link{k}"] = label
        for k, (question, options, why) in enumerate(lesson["quiz"]):
            table[f"lessons.{slug}.q{k}"] = question
            table[f"lessons.{slug}.q{k}.why"] = why
            for j, option in enumerate(options):
                table[f"lessons.{slug}.q{k}.a{j}"] = option
    return table


STRINGS = _flatten()
