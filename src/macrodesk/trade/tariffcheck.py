"""The "数据核对" block: find figures in article sentences that the trade indicators cover (US
effective tariff rate, air share of imports) and put the recomputed value beside the quoted one."""

from __future__ import annotations

import re
from collections.abc import Iterable

from pydantic import BaseModel

from macrodesk.errors import DataError
from macrodesk.figures import extract_figures
from macrodesk.models import Figure, FigureKind, Sentence
from macrodesk.trade.data import load_weights
from macrodesk.trade.etr import Basis, annual_etr, monthly_etr
from macrodesk.trade.frontloading import air_share

_ETR_RE = re.compile(r"有效关税税?率|有效税率|实际关税税?率|实际有效关税|平均有效关税|"
                     r"effective tariff rate", re.IGNORECASE)
_AIR_RE = re.compile(r"空运(?:进口)?(?:占比|份额|比重|占)")
_OTHER_IMPOSER = re.compile(r"(?:中国|我国|欧盟|加拿大|墨西哥|日本|印度)对(?:美|美国)")
_CHINA_TARGET = re.compile(r"对华|对中国")
_YM = re.compile(r"((?:19|20)\d{2})\s?年\s?(1[0-2]|[1-9])\s?月")
_Y = re.compile(r"((?:19|20)\d{2})\s?年(?!\s?(?:1[0-2]|[1-9])\s?月)")
_M = re.compile(r"^(1[0-2]|[1-9])\s?月")
_ISO = re.compile(r"((?:19|20)\d{2})[/.-](1[0-2]|0?[1-9])")
_NEAR = 40  # characters between the indicator's name and the figure it claims
# a figure named as a statutory/theoretical rate is a different indicator from duties collected
_NOT_MEASURED_AFTER = re.compile(r"^\s?(?:的)?(?:理论|法定|名义|静态)")
_ESTIMATE = re.compile(r"预计|预测|估计|估算|考虑|若|如果|假设")

_BASIS_ZH = {"consumption": "消费进口口径，人口普查局计算关税", "general": "一般进口口径，人口普查局计算关税",
             "treasury": "财政部关税收入/人口普查局进口"}


class DataCheck(BaseModel):
    """One quoted figure and the value macrodesk recomputes for it from the source data."""

    indicator: str  # 有效关税税率 / 对华有效关税税率 / 空运占比
    period: str  # YYYY-MM or YYYY
    basis: str
    quoted: str  # the figure as written
    quoted_value: float
    recomputed: float
    diff_pp: float  # recomputed - quoted, percentage points
    matches: bool  # within the precision the article states
    estimate: bool = False  # the sentence frames the figure as a forecast or model estimate
    sentence: str
    sentence_id: str = ""

    def line(self) -> str:
        """One Markdown line for the digest's 数据核对 block."""
        verdict = "一致" if self.matches else f"相差 {self.diff_pp:+.2f} 个百分点"
        if self.estimate:
            verdict += "（原文为预测或估算口径）"
        when = _period_zh(self.period)
        return (f"{when}{self.indicator}：原文 {self.quoted}，按公开数据重算 "
                f"{self.recomputed:.2f}%（{self.basis}），{verdict}")


def _period_zh(period: str) -> str:
    if len(period) == 4:
        return f"{period}年"
    y, m = period.split("-")
    return f"{y}年{int(m)}月"


def _period_of(date_text: str | None, default_year: int | None) -> str | None:
    if not date_text:
        return None
    t = date_text.replace(" ", "")
    if m := _YM.search(t):
        return f"{m.group(1)}-{int(m.group(2)):02d}"
    if m := _ISO.match(t):
        return f"{m.group(1)}-{int(m.group(2)):02d}"
    if m := _Y.search(t):
        return m.group(1)
    if default_year and (m := _M.match(t)):
        return f"{default_year}-{int(m.group(1)):02d}"
    return None


def _claimed(text: str, fig: Figure, pattern: re.Pattern) -> bool:
    """Does an indicator name stand shortly before this figure, and is the figure not named as
    a statutory or theoretical rate right after it?"""
    before = text[max(0, fig.start - _NEAR):fig.start]
    return bool(pattern.search(before)) and not _NOT_MEASURED_AFTER.match(text[fig.end:])


def _tolerance(fig: Figure) -> float:
    # half a unit of the last digit written, more when the article says 约/近/超
    return 0.5 * 10 ** (-fig.decimals) + (0.5 if fig.approx else 0.0) + 1e-9


def _etr_value(period: str, basis: Basis, china: bool) -> tuple[float, str] | None:
    try:
        if china:
            if period != "2024":
                return None  # partner detail is bundled for 2024 only
            w = load_weights()
            cn = w[w["partner"] == "5700"]
            return 100.0 * cn["duty"].sum() / cn["imports"].sum(), "2024年HS10明细，计算关税/消费进口"
        if len(period) == 4:
            for b in ((basis,) if basis != "consumption" else ("consumption", "treasury")):
                try:
                    return annual_etr(int(period), b), _BASIS_ZH[b]
                except DataError:
                    continue
            return None
        return float(monthly_etr(basis, period, period)["rate_pct"].iloc[0]), _BASIS_ZH[basis]
    except DataError:
        return None  # the bundled data do not cover that period


def datacheck(items: Iterable[str | Sentence], default_year: int | None = None) -> list[DataCheck]:
    """For each sentence (plain text or a Sentence), every percent figure claimed as the US
    effective tariff rate or the air share of imports for a month or year the bundled data cover,
    with the recomputed value. `default_year` dates a bare "6月" (e.g. the article's year)."""
    out: list[DataCheck] = []
    air = None
    for item in items:
        text, sid = (item.text, item.id) if isinstance(item, Sentence) else (str(item), "")
        is_etr, is_air = bool(_ETR_RE.search(text)), bool(_AIR_RE.search(text))
        if not (is_etr or is_air) or (is_etr and _OTHER_IMPOSER.search(text)):
            continue
        norm = text.translate(str.maketrans("０１２３４５６７８９％．", "0123456789%."))
        for fig in extract_figures(text):
            if fig.kind != FigureKind.PERCENT or fig.unit != "%" or fig.is_range or fig.value is None:
                continue
            period = _period_of(fig.period, default_year)
            if period is None:
                continue
            if is_etr and _claimed(norm, fig, _ETR_RE):
                basis: Basis = "general" if "一般进口" in text else (
                    "treasury" if re.search(r"关税收入|财政部", text) else "consumption")
                china = bool(_CHINA_TARGET.search(text))
                got = _etr_value(period, basis, china)
                indicator = "美国对华有效关税税率" if china else "美国有效关税税率"
            elif is_air and _claimed(norm, fig, _AIR_RE) and len(period) == 7:
                air = air if air is not None else air_share()
                row = air[air["period"] == period]
                got = None if row.empty else (float(row["air_share_pct"].iloc[0]),
                                              "空运进口/一般进口，人口普查局")
                indicator = "美国进口空运占比"
            else:
                continue
            if got is None:
                continue
            value, basis_zh = got
            diff = value - fig.value
            out.append(DataCheck(indicator=indicator, period=period, basis=basis_zh,
                                 quoted=fig.text, quoted_value=fig.value, recomputed=value,
                                 diff_pp=diff, matches=abs(diff) <= _tolerance(fig),
                                 estimate=bool(_ESTIMATE.search(text)),
                                 sentence=text, sentence_id=sid))
    return out


def datacheck_lines(checks: list[DataCheck]) -> list[str]:
    """The 数据核对 block as Markdown list lines (empty when nothing was checked)."""
    return [f"- {c.line()}" for c in checks]
