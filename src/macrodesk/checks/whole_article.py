"""The article read as one section: a share or CAGR left unverifiable in its own section takes its
inputs from another (a summary's figure from the body), and named totals or range shares across it."""

from __future__ import annotations

import re

from macrodesk.checks.framed import Framed, derived_total_growth
from macrodesk.checks.frames import common_metric, period_key
from macrodesk.checks.intervals import figure_interval, interval_sum
from macrodesk.checks.judging import Check, fmt, hedge, judge
from macrodesk.checks.tokens import Para, Tok
from macrodesk.checks.uncounted import (
    FROM_LEAD,
    TO_LEAD,
    cagr_in_section,
    is_level,
    is_tight,
    searched,
)
from macrodesk.checks.worded import (
    PCT_RANGE,
    SHARED_RUN,
    range_end,
    same_amounts,
)
from macrodesk.figures import extract_figures
from macrodesk.models import FigureKind
from macrodesk.text.clauses import clause_start, last_chars

# ---------------------------------------------------------------- across sections
# A share of a national whole or a CAGR in a summary ("核心观点") may take its inputs from another
# section: "一季度发行煤炭债 205 亿元（占全国 31.5%）" and, in the bond section, "一季度新发行煤炭债
# 650 亿元"; "2020-24 年省级国有资本经营收入（CAGR 11%）" and, later, "各省合计国有资本经营收入…从
# 2987 亿元增至 4487 亿元". Only a share or CAGR counted unverifiable in its own section is sought
# again, over the article, among figures whose metric shares a run of four characters with it;
# found by their fit, a fit confirms (not refutable) and no fit changes nothing.


def _clause_before(sec: Para, x: Framed) -> str:
    """The words of a figure's clause before it, brackets included ("省级国有资本经营收入（CAGR")."""
    raw = sec.raw[x.tok.sent]
    start = clause_start(raw, x.tok.fig.start, "，,。；;：:")
    return re.sub(r"[^\u4e00-\u9fa5]", "", raw[max(start, x.tok.fig.start - 60):x.tok.fig.start])


def across_sections(sections: list[tuple[Para, list[Framed]]], checks: list[Check],
                    headings: list[tuple[int, str]], fits: list[Check]) -> None:
    todo_all = {(c.sentence_id, c.stated): i for i, c in enumerate(checks)}
    # a figure another finder left unverifiable ("其中-parts … none fits": 605.6 + 69.2 = 100.5)
    # takes the reading in words that fits it (69.2 + 31.3, paired by metric)
    for fit in fits:
        # (an error restated in a later sentence is kept once, with the first: check_article.keep)
        i = todo_all.get((fit.sentence_id, fit.stated))
        if i is not None and checks[i].verdict == "unverifiable":
            fit.article = checks[i].article
            checks[i] = fit
    todo = {(c.sentence_id, c.stated): i for i, c in enumerate(checks)
            if c.verdict == "unverifiable" and c.kind in ("share", "cagr")
            and (not c.inputs or "(whole)" in c.relation)}
    # every named list holds a 、: the pattern, slow to scan, runs only where one stands
    named = any("、" in r and _NAMED_LIST.search(r) for sec, _ in sections for r in sec.raw)
    if not todo and not (named and checks) and not (checks and any(
            _range_share_sentence(r) for sec, _ in sections for r in sec.raw)):
        return  # no pass below would read the article-wide frames: do not build them
    # the article as one section: the sections' sentences and frames end to end
    whole = Para(index=sections[0][0].index, sentences=[s for sec, _ in sections for s in sec.sentences],
                 raw=[r for sec, _ in sections for r in sec.raw])
    fs: list[Framed] = []
    offset = 0
    for sec, sfs in sections:
        for x in sfs:
            # a new Tok, not a copy.copy (several times slower for the ~80 figures of an article)
            tok = Tok(x.tok.fig, x.tok.sent + offset, x.tok.approx, x.tok.bound)
            fs.append(Framed(tok, len(fs), x.metric, x.period, x.lead, x.after, x.paragraph, x.topic, x.block))
        offset += len(sec.sentences)
    found = _named_totals(whole, fs, headings) if named and checks else []
    for total in found + (_range_shares(whole, fs) if checks else []):
        key = (total.sentence_id, total.stated)
        if key in todo_all:
            if checks[todo_all[key]].verdict == "unverifiable":
                total.article = checks[todo_all[key]].article
                checks[todo_all[key]] = total
        else:
            total.article = checks[0].article
            checks.append(total)
    pairs: list[tuple[int, str]] | None = None  # the 从A增至B pairs of the article, read when a CAGR asks
    for k, c in enumerate(fs):
        key = (whole.sentences[c.tok.sent].id, c.tok.text)
        if key not in todo or c.tok.bound:
            continue
        if checks[todo[key]].kind == "share":
            chk = _share_across(whole, fs, k)
        else:
            if pairs is None:
                pairs = [(j, _clause_before(whole, fs[j - 1])) for j in range(1, len(fs))
                         if fs[j - 1].tok.sent == fs[j].tok.sent and fs[j - 1].tok.cunit == fs[j].tok.cunit
                         and FROM_LEAD.search(fs[j - 1].lead) and TO_LEAD.match(fs[j].lead)
                         and not fs[j - 1].tok.bound and not fs[j].tok.bound]
            chk = _cagr_across(whole, fs, k, pairs)
        if chk is not None:
            chk.article = checks[todo[key]].article
            checks[todo[key]] = chk


