"""Production and sales written as a 分别 pair for a whole and for its two complementary parts, in
different sentences or paragraphs: "2025 年 7 月，汽车产销分别完成 259.11 万辆和 259.34 万辆" with "乘用车产销分别完成
229.33 万辆和 228.74 万辆" and "商用车产销分别完成 29.78 万辆和 30.60 万辆" (473) is 229.33 + 29.78 = 259.11 and
228.74 + 30.60 = 259.34, each of the pair by its position, for one period."""

from __future__ import annotations

import re

from macrodesk.checks.intervals import Interval, written_interval
from macrodesk.checks.judging import Check, interval_check
from macrodesk.models import Article, Sentence

_NUM = r"\d+(?:\.\d+)?"
# "汽车产销分别完成 259.11 万辆和 259.34 万辆", "商用车产销累计分别完成 239.72 万辆和 242.77 万辆"
_PAIR = re.compile(rf"([\u4e00-\u9fa5]{{2,6}}?)\s*产销量?\s*(?:累计)?\s*分别\s*(?:完成|为|达到?|实现)?\s*({_NUM})\s*(万辆|辆)\s*"
                   rf"(?:和|、|/|与)\s*({_NUM})\s*(万辆|辆)")
# the period a pair is of, the last one written before it in its sentence: "2025 年 7 月", "1-7 月"
_PERIOD = re.compile(r"(?:(?:19|20)\d{2}\s*年\s*)?(?:\d{1,2}\s*[-~—]\s*)?\d{1,2}\s*月|前[一二三四五六七八九十]+个月")
# a whole and the two parts that exhaust it
_SPLITS = (("汽车", ("乘用车", "商用车")), ("新能源汽车", ("新能源乘用车", "新能源商用车")))


# the pair's growths by basis: "环比分别 - 7.27%、-10.71%，同比分别 + 13.33%、+14.66%"
_GROWTHS = re.compile(rf"(同比|环比)\s*分别\s*(增长|下降|减少|下滑)?\s*([+\-−]?\s*{_NUM})\s*%?\s*(?:[、和/])\s*([+\-−]?\s*{_NUM})\s*%")
_FALL = ("下降", "减少", "下滑")


def _growths(s: Sentence, m: re.Match[str]) -> dict[str, list[tuple[Interval, str]]]:
    """The pair's 同比 and 环比 growths written after it in its sentence: (signed rate, as written)."""
    end = s.text.find("。", m.end())
    out: dict[str, list[tuple[Interval, str]]] = {}
    for g in _GROWTHS.finditer(s.text, m.end(), len(s.text) if end < 0 else end):
        if _PAIR.search(s.text, m.end(), g.start()):
            break  # another pair's growths
        sign = -1.0 if g.group(2) in _FALL else 1.0
        out.setdefault(g.group(1), [(_rate(g.group(k), sign), g.group(k).replace(" ", "") + "%") for k in (3, 4)])
    return out


def _rate(text: str, sign: float) -> Interval:
    t = re.sub(r"\s", "", text).replace("−", "-")
    signed = t.startswith(("-", "+"))
    return written_interval(t.lstrip("+-")).scale(-1.0 if t.startswith("-") else (1.0 if signed else sign))


def _key(period: str) -> str:
    # "2025 年 1-7 月" and "1-7 月" are one period in one article; the year is left out
    return re.sub(r"\s|(?:19|20)\d{2}年", "", period)


def find_pair_parts(article: Article) -> list[Check]:
    if "产销" not in article.text:
        return []
    pairs: dict[tuple[str, str], list[tuple[Sentence, re.Match[str]]]] = {}
    for s in article.sentences:
        if s.kind not in ("prose", "list") or "产销" not in s.text:
            continue
        for m in _PAIR.finditer(s.text):
            periods = list(_PERIOD.finditer(s.text, 0, m.start()))
            if not periods:
                continue
            subject = re.sub(r"^(?:其中|国内|我国|全国)", "", m.group(1))
            pairs.setdefault((subject, _key(periods[-1].group(0))), []).append((s, m))
    out: list[Check] = []
    for (subject, period), found in pairs.items():
        for whole, (a, b) in _SPLITS:
            if subject != whole:
                continue
            parts = [pairs.get((a, period)), pairs.get((b, period))]
            # one pair each, all in one unit: the parts are certain
            if len(found) != 1 or any(p is None or len(p) != 1 for p in parts):
                continue
            (ws, wm), (ps, pm), (qs, qm) = found[0], parts[0][0], parts[1][0]  # type: ignore[index]
            if len({wm.group(3), wm.group(5), pm.group(3), pm.group(5), qm.group(3), qm.group(5)}) != 1:
                continue
            unit = wm.group(3)
            wg, pg, qg = _growths(ws, wm), _growths(ps, pm), _growths(qs, qm)
            for k, (pos, what) in enumerate(((2, "产"), (4, "销"))):
                got = written_interval(pm.group(pos)) + written_interval(qm.group(pos))
                chk = interval_check(
                    got, written_interval(wm.group(pos)), kind="sum", stated=f"{wm.group(pos)} {unit}",
                    inputs=[f"{pm.group(pos)} {unit}", f"{qm.group(pos)} {unit}"],
                    relation=f"{pm.group(pos)} {unit} + {qm.group(pos)} {unit} = {wm.group(pos)} {unit} "
                             f"({a} + {b} = {whole}, {what}, {period})",
                    sentence=ws.text, sentence_id=ws.id, paragraph=ws.paragraph,
                    input_sentences=[ps.text, qs.text], article=article.label)
                out.append(chk)
                if chk.verdict != "consistent":
                    continue
                # the whole's growth from its two parts' (last period's levels derived): the parts fill it
                for basis in ("同比", "环比"):
                    if basis not in wg or basis not in pg or basis not in qg:
                        continue
                    gp, gq = pg[basis][k][0], qg[basis][k][0]
                    stated, written = wg[basis][k]
                    one = Interval(1, 1)
                    if (one + gp.scale(0.01)).lo <= 0 or (one + gq.scale(0.01)).lo <= 0:
                        continue
                    before = written_interval(pm.group(pos)) / (one + gp.scale(0.01)) + written_interval(qm.group(pos)) / (one + gq.scale(0.01))
                    grown = interval_check(
                        (got / before - one).scale(100), stated, kind="growth", stated=written,
                        inputs=[pm.group(pos), qm.group(pos)],
                        relation=f"{whole}{what}{basis}: ({pm.group(pos)} + {qm.group(pos)}) / ({pm.group(pos)}/(1{gp.mid:+.2f}%)"
                                 f" + {qm.group(pos)}/(1{gq.mid:+.2f}%)) - 1 ({a} + {b}, {period}; last period derived)",
                        sentence=ws.text, sentence_id=ws.id, paragraph=ws.paragraph,
                        input_sentences=[ps.text, qs.text], article=article.label)
                    grown.derived = True
                    out.append(grown)
    return out
