STRINGS = {
    "model.download": ("Download the trained model (.npz)", "下载训练好的模型（.npz）"),
    "model.download_help": (
        "A NumPy archive with the weights, vocabulary and settings. Open it again later in the cell explorer, with "
        "“Load a model file (.npz)”.",
        "包含权重、词表和设置的 NumPy 文件。以后可以在单元探索页中通过“加载模型文件（.npz）”重新打开。",
    ),
    "model.upload": ("Load a model file (.npz)", "加载模型文件（.npz）"),
    "model.upload_help": (
        "A model saved by LSTM Lab. The file is checked (sizes, shapes, number types) and is never unpickled; at most 2 MB.",
        "由 LSTM 实验室保存的模型。文件会被逐项检查（大小、形状、数值类型），绝不会被反序列化执行；最大 2 MB。",
    ),
    "model.loaded": ("Loaded “{title}”.", "已加载“{title}”。"),
    "model.uploaded_title": ("Uploaded model: {name}", "上传的模型：{name}"),
    "model.err_file_size": (
        "This file is too large: model files may be at most {limit_mb} MB.",
        "文件过大：模型文件最大为 {limit_mb} MB。",
    ),
    "model.err_unpacked": (
        "This file is only {size_mb} MB, but it is compressed: unpacked, its arrays come to {unpacked_mb} MB, more "
        "than the {limit_mb} MB a model may hold. LSTM Lab's models are far smaller: this is not one of them.",
        "这个文件只有 {size_mb} MB，但它是压缩过的：解压后其中的数组共有 {unpacked_mb} MB，超过了模型最多可占的 "
        "{limit_mb} MB。LSTM 实验室的模型远没有这么大：这不是它保存的模型。",
    ),
    "model.err_unpacked_entry": (
        "The entry “{entry}” is compressed: unpacked, it comes to {unpacked_mb} MB, more than the {limit_mb} MB "
        "one array of a model may hold.",
        "条目“{entry}”是压缩过的：解压后有 {unpacked_mb} MB，超过了模型中单个数组最多可占的 {limit_mb} MB。",
    ),
    "model.err_not_npz": (
        "This is not a model file saved by LSTM Lab (expected a .npz NumPy archive).",
        "这不是 LSTM 实验室保存的模型文件（应为 .npz 格式的 NumPy 文件）。",
    ),
    "model.err_empty": (
        "The file is empty (0 bytes): download or save the model again.",
        "文件是空的（0 字节）：请重新下载或保存模型。",
    ),
    "model.err_keras": (
        "This is a Keras model file, not a model saved by LSTM Lab: open it with "
        "“Open a Keras model (.keras, .h5, + .json)” below.",
        "这是 Keras 模型文件，不是 LSTM 实验室保存的模型：请改用下方的“打开 Keras 模型（.keras、.h5，以及 .json）”。",
    ),
    "model.err_not_lstm_lab": (
        "This NumPy archive was not saved by LSTM Lab: it has no “meta” entry describing the model. "
        "Models downloaded from the “Train a classifier” and “Forecasting” pages open here.",
        "这个 NumPy 文件不是 LSTM 实验室保存的：其中没有描述模型的“meta”条目。"
        "从“训练分类器”和“时间序列预测”页面下载的模型可以在这里打开。",
    ),
    "model.err_unknown_key": (
        "The model file has an entry “{entry}”, which no LSTM Lab model has. A model file holds only .npy "
        "arrays: meta, embedding, scale, and weights named like l0_d0_W_ih (layer 0, direction 0, W_ih).",
        "模型文件中有一个条目“{entry}”，LSTM 实验室的模型没有这样的条目。模型文件里只有 .npy 数组："
        "meta、embedding、scale，以及像 l0_d0_W_ih（第 0 层、方向 0、W_ih）这样命名的权重。",
    ),
    "model.err_repeated_key": (
        "The model file holds the entry “{entry}” twice.",
        "模型文件中的条目“{entry}”出现了两次。",
    ),
    "model.err_missing_key": (
        "The model file's meta entry describes a model with the weight “{entry}”, but the file has no such "
        "entry. The weights it holds: {found}.",
        "模型文件的 meta 条目所描述的模型有权重“{entry}”，但文件中没有这个条目。文件中的权重：{found}。",
    ),
    "model.err_no_weights": (
        "The model file holds no weights. The model described by its meta entry needs {expected}.",
        "模型文件中没有任何权重。meta 条目所描述的模型需要：{expected}。",
    ),
    "model.err_extra_key": (
        "The model file has an entry “{entry}”, a weight the model described by its meta entry does not have. "
        "That model's weights: {expected}.",
        "模型文件中有条目“{entry}”，但 meta 条目所描述的模型没有这个权重。该模型的权重：{expected}。",
    ),
    "model.err_bad_array": (
        "The entry “{entry}” of the model file is damaged.",
        "模型文件中的条目“{entry}”已损坏。",
    ),
    "model.err_dtype": (
        "The entry “{entry}” holds values of type {dtype}; it must hold floating-point numbers ({expected}).",
        "条目“{entry}”中的值是 {dtype} 类型；它必须是浮点数（{expected}）。",
    ),
    "model.err_byte_order": (
        "The entry “{entry}” holds {dtype} numbers in big-endian byte order; only little-endian ones, the order "
        "NumPy writes on a PC or Mac, are read.",
        "条目“{entry}”中的 {dtype} 数值按大端字节序存储；这里只读取小端字节序的数值，也就是 NumPy 在 PC 或 Mac 上写入的顺序。",
    ),
    "model.err_mixed_dtype": (
        "The weights mix number types: “{first}” is {first_dtype} but “{entry}” is {dtype}. All weights must "
        "share one type, all float32 or all float64.",
        "权重的数值类型不一致：“{first}”是 {first_dtype}，而“{entry}”是 {dtype}。所有权重必须是同一种类型："
        "全部 float32 或全部 float64。",
    ),
    "model.err_meta_dtype": (
        "The entry “meta” holds values of type {dtype}; it must hold bytes (uint8), the UTF-8 text of the model's description.",
        "条目“meta”中的值是 {dtype} 类型；它必须是字节（uint8），即模型描述的 UTF-8 文本。",
    ),
    "model.err_shape": (
        "The entry “{entry}” has shape {got}, but the model's sizes require {want}.",
        "条目“{entry}”的形状为 {got}，但按模型尺寸应为 {want}。",
    ),
    "model.err_not_finite": (
        "The entry “{entry}” contains NaN or infinite values.",
        "条目“{entry}”中含有 NaN 或无穷大的数值。",
    ),
    "model.err_metadata": (
        "The model file's description (metadata) is missing or invalid.",
        "模型文件的描述信息（元数据）缺失或无效。",
    ),
    "model.err_version": (
        "This model file has format version {version}, which this app cannot read.",
        "该模型文件的格式版本为 {version}，本应用无法读取。",
    ),
    "model.err_kind": ("Unknown model type “{kind}”.", "未知的模型类型“{kind}”。"),
    "model.err_size": (
        "The model's {name} is {value}; it must be between {low} and {high}.",
        "模型的 {name} 为 {value}，必须在 {low} 到 {high} 之间。",
    ),
    "model.err_list": (
        "The model's {name} list is invalid (at most {limit} short text items).",
        "模型的 {name} 列表无效（最多 {limit} 个较短的文本项）。",
    ),
    "model.err_vocab": (
        "The model's vocabulary is invalid (tokens must be unique, at least 2).",
        "模型的词表无效（词元必须各不相同，且至少 2 个）。",
    ),
    "model.err_scale": (
        "The model's scaler range is invalid (maximum below minimum).",
        "模型的缩放范围无效（最大值小于最小值）。",
    ),
}
