"""bench/run_all.py's report: a new full run replaces the generated part of bench/RESULTS.md and
keeps the sections written by hand below it (the notes on earlier runs and sessions)."""

from bench.run_all import Row, write_report

INFO = {"cpu": "Test CPU", "cores": 2, "memory_gb": 1, "python": "3.11", "load_average": ["0", "0", "0"]}


def report(path, value):
    write_report(path, INFO, [("core_speed", [Row("a figure", value, "≤ 1", True)], 1.0, "")], "today", 60, False)
    return path.read_text(encoding="utf-8")


def test_a_new_run_replaces_the_figures_and_keeps_the_notes_below(tmp_path):
    path = tmp_path / "RESULTS.md"
    first = report(path, "0.5")
    assert "| core_speed | a figure | 0.5 |" in first and "## Notes" not in first
    path.write_text(first + "\n## Notes on an earlier run\n\nWhat a session found.\n", encoding="utf-8")
    second = report(path, "0.7")
    assert "| core_speed | a figure | 0.7 |" in second and "0.5" not in second
    assert second.endswith("## Notes on an earlier run\n\nWhat a session found.\n")
    assert second.count("## Figures") == 1
