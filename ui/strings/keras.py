STRINGS = {
    "explorer.variant.gru_reset_before": ("GRU (Keras's reset_after=False)", "GRU（Keras 的 reset_after=False）"),
    "explorer.diagram.gru_reset_before": (
        "GRU cell (reset before the product: Keras's reset_after=False)",
        "GRU 单元（先重置再相乘：Keras 的 reset_after=False）",
    ),
    "keras.upload": ("Open a Keras model (.keras, .h5, + .json)", "打开 Keras 模型（.keras、.h5，以及 .json）"),
    "keras.upload_help": (
        'A Sequential model saved with model.save("….keras") or model.save("….h5"), or weights saved with '
        'save_weights("….weights.h5") together with model.to_json(). Optionally add your word index: the JSON '
        'of tokenizer.to_json() or a plain {{"word": id}} file. Only the weights and the config are read: no code is run. '
        "Layers: Embedding, LSTM/GRU/SimpleRNN (Bidirectional too), Dropout, Dense; a functional model "
        "(keras.Model(inputs, outputs)) is not read. The model file: at most {model_mb} MB "
        "(a file saved after training holds the optimizer's state too, which is never read); "
        "the word index: at most {words_mb} MB.",
        '用 model.save("….keras") 或 model.save("….h5") 保存的 Sequential 模型，或者用 save_weights("….weights.h5") 保存的权重'
        '加上 model.to_json() 的配置。还可以加上你的词表：tokenizer.to_json() 输出的 JSON，或普通的 {{"词": 编号}} 文件。'
        "只读取权重和配置，不执行任何代码。"
        "支持的层：Embedding、LSTM/GRU/SimpleRNN（含 Bidirectional）、Dropout、Dense；函数式模型（keras.Model(inputs, outputs)）"
        "无法读取。模型文件最大 {model_mb} MB"
        "（训练后保存的文件还带着优化器的状态，这部分不会被读取）；词表最大 {words_mb} MB。",
    ),
    "keras.title": ("Keras model: {name}", "Keras 模型：{name}"),
    "keras.loaded": ("Loaded. Its layers: {layers}.", "已加载。它的层：{layers}。"),
    "keras.note_hard_sigmoid": (
        "This model's gates use Keras's hard_sigmoid, a straight line clipped to [0, 1]: "
        "hard σ(z) = clip({slope}·z + 0.5, 0, 1). It stands where the equations show σ.",
        "这个模型的门使用 Keras 的 hard_sigmoid，即截断到 [0, 1] 的一条直线：hard σ(z) = clip({slope}·z + 0.5, 0, 1)。"
        "公式中的 σ 在这里就是它。",
    ),
    "keras.note_notation": (
        "The equations use PyTorch's notation. Keras stores each weight matrix transposed: W_i· is the transpose "
        "of the kernel's columns for that gate, W_h· of the recurrent kernel's. In Keras an LSTM, a SimpleRNN and a GRU "
        "with reset_after=False have one bias: it is the b beside x, and the b beside h is 0 (a GRU with reset_after=True, "
        "Keras 3's default, keeps both). Keras's LSTM gates i, f, c, o are i, f, g, o here; its GRU gates z, r, h "
        "are z, r, n (shown in PyTorch's order r, z, n).",
        "公式使用 PyTorch 的记号。Keras 把每个权重矩阵转置存放：W_i· 是 kernel 中该门那几列的转置，W_h· 是 "
        "recurrent_kernel 中那几列的转置。Keras 的 LSTM、SimpleRNN 以及 reset_after=False 的 GRU 只有一个偏置："
        "就是 x 旁边的 b，h 旁边的 b 为 0（reset_after=True 的 GRU，即 Keras 3 的默认设置，两个都有）。"
        "Keras 的 LSTM 门 i、f、c、o 在这里记作 i、f、g、o；GRU 门 z、r、h 记作 z、r、n（按 PyTorch 的顺序 r、z、n 显示）。",
    ),
    "keras.note_config_unused": (
        "The {kind} file holds its own config, and that is what was read: the JSON config uploaded beside it was not "
        "used. A JSON config is needed only with a .weights.h5 file.",
        "这个 {kind} 文件本身就包含模型配置，读取的也是它：一起上传的 JSON 配置没有被使用。"
        "只有 .weights.h5 文件才需要 JSON 配置。",
    ),
    "keras.loaded_words": ("Word index: {n} words.", "词表：{n} 个词。"),
    "keras.err_one_model": (
        "Keep one model file (.keras or .h5) in the list, with at most its JSON config and one word index: "
        "remove the others with the × beside them.",
        "列表中只保留一个模型文件（.keras 或 .h5），最多再加上它的 JSON 配置和一个词表：请用文件旁边的 × 删除其他文件。",
    ),
    "keras.err_no_model": (
        "The list holds only JSON files (a config or a word index): add the model file itself (.keras or .h5) to it.",
        "列表中只有 JSON 文件（配置或词表）：请把模型文件本身（.keras 或 .h5）也加进来。",
    ),
    "keras.err_npz": (
        "This is a NumPy .npz archive, not a Keras model. A model saved by LSTM Lab opens in “Load a model file (.npz)” above.",
        "这是 NumPy 的 .npz 文件，不是 Keras 模型。LSTM 实验室保存的模型请用上方的“加载模型文件（.npz）”打开。",
    ),
    "keras.err_json_kind": (
        "The JSON file “{name}” is neither a Keras model config nor a word index.",
        "JSON 文件“{name}”既不是 Keras 模型配置，也不是词表。",
    ),
    "keras.err_format": (
        "This is not a Keras model file (expected a .keras zip or an HDF5 .h5 file).",
        "这不是 Keras 模型文件（应为 .keras 压缩包或 HDF5 格式的 .h5 文件）。",
    ),
    "keras.err_zip": (
        "The .keras file is damaged (its zip archive cannot be read).",
        ".keras 文件已损坏（无法读取其中的 zip 压缩包）。",
    ),
    "keras.err_h5": (
        "The HDF5 weights are damaged or not laid out as Keras writes them.",
        "HDF5 权重已损坏，或者其结构不是 Keras 写入的格式。",
    ),
    "keras.err_unpacked": (
        "This file is only {size_mb} MB, but it is compressed: unpacked, it comes to more than the {limit_mb} MB LSTM Lab opens.",
        "这个文件只有 {size_mb} MB，但它是压缩过的：解压后超过了 LSTM 实验室能打开的 {limit_mb} MB。",
    ),
    "keras.err_zip_files": (
        "This .keras file holds {count} files. A model saved by Keras holds three (config.json, metadata.json and "
        "model.weights.h5), and LSTM Lab opens a .keras file of at most {limit}.",
        "这个 .keras 文件包含 {count} 个文件。Keras 保存的模型只有三个（config.json、metadata.json 和 "
        "model.weights.h5），LSTM 实验室能打开的 .keras 文件最多含 {limit} 个。",
    ),
    "keras.err_member_size": (
        "“{name}” in this file unpacks to {size_mb} MB, more than the {limit_mb} MB LSTM Lab reads of it.",
        "文件中的“{name}”解压后有 {size_mb} MB，超过了 LSTM 实验室对它的读取上限 {limit_mb} MB。",
    ),
    "keras.err_h5_nodes": (
        "This HDF5 file holds more than {limit} groups and arrays, far more than a Keras model of the layers "
        "LSTM Lab opens: it was not read further.",
        "这个 HDF5 文件包含超过 {limit} 个组和数组，远多于 LSTM 实验室能打开的 Keras 模型：没有继续读取。",
    ),
    "keras.err_missing": ("The Keras file has no “{name}”.", "Keras 文件中缺少“{name}”。"),
    "keras.err_config": (
        "The model's JSON config is damaged or not a Keras model config.",
        "模型的 JSON 配置已损坏，或者不是 Keras 模型配置。",
    ),
    "keras.err_needs_config": (
        "This .h5 file holds weights only: add the model's JSON config (model.to_json()) to the upload.",
        "这个 .h5 文件只有权重：请一起上传模型的 JSON 配置（model.to_json() 的输出）。",
    ),
    "keras.err_not_sequential": (
        "Only Sequential Keras models can be opened here, not “{name}”.",
        "这里只能打开 Sequential 形式的 Keras 模型，不支持“{name}”。",
    ),
    "keras.err_embedding_first": ("An Embedding layer must come first in the model.", "Embedding 层必须是模型的第一层。"),
    "keras.err_masking": (
        "The Masking layer is not supported: it skips steps whose values equal its mask value.",
        "不支持 Masking 层：它会跳过取值等于掩码值的时间步。",
    ),
    "keras.err_after_last_step": (
        "Layer “{layer}” reads a sequence, but the layer before it returns only its last step.",
        "层“{layer}”需要读入序列，但它前面的层只返回最后一步。",
    ),
    "keras.err_input_unknown": (
        "The model does not say how many numbers each step has: build it with keras.Input(shape=(None, features)).",
        "模型没有说明每一步有多少个数：请用 keras.Input(shape=(None, 特征数)) 构建。",
    ),
    "keras.err_layer": (
        "The layer “{layer}” is not supported (only Embedding, LSTM, GRU, SimpleRNN, Bidirectional, Dropout, Dense "
        "and Activation; Lambda layers and custom objects are never run).",
        "不支持层“{layer}”（只支持 Embedding、LSTM、GRU、SimpleRNN、Bidirectional、Dropout、Dense 和 Activation；"
        "Lambda 层和自定义对象一律不会执行）。",
    ),
    "keras.err_no_recurrent": ("The model has no LSTM, GRU or SimpleRNN layer.", "模型中没有 LSTM、GRU 或 SimpleRNN 层。"),
    "keras.err_setting": (
        "Layer “{layer}” uses {setting}, which LSTM Lab cannot compute.",
        "层“{layer}”使用了 {setting}，LSTM 实验室无法计算。",
    ),
    "keras.err_trace_setting": (
        "Layer “{layer}” uses {setting}: the model runs, but its steps cannot be traced one by one here.",
        "层“{layer}”使用了 {setting}：模型可以运行，但这里无法逐步追踪它的时间步。",
    ),
    "keras.err_weight_count": (
        "Layer “{layer}” has the wrong number of weight arrays: {got} in the file, where its config calls for {want}.",
        "层“{layer}”的权重数组个数不对：文件中有 {got} 个，而它的配置需要 {want} 个。",
    ),
    "keras.err_weights_config": (
        "The weights file does not match the JSON config: the file has no weights of the right size for the config's "
        "layer “{layer}”. Upload the config (model.to_json()) of the model that saved these weights.",
        "权重文件与 JSON 配置不匹配：文件中没有与配置中的层“{layer}”大小相符的权重。"
        "请上传保存这些权重的那个模型的配置（model.to_json() 的输出）。",
    ),
    "keras.err_recurrent_count": (
        "The model has {n} recurrent layers (LSTM, GRU, SimpleRNN); LSTM Lab opens models with at most {max}.",
        "这个模型有 {n} 个循环层（LSTM、GRU、SimpleRNN）；LSTM 实验室只能打开最多含 {max} 个循环层的模型。",
    ),
    "keras.err_no_embedding": (
        "This model has no Embedding layer: give it numbers, one per step.",
        "这个模型没有 Embedding 层：请输入数字，每一步一个。",
    ),
    "keras.err_ids": (
        "Token ids must be whole numbers from 0 to {last}.",
        "词元编号必须是 0 到 {last} 之间的整数。",
    ),
    "keras.err_masked": (
        "This model uses mask_zero: id 0 is padding, which Keras skips. Leave it out of the input.",
        "这个模型使用了 mask_zero：编号 0 表示填充，Keras 会跳过它。请不要在输入中使用 0。",
    ),
    "keras.err_no_words": (
        "None of the words is in the word index, and it has no OOV token: the model got no input.",
        "没有一个词在词表中，词表也没有 OOV 词元：模型没有得到任何输入。",
    ),
    "keras.err_words": (
        "The word index is damaged: expected tokenizer.to_json() output or a JSON object of words to ids (at most {limit}).",
        "词表已损坏：应为 tokenizer.to_json() 的输出，或者一个从词到编号的 JSON 对象（最多 {limit} 个）。",
    ),
    "keras.note_prediction": (
        "The Keras model's prediction for this input: {values}.",
        "Keras 模型对这个输入的预测：{values}。",
    ),
    "keras.note_prediction_last": (
        "The Keras model's prediction for this input at its last step (the model returns one prediction per step, "
        "return_sequences=True): {values}.",
        "Keras 模型对这个输入在最后一步的预测（这个模型每一步都输出一个预测，即 return_sequences=True）：{values}。",
    ),
    "keras.note_partial_trace": (
        "Traced here: the first {n} recurrent layers of {total}; the rest run for the prediction only.",
        "这里追踪了 {total} 个循环层中的前 {n} 个；其余的层只参与预测。",
    ),
    "keras.note_partial_trace_one": (
        "Traced here: one recurrent layer, the first of {total}; the rest run for the prediction only.",
        "这里只追踪了 {total} 个循环层中的第一个；其余的层只参与预测。",
    ),
    "keras.note_oov_as": (
        "Not in the word index: {words}. They are read as the OOV token “{token}” (id {id}), as Keras's Tokenizer does.",
        "不在词表中：{words}。它们按 Keras Tokenizer 的做法，被当作 OOV 词元“{token}”（编号 {id}）读入。",
    ),
    "keras.note_oov_dropped": (
        "Not in the word index: {words}. The word index has no OOV token, so they are left out, as Keras's Tokenizer does.",
        "不在词表中：{words}。词表没有 OOV 词元，所以按 Keras Tokenizer 的做法把它们丢掉了。",
    ),
    "keras.err_needs_words": (
        "This model reads token ids. Upload your word index with the model to type a sentence, "
        "or type ids as numbers (e.g. 4, 17, 9).",
        "这个模型读入的是词元编号。请和模型一起上传你的词表，才能输入句子；或者以数字形式输入编号（例如 4, 17, 9）。",
    ),
}
