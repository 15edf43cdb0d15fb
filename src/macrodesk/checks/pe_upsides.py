"""The room to a target price from the target's PE and the current price's PE of the same year: "目标价…
对应2019/20年24.8x/22.0xP/E，现价对应2019/20年17.3x/15.4xP/E，目标价有43%上行空间" is 24.8 / 17.3 − 1 =
43% (one EPS under both multiples), year by year; P/B the same."""

from __future__ import annotations

import re
from dataclasses import dataclass

from macrodesk.checks.intervals import Interval, written_interval
from macrodesk.checks.judging import Check, confirm_only, interval_check
from macrodesk.checks.paragraphs import ParaText, paragraphs
from macrodesk.models import Article

_NUM = r"\d+(?:\.\d+)?"
_MARK = r"(?:[xX倍])"
_YEARS = r"(?:(?:19|20)?\d{2,3}\s*(?:[/、]\s*(?:19|20)?\d{2}\s*)*年?\s*[eEA]?\s*)"
_WORD = r"(?:(?P<pe>P\s*/\s*E|PE|市盈率)|(?P<pb>P\s*/\s*B|PB|市净率))"
# "24.8x/22.0xP/E", "20x/17x2019/2020年市盈率", "23.2倍209年市盈率": the multiples, then their word
_BEFORE_WORD = re.compile(rf"(?P<vals>{_NUM}\s*{_MARK}?(?:\s*[/、]\s*{_NUM}\s*{_MARK}?)*)\s*{_MARK}\s*{_YEARS}?(?:的)?\s*{_WORD}")
# "PE分别为26、24倍", "市盈率11.7/8.5x", "PE为22/19/16倍": the word, then the multiples
_AFTER_WORD = re.compile(rf"{_WORD}\s*(?:分别)?\s*(?:为|是|约)?\s*(?P<vals>{_NUM}(?:\s*(?:[/、]|和)\s*{_NUM})*)\s*{_MARK}")
_UPSIDE = re.compile(rf"(?P<u>{_NUM})\s*%\s*(?:的)?\s*(?:上行|上涨)空间|(?:上行|上涨)空间\s*(?:为|约|达)?\s*(?P<u2>{_NUM})\s*%")
_TARGET = re.compile(r"目标价")
_CURRENT = re.compile(r"现价|当前股价|目前股价|当前价格|目前价格|最新股价")
# "当前股价和目标价分别对应 A 和 B": the lists in the order of their prices
_BOTH = re.compile(r"(现价|当前股价|目前股价|目标价)\s*(?:和|与|及)\s*(现价|当前股价|目前股价|目标价)\s*分别对应")


# digits a PDF export lost ("下调目标价9.%至4.90元对应23.2倍209年市盈率", cfb084): the multiples beside
# them may have lost digits too, so a misfit proves nothing
_LOST_DIGITS = re.compile(r"\d\.(?!\d)\s*%|(?<!\d)20\d\s*年")


@dataclass(frozen=True)
class _List:
    values: list[tuple[Interval, str]]
    kind: str  # "PE" or "PB"
    start: int
    end: int


def _lists(t: str) -> list[_List]:
    found: list[_List] = []
    for rx in (_BEFORE_WORD, _AFTER_WORD):
        for m in rx.finditer(t):
            if any(m.start() < x.end and x.start < m.end() for x in found):
                continue
            vals = [(written_interval(v), v) for v in re.findall(_NUM, m.group("vals"))]
            found.append(_List(vals, "PE" if m.group("pe") else "PB", m.start(), m.end()))
    found.sort(key=lambda x: x.start)
    # "23.2倍2019年市盈率和20.4倍2020年市盈率": single multiples joined by 和 are one list
    merged: list[_List] = []
    for x in found:
        if merged and len(merged[-1].values) == 1 and len(x.values) == 1 and x.kind == merged[-1].kind \
                and re.fullmatch(r"\s*(?:和|、|及)\s*", t[merged[-1].end:x.start]):
            last = merged.pop()
            x = _List([*last.values, *x.values], x.kind, last.start, x.end)
        merged.append(x)
    return merged


def _role(t: str, x: _List, order: dict[int, str]) -> str | None:
    """Whose price the list is of: the price named last before it in its sentence."""
    if x.start in order:
        return order[x.start]
    sentence = t[t.rfind("。", 0, x.start) + 1:x.start]
    marks = [(m.start(), "target") for m in _TARGET.finditer(sentence)] + \
        [(m.start(), "current") for m in _CURRENT.finditer(sentence)]
    return max(marks)[1] if marks else None


def find_pe_upsides(article: Article) -> list[Check]:
    if "空间" not in article.text:
        return []
    out: list[Check] = []
    for p in paragraphs(article):
        if "空间" in p.text and ("目标价" in p.text):
            out.extend(_judge(article, p))
    return out


def _judge(article: Article, p: ParaText) -> list[Check]:
    t = p.text
    upsides = list(_UPSIDE.finditer(t))
    lists = _lists(t)
    if len(upsides) != 1 or len(lists) < 2:
        return []
    order: dict[int, str] = {}
    for both in _BOTH.finditer(t):
        after = [x for x in lists if x.start >= both.end()][:2]
        if len(after) == 2:
            for x, word in zip(after, (both.group(1), both.group(2)), strict=True):
                order[x.start] = "target" if word == "目标价" else "current"
    roles = [(x, _role(t, x, order)) for x in lists]
    for kind in ("PE", "PB"):
        targets = [x for x, r in roles if r == "target" and x.kind == kind]
        currents = [x for x, r in roles if r == "current" and x.kind == kind]
        if len(targets) != 1 or len(currents) != 1 or len(targets[0].values) != len(currents[0].values):
            continue
        return _pairs(article, p, upsides[0], targets[0], currents[0])
    return []


def _pairs(article: Article, p: ParaText, up: re.Match[str], target: _List, current: _List) -> list[Check]:
    written = up.group("u") or up.group("u2")
    garbled = bool(_LOST_DIGITS.search(p.text))
    stated = written_interval(written)
    s = p.sentence_at(up.start())
    out = []
    for k, ((tv, tt), (cv, ct)) in enumerate(zip(target.values, current.values, strict=True)):
        if cv.lo <= 0:
            continue
        got = (tv / cv - Interval(1, 1)).scale(100)
        chk = interval_check(
            got, stated, kind="growth", stated=f"{written}%", inputs=[tt, ct],
            relation=f"{tt} / {ct} - 1 = {written}% (the target's {target.kind} over the current one's, one EPS; "
                     f"list item: {k + 1})",
            sentence=s.text, sentence_id=s.id, paragraph=s.paragraph, derived=True,
            input_sentences=[p.sentence_at(target.start).text, p.sentence_at(current.start).text],
            article=article.label)
        out.append(confirm_only(chk, "digits of the paragraph are lost in its text") if garbled else chk)
    # one stated room, one check (the checker keeps one per stated figure): a year that misfits,
    # else the first year's fit
    misfits = [c for c in out if c.verdict == "inconsistent"]
    return misfits[:1] or out[:1]
