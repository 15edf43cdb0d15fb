"""A move between two levels with its rate in a bracket or written as room.

"银价预计从 36.5 美元 / 金衡盎司修复至 57 美元 / 金衡盎司（+56%）", "股价 3 元，复牌后涨至 6 元（涨幅
100%）", "金银比最高达 104，…修复至 93（修复幅度 13%）", and room to a target: "目标价 57 元，较当前
股价 36.5 元有 56% 上涨空间"; and moves listed before their rates: "3S机型从年初的3043元/kw下降至6月的2616元/kw，
4S机型从年初的2991元/kw下降至6月的2473元/kw，降幅分别为16.32%、20.95%" (each rate the move of its place)."""

from __future__ import annotations

import re

from macrodesk.checks.intervals import Interval, figure_interval
from macrodesk.checks.judging import Check
from macrodesk.checks.levels import LEVELS, interval, judged, signed, unit_key
from macrodesk.models import Article, Figure, FigureKind, Sentence
from macrodesk.text.clauses import clause_start

_UP = "升|增|涨|提|回升|修复|反弹|上调|上行|攀升|扩大|提高"
_DOWN = "降|减|跌|落|回落|下调|下行|收窄|缩小|下滑"
# the verb before the later level: "修复至", "涨至", "降至", "提至", "调至"
_TO = re.compile(f"(?:{_UP}|{_DOWN}|调|变)(?:至|到)(?:(?:19|20)\\d{{2}}年(?:底|末)?)?(?:的)?$")
_FROM = re.compile(r"(?:从|由)(?![于此])")
# the rate right after the later level: "（+56%）", "（-7.14%）", "（涨幅 67%）", "（修复幅度 13%）"
_RATE = re.compile(r"^[^\d（(，,；;。]{0,14}?[（(]\s*((?:[\u4e00-\u9fff]{0,4}[幅])?(?:度)?)\s*(?:为|约)?\s*$")
_ROOM = re.compile(r"^\s*(?:的)?\s*(上涨|上行|修复|反弹|增长|下跌|下行)空间")
_CURRENT = re.compile(r"当前|目前|现价|现在|最新|收盘")
# what a move needs before a bracketed rate (_TO: the last character of each verb, then 至/到, spaces
# aside), tested on a sentence before its figures are read; room needs 空间 (_ROOM)
_TO_WORD = re.compile(r"[升增涨提复弹调行大高降减跌落窄小滑变] *[至到]")
_STOPS = "，,；;。：:"  # the clause breaks (checks.tokens.clause_start)
_YEARS = re.compile(r"((?:19|20)\d{2})\s*年")
# the words of a clause that date a move rather than name a new subject
_TIME = re.compile(r"截至[^，,]{0,12}?时|[^，,]{0,4}[后时]|预计|预期|有望|将|已|再|又|进一步|目前|当前|最终|随后")


def find_moves(article: Article) -> list[Check]:
    out: list[Check] = []
    for s in article.sentences:
        if s.kind in ("prose", "list") and "分别" in s.text and "%" in s.text:
            for listed in _listed(s):
                listed.article = article.label
                out.append(listed)
        if (s.kind not in ("prose", "list") or "%" not in s.text
                or not ("至" in s.text or "到" in s.text or "空间" in s.text)):
            continue
        if "空间" not in s.text and not _TO_WORD.search(s.text):
            continue
        figs = [f for f in s.figures if unit_key(s, f) is not None]
        for k, c in enumerate(figs):
            if c.kind != FigureKind.PERCENT or k == 0:
                continue
            chk = _bracketed(s, figs, k)
            if chk is None and _ROOM.match(s.text[c.end:]):
                chk = _room(s, figs, k) or _room_elsewhere(article, s, figs, k)
            if chk is not None:
                chk.article = article.label
                out.append(chk)
    return out


def _growth(b: Figure, a: Figure) -> Interval | None:
    ia, ib = interval(a), interval(b)
    if ia.lo <= 0 or ib.lo <= 0:
        return None
    return (ib / ia - Interval(1, 1)).scale(100)


def _stated(s: Sentence, c: Figure, down: bool) -> Interval:
    """A rate as written; unsigned after a fall it is the fall's size."""
    iv = figure_interval(c, result=True)
    return -iv if down and not signed(s, c) and (c.value or 0) > 0 else iv


