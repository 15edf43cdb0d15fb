"""A total after the clauses of its parts in one sentence: "高镍三元单位成本 0.60 元 /wh（占 39%），硅碳负极
0.65 元 /wh（23%），…，其他材料 0.11 元 /wh；电芯材料成本合计 1.45 元 /wh" is 0.60 + 0.65 + … + 0.11 = 1.45,
and each bracketed share is its part over that total. A list that ends on 其他 / 其余 names every
part, so a misfit is certain; without it the parts are the total's only when they fit."""

from __future__ import annotations

import bisect
import re

from macrodesk.checks.intervals import interval_sum
from macrodesk.checks.judging import Check
from macrodesk.checks.levels import LEVELS, interval, judged, signed, unit_key
from macrodesk.checks.paragraphs import ParaText, paragraphs
from macrodesk.models import Article, Figure, FigureKind, Sentence

_TOTAL_WORD = re.compile(r"合计|总计|共计|整体")
# the total's own words right before its level: "电芯材料成本合计 1.45", "总计为 63.89"
# ("合计销售客车4567辆", "整体合理市值65亿元": the total's verb and noun may stand between, never a change's
# or a share's words)
# ("合计，全国发行地方政府债券74898亿元": the total word and a comma open the clause naming the total)
_TOTAL = re.compile(r"(?:合计|总计|共计|整体)(?:[，,]\s*(?:(?!同比|环比|增|降|减|占|率|均)[\u4e00-\u9fa5]){2,14}"
                    r"|(?:(?!同比|环比|增|降|减|占|率|均)[\u4e00-\u9fa5]){0,6})\s*(?:为|达|约为|约)?\s*$")
# a total opening the sentence after its parts' ("…轻客销售787辆。合计销售客车4567辆", cfb211)
_OPENS_TOTAL = re.compile(r"^([^，,；;。]*)。\s*((?:合计|总计|共计)(?:[，,]\s*)?[^，,；;。]*)$")
# a clause of the list: a name, its level, and at most a bracketed share ("（占 39%）", "（23%）")
_NAME = re.compile(r"^\s*([\u4e00-\u9fa5A-Za-z][\u4e00-\u9fa5A-Za-z0-9 ]{0,15}?)\s*(?:为|约为|约|达)?\s*$")
_SHARE = re.compile(r"^\s*(?:/\s*[A-Za-z\u4e00-\u9fa5]{1,3})?\s*[（(]\s*(?:占比?|占比为)?\s*$")
_AFTER = re.compile(r"^\s*[)）]?\s*$")
# words that make a clause's figure something else than a part: a change, a rate, a comparison
_NOT_PART = re.compile(r"同比|环比|较|增|降|减|涨|跌|占|率|均|每|超|近|约")
# "新增债券", "新增贷款": a kind of item named 新增, not a change (its noun follows it)
_NEW_ITEM = re.compile(r"新增(?=[\u4e00-\u9fa5]{2})")
_OTHER = re.compile(r"^\s*(?:其他|其它|其余|剩余)")
_CLAUSE = re.compile(r"[，,；;]")
_OPEN = re.compile(r"[：:。！？!?]")


def find_clause_totals(article: Article) -> list[Check]:
    if not _TOTAL_WORD.search(article.text):
        return []
    out: list[Check] = []
    # a paragraph as one text: the segmenter ends a sentence at "；", where a total often starts
    for p in paragraphs(article):
        if not _TOTAL_WORD.search(p.text):
            continue
        whole = p.sentences[0][1].model_copy(update={"text": p.text, "figures": p.figures})
        figs = [f for f in p.figures if unit_key(whole, f) is not None]
        # where the total words end: a figure with none before it since the figure before is no total
        words = [m.end() for m in _TOTAL_WORD.finditer(p.text)]
        for i, t in enumerate(figs):
            start = figs[i - 1].end if i else 0
            k = bisect.bisect_left(words, start)
            if k == len(words) or words[k] > t.start:
                continue
            if t.kind not in LEVELS or signed(whole, t) or not t.value or t.value <= 0:
                continue
            if not _TOTAL.search(p.text[start:t.start]):
                continue
            got = _parts(whole, figs, i)
            if got is not None:
                out.extend(_judge(article, p, t, *got))
    return out


