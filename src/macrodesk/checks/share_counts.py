"""Stakes written with their share of a company's share count: "累计减持公司股份 241.23 万股，占公司总股本
1.9825%；减持后，王秀云持股 327.9 万股，占比 2.6948%…两人合计持股 608.4 万股，占比 5.0000%" — each
stake over its percentage implies the one 总股本 of the item, so the stakes are checked against the
count the others imply (or the 总股本 written in the item); "解除 8300 万股质押（占其持股 22.15%…）" is
over the holder's own stake written before it."""

from __future__ import annotations

import re

from macrodesk.checks.intervals import Interval, figure_interval
from macrodesk.checks.judging import Check, confirm_only, fmt, interval_check
from macrodesk.checks.levels import interval
from macrodesk.checks.paragraphs import ParaText, paragraphs
from macrodesk.models import Article, Figure, FigureKind
from macrodesk.text.clauses import chars_before, clause_start

# the share of the count: "占公司总股本 1.9825%", "占总股本比例的 0.99869%", "（占总股本 29.69%）", "占比 2.6948%"
# (a word of the stake may stand between: "8300 万股质押（占其持股 22.15%")
_OF_COUNT = re.compile(r"^[^，,。；;\d（(]{0,4}[（(，,]?\s*(?:占(?:公司)?总股本(?:的)?(?:比例)?(?:的)?|占比)\s*(?:为|约|达)?\s*$")
# ("占其持股数量的比例为 64.67%", "占其所持公司股份总数的 9.88%")
_OF_HOLDING = re.compile(r"^[^，,。；;\d（(]{0,4}[（(，,]?\s*占其(?:所)?持(?:有)?(?:公司)?股(?:份)?(?:数量|总数)?(?:的)?(?:比例)?(?:的)?"
                         r"\s*(?:为|约|达)?\s*$")
_COUNT = re.compile(r"总股本\s*(?:为|约|达)?\s*$")
_QUALIFIED = re.compile(r"(?:发行|增发|增资|转增|送转|回购|注销|变更|重组|交易)\s*(?:完成)?\s*[前后]")
_HOLDING = re.compile(r"持(?:有|股)(?:公司)?(?:股份)?\s*(?:为|约|达)?\s*$")


def _stake(f: Figure) -> bool:
    return f.kind == FigureKind.QUANTITY and f.unit.endswith("股") and f.value is not None and f.value > 0 \
        and not f.is_range


def find_share_counts(article: Article) -> list[Check]:
    out: list[Check] = []
    # a table row is an item of its own ("| 2025.09.12 | 解除 8300 万股质押（占其持股 22.15%、总股本 2.68%）… |")
    rows = [ParaText(text=s.text, figures=list(s.figures), sentences=[(0, s)]) for s in article.sentences
            if s.kind == "table" and ("总股本" in s.text or "占其持股" in s.text)]
    for p in [*paragraphs(article), *rows]:
        found = _item(p) if "总股本" in p.text or "占其持股" in p.text else []
        if "占" in p.text:
            judged = {c.stated for c in found}
            found += [c for c in _named_pairs(p) if c.stated not in judged]
        for chk in found:
            chk.article = article.label
            out.append(chk)
    return out


# a share naming its whole in words after 占: "占公司最近一期经审计净资产总额的173.98%", "（占总股本0.15%）",
# "约占公司当前总股本的2.40%"
_NAMED_WHOLE = re.compile(r"^\s*[（(，,]?\s*(?:约|大约)?\s*占\s*(?P<w>(?:公司|其)?[\u4e00-\u9fa5]{2,16}?)\s*(?:的)?\s*(?:比例|比重)?\s*(?:的)?\s*"
                          r"(?:为|约|达)?\s*$")
# words that name no one whole: a share of "比" (占比), a scope ("全国" of which measure?), a change
_NO_WHOLE = re.compile(r"^(?:比|全|其持股|总体|行业|市场)|同比|环比")
# words between two pairs that move to another period or subject: its whole is another
_ANOTHER_WHOLE = re.compile(r"上年|去年|同期|期初|年初|上期|此前|之前|前一|(?:19|20)\d{2}\s*年|[12]\d\s*年|发行[前后]|增资[前后]")


