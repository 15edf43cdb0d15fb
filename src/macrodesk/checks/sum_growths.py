"""The 同比 growth of a total already judged to be the sum of its parts, from the parts' growths:
"22Q4/23Q1分别实现营收23.53/34.27亿元，分别同比-8.66%/+33.71%，合并…实现营收57.8亿元，同比+12.47%".
As the parts add up to the total they are all of it, so last year's total is Σ part / (1 + its
growth), an unstated intermediate (derived), and the total's growth follows."""

from __future__ import annotations

import re

from macrodesk.checks.intervals import Interval, growth_over_losses, implied_growth, interval_sum
from macrodesk.checks.judging import Check, Verdict, fmt
from macrodesk.checks.level_growths import level_with_growth
from macrodesk.checks.levels import interval
from macrodesk.checks.part_growths import growth_fits
from macrodesk.models import Article, Figure, Sentence


def _level(s: Sentence, text: str) -> tuple[Figure, Interval, Figure] | None:
    """A level of the sentence with its 同比 growth in % and the growth's figure."""
    got = level_with_growth(s, text)
    if got is None:
        return None
    level, growth, rate = got
    return level, rate.scale(100), growth


# the notes of sums whose parts the text names as the total's (其中; a list of names, or 其中, across
# sections), not found by a search for a fit
_NAMED_PARTS = re.compile(r"其中|the parts of the total's metric and period stand elsewhere")


def find_sum_growths(article: Article, checks: list[Check]) -> list[Check]:
    by_id = {s.id: s for s in article.sentences}
    by_text = {s.text: s for s in article.sentences}
    # growths another finder already judged ("yoy+9.5%" by quarter_lists, written with its word)
    judged = {(c.sentence_id, _number(c.stated)) for c in checks if c.kind == "growth" and c.verdict != "unverifiable"}
    out: list[Check] = []
    for c in checks:
        if c.verdict != "consistent" or c.kind != "sum" or len(c.inputs) < 2 or "outside" in c.relation:
            continue
        s = by_id.get(c.sentence_id)
        if s is None:
            continue
        where = c.input_sentences if len(c.input_sentences) == len(c.inputs) else [s.text] * len(c.inputs)
        if _level(s, c.stated) is None:
            # the total written again with its growth in another sentence ("今年1—11月份，…快递业务量达到
            # 5570.75万件，同比增长68.73%" before "…快递业务量完成5570.75万件" and its 其中-parts)
            s = next((x for x in article.sentences if x is not s and c.stated in x.text
                      and x.kind in ("prose", "list") and _level(x, c.stated) is not None), s)
        chk = _derived(s, c.stated, [(by_text.get(t), x) for t, x in zip(where, c.inputs, strict=True)], judged,
                       inputs=[*c.inputs], refutable=c.refutable,
                       why="the parts add up to the total", doubt="the parts were found by their fit",
                       tight_settles=bool(_NAMED_PARTS.search(c.note)))
        if chk is not None:
            out.append(chk)
    # 其中-parts that do not add up to their total, whose growths give the total's written growth on
    # their sum and not on the total as written (cfg484)
    for c in checks:
        if c.verdict == "unverifiable" and c.kind == "sum" and len(c.inputs) >= 2 and "其中-parts" in c.note \
                and (s := by_id.get(c.sentence_id)) is not None:
            where = c.input_sentences if len(c.input_sentences) == len(c.inputs) else [s.text] * len(c.inputs)
            out.extend(_parts_over_total(s, c, [(by_text.get(t), x) for t, x in zip(where, c.inputs, strict=True)],
                                         judged))
    # shares of one whole that add up to 100% ("海外新签379.1亿元（同比-1.2%），占新签合同额72.9%"; "国内
    # 新签140.7亿元（同比-7%），占新签合同额27.1%"): their parts are all of it (confirm-only, as the
    # shares were paired with the whole by their fit)
    groups: dict[tuple[str, str], list[Check]] = {}
    for c in checks:
        if c.kind == "share" and c.verdict == "consistent" and len(c.inputs) == 2 and len(c.input_sentences) == 2 \
                and c.computed_low is not None and c.computed_high is not None:
            groups.setdefault((c.inputs[1], c.input_sentences[1]), []).append(c)
    for (whole_text, whole_sentence), shares in groups.items():
        total_share = Interval(0.0, 0.0)
        for c in shares:
            total_share = total_share + Interval(c.computed_low or 0.0, c.computed_high or 0.0)
        ws = by_text.get(whole_sentence)
        if len(shares) < 2 or not total_share.overlaps(Interval(99.5, 100.5)) or ws is None:
            continue
        chk = _derived(ws, whole_text, [(by_text.get(c.input_sentences[0]), c.inputs[0]) for c in shares], judged,
                       inputs=[c.inputs[0] for c in shares] + [whole_text], refutable=False,
                       why="the parts' shares add up to 100%", doubt="the shares were paired with the whole by their fit",
                       tight_settles=True)
        if chk is not None:
            out.append(chk)
    return out


