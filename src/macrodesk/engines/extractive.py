"""The embedded engine: offline and deterministic. It reads the article's own structure (core
views, numbered points, bold lead-ins, conclusions) and fills the Digest with source clauses only."""

from __future__ import annotations

import math
import re

from macrodesk import etf
from macrodesk.checks.arithmetic import check_article, recomputed_text
from macrodesk.config import Config
from macrodesk.engines import register
from macrodesk.engines.ranking import (
    _CONCLUSION,
    _FORECAST,
    _LABEL,
    _NOT_FACTS,
    Candidate,
    _bold_key_clause,
    _end,
    _is_repeat,
    _section_kind,
    _split_clauses,
    clean_heading,
    clean_title,
    condense,
    rank_candidates,
    require_items,
    select_facts,
)
from macrodesk.errors import InsufficientMaterialError
from macrodesk.lexicon import themes
from macrodesk.models import (
    Article,
    Digest,
    Fact,
    FigureKind,
    Risk,
    SectorRow,
    SourceRef,
    Step,
)
from macrodesk.reading import ArticleModel, calls, read, theme_heads
from macrodesk.reading.standalone import lost_referent
from macrodesk.text.similarity import bigrams, near_duplicate
from macrodesk.text.similarity import containment as similarity


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
        models = [read(a) for a in articles]
        # the inputs of a relation may stand in other sentences: they are doubtful too
        doubtful_text = {t for c in inconsistent for t in c.input_sentences}
        cands = [c for c in rank_candidates(articles)
                 if c.sentence.id not in doubtful and c.sentence.text not in doubtful_text]
        cands = _standalone(cands, models)
        cands = _headline_claims(models, cands) + cands
        chosen = select_facts(cands)
        warnings: list[str] = []
        require_items(len(chosen), articles, allow_short, warnings)
        facts = [Fact(text=c.condensed, sentence_id=c.sentence.id, source_sentence=c.sentence.text,
                      figures=[f for f in c.sentence.figures], score=round(c.score, 3),
                      section=c.sentence.section) for c in chosen]
        bullish, bearish = self._sectors(models)
        headline = self._headline(articles, cands) if len(articles) == 1 else \
            _day_headline(models, bullish, bearish)
        core = self._core_logic([c for c in cands if models[c.article].attribution(c.sentence.id) == "author"],
                                chosen)
        return Digest(
            headline=headline,
            overview=self._overview(articles, [c for c in cands
                                                if models[c.article].attribution(c.sentence.id) == "author"]),
            facts=facts,
            event_overview=self._event_overview(articles, cands),
            steps=self._steps(articles, cands),
            core_logic=core,
            bullish=bullish,
            bearish=bearish,
            allocation=self._allocation(cands, core, bullish, bearish),
            risks=self._risks(models, chosen) + _data_check_notes(inconsistent),
            disclaimer=self.config.disclaimer,
            sources=[SourceRef(title=a.title, url=a.url, source=a.source, path=a.path,
                               published=a.published) for a in articles],
            engine=self.name,
            warnings=warnings,
        )

    # -- sections of the post ------------------------------------------------------------

    def _headline(self, articles: list[Article], cands: list[Candidate]) -> str:
        """One article: its own title (several: see _day_headline)."""
        return clean_title(articles[0].title) or "宏观研究"

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

    def _sectors(self, models: list[ArticleModel]) -> tuple[list[SectorRow], list[SectorRow]]:
        """Rows only from the stance relations the reading stage found, each with its evidence.

        A theme becomes a row when the author's net call on it is clear (the relations that
        disagree weigh less than half of those that agree) and at least one relation is a view,
        not a data print."""
        theme_map = themes()
        rows: dict[bool, list[SectorRow]] = {True: [], False: []}
        for m in models:
            # each article's own calls: its strongest theme, and others only when nearly as strong
            # (a theme named as a driver of the main one is not a call of its own)
            ranked = []
            for theme, (total, best) in calls(m.stances).items():
                if best is None or abs(total) < _CALL_FLOOR or best.weight < 1.0 or theme not in theme_map:
                    continue
                # a call needs one relation said as a view (看好, 承压): change words alone
                # ("普钢价格下跌") report a print
                if not any(st.view for st in m.stances
                           if st.theme == theme and (st.direction == "positive") == (total > 0)):
                    continue
                against = sum(st.weight for st in m.stances
                              if st.theme == theme and (st.direction == "positive") != (total > 0))
                if against * 2 > abs(total) + against:
                    continue  # the source argues both ways: no call
                ranked.append((total, theme, best))
            if not ranked:
                continue
            top = max(abs(t) for t, _, _ in ranked)
            # a sector report's title names its subject: another theme must outweigh it to be a call
            titled = {t for t in theme_heads(m.article.title)}
            titled |= {k for k in theme_map if theme_map[k].parent in titled}
            top_titled = max((abs(t) for t, th, _ in ranked if th in titled), default=0.0)
            for total, theme, best in sorted(ranked, key=lambda r: (-abs(r[0]), r[1])):
                side = rows[total > 0]
                floor = _CALL_SHARE * top if not top_titled or theme in titled else top_titled
                if abs(total) < floor or any(r.theme == theme for r in rows[True] + rows[False]):
                    continue
                logic = _end(best.evidence) if len(best.evidence) <= 60 else condense(best.evidence, 60)
                side.append(SectorRow(sector=theme_map[theme].zh, theme=theme, logic=logic,
                                      etfs=_etfs_for(theme), sentence_id=best.sentence_id))
        for positive, label in ((True, "利好"), (False, "利空")):
            if not rows[positive]:
                # an empty table is a broken table; say plainly that the source takes no side
                rows[positive].append(SectorRow(sector="原文未明确", logic=f"原文未给出明确的{label}行业判断"))
        return rows[True][:4], rows[False][:3]

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
        if parts:
            return "；".join(parts) + "（依据上表所列原文判断）。"
        # the format requires the block; say plainly that the source gives no allocation
        return "原文未给出明确的行业配置建议，宜以原文论述为准。"

    def _risks(self, models: list[ArticleModel], chosen: list[Candidate]) -> list[Risk]:
        """Risks only from the risk statements of the reading stage: the author's list first,
        then forward-looking adverse conditions in the body; none repeating an item."""
        risks: list[Risk] = []
        seen = [c.condensed for c in chosen]
        statements = [r for m in models for r in m.risks if r.listed] + \
                     [r for m in models for r in m.risks if not r.listed]
        for r in statements:
            if len(risks) >= 5:
                break
            expl = r.explanation if r.explanation.startswith("原文") else condense(r.explanation, 100)
            line = f"{r.title}：{expl}"
            if any(similarity(bigrams(r.title), bigrams(o.title)) >= 0.6 for o in risks) \
                    or any(near_duplicate(line, o) or near_duplicate(expl, o) for o in seen):
                continue
            seen.append(line)
            risks.append(Risk(title=r.title, explanation=_end(expl), sentence_id=r.sentence_id))
        return risks


