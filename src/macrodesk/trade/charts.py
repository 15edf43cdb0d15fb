"""Charts of the trade indicators as PNG and SVG, labelled in Chinese with a CJK font; a missing
glyph is an error, never a box in the picture."""

from __future__ import annotations

import io
import unicodedata
import warnings
from collections.abc import Callable
from pathlib import Path
from typing import Any, cast

import matplotlib

matplotlib.use("Agg")  # files only; never open a window

import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402
from matplotlib import font_manager  # noqa: E402

from macrodesk.errors import DataError  # noqa: E402
from macrodesk.text.files import atomic_write  # noqa: E402
from macrodesk.trade.data import group_names  # noqa: E402

CJK_FAMILIES = ("Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "Source Han Sans CN",
                "WenQuanYi Zen Hei", "WenQuanYi Micro Hei", "Microsoft YaHei", "SimHei",
                "PingFang SC", "Noto Serif CJK SC")
SOURCE_NOTE = "数据来源：美国人口普查局、美国财政部、FRED；macrodesk 计算"


def cjk_font() -> str:
    """The first installed font family that renders Simplified Chinese."""
    for attempt in range(2):
        names = {f.name for f in font_manager.fontManager.ttflist}
        for fam in CJK_FAMILIES:
            if fam in names:
                return fam
        if attempt == 0:
            _add_new_fonts()
    raise DataError("no CJK font found for Chinese chart labels",
                    hint="install one, e.g. `apt-get install fonts-noto-cjk`, then retry")


# how many narrow-character cells fit across the 9-inch figure: 648 pt over ~6 pt a cell at the
# title's 12 pt (a Chinese character takes two cells) and over ~4 pt at the source note's 8 pt
TITLE_CELLS, NOTE_CELLS = 100, 150
_BREAK_AFTER = "；，、。）) /"


def _add_new_fonts() -> None:
    """Add the fonts installed since matplotlib cached its font list (as the error below tells the
    user to do) to the manager in place: its renderers hold that manager from import on, so a new
    manager would be found by name and never drawn with (the glyphs came out missing)."""
    manager = font_manager.fontManager
    known = {f.fname for f in manager.ttflist}
    added = False
    for path in font_manager.findSystemFonts():
        if path in known:
            continue
        try:
            manager.addfont(path)
            added = True
        except (OSError, RuntimeError, ValueError):
            continue  # a file FreeType cannot read is not a font to draw with
    if added:
        # the lookups made before are cached; the next process reads the list without a rescan
        cast(Any, font_manager.FontManager)._findfont_cached.cache_clear()
        cache = Path(matplotlib.get_cachedir(), f"fontlist-v{font_manager.FontManager.__version__}.json")
        try:
            font_manager.json_dump(manager, cache)
        except OSError:
            pass  # an unwritable cache only costs the next process its own rescan


def _cells(ch: str) -> int:
    return 2 if unicodedata.east_asian_width(ch) in "WF" else 1


def wrap_cells(text: str, cells: int) -> str:
    """`text` broken into lines of at most `cells` display cells, at a punctuation mark or space
    in the second half of the line where there is one: a long title or source note stays inside
    the figure instead of running off both edges."""
    lines: list[str] = []
    line, width = "", 0
    for ch in text:
        if width + _cells(ch) > cells and line:
            cut = max(line.rfind(p) for p in _BREAK_AFTER)
            if cut < len(line) // 2:
                cut = len(line) - 1
            lines.append(line[:cut + 1].rstrip())
            line = line[cut + 1:].lstrip()
            width = sum(_cells(c) for c in line)
        line += ch
        width += _cells(ch)
    lines.append(line)
    return "\n".join(lines)


def _render(draw: Callable[[plt.Figure], None], stem: str | Path,
            size: tuple[float, float] = (9, 5), source: str | None = None) -> list[Path]:
    stem = Path(stem)
    paths = []
    with plt.rc_context({
        "font.family": "sans-serif", "font.sans-serif": [cjk_font(), "DejaVu Sans"],
        "axes.unicode_minus": False, "svg.fonttype": "path",
    }), warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        fig = plt.figure(figsize=size)
        try:
            draw(fig)
            for ax in fig.axes:
                ax.set_title(wrap_cells(ax.get_title(), TITLE_CELLS))
            note = wrap_cells(source or SOURCE_NOTE, NOTE_CELLS)
            fig.text(0.01, 0.01, note, fontsize=8, color="#666666")
            fig.tight_layout(rect=(0, 0.04 * (note.count("\n") + 1), 1, 1))
            formats: tuple[tuple[str, dict[str, Any]], ...] = (("png", {"dpi": 150}), ("svg", {}))
            for ext, kw in formats:
                buf = io.BytesIO()
                fig.savefig(buf, format=ext, **kw)
                paths.append(atomic_write(stem.with_suffix(f".{ext}"), buf.getvalue()))
        finally:
            plt.close(fig)
    missing = [str(w.message) for w in caught if "missing from font" in str(w.message)]
    if missing:
        raise DataError(f"chart has glyphs the font lacks: {missing[0]}", source=str(stem),
                        hint="install fonts-noto-cjk")
    return paths


