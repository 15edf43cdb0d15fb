"""Shares paired by position with a 分别-list of parts whose whole stands elsewhere: "机电产品、高新技术
产品、农产品进口额分别为 2.23 万亿元、1.77 万亿元、0.43 万亿元，…，占比 38.87%、30.84%、7.51%" with
"进口总额 5.75 万亿元" in an earlier paragraph. The whole is the one level that the other shares of
the list fit: two fits name it, so each share is judged against it."""

from __future__ import annotations

import re
from collections.abc import Callable

from macrodesk.checks.gate import mentions
from macrodesk.checks.intervals import Interval, figure_interval
from macrodesk.checks.judging import Check, Verdict
from macrodesk.figures import list_units
from macrodesk.models import Article, Figure, FigureKind, Sentence, canonical_unit
from macrodesk.text.clauses import chars_before

_AMOUNTS = (FigureKind.MONEY, FigureKind.QUANTITY)
# (an item may carry its growth: "27.37亿元/-6.73%、21.03亿元/+19.49%")
_LIST_GAP = re.compile(r"^\s*(?:[/／]\s*[+\-−－]?\s*\d+(?:\.\d+)?\s*%\s*)?[、和及与/／]\s*$")
# "占比 38.87%、…", "分别在总收入占比 47.2%/9.5%", "占总营业收入比例分别为 1.91%和 1.57%", "分别占公司营收 70%/10%"
_SHARE_LEAD = re.compile(r"(?:占比|比重|份额|占[^，,。；;\d%]{0,10}?)\s*(?:分别)?\s*(?:为|达|是)?\s*$")
# every list is read from a sentence with 分别 and 占 or 比重 (find_share_lists)
_NEEDS = re.compile(r"分别")
_NEEDS_SHARE = re.compile(r"占|比重")


def _runs(s: Sentence, kinds: tuple[FigureKind, ...]) -> list[list[Figure]]:
    """Runs of figures of the given kinds joined by 、 or / (a list), its bare numbers in the unit
    written on its last item ("11.41/2.30/3.12亿元")."""
    runs: list[list[Figure]] = []
    for f in list_units(s.text, s.figures):
        if f.kind not in kinds or f.value is None or f.is_range:
            continue
        if runs and runs[-1][-1].kind == f.kind and _LIST_GAP.match(s.text[runs[-1][-1].end:f.start]):
            runs[-1].append(f)
        else:
            runs.append([f])
    return [r for r in runs if len(r) >= 2]


def _share(part: Figure, whole: Figure) -> Interval:
    return (figure_interval(part).scale(part.scale) / figure_interval(whole).scale(whole.scale)).scale(100)


def find_share_lists(article: Article) -> list[Check]:
    if not mentions(article, _NEEDS) or not mentions(article, _NEEDS_SHARE):
        return []
    levels = [(s, f) for s in article.sentences if s.kind in ("prose", "list") for f in s.figures
              if f.kind in _AMOUNTS and f.value is not None and f.value > 0 and not f.is_range]
    out: list[Check] = []
    for s in article.sentences:
        if "分别" not in s.text or "占" not in s.text and "比重" not in s.text:
            continue
        parts_runs = [r for r in _runs(s, _AMOUNTS) if "分别" in chars_before(s.text, r[0].start, 8)]
        share_runs = [r for r in _runs(s, (FigureKind.PERCENT,)) if _SHARE_LEAD.search(s.text[:r[0].start])]
        for parts in parts_runs:
            shares = next((r for r in share_runs if r[0].start > parts[-1].end and len(r) == len(parts)), None)
            unit = {canonical_unit(p.kind, p.unit) for p in parts}
            if shares is None or len(unit) != 1:
                continue
            out.extend(_judge(article, s, parts, shares, unit.pop(), levels))
    return out


