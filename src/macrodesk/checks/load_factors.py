"""An airline's load factor (客座率 = RPK / ASK, demand over supply) and its change from the growths of
demand and supply on the same basis, in one sentence: "ASK 同比增长 10.4%，RPK 同比增长 10.6%，客座率
82.2%，同比提升 0.2 个百分点" — last year's load factor is 82.2% × (1 + g_ASK) / (1 + g_RPK), an
unstated intermediate (derived). Bases are 同比, 环比 or against a named year ("较2019年同期")."""

from __future__ import annotations

import re

from macrodesk.checks.intervals import Interval, figure_interval, ratio_change
from macrodesk.checks.judging import Check, fmt, interval_check
from macrodesk.checks.paragraphs import ParaText, paragraphs
from macrodesk.models import Article, Figure, FigureKind
from macrodesk.text.clauses import chars_before

_SUPPLY = r"ASK|可用座公里|供给|运力投入|运力"
_DEMAND = r"RPK|旅客周转量|客公里|需求"
# what the figures after it are of: supply, demand, both (供需, "供给、需求", "ASK/RPK"), or the load factor
_SUBJECT = re.compile(rf"供需|(?:{_SUPPLY})\s*[/、和与]\s*(?:{_DEMAND})|{_SUPPLY}|{_DEMAND}|客座率")
# a part of the subject (其中国内…) or another measure (客公里收益) ends its run
_OTHER = re.compile(r"其中|国内|国际|地区|收益|收入|成本|票价|油价")
_BASIS = re.compile(r"同\s*[/、]\s*环比|环\s*[/、]\s*同比|同比\s*[/、]\s*环比|环比\s*[/、]\s*同比|同比|环比|同期比|"
                    r"(?:较|与|相比|对比)\s*(?:20)?(\d{2})\s*年(?:同期)?")
_FALL = re.compile(r"(?:下降|下滑|减少|回落|降低|降|减)[^\d]{0,3}$")
_RUN = re.compile(r"^\s*[/、]\s*$")
_POINTS_AFTER = re.compile(r"\s*(?:pts?|pcts?|ppt|pp|个百分点)")


def _bases(words: str) -> list[str]:
    """The bases a run of words names, in order ("同/环比" is two)."""
    m = list(_BASIS.finditer(words))
    if not m:
        return []
    last = m[-1]
    if last.group(1):
        return [f"vs{last.group(1)}"]
    text = last.group(0)
    if "/" in text or "、" in text:
        return ["环比" if text.lstrip().startswith("环") else "同比", "同比" if text.lstrip().startswith("环") else "环比"]
    if "同期比" in text:
        year = re.search(r"(\d{2})\s*年\s*同期比$", words[: last.end()])
        return [f"vs{year.group(1)}"] if year else []
    return [text]


def _in_aside(before: str) -> bool:
    """Whether the words end inside an open bracket."""
    return before.count("（") + before.count("(") > before.count("）") + before.count(")")


def _roles(subject: str) -> list[str]:
    if subject == "供需":
        return ["supply", "demand"]
    if re.fullmatch(rf"(?:{_SUPPLY})\s*[/、和与]\s*(?:{_DEMAND})", subject):
        return ["supply", "demand"]
    if re.fullmatch(_SUPPLY, subject):
        return ["supply"]
    if re.fullmatch(_DEMAND, subject):
        return ["demand"]
    return ["load"]


def find_load_factors(article: Article) -> list[Check]:
    if "客座率" not in article.text:
        return []
    out: list[Check] = []
    for p in paragraphs(article):
        if "客座率" not in p.text or not re.search(_SUPPLY, p.text):
            continue
        # one sentence to its 。 (its ；-clauses are read together: "ASK同比-40.6%；RPK同比-38.6%；客座率…")
        start = 0
        for end in [m.end() for m in re.finditer("。", p.text)] + [len(p.text)]:
            if "客座率" in p.text[start:end]:
                level: Figure | None = None
                for a, b in _groups(p.text, start, end):
                    found, level = _sentence(article, p, a, b, level)
                    out.extend(found)
            start = end
    return out