def chart_etr(df: pd.DataFrame, stem: str | Path, *,
        title: str | None = None, source: str | None = None) -> list[Path]:
    """Monthly effective rate (one line per basis) from `monthly_etr` frames concatenated."""
    def draw(fig):
        ax = fig.add_subplot()
        labels = {"consumption": "消费进口口径", "general": "一般进口口径", "treasury": "财政部关税收入口径"}
        periods = sorted(df["period"].unique())
        pos = {p: i for i, p in enumerate(periods)}
        for basis, g in df.groupby("basis", sort=False):
            ax.plot(g["period"].map(pos), g["rate_pct"], marker="o", ms=3,
                    label=labels.get(basis, basis))
        ax.set_title(title or "美国有效关税税率（关税 / 进口额）")
        ax.set_xlabel("月份")
        ax.set_ylabel("有效关税税率（%）")
        _thin_ticks(ax, periods)
        ax.legend()
        ax.grid(alpha=0.3)
    return _render(draw, stem, source=source)


def chart_etr_groups(df: pd.DataFrame, stem: str | Path, key: str, top: int = 15, *,
        title: str | None = None, source: str | None = None) -> list[Path]:
    """Bars of the effective rate of the largest groups (partner or chapter) from `etr_by`."""
    d = df.nlargest(top, "imports").iloc[::-1]
    label = d["partner_name"] if key == "partner" and "partner_name" in d else (
        "第" + d[key].astype(str) + "章")
    def draw(fig):
        ax = fig.add_subplot()
        ax.barh(label.astype(str), d["rate_pct"], color="#3b6ea5")
        ax.set_title(title or f"有效关税税率：进口额前{len(d)}的{'贸易伙伴' if key == 'partner' else 'HS章'}")
        ax.set_xlabel("有效关税税率（%）")
        ax.set_ylabel("贸易伙伴" if key == "partner" else "HS 章")
        ax.grid(axis="x", alpha=0.3)
    return _render(draw, stem, (9, 6), source=source)


def chart_scenario(result, stem: str | Path, *,
        title: str | None = None, source: str | None = None) -> list[Path]:
    """Horizontal bars: each scenario line's contribution to the change in the overall rate."""
    lines = result.lines_frame().iloc[::-1]
    def draw(fig):
        ax = fig.add_subplot()
        ax.barh(lines["name"], lines["contribution_pp"], color="#c0504d")
        ax.set_title(title or f"{result.name}\n整体有效税率 {result.base_rate_pct:.2f}% → "
                     f"{result.scenario_rate_pct:.2f}%（+{result.change_pp:.2f} 个百分点）",
                     fontsize=11)
        ax.set_xlabel("对整体有效税率变化的贡献（个百分点）")
        ax.set_ylabel("情景条目")
        ax.tick_params(axis="y", labelsize=7)
        ax.grid(axis="x", alpha=0.3)
    return _render(draw, stem, (10, max(4.0, 0.35 * len(lines) + 1.5)), source=source)


def chart_frontload(df: pd.DataFrame, stem: str | Path, *,
        title: str | None = None, source: str | None = None) -> list[Path]:
    """Monthly gap (bars) and cumulative gap (line) of imports over trend, air share beside."""
    d = df.dropna(subset=["gap"])
    def draw(fig):
        ax = fig.add_subplot(2, 1, 1)
        ax.plot(d["period"], d["imports"], label="实际进口")
        ax.plot(d["period"], d["trend"], linestyle="--", label="线性趋势")
        ax.set_title(title or "美国实际进口与线性趋势（十亿美元，2025年不变价）")
        ax.set_ylabel("十亿美元")
        ax.legend()
        _thin_ticks(ax, d["period"].tolist())
        ax2 = fig.add_subplot(2, 1, 2)
        g = d[d["cum_gap"].notna()]
        ax2.bar(g["period"], g["gap"], color="#8fb3d9", label="当月缺口")
        ax2.plot(g["period"], g["cum_gap"], color="#c0504d", marker="o", ms=3, label="累计缺口")
        ax2.set_xlabel("月份")
        ax2.set_ylabel("偏离趋势（十亿美元）")
        air = df[df["period"].isin(g["period"])].dropna(subset=["air_share_pct"])
        if len(air):
            ax3 = ax2.twinx()
            ax3.plot(air["period"], air["air_share_pct"], color="#4f8f4f", linestyle=":",
                     marker="s", ms=3, label="空运占比（右轴，%）")
            ax3.set_ylabel("空运占一般进口比重（%）")
            ax3.legend(loc="upper center")
        ax2.legend(loc="upper right")
        _thin_ticks(ax2, g["period"].tolist())
    return _render(draw, stem, (10, 7), source=source)


