"""The spread between two yields of one curve, as a market wrap writes it: "10年期基准国债收益率涨7.78个基点，报1.9085%",
"两年期美债收益率涨11.40个基点，报1.3099%" and "02/10年期美债收益率利差跌4.023个基点，报59.251个基点" give the spread
1.9085% − 1.3099% = 59.86 个基点 and its day's move 7.78 − 11.40 = −3.62 个基点. Each tenor's yield must be written
once in the paragraph (a tenor quoted twice, or of another bond, leaves its spreads alone)."""

from __future__ import annotations

import re

from macrodesk.checks.gate import mentions
from macrodesk.checks.intervals import Interval, written_interval
from macrodesk.checks.judging import Check, interval_check
from macrodesk.figures import cn_to_number
from macrodesk.models import Article, Sentence

_NEEDS = re.compile(r"利差")
_TENOR = r"\d{1,2}|[一二两三五七十]{1,3}"
_UP = ("涨", "上涨", "上行", "升", "扩大", "走阔", "上升")
_MOVE = r"涨|跌|上涨|下跌|上行|下行|升|降|扩大|收窄|走阔|收敛|上升|下降"
# "美国10年期基准国债收益率涨7.78个基点，报1.9085%", "30年期美债收益率持平于2.1118%", "七年期美债收益率大体持平，报1.7160%"
_YIELD = re.compile(
    rf"(?<![\d/])(?P<t>{_TENOR})\s*年期[^，,。；;：:\d%（(]{{0,12}}?收益率\s*"
    rf"(?:(?P<v>{_MOVE})\s*(?P<c>\d+(?:\.\d+)?)\s*个?基点\s*[，,]\s*(?:报|至|收于)|(?P<flat>大体持平|基本持平|持平)\s*[，,]?\s*(?:报|于)?)"
    r"\s*(?P<y>[-−]?\d+\.\d+)\s*[%％]")
# "02/10年期美债收益率利差跌4.023个基点，报59.251个基点", "10年期与2年期国债收益率利差为59.3个基点"
_SPREAD = re.compile(
    rf"(?P<a>{_TENOR})\s*(?:年期)?\s*(?:/|与|和)\s*(?P<b>{_TENOR})\s*年期[^，,。；;\d%]{{0,12}}?利差\s*"
    rf"(?:(?P<v>{_MOVE})\s*(?P<c>\d+(?:\.\d+)?)\s*个?基点\s*[，,]\s*)?(?:报|至|为|收于)\s*(?P<s>\d+(?:\.\d+)?)\s*个?基点")


# what a reader is told when the figures do not close
_NOTE = "a wire may quote its spreads and its yields at different moments; as written they do not close"


# a move over a period after the level, up to the clause's end: "，本周累涨13.90个基点", "，1月份累计上涨26.66个基点"
_PERIOD_MOVE = re.compile(rf"(?P<p>本周|本月|今年以来|年初至今|\d{{1,2}}月份?)\s*累计?\s*(?P<v>{_MOVE})\s*约?\s*"
                          r"(?P<c>\d+(?:\.\d+)?)\s*个?基点")


def _period_moves(text: str, start: int) -> dict[str, Interval]:
    """The moves over named periods written after a yield or a spread, up to the next tenor or sentence end."""
    nxt = re.search(rf"(?:{_TENOR})\s*(?:年期|/)|[。；;]", text[start:])
    span = text[start:start + nxt.start()] if nxt else text[start:]
    out: dict[str, Interval] = {}
    for m in _PERIOD_MOVE.finditer(span):
        iv = written_interval(m.group("c"))
        out.setdefault(m.group("p"), iv if m.group("v") in _UP else -iv)
    return out


def _yields(para: list[Sentence]) -> dict[float, list[tuple[re.Match[str], Sentence]]]:
    """A paragraph's yields by tenor in years, each with the sentence it is written in."""
    yields: dict[float, list[tuple[re.Match[str], Sentence]]] = {}
    for p in para:
        for m in _YIELD.finditer(p.text):
            if (t := _years(m.group("t"))) is not None:
                yields.setdefault(t, []).append((m, p))
    return yields


