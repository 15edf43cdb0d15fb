"""Counts out of a stated number: the seats of a ranking ("网综 TOP10 中，腾讯占据 6 席，芒果 TV 和爱奇艺
各占 2 席，优酷占 1 席" is 6 + 2 × 2 + 1 = 11 of 10) and a 其中-part larger than its whole ("新游共 5 款，
其中中国厂商发行的游戏占 7 款"). Parts above the whole are certain errors; a ranking's seats that fill it
exactly confirm, fewer may leave entries out."""

from __future__ import annotations

import re

from macrodesk.checks.intervals import Interval, interval_sum
from macrodesk.checks.judging import Check, interval_check
from macrodesk.checks.levels import interval, signed, unit_key
from macrodesk.figures import cn_to_number
from macrodesk.models import Article, Figure, FigureKind, Sentence

# "TOP10 中", "前十名中", "前 20 大中", "榜单前 10 位里"
_RANKING = re.compile(r"(?:TOP|Top|top)\s*(\d{1,3})\s*(?:中|里|榜单中)|前\s*(\d{1,3}|[一二三四五六七八九十]{1,3})\s*(?:名|位|大|强)?\s*(?:中|里|当中)")
# a holder's seats: "腾讯占据 6 席", "芒果 TV 和爱奇艺各占 2 席", "优酷占 1 席", "国产剧有 3 部"
_SEAT = re.compile(r"(?:^|[，,；;、])\s*([^，,；;。]{1,20}?)\s*(各)?\s*(?:占据|占有|占|拥有|有|入围|上榜|入选)\s*$")
_SEAT_UNIT = re.compile(r"^\s*(席|个|家|款|部|只|位|名|座)")
_JOIN = re.compile(r"和|与|及|、|以及")
# the whole of a 其中-part: "共 5 款", "合计 12 家", "总数 30 个"
_WHOLE = re.compile(r"(?:共|共计|合计|总计|总数|总共)\s*(?:有|为|达)?\s*$")
_WHOLE_WORD = re.compile(r"共|合计|总计|总数")
_PART = re.compile(r"^\s*[\u4e00-\u9fa5A-Za-z]{0,3}\s*[，,]?\s*其中[^，,；;。\d]{0,20}?(?:占|有|为|达)?\s*$")


def find_count_parts(article: Article) -> list[Check]:
    out: list[Check] = []
    for s in article.sentences:
        if s.kind not in ("prose", "list"):
            continue
        # (_RANKING's own spellings: no upper-cased copy of every sentence)
        if ("前" in s.text or "TOP" in s.text or "Top" in s.text or "top" in s.text) and _RANKING.search(s.text):
            out.extend(_seats(article, s))
        if "其中" in s.text and _WHOLE_WORD.search(s.text):
            out.extend(_over_whole(article, s))
    return out


def _seats(article: Article, s: Sentence) -> list[Check]:
    m = _RANKING.search(s.text)
    assert m is not None
    written = m.group(1) or m.group(2)
    n = int(written) if written.isdigit() else int(cn_to_number(written) or 0)
    if not n:
        return []
    terms: list[tuple[Figure, int]] = []
    unit = ""
    for f in s.figures:
        if f.start < m.end() or f.kind not in (FigureKind.NUMBER, FigureKind.QUANTITY) or f.value is None \
                or f.is_range or f.value != int(f.value) or f.value <= 0:
            continue
        um = _SEAT_UNIT.match(s.text[f.end:]) if f.kind == FigureKind.NUMBER else _SEAT_UNIT.match(f.unit or "")
        hm = _SEAT.search(s.text[m.end():f.start])
        if um is None or hm is None or unit and um.group(1) != unit:
            continue
        unit = um.group(1)
        holders = len(_JOIN.split(hm.group(1))) if hm.group(2) else 1
        terms.append((f, holders))
    if len(terms) < 2:
        return []
    acc = interval_sum(Interval(f.value or 0, f.value or 0).scale(k) for f, k in terms)
    shown = " + ".join(f"{f.value:g}" + (f" × {k}" if k > 1 else "") for f, k in terms)
    whole = Interval(n, n)
    fits = acc.overlaps(whole)
    if not fits and acc.hi < n:
        return []  # the seats named may leave entries of the ranking out
    return [interval_check(acc, whole, kind="sum", stated=m.group(0).rstrip("中里当 "), inputs=[f.text for f, _ in terms],
                           relation=f"{shown} = {n} {unit} (the seats of a ranking of {n})", sentence=s.text,
                           sentence_id=s.id, paragraph=s.paragraph, input_sentences=[s.text] * len(terms),
                           article=article.label)]


def _over_whole(article: Article, s: Sentence) -> list[Check]:
    figs = [f for f in s.figures if unit_key(s, f) is not None]
    out: list[Check] = []
    for i, w in enumerate(figs[:-1]):
        p = figs[i + 1]
        key = unit_key(s, w)
        if key is None or key.startswith("percent") or unit_key(s, p) != key or signed(s, w) or signed(s, p) \
                or w.approx or p.approx or not (w.value and w.value > 0):
            continue
        if not _WHOLE.search(s.text[figs[i - 1].end if i else 0:w.start]) or not _PART.match(s.text[w.end:p.start]):
            continue
        whole, part = interval(w), interval(p)
        if part.lo <= whole.hi:
            continue  # a part within its whole is no relation to check
        chk = interval_check(part, whole, fits=False, kind="sum", stated=w.text, inputs=[p.text],
                             relation=f"{p.text} ≤ {w.text} (a 其中-part larger than its whole)", sentence=s.text,
                             sentence_id=s.id, paragraph=s.paragraph, input_sentences=[s.text], article=article.label)
        out.append(chk)
    return out
