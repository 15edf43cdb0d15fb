"""Ranking the sentences of articles as digest items, shared by both engines: what a sentence
is worth to a trader by the article's own structure, how an item is condensed, and how ten
items are spread over articles and sections without repeats."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from functools import lru_cache

from macrodesk.errors import InsufficientMaterialError
from macrodesk.figures import extract_figures
from macrodesk.lexicon import find_themes
from macrodesk.models import (
    Article,
    FigureKind,
    Sentence,
)
from macrodesk.reading.outline import section_kind, strip_numbering
from macrodesk.reading.subjects import single_company
from macrodesk.text.similarity import bigrams
from macrodesk.text.similarity import containment as similarity

ITEM_COUNT = 10

_RISK_SECTION = re.compile(r"^(?:主要|潜在|相关)?风险$|风险提示|风险因素|风险分析|主要风险|风险与不确定")
_CONCLUSION = re.compile(r"综上|总之|总的来看|总体来看|综合来看|我们认为|我们预计|预计|展望|有望|建议|看好|值得关注|关注|意味着|表明|显示")
_VIEW = re.compile(r"认为|看好|受益|催化|推升|支撑|驱动|拐点|逻辑|机会|布局|战略")
_DATA_LEAD = re.compile(r"^(?:[^，。]{1,8}[：:，,])?(?:本周|上周|根据[^，。]{1,12}数据)")
_FORECAST = re.compile(r"预计|展望|有望|或将|将会|料将|预期|目标")
_TRADING = re.compile(
    r"关税|出口|进口|降息|加息|利率|美联储|央行|通胀|CPI|PPI|GDP|PMI|社融|信贷|汇率|人民币|美元|美债|"
    r"收益率|ETF|板块|指数|估值|盈利|业绩|需求|订单|价格|同比|环比|增速|库存|资本开支|投资|贸易|财政|政策|"
    r"降准|流动性|油价|金价|景气"
)
_NOISE = re.compile(r"个股|涨幅居前|跌幅居前|涨幅前|跌幅前|减持|增持股份|权益分派|派发现金红利|股东大会|公告|招商引资|董事|监事")
_LEAD_CONNECTOR = re.compile(
    r"^(?:此外|另外|同时|与此同时|具体来看|具体而言|从数据来看|从结构来看|整体来看|总体来看|总的来看|"
    r"综合来看|综上所述|综上|总之|值得注意的是|需要注意的是|相比之下|与之相比|其中|而且|不过|但是|但|而|因此|所以|可见)[，,：:]?"
)
# a short label before a colon ("观点分歧：", "前言：") frames the sentence; the fact follows it
# Only framing labels go; a label that says whose view it is ("部分投资者的观点：") stays.
_LABEL = re.compile(
    r"^(?:\*\*)?(?:前言|导语|引言|摘要|要点|核心观点|主要观点|结论|核心结论|点评|背景|总结|观点分歧|"
    r"需求|供给|价格|库存|盈利|策略|事件|数据)(?:\*\*)?[：:](?!\d)"
)
_TITLE_DATE = re.compile(r"^\s*(?:\d{4}[.\-/年]\d{1,2}[.\-/月]\d{1,2}日?|\d{4}年\d{1,2}月)\s*")
_CHART_AXIS = re.compile(r"[（(](?:左|右)(?:轴)?[)）]|[（(]右[,，]")
_TOKEN_LIST = re.compile(r"、[A-Za-z0-9.]{1,6}(?=、)")
_CHART_TALK = re.compile(r"呈现出?一定|在不同时间段|在一定时期内|有所波动|有波动|如图|见图|如下图|下图")
_INLINE_MARKER = re.compile(r"^(?:\d{1,2}[)）]|[（(](?:\d{1,2}|[一二三四五六七八九十]{1,3})[)）]|[①②③④⑤⑥⑦⑧⑨⑩])\s*")
# "详见正文" and the like point elsewhere in the source; in a post they point nowhere
_POINTER_TAIL = re.compile(r"[，,；;]\s*(?:详见|参见|见)(?:正文|下文|后文|附录|图表?\s*\d*)[。.]?$")
_DANGLING = re.compile(r"^\s*(?:若|如果|如若|一旦|假设|假如|倘若|虽然|尽管|即使|只要|除非|不仅|一方面)")
MAX_ITEM_CHARS = 90
MAX_CLAUSE_WINDOW = 120


@dataclass
class Candidate:
    """A source sentence with the engine's reasons to pick it."""

    article: int
    sentence: Sentence
    score: float
    group: tuple[int, int]  # (article, top-level section): the unit of spread
    condensed: str = ""
    bigrams: frozenset[str] = field(default_factory=frozenset)
    figure_keys: frozenset = field(default_factory=frozenset)


def clean_heading(text: str) -> str:
    """A heading without its numbering; the reading stage's rule, which never eats a year."""
    return strip_numbering(text)


def clean_title(title: str) -> str:
    return _TITLE_DATE.sub("", title).strip() or title.strip()