def _day_headline(models: list[ArticleModel], bullish: list[SectorRow], bearish: list[SectorRow]) -> str:
    """The headline of a post that combines several articles, composed for the day rather than
    borrowed from one article: the day's verified calls ("看好黄金、银行；谨慎消费"), else the
    themes the titles share, else the first titles, each followed by the count."""
    n = len(models)
    good = [r.sector for r in bullish if r.theme][:2]
    bad = [r.sector for r in bearish if r.theme][:1]
    parts = (["看好" + "、".join(good)] if good else []) + (["谨慎" + "、".join(bad)] if bad else [])
    if parts:
        return f"{'；'.join(parts)}：{n}篇研究要点"
    theme_map = themes()
    seen: dict[str, int] = {}
    for m in models:
        for t in theme_heads(m.article.title):
            if t in theme_map:
                seen[t] = seen.get(t, 0) + 1
    topics = [theme_map[t].zh for t, _ in sorted(seen.items(), key=lambda kv: (-kv[1], kv[0]))][:3]
    if topics:
        return f"{'、'.join(topics)}：{n}篇研究要点"
    titles = [clean_title(m.article.title)[:14] for m in models if clean_title(m.article.title)][:2]
    return f"{'、'.join(titles)}等{n}篇研究" if titles else f"{n}篇研究要点"


def _data_check_notes(checks) -> list[Risk]:
    """An inconsistent relation in a source becomes a warning, quoting only the source's figures."""
    notes = []
    for c in checks[:2]:
        inputs = "、".join(dict.fromkeys(c.inputs)) if c.inputs else "所列数字"
        value = recomputed_text(c)
        # a comparison in words ("高于行业平均") has no one recomputed number
        explanation = (f"原文称“{c.stated}”，但按其所列{inputs}复算约为{value}，二者不一致，"
                       if value else f"原文称“{c.stated}”，但与其所列{inputs}不一致，")
        notes.append(Risk(
            title="数据核对",
            explanation=explanation + "引用前请核实原始数据。",
            sentence_id=c.sentence_id,
        ))
    return notes


_CALL_FLOOR = 2.0  # net weight of relations before a theme is a call (a heading 2, a view clause 1)
_CALL_SHARE = 0.5  # a further theme of one article must weigh half its strongest call
# connectives that only link to the previous sentence: dropping them leaves the claim whole
_PURE_CONNECTIVE = re.compile(r"^(?:此外|另外|同时|与此同时|因此|所以|因而|由此|从而|进而|而且|并且|且|而|但是|但|不过|然而|"
                              r"其次|首先|最后|再者|可见|对此|为此)[，,：:]?")


