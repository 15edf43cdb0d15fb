"""A level with its change written both as an amount and as a rate: "坑口价 476 元 / 吨（周涨 32 元 / 吨，
+7.2%）", "产量 1335.8 万桶 / 天，环比 + 2.1 万桶 / 天（+0.2%）", "库存减少 13,900 吨（-5.28%）至
249,375 吨". The rate is the change over the level before it: 32 / (476 − 32) = 7.2%."""

from __future__ import annotations

import re

from macrodesk.checks.intervals import Interval, figure_interval
from macrodesk.checks.judging import Check, fmt, interval_check
from macrodesk.checks.levels import interval, signed, unit_key
from macrodesk.models import Article, Figure, FigureKind, Sentence
from macrodesk.text.clauses import clause_start

_UP = r"上涨|上升|增加|回升|提高|提升|扩大|增长|涨|增|升"
_DOWN = r"下跌|下降|减少|回落|降低|下滑|收窄|缩小|跌|减|降"
# what compares: "周涨", "环比 +", "同比减少", "较上周下跌", "月跌"
# (any base will do: the rate is over the level the change started from, whatever its date)
_BASIS = r"同比|环比|较[^，,。；;（(、\d]{0,8}|较\s*(?:19|20)\d{2}\s*年\s*(?:(?:1[0-2]|[1-9])\s*月)?[^，,。；;（(、\d]{0,6}|周|月|日|季|年"
# from the level to the change: "（周涨 ", "，环比 ", "，较上周下跌 " (a clause of its own, no figure)
# what the figure reader leaves after a figure: a rate's time unit ("万桶 / 天"), a count's measure
# word ("422 部")
_PER = r"(?:\s*/\s*[天日周月年]|\s*[部台座家个只艘辆套口井项人户次宗笔款批架位名所条张支])?"
# ("周变动 - 0.3 万吨": a neutral 变动 leaves the sign to the figure)
_TO_CHANGE = re.compile(rf"^{_PER}\s*[（(，,]\s*({_BASIS})\s*(?:{_UP}|{_DOWN}|变动|变化)?\s*(?:了|约)?\s*$")
# a move with no basis ("22275 元 / 吨，跌 255 元 / 吨，跌幅 1.13%"): only with a 幅-word before the rate
_TO_BARE_CHANGE = re.compile(rf"^{_PER}\s*[（(，,]\s*(?:{_UP}|{_DOWN})\s*(?:了|约)?\s*$")
_FALL = re.compile(rf"(?:{_DOWN})\s*(?:了|约)?\s*$")
# from the change to its rate: "，" "（" "，幅度 " — and no other basis ("，同比 +5%" after a 环比 change)
_TO_RATE = re.compile(rf"^{_PER}\s*[（(，,]\s*(?:(?:涨|跌|增|降|减|变动|变化)?幅(?:度)?\s*(?:为|达)?)?\s*(?:约)?\s*$")


# "，同比下降 18%" after "较 2024 年 8 月下跌 152 元 / 吨": a rate named by its basis
_TO_SAME_BASIS = re.compile(rf"^{_PER}\s*[，,]\s*((?:周|月)?(?:同比|环比))\s*(?:{_UP}|{_DOWN})\s*(?:了|约)?\s*$")


def _basis(words: str) -> str:
    """A change's basis as 同比 (a year back) or 环比 (the period before), else ""."""
    if re.search(r"同比|较(?:上|去)年|较\s*(?:19|20)\d{2}\s*年|年", words):
        return "同比"
    if re.search(r"环比|较上(?:周|月|季)|周|月|日|季", words):
        return "环比"
    return ""


def _sign(s: Sentence, f: Figure, lead: str) -> float:
    """+1 or −1: the figure's own sign, else the verb before it."""
    if (f.value or 0) < 0:
        return -1.0
    if signed(s, f):
        return 1.0
    return -1.0 if _FALL.search(lead) else 1.0


def find_level_moves(article: Article) -> list[Check]:
    out: list[Check] = []
    for s in article.sentences:
        if s.kind not in ("prose", "list") or "%" not in s.text:
            continue
        figs = [f for f in s.figures if f.kind != FigureKind.DATE and f.value is not None]
        for k in range(len(figs) - 2):
            chk = _one(s, figs[k], figs[k + 1], figs[k + 2])
            if chk is None and k + 3 < len(figs):
                chk = _one(s, figs[k], figs[k + 2], figs[k + 3], base=figs[k + 1])
            if chk is None:
                chk = _to_level(s, figs[k], figs[k + 1], figs[k + 2])
            if chk is None:
                chk = _rate_first(s, figs[k], figs[k + 1], figs[k + 2])
                if chk is not None:
                    chk.article = article.label
                    out.append(chk)
                    if k + 4 < len(figs):
                        more = _rate_first(s, figs[k], figs[k + 3], figs[k + 4], after=figs[k + 2])
                        if more is not None:
                            more.article = article.label
                            out.append(more)
                continue
            chk.article = article.label
            out.append(chk)
            # "375.7 万桶 / 天，同比 + 34.5 万桶 / 天（+10.1%），环比 + 7.8 万桶 / 天（+2.1%）", "51.8 万吨，
            # 周变动 0.4 万吨，变动幅度 1%，月变动 5.4 万吨，变动幅度 11%…": more changes of the same
            # level, each against its own basis
            j = k + 3
            while j + 1 < len(figs):
                more = _one(s, figs[k], figs[j], figs[j + 1], after=figs[j - 1])
                if more is None:
                    break
                more.article = article.label
                out.append(more)
                j += 2
    return out


