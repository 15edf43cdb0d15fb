"""A ratio named by two commodities whose prices stand in other sentences: "金银比：周跌 3.48% 至 90.86"
is COMEX 黄金 3,286.10 over COMEX 白银 36.17 美元 / 盎司, each written in its own list item; its weekly
move is the two prices' moves, (1 − 2.90%) / (1 + 0.60%) − 1 (derived)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from macrodesk.checks.gate import mentions
from macrodesk.checks.intervals import Interval, figure_interval
from macrodesk.checks.judging import Check, confirm_only, interval_check
from macrodesk.checks.levels import interval
from macrodesk.checks.tokens import is_bound
from macrodesk.models import Article, Figure, FigureKind, Sentence
from macrodesk.text.clauses import clause_start

# the one-character names of a ratio's sides and the words that name each commodity's price
_COMMODITY = {
    "金": re.compile(r"黄金|(?<![铂钯])金价|伦敦金|现货金|金现|沪金|COMEX\s*金"),
    "银": re.compile(r"白银|银价|伦敦银|现货银|银现|沪银|COMEX\s*银"),
    "铜": re.compile(r"铜价|(?<![黄紫])铜(?!箔|板块)"),
    "油": re.compile(r"原油|油价|WTI|布伦特"),
}
_NAME = re.compile(r"([金银铜油])([金银铜油])比")
_STOPS = "，,。；;！？!?"
_CLAUSE_END = re.compile(f"[{_STOPS}]")
# the ratio's level, right after its name or a move to it: "金银比 80.5", "金银比：周跌 3.48% 至 90.86"
_LEVEL_LEAD = re.compile(r"^\s*(?:[：:]\s*)?(?:当前|目前|最新|本周)?\s*(?:金银比|[金银铜油]{2}比)?\s*(?:为|约为|约|达|报|收于)?\s*$")
_MOVE_TO = re.compile(r"(?:至|到)\s*$")
_UP = re.compile(r"涨|升|增")
_DOWN = re.compile(r"跌|降|回落|减")
# a price of the past, a forecast or a scenario: not today's price the ratio is taken at
_PERIOD = re.compile(r"周|月|年初至今|年内|今年|年")
_NOT_NOW = re.compile(r"(?:19|20)\d{2}\s*年|预计|预测|预期|目标|中枢|假设|若|均价|平均|历史|高点|低点|峰值")


@dataclass(frozen=True)
class _Price:
    sentence: Sentence
    fig: Figure
    move: Figure | None  # the price's own move written before it ("周跌 2.90% 至")


def find_price_ratios(article: Article) -> list[Check]:
    if not mentions(article, _NAME):
        return []
    out: list[Check] = []
    prices: dict[str, list[_Price]] = {}  # each commodity's prices, read once per article
    for s in article.sentences:
        if s.kind not in ("prose", "list") or not _NAME.search(s.text):
            continue
        for m in _NAME.finditer(s.text):
            if m.group(1) == m.group(2):
                continue
            stated = _stated(s, m)
            if stated is None:
                continue
            level, move = stated
            for side in m.groups():
                if side not in prices:
                    prices[side] = _prices(article, side)
            out.extend(_checks(article, s, m.group(0), level, move, prices[m.group(1)], prices[m.group(2)]))
    return out


def _stated(s: Sentence, m: re.Match[str]) -> tuple[Figure, Figure | None] | None:
    """The ratio's level written after its name in the name's clause, and the move written
    between them ("周跌 3.48% 至 90.86"); None when the clause dates it or bounds it."""
    end = _CLAUSE_END.search(s.text, m.end())
    stop = end.start() if end else len(s.text)
    figs = [f for f in s.figures if m.end() <= f.start and f.end <= stop]
    if any(f.kind == FigureKind.DATE for f in figs) or _NOT_NOW.search(s.text[clause_start(s.text, m.start(), _STOPS):stop]):
        return None
    levels = [f for f in figs if f.kind == FigureKind.NUMBER and not f.unit and f.value is not None and not f.is_range]
    if not levels:
        return None
    level = levels[0]
    lead = s.text[m.end():level.start]
    moves = [f for f in figs if f.kind == FigureKind.PERCENT and f.end <= level.start and f.value is not None
             and not f.is_range]
    if is_bound(s.text, level) or (level.value or 0) <= 0:
        return None
    if len(moves) == 1 and _MOVE_TO.search(lead):
        return level, moves[0]
    if not moves and (_LEVEL_LEAD.match(lead) or _MOVE_TO.search(lead)):
        return level, None
    return None


def _prices(article: Article, side: str) -> list[_Price]:
    """The article's prices of one commodity written as today's: a price per unit (美元 / 盎司)
    after the commodity's name in its own clause, naming no other commodity, not a bound."""
    words = _COMMODITY[side]
    others = [p for k, p in _COMMODITY.items() if k != side]
    found: list[_Price] = []
    for s in article.sentences:
        if s.kind not in ("prose", "list") or not words.search(s.text):
            continue
        for f in s.figures:
            if f.kind != FigureKind.MONEY or "/" not in (f.unit or "") or f.value is None or f.is_range \
                    or f.value <= 0 or is_bound(s.text, f):
                continue
            begin = clause_start(s.text, f.start, _STOPS)
            clause = s.text[begin:f.start]
            # else the name stands earlier, back to the amount before ("COMEX 黄金价格上涨 4.25%，收于 …",
            # "COMEX 黄金：周跌 2.90%，报收 …")
            back = max([x.end for x in s.figures if x.kind == FigureKind.MONEY and x.end <= f.start], default=0)
            named = clause if words.search(clause) else s.text[back:f.start] if words.search(s.text[back:f.start]) else ""
            if not named or any(o.search(named) for o in others) or _NOT_NOW.search(clause):
                continue
            found.append(_Price(s, f, _move(s, f, begin)))
    return found


