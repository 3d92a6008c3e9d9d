"""Imports point down only: pages -> ui -> plots / datasets -> lstm_core. A module that imports from
its own layer's sibling or from a layer above it (the core reading a data set, a chart reaching into
the UI) fails here, named with its line."""

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LAYER = {"app": 0, "router": 0, "pages": 0, "ui": 1, "plots": 2, "datasets": 2, "lstm_core": 3}


def wrong_imports(path: Path, own: str) -> list[str]:
    wrong = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names = [node.module]
        else:
            continue
        for name in names:
            top = name.split(".")[0]
            if top in LAYER and top != own and LAYER[top] <= LAYER[own]:
                wrong.append(f"{path.name}:{node.lineno} imports {name}")
    return wrong


def test_imports_point_down():
    wrong = []
    scripts = [ROOT / f"{part}.py" for part in LAYER if (ROOT / f"{part}.py").is_file()]  # app.py, router.py
    for path in [*scripts, *(p for part in LAYER if (ROOT / part).is_dir() for p in sorted((ROOT / part).rglob("*.py")))]:
        wrong += wrong_imports(path, path.relative_to(ROOT).parts[0].removesuffix(".py"))
    assert not wrong, "\n".join(wrong)


def test_an_upward_import_is_caught(tmp_path):
    module = tmp_path / "model.py"
    module.write_text("import numpy\nfrom lstm_core import cells\nfrom datasets.classification import load\n")
    assert wrong_imports(module, "lstm_core") == ["model.py:3 imports datasets.classification"]
    assert wrong_imports(module, "ui") == []