def _standalone(cands: list[Candidate], models: list[ArticleModel]) -> list[Candidate]:
    """Items that stand alone: a linking connective is dropped; an item that lost its subject
    gets back the label, bold lead or heading it stood under (the author's words); one that
    cannot be mended is no item."""
    out = []
    for c in cands:
        text = c.condensed
        frame = models[c.article].frames.get(c.sentence.id)
        if frame and frame.label and frame.entity and frame.entity not in text[:12]:
            # "一致预期：…" under the inflation heading becomes "通胀一致预期：…"
            rest = re.sub(rf"^(?:\*\*)?{re.escape(frame.label)}(?:\*\*)?[：:]", "", c.sentence.text.strip())
            text = condense(f"{frame.entity}{frame.label}：{_PURE_CONNECTIVE.sub('', rest)}")
        lost = lost_referent(text)
        if lost and _PURE_CONNECTIVE.match(text):
            text = _PURE_CONNECTIVE.sub("", text, count=1).lstrip("，, ")
            lost = lost_referent(text)
        if lost and not _PRONOUN.match(lost):
            if frame and frame.entity and frame.source in ("label", "bold_lead", "heading") \
                    and frame.entity not in text and len(frame.entity) <= 16:
                text = f"{frame.entity}：{text}"
                lost = lost_referent(text)
        if lost:
            continue
        if text != c.condensed:
            c.condensed, c.bigrams = text, bigrams(text)
        out.append(c)
    return out


# a pronoun refers to the sentence before; a heading put in front does not say what it means
_PRONOUN = re.compile(r"^(?:其|这|该|此|上述|前者|后者)")
_REVIEW = re.compile(r"^(?:复盘|回顾|总结|展望|背景|数据|附录|指数表现|行情)")
_CLAIM_HEADING = re.compile(r"^[^：:？?]{1,10}[：:][^：:？?]{2,}$")


def _headline_claims(models: list[ArticleModel], cands: list[Candidate]) -> list[Candidate]:
    """The author's headline claims ("通胀：CPI转正，PPI降幅收窄") as items, ahead of everything,
    where an article states at least three of them (or its title promises a count). A claim
    without a figure takes the main clause of the first sentence under it, which gives it one."""
    out: list[Candidate] = []
    top = max((c.score for c in cands), default=1.0)
    by_paragraph: dict[tuple[int, int], list[Candidate]] = {}
    for c in cands:
        by_paragraph.setdefault((c.article, c.sentence.paragraph), []).append(c)
    for ai, m in enumerate(models):
        if any(_section_kind(h.text) == "core" for h in m.outline):
            continue  # the author's core section already states the claims
        heads = [h for h in m.outline if _CLAIM_HEADING.match(h.text) and h.kind in ("markdown", "numbered")
                 and _section_kind(h.text) == "body" and h.level >= 2 and not _REVIEW.search(h.text)]
        wanted = m.expected_points or 0
        if not (3 <= len(heads) <= 8 or (wanted and len(heads) >= wanted)):
            continue
        paragraphs = sorted({s.paragraph for s in m.article.sentences})
        for h in heads:
            sent = next((s for s in m.article.sentences if s.paragraph == h.paragraph), None)
            if sent is None:
                continue
            text = h.text
            if not any(f.kind not in (FigureKind.DATE, FigureKind.NUMBER) for f in sent.figures):
                # the first ranked sentence under the claim, up to the next heading at its level
                # or above ("### 运价" under "## 集装箱运输：…" still belongs to it)
                stop = next((o.paragraph for o in m.outline if o.paragraph > h.paragraph and o.level <= h.level),
                            10 ** 9)
                after = [p for p in paragraphs if h.paragraph < p < stop and by_paragraph.get((ai, p))][:1]
                first = by_paragraph.get((ai, after[0]), []) if after else []
                if first:
                    frame = m.frames.get(first[0].sentence.id)
                    support = first[0].sentence.text.strip()
                    if frame and frame.label:
                        support = re.sub(rf"^(?:\*\*)?{re.escape(frame.label)}(?:\*\*)?[：:]", "", support)
                    support = _LABEL.sub("", support)
                    text = condense(f"{text}；{support}", 90)
            text = _end(text)
            if not re.search(r"\d", text):
                continue  # a claim with no figure under it: the body sentences say it better
            out.append(Candidate(article=ai, sentence=sent, score=top + 10 - len(out) * 0.01,
                                 group=(ai, 5000 + h.paragraph), condensed=text, bigrams=bigrams(text),
                                 figure_keys=frozenset(f.key() for f in sent.figures if f.kind not in _NOT_FACTS)))
    return out


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
