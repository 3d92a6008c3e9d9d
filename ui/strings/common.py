STRINGS = {
    "app.title": ("LSTM Lab", "LSTM 实验室"),
    "app.language": ("Language / 语言", "Language / 语言"),
    "app.teacher_on": ("Teacher mode: advanced controls hidden, larger text.", "教师模式：已隐藏高级选项，字号放大。"),
    "app.data_table": ("Data behind this chart", "图表数据表"),
    "app.bad_query": (
        "The link's setting {name}={value!r} is not valid here and was ignored.",
        "链接中的参数 {name}={value!r} 无效，已忽略。",
    ),
    "app.advanced": ("Advanced", "高级选项"),
    "app.seed": ("Random seed", "随机种子"),
    "app.busy": (
        "{running} training runs are in progress on this server (limit {limit}). Yours starts as soon as one finishes…",
        "服务器上已有 {running} 个训练任务在运行（上限 {limit}）。有空位时你的训练会自动开始……",
    ),
    "app.coming_soon": (
        "This page is being built; see the project's open issues.",
        "此页面仍在建设中，详见项目的待办事项。",
    ),
    "nav.home": ("Home", "首页"),
    "nav.explorer": ("Cell explorer", "单元探索"),
    "nav.gradient_flow": ("Gradient flow", "梯度流"),
    "nav.train": ("Train a classifier", "训练分类器"),
    "nav.text_pipeline": ("Text pipeline", "文本处理流程"),
    "nav.metrics": ("Metrics lab", "评价指标"),
    "nav.forecast": ("Forecasting", "时间序列预测"),
    "nav.lessons": ("Lessons", "课程"),
    "error.generic": (
        "Something went wrong with this input: {detail}. Try other values; the page still works.",
        "处理此输入时出错：{detail}。请换一组数值，页面仍可继续使用。",
    ),
}
