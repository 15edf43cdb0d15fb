"""The 同比 growth of a total already judged to be the sum of its parts, from the parts' growths:
"22Q4/23Q1分别实现营收23.53/34.27亿元，分别同比-8.66%/+33.71%，合并…实现营收57.8亿元，同比+12.47%".
As the parts add up to the total they are all of it, so last year's total is Σ part / (1 + its
growth), an unstated intermediate (derived), and the total's growth follows."""

from __future__ import annotations

import re

from macrodesk.checks.intervals import Interval, figure_interval, implied_growth
from macrodesk.checks.judging import Check, fmt
from macrodesk.checks.level_growths import figs_of, level_at, written_growth
from macrodesk.checks.part_growths import growth_fits
from macrodesk.models import Article, Figure, Sentence


def _level(s: Sentence, text: str) -> tuple[Figure, Interval, Figure] | None:
    """A level of the sentence with its 同比 growth in % and the growth's figure."""
    k = level_at(s, text)
    g = written_growth(s, text)
    if k is None or g is None:
        return None
    return figs_of(s)[k], g[1].scale(100), g[0]


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
        total = _level(s, c.stated)
        where = c.input_sentences if len(c.input_sentences) == len(c.inputs) else [s.text] * len(c.inputs)
        sents = [by_text.get(t) for t in where]
        parts = [_level(sx, t) if sx is not None else None for sx, t in zip(sents, c.inputs, strict=True)]
        if total is None or any(p is None for p in parts):
            continue
        levels = [(figure_interval(f).scale(f.scale), g) for f, g, _ in (p for p in parts if p is not None)]
        if any(lv.lo <= 0 for lv, _ in levels):
            continue  # a loss among the parts: a growth rate over it says nothing
        tf, tg, gfig = total
        if (s.id, _number(gfig.text)) in judged:
            continue
        got = implied_growth(figure_interval(tf).scale(tf.scale), levels)
        if got is None:
            continue
        rate, prior = got
        fits = growth_fits(rate, tg)
        if not fits and not c.refutable:
            continue  # the parts were found by their fit: a mismatch proves nothing
        shown = " + ".join(f"{f.text}/(1{g.mid:+.2f}%)" for f, g, _ in (p for p in parts if p is not None))
        unit = tf.scale
        out.append(Check(
            verdict="consistent" if fits else "inconsistent", kind="growth", stated=gfig.text,
            computed=f"{rate.mid:.3f}", computed_low=rate.lo, computed_high=rate.hi,
            gap=None if fits else rate.distance(tg), inputs=[*c.inputs], derived=True,
            relation=(f"{tf.text} / 上年 {fmt(prior.mid / unit)} (= {shown}) - 1 = {gfig.text} "
                      "(the parts add up to the total, so last year's total is theirs)"),
            note="" if c.refutable else "confirm-only: the parts were found by their fit",
            sentence=s.text, sentence_id=s.id, paragraph=s.paragraph,
            input_sentences=[x.text for x in sents if x is not None], refutable=c.refutable))
    out.extend(_share_wholes(article, checks, judged))
    return out


def _share_wholes(article: Article, checks: list[Check], judged: set[tuple[str, str]]) -> list[Check]:
    """Shares of one whole that add up to 100% ("海外新签379.1亿元（同比-1.2%），占新签合同额72.9%"; "国内
    新签140.7亿元（同比-7%），占新签合同额27.1%"): their parts are all of it, so the whole's growth is
    theirs (derived; confirm-only, as the shares were paired with the whole by their fit)."""
    by_text = {s.text: s for s in article.sentences}
    groups: dict[tuple[str, str], list[Check]] = {}
    for c in checks:
        if c.kind == "share" and c.verdict == "consistent" and len(c.inputs) == 2 and len(c.input_sentences) == 2 \
                and c.computed_low is not None and c.computed_high is not None:
            groups.setdefault((c.inputs[1], c.input_sentences[1]), []).append(c)
    out: list[Check] = []
    for (whole_text, whole_sentence), shares in groups.items():
        total_share = Interval(0.0, 0.0)
        for c in shares:
            total_share = total_share + Interval(c.computed_low or 0.0, c.computed_high or 0.0)
        if len(shares) < 2 or not total_share.overlaps(Interval(99.5, 100.5)):
            continue
        ws = by_text.get(whole_sentence)
        sents = [by_text.get(c.input_sentences[0]) for c in shares]
        total = _level(ws, whole_text) if ws is not None else None
        parts = [_level(sx, c.inputs[0]) if sx is not None else None for sx, c in zip(sents, shares, strict=True)]
        if ws is None or total is None or any(p is None for p in parts):
            continue
        tf, tg, gfig = total
        if (ws.id, _number(gfig.text)) in judged:
            continue
        levels = [(figure_interval(f).scale(f.scale), g) for f, g, _ in (p for p in parts if p is not None)]
        if any(lv.lo <= 0 for lv, _ in levels):
            continue
        got = implied_growth(figure_interval(tf).scale(tf.scale), levels)
        if got is None or not growth_fits(got[0], tg):
            continue  # confirm-only: a mismatch proves nothing
        rate, prior = got
        shown = " + ".join(f"{f.text}/(1{g.mid:+.2f}%)" for f, g, _ in (p for p in parts if p is not None))
        out.append(Check(
            verdict="consistent", kind="growth", stated=gfig.text, computed=f"{rate.mid:.3f}",
            computed_low=rate.lo, computed_high=rate.hi, inputs=[c.inputs[0] for c in shares] + [whole_text],
            derived=True, refutable=False,
            relation=(f"{tf.text} / 上年 {fmt(prior.mid / tf.scale)} (= {shown}) - 1 = {gfig.text} "
                      "(the parts' shares add up to 100%, so last year's total is theirs)"),
            note="confirm-only: the shares were paired with the whole by their fit",
            sentence=ws.text, sentence_id=ws.id, paragraph=ws.paragraph,
            input_sentences=[x.text for x in sents if x is not None]))
    return out


def _number(text: str) -> str:
    m = re.search(r"[+\-−]?\s*\d+(?:\.\d+)?\s*%", text)
    return re.sub(r"[\s+]", "", m.group()) if m else text
