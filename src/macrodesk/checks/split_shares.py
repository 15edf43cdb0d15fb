"""A whole split into named parts whose shares add up to 100%, with each part's level written
beside it: "集中式、分布式新增光伏装机占比分别为 47%、53%。其中集中式新增 98.8GW…；分布式新增 121.8GW"
is 98.8 / (98.8 + 121.8); "2025Q2 集中式、分布式占比均为 50%" is each level over their sum."""

from __future__ import annotations

import re

from macrodesk.checks.gate import mentions
from macrodesk.checks.intervals import Interval, figure_interval, interval_sum
from macrodesk.checks.judging import Check, interval_check
from macrodesk.checks.levels import interval, unit_key
from macrodesk.checks.paragraphs import ParaText, paragraphs
from macrodesk.models import Article, Figure, FigureKind, Sentence
from macrodesk.text.clauses import clause_start

# "…占比分别为", "…比重分别是", "…占比均为": the shares of the parts named before it
_LEAD = re.compile(r"(?:占比|比重|份额)\s*(分别|均)?\s*(?:为|是|达|约)?")
_LIST_GAP = re.compile(r"^\s*[、/和及与]\s*$")
_NAME = r"[\u4e00-\u9fa5A-Za-z]"
_AMOUNTS = (FigureKind.MONEY, FigureKind.QUANTITY)
# a clause that writes a change, another period's level or a bound, not the part's level
_NOT_LEVEL = re.compile(r"同比|环比|较|比上|增加|减少|增长|下降|提升|回落|去年|上年|同期|超过|不足|以上|以下")


def _shares(para: ParaText, lead_end: int, many: bool) -> list[Figure]:
    """The share figures right after the lead: an 、-list (分别) or one figure (均)."""
    run: list[Figure] = []
    for f in para.figures:
        if f.start < lead_end:
            continue
        if not run:
            if f.kind != FigureKind.PERCENT or para.text[lead_end:f.start].strip():
                return []
            run.append(f)
            if not many:
                return run
        elif f.kind == FigureKind.PERCENT and _LIST_GAP.match(para.text[run[-1].end:f.start]):
            run.append(f)
        else:
            break
    return run


def _names(clause: str) -> list[list[str]] | None:
    """For each part named in the 、-list before the lead, the words that may name it again: the
    first part's endings ("2025 上半年国内集中式" -> "集中式"…), the last part's beginnings
    ("分布式新增光伏装机" -> "分布式"…), a middle part whole."""
    if re.search(r"[)）]", clause):
        return None  # the list is a bracket's ("休闲餐饮（咖啡 / 茶饮 / 烘焙等）占比"), not the parts'
    pieces = re.split(r"\s*[、/]\s*", clause.strip())
    if len(pieces) < 2:
        pieces = re.split(r"[和与及]", clause)
        if len(pieces) != 2:
            return None
    first = re.search(f"{_NAME}+$", pieces[0].rstrip())
    last = re.match(f"{_NAME}+", pieces[-1].lstrip())
    middle = [p.strip() for p in pieces[1:-1]]
    if not first or not last or not all(re.fullmatch(f"{_NAME}{{2,}}", p) for p in middle):
        return None
    a, z = first.group(0), last.group(0)
    return [[a[i:] for i in range(len(a) - 1)], *[[p] for p in middle],
            [z[:i] for i in range(len(z), 1, -1)]]


def _owner(clause: str, names: list[list[str]]) -> int | None:
    """The one part a level's clause names (by words no other part holds)."""
    hits = set()
    for i, words in enumerate(names):
        others = [w for j, ws in enumerate(names) if j != i for w in ws]
        if any(w in clause and not any(w in o for o in others) for w in words):
            hits.add(i)
    return hits.pop() if len(hits) == 1 else None


# every breakdown is read after its share word (_LEAD: 占比, 比重, 份额)
_NEEDS_LEAD = re.compile(r"占比|比重|份额")