def _groups(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """A sentence's ；-clauses read together, each group up to a clause naming 客座率: "国内线供给、需求
    同比上升…，客座率同比下滑0.28个百分点至76.16%；国际及地区线供给、需求…，客座率…" is two lines' groups,
    "ASK同比-40.6%；RPK同比-38.6%；客座率…" one."""
    cuts = [m.end() for m in re.finditer("[；;]", text[start:end])]
    if not cuts:
        return [(start, end)]
    out: list[tuple[int, int]] = []
    a = start
    for c in [start + c for c in cuts] + [end]:
        if "客座率" in text[a:c] and (c == end or re.search(_SUPPLY, text[c:end])):
            out.append((a, c))
            a = c
    if a < end:
        out = [*out[:-1], (out[-1][0], end)] if out else [(start, end)]
    return out


def _sentence(article: Article, p: ParaText, start: int, end: int,
              carried: Figure | None) -> tuple[list[Check], Figure | None]:
    """The checks of one group of clauses, and its level: a group that writes none takes the one
    before ("客座率67.7%，同比+2.1pts；2）与19年同期比，ASK下降35.0%；RPK下降45.6%；客座率下降13.2pts")."""
    text = p.text[:end]  # up to the sentence's end, at the paragraph's offsets
    figs = [f for f in p.figures if start <= f.start < end and f.kind != FigureKind.DATE and f.value is not None
            and not f.is_range]
    # runs of figures joined by / or 、
    runs: list[list[Figure]] = []
    for f in figs:
        if runs and _RUN.match(text[runs[-1][-1].end:f.start]):
            runs[-1].append(f)
        else:
            runs.append([f])
    growths: dict[tuple[str, str], tuple[Figure, Interval]] = {}
    level: Figure | None = None
    changes: list[tuple[str, Figure, Interval]] = []
    basis_in_force: list[str] = []
    prev_end = start
    for run in runs:
        before = text[start:run[0].start]
        subj = list(_SUBJECT.finditer(before))
        if not subj:
            prev_end = run[-1].end
            continue
        subject = subj[-1]
        words = before[subject.end():]
        clause_words = text[prev_end:run[0].start]
        if _OTHER.search(words):
            prev_end = run[-1].end
            continue
        # the basis named since the subject, else the one named since the last run (a clause of its
        # own: "，同比各上升4.60%/25.76%"), else the one in force in the sentence ("2）与19年同期比，…")
        bases = _bases(words) or _bases(clause_words) or basis_in_force
        # (a basis in brackets is an aside's: "同比上升15.25%/15.95%（较2019年下滑11.95%/21.85%），总客座率上升
        # 0.46个百分点" is 同比)
        if len(named := _bases(before)) == 1 and not _in_aside(before):
            basis_in_force = named
        roles = _roles(subject.group(0))
        fall = bool(_FALL.search(chars_before(text, run[0].start, 8)))
        for k, f in enumerate(run):
            role = roles[k] if len(roles) == len(run) else roles[0] if len(roles) == 1 else ""
            basis = bases[k] if len(bases) == len(run) and len(bases) > 1 else bases[0] if len(bases) == 1 else ""
            iv = figure_interval(f, result=True)
            if fall and (f.value or 0) > 0 and not text[f.start:f.end].lstrip().startswith("+"):
                iv = -iv
            if role in ("supply", "demand") and f.kind == FigureKind.PERCENT and basis:
                growths.setdefault((role, basis), (f, iv))
            elif role == "load" and f.kind == FigureKind.PERCENT and len(run) == 1:
                if not basis or re.search(r"至\s*$", words) or not _bases(words):
                    level = f
            elif role == "load" and basis and (f.kind == FigureKind.POINTS or f.kind == FigureKind.NUMBER
                                               and (run[-1].kind == FigureKind.POINTS
                                                    or _POINTS_AFTER.match(text, run[-1].end))):
                changes.append((basis, f, iv))
        prev_end = run[-1].end
    out: list[Check] = []
    level = level or carried
    if level is None:
        return out, None
    lf = figure_interval(level)
    one = Interval(1, 1)
    for basis, c, stated in changes:
        supply, demand = growths.get(("supply", basis)), growths.get(("demand", basis))
        if supply is None or demand is None:
            continue
        fs, fd = one + supply[1].scale(0.01), one + demand[1].scale(0.01)
        if fs.lo <= 0 or fd.lo <= 0:
            continue
        prior = lf * fs / fd
        got = ratio_change(lf, demand[1].scale(0.01), supply[1].scale(0.01))  # 客座率 = demand / supply
        assert got is not None  # (both factors are positive)
        where = p.sentence_at(c.start)
        inputs_at = [p.sentence_at(x.start).text for x in (level, supply[0], demand[0])]
        out.append(interval_check(
            got, stated, kind="change", stated=c.text, derived=True,
            inputs=[level.text, supply[0].text, demand[0].text],
            relation=(f"{level.text} - {fmt(prior.mid)}% = {fmt(got.mid)} 个百分点 (客座率 {basis}: the earlier one is "
                      f"{level.text} × (1 {'+' if supply[1].mid >= 0 else '-'} {fmt(abs(supply[1].mid))}%) / "
                      f"(1 {'+' if demand[1].mid >= 0 else '-'} {fmt(abs(demand[1].mid))}%), as 客座率 = RPK / ASK)"),
            sentence=where.text, sentence_id=where.id, paragraph=where.paragraph, input_sentences=inputs_at,
            article=article.label))
    return out, level
