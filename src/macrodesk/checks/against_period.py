"""A change in points against a named earlier period whose level is written elsewhere in the
article: "25Q1 累计营收同比 - 1.7%，拨备前利润同比 - 2.2%，归母净利润同比 - 1.2%，较 2024 年增速
分别下降 1.8、1.5、3.5 个百分点" with "2024 年累计营收、拨备前利润、归母净利润同比分别 + 0.1%、
-0.7%、+2.3%" in the next paragraph; "2024 年末、25Q1 末不良率分别为 1.24%、1.23%，均较上季末下降
1BP" (25Q1 末 against the quarter end before it, 2024 年末)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from macrodesk.checks.framed import Framed
from macrodesk.checks.frames import period_key
from macrodesk.checks.intervals import figure_interval
from macrodesk.checks.judging import Check, hedge, judge
from macrodesk.checks.tokens import Para
from macrodesk.checks.whole_frames import WholeFrames
from macrodesk.models import FigureKind

# a written period: "2024 年", "24 年末", "2024 年前三季度", "25Q1", "2024H1", "2024 年同期"
_PER = (r"(?:(?:19|20)?\d{2}\s*(?:年\s*(?:Q[1-4]|H[12]|[一二三四]季度|[上下]半年|前三季度)?|Q[1-4]|H[12])"
        r"\s*(?:同期|末|底)?)")
_RELATIVE = r"(?:上季度?末|上季度|上年末|去年末)"
_UPV = "上升|提升|提高|增加|回升|上行|抬升|加快"
_DOWNV = "下降|下滑|回落|降低|减少|下行|放缓"
_NARROW = "收窄|缩小|减小"
_WIDEN = "扩大|加深|走阔"
_SUBJECT = r"(?:增速|增幅|降幅|跌幅|涨幅)"
_VERB = f"(?:{_UPV}|{_DOWNV}|{_NARROW}|{_WIDEN}|变动|变化)"
# the lead of the first stated change: "，较 2024 年增速分别下降 ", "，降幅较 2024 年收窄 ",
# "，均较上季末下降 ", "，较 2024 年同期分别 "
_STATED_LEAD = re.compile(
    rf"[，,]\s*(?P<subj0>{_SUBJECT})?\s*(?P<each0>均|分别)?\s*较\s*(?P<p>{_PER}|{_RELATIVE})\s*(?:的)?\s*"
    rf"(?P<subj>{_SUBJECT})?\s*(?P<each>分别|均)?\s*(?P<verb>{_VERB})?\s*(?:了|约)?\s*$")
# the lead of a later item of a list of changes: "、", "、上升 ", " 和 "
_NEXT_LEAD = re.compile(rf"^\s*[、和]\s*(?P<verb>{_VERB})?\s*$")
# "2024 年累计营收、拨备前利润、归母净利润同比分别 ": names listed before values listed in order
_LABEL = r"[\u4e00-\u9fa5A-Za-z][\u4e00-\u9fa5A-Za-z0-9]{0,11}"
_LABEL_LIST = re.compile(rf"({_LABEL}(?:\s*、\s*{_LABEL})+)\s*(?:的)?\s*(同比|环比)?\s*(?:增速|增长|增幅)?\s*"
                         r"分别\s*(?:为|是|达|约)?\s*$")
# "2024 年末、25Q1 末拨贷比分别为 ": periods listed before values listed in order
_PERIOD_LIST = re.compile(rf"({_PER}(?:\s*[、和]\s*{_PER})+)\s*({_LABEL}?)\s*(同比|环比)?\s*(?:增速)?\s*"
                          r"分别\s*(?:为|是|达|约)?\s*$")
_PER_RX = re.compile(_PER)
_STRIP = re.compile(r"^(?:年|末|底|季度|月)+|累计|同比|环比|增速|增长|增幅|单季度?|整体|行业|合计|[\s·]")


def _norm(metric: str) -> str:
    return _STRIP.sub("", metric)


@dataclass
class _Level:
    """A percent figure with the metric and period it is of and whether it is a growth."""

    x: Framed
    metric: str
    period: tuple[int, str] | None
    growth: bool
    year_end: bool  # written as a year's end (末/底): a stock at a date


def _levels(art: Para, fs: list[Framed]) -> dict[int, _Level]:
    """Every percent value of the article, its metric and period read from a list of names or of
    periods it belongs to, else from its frame."""
    out: dict[int, _Level] = {}
    for x in fs:
        if x.tok.fig.kind != FigureKind.PERCENT or x.tok.bound or x.tok.fig.is_range:
            continue
        growth = bool(re.search("同比|环比|增速|增长|增幅|降幅", x.lead))
        period = _own_period(art, x)
        out[x.index] = _Level(x, _norm(x.metric), period_key(period) if period else None, growth,
                              bool(re.search(r"年\s*(?:末|底)", period)))
    for x in fs:
        if x.index not in out or re.fullmatch(r"\s*、\s*", x.lead):
            continue
        # the first value of a 、-list: pair the names or periods listed before it with the values
        run = [x]
        for y in fs[x.index + 1:]:
            if y.index not in out or y.tok.sent != x.tok.sent or not re.fullmatch(r"\s*、\s*", y.lead):
                break
            run.append(y)
        if len(run) < 2:
            continue
        head = art.raw[x.tok.sent][:x.tok.fig.start]
        lm, pm = _LABEL_LIST.search(head), _PERIOD_LIST.search(head)
        if pm:
            periods = _PER_RX.findall(pm.group(1))
            if len(periods) == len(run):
                metric = _norm(pm.group(2))
                for y, p in zip(run, periods, strict=True):
                    out[y.index] = _Level(y, metric, period_key(re.sub(r"\s+", "", p)),
                                          bool(pm.group(3)) or out[x.index].growth, bool(re.search("末|底", p)))
        elif lm:
            names = re.split(r"\s*、\s*", lm.group(1))
            if len(names) == len(run):
                first = out[x.index]
                for y, name in zip(run, names, strict=True):
                    out[y.index] = _Level(y, _norm(name), first.period, bool(lm.group(2)) or first.growth,
                                          first.year_end)
    return out


def _own_period(art: Para, x: Framed) -> str:
    """The period a level is of: the last one written before it in its sentence, else in the
    sentences before it in its paragraph, never the one a change is compared with ("较 2024 年")."""
    si = x.tok.sent
    text = art.raw[si][:x.tok.fig.start]
    while True:
        # a period in brackets closed before the figure is another figure's ("（24 年 1.72%）")
        text = re.sub(r"[（(][^（()）]*[)）]", lambda b: " " * len(b.group(0)), text)
        found = [m for m in _PER_RX.finditer(text) if not re.search(r"(?:较|比|相比|对比)\s*$", text[:m.start()])]
        if found:
            return re.sub(r"\s+", "", found[-1].group(0))
        si -= 1
        if si < 0 or art.sentences[si].paragraph != x.paragraph:
            return ""
        text = art.raw[si]


def _earlier_keys(p: str, now: _Level) -> set[tuple[int, str]]:
    """The period keys the written earlier period may be: "2024 年同期" is the current
    sub-period a year before, "上季末" the quarter end before the current one."""
    if now.period is None:
        return set()
    y, sub = now.period
    if re.match(_RELATIVE, p):
        if "年" in p:
            return {(y - 1, "Y")}
        prev = {"Q1": {(y - 1, "Y"), (y - 1, "Q4")}, "Q2": {(y, "Q1")}, "H1": {(y, "Q1")},
                "Q3": {(y, "Q2"), (y, "H1")}, "9M": {(y, "Q2"), (y, "H1")}}
        if sub in ("Y", "Q4") and now.year_end:
            return {(y, "Q3"), (y, "9M")}
        return prev.get(sub, set())
    k = period_key(re.sub(r"\s+", "", p))
    if k is None:
        return set()
    if "同期" in p:
        return {(k[0], sub)}
    return {k}


def _sign(verb: str | None, subject: str | None) -> float | None:
    """The sign of the change of the level the verb states; None when it gives no direction."""
    if not verb:
        return None
    if re.fullmatch(_NARROW, verb) or re.fullmatch(_WIDEN, verb):
        if subject in ("降幅", "跌幅"):  # a fall that narrows is a growth that rises
            return 1.0 if re.fullmatch(_NARROW, verb) else -1.0
        return None
    if re.fullmatch(_UPV, verb):
        return 1.0
    if re.fullmatch(_DOWNV, verb):
        return -1.0
    return None


def _candidates(levels: dict[int, _Level], now: _Level, keys: set[tuple[int, str]]) -> tuple[list[_Level], bool]:
    """The earlier levels of the current one's metric at one of the periods, and whether they
    are named by the very same metric words. Same words first; else words one of which ends
    the other ("家上市银行营收" / "营收"); when the current level names no metric, the one level
    of that period in its paragraph."""
    same, loose = [], []
    for e in levels.values():
        if e.x is now.x or e.period not in keys or e.growth != now.growth or e.period == now.period:
            continue
        if not now.metric:
            if e.x.paragraph == now.x.paragraph and e.x.index < now.x.index:
                same.append(e)
        elif e.metric == now.metric:
            same.append(e)
        elif len(e.metric) >= 2 and (e.metric.endswith(now.metric) and len(now.metric) >= 2
                                     or now.metric.endswith(e.metric)):
            loose.append(e)
    return (same, True) if same else (loose, False)


_LABEL_HEAD = re.compile(r"^[\s*#\d.、\-]*([\u4e00-\u9fa5A-Za-z]{2,10})[\s*]*[：:]")


def _same_subject(art: Para, earlier: Framed, stated: Framed) -> bool:
    """The earlier level is certainly of the stated change's subject: in its paragraph, or in its
    section (its heading) with no paragraph naming another subject ("招商银行：…", "兴业银行：…")."""
    a, b = art.sentences[earlier.tok.sent], art.sentences[stated.tok.sent]
    if a.paragraph == b.paragraph:
        return True
    if (a.section_index, a.section) != (b.section_index, b.section):
        return False
    la, lb = (_LABEL_HEAD.match(art.raw[i]) for i in (earlier.tok.sent, stated.tok.sent))
    return la is None and lb is None or bool(la and lb and la.group(1) == lb.group(1))


# what a sentence holding a change against a named period says, tested before the frames are read
_AGAINST = re.compile(r"较[^，,。；;]{0,16}(?:个百分点|pct|PCT|BP|bp|基点|\d\s*、)")


def find_period_changes(whole: WholeFrames) -> list[Check]:
    """Changes in points (个百分点, pct, BP) of a level against a named earlier period, the
    earlier level found by metric and period anywhere in the article."""
    if not any("较" in s.text and _AGAINST.search(s.text) for s in whole.sentences):
        return []
    art, fs = whole.art, whole.fs
    levels: dict[int, _Level] | None = None
    out: list[Check] = []
    k = 0
    while k < len(fs):
        c = fs[k]
        m = _STATED_LEAD.search(c.lead) if c.tok.fig.kind in (FigureKind.POINTS, FigureKind.NUMBER) else None
        k += 1
        if m is None or c.index == 0:
            continue
        run, verbs = [c], [m.group("verb")]
        for y in fs[c.index + 1:]:
            nm = _NEXT_LEAD.match(y.lead)
            if y.tok.sent != c.tok.sent or nm is None or y.tok.fig.kind not in (FigureKind.POINTS, FigureKind.NUMBER):
                break
            run.append(y)
            verbs.append(nm.group("verb") or m.group("verb"))
        k = run[-1].index + 1
        last = run[-1]
        if last.tok.fig.kind != FigureKind.POINTS or any(r.tok.bound or r.tok.fig.is_range for r in run):
            continue
        if levels is None:
            levels = _levels(art, fs)
        # the current levels: the percent values right before the first change, one per change,
        # or all of the 、-list before one change stated of each ("均较上季末下降 1BP")
        each = "均" in (m.group("each0") or "", m.group("each") or "")
        before: list[_Level] = []
        for j in range(c.index - 1, -1, -1):
            lv = levels.get(j)
            if lv is None or lv.x.tok.sent != c.tok.sent:
                break
            before.insert(0, lv)
            if not each and len(before) == len(run) or each and not re.fullmatch(r"\s*、\s*", lv.x.lead):
                break
        subject = m.group("subj") or m.group("subj0")
        if each and len(run) == 1:
            pairs = [(lv, run[0], verbs[0]) for lv in before]
        elif len(before) == len(run):
            pairs = list(zip(before, run, verbs, strict=True))
        else:
            continue
        scale = last.tok.fig.scale or 1.0
        results: list[Check] = []
        for now, stated, verb in pairs:
            keys = _earlier_keys(m.group("p"), now)
            cands, exact = _candidates(levels, now, keys)
            found = {e.x.tok.text: e for e in cands}
            if not found:
                continue
            sign = _sign(verb, subject)
            siv = figure_interval(stated.tok.fig, result=True).scale(scale)
            if sign is not None and (stated.tok.fig.value or 0) > 0:
                siv = siv.scale(sign)
            by_formula = {f"{now.x.tok.text} - ({e.x.tok.text}) = {stated.tok.text}": e for e in found.values()}
            readings = [(f, now.x.tok.interval() - e.x.tok.interval()) for f, e in by_formula.items()]
            chk = judge(art, "change", stated.tok, [next(iter(found.values())).x.tok, now.x.tok],
                        readings, magnitude=sign is None and (stated.tok.fig.value or 0) >= 0,
                        stated_iv=siv)
            if stated is not last and scale != 1.0:
                chk.computed = ""  # a bare number of a list in the last one's unit: shown by the relation
            only = by_formula[chk.relation]
            chk.inputs = [only.x.tok.text, now.x.tok.text]
            chk.input_sentences = [art.sentences[only.x.tok.sent].text, art.sentences[now.x.tok.sent].text]
            chk.note = f"the earlier level of {now.metric or 'the same figure'} at {m.group('p')}"
            chk.sentence = art.sentences[stated.tok.sent].text
            if not exact or len(found) > 1 or not _same_subject(art, only.x, c):
                chk = hedge(art, chk, "the earlier level is found by its metric and period elsewhere")
            results.append(chk)
        if len(run) == 1 and results:
            # one change stated of each level: the certain mismatch if any, else a fit
            results.sort(key=lambda ck: (ck.verdict != "inconsistent", ck.verdict != "consistent"))
            results = results[:1]
        out.extend(results)
    return out