def _named_pairs(p: ParaText) -> list[Check]:
    """Two amounts of one paragraph each written with its share of one whole named in the same
    words ("担保的余额为83.63亿元，占公司最近一期经审计净资产总额的173.98%，…余额为50.47亿元，占公司最近
    一期经审计净资产总额的104.99%"; "10.22万股（占总股本0.15%）…24.83万股（占总股本0.37%）"): the whole
    the first implies is the later one's."""
    figs = [f for f in p.figures if f.kind != FigureKind.DATE and f.value is not None and not f.is_range]
    groups: dict[tuple[str, str], list[tuple[Figure, Figure]]] = {}
    for k in range(1, len(figs)):
        z, x = figs[k], figs[k - 1]
        m = _NAMED_WHOLE.match(p.text[x.end:z.start])
        if m is not None and x.kind == FigureKind.PERCENT and k >= 2 and _stake(figs[k - 2]) \
                and _OF_HOLDING.match(p.text[figs[k - 2].end:x.start]):
            # "质押数量为17.27亿股，占其持股数量的比例为64.67%，占公司总股本比例为21.30%" (cfs156): the stake's
            # second share, past its share of the holder's own stake
            x = figs[k - 2]
        if z.kind != FigureKind.PERCENT or x.kind not in (FigureKind.MONEY, FigureKind.QUANTITY) or m is None \
                or _NO_WHOLE.search(m.group("w")) or figure_interval(z).lo <= 0 or interval(x).lo <= 0:
            continue
        pairs = groups.setdefault((m.group("w"), x.unit), [])
        if all((x.value, z.value) != (y.value, w.value) for y, w in pairs):
            pairs.append((x, z))  # a pair restated (a summary, then the body) is one
    out: list[Check] = []
    for (words, _), pairs in groups.items():
        if len(pairs) < 2 or len({x.value for x, _ in pairs}) != len(pairs):
            continue
        first, z0 = pairs[0]
        whole = interval(first) / figure_interval(z0).scale(0.01)
        for k, (stake, z) in enumerate(pairs[1:], 1):
            if (tight := _sentence_whole(p, pairs, k)) is not None:
                # "最近5个交易日…净买入466.56万股，占流通盘0.44%…；最近20个交易日…444.57万股，占流通盘0.42%…；最近
                # 60个交易日…810.14万股，占流通盘0.78%" (cft228): the whole all the other shares of its sentence
                # imply, each as loosely as its digits allow, pins it tighter than the first pair alone
                iv, same = tight
                others = " and ".join(f"{s.text} / {w.text}" for s, w in same)
                shown = f"{fmt(iv.mid / (stake.scale or 1.0))} {stake.unit} (the {words} {others} imply)"
                out.append(_judge(p, stake, z, iv, [x for s, w in same for x in (s.text, w.text)], shown, True))
                continue
            shown = f"{fmt(whole.mid / (stake.scale or 1.0))} {stake.unit} ({first.text} / {z0.text}, the {words} its share implies)"
            # one sentence (or ；-chain) with no other period or subject named between the two: one
            # whole; else the whole may be another year's or company's, and only a fit says anything
            one = clause_start(p.text, z0.start, "。！？!?") == clause_start(p.text, z.start, "。！？!?") \
                and not _ANOTHER_WHOLE.search(p.text[z0.end:stake.start])
            chk = _judge(p, stake, z, whole, [first.text, z0.text], shown, True)
            out.append(chk if one else confirm_only(chk, "the whole named alike may be another period's or subject's"))
    return [c for c in out if c.verdict != "unverifiable"]


def _sentence_whole(p: ParaText, pairs: list[tuple[Figure, Figure]],
                    k: int) -> tuple[Interval, list[tuple[Figure, Figure]]] | None:
    """The whole the other pairs of pair k's sentence imply together (their intervals' overlap), with
    those pairs; None unless at least two stand there, with no other period or subject named
    between, and agree."""
    def sentence(f: Figure) -> int:
        return clause_start(p.text, f.start, "。！？!?")

    stake, z = pairs[k]
    same = [(s, w) for j, (s, w) in enumerate(pairs) if j != k and sentence(w) == sentence(z)
            and not _ANOTHER_WHOLE.search(p.text[min(w.end, z.end):max(s.start, stake.start)])]
    if len(same) < 2:
        return None
    common: Interval | None = None
    for s, w in same:
        iv = interval(s) / figure_interval(w).scale(0.01)
        common = iv if common is None else Interval(max(common.lo, iv.lo), min(common.hi, iv.hi))
        if common.lo > common.hi:
            return None
    assert common is not None
    return common, same


