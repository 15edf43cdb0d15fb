"""The LLM engine: any OpenAI-compatible model writes the Digest as JSON from the articles'
numbered sentences (a shortlist beyond the budget); every figure is checked against the sentence
it cites, bad items are repaired once then replaced by the embedded engine's, a cut answer is
completed once, and an endpoint that stays down falls back."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

import jinja2

from macrodesk.config import Config
from macrodesk.engines import register
from macrodesk.engines.extractive import ExtractiveEngine
from macrodesk.engines.llm.answer import (
    _HEADLINE_TAIL,
    LLMAnswer,
    Problem,
    _AnswerRow,
    _BadAnswer,
    check_answer,
    parse_answer,
    registry_label,
)
from macrodesk.engines.llm.client import (
    ChatClient,
    Completion,
    LLMSettings,
    LLMUnavailableError,
    Usage,
    settings_from_config,
)
from macrodesk.engines.llm.material import (
    INJECTION,
    Material,
    _data,
    _plain,
    _prompt_env,
    build_material,
    etf_candidates,
    prompt_tokens,
    without_instructions,
)
from macrodesk.engines.ranking import (
    ITEM_COUNT,
    Candidate,
    rank_candidates,
    require_items,
    select_facts,
)
from macrodesk.errors import ConfigError, InsufficientMaterialError, LLMError, visible
from macrodesk.figures import extract_figures
from macrodesk.lexicon import find_themes
from macrodesk.models import (
    Article,
    Digest,
    Fact,
    Risk,
    SectorRow,
    SourceRef,
    Step,
)
from macrodesk.text.similarity import bigrams
from macrodesk.text.similarity import containment as similarity

log = logging.getLogger("macrodesk.llm")


# Further rules every answer is held to, beyond its figures: what the embedded engine already
# obeys. A rule returns Problems on ("bullish"|"bearish"|"risks", i); they go back to the model in
# the repair request, and what is still wrong after it is dropped, counted and replaced by the
# embedded engine's like any other bad item.
GroundingRule = Callable[[LLMAnswer, Material, list[Article]], list[Problem]]


def stance_and_risk_rule(answer: LLMAnswer, material: Material, articles: list[Article]) -> list[Problem]:
    """The reading stage's stance and risk rules, applied by the same functions `macrodesk lint
    --sources` uses: a sector row whose direction contradicts the articles' stance relations on
    its theme, or that no stance supports; a risk entry that is not a risk statement."""
    from macrodesk.checks.post import risk_entry_defect, sector_against_stances
    from macrodesk.reading import calls, read

    net = calls([st for a in articles for st in read(a).stances])
    problems = []
    for side, zh in (("bullish", "利好"), ("bearish", "利空")):
        for i, r in enumerate(getattr(answer, side)[:6]):
            if not r.sector.strip():
                continue
            verdict = sector_against_stances(r.sector, r.logic, side == "bullish", net)
            if verdict == "contradicts":
                problems.append(Problem((side, i), f"{side}第{i + 1}行“{r.sector}”列为{zh}，与原文对该板块的"
                                        "判断方向相反", rule="stance"))
            elif verdict == "unsupported":
                problems.append(Problem((side, i), f"{side}第{i + 1}行“{r.sector}”在原文中找不到支持{zh}"
                                        "判断的表述", rule="stance"))
    for i, risk in enumerate(answer.risks[:6]):
        why = risk_entry_defect(risk.title, risk.explanation) if risk.title.strip() else ""
        if why:
            problems.append(Problem(("risks", i), f"risks第{i + 1}条“{risk.title}”不是风险（{why}）："
                                    "风险须是前瞻的、带不利后果的条件", rule="risk"))
    return problems


GROUNDING_RULES: list[GroundingRule] = [stance_and_risk_rule]


def held_to_rules(answer: LLMAnswer, material: Material, articles: list[Article]) -> list[Problem]:
    """Problems of `answer` against its figures and every registered grounding rule."""
    problems = check_answer(answer, material)
    for rule in GROUNDING_RULES:
        problems.extend(rule(answer, material, articles))
    return problems


def truncated_message(max_tokens: int) -> str:
    return (f"the answer was cut at max_output_tokens={max_tokens}; raise it (max_output_tokens "
            "in the llm section) or use a model with a larger output")


class LLMEngine:
    """Engine `llm`: see the module docstring. `usage` holds the tokens and cost of the last
    digest (for the archive and --verbose)."""

    name = "llm"

    def __init__(self, config: Config, settings: LLMSettings | None = None):
        self.config = config
        self.settings = settings or settings_from_config(config)
        self.usage = Usage(model=self.settings.model)
        self._env = _prompt_env(self.settings)
        self._kept = 0  # facts of the last digest written by the model
        self._grounding: dict[str, int] = {}  # items of the last digest refused by GROUNDING_RULES

    # -- entry point -----------------------------------------------------------------------

    def digest(self, articles: list[Article], allow_short: bool = False) -> Digest:
        """A Digest written by the model and checked against the sources; the embedded
        engine's, with a warning, when the endpoint stays down or never answers in shape
        (unless no_fallback, which raises the LLMError instead)."""
        if not articles:
            raise InsufficientMaterialError("no articles to digest")
        client = ChatClient(self.settings, cache_dir=self.config.home / "cache" / "llm")
        self.usage = client.usage
        try:
            d = self._digest_with(client, articles, allow_short)
        except LLMError as exc:
            if self.settings.no_fallback or not isinstance(exc, LLMUnavailableError | _BadAnswer):
                raise
            log.warning("LLM engine fell back to the embedded engine: %s", exc)
            clean = [without_instructions(a) for a in articles]
            d = ExtractiveEngine(self.config).digest(clean, allow_short=allow_short)
            d.warnings.insert(0, f"LLM engine unavailable ({exc}); this post was written by the "
                                 "embedded extractive engine instead")
        finally:
            client.close()
        log.info(self.usage.summary())
        d.usage = self.usage.as_dict()
        if d.engine == self.name:
            # how much of the post the model wrote, for the archive and the real-model tier
            d.usage["facts_kept"] = self._kept
            d.usage["facts_replaced"] = len(d.facts) - self._kept
            d.usage.update(self._grounding)
        if self.settings.verbose:
            if d.engine == self.name:
                d.warnings.append(f"LLM facts: {self._kept} of {len(d.facts)} kept from the "
                                  f"model, {len(d.facts) - self._kept} replaced by the embedded "
                                  "engine's")
            d.warnings.append(self.usage.summary())
        return d

    # -- the steps -------------------------------------------------------------------------

    def _digest_with(self, client: ChatClient, articles: list[Article],
                     allow_short: bool) -> Digest:
        warnings = [f"an instruction-like sentence in {art.label} was treated as data and left "
                    f"out: {visible(s.text[:40])}" for art in articles for s in art.sentences
                    if INJECTION.search(s.text)]
        articles = [without_instructions(a) for a in articles]
        cands = rank_candidates(articles)
        messages, material, etfs = self.prompt(articles, cands)

        first = client.complete(messages)
        answer, raw = self._parse_or_repair(client, messages, first)
        if first.finish_reason == "length":
            warnings.append(truncated_message(self.settings.max_output_tokens)
                            + "; the missing part was asked for in one follow-up")
        convo = messages + [{"role": "assistant", "content": raw}]
        problems = held_to_rules(answer, material, articles)
        if problems:
            convo.append({"role": "user", "content": self._render(
                "repair_grounding", problems=[p.message for p in problems[:20]],
                n_facts=ITEM_COUNT)})
            repaired = client.complete(convo)
            try:
                again = parse_answer(repaired.content)
            except ValueError:
                again = None  # keep the first answer; its bad items are replaced below
                if repaired.finish_reason == "length":
                    warnings.append("the repaired answer was not used: "
                                    + truncated_message(self.settings.max_output_tokens))
            if again is not None:
                answer = again
                problems = held_to_rules(answer, material, articles)
        if any(p.where == ("compromised",) for p in problems):
            # an answer that echoes an instruction may be steered anywhere, also where no
            # check can see it (a headline without figures): none of it is used
            raise _BadAnswer("the model's answer followed instructions instead of the material, "
                             "even after one repair request", source=self.settings.model)
        return self._assemble(articles, cands, material, answer, problems, warnings, allow_short,
                              {c for e in etfs for c in e["codes"]})

    def prompt(self, articles: list[Article], cands: list[Candidate] | None = None
               ) -> tuple[list[dict[str, str]], Material, list[dict[str, Any]]]:
        """The chat messages this engine sends for `articles` (no request is made), with the
        numbered material behind them and the ETF candidates offered."""
        articles = [without_instructions(a) for a in articles]
        cands = rank_candidates(articles) if cands is None else cands
        material = build_material(articles, cands, self.settings,
                                  self._render("digest_system", n_facts=ITEM_COUNT))
        etfs = etf_candidates(material)
        return self.build_messages(articles, material, etfs), material, etfs

    def build_messages(self, articles: list[Article], material: Material,
                       etfs: list[dict[str, str]]) -> list[dict[str, str]]:
        system = self._render("digest_system", n_facts=ITEM_COUNT)
        arts = []
        for ai, art in enumerate(articles):
            if ai not in material.shown:
                continue
            shown = {s.id: (a, text) for a, s, text in material.shown[ai]}
            lines: list[dict[str, str]] = []
            headings: list[str] = []
            for s in art.sentences:
                if s.kind == "heading":
                    if material.whole:  # the outline, shown above the lines it heads
                        headings.append(s.text)
                elif s.id in shown:
                    lines.extend({"alias": "", "text": _data(h)} for h in headings)
                    headings = []
                    alias, text = shown[s.id]
                    lines.append({"alias": alias, "text": _data(text)})
            arts.append({"title": _data(art.title),
                         "published": art.published.date().isoformat() if art.published else "",
                         "sentences": lines})
        user = self._render("digest_user", articles=arts, etfs=etfs)
        return [{"role": "system", "content": system}, {"role": "user", "content": user}]

    def _parse_or_repair(self, client: ChatClient, messages: list[dict[str, str]],
                         first: Completion) -> tuple[LLMAnswer, str]:
        content = first.content
        try:
            return parse_answer(content), content
        except ValueError as exc:
            error = str(exc)
        if first.finish_reason == "length":
            return self._complete_truncated(client, messages, content)
        repair = messages + [{"role": "assistant", "content": content[:4000]},
                             {"role": "user", "content": self._render("repair_json", error=error)}]
        second = client.complete(repair)
        try:
            return parse_answer(second.content), second.content
        except ValueError as exc:
            cut = (f"; {truncated_message(self.settings.max_output_tokens)}"
                   if second.finish_reason == "length" else "")
            raise _BadAnswer(f"the model's answer was not the digest JSON, even after one repair "
                             f"request ({exc}{cut})", source=self.settings.model,
                             hint="try another model, or check that it supports JSON output"
                             ) from exc

    def _complete_truncated(self, client: ChatClient, messages: list[dict[str, str]],
                            content: str) -> tuple[LLMAnswer, str]:
        """An answer cut by max_output_tokens: ask for the missing part only (or, if the model
        cannot continue, a smaller whole answer), never the whole again at the same size."""
        cut = truncated_message(self.settings.max_output_tokens)
        log.warning("LLM %s", cut)
        ask = messages + [{"role": "assistant", "content": content},
                          {"role": "user", "content": self._render(
                              "repair_truncated", max_tokens=self.settings.max_output_tokens,
                              n_facts=ITEM_COUNT)}]
        rest = client.complete(ask).content
        for candidate in (content + rest, rest):
            try:
                return parse_answer(candidate), candidate
            except ValueError:
                continue
        raise _BadAnswer(f"{cut}; the rest asked for in one follow-up did not complete it",
                         source=self.settings.model,
                         hint="raise max_output_tokens in the llm section, or use a model with a "
                              "larger output")

    def _render(self, name: str, **values: Any) -> str:
        fname = f"{name}.{self.settings.prompt_version}.md.j2"
        try:
            return self._env.get_template(fname).render(**values).strip()
        except jinja2.TemplateNotFound as exc:
            raise ConfigError(f"prompt template {fname} not found", source="llm prompt_version",
                              hint="check prompt_version and prompt_dir") from exc
        except jinja2.TemplateError as exc:
            raise ConfigError(f"prompt template {fname} is broken: {exc}",
                              source=self.settings.prompt_dir or "macrodesk/prompts") from exc

    # -- from the checked answer to a Digest --------------------------------------------------

    def _assemble(self, articles: list[Article], cands: list[Candidate], material: Material,
                  answer: LLMAnswer, problems: list[Problem], warnings: list[str],
                  allow_short: bool, offered: set[str]) -> Digest:
        bad = {p.where for p in problems}
        fallback: Digest | None = None

        def embedded() -> Digest:
            nonlocal fallback
            if fallback is None:
                fallback = ExtractiveEngine(self.config).digest(articles, allow_short=True)
            return fallback

        facts: list[Fact] = []
        used: set[str] = set()
        for i, item in enumerate(answer.facts[:ITEM_COUNT]):
            s = material.sentence(item.sentence_id)
            if ("facts", i) in bad or s is None:
                continue
            used.add(s.id)
            facts.append(Fact(text=_plain(item.text), sentence_id=s.id, source_sentence=s.text,
                              figures=extract_figures(item.text), section=s.section))
        self._kept = len(facts)
        short_by = ITEM_COUNT - len(facts)
        if short_by:
            for c in select_facts(cands, ITEM_COUNT + len(used)):
                if len(facts) >= ITEM_COUNT:
                    break
                if c.sentence.id in used or any(
                        similarity(c.bigrams, bigrams(f.text)) >= 0.6 for f in facts):
                    continue  # the model already said it, from another sentence
                used.add(c.sentence.id)
                facts.append(Fact(text=c.condensed, sentence_id=c.sentence.id,
                                  source_sentence=c.sentence.text, figures=list(c.sentence.figures),
                                  score=round(c.score, 3), section=c.sentence.section))
            warnings.append(f"{short_by} of the model's {ITEM_COUNT} items were missing or not "
                            "traceable to their cited sentence and were replaced by the embedded "
                            "engine's")
        require_items(len(facts), articles, allow_short, warnings)
        # keep the order of the sources, as the embedded engine does
        order = {s.id: n for n, s in enumerate(x for a in articles for x in a.sentences)}
        facts.sort(key=lambda f: order.get(f.sentence_id, 0))

        def text_or(where: tuple, value: str, default: str) -> str:
            return default if where in bad or not value.strip() else value.strip()

        headline = _HEADLINE_TAIL.sub("", _plain(answer.headline))
        headline = text_or(("headline",), headline, "") or embedded().headline
        overview = text_or(("overview",), answer.overview, "") or embedded().overview
        event = [p.strip() for i, p in enumerate(answer.event_overview[:3])
                 if ("event_overview", i) not in bad and p.strip()] or embedded().event_overview
        steps = []
        for i, st in enumerate(answer.steps[:6]):
            points = [p.strip() for j, p in enumerate(st.points)
                      if ("steps", i, j) not in bad and p.strip()]
            if ("steps", i) in bad or not points or not st.title.strip():
                continue
            sids = [s.id for s in (material.sentence(r) for r in st.sentence_ids) if s is not None]
            steps.append(Step(title=_plain(st.title), points=points, sentence_ids=sids))
        if len(steps) < 2:
            steps = embedded().steps
        core = text_or(("core_logic",), answer.core_logic, "") or embedded().core_logic
        dropped: list[str] = []
        bullish = self._rows("bullish", answer.bullish, material, bad, offered, dropped)
        bearish = self._rows("bearish", answer.bearish, material, bad, offered, dropped)
        # rows and risks the reading stage's rules refused: counted, and the embedded engine's
        # (which obey those rules by construction) take their place
        ruled = {p.where: p.rule for p in problems if p.rule}
        self._grounding = {"sector_rows_dropped": sum(1 for w in ruled if w[0] in ("bullish", "bearish")),
                           "risks_dropped": sum(1 for w in ruled if w[0] == "risks")}
        for side, rows in (("bullish", bullish), ("bearish", bearish)):
            if any(w[0] == side for w in ruled):
                have = {r.theme or r.sector for r in bullish + bearish}
                rows.extend(r for r in getattr(embedded(), side)
                            if r.theme and r.theme not in have)
        if not bullish and not bearish:
            bullish, bearish = embedded().bullish, embedded().bearish
        if dropped:
            warnings.append("ETF codes not in the registry (or not offered for that theme) were "
                            f"removed: {', '.join(sorted(set(dropped)))}")
        allocation = text_or(("allocation",), answer.allocation, "")
        if not allocation:
            allocation = embedded().allocation
        risks = []
        for i, r in enumerate(answer.risks[:6]):
            if ("risks", i) in bad or not r.title.strip():
                continue
            s = material.sentence(r.sentence_id)
            risks.append(Risk(title=_plain(r.title), explanation=r.explanation.strip(),
                              sentence_id=s.id if s else ""))
        if self._grounding["risks_dropped"] or not risks:
            for own in embedded().risks:
                if len(risks) < 6 and not any(similarity(bigrams(own.title), bigrams(x.title)) >= 0.6
                                              for x in risks):
                    risks.append(own)
        if any(self._grounding.values()):
            warnings.append(f"{self._grounding['sector_rows_dropped']} sector row(s) against the "
                            "articles' stance (or with no stance behind them) and "
                            f"{self._grounding['risks_dropped']} risk(s) that are not risks were "
                            "dropped; the embedded engine's took their place where it had any")
        note = text_or(("technical_note",), answer.technical_note, "")
        loose = sum(p.unsupported for p in problems)
        if loose:
            warnings.append(f"{loose} sentences of the model's answer had no support in the "
                            "sources, called for a trade no source calls for, or carried a link; "
                            "their parts were replaced by the embedded engine's")
        rest = {p.where[0] for p in problems if not p.where[0].startswith("facts") and not p.rule}
        if rest:
            warnings.append("parts the model wrote with figures not found in the sources were "
                            f"replaced by the embedded engine's: {', '.join(sorted(rest))}")
        return Digest(
            headline=headline, overview=overview, facts=facts, event_overview=event, steps=steps,
            core_logic=core, bullish=bullish, bearish=bearish, allocation=allocation,
            risks=risks, technical_note=note, disclaimer=self.config.disclaimer,
            sources=[SourceRef(title=a.title, url=a.url, source=a.source, path=a.path,
                               published=a.published) for a in articles],
            engine=self.name, warnings=warnings,
        )

    def _rows(self, side: str, rows: list[_AnswerRow], material: Material, bad: set,
              offered: set[str], dropped: list[str]) -> list[SectorRow]:
        out: list[SectorRow] = []
        for i, r in enumerate(rows[:6]):
            if (side, i) in bad or not r.sector.strip() or not r.logic.strip():
                continue
            s = material.sentence(r.sentence_id)
            hits = find_themes(r.sector) or find_themes(r.logic)
            theme = hits[0].theme if hits else ""
            wanted = {h.theme for h in hits}
            etfs = []
            for code in r.etfs:
                shown = registry_label(code, wanted, offered)
                if shown is None:
                    dropped.append(code)
                else:
                    etfs.append(shown)
            out.append(SectorRow(sector=_plain(r.sector), theme=theme, logic=r.logic.strip(),
                                 etfs=etfs, sentence_id=s.id if s else ""))
        return out


def naive_messages(engine: LLMEngine, articles: list[Article]) -> list[dict[str, str]]:
    """The prompt a plain integration would send: the same instructions and the whole text of
    every article. The token benchmark compares the engine's prompt with this one."""
    system = engine._render("digest_system", n_facts=ITEM_COUNT)
    user = "<材料>\n" + "\n".join(f"# 文章{i + 1}：{a.title}\n{_data(a.text)}"
                                  for i, a in enumerate(articles)) + "\n</材料>\n按系统说明输出JSON。"
    return [{"role": "system", "content": system}, {"role": "user", "content": user}]


@register("llm")
def _factory(config: Config) -> LLMEngine:
    return LLMEngine(config)


__all__ = ["LLMEngine", "GROUNDING_RULES", "held_to_rules", "truncated_message", "LLMAnswer", "Material", "Problem", "build_material", "check_answer",
           "parse_answer", "etf_candidates", "registry_label", "naive_messages", "prompt_tokens",
           "INJECTION"]
