STRINGS = {
    "train.get_code": ("Get the code (PyTorch and Keras scripts + data, .zip)", "获取代码（PyTorch 与 Keras 脚本 + 数据，.zip）"),
    "train.get_code_help": (
        "One plain PyTorch file and this run's data, split and encoded as here. Run it with "
        "python train_classifier.py: it trains the same model with the same settings and writes the test metrics. "
        "train_classifier_keras.py trains the same model with the same settings in Keras 3, from Keras's own starting "
        "weights, so its numbers differ; it saves model.keras (and, for text, word_index.json), "
        "which the explorer's sidebar opens for text and for data of one number a step (LSTM, GRU and vanilla RNN only: Keras "
        "has no layer for the 1997 LSTM or the CIFG, and the explorer gives a model one number a step).",
        "一个纯 PyTorch 文件，加上本次运行的数据（与这里的划分和编码完全相同）。用 python train_classifier.py "
        "运行：它用同样的设置训练同样的模型，并写出测试集指标。"
        "train_classifier_keras.py 用 Keras 3 以同样的设置训练同样的模型，起始权重由 Keras 自己生成，所以数字会不同；"
        "它会保存 model.keras（文本数据还有 word_index.json）；"
        "对于文本数据和每步一个数的数据，这些文件可以在单元探索页的侧边栏中打开"
        "（仅限 LSTM、GRU 和普通 RNN：Keras 没有 1997 年 LSTM 或 CIFG 的层，而单元探索页每一步只给模型一个数）。",
    ),
    "train.get_code_torch": ("Get the code (PyTorch script + data, .zip)", "获取代码（PyTorch 脚本 + 数据，.zip）"),
    "train.get_code_help_torch": (
        "One plain PyTorch file and this run's data, split and encoded as here. Run it with "
        "python train_classifier.py: it trains the same model with the same settings and writes the test metrics. "
        "Keras has no layer for this cell, so there is no Keras script: the PyTorch script writes the cell's "
        "equations out itself.",
        "一个纯 PyTorch 文件，加上本次运行的数据（与这里的划分和编码完全相同）。用 python train_classifier.py "
        "运行：它用同样的设置训练同样的模型，并写出测试集指标。Keras 没有这种单元的层，所以没有 Keras 脚本："
        "PyTorch 脚本自己写出了这种单元的公式。",
    ),
    "train.get_code_caption": (
        "The PyTorch script does not need LSTM Lab: numpy and torch are enough. "
        "Its comments say which part of this page each block comes from.",
        "PyTorch 脚本不需要 LSTM 实验室，只需要 numpy 和 torch。脚本中的注释说明了每一段代码对应本页的哪个部分。",
    ),
    "forecast.get_code": (
        "Get the code (PyTorch and Keras scripts + series, .zip)",
        "获取代码（PyTorch 与 Keras 脚本 + 序列，.zip）",
    ),
    "forecast.get_code_help": (
        "One plain PyTorch file and this series: the same split, the scaler fitted on the training part only, the same model, "
        "training, epochs chosen on validation, refit on training + validation, and baselines. Run it with "
        "python train_forecaster.py; it writes the test RMSE, MAE and MAPE. "
        "train_forecaster_keras.py trains the same model with the same settings in Keras 3, its starting weights drawn by "
        "the same rule; its random draws are Keras's own, so its numbers differ.",
        "一个纯 PyTorch 文件加上这条序列：同样的划分、只在训练部分上拟合的缩放器、同样的模型和训练、在验证部分上选出的训练轮数、"
        "在训练 + 验证部分上的重新训练，以及基线。"
        "用 python train_forecaster.py 运行，它会写出测试部分的 RMSE、MAE 和 MAPE。"
        "train_forecaster_keras.py 用 Keras 3 以同样的设置训练同样的模型，起始权重的取法也相同；"
        "但随机数由 Keras 自己生成，所以数字会不同。",
    ),
}
