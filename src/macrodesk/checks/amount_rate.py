"""A change written both as an amount and as a rate beside a level: "7 月全国原煤产量 3.8 亿吨，
环比减少 4000 万吨（-9.5%），同比减少 900 万吨（-3.8%）", "原煤产量 3.9 亿吨，…环比 - 11.6%（环比
减少 5100 万吨）". The earlier level is the level minus the change, so the rate is the change over
it (certain: level, amount and rate stand in one clause group on one basis)."""

from __future__ import annotations

import re

from macrodesk.checks.intervals import Interval, figure_interval
from macrodesk.checks.judging import Check, interval_check
from macrodesk.checks.paragraphs import ParaText, paragraphs
from macrodesk.models import Article, Figure, FigureKind, canonical_unit
from macrodesk.text.clauses import clause_start

_UP = r"增加|增长|上升|提高|多增|多|增"
_DOWN = r"减少|下降|下滑|回落|降低|少增|少|减|降"
# an amount written as a change on a basis: "同比减少 900 万吨", "环比增加 37 元"
# (against the trading day or the days before, a 环比 change: "持股量较上一日减少32.75万股，环比下降16.89%",
# "近5日累计减少51.94万股，环比下降24.37%")
_CHANGE = re.compile(rf"(同比|环比|较上年|较上月|较去年同期|比上年(?:同期)?|比去年(?:同期)?|较(?:上一|前一)个?(?:交易)?日|(?:与|和)(?:上一|前一)个?(?:交易)?日相比"
                     rf"|近\s*\d+\s*(?:个交易)?日累计|^累计)\s*({_UP}|{_DOWN})\s*(?:了|约)?\s*$")
# "该股最近5个交易日融资余额增加5773.06万元": a change over the trading days before (the days are
# read as a duration, the words after it name the balance)
_DAYS_CHANGE = re.compile(rf"^\s*(?:融资余额|融券余额|余额)?\s*(?:累计)?\s*({_UP}|{_DOWN})\s*(?:了|约)?\s*$")
# the rate beside it: "（-3.8%）", "（同比 - 3.8%）", "，降幅 3.8%", "，环比下降 16.89%"
_RATE_AFTER = re.compile(r"^\s*[（(]\s*(?:同比|环比)?\s*$|^\s*[，,、]\s*(?:增幅|降幅|幅度)(?:为|达)?\s*$|^\s*或\s*$")
# after a change against the days before, the rate in words too ("，环比下降16.89%"): the trading-day
# template names one holding in one clause group (after a 同比 change of a sales figure the rate in words
# may be a part's: "销售收入3.05亿元，同比下降5%，其中…注射液销售额同比减少约6600万元，同比下降88%")
_RATE_IN_WORDS = re.compile(r"^\s*[，,]\s*(?:环比\s*(?:增长|增加|上升|下降|减少|下滑)|(?:增加|减少|增长|下降)?比例\s*(?:为|达)?)\s*$")
# the rate before it: "环比 - 11.6%（环比减少 5100 万吨）"
_RATE_BEFORE = re.compile(r"(同比|环比)\s*$")
_AMOUNTS = (FigureKind.MONEY, FigureKind.QUANTITY)
_GATE = re.compile(r"同比|环比|交易日|前一日|比上年|比去年")


def _unit(f: Figure) -> str:
    return canonical_unit(f.kind, f.unit)


def find_amount_rates(article: Article) -> list[Check]:
    out: list[Check] = []
    for p in paragraphs(article):
        if not _GATE.search(p.text):
            continue
        figs = [f for f in p.figures if f.kind != FigureKind.DATE and f.value is not None and not f.is_range]
        for k, c in enumerate(figs):
            if c.kind not in _AMOUNTS or k == 0:
                continue
            m = _CHANGE.search(p.text[figs[k - 1].end:c.start])
            # the days before, read as a duration: "近5日" (or "最近5个交易日") then its change
            days = figs[k - 1].kind == FigureKind.DURATION and figs[k - 1].text.endswith("日") \
                and p.text[:figs[k - 1].start].endswith("近")
            if m is None and days and (d := _DAYS_CHANGE.match(p.text[figs[k - 1].end:c.start])) is not None:
                level = _level_before(p, figs, k, c) or _balance_before(p, figs, k, c)
                rate = _rate_beside(p, figs, k, "环比", days=True)
                if level is not None and rate is not None \
                        and (chk := _judge(p, level, c, rate, falls=bool(re.fullmatch(_DOWN, d.group(1))))) is not None:
                    chk.article = article.label
                    out.append(chk)
                continue
            if m is None:
                continue
            if m.group(1) == "累计" and not days:
                continue  # (the days are read as a duration: "近5日" then "累计减少")
            basis, verb = ("环比" if "日" in m.group(1) or m.group(1) == "累计" else m.group(1)), m.group(2)
            level = _level_before(p, figs, k, c)
            if level is None:
                continue
            rate = _rate_beside(p, figs, k, basis, days=basis != m.group(1))
            if rate is None:
                continue
            chk = _judge(p, level, c, rate, falls=bool(re.fullmatch(_DOWN, verb)))
            if chk is not None:
                chk.article = article.label
                out.append(chk)
    return out