def _judge(article: Article, s: Sentence, parts: list[Figure], shares: list[Figure], unit: str,
           levels: list[tuple[Sentence, Figure]]) -> list[Check]:
    biggest = max(figure_interval(p).scale(p.scale).hi for p in parts)
    candidates = [(ws, w) for ws, w in levels if canonical_unit(w.kind, w.unit) == unit and w not in parts
                  and figure_interval(w).scale(w.scale).lo > biggest]
    fits: dict[float, list[tuple[Sentence, Figure, set[int]]]] = {}
    for ws, w in candidates:
        ok = {i for i, (p, sh) in enumerate(zip(parts, shares, strict=True))
              if _share(p, w).overlaps(figure_interval(sh, result=True))}
        if len(ok) >= 2:
            fits.setdefault(w.value or 0.0, []).append((ws, w, ok))
    if not fits and len(parts) >= 3:
        return _judge_breakdown(article, s, parts, shares)
    if len(fits) != 1:
        return []  # no whole, or two that several shares fit: none is certain
    ws, w, ok = next(iter(fits.values()))[0]
    return _checks(article, s, parts, shares, [_share(p, w) for p in parts], ok, lambda p: [p.text, w.text],
                   lambda p: f"{p.text} / {w.text} = {{}} (the whole the list's shares fit)",
                   "one other share fits this whole: a mismatch proves nothing", [s.text, ws.text], derived=False)


def _checks(article: Article, s: Sentence, parts: list[Figure], shares: list[Figure], gots: list[Interval],
            ok: set[int], inputs: Callable[[Figure], list[str]], relation: Callable[[Figure], str], doubt: str,
            input_sentences: list[str], *, derived: bool) -> list[Check]:
    """Each share of the list against its part over the whole (`gots`); certain when two other
    shares of the list fit the same whole (`ok`)."""
    out = []
    for i, (p, sh, got) in enumerate(zip(parts, shares, gots, strict=True)):
        stated = figure_interval(sh, result=True)
        fits_one = got.overlaps(stated)
        certain = len(ok - {i}) >= 2
        verdict: Verdict = "consistent" if fits_one else ("inconsistent" if certain else "unverifiable")
        out.append(Check(
            verdict=verdict, kind="share", stated=sh.text,
            computed=f"{got.mid:.3f}" if verdict != "unverifiable" else "",
            computed_low=got.lo, computed_high=got.hi,
            gap=None if fits_one or not certain else got.distance(stated),
            inputs=inputs(p), relation=relation(p).format(sh.text), derived=derived,
            note="" if certain else doubt,
            sentence=s.text, sentence_id=s.id, paragraph=s.paragraph, article=article.label,
            input_sentences=input_sentences, refutable=certain,
        ))
    return out


def _judge_breakdown(article: Article, s: Sentence, parts: list[Figure], shares: list[Figure]) -> list[Check]:
    """No level of the article is the list's whole, but its shares add up to 100%: the parts are
    a whole breakdown ("经济型/中高端/其他酒店分别为2181/1452/2309家，占比为36.7%/24.4%/38.9%"), so
    their sum is the whole (derived). A share is certain when two others fit that sum."""
    total = Interval(100.0, 100.0)
    sum_shares = Interval(0.0, 0.0)
    for sh in shares:
        sum_shares = sum_shares + figure_interval(sh, result=True)
    if not sum_shares.overlaps(total):
        return []
    whole = Interval(0.0, 0.0)
    for p in parts:
        whole = whole + figure_interval(p).scale(p.scale)
    gots = [(figure_interval(p).scale(p.scale) / whole).scale(100) for p in parts]
    ok = {i for i, (got, sh) in enumerate(zip(gots, shares, strict=True))
          if got.overlaps(figure_interval(sh, result=True))}
    if len(ok) < 2:
        return []
    names = " + ".join(p.text for p in parts)
    return _checks(article, s, parts, shares, gots, ok, lambda p: [x.text for x in parts],
                   lambda p: f"{p.text} / ({names}) = {{}} (the shares add up to 100%: the parts are the whole)",
                   "one other share fits the parts' sum: a mismatch proves nothing", [s.text], derived=True)