def _bracketed(s: Sentence, figs: list[Figure], k: int) -> Check | None:
    c, b = figs[k], figs[k - 1]
    rate = _RATE.match(s.text[b.end:c.start])
    if rate is None or b.kind not in LEVELS or s.text[c.end:].lstrip()[:1] not in "）)":
        return None
    if not (signed(s, c) or rate.group(1)):
        return None  # a bare "（56%）" may be a share
    verb = _TO.search(s.text[max(0, b.start - 14):b.start].replace(" ", ""))
    if verb is None:
        return None
    down = bool(re.search(_DOWN, verb.group(0)))
    key = unit_key(s, b)
    earlier = [f for f in figs[:k - 1] if unit_key(s, f) == key and f.kind == b.kind]
    if not earlier:
        return None
    a = earlier[-1]
    between = s.text[a.end:b.start]
    if any(f.kind in LEVELS and a.end <= f.start < b.start for f in figs) or "；" in between or "。" in between:
        return None
    got = _growth(b, a)
    if got is None:
        return None
    # 从 A 至 B names the base; without it A is the level written right before, and the rate is
    # tied to that move only when it is named by its 幅度 and B's clause has no subject of its own
    # ("最高达 104，截至报告发布时修复至 93（修复幅度 13%）"); a bare "+8%" may be against another period
    own = s.text[clause_start(s.text, a.start, _STOPS):a.start]
    fr = _FROM.search(own)
    if fr is not None:
        certain = not re.search(r"[，,；;（(]", between)
    else:
        clause = between[clause_start(between, len(between), _STOPS):]
        bare = _TIME.sub("", _TO.sub("", clause.replace(" ", "")))
        certain = bool(rate.group(1)) and not re.search(r"[（(]", between) and not bare
    formula = f"({b.text}/{a.text} - 1) = {c.text}"
    readings = [(formula, got)]
    years = sorted({int(y) for y in _YEARS.findall(s.text[max(0, a.start - 12):b.start])})
    if len(years) == 2 and years[1] - years[0] >= 2:
        # "从 2020 年 A 增至 2025 年 B（+12%）": the rate may be the yearly one
        n = years[1] - years[0]
        readings.append((f"({b.text}/{a.text})^(1/{n}) - 1 = {c.text}",
                         ((interval(b) / interval(a)).pow(1 / n) - Interval(1, 1)).scale(100)))
        certain = False
    if down and not fr:
        # a fall's size may be taken on the lower level ("104 修复至 93" as 104/93 - 1)
        back = _growth(a, b)
        if back is not None:
            readings.append((f"({a.text}/{b.text} - 1) = {c.text} (on the lower level)", -back))
    stated = _stated(s, c, down)
    if not signed(s, c):
        stated = stated.abs()
        readings = [(f, r.abs()) for f, r in readings]
    formula, best = min(readings, key=lambda fr: fr[1].distance(stated))
    return judged(s, "growth", c, [a, b], best, formula, certain=certain,
                  why="the rate may be against another period than the level before", stated_iv=stated)


def _room(s: Sentence, figs: list[Figure], k: int) -> Check | None:
    """Room to a target: two levels of one unit before it, one of them named current."""
    c = figs[k]
    if signed(s, c) or c.is_range:
        return None
    levels = [f for f in figs[:k] if f.kind in LEVELS]
    if len(levels) != 2 or unit_key(s, levels[0]) != unit_key(s, levels[1]):
        return None
    named = [f for f in levels if _CURRENT.search(
        s.text[clause_start(s.text, f.start, _STOPS):f.start])]
    if len(named) != 1:
        return None
    now = named[0]
    target = levels[0] if levels[1] is now else levels[1]
    got = _growth(target, now)
    if got is None:
        return None
    down = bool(re.match(r"\s*(?:的)?\s*(?:下跌|下行)", s.text[c.end:]))
    stated = figure_interval(c, result=True)
    return judged(s, "growth", c, [now, target], got.abs(),
                  f"|{target.text}/{now.text} - 1| = {c.text}", certain=(got.lo < 0) == down,
                  why="the room runs the other way than the two levels", stated_iv=stated)


# the words of a target's clause that are not its subject: "银价有望达" -> "银价"
_MODAL = re.compile(r"有望|预计|预期|或将|将|可能|可|或|达到|达|升至|涨至|至|到|为|约|突破|修复|回升|上涨|维持")
# a level written as the present one: "截至 2025 年 6 月，…银价约为 36.5 美元"
_PRESENT = re.compile(r"截至|当前|目前|现价|最新")