_ENTITY_LABEL = re.compile(r"^\s*(?:\d+[.、)]\s*)?([\u4e00-\u9fa5A-Za-z]{2,10})[：:]")


def _share_across(whole: Para, fs: list[Framed], k: int) -> Check | None:
    """The whole of a share from another section: a level whose metric shares four characters
    with the part's (a share stated to two decimals), or one whose clause names the entity that
    labels the share's sentence ("阳光电源：储能系统营收 249.6 亿元（占比 32%…），光伏逆变器 291.3
    亿元（占比 37%…）" / "2024 年阳光电源以 778.57 亿元营收居首")."""
    c = fs[k]
    own = [x for x in fs[:k] if x.tok.sent == c.tok.sent and x.tok.fig.kind in (FigureKind.MONEY, FigureKind.QUANTITY)]
    if not own or not is_level(own[-1]):
        return None
    p = own[-1]
    label = _ENTITY_LABEL.match(whole.raw[c.tok.sent])
    entity = label.group(1) if label else ""
    for d in fs:
        if d is p or not is_level(d) or d.tok.cunit != p.tok.cunit or d.tok.sent == p.tok.sent \
                or d.tok.interval().lo <= p.tok.interval().hi:
            continue
        by_metric = c.tok.fig.decimals > 0 and common_metric(p.metric, d.metric, SHARED_RUN)
        by_entity = len(entity) >= 2 and entity in _clause_before(whole, d)
        if not by_metric and not by_entity:
            continue
        iv = (p.tok.interval() / d.tok.interval()).scale(100)
        if iv.hi <= 100 and searched(c.tok).overlaps(iv) and is_tight(iv, c.tok):
            chk = judge(whole, "share", c.tok, [p.tok, d.tok], [(f"{p.tok.text} / {d.tok.text} = {c.tok.text}", iv)],
                        magnitude=False)
            return hedge(whole, chk, "the whole, in another section, is found by its "
                         + ("metric" if by_metric else "entity") + " and fit")
    return None


def _cagr_across(whole: Para, fs: list[Framed], k: int, pairs: list[tuple[int, str]]) -> Check | None:
    c = fs[k]
    name = _clause_before(whole, c)
    for j, a_name in pairs:
        if fs[j].tok.sent == c.tok.sent or not common_metric(name, a_name, SHARED_RUN):
            continue
        chk = cagr_in_section(whole, fs[:j + 1] + [c], j + 1)
        if chk is not None and chk.verdict == "consistent":
            return chk
    return None



# "大族数控、芯碁微装、东威科技、凯格精机、鼎泰高科五家企业 2025 年合计营收 116 亿元，…合计净利润
# 18.55 亿元": a total over named entities, each with a section of its own ("### 4.1 大族数控 …
# 2025 年营收 57.73 亿元，…归母净利润 8.24 亿元")
_NAMED_LIST = re.compile(
    r"((?:[\u4e00-\u9fa5A-Za-z]{2,8}、)+[\u4e00-\u9fa5A-Za-z]{2,8})(?:等)?\s*(?:[两二三四五六七八九十\d]+)\s*(?:家|个|省|市)")
_TOTAL_WORD = re.compile(r"合计|总计|共计")


