"""Levels, their changes and the changes' rates written as parallel slash lists: "白卡/双胶/瓦楞/箱板纸均价为
8755/6650/4154/4987元/吨，同比提升2945/255/421/418元/吨（+51%/+4%/+11%/+9%），环比提升1946/1083/347/194元/吨
（+29%/+19%/+9%/+4%）" (cfb271) is 2945 / (8755 − 2945) = 50.7%, …, paired by position."""

from __future__ import annotations

import re

from macrodesk.checks.intervals import written_interval
from macrodesk.checks.judging import Check, interval_check
from macrodesk.models import Article

_NUM = r"(?:[+\-−]\s*)?\d+(?:\.\d+)?"
_UNIT = r"(?:元\s*/\s*[吨瓶台件辆桶千克]|元|万吨|吨|亿元|万元|万辆|亿|万)"
_LEVELS = re.compile(rf"((?:{_NUM}\s*/\s*)+{_NUM})\s*({_UNIT})")
_UP = ("提升", "增加", "上涨", "上升", "增长", "提高", "回升")
_DOWN = ("下降", "减少", "下跌", "回落", "降低", "下滑")
_MOVE = re.compile(rf"\s*[，,]\s*((?:同比|环比|较[^，,。；;\d]{{0,8}}))\s*({'|'.join(_UP + _DOWN)})?\s*"
                   rf"((?:{_NUM}\s*/\s*)+{_NUM})\s*(?:{_UNIT})?\s*[（(]\s*((?:{_NUM}\s*%?\s*/\s*)+{_NUM}\s*%)\s*[)）]")


def _values(text: str) -> list[str]:
    return [re.sub(r"\s", "", v) for v in text.split("/")]


def find_slash_moves(article: Article) -> list[Check]:
    out: list[Check] = []
    for s in article.sentences:
        if s.kind not in ("prose", "list") or "/" not in s.text or "%" not in s.text:
            continue
        if "（" not in s.text and "(" not in s.text:
            continue  # every move's rates are bracketed (_MOVE)
        for lv in _LEVELS.finditer(s.text):
            levels = _values(lv.group(1))
            pos = lv.end()
            # one block per basis after the levels: "，同比提升…（…），环比提升…（…）"
            while (mv := _MOVE.match(s.text, pos)) is not None:
                changes, rates = _values(mv.group(3)), _values(mv.group(4))
                if not len(levels) == len(changes) == len(rates):
                    break
                sign = -1.0 if mv.group(2) in _DOWN else 1.0
                for level, change, rate in zip(levels, changes, rates, strict=True):
                    d = written_interval(change).scale(sign if not change.startswith(("-", "−", "+")) else 1.0)
                    before = written_interval(level) - d
                    if before.lo <= 0:
                        continue
                    stated = written_interval(rate).scale(sign if not rate.startswith(("-", "−", "+")) else 1.0)
                    out.append(interval_check(
                        (d / before).scale(100), stated, kind="growth", stated=rate,
                        inputs=[level, change],
                        relation=f"{change} / ({level} - {change}) = {rate} ({mv.group(1)}, paired by position)",
                        sentence=s.text, sentence_id=s.id, paragraph=s.paragraph, input_sentences=[s.text, s.text],
                        article=article.label))
                pos = mv.end()
    return out
