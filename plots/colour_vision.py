"""How the gate colours look to a learner with a colour-vision deficiency, and how far apart they stay.

Simulation: Machado, Oliveira & Fernandes (2009), "A physiologically-based model for simulation of
color vision deficiency", IEEE TVCG 15(6), severity 1.0 (full dichromacy), applied to linear RGB.
Distance: CIEDE2000 between the simulated colours (about 2 is just noticeable; lines and small
markers want well over 10). `python -m plots.colour_vision` prints the table in docs/accessibility.md.
"""

from __future__ import annotations

import itertools

import numpy as np

from .style import COLORS, DASHES

MACHADO_2009 = {
    "protanopia": np.array([[0.152286, 1.052583, -0.204868], [0.114503, 0.786281, 0.099216], [-0.003882, -0.048116, 1.051998]]),
    "deuteranopia": np.array([[0.367322, 0.860646, -0.227968], [0.280085, 0.672501, 0.047413], [-0.011820, 0.042940, 0.968881]]),
    "tritanopia": np.array([[1.255528, -0.076749, -0.178779], [-0.078411, 0.930809, 0.147602], [0.004733, 0.691367, 0.303900]]),
}

LSTM_GATES = ("i", "f", "g", "o", "c", "h")  # the quantities one chart shows together


def _to_linear(rgb: np.ndarray) -> np.ndarray:
    return np.where(rgb <= 0.04045, rgb / 12.92, ((rgb + 0.055) / 1.055) ** 2.4)


def _to_srgb(lin: np.ndarray) -> np.ndarray:
    lin = np.clip(lin, 0.0, 1.0)
    return np.where(lin <= 0.0031308, 12.92 * lin, 1.055 * lin ** (1 / 2.4) - 0.055)


def hex_to_rgb(colour: str) -> np.ndarray:
    """'#0072B2' -> sRGB in [0, 1], shape (3,)."""
    return np.array([int(colour[k : k + 2], 16) for k in (1, 3, 5)]) / 255.0


def rgb_to_hex(rgb: np.ndarray) -> str:
    return "#" + "".join(f"{round(float(x) * 255):02X}" for x in np.clip(rgb, 0, 1))


def simulate(colour: str, deficiency: str) -> str:
    """The colour as a dichromat of the given kind sees it, as hex."""
    return rgb_to_hex(_to_srgb(MACHADO_2009[deficiency] @ _to_linear(hex_to_rgb(colour))))


SRGB_TO_XYZ = np.array([[0.4124564, 0.3575761, 0.1804375], [0.2126729, 0.7151522, 0.0721750], [0.0193339, 0.1191920, 0.9503041]])


def _lab(colour: str) -> np.ndarray:
    """CIE L*a*b* (D65) of an sRGB hex colour."""
    lin = _to_linear(hex_to_rgb(colour))
    xyz = SRGB_TO_XYZ @ lin
    xyz = xyz / np.array([0.95047, 1.0, 1.08883])
    f = np.where(xyz > (6 / 29) ** 3, np.cbrt(xyz), xyz / (3 * (6 / 29) ** 2) + 4 / 29)
    return np.array([116 * f[1] - 16, 500 * (f[0] - f[1]), 200 * (f[1] - f[2])])


def delta_e2000(a: str, b: str) -> float:
    """CIEDE2000 colour difference between two hex colours."""
    return ciede2000(_lab(a), _lab(b))


def ciede2000(lab1, lab2) -> float:
    """CIEDE2000 between two CIE L*a*b* colours (Sharma, Wu & Dalal 2005, whose test pairs check it)."""
    (L1, a1, b1), (L2, a2, b2) = lab1, lab2
    C1, C2 = np.hypot(a1, b1), np.hypot(a2, b2)
    Cbar = (C1 + C2) / 2
    G = 0.5 * (1 - np.sqrt(Cbar**7 / (Cbar**7 + 25**7)))
    a1p, a2p = (1 + G) * a1, (1 + G) * a2
    C1p, C2p = np.hypot(a1p, b1), np.hypot(a2p, b2)
    h1p, h2p = np.degrees(np.arctan2(b1, a1p)) % 360, np.degrees(np.arctan2(b2, a2p)) % 360
    dLp, dCp = L2 - L1, C2p - C1p
    dh = h2p - h1p
    if C1p * C2p == 0:
        dh = 0.0
    elif dh > 180:
        dh -= 360
    elif dh < -180:
        dh += 360
    dHp = 2 * np.sqrt(C1p * C2p) * np.sin(np.radians(dh / 2))
    Lbar, Cbarp = (L1 + L2) / 2, (C1p + C2p) / 2
    if C1p * C2p == 0:
        hbar = h1p + h2p
    elif abs(h1p - h2p) <= 180:
        hbar = (h1p + h2p) / 2
    else:
        hbar = (h1p + h2p + 360) / 2 if h1p + h2p < 360 else (h1p + h2p - 360) / 2
    T = (
        1
        - 0.17 * np.cos(np.radians(hbar - 30))
        + 0.24 * np.cos(np.radians(2 * hbar))
        + 0.32 * np.cos(np.radians(3 * hbar + 6))
        - 0.20 * np.cos(np.radians(4 * hbar - 63))
    )
    SL = 1 + 0.015 * (Lbar - 50) ** 2 / np.sqrt(20 + (Lbar - 50) ** 2)
    SC, SH = 1 + 0.045 * Cbarp, 1 + 0.015 * Cbarp * T
    RT = -2 * np.sqrt(Cbarp**7 / (Cbarp**7 + 25**7)) * np.sin(np.radians(60 * np.exp(-(((hbar - 275) / 25) ** 2))))
    return float(np.sqrt((dLp / SL) ** 2 + (dCp / SC) ** 2 + (dHp / SH) ** 2 + RT * (dCp / SC) * (dHp / SH)))


def closest_pair(quantities=LSTM_GATES, deficiency: str | None = None) -> tuple[str, str, float]:
    """The two quantities whose colours are hardest to tell apart (for `deficiency`, or normal vision)."""
    seen = {q: COLORS[q] if deficiency is None else simulate(COLORS[q], deficiency) for q in quantities}
    return min(((a, b, delta_e2000(seen[a], seen[b])) for a, b in itertools.combinations(quantities, 2)), key=lambda r: r[2])


def markdown_table(quantities=LSTM_GATES) -> str:
    """The simulated palette and its closest pair per vision type, as a Markdown table."""
    kinds = [None, *MACHADO_2009]
    head = "| quantity | line style | " + " | ".join(k or "normal vision" for k in kinds) + " |"
    rows = [head, "| --- | --- |" + " --- |" * len(kinds)]
    for q in quantities:
        cells = [COLORS[q] if k is None else simulate(COLORS[q], k) for k in kinds]
        rows.append(f"| {q} | {DASHES[q]} | " + " | ".join(f"`{c}`" for c in cells) + " |")
    closest = [closest_pair(quantities, k) for k in kinds]
    rows.append("| closest pair (CIEDE2000) | | " + " | ".join(f"{a}–{b}: {d:.1f}" for a, b, d in closest) + " |")
    return "\n".join(rows)


if __name__ == "__main__":
    print(markdown_table())