def _derived(s: Sentence, total_text: str, parts: list[tuple[Sentence | None, str]], judged: set[tuple[str, str]],
             *, inputs: list[str], refutable: bool, why: str, doubt: str, tight_settles: bool) -> Check | None:
    """The growth written after the total `total_text` of `s` against last year's total, the sum
    of its parts' levels each over (1 + its growth); None when a level or growth is not written, a
    part is a loss, the growth is already judged, or (not `refutable`) it does not fit. Parts
    named as such (其中, or shares adding up to 100%) rather than found by a search settle it
    (`tight_settles`) when their levels give the total to its last digit."""
    read = _grown_parts(s, total_text, parts, judged)
    if read is None:
        return None
    (tf, tg, gfig), found, grown = read
    part_levels = [iv for iv, _ in grown]
    total_level = interval(tf)
    got = implied_growth(total_level, grown)
    if got is None:
        return None
    rate, prior = got
    fits = growth_fits(rate, tg)
    if not refutable and tight_settles and _exhausts(total_level, part_levels):
        # parts found by their fit, or 其中-parts that need not exhaust their total, whose levels
        # add up to a total written to 0.1% or finer: a chance fit that close is rare, so the parts
        # are all of the total and its growth follows from theirs (cfe067, cfg552: 61.0 = 28.8 + 32.2)
        refutable, why = True, f"{why}; their levels give the total to its last digit"
    if not fits and not refutable:
        return None  # found by their fit: a mismatch proves nothing
    if not fits and (loss := growth_over_losses(total_level, grown)) is not None and growth_fits(loss, tg):
        return None  # a part was a loss last year (its growth over the loss's size): no error
    shown = _shown(found)
    return Check(
        verdict="consistent" if fits else "inconsistent", kind="growth", stated=gfig.text,
        computed=f"{rate.mid:.3f}", computed_low=rate.lo, computed_high=rate.hi,
        gap=None if fits else rate.distance(tg), inputs=inputs, derived=True,
        relation=(f"{tf.text} / 上年 {fmt(prior.mid / tf.scale)} (= {shown}) - 1 = {gfig.text} "
                  f"({why}, so last year's total is theirs)"),
        note="" if refutable else f"confirm-only: {doubt}",
        sentence=s.text, sentence_id=s.id, paragraph=s.paragraph,
        input_sentences=[ps.text for ps, _ in parts if ps is not None], refutable=refutable)


