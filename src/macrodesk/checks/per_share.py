"""Earnings per share against the profit and the share count written for it: "实现归母净利润0.50亿元，…，按最新
6.61亿股的总股本计，实现单季度每股收益0.08元" is 0.50 亿 / 6.61 亿股 = 0.076 元, and "归母净利润分别为1.32、1.50、
1.74亿元，按最新股本4.46亿股计算摊薄EPS分别为0.30、0.34、0.39元" item by item. The profit is the nearest
list of as many 净利润 figures before the EPS in its paragraph; an EPS on 归母 profit is judged, on another
profit (扣非, a plain 净利润 that may include minorities) a fit confirms."""

from __future__ import annotations

import re

from macrodesk.checks.intervals import figure_interval
from macrodesk.checks.judging import Check, confirm_only, interval_check
from macrodesk.checks.paragraphs import ParaText, paragraphs
from macrodesk.models import Article, Figure, FigureKind
from macrodesk.text.clauses import chars_after, chars_before

# a share count written as the basis of the EPS: "按最新6.61亿股的总股本计", "按最新股本 4.46 亿股计算"
_COUNT_BEFORE = re.compile(r"(?:按|以)\s*(?:照)?\s*(?:公司)?\s*(?:最新|当前|目前|现有)?\s*(?:的)?\s*(?:总)?(?:股本)?\s*$")
_COUNT_AFTER = re.compile(r"^\s*(?:的)?\s*(?:最新|当前)?\s*(?:总)?(?:股本)?\s*(?:计算?|测算|摊薄)")
_EPS = re.compile(r"(?:(?:摊薄|全面摊薄|基本)\s*)?(?:每股收益|每股盈利|EPS)\s*(?:分别)?\s*(?:为|是|达到?)?\s*(?:分别)?\s*$")
_PROFIT = re.compile(r"(扣非)?[^，,；;。]{0,8}?(归母|归属于母公司(?:股东的)?|归属于上市公司股东的)?\s*净利润?")
_SEP = re.compile(r"^\s*(?:元)?\s*(?:[、/]|和|及)\s*$")
_SHARES = re.compile(r"^(?:亿|万)?股$")


def _run(p: ParaText, figs: list[Figure], k: int, kinds: tuple[FigureKind, ...]) -> list[Figure]:
    """The list of figures of `kinds` starting at index k, joined by 、 / 和."""
    run = [figs[k]]
    for f in figs[k + 1:]:
        if f.kind not in kinds or f.value is None or f.is_range or not _SEP.match(p.text[run[-1].end:f.start]):
            break
        run.append(f)
    return run


def _profit_named(p: ParaText, f: Figure) -> re.Match[str] | None:
    """The profit a money figure is named, in its own clause ("归母净利润0.84亿元"), if it is one in 亿 or 万."""
    if f.kind != FigureKind.MONEY or not ("亿" in (f.unit or "") or "万" in (f.unit or "")):
        return None
    return _PROFIT.search(re.split(r"[，,；;。]", p.text[max(0, f.start - 24):f.start])[-1])


def _is_basis(p: ParaText, count: Figure) -> bool:
    """A share count written as the basis of an EPS: "按最新6.61亿股的总股本计"."""
    return count.kind == FigureKind.QUANTITY and bool(_SHARES.match(count.unit or "")) and not count.is_range \
        and bool(_COUNT_BEFORE.search(p.text[max(0, count.start - 16):count.start])) \
        and bool(_COUNT_AFTER.match(chars_after(p.text, count.end, 12))
                 or "股本" in chars_before(p.text, count.start, 12))


def find_per_share(article: Article) -> list[Check]:
    if "股本" not in article.text:
        return []
    out: list[Check] = []
    counts: dict[float, tuple[Figure, str]] = {}
    paras = paragraphs(article)
    for p in paras:
        if "股本" not in p.text:
            continue
        figs = [f for f in p.figures if f.kind != FigureKind.DATE and f.value is not None]
        for k, count in enumerate(figs):
            if _is_basis(p, count):
                counts[(count.value or 0) * count.scale] = (count, p.sentence_at(count.start).text)
                out.extend(_judge(article, p, figs, k))
    if len(counts) == 1:
        # the article's one share count is the basis of an EPS written elsewhere with its profit:
        # "归母净利润0.84亿元，YoY+28.04%；折合单季度EPS为0.16元" (cfb126, 6.61亿股 two paragraphs on)
        done = {c.sentence_id for c in out}
        out.extend(_elsewhere(article, paras, *next(iter(counts.values())), done))
    return out


# an EPS after its profit in one sentence, with no count: "折合单季度EPS为0.16元", "摊薄每股收益0.56元"
_EPS_ALONE = re.compile(r"[，,；;]\s*(?:实现|对应)?\s*((?:折合|摊薄|全面摊薄)?)\s*(?:单季度?)?\s*(?:每股收益|EPS)\s*(?:为|是)?\s*$")