def _room_elsewhere(article: Article, s: Sentence, figs: list[Figure], k: int) -> Check | None:
    """Room to a target whose current level is written in another sentence: "银价有望达 57 美元 /
    金衡盎司，较当前存在 56% 上涨空间" and, elsewhere, "截至 2025 年 6 月，…银价约为 36.5 美元 /
    金衡盎司". The one present level of the target's subject and unit; a fit confirms, a miss
    proves nothing (the present may be another date's)."""
    c = figs[k]
    target = figs[k - 1]
    if target.kind not in LEVELS or signed(s, c) or c.is_range or not _PRESENT.search(s.text[target.end:c.start]):
        return None
    clause = s.text[clause_start(s.text, target.start, _STOPS):target.start]
    words = re.findall(r"[\u4e00-\u9fff]+", _MODAL.sub(" ", clause))
    if not words or len(words[-1]) < 2:
        return None
    subject, key = words[-1][-2:], unit_key(s, target)
    found: dict[float, tuple[Sentence, Figure]] = {}
    for p in article.sentences:
        if p.kind not in ("prose", "list") or p.id == s.id or not _PRESENT.search(p.text) or subject not in p.text:
            continue
        for f in p.figures:
            own = p.text[clause_start(p.text, f.start, _STOPS):f.start]
            if subject in own and unit_key(p, f) == key and f.kind == target.kind and not f.is_range:
                found[(f.value or 0) * (f.scale or 1.0)] = (p, f)
    if len(found) != 1:
        return None
    p, now = next(iter(found.values()))
    got = _growth(target, now)
    if got is None or got.lo < 0:
        return None
    chk = judged(s, "growth", c, [now, target], got, f"({target.text}/{now.text} - 1) = {c.text}",
                 certain=False, why="the present level is written in another sentence",
                 stated_iv=figure_interval(c, result=True))
    chk.input_sentences = [p.text, s.text]
    return chk


# "降幅分别为", "分别下降", "涨幅分别达": the rates of the moves before, one each, in order
_LISTED_RATES = re.compile(rf"(?:(?:([涨增降跌])幅|幅度|变化|变动)\s*分别\s*(?:为|是|达|约)?|分别\s*(?:同比)?\s*[上下]?({_UP}|{_DOWN})[^\d，,；;。]{{0,2}})\s*$")
_RATE_SEP = re.compile(r"^\s*(?:、|和|及|与|/|，|,)\s*$")


def _listed(s: Sentence) -> list[Check]:
    """Two or more moves "从 A …至 B" of one unit, then their rates listed with 分别 in that order."""
    figs = [f for f in s.figures if unit_key(s, f) is not None]
    moves: list[tuple[Figure, Figure]] = []
    out: list[Check] = []
    k = 0
    while k < len(figs):
        f = figs[k]
        lead = s.text[clause_start(s.text, f.start, _STOPS):f.start]
        if f.kind in LEVELS and k + 1 < len(figs) and _FROM.search(lead) \
                and unit_key(s, figs[k + 1]) == unit_key(s, f) \
                and re.search(r"(?:至|到)[^，,；;。]{0,8}$", s.text[f.end:figs[k + 1].start]) \
                and not re.search(r"[，,；;。]", s.text[f.end:figs[k + 1].start]):
            moves.append((f, figs[k + 1]))
            k += 2
            continue
        m = _LISTED_RATES.search(s.text[figs[k - 1].end if k else 0:f.start]) if f.kind == FigureKind.PERCENT else None
        if m and len(moves) >= 2:
            rates = [f]
            for g in figs[k + 1:]:
                if g.kind != FigureKind.PERCENT or not _RATE_SEP.match(s.text[rates[-1].end:g.start]):
                    break
                rates.append(g)
            if len(rates) == len(moves):
                word = m.group(1) or m.group(2) or ""
                down = bool(word) and re.fullmatch(_DOWN, word) is not None
                for (a, b), r in zip(moves, rates, strict=True):
                    got = _growth(b, a)
                    if got is None:
                        continue
                    stated = _stated(s, r, down)
                    if not word:  # "幅度分别为": the size of the move, its sign the move's
                        stated = stated if got.mid >= 0 or signed(s, r) else -stated
                    out.append(judged(s, "growth", r, [a, b], got, f"({b.text}/{a.text} - 1) = {r.text} (the move of its place in the list)",
                                      certain=True, stated_iv=stated))
            moves = []
        elif moves and unit_key(s, f) == unit_key(s, moves[-1][0]):
            moves = []  # a level of the moves' unit that moves nowhere: the list is not theirs alone
        k += 1
    return out

