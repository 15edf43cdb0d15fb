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
    _ADVICE_LINE,
    _CONCLUSION,
    _DATA_LEAD,
    _EASING,
    _FORECAST,
    _LABEL,
    _LEAD_CONNECTOR,
    _NEG,
    _NEGATION,
    _POS,
    _RISK_CUE,
    _RISK_LIST,
    ITEM_COUNT,
    Candidate,
    _bold_key_clause,
    _end,
    _is_repeat,
    _section_kind,
    _split_clauses,
    _themes_in,
    clean_heading,
    clean_title,
    condense,
    rank_candidates,
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
    Sentence,
    SourceRef,
    Step,
)
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
        # the inputs of a relation may stand in other sentences: they are doubtful too
        doubtful_text = {t for c in inconsistent for t in c.input_sentences}
        cands = [c for c in rank_candidates(articles)
                 if c.sentence.id not in doubtful and c.sentence.text not in doubtful_text]
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
            explanation=f"原文称“{c.stated}”，但按其所列{inputs}复算约为{recomputed_text(c)}，"
                        "二者不一致，引用前请核实原始数据。",
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