def _split_clauses(text: str) -> list[str]:
    """Clauses at ，；： outside brackets."""
    out, buf, depth = [], [], 0
    for ch in text:
        buf.append(ch)
        if ch in "（(“《【":
            depth += 1
        elif ch in "）)”》】" and depth:
            depth -= 1
        elif ch in "，；：,;" and depth == 0:
            out.append("".join(buf))
            buf = []
    if buf:
        out.append("".join(buf))
    return out


def _end(text: str) -> str:
    text = text.rstrip(" ，；：,;:、")
    return text if text.endswith(("。", "！", "？", "”")) else text + "。"


def condense(text: str, limit: int = MAX_ITEM_CHARS) -> str:
    """The factual clause of a sentence: drop a leading connective and, if still long, keep the
    leading clauses up to the last one that carries a figure. Never rewrites a word."""
    text = _LEAD_CONNECTOR.sub("", _LABEL.sub("", _INLINE_MARKER.sub("", text.strip()))).strip()
    text = _POINTER_TAIL.sub("", text)
    if len(text) <= limit:
        return _end(text)
    clauses = _split_clauses(text)
    if len(clauses) == 1:
        return _end(text)
    keep: list[str] = []
    total = 0
    last_with_figure = 0
    for i, clause in enumerate(clauses):
        if total + len(clause) > MAX_CLAUSE_WINDOW and keep:
            break
        keep.append(clause)
        total += len(clause)
        if any(f.kind != FigureKind.DATE for f in extract_figures(clause)):
            last_with_figure = i
    if last_with_figure + 1 < len(keep) and sum(len(c) for c in keep[: last_with_figure + 1]) >= 20:
        keep = keep[: last_with_figure + 1]
    while len(keep) > 1 and sum(len(c) for c in keep) > limit and not any(
        f.kind != FigureKind.DATE for f in extract_figures(keep[-1])
    ):
        keep.pop()
    if len(keep) < len(clauses):
        # a condition or concession without its consequence says something else: drop it
        while len(keep) > 1 and _DANGLING.match(keep[-1]):
            keep.pop()
    return _end("".join(keep))


@lru_cache(maxsize=65536)
def _themes_in(text: str) -> tuple:
    """Theme hits of a text; scoring and sector detection ask for the same sentences."""
    return tuple(find_themes(text))


def _section_kind(title: str) -> str:
    """The reading stage's section kinds: one rule set for engines and checkers."""
    return section_kind(title)


def score_sentence(s: Sentence, first_in_paragraph: bool, after_heading: bool = False) -> float:
    """How much a trader needs this sentence, from structure, figures and content words."""
    text = s.text
    kind = _section_kind(s.section)
    if kind in ("skip", "risk") or s.kind in ("table", "heading"):
        return -1.0
    if len(text) < 12 or text.endswith(("？", "?")) or text.startswith(("问题", "答案", "图", "表", "资料来源", "数据来源")):
        return -1.0
    if _CHART_AXIS.search(text) or len(_TOKEN_LIST.findall(text)) >= 4:
        return -1.0  # a chart described in words (axes, tick labels): not an argument
    score = 1.0
    if _CHART_TALK.search(text):
        score -= 1.5
    numeric = [f for f in s.figures if f.kind not in (FigureKind.DATE, FigureKind.NUMBER)]
    score += 0.7 * min(3, len(numeric))
    if len(numeric) > 4:
        score -= 0.3 * (len(numeric) - 4)  # a row of data points is a table read aloud, not a view
    if any(f.kind == FigureKind.DATE for f in s.figures):
        score += 0.3
    if kind == "core":
        score += 3.0
    if s.section_index == 0:
        score += 1.0
    if s.bold_lead:
        score += 1.0
    if first_in_paragraph:
        score += 0.4
    if after_heading and first_in_paragraph:
        score += 1.0  # the topic sentence under a heading states what the section argues
    if s.kind == "list":
        score += 0.2
    if _CONCLUSION.search(text):
        score += 1.0
    if _VIEW.search(text):
        score += 0.8
    if _DATA_LEAD.match(text):
        score -= 0.8
    if _FORECAST.search(text):
        score += 0.4
    score += min(1.5, 0.25 * len(_TRADING.findall(text)))
    score += min(0.9, 0.3 * len({h.theme for h in _themes_in(text)}))
    if _NOISE.search(text):
        score -= 2.5
    if len(re.findall(r"[（(][+\-]?\d+(?:\.\d+)?%[)）]", text)) >= 3:
        score -= 2.0  # lists of stock or sub-index moves: noise for a macro reader
    if len(text) > 160:
        score -= 0.5
    return score


_COMPANY_DEMOTION = 1.5
# a date, or a bare number ("1-6 月" read as 1), is shared by unrelated facts: no sign of a repeat
_NOT_FACTS = (FigureKind.DATE, FigureKind.NUMBER)
_YEAR = re.compile(r"(?<!\d)((?:19|20)\d{2})(?:\s*年|[-/.]\d)")