def _move(s: Sentence, price: Figure, start: int) -> Figure | None:
    """The price's move written before it in its clause (which starts at `start`) or right before
    it ("周跌 2.90% 至", "本周上涨 0.54%，收于"); None when there is none or more than one."""
    figs = [f for f in s.figures if f.kind == FigureKind.PERCENT and f.end <= price.start and f.value is not None
            and not f.is_range and (f.start >= start or price.start - f.end <= 12)]
    if len(figs) != 1:
        return None
    return figs[0]


def _period(s: Sentence, g: Figure) -> str:
    """The period a move is over, by the words before it ("周跌", "本周上涨", "年初至今上涨")."""
    m = _PERIOD.search(s.text[max(0, g.start - 8):g.start])
    return m.group(0) if m else ""


def _signed(s: Sentence, g: Figure) -> Interval | None:
    """A move as a signed fraction, its sign named by its verb ("周跌 2.90%"); None when no verb
    names it."""
    verb = s.text[max(0, g.start - 6):g.start]
    up, down = bool(_UP.search(verb)), bool(_DOWN.search(verb))
    iv = figure_interval(g, result=True).scale(0.01)
    if iv.hi < 0:
        return iv if not up else None  # "-3.48%": signed as written
    if up == down:
        return None
    return iv if up else -iv


def _checks(article: Article, s: Sentence, name: str, level: Figure, move: Figure | None,
            xs: list[_Price], ys: list[_Price]) -> list[Check]:
    # one price of each commodity in one unit: the ratio is certain; several (COMEX and London,
    # or a price written twice with two values) make it a fit that confirms only
    pairs = [(x, y) for x in xs for y in ys if x.fig.unit == y.fig.unit]
    if not pairs:
        return []
    certain = len({x.fig.value for x, _ in pairs}) == 1 and len({y.fig.value for _, y in pairs}) == 1
    stated = figure_interval(level, result=True)
    got = [(x, y, interval(x.fig) / interval(y.fig)) for x, y in pairs]
    x, y, iv = next(((x, y, iv) for x, y, iv in got if iv.overlaps(stated)), got[0])
    chk = interval_check(iv, stated, kind="ratio", stated=level.text, inputs=[x.fig.text, y.fig.text],
                         relation=f"{x.fig.text} / {y.fig.text} = {level.text} ({name}: the two prices, "
                                  "written elsewhere)",
                         input_sentences=[x.sentence.text, y.sentence.text], sentence=s.text, sentence_id=s.id,
                         paragraph=s.paragraph)
    out = [chk if certain else confirm_only(chk, f"more than one price of each side of {name} is written")]
    written = _signed(s, move) if move is not None else None
    mx = _signed(x.sentence, x.move) if x.move is not None else None
    my = _signed(y.sentence, y.move) if y.move is not None else None
    # the three moves over one period: a week's move of the ratio from the prices' weekly moves
    if move is not None and written is not None and mx is not None and my is not None \
            and x.move is not None and y.move is not None \
            and _period(x.sentence, x.move) in ("", _period(s, move)) \
            and _period(y.sentence, y.move) in ("", _period(s, move)):
        moved = (Interval(1, 1) + mx) / (Interval(1, 1) + my) - Interval(1, 1)
        g = interval_check(moved.scale(100), written.scale(100), kind="growth", stated=move.text,
                           inputs=[x.fig.text, y.fig.text],
                           relation=f"(1 + move of {x.fig.text}) / (1 + move of {y.fig.text}) - 1 = {move.text} "
                                    f"({name}'s move from the two prices' moves)",
                           input_sentences=[x.sentence.text, y.sentence.text], sentence=s.text, sentence_id=s.id,
                           paragraph=s.paragraph)
        g.derived = True
        out.append(g if certain else confirm_only(g, f"more than one price of each side of {name} is written"))
    for c in out:
        c.article = article.label
    return out
