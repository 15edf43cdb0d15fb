"""A total stated as a bound: "2023 年饲用消费占比 65.22%，工业消费占比 27.44%，合计超 90%" holds when
the parts add to more than 90% (65.22 + 27.44 = 92.66); "合计近 X" when they add to less than X.
The parts are the figures of the total's unit written before it in its sentence."""

from __future__ import annotations

import re

from macrodesk.checks.intervals import figure_interval, interval_sum
from macrodesk.checks.judging import Check, fmt
from macrodesk.checks.sentence import RATE_WORDS, SHARE_WORDS
from macrodesk.models import Article, Figure, FigureKind, canonical_unit

_LOWER = "超过|超|逾|高于|不低于|至少"
_UPPER = "接近|将近|近|不到|低于|不足|少于"
# "，合计超 90%", "，两者合计超过 50%", "，三者合计近 "
_TOTAL_LEAD = re.compile(rf"[，,；;]\s*(二者|两者|三者|四者)?\s*(?:合计|共计|总计|加总|合共)\s*(?:占比)?\s*"
                         rf"(?:(?P<lower>{_LOWER})|(?P<upper>{_UPPER}))\s*$")
_COUNT = {"二者": 2, "两者": 2, "三者": 3, "四者": 4}
_PART_BOUND = re.compile(rf"(?:{_LOWER}|{_UPPER}|约|大约)\s*$")
_PART_AFTER = re.compile(r"^\s*(?:以上|以下|左右|多|余)")


def _unit(f: Figure) -> tuple[str, str]:
    return f.kind.value, canonical_unit(f.kind, f.unit)


def find_bound_sums(article: Article) -> list[Check]:
    """Totals written as 合计超/合计近 a figure, against the sum of the parts before them."""
    out: list[Check] = []
    for s in article.sentences:
        if s.kind not in ("prose", "list") or "合计" not in s.text and "共计" not in s.text and "总计" not in s.text:
            continue
        figs = [f for f in s.figures if f.value is not None and not f.is_range and f.kind != FigureKind.DATE]
        for i, total in enumerate(figs):
            m = _TOTAL_LEAD.search(s.text[figs[i - 1].end if i else 0:total.start])
            if m is None or total.kind not in (FigureKind.PERCENT, FigureKind.MONEY, FigureKind.QUANTITY):
                continue
            before = figs[:i]
            if total.kind == FigureKind.PERCENT and (not SHARE_WORDS.search(s.text[:total.start])
                                                     or RATE_WORDS.search(s.text[:total.start])):
                continue  # growth rates do not add up; shares do
            if not before or any(_unit(f) != _unit(total) for f in before):
                continue  # a figure of another unit among them: which are the parts is not clear
            count = _COUNT.get(m.group(1) or "", len(before))
            parts = before[-count:]
            if len(parts) < 2 or len(parts) != count or any(
                    _PART_BOUND.search(s.text[:p.start]) or _PART_AFTER.match(s.text[p.end:]) for p in parts):
                continue
            acc = interval_sum(figure_interval(p).scale(p.scale) for p in parts)
            bound = (total.value or 0.0) * total.scale
            lower = m.group("lower") is not None
            fits = acc.hi > bound if lower else acc.lo < bound
            if not lower and not (fits and acc.hi >= 0.9 * bound):
                continue  # 近 says how near only loosely: only a sum just under it confirms, none refutes
            word = m.group("lower") or m.group("upper")
            shown = total.scale or 1.0
            out.append(Check(
                verdict="consistent" if fits else "inconsistent", kind="sum", stated=total.text,
                computed=fmt(acc.mid / shown), computed_low=acc.lo / shown, computed_high=acc.hi / shown,
                gap=None if fits else round(abs(bound - (acc.hi if lower else acc.lo)) / shown, 6),
                inputs=[p.text for p in parts],
                relation=" + ".join(p.text for p in parts) + f" {'>' if lower else '<'} {total.text} (合计{word})",
                note=f"a bound: the parts must add to {'more' if lower else 'less'} than it",
                sentence=s.text, sentence_id=s.id, paragraph=s.paragraph, article=article.label,
            ))
    return out

