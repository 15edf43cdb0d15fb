"""A share whose whole is named and written elsewhere in the article for the same period: "2025 年
1-5 月新能源汽车出口 85.50 万辆，占国内销量 11.45%" and, in another item, "2025 年 1-5 月国内销量 560.60
万辆". The whole is the one level of the part's unit and period whose own clause names it. Also a
share in a whole's bracket that names its part: "RAG 存储需求 139.7EB，总 NAND 需求 199.5EB（RAG 存储占 70%）"."""

from __future__ import annotations

import re

from macrodesk.checks.company_levels import COMPANY_LEVEL, measure_class
from macrodesk.checks.frames import SEGMENT_LABEL
from macrodesk.checks.gate import mentions
from macrodesk.checks.intervals import figure_interval
from macrodesk.checks.judging import Check, confirm_only, interval_check
from macrodesk.checks.levels import interval, unit_key
from macrodesk.checks.quarters import period_of
from macrodesk.models import Article, Figure, FigureKind, Sentence
from macrodesk.text.clauses import chars_before, clause_start

# "占国内销量 11.45%", "占全社会用电量比重 60.9%", "占全球的 35.7%"
_NAMED = re.compile(r"占(?!比)\s*([^，,。；;：:（()）\d%]{2,12}?)\s*(?:的)?\s*(?:比重|比例|份额)?\s*(?:的)?\s*(?:分别)?\s*(?:为|达|约)?\s*$"
                    # "在公司收入结构中占比25%" (cfr413)
                    r"|在(?:公司)?(收入|营收)结构中\s*占比\s*(?:为|达|约)?\s*$"
                    # "占比整体营收68.32%" (cfg583): the whole named after 占比
                    r"|占比\s*((?:整体|总|公司)?(?:营业收入|营收|收入))\s*(?:的)?\s*(?:为|达|约)?\s*$")
# "信息科技投入 93.61 亿元，同比增长 43.97%，营收占比 3.72%" (cfr112): a clause opening on the revenue's
# name and 占比 is the level's share of the revenue
_REVENUE_SHARE = re.compile(r"[，,]\s*(营业收入|营收)\s*占比\s*(?:为|达|约)?\s*$")
_REVENUE_NAMES = ("营业收入", "营收")
_LIST_SHARE = re.compile(r"[，,]\s*占比\s*(?:分别)?\s*(?:为|达|约)?\s*$")
# a whole named as the company's revenue in a word ("占收入的53.81%", "占营收比重"): the company's own
# revenue level (company_levels.COMPANY_LEVEL), not any clause that writes 收入
_COMPANY_REVENUE = ("收入", "营收", "营业收入", "营业总收入", "总收入", *(_TOTALS := ("总营收", "营收总额", "收入总额",
                                                                             "营业收入总额", "整体收入", "整体营收")))
# a part of one quarter: its share is not of a longer period's revenue ("单季研发投入8.2亿元，占总营收6.73%")
_ONE_QUARTER = re.compile(r"单季|Q[1-4]|[一二三四]季度")
_REVENUE_WORD = re.compile(r"收入|营收")
_CHANGE = re.compile(r"同比|环比|较|增加|减少|增长|下降|净增|新增|[+\-−－]\s*$")
_LEVELS = (FigureKind.MONEY, FigureKind.QUANTITY)


# a share of either family is written with 占 in its own sentence (占, 占比)
_NEEDS = re.compile(r"占")
_DASHES = re.compile(r"[—–－~]")
_SPACES = re.compile(r"\s+")


_YEAR_FIRST = re.compile(r"^(?:19|20)\d{2}年")
_DAY = re.compile(r"\d{1,2}月\d{1,2}日")


def _same_period(a: str, b: str) -> bool:
    """One period however written ("上半年" of the article's year and "1H22"; "1—10 月" and "1-10 月")."""
    if a == b:
        return True
    # ("7月19日" of a sentence after "截至2023年7月19日收盘": one day, its year written once)
    ya, yb = _YEAR_FIRST.sub("", a), _YEAR_FIRST.sub("", b)
    if (ya == b or yb == a) and _DAY.search(ya + yb):
        return True
    pa, pb = period_of(a), period_of(b)
    return pa is not None and pb is not None and pa[1] == pb[1] and (pa[0] == pb[0] or not pa[0] or not pb[0])


def _period(f: Figure) -> str:
    # "1—10 月" and "1-10 月" are one period
    return _DASHES.sub("-", _SPACES.sub("", f.period or ""))