def _is_history(s: Sentence, year: int) -> bool:
    """Every year the sentence names lies two or more years before publication, and it
    forecasts nothing."""
    years = [int(y) for y in _YEAR.findall(s.text)]
    return bool(years) and max(years) <= year - 2 and not _FORECAST.search(s.text)


def rank_candidates(articles: list[Article]) -> list[Candidate]:
    """Every usable sentence of every article, scored, best first (the LLM engine reuses this)."""
    out: list[Candidate] = []
    for ai, art in enumerate(articles):
        seen_paragraphs: set[int] = set()
        order = [p.index for p in art.paragraphs]
        kinds = {p.index: p.kind for p in art.paragraphs}
        after_heading = {b for a, b in zip(order, order[1:], strict=False) if kinds[a] == "heading"}
        for s in art.sentences:
            first = s.paragraph not in seen_paragraphs
            seen_paragraphs.add(s.paragraph)
            sc = score_sentence(s, first, s.paragraph in after_heading)
            if sc > 0 and art.published and _is_history(s, art.published.year):
                sc -= 1.5  # history told as background: the latest period is what a trader needs
            if sc > 0 and single_company(s, art.title):
                sc -= _COMPANY_DEMOTION  # one company's news in a piece about a market or a sector
            if sc <= 0:
                continue
            condensed = condense(s.text)
            out.append(Candidate(
                article=ai, sentence=s, score=sc, group=(ai, s.section_index), condensed=condensed,
                bigrams=bigrams(condensed),
                figure_keys=frozenset(f.key() for f in s.figures if f.kind not in _NOT_FACTS),
            ))
    out.sort(key=lambda c: (-c.score, c.article, c.sentence.paragraph, c.sentence.id))
    return out


def _is_repeat(c: Candidate, chosen: list[Candidate], threshold: float = 0.6) -> bool:
    for o in chosen:
        sim = similarity(c.bigrams, o.bigrams)
        if sim >= threshold:
            return True
        shared = c.figure_keys & o.figure_keys
        # the same figures told twice (a lead and its later detail) are one fact
        if len(shared) >= 2 or (shared and sim >= 0.2):
            return True
    return False


def select_facts(cands: list[Candidate], n: int = ITEM_COUNT) -> list[Candidate]:
    """The n best candidates, spread over sections and articles, none repeating another."""
    groups = {c.group for c in cands}
    quota = max(2, math.ceil(n / max(1, len(groups))) + 1)
    core_groups = {c.group for c in cands if _section_kind(c.sentence.section) == "core"}
    # the author's own core views earn up to half of the items; the rest spread over the body
    core_quota = max(quota, math.ceil(n * 0.5))
    chosen: list[Candidate] = []
    articles = sorted({c.article for c in cands})
    if 1 < len(articles) <= n:
        # a day's post speaks for every article in it: each one's best fact first
        for a in articles:
            best = next((c for c in cands if c.article == a and not _is_repeat(c, chosen)), None)
            if best is not None:
                chosen.append(best)
    for relax in (False, True):
        per_group: dict[tuple[int, int], int] = {}
        for c in chosen:
            per_group[c.group] = per_group.get(c.group, 0) + 1
        for c in cands:
            if len(chosen) >= n:
                break
            if c in chosen or _is_repeat(c, chosen):
                continue
            limit = core_quota if c.group in core_groups else quota
            if not relax and per_group.get(c.group, 0) >= limit:
                continue
            chosen.append(c)
            per_group[c.group] = per_group.get(c.group, 0) + 1
    chosen.sort(key=lambda c: (c.article, c.sentence.paragraph, c.sentence.id))
    return chosen


def _bold_key_clause(sentence: str) -> str:
    """Bold the clause a reader should not miss: the one with a conclusion or the most figures."""
    clauses = _split_clauses(sentence.rstrip("。"))
    best, best_score = -1, 0.0
    for i, cl in enumerate(clauses):
        body = cl.rstrip("，；：,;")
        if len(body) < 4 or len(body) > 40:
            continue
        sc = len([f for f in extract_figures(body) if f.kind != FigureKind.DATE]) + (1.5 if _CONCLUSION.search(body) else 0)
        if sc > best_score:
            best, best_score = i, sc
    if best < 0:
        return sentence
    cl = clauses[best]
    body = cl.rstrip("，；：,;")
    clauses[best] = f"**{body}**" + cl[len(body):]
    return "".join(clauses) + ("。" if sentence.endswith("。") else "")


def require_items(found: int, articles: list[Article], allow_short: bool,
                  warnings: list[str]) -> None:
    """Fewer than ten distinct facts: an InsufficientMaterialError, or with `allow_short` a
    warning. Both engines hold a post to this one rule: macrodesk never pads or repeats."""
    if found >= ITEM_COUNT:
        return
    msg = (f"only {found} distinct facts in the source(s); a post needs {ITEM_COUNT} "
           "and macrodesk does not pad or repeat")
    if not allow_short:
        raise InsufficientMaterialError(msg, source=", ".join(a.label for a in articles),
                                        hint="add more articles, or pass --force for a short post")
    warnings.append(msg)