def _years(t: str) -> float | None:
    return float(t) if t.isdigit() else cn_to_number(t)


def _signed(m: re.Match[str]) -> Interval | None:
    if m.group("c") is None:
        return None
    iv = written_interval(m.group("c"))
    return iv if m.group("v") in _UP else -iv


def find_yield_spreads(article: Article) -> list[Check]:
    if not mentions(article, _NEEDS):
        return []
    out: list[Check] = []
    prose = [s for s in article.sentences if s.kind in ("prose", "list")]
    # each paragraph's yields by tenor, read once for all its spreads
    by_paragraph: dict[int, dict[float, list[tuple[re.Match[str], Sentence]]]] = {}
    for s in prose:
        if "利差" not in s.text:
            continue
        if (yields := by_paragraph.get(s.paragraph)) is None:
            yields = by_paragraph[s.paragraph] = _yields([p for p in prose if p.paragraph == s.paragraph])
        for sm in _SPREAD.finditer(s.text):
            a, b = _years(sm.group("a")), _years(sm.group("b"))
            if a is None or b is None or a == b or len(yields.get(a, [])) != 1 or len(yields.get(b, [])) != 1:
                continue
            short, long_ = sorted((a, b))
            (ms, ps), (ml, pl) = yields[short][0], yields[long_][0]
            spread_text = f"{sm.group('s')}个基点"
            got = (written_interval(ml.group("y")) - written_interval(ms.group("y"))).scale(100)
            out.append(interval_check(
                got, written_interval(sm.group("s")), kind="difference", stated=spread_text,
                inputs=[f"{ml.group('y')}%", f"{ms.group('y')}%"],
                relation=f"({ml.group('y')}% - {ms.group('y')}%) × 100 = {spread_text} (the {short:g}/{long_:g}-year spread)",
                sentence=s.text, sentence_id=s.id, paragraph=s.paragraph, input_sentences=[pl.text, ps.text],
                article=article.label))
            # each period's move of the spread from its yields' moves over the same period
            spread_moves = _period_moves(s.text, sm.end())
            long_moves, short_moves = _period_moves(pl.text, ml.end()), _period_moves(ps.text, ms.end())
            for period, iv in spread_moves.items():
                if period not in long_moves or period not in short_moves:
                    continue
                pm = next(m for m in _PERIOD_MOVE.finditer(s.text, sm.end()) if m.group("p") == period)
                out.append(interval_check(
                    long_moves[period] - short_moves[period], iv, kind="change", stated=f"{pm.group('c')}个基点",
                    inputs=[f"{long_moves[period].mid:g}", f"{short_moves[period].mid:g}"],
                    relation=f"{long_moves[period].mid:g} - ({short_moves[period].mid:g}) = {iv.mid:g}个基点 (the "
                             f"{short:g}/{long_:g}-year spread's move over {period} from its yields' moves)",
                    sentence=s.text, sentence_id=s.id, paragraph=s.paragraph, input_sentences=[pl.text, ps.text],
                    article=article.label))
            moved = _signed(sm)
            dl = Interval(0, 0) if ml.group("flat") else _signed(ml)
            ds = Interval(0, 0) if ms.group("flat") else _signed(ms)
            if moved is None or dl is None or ds is None:
                continue
            change_text = f"{sm.group('c')}个基点"
            out.append(interval_check(
                dl - ds, moved, kind="change", stated=change_text,
                inputs=[ml.group("c") or "0", ms.group("c") or "0"],
                relation=f"{'' if ml.group('flat') else ('' if ml.group('v') in _UP else '-')}{ml.group('c') or 0} - "
                         f"({'' if ms.group('flat') else ('' if ms.group('v') in _UP else '-')}{ms.group('c') or 0}) = "
                         f"{'' if sm.group('v') in _UP else '-'}{change_text} (the {short:g}/{long_:g}-year spread's move"
                         " from its yields' moves)",
                sentence=s.text, sentence_id=s.id, paragraph=s.paragraph, input_sentences=[pl.text, ps.text],
                article=article.label))
    for c in out:
        c.note = _NOTE if c.verdict == "inconsistent" else ""
    return out
