"""Stakes added up: "周孝伟直接持有公司…44.15%，并通过天祺投资控制公司3.77%的股权，周孝伟直接和间接合计控制
公司47.92%的股权" is 44.15% + 3.77%; a later total may take a total before it as one item ("…罗素玲直接持有
公司…9.46%。周孝伟与罗素玲夫妇直接和间接合计控制公司57.38%的股权")."""

from __future__ import annotations

import re

from macrodesk.checks.gate import mentions
from macrodesk.checks.intervals import figure_interval, interval_sum
from macrodesk.checks.judging import Check, interval_check
from macrodesk.checks.paragraphs import ParaText, paragraphs
from macrodesk.models import Article, Figure, FigureKind

_NEEDS = re.compile(r"(?:合计|共计|累计|合共)[^，,。；;]{0,12}(?:持有|控制|持股)")
# a stake: "持有公司 44.15%", "控制公司 3.77% 的股权", "持有公司 5850.30 万股股份，占公司总股本的 44.15%"
_HELD = re.compile(r"(?:持有|控制|持股|占公司总股本|占总股本)[^，,。；;\d%]{0,16}$")
_TOTAL = re.compile(r"(?:合计|共计|累计|合共)[^，,。；;\d%]{0,12}(?:持有|控制|持股)[^，,。；;\d%]{0,10}$")
_BOTH = re.compile(r"直接[^。]*间接|间接[^。]*直接")


def find_stake_sums(article: Article) -> list[Check]:
    if not mentions(article, _NEEDS):
        return []
    out: list[Check] = []
    for p in paragraphs(article):
        if not _NEEDS.search(p.text):
            continue
        items: list[Figure] = []  # the stakes not yet added into a total, a total standing for its parts
        for f in p.figures:
            if f.kind != FigureKind.PERCENT or f.value is None or f.is_range:
                continue
            before = p.text[max(0, f.start - 24):f.start]
            if _TOTAL.search(before):
                chk, used = _judge(p, items, f, article.label)
                if chk is not None:
                    out.append(chk)
                    items = items[:len(items) - used]
                items.append(f)
            elif _HELD.search(before):
                items.append(f)
    return out


def _judge(p: ParaText, items: list[Figure], total: Figure, label: str) -> tuple[Check | None, int]:
    """The shortest run of stakes right before the total that adds up to it (a fit confirms);
    certain when the total's own sentence holds the parts and names them direct and indirect."""
    stated = figure_interval(total, result=True)
    where = p.sentence_at(total.start)
    for n in range(2, len(items) + 1):
        parts = items[-n:]
        got = interval_sum(figure_interval(f) for f in parts)
        own = all(p.sentence_at(f.start) is where for f in parts)
        certain = own and n == 2 and bool(_BOTH.search(where.text))
        if not got.overlaps(stated) and not certain:
            continue
        chk = interval_check(
            got, stated, kind="sum", stated=total.text, inputs=[f.text for f in parts],
            relation=" + ".join(f.text for f in parts) + f" = {total.text} (stakes added up)",
            sentence=where.text, sentence_id=where.id, paragraph=where.paragraph, article=label,
            input_sentences=[p.sentence_at(f.start).text for f in parts])
        chk.refutable = certain
        if not certain:
            chk.note = "the stakes are found by their fit: a fit confirms"
        return chk, n
    return None, 0