def find_split_shares(article: Article) -> list[Check]:
    if not mentions(article, _NEEDS_LEAD):
        return []
    out: list[Check] = []
    for para in paragraphs(article):
        if "占比" not in para.text and "比重" not in para.text and "份额" not in para.text:
            continue
        for m in _LEAD.finditer(para.text):
            many = m.group(1) != "均"
            shares = _shares(para, m.end(), many)
            if not shares or m.group(1) is None and len(shares) < 2:
                continue  # "占比 47%" is one share, no breakdown
            start = clause_start(para.text, m.start(), "，,。；;：:（(")
            names = _names(para.text[start:m.start()])
            judged = [] if names is None or many and len(shares) != len(names) else _judge(para, shares, names, start)
            out.extend(judged)
            if not judged and many:
                out.extend(_closing(para, shares, start))
    return out


def _closing(para: ParaText, shares: list[Figure], list_start: int) -> list[Check]:
    """A breakdown's shares with no levels: confirmed when they add up to 100% ("活体 / 服务 / 食品
    占比 44.9%/37.7%/17.4%"), or to the share of the whole they break down, written before 其中
    ("占比 52.8%（1583 亿元），其中主粮 / 零食 / 营养品占比 35.7%/13.5%/3.6%"). Confirm-only: a list
    need not name every part."""
    written = [figure_interval(sh) for sh in shares]
    total = interval_sum(written)
    where = para.sentence_at(shares[0].start)
    parts = " + ".join(sh.text for sh in shares)
    which = para.text.find("其中", list_start, list_start + 2)
    parent = None
    if which >= 0 and "。" not in para.text[which:list_start]:
        before = [f for f in para.figures if f.kind == FigureKind.PERCENT and f.end <= which and not f.is_range]
        if before and re.search(r"(?:占比|比重|份额)\s*(?:为|达|约)?\s*$", para.text[:before[-1].start]) \
                and "。" not in para.text[before[-1].end:which]:
            parent = before[-1]
    if parent is not None:
        whole = figure_interval(parent, result=True)
        if not total.overlaps(whole):
            return []
        at = para.sentence_at(parent.start)
        return [Check(verdict="consistent", kind="sum", stated=parent.text, computed=f"{total.mid:.3f}",
                      computed_low=total.lo, computed_high=total.hi, inputs=[sh.text for sh in shares],
                      relation=f"{parts} = {parent.text} (the shares of its 其中-parts)", sentence=at.text,
                      sentence_id=at.id, paragraph=at.paragraph, input_sentences=[where.text], refutable=False,
                      note="a list need not name every part: a fit confirms")]
    return _last_is_rest(shares, where, [where.text], "the shares of a breakdown add up to 100%",
                         "a list need not name every part: a fit confirms")


def _judge(para: ParaText, shares: list[Figure], names: list[list[str]], list_start: int) -> list[Check]:
    n = len(names)
    # each share at its written digit (30% is 29.5-30.5 here: a result's wider reading would let
    # shares of different wholes add up to 100% by chance)
    total = interval_sum(figure_interval(sh) for sh in (shares if len(shares) == n else shares * n))
    if not total.lo <= 100 <= total.hi:
        return []  # the parts named are not the whole
    found: dict[str, list[list[Figure]]] = {}
    for f in para.figures:
        if f.kind not in _AMOUNTS or f.value is None or f.value <= 0 or f.is_range \
                or list_start <= f.start <= shares[-1].end:
            continue
        clause = para.own_clause(f)
        owner = _owner(clause, names)
        key = unit_key(para.sentence_at(f.start), f)
        if owner is None or key is None or _NOT_LEVEL.search(clause):
            continue
        found.setdefault(key, [[] for _ in names])[owner].append(f)
    units = [k for k, per in found.items() if all(len(fs) == 1 for fs in per)]
    if len(units) != 1 or any(len(fs) > 1 for k, per in found.items() for fs in per if k == units[0]):
        return []
    levels = [fs[0] for fs in found[units[0]]]
    whole = interval_sum(interval(f) for f in levels)
    share_sentence = para.sentence_at(shares[0].start)
    level_sentences = [para.sentence_at(f.start).text for f in levels]
    whole_text = " + ".join(f.text for f in levels)
    checks: list[Check] = []
    for i, f in enumerate(levels):
        stated = shares[i] if len(shares) == n else shares[0]
        got = Interval(interval(f).lo / whole.hi, interval(f).hi / whole.lo).scale(100)
        chk = interval_check(
            got, figure_interval(stated, result=True), kind="share", stated=stated.text,
            inputs=[f.text, *(x.text for x in levels if x is not f)],
            relation=f"{f.text} / ({whole_text}) = {stated.text} (the shares of the parts named add up to 100%)",
            sentence=share_sentence.text, sentence_id=share_sentence.id,
            paragraph=share_sentence.paragraph, derived=True, input_sentences=level_sentences,
        )
        checks.append(chk)
    if len(shares) < n:
        # one share written for every part ("均为 50%"): one relation, wrong if any part is
        worst = next((c for c in checks if c.verdict == "inconsistent"), checks[0])
        return [worst]
    return checks


