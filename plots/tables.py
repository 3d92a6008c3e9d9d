"""The numbers behind a figure, as a table: every chart gets one (for screen readers, and to copy)."""

import numpy as np
import pandas as pd


def figure_table(fig, names: dict) -> pd.DataFrame:
    """One long table of every trace's points. `names` gives the translated column headers for
    the keys "series", "x", "y" and "value" (heatmaps)."""
    frames = []
    for k, trace in enumerate(fig.data):
        series = getattr(trace, "name", None) or f"{k + 1}"
        z = getattr(trace, "z", None)
        if z is not None:
            z = np.asarray(z, dtype=float)
            x = trace.x if trace.x is not None else np.arange(z.shape[1])
            y = trace.y if trace.y is not None else np.arange(z.shape[0])
            yy, xx = np.meshgrid(np.asarray(y, dtype=object), np.asarray(x, dtype=object), indexing="ij")
            frames.append(
                pd.DataFrame({names["series"]: series, names["x"]: xx.ravel(), names["y"]: yy.ravel(), names["value"]: z.ravel()})
            )
            continue
        x, y = getattr(trace, "x", None), getattr(trace, "y", None)
        if y is None and x is None:
            continue
        y = np.asarray(y if y is not None else [], dtype=object)
        x = np.asarray(x if x is not None else np.arange(len(y)), dtype=object)
        n = min(len(x), len(y)) if len(y) else len(x)
        frames.append(pd.DataFrame({names["series"]: series, names["x"]: x[:n], names["y"]: y[:n] if len(y) else None}))
    if not frames:
        return pd.DataFrame()
    return pd.concat(frames, ignore_index=True)