def _level_before(p: ParaText, figs: list[Figure], k: int, c: Figure) -> Figure | None:
    """The level the change is of: the last amount of its unit before it in its sentence that is
    not itself a change ("环比减少 4000 万吨（-9.5%），同比减少 900 万吨" → 3.8 亿吨)."""
    start = clause_start(p.text, c.start, "。；;")
    for j in range(k - 1, -1, -1):
        f = figs[j]
        if f.start < start:
            return None
        if f.kind in _AMOUNTS and _unit(f) == _unit(c):
            lead = p.text[figs[j - 1].end if j else 0:f.start]
            if _CHANGE.search(lead):
                continue  # another change of the same level
            return None if f.approx or (f.value or 0) <= 0 else f
    return None


def _balance_before(p: ParaText, figs: list[Figure], k: int, c: Figure) -> Figure | None:
    """The balance the sentence before names, for "该股最近5个交易日融资余额增加…" after "…融资余额为16.56亿元，
    与前一日相比…": the last amount of the change's unit there written right after the same balance word."""
    start = clause_start(p.text, c.start, "。")
    word = re.search(r"(融资余额|融券余额)", p.text[start:c.start])
    before = clause_start(p.text, max(start - 1, 0), "。")
    if word is None or start == 0:
        return None
    found = [f for f in figs[:k] if before <= f.start < start and f.kind in _AMOUNTS and _unit(f) == _unit(c)
             and re.search(word.group(1) + r"\s*(?:为|达)?\s*$", p.text[max(0, f.start - 8):f.start])]
    return found[0] if len(found) == 1 and (found[0].value or 0) > 0 else None


def _rate_beside(p: ParaText, figs: list[Figure], k: int, basis: str, *, days: bool) -> Figure | None:
    c = figs[k]
    if k + 1 < len(figs) and figs[k + 1].kind == FigureKind.PERCENT:
        r = figs[k + 1]
        lead = p.text[c.end:r.start]
        if _RATE_AFTER.match(lead) and (basis in lead or not re.search("同比|环比", lead)) \
                or days and _RATE_IN_WORDS.match(lead):
            return r
    if k >= 1 and figs[k - 1].kind == FigureKind.PERCENT:
        r = figs[k - 1]
        between = p.text[r.end:c.start]
        before = p.text[figs[k - 2].end if k >= 2 else 0:r.start]
        m = _RATE_BEFORE.search(before)
        if m and m.group(1) == basis and re.match(r"^\s*[（(]", between):
            return r
    return None


def _judge(p: ParaText, level: Figure, c: Figure, r: Figure, *, falls: bool) -> Check | None:
    now = figure_interval(level).scale(level.scale)
    change = figure_interval(c)
    if c.decimals == 0 and c.value is not None and c.value >= 100 and c.value % 100 == 0:
        # "同比减少 900 万吨" beside "3.8 亿吨" is the difference of rounded levels: read to hundreds
        change = Interval(c.value - 50, c.value + 50)
    change = change.scale(c.scale)
    if falls:
        change = -change
    was = now - change
    if was.lo <= 0:
        return None
    computed = (change / was).scale(100)
    stated = figure_interval(r, result=True)
    if falls and (r.value or 0) > 0:
        stated = -stated  # "（降幅 3.8%）" after a fall
    where = p.sentence_at(r.start)
    sign = "-" if falls else "+"
    return interval_check(
        computed, stated, kind="growth", stated=r.text, inputs=[level.text, c.text],
        relation=f"{sign}{c.text} / ({level.text} {'+' if falls else '-'} {c.text}) = {r.text} "
                 "(the earlier level is the level less the change)",
        sentence=where.text, sentence_id=where.id, paragraph=where.paragraph, derived=True,
        input_sentences=[p.sentence_at(level.start).text, p.sentence_at(c.start).text],
    )
