"""The embedded engine: offline and deterministic. It reads the article's own structure (core
views, numbered points, bold lead-ins, conclusions) and fills the Digest with source clauses only."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from functools import lru_cache

from .. import etf
from ..arithmetic import check_article
from ..config import Config
from ..errors import InsufficientMaterialError
from ..figures import extract_figures
from ..lexicon import find_themes, themes
from ..lint import near_duplicate
from ..models import (
    Article,
    Digest,
    Fact,
    FigureKind,
    Risk,
    SectorRow,
    Sentence,
    SourceRef,
    Step,
)
from . import register

ITEM_COUNT = 10

_CORE_SECTION = re.compile(r"核心观点|投资要点|核心结论|主要观点|摘要|要点|结论|观点总结|投资建议|核心逻辑")
_RISK_SECTION = re.compile(r"^(?:主要|潜在|相关)?风险$|风险提示|风险因素|风险分析|主要风险|风险与不确定")
_SKIP_SECTION = re.compile(r"关键问题|问答|Q&A|免责|声明|评级说明|附录|参考文献|重点公告|公司公告|个股|行情回顾|本周行情|周表现|涨跌幅")
_CONCLUSION = re.compile(r"综上|总之|总的来看|总体来看|综合来看|我们认为|我们预计|预计|展望|有望|建议|看好|值得关注|关注|意味着|表明|显示")
_VIEW = re.compile(r"认为|看好|受益|催化|推升|支撑|驱动|拐点|逻辑|机会|布局|战略")
_DATA_LEAD = re.compile(r"^(?:[^，。]{1,8}[：:，,])?(?:本周|上周|根据[^，。]{1,12}数据|截至|截止)")
_FORECAST = re.compile(r"预计|展望|有望|或将|将会|料将|预期|目标")
_TRADING = re.compile(
    r"关税|出口|进口|降息|加息|利率|美联储|央行|通胀|CPI|PPI|GDP|PMI|社融|信贷|汇率|人民币|美元|美债|"
    r"收益率|ETF|板块|指数|估值|盈利|业绩|需求|订单|价格|同比|环比|增速|库存|资本开支|投资|贸易|财政|政策|"
    r"降准|流动性|油价|金价|景气"
)
_NOISE = re.compile(r"个股|涨幅居前|跌幅居前|涨幅前|跌幅前|减持|增持股份|权益分派|派发现金红利|股东大会|公告|招商引资|董事|监事")
_RISK_CUE = re.compile(r"风险|不确定|若|如果|一旦|警惕|扰动|不及预期|超预期|下行压力|拖累|冲击")
_POS = re.compile(r"受益|利好|看好|景气|增长|提升|回升|改善|修复|韧性|上行|上涨|上升|强势|维稳|走强|扩张|加速|支撑|拉动|高增|突破|机遇|机会|推荐|超配|有望|增量|领先|旺盛|向好|提振")
_NEG = re.compile(r"承压|拖累|扰动|下滑|下降|回落|走弱|冲击|压制|放缓|萎缩|透支|疲软|低迷|下跌|亏损|减少|受损|利空|收缩|不及预期|过剩|内卷|风险|压力|制裁|限制|加征")
_NEGATION = re.compile(r"(?:不|未|没有|难以|并非|无)$")
_EASING = re.compile(r"^(?:缓解|减轻|收窄|减弱|消退|边际改善|有所缓和)")
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
_NUMBERING = re.compile(r"^(?:[一二三四五六七八九十]+[、．.]|[（(][一二三四五六七八九十\d]+[)）]|\d+(?:\.\d+)*[、.．]?|第[一二三四五六七八九十]+[，、：:]?)\s*")
_TITLE_DATE = re.compile(r"^\s*(?:\d{4}[.\-/年]\d{1,2}[.\-/月]\d{1,2}日?|\d{4}年\d{1,2}月)\s*")
_CHART_AXIS = re.compile(r"[（(](?:左|右)(?:轴)?[)）]|[（(]右[,，]")
_TOKEN_LIST = re.compile(r"、[A-Za-z0-9.]{1,6}(?=、)")
_CHART_TALK = re.compile(r"呈现出?一定|在不同时间段|在一定时期内|有所波动|有波动|如图|见图|如下图|下图")
_ADVICE_LINE = re.compile(r"^(?:\*\*)?(?:策略|建议|投资建议|配置建议|操作建议)(?:\*\*)?[：:]")
_RISK_LIST = re.compile(r"^(?:\*\*)?风险(?:提示|因素)(?:\*\*)?[：:]\s*")
_INLINE_MARKER = re.compile(r"^(?:\d{1,2}[)）]|[（(]\d{1,2}[)）]|[①②③④⑤⑥⑦⑧⑨⑩])\s*")
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


def bigrams(text: str) -> frozenset[str]:
    t = re.sub(r"[\s，。；：、,.;:（）()“”\"'！？!?*]", "", text)
    return frozenset(t[i:i + 2] for i in range(len(t) - 1))


def similarity(a: frozenset[str], b: frozenset[str]) -> float:
    """Overlap relative to the smaller set: a condensed copy of a sentence counts as a repeat."""
    if not a or not b:
        return 0.0
    return len(a & b) / min(len(a), len(b))


def clean_heading(text: str) -> str:
    text = _NUMBERING.sub("", text.strip())
    return text.strip(" ：:。，")


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


@lru_cache(maxsize=4096)
def _section_kind(title: str) -> str:
    title = clean_heading(title)
    if _RISK_SECTION.search(title):
        return "risk"
    if _SKIP_SECTION.search(title):
        return "skip"
    if _CORE_SECTION.search(title):
        return "core"
    return "body"


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
            if sc <= 0:
                continue
            condensed = condense(s.text)
            out.append(Candidate(
                article=ai, sentence=s, score=sc, group=(ai, s.section_index), condensed=condensed,
                bigrams=bigrams(condensed),
                figure_keys=frozenset(f.key() for f in s.figures if f.kind != FigureKind.DATE),
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


class ExtractiveEngine:
    name = "extractive"

    def __init__(self, config: Config | None = None):
        self.config = config or Config()

    def digest(self, articles: list[Article], allow_short: bool = False) -> Digest:
        if not articles:
            raise InsufficientMaterialError("no articles to digest")
        # a sentence whose own arithmetic does not hold is never repeated as a fact
        inconsistent = [c for a in articles for c in check_article(a) if c.verdict == "inconsistent"]
        doubtful = {c.sentence_id for c in inconsistent}
        cands = [c for c in rank_candidates(articles) if c.sentence.id not in doubtful]
        chosen = select_facts(cands)
        warnings: list[str] = []
        if len(chosen) < ITEM_COUNT:
            msg = (f"only {len(chosen)} distinct facts in the source(s); a post needs {ITEM_COUNT} "
                   "and macrodesk does not pad or repeat")
            if not allow_short:
                raise InsufficientMaterialError(msg, source=", ".join(a.label for a in articles),
                                                hint="add more articles, or pass --force for a short post")
            warnings.append(msg)
        facts = [Fact(text=c.condensed, sentence_id=c.sentence.id, source_sentence=c.sentence.text,
                      figures=[f for f in c.sentence.figures], score=round(c.score, 3),
                      section=c.sentence.section) for c in chosen]
        bullish, bearish = self._sectors(articles, cands)
        core = self._core_logic(cands, chosen)
        return Digest(
            headline=self._headline(articles, cands),
            overview=self._overview(articles, cands),
            facts=facts,
            event_overview=self._event_overview(articles, cands),
            steps=self._steps(articles, cands),
            core_logic=core,
            bullish=bullish,
            bearish=bearish,
            allocation=self._allocation(cands, core, bullish, bearish),
            risks=_data_check_notes(inconsistent) + self._risks(articles, cands, chosen),
            disclaimer=self.config.disclaimer,
            sources=[SourceRef(title=a.title, url=a.url, source=a.source, path=a.path,
                               published=a.published) for a in articles],
            engine=self.name,
            warnings=warnings,
        )

    # -- sections of the post ------------------------------------------------------------

    def _headline(self, articles: list[Article], cands: list[Candidate]) -> str:
        if len(articles) == 1:
            return clean_title(articles[0].title) or "宏观研究"
        weight: dict[int, float] = {}
        for c in cands[:30]:
            weight[c.article] = weight.get(c.article, 0) + c.score
        top = max(weight, key=lambda k: (weight[k], -k)) if weight else 0
        return f"{clean_title(articles[top].title)}等{len(articles)}篇研究"

    def _overview(self, articles: list[Article], cands: list[Candidate]) -> str:
        """80-300 characters from the lead and the conclusions, key clauses in bold."""
        picked: list[str] = []
        seen: list[frozenset[str]] = []

        def add(text: str) -> None:
            bg = bigrams(text)
            if any(similarity(bg, s) >= 0.6 for s in seen):
                return
            seen.append(bg)
            picked.append(text)

        for ai, _art in enumerate(articles[:3]):
            lead = [c for c in cands if c.article == ai and (c.sentence.section_index == 0 or _section_kind(c.sentence.section) == "core")]
            lead.sort(key=lambda c: (c.sentence.paragraph, c.sentence.id))
            if lead:
                add(condense(lead[0].sentence.text, 110))
        for c in cands:
            if sum(map(len, picked)) >= 150:
                break
            if _FORECAST.search(c.sentence.text) or _CONCLUSION.search(c.sentence.text):
                add(condense(c.sentence.text, 100))
        for c in cands:
            if sum(map(len, picked)) >= 80:
                break
            add(c.condensed)
        while len(picked) > 1 and sum(map(len, picked)) > 300:
            picked.pop()
        text = "".join(_bold_key_clause(p) for p in picked)
        if len(text.replace("*", "")) > 300:
            text = text[:300]
            text = text[: max(text.rfind("，"), text.rfind("。"))] + "。"
            if text.count("**") % 2:
                text = text.replace("**", "")
        return text

    def _event_overview(self, articles: list[Article], cands: list[Candidate]) -> list[str]:
        paras: list[str] = []
        if len(articles) > 1:
            names = "、".join(f"《{clean_title(a.title)}》" for a in articles[:8])
            more = f"等{len(articles)}篇" if len(articles) > 8 else f"共{len(articles)}篇"
            paras.append(f"本期摘要综合以下来源：{names}{more}。")
        for art in articles[:2]:
            prose = [s for s in art.sentences if s.kind not in ("table", "heading") and _section_kind(s.section) not in ("skip", "risk")
                     and len(s.text) >= 12 and not s.text.endswith(("？", "?"))]
            if not prose:
                continue
            first_para = prose[0].paragraph
            text = "".join(s.text for s in prose if s.paragraph == first_para)
            if len(text) > 260:
                text = condense(prose[0].text, 200)
            if len(text) < 60 and len(prose) > 1:
                text += condense(prose[1].text, 150)
            paras.append(text)
            if len(paras) >= 3:
                break
        return paras[:3] or [articles[0].title]

    def _steps(self, articles: list[Article], cands: list[Candidate]) -> list[Step]:
        """One step per main section of the argument, titled from the author's own heading."""
        by_group: dict[tuple[int, int], list[Candidate]] = {}
        for c in cands:
            by_group.setdefault(c.group, []).append(c)
        sections: list[tuple[tuple[int, int], str]] = []
        for ai, art in enumerate(articles):
            seen: set[int] = set()
            for p in art.paragraphs:
                if p.kind == "heading" and p.section_index not in seen and p.section == p.text:
                    seen.add(p.section_index)
                    if _section_kind(p.text) in ("skip", "risk"):
                        continue
                    if (ai, p.section_index) in by_group:
                        sections.append(((ai, p.section_index), clean_heading(p.text)))
        if len(sections) < 3:
            sections = self._subsections(articles, cands, by_group) or self._pseudo_sections(articles, by_group) or sections
        if len(sections) > 6:
            best = sorted(sections, key=lambda s: -max(c.score for c in by_group[s[0]]))[:6]
            sections = [s for s in sections if s in best]
        steps: list[Step] = []
        for group, title in sections:
            pts: list[Candidate] = []
            for c in by_group.get(group, []):
                if len(pts) >= 2:
                    break
                if not _is_repeat(c, pts, 0.5):
                    pts.append(c)
            if pts:
                steps.append(Step(title=title or clean_heading(pts[0].sentence.text[:20]),
                                  points=[c.condensed for c in pts],
                                  sentence_ids=[c.sentence.id for c in pts]))
        return steps

    def _subsections(self, articles, cands, by_group) -> list[tuple[tuple[int, int], str]]:
        """With fewer than three main sections, the next heading level down carries the steps."""
        out: list[tuple[tuple[int, int], str]] = []
        for ai, art in enumerate(articles):
            under: dict[int, int] = {}
            titles: dict[int, str] = {}
            current = -1
            for p in art.paragraphs:
                if p.kind == "heading":
                    if _section_kind(p.section) in ("skip", "risk") or _section_kind(p.text) in ("skip", "risk"):
                        current = -1
                        continue
                    current = p.index
                    titles[current] = clean_heading(p.text)
                elif current >= 0:
                    under[p.index] = current
            groups: dict[int, list[Candidate]] = {}
            for c in cands:
                if c.article == ai and c.sentence.paragraph in under:
                    groups.setdefault(under[c.sentence.paragraph], []).append(c)
            for head, members in sorted(groups.items()):
                grp = (ai, 2000 + head)
                by_group[grp] = members
                out.append((grp, titles[head]))
        return out if len(out) >= 3 else []

    def _pseudo_sections(self, articles, by_group) -> list[tuple[tuple[int, int], str]]:
        """Without enough headings, split the text in paragraph runs; a run's title is its bold
        lead or its first clause, both the author's words."""
        out = []
        for ai in range(len(articles)):
            cs = [c for g, lst in by_group.items() if g[0] == ai for c in lst]
            if not cs:
                continue
            paras = sorted({c.sentence.paragraph for c in cs})
            k = min(4, max(1, len(paras) // 2))
            size = math.ceil(len(paras) / k)
            for part in range(k):
                chunk = set(paras[part * size:(part + 1) * size])
                members = [c for c in cs if c.sentence.paragraph in chunk]
                if not members:
                    continue
                grp = (ai, 1000 + part)
                by_group[grp] = sorted(members, key=lambda c: -c.score)
                first = min(members, key=lambda c: (c.sentence.paragraph, c.sentence.id))
                title = first.sentence.bold_lead or _split_clauses(first.sentence.text)[0].rstrip("，；：,;。")
                if len(title) > 24:
                    title = title[:24].rstrip("，、") + "…"
                out.append((grp, title))
        return out

    def _core_logic(self, cands: list[Candidate], chosen: list[Candidate]) -> str:
        used = {c.sentence.id for c in chosen}
        # the author's own bottom line, preferably one the ten items have not already said
        for fresh in (True, False):
            for pattern in (r"我们认为|核心逻辑|主线|建议|看好|配置", r"关注|有望|预计|展望"):
                for c in cands:
                    if fresh and c.sentence.id in used:
                        continue
                    if re.search(pattern, c.sentence.text):
                        return condense(c.sentence.text, 110)
        return chosen[0].condensed if chosen else ""

    def _sectors(self, articles: list[Article], cands: list[Candidate]) -> tuple[list[SectorRow], list[SectorRow]]:
        """Themes the articles name, the direction the author gives them, and the words that say so.

        The author's headings and core views weigh most; sentences that only report data
        (prices, output, inventories) are not a stance and do not vote."""
        tally: dict[str, float] = {}
        said: dict[str, list[tuple[float, int, str, str]]] = {}
        evidence: dict[str, tuple[float, str, str]] = {}
        theme_map = themes()
        for art in articles:
            for s in art.sentences:
                kind = _section_kind(s.section)
                if s.kind == "table" or kind in ("skip", "risk"):
                    continue
                numeric = [f for f in s.figures if f.kind not in (FigureKind.DATE, FigureKind.NUMBER)]
                if s.kind != "heading" and (len(numeric) >= 3 or _DATA_LEAD.match(s.text)):
                    continue
                weight = 3.0 if s.kind == "heading" else (2.0 if kind == "core" else 1.0)
                found = _themes_in(s.text)
                if not found:
                    continue  # most sentences name no sector: skip the clause work
                units = [clean_heading(s.text)] if s.kind == "heading" else _split_clauses(s.text)
                for clause in units:
                    hits = {h.theme for h in _themes_in(clause)} - {"broad_market"}
                    if not hits:
                        continue
                    pol = _polarity(clause)
                    if pol == 0:
                        continue
                    body = _LEAD_CONNECTOR.sub("", clause.strip().lstrip("且并和及与")).rstrip("，；：,;。")
                    for theme in hits:
                        tally[theme] = tally.get(theme, 0.0) + pol * weight
                        if 6 <= len(body) <= 60:
                            said.setdefault(theme, []).append((weight, pol, body, s.id))
        # the words shown are the strongest that agree with the theme's overall direction
        for theme, total in tally.items():
            agreeing = [e for e in said.get(theme, []) if (e[1] > 0) == (total > 0)]
            if agreeing:
                w, _, body, sid = max(agreeing, key=lambda e: e[0])  # first of the heaviest
                evidence[theme] = (w, body, sid)
        rows: dict[bool, list[SectorRow]] = {True: [], False: []}
        ranked = sorted(tally.items(), key=lambda kv: (-abs(kv[1]), kv[0]))
        for floor in (1.5, 0.5):  # a weaker stance only when no stronger one exists on that side
            for theme, total in ranked:
                side = rows[total > 0]
                if theme not in evidence or abs(total) < floor or any(r.theme == theme for r in side) \
                        or (floor < 1.5 and side):
                    continue
                _, logic, sid = evidence[theme]
                side.append(SectorRow(sector=theme_map[theme].zh, theme=theme, logic=logic,
                                      etfs=_etfs_for(theme), sentence_id=sid))
        for positive, label in ((True, "利好"), (False, "利空")):
            if not rows[positive]:
                # an empty table is a broken table; say plainly that the source takes no side
                rows[positive].append(SectorRow(sector="原文未明确", logic=f"原文未给出明确的{label}行业判断"))
        return rows[True][:5], rows[False][:3]

    def _allocation(self, cands, core: str, bullish: list[SectorRow], bearish: list[SectorRow]) -> str:
        core_bg = bigrams(core)
        for pattern in (r"建议|配置|看好|推荐|布局|超配|低配", r"(?<!本文)(?<!需)关注"):
            for c in cands:
                if re.search(pattern, c.sentence.text) and similarity(c.bigrams, core_bg) < 0.5:
                    return condense(c.sentence.text, 110)
        parts = []
        good = [r.sector for r in bullish[:3] if r.theme]
        bad = [r.sector for r in bearish[:2] if r.theme]
        if good:
            parts.append("关注" + "、".join(f"**{x}**" for x in good))
        if bad:
            parts.append("对" + "、".join(f"**{x}**" for x in bad) + "保持谨慎")
        return ("；".join(parts) + "（依据上表所列原文判断）。") if parts else ""

    def _risks(self, articles: list[Article], cands: list[Candidate], chosen: list[Candidate]) -> list[Risk]:
        risks: list[Risk] = []
        seen = [c.condensed for c in chosen]  # what the post already says, as the checker sees it

        def add(title: str, explanation: str, sid: str) -> None:
            line = f"{title}：{explanation}"
            if len(risks) >= 5 or any(similarity(bigrams(title), bigrams(r.title)) >= 0.6 for r in risks) \
                    or any(near_duplicate(line, o) for o in seen):
                return
            seen.append(line)
            risks.append(Risk(title=title, explanation=explanation, sentence_id=sid))

        # the author's own risk section first, downside before upside
        for art in articles:
            listed: list[tuple[bool, Sentence]] = []
            body_pairs = None
            upside = False
            for s in art.sentences:
                if s.kind in ("table", "heading") or not (
                        _section_kind(s.section) == "risk" or _RISK_LIST.match(s.text)):
                    continue
                if "上行风险" in s.text:
                    upside = True
                elif "下行风险" in s.text:
                    upside = False
                if not _ADVICE_LINE.match(s.text):  # a strategy line in the risk section is no risk
                    listed.append((upside, s))
            # downside risks first: they are what a position has to survive
            listed.sort(key=lambda pair: pair[0])
            bare: list[tuple[str, str]] = []  # listed risks the body does not explain
            for _, s in listed:
                text = _RISK_LIST.sub("", _LABEL.sub("", s.text))
                separators = r"[；;。、]|\d[)）]" if _RISK_LIST.match(s.text) else r"[；;。]|\d[)）]"
                for item in re.split(separators, text):
                    if len(risks) >= 5:
                        break
                    item = re.sub(r"等(?:风险|因素)$", "", item.strip())
                    item = re.sub(r"^[\d、.．)）(（\s]+", "", item).strip(" ，,：:")
                    if len(item) < 4 or item.endswith(("来自", "包括", "如下", "在于")):
                        continue
                    title = item if len(item) <= 30 else _split_clauses(item)[0].rstrip("，；：,;")
                    if len(title) > 30:  # the aside in brackets goes to the explanation
                        title = re.sub(r"[（(][^）)]*[）)]?", "", title).strip()
                    if not 4 <= len(title) <= 40:
                        continue
                    if body_pairs is None:
                        body_pairs = _body_bigrams(art)
                    expl = _explain_risk(title, body_pairs, chosen)
                    if expl:
                        add(title, expl, s.id)
                    elif all(item != b for b, _ in bare):
                        bare.append((item, s.id))
            if len(bare) == 1:
                add(bare[0][0], "原文风险提示所列，正文未展开。", bare[0][1])
            elif bare:
                # one item for the author's bare list: five copies of "正文未展开" would say nothing
                add("原文风险提示", _end("；".join(b for b, _ in bare)), bare[0][1])
        # then conditions and uncertainties stated in the body, other than the ten items
        used = {c.sentence.id for c in chosen}
        body = [c for c in cands if _RISK_CUE.search(c.sentence.text) and c.sentence.id not in used
                and not _RISK_LIST.match(c.sentence.text)]
        body.sort(key=lambda c: (-c.score, c.sentence.id))
        for c in body:
            if len(risks) >= 5:
                break
            clauses = _split_clauses(c.condensed.rstrip("。"))
            title = clauses[0].rstrip("，；：,;")
            rest = "".join(clauses[1:]).strip()
            if len(title) > 30 or not rest:
                cue = next((cl.rstrip("，；：,;") for cl in clauses if _RISK_CUE.search(cl)), "")
                if not 4 <= len(cue) <= 30 or cue == c.condensed.rstrip("。"):
                    continue  # no clean title in the author's words, or nothing beyond it
                title, rest = cue, c.condensed
            add(title, _end(rest), c.sentence.id)
        return risks


def _data_check_notes(checks) -> list[Risk]:
    """An inconsistent relation in a source becomes a warning, quoting only the source's figures."""
    notes = []
    for c in checks[:2]:
        inputs = "、".join(c.inputs) if c.inputs else "所列数字"
        notes.append(Risk(
            title="数据核对",
            explanation=f"原文称“{c.stated}”，但按其所列{inputs}复算不一致，引用前请核实原始数据。",
            sentence_id=c.sentence_id,
        ))
    return notes


def _body_bigrams(art: Article) -> tuple[tuple[Sentence, frozenset[str]], ...]:
    """The body sentences a listed risk may be explained by, with their bigrams, once per article."""
    return tuple((s, bigrams(s.text)) for s in art.sentences
                 if _section_kind(s.section) not in ("risk", "skip")
                 and s.kind not in ("table", "heading") and not _RISK_LIST.match(s.text))


def _explain_risk(title: str, body: tuple[tuple[Sentence, frozenset[str]], ...],
                  chosen: list[Candidate]) -> str:
    """The body sentence that says most about a listed risk ("" when the body does not)."""
    tb = bigrams(title)
    best, best_sim = None, 0.0
    for s, sb in body:
        sim = similarity(tb, sb)
        if sim > best_sim:
            best, best_sim = s, sim
    if best is not None and best_sim >= 0.6:
        for n, c in enumerate(chosen, 1):
            if c.sentence.id == best.id:
                return f"详见上文第{n}条信息。"  # said once already: point to it, do not repeat it
        return condense(best.text)
    return ""


def _polarity(clause: str) -> int:
    pos = sum(1 for m in _POS.finditer(clause) if not _NEGATION.search(clause[max(0, m.start() - 2):m.start()]))
    neg = 0
    for m in _NEG.finditer(clause):
        if _EASING.match(clause[m.end():m.end() + 4]):
            pos += 1  # "拖累缓解": a drag that eases is good news
        elif not _NEGATION.search(clause[max(0, m.start() - 2):m.start()]):
            neg += 1
    neg += sum(1 for m in _POS.finditer(clause) if _NEGATION.search(clause[max(0, m.start() - 2):m.start()]))
    return (pos > neg) - (neg > pos)


def _etfs_for(theme: str) -> list[str]:
    """Funds from the verified registry; none at all rather than a ticker we cannot stand behind."""
    out: list[str] = []
    for market in ("cn", "us"):
        funds = etf.etfs_for_theme(theme, market)
        if funds:
            f = funds[0]
            out.append(f"{f.name}（{f.code}）" if market == "cn" else f.code)
    return out


@register("extractive")
def _factory(config: Config) -> ExtractiveEngine:
    return ExtractiveEngine(config)


__all__ = ["ExtractiveEngine", "Candidate", "rank_candidates", "select_facts", "condense"]