def find_named_wholes(article: Article) -> list[Check]:
    if not mentions(article, _NEEDS):
        return []
    sents = [s for s in article.sentences if s.kind in ("prose", "list")]
    if not any("占" in s.text for s in sents):
        return []
    out: list[Check] = []
    for si, s in enumerate(sents):
        if "占" not in s.text:
            continue
        figs = [f for f in s.figures if f.kind != FigureKind.DATE]
        listed: set[int] = set()
        for k, f in enumerate(figs):
            if f.kind != FigureKind.PERCENT or k == 0 or k in listed:
                continue
            lead = s.text[figs[k - 1].end:f.start]
            m = _NAMED.search(lead) or _REVENUE_SHARE.search(lead)
            if m is None and (pairs := _listed(s, figs, k)) is not None and _LIST_SHARE.search(lead) \
                    and _REVENUE_WORD.search(s.text[clause_start(s.text, pairs[0][0].start, "，,；;。："):pairs[0][0].start]):
                # "三大电容收入…至17.87/1.42/1.06亿元，占比82%/7%/5%": revenues' shares of the company's revenue
                listed.update(range(k, k + len(pairs)))
                out.extend(_list_checks(article, sents, si, s, pairs, "收入"))
                continue
            if m is not None and (pairs := _listed(s, figs, k)) is not None:
                # "销售费用、管理费用、研发费用4.55、2.20、3.54亿元，同比+…、+…、+…，占营业收入的5.55%、2.68%、4.32%"
                listed.update(range(k, k + len(pairs)))
                out.extend(_list_checks(article, sents, si, s, pairs, re.sub(r"\s+", "", next(g for g in m.groups() if g))))
                continue
            # the part: the level before, past its bracketed growth ("85.50 万辆（同比 + 64.6%），占…")
            j = k - 1
            while j > 0 and figs[j].kind == FigureKind.PERCENT and j >= k - 2 \
                    and re.search(r"[（(]\s*(?:同比|环比)?\s*$|[，,]\s*(?:周|月)?(?:同比|环比)\s*(?:增长|上升|下降|减少|[增降升减])?\s*$",
                                  s.text[figs[j - 1].end:figs[j].start]):
                j -= 1  # "…25.8 亿方，周环比下降 3.8%，占…" too
            part = figs[j]
            if re.match(r"\s*[)）]", s.text[part.end:f.start]) \
                    and (opened := max(s.text.rfind("（", 0, part.start), s.text.rfind("(", 0, part.start))) > 0:
                # "电源管理产品实现营收15.29亿元（相比2020年的8.48亿元增长80.31%），占比整体营收68.32%" (cfg583),
                # "CRO业务实现收入4.50亿元（J-STAR团队1.54亿元，中国团队2.96亿元），占公司营业总收入30%" (cfg352): the
                # level right before a bracket of its base and growth, or of its parts
                before = [x for x in figs[:j] if x.end <= opened]
                if before and not s.text[before[-1].end:opened].strip():
                    part = before[-1]
            if m is None or part.kind not in _LEVELS or part.is_range:
                continue
            if _CHANGE.search(chars_before(s.text, part.start, 6)):
                continue  # "净增 3771 万个，占比…": a change is no part
            # ("占公司营业总收入30%": the company's is the whole's owner, not its name)
            name = re.sub(r"^(?:公司|本公司)(?=.{2})", "", re.sub(r"\s+", "", next(g for g in m.groups() if g)))
            # "占比" names nothing; "占全球" names no measure (全球 of which?)
            if name.startswith("比") or len(name) < 3 and name not in _REVENUE_NAMES + _COMPANY_REVENUE:
                continue
            part_clause = s.text[clause_start(s.text, part.start, "，,；;。"):part.start]
            if name in _TOTALS and not _period(part) and _ONE_QUARTER.search(part_clause):
                continue  # "单季研发投入8.2亿元…占总营收6.73%" (cfb195): the paragraph's revenue is another period's
            if name in _REVENUE_NAMES and _REVENUE_WORD.search(part_clause):
                if m.re is _REVENUE_SHARE:
                    continue  # "海外营收 30 亿元，营收占比 20%" is a revenue's share of revenue: not this family
                # "云计算及IT基础设施业务收入达到28.59亿元，占营收比重38.57%": a segment's revenue of the
                # company's, the level written as the company's own (not another segment's), of the
                # part's own period (with none, a paragraph may hold another period's revenue)
                if not _period(part):
                    continue
                name = "收入"
            # a part with no period of its own is read against its paragraph's earlier sentences only
            # ("…天然气供应量 60.8 亿方…。其中，LNG 供应量为 25.8 亿方，…，占天然气供应量的 57.6%")
            scope = sents if _period(part) else [t for t in sents[:si + 1] if t.paragraph == s.paragraph]
            wholes = _wholes(scope, s, part, name)
            wide = not wholes and name.startswith("总") and scope is not sents
            if wide:
                # "占总成交额9.05%" after a paragraph that opens on the day's "成交额1.4亿元" (cft517): a total
                # named so is the article's, written before it
                wholes = _wholes(sents[:si + 1], s, part, name)
            if len({w.text for _, w in wholes}) > 1 and name in _REVENUE_NAMES:
                # "营业收入占比16.89%" with the company's 营收 and its products' written alike (cfg583): the one
                # written as the company's own
                wholes = [(ws, w) for ws, w in wholes if company_revenue(ws, w)]
            if len({w.text for _, w in wholes}) != 1:
                continue
            ws, w = wholes[0]
            if figure_interval(w).lo <= 0:
                continue
            # (in base units: 9883.38万元 of 5.52亿元, one unit at two scales)
            got = (interval(part) / interval(w)).scale(100)
            chk = interval_check(
                got, figure_interval(f, result=True), kind="share", stated=f.text, inputs=[part.text, w.text],
                relation=f"{part.text} / {w.text} = {f.text} ({name} of {part.period}, written elsewhere)" if part.period
                else f"{part.text} / {w.text} = {f.text} ({name}, written before it in its paragraph)",
                sentence=s.text, sentence_id=s.id, paragraph=s.paragraph, input_sentences=[s.text, ws.text],
                article=article.label,
            )
            if (wide or name.startswith("总") and name not in _clause(ws.text, w).replace(" ", "")
                    and name not in ws.bold_lead.replace(" ", "")) and name not in _COMPANY_REVENUE:
                # a whole written without its 总, or outside the part's paragraph, is read as the total by
                # its name alone ("应收账款228亿元，占总市值147%" beside another company's "总市值522亿元",
                # an item before, 349): a fit confirms
                chk = confirm_only(chk, "the whole is the total by its name alone")
            out.append(chk)
    return out


