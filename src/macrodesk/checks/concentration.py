"""A concentration ratio against the shares it adds up: "石头（26%）、科沃斯（25%）、云鲸（15%）、追觅（17%）、
小米（14%），CR5 达 96%", "CR5 达 91%（澳大利亚 37%、智利 ……）": CRn is the sum of the n largest shares."""

from __future__ import annotations

import re

from macrodesk.checks.intervals import figure_interval, interval_sum
from macrodesk.checks.judging import Check, confirm_only, interval_check
from macrodesk.models import Article, Figure, FigureKind

_CR = re.compile(r"(?<![A-Za-z])CR\s*(\d{1,2})[^，,。；;\d%]{0,8}?(?:为|达|约|约为|达到|合计|升至|提升至|占比)?\s*$")
# a share of the list, not a growth or a change ("同比 +2%", "提升 3 个百分点")
_NOT_SHARE = re.compile(r"同比|环比|较|增|降|升|涨|跌|[+\-−－]\s*$")


def find_concentrations(article: Article) -> list[Check]:
    out: list[Check] = []
    for s in article.sentences:
        if s.kind not in ("prose", "list") or "CR" not in s.text:
            continue
        figs = [f for f in s.figures if f.kind != FigureKind.DATE]
        for k, c in enumerate(figs):
            if c.kind != FigureKind.PERCENT or c.value is None or c.is_range:
                continue
            m = _CR.search(s.text[figs[k - 1].end if k else 0:c.start])
            if m is None:
                continue
            n = int(m.group(1))
            # the shares a bracket right after the ratio lists, else the run of shares before it
            shares = _bracket_after(s.text, figs, k) or _shares(s.text, figs[:k])
            if len(shares) < n or n < 2:
                continue
            top = sorted(shares, key=lambda f: -(f.value or 0))[:n]
            got = interval_sum(figure_interval(f) for f in top)
            chk = interval_check(
                got, figure_interval(c, result=True), kind="sum", stated=c.text, inputs=[f.text for f in top],
                relation=" + ".join(f.text for f in top) + f" = {c.text} (CR{n}: the {n} largest shares)",
                sentence=s.text, sentence_id=s.id, paragraph=s.paragraph, input_sentences=[s.text] * len(top),
                article=article.label)
            # more shares listed than the ratio counts: the n largest are a reading
            out.append(chk if len(shares) == n else confirm_only(chk, "more shares are listed than the ratio counts"))
    return out


def _shares(text: str, before: list[Figure]) -> list[Figure]:
    """The run of unsigned shares right before the ratio, each a name's ("石头（26%）、科沃斯（25%）")."""
    run: list[Figure] = []
    for i in range(len(before) - 1, -1, -1):
        f = before[i]
        lead = text[before[i - 1].end if i else 0:f.start]
        if f.kind != FigureKind.PERCENT or f.is_range or f.value is None or _NOT_SHARE.search(lead) \
                or not re.search(r"[\u4e00-\u9fa5A-Za-z]", lead) or "CR" in lead or re.search(r"[）)]\s*[，,；;]", lead):
            break  # another ratio, or the close of another list, ends the run
        run.append(f)
    return run[::-1]


def _bracket_after(text: str, figs: list[Figure], k: int) -> list[Figure]:
    """"CR5 达 91%（澳大利亚 37%、智利 25%…）": the shares of the bracket right after the ratio."""
    m = re.match(r"\s*[（(]([^（）()]*)[）)]", text[figs[k].end:])
    if m is None:
        return []
    start, end = figs[k].end + m.start(1), figs[k].end + m.end(1)
    inner = [f for f in figs[k + 1:] if f.start >= start and f.end <= end]
    if not inner or any(f.kind != FigureKind.PERCENT or f.is_range or f.value is None for f in inner):
        return []
    return inner if not any(_NOT_SHARE.search(text[a.end:b.start]) for a, b in zip(inner, inner[1:], strict=False)) else []
