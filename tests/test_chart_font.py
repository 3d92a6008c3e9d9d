"""Charts are drawn in the page's own font: plots/style.FONT names the web font Streamlit serves.

It named 'Source Sans Pro', a font Streamlit no longer ships under that name ('Source Sans' since
1.4x), so wherever Inter is not installed (most Windows and Mac machines) charts drew their Latin text
in the first CJK font found, YaHei, PingFang or Noto Sans CJK, whose quotation marks are full width
("Always “negative”" on /metrics)."""

import re
from pathlib import Path

import streamlit

from plots.style import FONT


def _families(css_list: str) -> list[str]:
    return [name.strip().strip("'\"") for name in css_list.split(",")]


def test_charts_name_the_web_font_streamlit_serves():
    css = "".join(p.read_text(errors="ignore") for p in (Path(streamlit.__file__).parent / "static").rglob("*.css"))
    served = {m.strip().strip("'\"") for m in re.findall(r"@font-face\{font-family:([^;}]+)", css)}
    sans = {name for name in served if "Sans" in name and "Mono" not in name and "Serif" not in name}
    assert sans, "Streamlit's CSS declares no sans-serif web font: read how it names its fonts now"
    families = _families(FONT)
    assert sans & set(families), f"FONT {families} names none of Streamlit's web fonts {sorted(sans)}"
    # the page's font comes before any CJK one: Latin text is drawn in it, Chinese falls through to the next
    first_cjk = min(i for i, name in enumerate(families) if "CJK" in name or "YaHei" in name or "PingFang" in name)
    assert min(families.index(name) for name in sans & set(families)) < first_cjk