def _listed(s: Sentence, figs: list[Figure], k: int) -> list[tuple[Figure, Figure, float]] | None:
    """(level, share, scale) of a 、-list of shares at figs[k] and the 、-list of levels of as many items
    before it, past their list of growths; the levels before the last take its unit."""
    n = 1
    while k + n < len(figs) and figs[k + n].kind == FigureKind.PERCENT and _JOIN.match(s.text[figs[k + n - 1].end:figs[k + n].start]):
        n += 1
    if n < 2 or k < n:
        return None
    j = k
    if k >= 2 * n and all(x.kind == FigureKind.PERCENT for x in figs[k - n:k]):
        j = k - n  # the levels' growths between them and their shares
    levels = figs[j - n:j]
    last = levels[-1]
    if len(levels) != n or last.kind not in _LEVELS or any(x.kind not in (FigureKind.NUMBER, last.kind) or x.is_range
                                                           for x in levels) \
            or not all(_JOIN.match(s.text[a.end:b.start]) for a, b in zip(levels, levels[1:], strict=False)):
        return None
    return [(lv, sh, last.scale or 1.0) for lv, sh in zip(levels, figs[k:k + n], strict=True)]


def _list_checks(article: Article, sents: list[Sentence], si: int, s: Sentence,
                 pairs: list[tuple[Figure, Figure, float]], name: str) -> list[Check]:
    last = pairs[-1][0]
    if len(name) < 3 and name not in _REVENUE_NAMES + _COMPANY_REVENUE:
        return []
    scope = sents if _period(last) else [t for t in sents[:si + 1] if t.paragraph == s.paragraph]
    wholes = _wholes(scope, s, last, name)
    if len({w.text for _, w in wholes}) != 1:
        return []
    ws, w = wholes[0]
    whole = figure_interval(w).scale(w.scale or 1.0)
    if whole.lo <= 0:
        return []
    out = []
    for k, (level, share, scale) in enumerate(pairs):
        got = (figure_interval(level).scale(scale) / whole).scale(100)
        out.append(interval_check(
            got, figure_interval(share, result=True), kind="share", stated=share.text, inputs=[level.text, w.text],
            relation=f"{level.text} / {w.text} = {share.text} ({name}, written elsewhere; list item {k + 1})",
            sentence=s.text, sentence_id=s.id, paragraph=s.paragraph, input_sentences=[s.text, ws.text],
            article=article.label))
    return out


