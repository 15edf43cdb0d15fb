"""An index's move in points with its rate and the level it closed at, as market wraps write them: "波罗的海干散货
运价指数下跌48点或3.5%，至1343点" is 48 / (1343 + 48); "沪指上涨30点，涨幅1.2%，报2530点" is 30 / (2530 − 30). All
three figures stand together, so a rate that does not follow refutes."""

from __future__ import annotations

import re

from macrodesk.checks.gate import mentions
from macrodesk.checks.intervals import written_interval
from macrodesk.checks.judging import Check, interval_check
from macrodesk.models import Article

_NEEDS = re.compile(r"\d\s*点")
_UP = ("涨", "上涨", "上升", "攀升", "走高", "升")
_MOVE = re.compile(
    r"(?P<v>上涨|下跌|下滑|上升|下降|回落|攀升|走高|走低|涨|跌|升|降)\s*(?P<n>\d+(?:\.\d+)?)\s*点\s*[，,]?\s*"
    r"(?:或|涨幅为?|跌幅为?|幅度为?|降幅为?)\s*(?P<p>\d+(?:\.\d+)?)\s*[%％]\s*[，,]?\s*"
    r"(?:至|报|收于|收报|到)\s*(?P<l>\d+(?:\.\d+)?)\s*点")


def find_index_moves(article: Article) -> list[Check]:
    if not mentions(article, _NEEDS):
        return []
    out: list[Check] = []
    for s in article.sentences:
        if s.kind not in ("prose", "list") or "点" not in s.text:
            continue
        for m in _MOVE.finditer(s.text):
            move, level = written_interval(m.group("n")), written_interval(m.group("l"))
            up = m.group("v") in _UP
            before = level - move if up else level + move
            if before.lo <= 0:
                continue
            rate = f"{m.group('p')}%"
            out.append(interval_check(
                (move / before).scale(100), written_interval(m.group("p")), kind="growth", stated=rate,
                inputs=[f"{m.group('n')}点", f"{m.group('l')}点"],
                relation=f"{m.group('n')}点 / ({m.group('l')}点 {'-' if up else '+'} {m.group('n')}点) = "
                         f"{'' if up else '-'}{rate} (a move in points over the level it moved from)",
                sentence=s.text, sentence_id=s.id, paragraph=s.paragraph, input_sentences=[s.text, s.text],
                article=article.label))
    return out