# a share's own words right before it: "占比 23%", "（占比 23%）", "占 70%", "份额 42%", "渗透率 29.6%"
# ("北美洲收入占总收入的18.6%": a whole named after 占 and its 的)
_SHARE_WORD = re.compile(r"(?:占比|份额|比重|渗透率|市占率|占有率|(?<![\u4e00-\u9fa5])占|[\u4e00-\u9fa5]占|(?<!各)占总?[\u4e00-\u9fa5]{1,6}的)"
                         r"\s*(?:为|达到?|约为?)?\s*[（(]?\s*$")
_NOT_SHARE = re.compile(r"同比|环比|较|增|降|提升|下滑|回落|超|近|以上|不足|合计|累计|CAGR|复合")


# every share is read after its share word (_SHARE_WORD: 占比, 份额, 比重, 渗透率, 市占率, 占有率, 占)
_NEEDS = re.compile(r"占|份额|比重|渗透率")


def find_closing_shares(article: Article) -> list[Check]:
    """Shares of one sentence, each written with its own words, that add up to 100%: the parts
    close the whole ("一线城市（占比 23%）、二线城市（占比 12%）和低线城市（占比 65%）", "天然气重卡渗透率
    29.6%，电动重卡渗透率 12.8%，柴油类重卡占比 57.6%"). Confirm-only: the last share is the rest."""
    if not mentions(article, _NEEDS):
        return []
    out: list[Check] = []
    for para in paragraphs(article):
        if "%" not in para.text or not _NEEDS.search(para.text):
            continue
        # the shares of each sentence (to its 。), in one pass over the paragraph's figures
        by_sentence: dict[int, list[Figure]] = {}
        for f in para.figures:
            if f.kind != FigureKind.PERCENT or f.is_range or f.value is None:
                continue
            clause = para.text[clause_start(para.text, f.start, "，,；;。：:、"):f.start]
            if _SHARE_WORD.search(clause) and not _NOT_SHARE.search(clause) and f.value > 0 \
                    and para.text[f.start:f.end].lstrip()[:1] not in "+-−－":
                by_sentence.setdefault(para.text.count("。", 0, f.start), []).append(f)
        for _, shares in sorted(by_sentence.items()):
            if len(shares) >= 2:
                out.extend(_closing_rest(para, shares))
    return out


def _closing_rest(para: ParaText, shares: list[Figure]) -> list[Check]:
    return _last_is_rest(shares, para.sentence_at(shares[-1].start),
                         [para.sentence_at(sh.start).text for sh in shares[:-1]], "the shares written add up to 100%",
                         "shares of one sentence that add up to 100%: the last is the rest (a fit confirms)")


def _last_is_rest(shares: list[Figure], where: Sentence, sources: list[str], why: str, note: str) -> list[Check]:
    """When the shares add up to 100% at their written digits, the last is confirmed as the rest."""
    written = [figure_interval(sh) for sh in shares]
    total = interval_sum(written)
    if not total.lo <= 100 <= total.hi:
        return []
    rest = interval_sum(written[:-1])
    last = shares[-1]
    got = Interval(100 - rest.hi, 100 - rest.lo)
    return [Check(verdict="consistent", kind="sum", stated=last.text, computed=f"{got.mid:.3f}",
                  computed_low=got.lo, computed_high=got.hi, inputs=[sh.text for sh in shares[:-1]],
                  relation=f"100% - ({' + '.join(sh.text for sh in shares[:-1])}) = {last.text} ({why})",
                  sentence=where.text, sentence_id=where.id, paragraph=where.paragraph,
                  input_sentences=sources, refutable=False, note=note)]
