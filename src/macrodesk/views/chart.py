"""A chart of `macrodesk views`: each source's figure for one indicator and period, with the
median, so outliers stand out."""

from __future__ import annotations

from pathlib import Path

from macrodesk.text.files import atomic_write
from macrodesk.views.consensus import ViewGroup, point


def chart_views(groups: list[ViewGroup], stem: str | Path) -> list[Path]:
    """PNG and SVG of the groups with figures: one row per forecast, the median as a line."""
    with_values = [g for g in groups if any(point(f) is not None for f in g.forecasts)][:6]

    def draw(fig) -> None:
        n = max(1, len(with_values))
        axes = fig.subplots(n, 1, squeeze=False)[:, 0]
        for ax, g in zip(axes, with_values, strict=False):
            rows = [(f, point(f)) for f in g.forecasts if point(f) is not None]
            labels = [f"{f.who if f.who != 'author' else f.source[:14]} {f.published}" for f, _ in rows]
            ys = range(len(rows))
            ax.scatter([v for _, v in rows], list(ys), color="#1f77b4")
            for y, (f, _) in zip(ys, rows, strict=True):
                if f.low is not None and f.high is not None:
                    ax.plot([f.low, f.high], [y, y], color="#1f77b4", alpha=0.5)
            if g.median is not None:
                ax.axvline(g.median, color="#d62728", linestyle="--", label=f"中位数 {g.median:g}")
                ax.legend(loc="best", fontsize=8)
            ax.set_yticks(list(ys), labels, fontsize=8)
            ax.set_title(f"{g.label} [{g.region}]", fontsize=10)

    import io

    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    from macrodesk.trade.charts import cjk_font

    stem = Path(stem)
    rc: dict = {"font.family": "sans-serif", "font.sans-serif": [cjk_font(), "DejaVu Sans"],
          "axes.unicode_minus": False, "svg.fonttype": "path"}
    paths = []
    with plt.rc_context(rc):
        fig = plt.figure(figsize=(9, 2.2 + 1.6 * max(1, len(with_values))))
        try:
            draw(fig)
            fig.text(0.01, 0.01, "来源：macrodesk 从存档文章中抽取的预测（原文数字）", fontsize=8, color="#666666")
            fig.tight_layout(rect=(0, 0.04, 1, 1))
            for ext in ("png", "svg"):
                buf = io.BytesIO()
                fig.savefig(buf, format=ext, dpi=150)
                paths.append(atomic_write(stem.with_suffix(f".{ext}"), buf.getvalue()))
        finally:
            plt.close(fig)
    return paths
