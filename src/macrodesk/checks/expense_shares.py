"""An expense ratio against its expense and the revenue of its period: "2022Q1公司实现收入8.09亿元" and
"销售/管理/研发费用为3.88/0.61/0.31亿元，…对应销售/管理/研发费率为48%/7.6%/3.8%" (3.88 / 8.09 = 48.0%), or
"上半年销售费用为947.28万元，销售费用率由去年同期的3.07%提升至3.62%" beside the half's revenue. The
revenue is the only one of the period in the heading section."""

from __future__ import annotations

import re
from dataclasses import dataclass

from macrodesk.checks.frames import period_key
from macrodesk.checks.gate import mentions
from macrodesk.checks.intervals import figure_interval
from macrodesk.checks.judging import Check, confirm_only, interval_check
from macrodesk.checks.quarters import is_base_date, period_of
from macrodesk.models import Article, Figure, FigureKind, Sentence
from macrodesk.text.clauses import clause_start

_ITEM = "销售|管理|研发|财务|期间"
# the words a clause may open with before what it names, once its dates are taken out
_FILLER = r"^\s*(?:(?:公司|本期|报告期内?|当期|全年|单季度?|对应|其|产生|发生|的|实现|录得|方面|，|,|\s)*)"
# the names before a list of expenses ("销售/管理/研发费用为", "销售费用和管理费用分别"), and before a
# list of their ratios ("销售/管理/研发费率为", "销售费用率和管理费用率分别为")
_NAMES = rf"(?:(?:{_ITEM})(?:费用?)?{{rate}}\s*(?:[/、和及与]\s*)?)+"
# ("研发费用投入0.85亿元": an expense's verb)
_TAIL = r"\s*(?:分别)?\s*(?:为|高达|达到?|约|是|仅|投入|支出|：|:)?\s*(?:分别)?\s*(?:为)?\s*$"
_AMOUNTS = re.compile(rf"{_FILLER}({_NAMES.format(rate='')})(?<=费用){_TAIL}")
_RATES = re.compile(rf"{_FILLER}({_NAMES.format(rate='率?')})(?<=费率|用率){_TAIL}")
# a ratio's level after its change or its earlier level ("销售费用率下降1.5pcts至6.0%",
# "销售费用率由去年同期的3.07%提升至3.62%")
_TO_LEVEL = re.compile(rf"{_FILLER}({_ITEM})费?用?率[^，,；;。率]*?(?:至|到)\s*$")
_REVENUE = re.compile(rf"{_FILLER}(?:营业总?收入|营收|收入){_TAIL}")
_BARE_RATE = re.compile(rf"{_FILLER}费用?率{_TAIL}")
# R&D named as spending ("2020 年研发支出 17.54 亿元"): it may hold capitalised R&D the 研发费用率 leaves out
_RD_SPEND = re.compile(rf"{_FILLER}研发(?:费用)?(?:支出|投入|开支)(?:金额|总额)?{_TAIL}")
# every check judges a ratio named as one (_RATES ends in 费率/用率, _TO_LEVEL in an item's 率) over a
# revenue (_REVENUE)
_NEEDS = re.compile(r"费率|用率|销售率|管理率|研发率|财务率|期间率")
_NEEDS_REVENUE = re.compile(r"收入|营收")
_SEP = re.compile(r"^\s*[/、和及与]\s*$")
_YEAR = re.compile(r"(?<!\d)((?:19|20)?\d{2})(?!\d)\s*年?\s*(?:前|Q1|1\s*[-—–~～]\s*3\s*Q|三季报)")
_NINE_MONTHS = re.compile(r"前三季度|Q1\s*[-—–~～至]\s*Q?3|1\s*[-—–~～]\s*3\s*Q|三季报")


@dataclass(frozen=True)
class _Item:
    name: str  # 销售, 管理, 研发, 财务; "" for the revenue
    fig: Figure
    scale: float  # the list's unit: 3.88 in "3.88/0.61/0.31亿元" is in 亿元
    unit: str
    period: tuple[str, str]  # (year, Y | H1 | H2 | Q1…Q4 | 9M)
    sentence: Sentence
    section: int
    own: bool  # its period is written in its sentence, not carried from the paragraph
    spend: bool = False  # R&D named as spending (研发支出/研发投入), not as the expense


def _runs(s: Sentence) -> list[list[Figure]]:
    """The sentence's figures in runs joined by / 、 和 (a run of one is a figure alone)."""
    runs: list[list[Figure]] = []
    for f in s.figures:
        if f.kind == FigureKind.DATE or f.value is None or f.is_range:
            runs.append([])
            continue
        if runs and runs[-1] and _SEP.match(s.text[runs[-1][-1].end:f.start]):
            runs[-1].append(f)
        else:
            runs.append([f])
    return [r for r in runs if r]


def _date_period(d: Figure, year: str) -> tuple[str, str] | None:
    """A date's (year, part): "2021年" is the year, "前三季度" the first nine months (not Q3)."""
    if _NINE_MONTHS.search(d.text):
        y = _YEAR.search(d.text)
        got = (y.group(1) if len(y.group(1)) == 4 else "20" + y.group(1)) if y else year
        return (got, "9M") if got else None
    key = period_key(d.text)
    if key is not None and (key[1] == "Y" or re.fullmatch(r"[HQ][1-4]", key[1])):
        return str(key[0]), key[1]
    p = period_of(d.text)  # "上半年", "1H22"
    if p and (p[0] or year):
        return p[0] or year, p[1]
    return None