def _triple(s: Sentence, level: Figure, change: Figure, rate: Figure) -> bool:
    """A positive level, a change in its unit and a rate, none a range or a bound."""
    if rate.kind != FigureKind.PERCENT or level.kind == FigureKind.PERCENT or rate.is_range \
            or level.is_range or change.is_range or level.approx or change.approx:
        return False
    key = unit_key(s, level)
    return key is not None and key == unit_key(s, change) and (level.value or 0) > 0


def _one(s: Sentence, level: Figure, change: Figure, rate: Figure, *, after: Figure | None = None,
         base: Figure | None = None) -> Check | None:
    if not _triple(s, level, change, rate):
        return None
    if base is not None:
        # "6189 元 / 吨，较上周同期价格（6221 元 / 吨）下跌 32 元 / 吨": the base named in brackets
        if (base.is_range or unit_key(s, base) != unit_key(s, level)
                or not re.search(r"较[^，,。；;]{0,12}[（(]\s*$", s.text[level.end:base.start])
                or not re.match(r"^[^，,。；;（(]{0,3}[）)]", s.text[base.end:change.start])):
            return None
        lead = s.text[level.end:base.start] + s.text[base.end:change.start]
        lead = re.sub(r"[（(]\s*([\u4e00-\u9fa5/\s]*)[）)]", "", lead, count=1)
    else:
        lead = s.text[(after or level).end:change.start]
        if after is not None:
            lead = re.sub(r"^\s*[）)]", "", lead)
    to_change = _TO_CHANGE.match(lead) or (
        _TO_BARE_CHANGE.match(lead) if "幅" in s.text[change.end:rate.start] else None)
    neutral = re.search(r"(?:变动|变化)\s*$", lead) is not None
    if to_change is None or not (_FALL.search(lead) or re.search(rf"(?:{_UP})\s*(?:了|约)?\s*$", lead)
                                 or signed(s, change) or neutral):
        return None  # no move is written: "库存 673 万吨，周 49 万吨" says nothing of a change
    to_rate = _TO_RATE.match(s.text[change.end:rate.start])
    same = _TO_SAME_BASIS.match(s.text[change.end:rate.start])
    if same is not None and _basis(to_change.group(1) if to_change.groups() else "") == _basis(same.group(1)) != "":
        # "较 2024 年 8 月下跌 152 元 / 吨，同比下降 18%": the rate on the change's own basis
        to_rate = same
    if to_rate is None or not re.match(r"\s*(?:[）)，,。；;]|$)", s.text[rate.end:]):
        return None  # "945 元 / 吨，较上周跌 2 元 / 吨，25% 品位均价…": a label, not the rate
    if to_rate is not same and not re.search(r"[（(幅]", to_rate.group(0)) and not (signed(s, rate) or (rate.value or 0) < 0):
        return None  # a rate after a bare comma is written with its sign ("，-1.2%")
    return _judge(s, level, change, rate, lead)


def _rate_first(s: Sentence, level: Figure, rate: Figure, change: Figure, *, after: Figure | None = None) -> Check | None:
    """"单票价格 13.27 元，同比 - 15.32%（-2.40 元），环比 - 2.07%（-0.28 元）": the rate, then the change
    in brackets."""
    if not _triple(s, level, change, rate):
        return None
    lead = re.sub(r"^\s*[）)]", "", s.text[(after or level).end:rate.start])
    if _TO_CHANGE.match(lead) is None or not re.match(r"^\s*[（(]\s*$", s.text[rate.end:change.start]) \
            or not re.match(r"^\s*[）)]", s.text[change.end:]):
        return None
    if not (signed(s, change) or (change.value or 0) < 0 or _FALL.search(lead) or re.search(rf"(?:{_UP})\s*$", lead)):
        return None
    return _judge(s, level, change, rate, lead)


def _to_level(s: Sentence, change: Figure, rate: Figure, level: Figure) -> Check | None:
    """"库存减少 13,900 吨（-5.28%）至 249,375 吨": the move and its rate, then the level it reached."""
    if not _triple(s, level, change, rate):
        return None
    start = clause_start(s.text, change.start, "，,；;。：:（(")
    lead = s.text[start:change.start]
    if not re.search(rf"(?:{_UP}|{_DOWN})\s*(?:了|约)?\s*$", lead) \
            or not re.match(rf"^{_PER}\s*[（(]\s*$", s.text[change.end:rate.start]) \
            or not re.match(r"^\s*[）)]\s*至\s*$", s.text[rate.end:level.start]):
        return None
    return _judge(s, level, change, rate, lead)


def _judge(s: Sentence, level: Figure, change: Figure, rate: Figure, lead: str) -> Check | None:
    now = interval(level)
    move = interval(change)
    sign = _sign(s, change, lead)
    if sign < 0 and (change.value or 0) > 0:
        move = -move  # "周跌 32 元 / 吨": the verb signs it ("- 16 部" is read negative already)
    before = now - move
    if before.lo <= 0:
        return None  # a level from or through zero (a spread turning) has no one rate
    got = Interval(min(move.lo / before.lo, move.lo / before.hi), max(move.hi / before.lo, move.hi / before.hi)).scale(100)
    written = figure_interval(rate, result=True)
    rate_signed = signed(s, rate) or (rate.value or 0) < 0
    if not rate_signed:
        got, written = got.abs(), written.abs()
    shown = f"{change.text.strip()}" if signed(s, change) else f"{'-' if sign < 0 else '+'}{change.text.strip()}"
    return interval_check(
        got, written, kind="growth", stated=rate.text, inputs=[level.text, change.text],
        relation=(f"({shown}) / ({level.text} - ({shown})) = {rate.text} "
                  f"(the change over the level before it: {fmt(before.mid / (level.scale or 1.0))})"),
        sentence=s.text, sentence_id=s.id, paragraph=s.paragraph, input_sentences=[s.text, s.text],
    )