def _elsewhere(article: Article, paras: list[ParaText], count: Figure, count_sentence: str,
               done: set[str]) -> list[Check]:
    out: list[Check] = []
    shares = figure_interval(count).scale(count.scale)
    for p in paras:
        figs = [f for f in p.figures if f.kind != FigureKind.DATE and f.value is not None]
        for k in range(1, len(figs)):
            e = figs[k]
            m = _EPS_ALONE.search(p.text, figs[k - 1].end, e.start)
            where = p.sentence_at(e.start)
            if m is None or e.kind != FigureKind.MONEY or (e.unit or "") != "元" or where.id in done \
                    or m.end() != e.start and p.text[m.end():e.start].strip():
                continue
            # its profit: the nearest money figure before it in its sentence, named 归母净利润
            # (or the sentence before, ended by a semicolon: "归母净利润0.84亿元，YoY+28.04%；折合单季度EPS为0.16元")
            before = p.sentence_at(m.start())
            prof = next((f for f in reversed(figs[:k]) if f.kind == FigureKind.MONEY
                         and p.sentence_at(f.start) in (where, before)
                         and (p.sentence_at(f.start) is where or before.text.rstrip().endswith(("；", ";")))
                         and ("亿" in (f.unit or "") or "万" in (f.unit or ""))), None)
            named = _profit_named(p, prof) if prof is not None else None
            if prof is None or named is None or not _parent(named):
                continue
            chk = interval_check(
                figure_interval(prof).scale(prof.scale) / shares, figure_interval(e, result=True), kind="ratio",
                stated=e.text, inputs=[prof.text, count.text],
                relation=f"{prof.text} / {count.text} = {e.text} (the profit over the article's one share count)",
                sentence=where.text, sentence_id=where.id, paragraph=where.paragraph,
                input_sentences=[p.sentence_at(prof.start).text, count_sentence],
                article=article.label)
            # an EPS written diluted (摊薄, 折合) is on the latest count; another may be on the
            # period's weighted count, which issues and buybacks move: then a fit only confirms
            out.append(chk if m.group(1) else confirm_only(chk, "the EPS may be on the period's weighted share count"))
    return out


def _judge(article: Article, p: ParaText, figs: list[Figure], k: int) -> list[Check]:
    count = figs[k]
    # the EPS list after the count, in its sentence
    sentence = p.sentence_at(count.start)
    j = next((i for i in range(k + 1, len(figs)) if _EPS.search(p.text[figs[i - 1].end:figs[i].start])), None)
    if j is None or p.sentence_at(figs[j].start) is not sentence:
        return []
    eps = _run(p, figs, j, (FigureKind.MONEY, FigureKind.NUMBER))
    if eps[-1].kind != FigureKind.MONEY or (eps[-1].unit or "") != "元":
        return []
    # the profits: the nearest list of as many money figures before the count named 归母净利润, else
    # the nearest named 净利润 ("扣除非经常性损益后的净利润9.53亿元。按3.10亿股的总股本计算，实现摊薄每股
    # 收益3.30元" is on the 归母 profit written before it, 10.23亿元)
    found: list[tuple[list[Figure], re.Match[str]]] = []
    i = k - 1
    while i >= 0:
        run_end = i
        while i > 0 and _SEP.match(p.text[figs[i - 1].end:figs[i].start]) \
                and figs[i - 1].kind in (FigureKind.MONEY, FigureKind.NUMBER):
            i -= 1
        run = figs[i:run_end + 1]
        # (the list's clause is named before its first item; the unit stands on its last)
        if len(run) == len(eps) and _profit_named(p, run[-1]) is not None \
                and (m := _PROFIT.search(re.split(r"[，,；;。]", p.text[max(0, run[0].start - 24):run[0].start])[-1])):
            found.append((run, m))
        i -= 1
    if not found:
        return []
    profits, named = next(((r, m) for r, m in found if _parent(m)), found[0])
    shares = figure_interval(count).scale(count.scale)
    if shares.lo <= 0:
        return []
    # the share count is written as the EPS's basis ("按20.32亿股总股本计，实现每股收益1.29元" against
    # 25.94 亿元 is 1.277: the 27th set lists it as an error), so the 归母 profit over it is certain
    certain = _parent(named)
    out: list[Check] = []
    for prof, e in zip(profits, eps, strict=True):
        got = figure_interval(prof).scale(prof.scale if prof.kind == FigureKind.MONEY else profits[-1].scale) / shares
        shown = prof.text if prof.unit else f"{prof.text} {profits[-1].unit}"
        chk = interval_check(
            got, figure_interval(e, result=True), kind="ratio", stated=e.text, inputs=[shown, count.text],
            relation=f"{shown} / {count.text} = {e.text} (the profit over the share count written)",
            sentence=p.sentence_at(e.start).text, sentence_id=p.sentence_at(e.start).id,
            paragraph=p.sentence_at(e.start).paragraph,
            input_sentences=[p.sentence_at(prof.start).text, p.sentence_at(count.start).text],
            article=article.label)
        out.append(chk if certain else confirm_only(chk, "the EPS may be on another profit than the one named"))
    return out


def _parent(m: re.Match[str]) -> bool:
    """The profit is named the parent's (归母) and not 扣非."""
    return bool(m.group(2)) and not m.group(1) and "扣除" not in m.group(0)