def _plain_count(lead: str) -> bool:
    """Whether the words before a stake name it the company's 总股本, not the count after or before an issue."""
    m = _COUNT.search(lead)
    return m is not None and not _QUALIFIED.search(lead[:m.start()][-8:])


def _item(p: ParaText) -> list[Check]:
    figs = [f for f in p.figures if f.kind != FigureKind.DATE and f.value is not None]
    pairs: list[tuple[Figure, Figure]] = []  # (stake, its share of the count)
    holding_pairs: list[tuple[Figure, Figure, Figure]] = []  # (stake, share of the holder's, holding)
    # (a count after or before an issue is another whole than the 总股本 a stake's share is of: "占公司总股本的
    # 44.15%" is of the count before the IPO, not of "发行后总股本 1.77 亿股")
    counts = [f for k, f in enumerate(figs) if _stake(f) and _plain_count(p.text[figs[k - 1].end if k else 0:f.start])]
    for k in range(1, len(figs)):
        z, x = figs[k], figs[k - 1]
        if z.kind != FigureKind.PERCENT or z.is_range:
            continue
        between = p.text[x.end:z.start]
        stake = x if _stake(x) else None
        # (…only when the bracket's first share is of that stake: "…4751 万股，合计占其持股 27.13%、总股本
        # 2.70%" is of the list's sum)
        if stake is None and x.kind == FigureKind.PERCENT and k >= 2 and _stake(figs[k - 2]) \
                and re.fullmatch(r"\s*[、，,]\s*(?:占)?\s*(?:公司)?总股本(?:的)?\s*", between) \
                and (_OF_HOLDING.match(p.text[figs[k - 2].end:x.start]) or _OF_COUNT.match(p.text[figs[k - 2].end:x.start])):
            stake = figs[k - 2]  # "（占其持股 22.15%、总股本 2.68%）": the second share of the bracket
            between = "占总股本"
        if stake is None:
            continue
        if _OF_COUNT.match(between) or between == "占总股本":
            pairs.append((stake, z))
        elif _OF_HOLDING.match(between):
            # the holder's stake written in the stake's own sentence (another holder's may stand before)
            holders = [h for h in figs[:k] if _stake(h) and h.start < stake.start
                    and _HOLDING.search(chars_before(p.text, h.start, 8))
                    and p.sentence_at(h.start) is p.sentence_at(stake.start)]
            if holders:
                holding_pairs.append((stake, z, holders[-1]))
    out: list[Check] = []
    for stake, z, held in holding_pairs:
        if interval(held).lo > 0:
            out.append(_judge(p, stake, z, interval(held), [held.text], f"{held.text} (the holder's stake)", True))
    if len(counts) == 1:
        for stake, z in pairs:
            out.append(_judge(p, stake, z, interval(counts[0]), [counts[0].text], f"{counts[0].text} (总股本)", True))
        return out
    if len(pairs) < 3:
        return out
    # no count written: each stake against the count the other stakes imply, once they agree
    implied = [interval(s) / figure_interval(z).scale(0.01) for s, z in pairs if figure_interval(z).lo > 0]
    if len(implied) != len(pairs):
        return out
    for i, (stake, z) in enumerate(pairs):
        others = [iv for j, iv in enumerate(implied) if j != i]
        common = others[0]
        for iv in others[1:]:
            if not common.overlaps(iv):
                break
            common = Interval(max(common.lo, iv.lo), min(common.hi, iv.hi))
        else:
            shown = f"{fmt(common.mid / (stake.scale or 1.0))} {stake.unit} (the count the item's other stakes imply)"
            out.append(_judge(p, stake, z, common, [s.text for j, (s, _) in enumerate(pairs) if j != i], shown, True))
    return out


def _judge(p: ParaText, stake: Figure, z: Figure, whole: Interval, more: list[str], whole_text: str,
           certain: bool) -> Check:
    got = (interval(stake) / whole).scale(100)
    where = p.sentence_at(z.start)
    chk = interval_check(
        got, figure_interval(z, result=True), kind="share", stated=z.text, inputs=[stake.text, *more],
        relation=f"{stake.text} / {whole_text} = {z.text}", sentence=where.text, sentence_id=where.id,
        paragraph=where.paragraph, input_sentences=[p.sentence_at(stake.start).text, where.text])
    chk.computed = fmt(got.mid)
    return chk if certain else confirm_only(chk, "the count is implied")