_JOIN = re.compile(r"^\s*(?:[\u4e00-\u9fa5/]{0,3})?\s*[、/]\s*[+\-]?\s*$")


def _wholes(sents: list[Sentence], own: Sentence, part: Figure, name: str) -> list[tuple[Sentence, Figure]]:
    """Levels of the part's unit and period (any, for a part with none), above it, whose clause (or
    bold lead) names the whole."""
    found = []
    for s in sents:
        for g in s.figures:
            if g.kind not in _LEVELS or g.is_range or unit_key(s, g) != unit_key(own, part) \
                    or _period(part) and not _same_period(_period(g), _period(part)) or s is own and g.start > part.start \
                    or g is part or (g.value or 0) * g.scale <= (part.value or 0) * part.scale:
                continue
            clause = _clause(s.text, g).replace(" ", "")
            if name in _COMPANY_REVENUE and name not in _REVENUE_NAMES:
                # "收入" names the company's revenue: its own level, written as the company's
                if company_revenue(s, g):
                    found.append((s, g))
                continue
            names = _REVENUE_NAMES if name in _REVENUE_NAMES else (name,)
            if any(n in clause or n in s.bold_lead.replace(" ", "") for n in names) \
                    or name.startswith("总") and len(name) >= 3 and _BARE.sub("", clause) == name[1:]:
                # "占总成交额54.98%" of "成交额3.4亿元": a whole written with no qualifier is the total
                found.append((s, g))
    return found


# the words around a bare whole's name in its clause: "，成交额为", "当日成交额达"
_BARE = re.compile(r"^[，,、\s]*(?:当日|当天|全天|今日)?|(?:为|达|约|达到|共|合计)*$")


def company_revenue(s: Sentence, g: Figure) -> bool:
    """A revenue level written as the company's own, not a segment's."""
    raw = s.text[clause_start(s.text, g.start, "，,；;。"):g.start]
    # ("2021年公司电源管理产品实现营收15.29亿元": a product line named after a date is a segment too)
    return measure_class(raw) == "revenue" and bool(COMPANY_LEVEL.search(raw)) and not SEGMENT_LABEL.search(s.text, 0, g.start) \
        and not _SEGMENT_WORD.search(raw)


_SEGMENT_WORD = re.compile(r"产品|(?<!主营)业务|板块|分部|事业部|系列")


# "（RAG 存储占 70%）" right after the whole: the bracket names the part
_PART_BRACKET = re.compile(r"^\s*[（(]\s*([^（()）\d%，,。；;]{2,12}?)\s*占比?\s*(?:约|为)?\s*$")


def find_named_parts(article: Article) -> list[Check]:
    if not mentions(article, _NEEDS):
        return []
    out: list[Check] = []
    for s in article.sentences:
        if s.kind not in ("prose", "list") or "占" not in s.text:
            continue
        figs = [f for f in s.figures if f.kind != FigureKind.DATE]
        for k, f in enumerate(figs):
            if f.kind != FigureKind.PERCENT or k == 0 or f.is_range or f.value is None:
                continue
            whole = figs[k - 1]
            m = _PART_BRACKET.match(s.text[whole.end:f.start])
            if m is None or whole.kind not in _LEVELS or whole.is_range or not re.match(r"\s*[)）]", s.text[f.end:]):
                continue
            name = re.sub(r"\s+", "", m.group(1))
            parts = [g for g in figs if g is not whole and g.kind in _LEVELS and not g.is_range
                     and unit_key(s, g) == unit_key(s, whole) and name in _clause(s.text, g).replace(" ", "")]
            if len(parts) != 1 or figure_interval(whole).lo <= 0:
                continue
            part = parts[0]
            got = (interval(part) / interval(whole)).scale(100)
            out.append(interval_check(
                got, figure_interval(f, result=True), kind="share", stated=f.text, inputs=[part.text, whole.text],
                relation=f"{part.text} / {whole.text} = {f.text} ({name}, named in the whole's bracket)",
                sentence=s.text, sentence_id=s.id, paragraph=s.paragraph, input_sentences=[s.text, s.text],
                article=article.label))
    return out


def _clause(text: str, g: Figure) -> str:
    return text[clause_start(text, g.start, "，,。；;：:（("):g.start]