def chart_inventory(df: pd.DataFrame, stem: str | Path, since: str, *,
        title: str | None = None, source: str | None = None) -> list[Path]:
    """The inventory/sales ratio with the window it is ranked in shaded."""
    def draw(fig):
        ax = fig.add_subplot()
        ax.plot(df["period"], df["ratio"], color="#3b6ea5")
        w = df[df["period"] >= since]
        if len(w):
            ax.axvspan(w["period"].iloc[0], w["period"].iloc[-1], alpha=0.12, color="#c0504d",
                       label=f"分位数窗口（{since} 起）")
            ax.legend()
        ax.set_title(title or "美国企业库存/销售比")
        ax.set_xlabel("月份")
        ax.set_ylabel("库存/销售比（倍）")
        _thin_ticks(ax, df["period"].tolist())
        ax.grid(alpha=0.3)
    return _render(draw, stem, source=source)


def chart_response(result, stem: str | Path, label: str = "group", *,
        title: str | None = None, source: str | None = None) -> list[Path]:
    """Scatter of the change in import growth on the change in the rate, with the OLS line."""
    t = result.table
    def draw(fig):
        ax = fig.add_subplot()
        ax.scatter(t["d_etr"], t["d_growth"], color="#3b6ea5")
        if label in t:
            names = group_names(label)
            texts = [names.get(str(v), str(v)) for v in t[label]]
            # label the points farthest from the fitted line first; skip one that would
            # overlap a label already placed (a crowded middle stays readable)
            resid = (t["d_growth"] - result.intercept - result.slope * t["d_etr"]).abs()
            spanx = float(t["d_etr"].max() - t["d_etr"].min()) or 1.0
            spany = float(t["d_growth"].max() - t["d_growth"].min()) or 1.0
            placed: list[tuple[float, float]] = []
            for i in resid.sort_values(ascending=False).index[:25]:
                x, y = float(t.at[i, "d_etr"]), float(t.at[i, "d_growth"])
                if any(abs(x - px) < spanx / 12 and abs(y - py) < spany / 25 for px, py in placed):
                    continue
                placed.append((x, y))
                ax.annotate(texts[t.index.get_loc(i)], (x, y), fontsize=7,
                            xytext=(3, 3), textcoords="offset points")
        xs = pd.Series([t["d_etr"].min(), t["d_etr"].max()])
        ax.plot(xs, result.intercept + result.slope * xs, color="#c0504d",
                label=f"斜率 {result.slope:.2f}（标准误 {result.se:.2f}，n={result.n}）")
        ax.set_title(title or "进口增速变化对有效关税税率变化的响应")
        ax.set_xlabel("有效关税税率变化（个百分点）")
        ax.set_ylabel("进口同比增速变化（个百分点）")
        ax.legend()
        ax.grid(alpha=0.3)
    return _render(draw, stem, source=source)


def chart_airshare(df: pd.DataFrame, stem: str | Path, *, title: str | None = None,
                   source: str | None = None) -> list[Path]:
    """Air and vessel shares of general imports by month, from `air_share`."""
    def draw(fig):
        ax = fig.add_subplot()
        periods = df["period"].tolist()
        for col, name in (("air_share_pct", "空运"), ("vessel_share_pct", "海运")):
            if col in df:
                ax.plot(range(len(periods)), df[col], marker="o", ms=3, label=name)
        ax.set_title(title or "空运/海运占美国一般进口比重")
        ax.set_xlabel("月份")
        ax.set_ylabel("占一般进口比重（%）")
        _thin_ticks(ax, periods)
        ax.legend()
        ax.grid(alpha=0.3)
    return _render(draw, stem, source=source)


def _thin_ticks(ax, periods: list[str], most: int = 12) -> None:
    step = max(1, len(periods) // most)
    ax.set_xticks(range(0, len(periods), step))
    ax.set_xticklabels(periods[::step], rotation=45, ha="right", fontsize=8)