def _parts(s: Sentence, figs: list[Figure], i: int) -> tuple[list[tuple[Figure, Figure | None]], bool] | None:
    """The parts before the total figs[i], each with its bracketed share, nearest last, and whether
    the list names every part (its last part is 其他…). An earlier total of the list is a part
    and ends it ("电芯材料成本合计 1.45 元 /wh，折旧 0.14 元 /wh，成本合计 1.59 元 /wh")."""
    t = figs[i]
    key = unit_key(s, t)
    # the total's clause holds only its own name
    between = s.text[figs[i - 1].end if i else 0:t.start]
    opens = _OPENS_TOTAL.match(between)
    clause = list(opens.groups()) if opens else _CLAUSE.split(between)
    if len(clause) < 2 or _OPEN.search(clause[-1]):
        return None
    parts: list[tuple[Figure, Figure | None]] = []
    names: list[str] = []
    k = i - 1
    while k >= 0:
        f = figs[k]
        share: Figure | None = None
        if f.kind == FigureKind.PERCENT:
            # a share in a bracket after its part: "0.60 元 /wh（占 39%）"
            if k == 0 or not _SHARE.match(s.text[figs[k - 1].end:f.start]) or not _AFTER.match(
                    _CLAUSE.split(s.text[f.end:(figs[k + 1].start if k + 1 < len(figs) else len(s.text))])[0]):
                break
            share, k = f, k - 1
            f = figs[k]
        # a signed figure in the bracket is the part's growth, not its share: "新能源汽车7.9万辆（+113.5%）" (cfb219)
        aside = share if share is not None and share.text.lstrip()[:1] in "+-−－" else None
        share = None if aside is not None else share
        if unit_key(s, f) != key or signed(s, f) or not f.value or f.value <= 0:
            break
        after = s.text[f.end:(share or aside or figs[k + 1]).start]
        if _CLAUSE.search(after) is None and share is None and aside is None \
                and not (k == i - 1 and _OPENS_TOTAL.match(after)):
            break
        lead = s.text[figs[k - 1].end if k else 0:f.start]
        pieces = _CLAUSE.split(lead)
        # the clause's own words, after a colon that opens the list
        own = _OPEN.split(pieces[-1])[-1]
        total = bool(_TOTAL.search(own))
        m = _NAME.match(_TOTAL.sub("", own) if total else own)
        if m is None or (_NOT_PART.search(_NEW_ITEM.sub("", m.group(1))) and not total):
            break
        parts.insert(0, (f, share))
        names.insert(0, m.group(1))
        # a colon, the sentence's start or an earlier total ends the list
        if total or len(pieces) < 2 or _OPEN.search(pieces[-1]):
            break
        k -= 1
    if len(parts) < 2:
        return None
    return parts, bool(_OTHER.match(names[-1]))


def _judge(article: Article, p: ParaText, t: Figure, parts: list[tuple[Figure, Figure | None]],
           every: bool) -> list[Check]:
    acc = interval_sum(interval(f) for f, _ in parts)
    whole = interval(t)
    fits = acc.overlaps(interval(t, result=True))
    if not fits and not every:
        return []
    s = p.sentence_at(t.start)
    shown = " + ".join(f.text for f, _ in parts)
    out = [judged(s, "sum", t, [f for f, _ in parts], acc, f"{shown} = {t.text} (the clauses before it"
                  + (", down to 其他: every part)" if every else ")"), certain=every)]
    out[0].input_sentences = [p.sentence_at(f.start).text for f, _ in parts]
    for f, share in parts:
        if share is None or whole.lo <= 0:
            continue
        got = (interval(f) / whole).scale(100)
        # a share may be of the parts' own sum when the total misses it
        of_sum = (interval(f) / acc).scale(100) if acc.lo > 0 else got
        stated = interval(share, result=True)
        chk = judged(p.sentence_at(share.start), "share", share, [f, t], got,
                     f"{f.text} / {t.text} = {share.text} (a part over the total of its list)",
                     certain=(every or fits) and not of_sum.overlaps(stated),
                     why="the share may be of the parts' own sum")
        chk.input_sentences = [p.sentence_at(f.start).text, s.text]
        out.append(chk)
    for c in out:
        c.article = article.label
    return out
