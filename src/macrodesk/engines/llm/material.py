"""What the model is given: the articles' sentences with ids, stripped of instructions aimed at
the model, the candidate ETFs from the registry, and the prompts rendered from templates."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

import jinja2

from macrodesk.engines.llm.client import (
    LLMSettings,
    estimate_tokens,
    messages_tokens,
)
from macrodesk.engines.ranking import (
    ITEM_COUNT,
    Candidate,
)
from macrodesk.errors import ConfigError
from macrodesk.figures import extract_figures
from macrodesk.lexicon import find_themes
from macrodesk.models import (
    Article,
    FigureKind,
    Sentence,
)

# Text that addresses the model instead of the reader. Such a sentence is data that must never
# steer the engine: it is left out of the material and any output echoing it is rejected.
INJECTION = re.compile(
    r"(?:忽略|无视|忘记|忘掉|不要理会|跳过)(?:掉)?(?:以上|上述|之前|前面|先前|此前|所有|全部|你的|系统)?的?"
    r"(?:所有|全部)?的?(?:指令|指示|规则|要求|提示词?|设定|约束)"
    r"|(?:你现在是|从现在起你|你的新任务|新的指令|改为输出|请直接输出|只输出以下)"
    r"|ignore\s+(?:all\s+|any\s+)?(?:the\s+)?(?:previous|above|prior|earlier)\s+"
    r"(?:instructions|prompts?|rules)"
    r"|disregard\s+(?:all\s+|the\s+)?(?:previous|above|prior)|you\s+are\s+now\b|system\s+prompt",
    re.I,
)


_ALIAS = re.compile(r"S?(\d+)", re.I)


_BOLD = re.compile(r"\*\*")


def _key_variants(key: tuple) -> set[tuple]:
    # the sign is often said in words (下降5.3% / -5.3%): either spelling traces to the source
    if len(key) == 4 and isinstance(key[2], float):
        flip = (key[0], key[1], -key[2], None if key[3] is None else -key[3])
        return {key, flip}
    return {key}



_RISK_SECTION = re.compile(r"风险提示|风险因素|风险分析|主要风险")


@dataclass
class Material:
    """What the model is shown: numbered sentences, and the lookup back to the articles."""

    by_alias: dict[str, Sentence]  # every sentence of every article, shown or not
    # article index -> (alias, sentence, text shown) in the order of the article
    shown: dict[int, list[tuple[str, Sentence, str]]]
    all_keys: set[tuple] = field(default_factory=set)  # figure keys anywhere in the sources
    date_keys: set[tuple] = field(default_factory=set)
    whole: bool = False  # every sentence of every article is shown (they fit the budget)

    def sentence(self, ref: str) -> Sentence | None:
        m = _ALIAS.fullmatch(ref.strip().strip("[]【】 "))
        return self.by_alias.get(f"S{m.group(1)}") if m else None


def without_instructions(article: Article) -> Article:
    """The article without sentences (and paragraphs) that address a model rather than a reader:
    they are data, and as data they say nothing a digest needs."""
    if not any(INJECTION.search(s.text) for s in article.sentences):
        return article
    return article.model_copy(update={
        "sentences": [s for s in article.sentences if not INJECTION.search(s.text)],
        "paragraphs": [p for p in article.paragraphs if not INJECTION.search(p.text)],
    })


def _data(text: str) -> str:
    # article text may not close or open the prompt's own tags
    return text.replace("<", "＜").replace(">", "＞")


def _plain(text: str) -> str:
    return _BOLD.sub("", text).strip()


def build_material(articles: list[Article], cands: list[Candidate], settings: LLMSettings,
                   system_prompt: str = "") -> Material:
    """Number every sentence (S1, S2... over all articles, stable whatever is shown; headings
    are not numbered) and pick what the model sees: every sentence when the day fits the
    `max_prompt_tokens` budget; beyond it, each article's best-ranked sentences (as the embedded engine condenses them)
    plus its risk section, up to `shortlist_share` of its text and at least enough for the ten
    items, within the `max_prompt_tokens` budget for the whole day."""
    by_alias: dict[str, Sentence] = {}
    alias_of: dict[str, str] = {}
    n = 0
    mat = Material(by_alias=by_alias, shown={})
    for art in articles:
        for s in art.sentences:
            # headings get no number: a heading is no fact, and the numbers stay put if the
            # segmenter changes how it reports headings
            if s.kind != "heading":
                n += 1
                by_alias[f"S{n}"] = s
                alias_of[s.id] = f"S{n}"
            for f in s.figures:
                (mat.date_keys if f.kind == FigureKind.DATE else mat.all_keys).update(
                    _key_variants(f.key()))
        for f in extract_figures(art.title):
            (mat.date_keys if f.kind == FigureKind.DATE else mat.all_keys).update(
                _key_variants(f.key()))
    # the instructions are sent anyway; the budget left is for the material (~0.6 token a char)
    budget = max(400, int((settings.max_prompt_tokens - estimate_tokens(system_prompt) - 150)
                          / 0.6))
    # the whole articles when they fit: the model is there to read the argument, which a
    # shortlist hides; the shortlist is only for a day too long for the budget
    every = [(ai, s) for ai, art in enumerate(articles) for s in art.sentences
             if s.id in alias_of and not INJECTION.search(s.text)]
    outline = sum(len(s.text) + 4 for a in articles for s in a.sentences if s.kind == "heading")
    # ~4 characters' worth of tokens for each line's "[S12] " or "## "
    if sum(len(s.text) + 4 for _, s in every) + outline <= budget:
        mat.whole = True
        for ai, s in every:
            mat.shown.setdefault(ai, []).append((alias_of[s.id], s, s.text))
        return mat
    total = sum(len(a.text) for a in articles) or 1
    min_items = max(2, -(-(ITEM_COUNT + 2) // len(articles)))
    ranked: dict[int, list[tuple[Sentence, str, float]]] = {}
    for c in cands:
        if c.sentence.id in alias_of and not INJECTION.search(c.sentence.text):
            ranked.setdefault(c.article, []).append((c.sentence, c.condensed or c.sentence.text,
                                                     c.score))
    picked: list[tuple[int, Sentence, str, float]] = []
    for ai, art in enumerate(articles):
        cap = min(len(art.text) * settings.shortlist_share, budget * len(art.text) / total)
        used, count = 0, 0
        for s, text, score in ranked.get(ai, []):
            if used + len(text) > cap and count >= min_items:
                break
            picked.append((ai, s, text, score))
            used += len(text)
            count += 1
        risk = [s for s in art.sentences if _RISK_SECTION.search(s.section)
                and s.kind not in ("table", "heading") and not INJECTION.search(s.text)]
        picked.extend((ai, s, s.text, 0.0) for s in risk[:2])
    # over the day's budget (many articles): drop the lowest-ranked lines first
    picked.sort(key=lambda x: -x[3])
    while picked and sum(len(t) for _, _, t, _ in picked) > budget:
        picked.pop()
    order = {s.id: k for k, s in enumerate(x for a in articles for x in a.sentences)}
    for ai, s, text, _ in sorted(picked, key=lambda x: order[x[1].id]):
        mat.shown.setdefault(ai, []).append((alias_of[s.id], s, text))
    return mat


def _etf_module() -> Any | None:
    try:
        from macrodesk import etf
    except ImportError:
        return None
    return etf


def etf_candidates(material: Material, per_market: int = 1, max_themes: int = 6
                   ) -> list[dict[str, Any]]:
    """Registry funds for the themes the shown sentences name, one line per theme: the only ETFs
    the model may cite (purest play per market, as the registry ranks them)."""
    etf = _etf_module()
    if etf is None or not hasattr(etf, "etfs_for_theme"):
        return []
    from macrodesk.lexicon import themes

    names = themes()
    seen: dict[str, int] = {}
    for chosen in material.shown.values():
        for _, _, text in chosen:
            for h in find_themes(text):
                if h.theme != "broad_market":
                    seen[h.theme] = seen.get(h.theme, 0) + 1
    out: list[dict[str, Any]] = []
    for theme, _ in sorted(seen.items(), key=lambda kv: (-kv[1], kv[0]))[:max_themes]:
        codes = [str(f.code) for market in ("cn", "us")
                 for f in (etf.etfs_for_theme(theme, market) or [])[:per_market]]
        if codes:
            out.append({"theme": names[theme].zh if theme in names else theme,
                        "theme_key": theme, "codes": codes})
    return out


def _prompt_env(settings: LLMSettings) -> jinja2.Environment:
    dirs = []
    if settings.prompt_dir:
        p = Path(settings.prompt_dir).expanduser()
        if not p.is_dir():
            raise ConfigError("prompt_dir is not a folder", source=str(p),
                              hint="point prompt_dir (llm section) at a folder of .md.j2 templates")
        dirs.append(str(p))
    dirs.append(str(resources.files("macrodesk").joinpath("prompts")))
    return jinja2.Environment(loader=jinja2.FileSystemLoader(dirs), autoescape=False,
                              undefined=jinja2.StrictUndefined, keep_trailing_newline=False)


def prompt_tokens(messages: list[dict[str, str]]) -> int:
    """Estimated tokens of a prompt (the benchmark's measure; see llm_client.estimate_tokens)."""
    return messages_tokens(messages)