def _named_totals(whole: Para, fs: list[Framed], headings: list[tuple[int, str]]) -> list[Check]:
    """Each named entity's level of the total's metric and period, read from the first section
    whose heading names it; the sum over the names that fits confirms the total (the levels are
    found by their place, so it is not refutable) and one that does not proves nothing."""
    out: list[Check] = []

    def heading(x: Framed) -> str:
        before = [h for p, h in headings if p < x.paragraph]
        return before[-1] if before else ""

    for c in fs:
        if not _TOTAL_WORD.search(last_chars(c.lead, 10)) or not is_level(c):
            continue
        lists = list(_NAMED_LIST.finditer(whole.raw[c.tok.sent][:c.tok.fig.start]))
        if not lists:
            continue
        names = lists[-1].group(1).split("、")
        metric = _TOTAL_WORD.sub("", c.metric)
        parts: list[Framed] = []
        for name in names:
            mine = [x for x in fs if name in heading(x) and x.tok.sent != c.tok.sent
                    and is_level(x) and x.tok.cunit == c.tok.cunit and common_metric(metric, x.metric)
                    and period_key(x.period) == period_key(c.period) and period_key(c.period) is not None]
            if not mine:
                break
            parts.append(mine[0])
        if len(parts) != len(names):
            continue
        acc = interval_sum(p.tok.interval() for p in parts)
        chk = judge(whole, "sum", c.tok, [p.tok for p in parts],
                    [(" + ".join(p.tok.text for p in parts) + f" = {c.tok.text}", acc)], magnitude=False)
        out.append(hedge(whole, chk, "each named entity's level is read from its own section"))
        if chk.verdict == "consistent" and (grown := derived_total_growth(whole, fs, c, parts)) is not None:
            out.append(grown)
    return out


_RANGE_SHARE_LEAD = re.compile(r"占([^，,。；;]{2,30}?)的?\s*$")


def _range_share_sentence(raw: str) -> bool:
    return "占" in raw and bool(PCT_RANGE.search(raw))


def _range_shares(whole: Para, fs: list[Framed]) -> list[Check]:
    """"可证券化规模 300-1200 亿，约占 2024 年地方国企国有资本运营收入的 7%-26%": a range of amounts
    over a whole named after 占, end by end. The whole is a level of the article whose metric
    shares four characters with the words after 占 ("国有资本经营收入 … 4487 亿元"); found by its
    metric, a fit confirms and no fit proves nothing."""
    out: list[Check] = []
    for si, s in enumerate(whole.sentences):
        raw = whole.raw[si]
        if not _range_share_sentence(raw):
            continue
        figs = [f for f in extract_figures(raw) if f.value is not None and f.high is not None]
        for j, f in enumerate(figs):
            m = _RANGE_SHARE_LEAD.search(raw[:f.start])
            if f.kind != FigureKind.PERCENT or m is None or j == 0 or \
                    figs[j - 1].kind not in (FigureKind.MONEY, FigureKind.QUANTITY):
                continue
            part, named = figs[j - 1], re.sub(r"[^\u4e00-\u9fa5]", "", m.group(1))
            lo_part = Tok(range_end(part, part.value or 0.0), si)
            wholes = [x for x in fs if x.tok.sent != si and is_level(x) and same_amounts(x.tok, lo_part)
                      and (common_metric(named, x.metric, SHARED_RUN)
                           or common_metric(named, _clause_before(whole, x), SHARED_RUN))]
            for w in wholes:
                ends = []
                for end, share, tag in ((part.value, f.value, "下限"), (part.high, f.high, "上限")):
                    assert end is not None and share is not None
                    got = (figure_interval(range_end(part, end)).scale(part.scale) / w.tok.interval()).scale(100)
                    ends.append((got, share, tag))
                if all(figure_interval(range_end(f, share), result=True).overlaps(got) for got, share, _ in ends):
                    for got, share, tag in ends:
                        out.append(Check(
                            verdict="consistent", kind="share", stated=f"{f.text}（{tag}）", computed=fmt(got.mid),
                            computed_low=got.lo, computed_high=got.hi, inputs=[part.text, w.tok.text],
                            relation=f"{part.text} / {w.tok.text} = {fmt(share)}% ({tag})",
                            note="the whole, named after 占, is found by its metric and fit", sentence=s.text,
                            sentence_id=s.id, paragraph=s.paragraph,
                            input_sentences=[s.text, whole.sentences[w.tok.sent].text], refutable=False))
                    break
    return out