def _items(article: Article) -> tuple[list[_Item], list[_Item], list[_Item]]:
    """The revenues, expenses and expense ratios of the article, each with the period written last
    before it in its sentence (no base of comparison), else the one in force in its paragraph."""
    revenues: list[_Item] = []
    amounts: list[_Item] = []
    rates: list[_Item] = []
    carried: dict[int, tuple[str, str]] = {}
    year = ""
    section = 0
    for s in article.sentences:
        if s.kind == "heading":
            section, year = section + 1, ""
        if s.kind not in ("prose", "list"):
            continue
        # a date read as no period (None) still ends the one written before it
        dates = [(d, _date_period(d, year)) for d in s.figures
                 if d.kind == FigureKind.DATE and not is_base_date(s.text, d)]
        for run in _runs(s):
            start = clause_start(s.text, run[0].start, "，,；;。：:）)")
            before = [(d, p) for d, p in dates if d.end <= run[0].start]
            period = before[-1][1] if before else carried.get(s.paragraph)
            words = s.text[start:run[0].start]
            for d, _ in before:
                if d.start >= start:
                    words = words.replace(d.text, "")
            last = run[-1]
            if period is None:
                continue
            if last.kind == FigureKind.MONEY and len(run) == 1 and _REVENUE.match(words):
                revenues.append(_Item("", last, last.scale, last.unit, period, s, section, bool(before)))
                continue
            m = _AMOUNTS.match(words) if last.kind == FigureKind.MONEY else \
                (_RATES.match(words) or (_TO_LEVEL.match(words) if len(run) == 1 else None)) \
                if last.kind == FigureKind.PERCENT else None
            if m is None:
                if last.kind == FigureKind.PERCENT and len(run) == 1 and _BARE_RATE.match(words) \
                        and amounts and amounts[-1].sentence is s and not amounts[-1].spend:
                    # "销售费用2054万元（+7.31%），费用率1.00%" (cfg568): the expense just named
                    a = amounts[-1]
                    rates.append(_Item(a.name, last, last.scale, last.unit, period, s, section, bool(before)))
                    continue
                if last.kind == FigureKind.MONEY and len(run) == 1 and _RD_SPEND.match(words):
                    amounts.append(_Item("研发", last, last.scale, last.unit, period, s, section, bool(before),
                                         spend=True))
                continue
            names = re.findall(_ITEM, m.group(1))
            if len(names) == len(run) and len(set(names)) == len(names):
                (amounts if last.kind == FigureKind.MONEY else rates).extend(
                    _Item(n, f, last.scale, last.unit, period, s, section, bool(before)) for n, f in zip(names, run, strict=True))
        if dates and (last_period := dates[-1][1]) is not None:
            carried[s.paragraph] = last_period
            year = last_period[0]
    return revenues, amounts, rates


def find_expense_shares(article: Article) -> list[Check]:
    """Each expense ratio whose expense of the same name and period is written in its heading
    section, over the only revenue of that period there."""
    if "费用" not in article.text or "率" not in article.text:
        return []
    if not mentions(article, _NEEDS) or not mentions(article, _NEEDS_REVENUE):
        return []
    revenues, amounts, rates = _items(article)
    out: list[Check] = []
    for r in rates:
        expense = [a for a in amounts if a.name == r.name and a.period == r.period and a.section == r.section]
        if any(not a.spend for a in expense):
            expense = [a for a in expense if not a.spend]  # the expense itself, when written, over its spending
        revenue = [v for v in revenues if v.period == r.period and v.section == r.section]
        if not expense or len({(a.fig.value, a.scale) for a in expense}) != 1 \
                or not revenue or len({v.fig.value for v in revenue}) != 1 or not (revenue[0].fig.value or 0) > 0:
            continue
        a, v = expense[0], revenue[0]
        got = (figure_interval(a.fig).scale(a.scale) / figure_interval(v.fig).scale(v.scale)).scale(100)
        scaled = "" if a.fig.unit else f" ({a.unit})"
        chk = interval_check(
            got, figure_interval(r.fig, result=True), kind="ratio", stated=r.fig.text,
            inputs=[a.fig.text, v.fig.text],
            relation=f"{a.name}{'支出' if a.spend else '费用'} {a.fig.text}{scaled} / {v.fig.text} = {r.fig.text}",
            note=f"the {r.period[0]} {r.period[1]} revenue, the only one of that period in its section",
            sentence=r.sentence.text, sentence_id=r.sentence.id, paragraph=r.sentence.paragraph)
        chk.input_sentences = list(dict.fromkeys([a.sentence.text, v.sentence.text]))
        if a.spend:
            chk = confirm_only(chk, "R&D spending may hold capitalised R&D the expense ratio leaves out")
        elif not (r.own and a.own and v.own):
            # a period carried from the paragraph may be another than the one meant (cfb487: a
            # paragraph on Q3 goes on to the nine months' expense ratios): a misfit proves nothing
            chk = confirm_only(chk, "a period carried from its paragraph")
        out.append(chk)
    return out

