"""A share's change in points from the growths of its part and its whole, no level written: "贷款余额同比
增长 12.92%，…，占总资产的 44.60%，较去年末提高 1.13pct" with "总资产同比增长 10.06%" is 44.60% × (1 −
1.1006 / 1.1292) (last year's share is this year's times the whole's growth over the part's; derived)."""

from __future__ import annotations

import re

from macrodesk.checks.gate import mentions
from macrodesk.checks.intervals import Interval, figure_interval
from macrodesk.checks.judging import Check
from macrodesk.checks.levels import judged
from macrodesk.checks.tokens import is_bound
from macrodesk.models import Article, Figure, FigureKind, Sentence

_NEEDS = re.compile(r"占[\u4e00-\u9fa5]{2,8}?(?:的)?(?:比重|比例|份额)?")
_UP = "提高|提升|上升|增加"
_DOWN = "下降|减少|降低|回落|下滑"
_FALLS = frozenset(_DOWN.split("|"))  # the verbs that make an unsigned rate or change a fall
_SINCE = r"(?:同比|较(?:上年|去年)(?:末|同期)?|较年初)"
# the share's whole named after 占, and the share written before its change ("占总资产的 44.60%，较去年末
# 提高 1.13pct") or after it ("占零售贷款比重较去年末下降 9.02pct 至 45.39%")
_WHOLE = r"占(?P<whole>[\u4e00-\u9fa5]{2,8}?)(?:的)?(?:比重|比例|份额)?"
_LEVEL_FIRST = re.compile(_WHOLE + r"\s*(?:为|达|约)?\s*$")
_CHANGE_AFTER = re.compile(rf"^\s*[，,]\s*(?:占比)?\s*{_SINCE}\s*(?P<verb>{_UP}|{_DOWN})\s*(?:了|约)?\s*$")
_CHANGE_FIRST = re.compile(_WHOLE + rf"\s*(?:{_SINCE})?\s*(?P<verb>{_UP}|{_DOWN})\s*(?:了|约)?\s*$")
_TO_LEVEL = re.compile(r"^\s*(?:至|到)\s*$")
# a growth: its measure's words back to a clause break, the basis, the verb
_GROWTH = re.compile(rf"(?P<name>[^，,。；;：:（(]*?)\s*{_SINCE}\s*(?P<verb>增长|增加|上升|提升|{_DOWN})\s*(?:了|约)?\s*$")
_PERIOD = re.compile(r"^(?:(?:19|20)?\d{2}\s*年(?:末|底)?|[一二三四]季度末?|上半年末?)\s*")


def _growth(s: Sentence, f: Figure, prev_end: int) -> tuple[str, Interval] | None:
    """The growth `f` (signed, as 1 + g) and the words of its measure, when it is written as one."""
    if f.kind != FigureKind.PERCENT or f.value is None or f.is_range or is_bound(s.text, f):
        return None
    m = _GROWTH.search(s.text, prev_end, f.start)
    if m is None:
        return None
    g = figure_interval(f).scale(0.01)
    if m.group("verb") in _FALLS and (f.value or 0) > 0:
        g = -g
    one = Interval(1 + g.lo, 1 + g.hi)
    return (_PERIOD.sub("", m.group("name").strip()), one) if one.lo > 0 else None


def _names_whole(name: str, whole: str) -> bool:
    """"2020 年上海银行总资产" names 总资产; "贷款余额" names 总贷款 (the total of a measure is the measure
    itself), "公司贷款余额" does not."""
    if whole in name:
        return True
    return whole.startswith("总") and len(whole) >= 3 and name.startswith(whole[1:])


def _figures(s: Sentence) -> list[Figure]:
    return [f for f in s.figures if f.kind != FigureKind.DATE and f.value is not None]


def find_share_moves(article: Article) -> list[Check]:
    if not mentions(article, _NEEDS):
        return []
    prose = [s for s in article.sentences if s.kind in ("prose", "list")]
    growths = [[(f, g) for j, f in enumerate(figs) if (g := _growth(s, f, figs[j - 1].end if j else 0)) is not None]
               for s in prose for figs in [_figures(s)]]
    out: list[Check] = []
    for si, s in enumerate(prose):
        figs = _figures(s)
        for k, c in enumerate(figs):
            if c.kind != FigureKind.POINTS or c.is_range or k == 0:
                continue
            found = _share_and_verb(s, figs, k)
            if found is None:
                continue
            share, whole, down, at = found
            # the part's growth: the last growth written before the share in its sentence
            part = None
            for j in range(at - 1, -1, -1):
                if (got := _growth(s, figs[j], figs[j - 1].end if j else 0)) is not None:
                    part = (figs[j], got[1])
                    break
            if part is None:
                continue
            # the whole's growth: a growth of the measure the share names, in this sentence or before it
            wholes = [(t, f, g) for t, grown in zip(prose[:si + 1], growths, strict=False) for f, g in grown
                      if (t is not s or f.end <= share.start) and f is not part[0] and _names_whole(g[0], whole)]
            chk = _fit(s, c, share, down, part, wholes)
            if chk is not None:
                chk.article = article.label
                out.append(chk)
    return out


def _share_and_verb(s: Sentence, figs: list[Figure], k: int) -> tuple[Figure, str, bool, int] | None:
    """The share the change at `k` is of, its whole's name, whether it fell, and the share's index."""
    c = figs[k]
    before = figs[k - 1]
    m = _CHANGE_AFTER.match(s.text[before.end:c.start])
    lead = _LEVEL_FIRST.search(s.text, max(0, before.start - 20), before.start) if m else None
    if m is not None and lead is not None and before.kind == FigureKind.PERCENT:
        return before, lead.group("whole"), m.group("verb") in _FALLS, k - 1
    if k + 1 < len(figs) and figs[k + 1].kind == FigureKind.PERCENT \
            and _TO_LEVEL.match(s.text[c.end:figs[k + 1].start]):
        first = _CHANGE_FIRST.search(s.text, max(0, c.start - 30), c.start)
        if first is not None:
            return figs[k + 1], first.group("whole"), first.group("verb") in _FALLS, k + 1
    return None


def _fit(s: Sentence, c: Figure, share: Figure, down: bool, part: tuple[Figure, Interval],
         wholes: list[tuple[Sentence, Figure, tuple[str, Interval]]]) -> Check | None:
    """The first whole's growth that gives the stated change: confirm-only (the whole is found by its
    name and the growths may be of other bases, so a misfit proves nothing)."""
    stated = figure_interval(c, result=True)
    if down and (c.value or 0) > 0:
        stated = -stated
    now = figure_interval(share)
    p, gp = part
    for t, f, (_, w) in wholes:
        change = now * (Interval(1, 1) - w / gp)
        if not change.overlaps(stated):
            continue
        before = now * (w / gp)
        chk = judged(s, "change", c, [share, p, f], change,
                     f"{share.text} - 上年占比 {before.mid:.2f}% (= {share.text} × (1 {_signed(f, w)}) / (1 {_signed(p, gp)}))"
                     f" = {c.text}", certain=False, derived=True,
                     why="the whole's growth is found by its name", stated_iv=stated)
        chk.input_sentences = [s.text, s.text, t.text]
        return chk
    return None


def _signed(f: Figure, one: Interval) -> str:
    return f"- {f.text.lstrip('-−－ ')}" if one.hi < 1 else f"+ {f.text.lstrip('+ ')}"