def _parts_over_total(s: Sentence, c: Check, parts: list[tuple[Sentence | None, str]],
                      judged: set[tuple[str, str]]) -> list[Check]:
    """"2025 年 6 月美国轮胎进口 1345.96 万条，同比增 11.35%，…其中全钢胎 525.0 万条，同比增 28.59%，…半钢胎
    1320.94 万条，同比增 5.71%" (553): 其中-parts above their total may nest, but the parts' growths give the
    total's 11.35% on their sum (1845.94万条) and -18.8% on the total as written. A growth written to
    four digits that a sum fits by chance is rare: the parts are all of the total, and the total
    written is off (1845.96): the sum is an error as written, the growth fits the parts' sum."""
    read = _grown_parts(s, c.stated, parts, judged)
    if read is None:
        return []
    (tf, tg, gfig), found, grown = read
    if tg.hi - tg.lo > 0.011:
        return []  # (a growth written to a tenth of a percent or coarser may fit a sum by chance)
    whole = interval_sum(iv for iv, _ in grown)
    on_parts, on_total = implied_growth(whole, grown), implied_growth(interval(tf), grown)
    written = interval(tf)
    if on_parts is None or on_total is None or not on_parts[0].overlaps(tg) or growth_fits(on_total[0], tg) \
            or on_parts[0].hi - on_parts[0].lo > 0.1 or whole.lo <= written.hi:
        # (parts written loosely give their sum a growth wide enough to fit by chance; parts short of
        # the total leave a rest whose own growth may give the total's: "19750家" over 12247 + 7323 with
        # a rest of 180 grown about 68% fits 68.46% too)
        return []
    rate, prior = on_parts
    scale = tf.scale or 1.0
    why = f"the parts' growths give the total's {gfig.text} on their sum only: they are all of it"
    shown = _shown(found)

    def made(verdict: Verdict, kind: str, stated: str, got: Interval, gap: float | None, relation: str) -> Check:
        return Check(verdict=verdict, kind=kind, stated=stated, computed=fmt(got.mid), computed_low=got.lo,
                     computed_high=got.hi, gap=gap, relation=relation, inputs=[*c.inputs], derived=True,
                     sentence=s.text, sentence_id=s.id, paragraph=s.paragraph,
                     input_sentences=[ps.text for ps, _ in parts if ps is not None], refutable=True)

    return [
        made("inconsistent", "sum", c.stated, whole.scale(1 / scale), whole.distance(written) / scale,
             f"{' + '.join(c.inputs)} = {c.stated} ({why})"),
        made("consistent", "growth", gfig.text, rate, None,
             f"({' + '.join(c.inputs)}) / 上年 {fmt(prior.mid / scale)} (= {shown}) - 1 = {gfig.text} "
             f"({why}; the total written is off, not its growth)"),
    ]


_Level = tuple[Figure, Interval, Figure]


def _grown_parts(s: Sentence, total_text: str, parts: list[tuple[Sentence | None, str]], judged: set[tuple[str, str]]
                 ) -> tuple[_Level, list[_Level], list[tuple[Interval, Interval]]] | None:
    """The total `total_text` of `s` and its parts, each a level with its 同比 growth (and the parts'
    levels with their growths, in base units); None when a level or growth is not written, a part is
    a loss (a growth rate over it says nothing), or the total's growth is already judged."""
    total = _level(s, total_text)
    levels = [_level(ps, text) if ps is not None else None for ps, text in parts]
    if total is None or any(p is None for p in levels):
        return None
    found = [p for p in levels if p is not None]
    grown = [(interval(f), g) for f, g, _ in found]
    if any(iv.lo <= 0 for iv, _ in grown) or (s.id, _number(total[2].text)) in judged:
        return None
    return total, found, grown


def _shown(found: list[_Level]) -> str:
    return " + ".join(f"{f.text}/(1{g.mid:+.2f}%)" for f, g, _ in found)


def _exhausts(total: Interval, parts: list[Interval]) -> bool:
    """Whether the parts' levels add up to a total written to 0.1% or finer."""
    mid = (total.lo + total.hi) / 2
    return mid > 0 and (total.hi - total.lo) / 2 <= mid / 1000 and interval_sum(parts).overlaps(total)


def _number(text: str) -> str:
    m = re.search(r"[+\-−]?\s*\d+(?:\.\d+)?\s*%", text)
    return re.sub(r"[\s+]", "", m.group()) if m else text
