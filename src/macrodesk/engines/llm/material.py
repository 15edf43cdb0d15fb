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
from macrodesk.text.similarity import bigrams

# Text that addresses the model instead of the reader. Such a sentence is data that must never
# steer the engine: it is left out of the material and any output echoing it is rejected.
# Written against the meaning, not one phrasing: a verb of setting aside + (a scope) + a word
# for instructions, in either language; a new role or task; a note telling the summary what to
# say. `InstructionFilter` normalises width, case and spacing first ("忽 略 以 上 指 令").
_ZH_DROP = r"(?:忽略|忽视|无视|忘记|忘掉|忘了|不要理会|不必理会|别管|不要管|跳过|抛开|撇开|放弃|丢弃|停止遵循|不再遵循|不要遵循|不必遵守|不用遵守|不要遵守)"
_ZH_SCOPE = r"(?:以上|上述|上文|前文|上面|前面|之前|先前|此前|刚才|原来|原有|原先|既定|早先|所有|全部|一切|你的|您的|系统|开发者|默认)"
_ZH_RULES = r"(?:指令|指示|规则|要求|提示词?|设定|约束|任务|命令|说明|规定|prompt)"
_EN_DROP = r"(?:ignore|disregard|forget|override|bypass|skip|drop|discard|abandon|neglect)"
_EN_RULES = r"(?:instructions?|prompts?|rules|directions?|directives?|guidelines?|guidance|context|messages?|constraints|orders|commands|tasks?)"
_INJECTION_SRC = (
    rf"{_ZH_DROP}(?:掉)?(?:{_ZH_SCOPE}){{0,2}}(?:的|中的|里的|给出的|提到的|所有|全部|各项|这些|那些)"
    rf"{{0,2}}{_ZH_RULES}"
    r"|你现在(?:是|扮演|作为)|从现在(?:起|开始)(?:你|请)|你的新任务|新的?指令(?:如下|是)|以下是新的?指令|新的?任务是"
    r"|改为输出|请直接输出|只输出以下|请输出以下|直接回复|请(?:在|把)(?:标题|摘要|总结|回答|输出|报告)"
    r"|(?:标题|摘要|总结|回答|输出|生成|撰写|改写)(?:时|中|里|的时候)?(?:必须|务必|一律|只能|应当|应该)(?:写|输出|写成|改为|注明|包含|推荐|强调|提及|建议)"
    r"|(?:致|给|写给|告诉|提醒)(?:AI|人工智能|模型|大模型|语言模型|助手|机器人|摘要系统|摘要工具)"
    r"(?:的话|的说明)?[：:，,]"
    r"|(?:AI|人工智能|大模型|语言模型|智能助手|摘要系统|摘要工具|ChatGPT|GPT)(?:请|须|必须|务必|应当|应该|需要|要)"
    r"|(?:作为|身为)(?:一个)?(?:AI|人工智能|语言模型|助手)(?:助手|模型)?[，,]?你"
    rf"|{_EN_DROP}\s+(?:\w+\s+){{0,4}}{_EN_RULES}"
    r"|(?:ignore|disregard|forget)\s+(?:\w+\s+){0,2}(?:above|previous|prior|earlier|preceding)\b"
    r"|you\s+are\s+now\b|from\s+now\s+on\b|act\s+as\b|pretend\s+(?:to\s+be|you)"
    r"|new\s+(?:instructions?|task|role)|system\s+prompt|developer\s+mode|jailbreak"
    r"|(?:respond|reply|answer|output)\s+(?:only\s+)?(?:with|exactly)\b"
    r"|(?:note|message)\s+(?:to|for)\s+(?:the\s+)?(?:ai|model|assistant|llm|summari[sz]er)"
    r"|(?:summary|headline|digest|answer|assistant|model|ai)\s+(?:must|should|shall)\s+"
    r"(?:say|read|state|include|write|recommend|tell)"
)


class InstructionFilter:
    """Finds text that addresses a model instead of a reader, in Chinese or English, however it
    is spaced (between every character), widened (full-width letters) or cased."""

    _pattern = re.compile(_INJECTION_SRC, re.I)

    @staticmethod
    def normalise(text: str) -> str:
        import unicodedata

        t = unicodedata.normalize("NFKC", text)
        t = re.sub("[\u200b-\u200f\u2060\ufeff\u00ad]", "", t)
        # spacing or separators between CJK characters ("忽 略 以 上", "忽.略"): gone
        t = re.sub(r"(?<=[\u4e00-\u9fff])[\s·.・_*\-/|]+(?=[\u4e00-\u9fff])", "", t)
        # letters spelled out one by one ("i g n o r e"): joined
        t = re.sub(r"\b(?:[A-Za-z][\s._\-]){2,}[A-Za-z]\b",
                   lambda m: re.sub(r"[\s._\-]", "", m.group(0)), t)
        return re.sub(r"\s+", " ", t)

    def search(self, text: str) -> re.Match | None:
        return self._pattern.search(self.normalise(text))


INJECTION = InstructionFilter()


def _clean_title(title: str) -> str:
    # a title is shown to the model and printed in the post: from the first clause that
    # addresses the model on, it goes (what follows an instruction is its payload); the rest stays
    if not INJECTION.search(title):
        return title
    parts = re.split(r"(?<=[，,。；;：:！!？?|｜—（(【\[])", title)
    first = next(i for i in range(len(parts)) if INJECTION.search("".join(parts[:i + 1])))
    kept = "".join(parts[:first]).strip(" ，,；;：:|｜—（(【[")
    return kept if kept and not INJECTION.search(kept) else "（标题含指令性文字，已略去）"




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
    # what the free text of an answer may say: the sources' bigrams and their plain text
    support: set[str] = field(default_factory=set)
    source_text: str = ""
    whole: bool = False  # every sentence of every article is shown (they fit the budget)

    def sentence(self, ref: str) -> Sentence | None:
        m = _ALIAS.fullmatch(ref.strip().strip("[]【】 "))
        return self.by_alias.get(f"S{m.group(1)}") if m else None


def without_instructions(article: Article) -> Article:
    """The article without sentences (and paragraphs) that address a model rather than a reader:
    they are data, and as data they say nothing a digest needs."""
    title = _clean_title(article.title)
    if title == article.title and not any(INJECTION.search(s.text) for s in article.sentences):
        return article
    return article.model_copy(update={
        "title": title,
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
    texts = []
    for art in articles:
        texts.append(art.title)
        texts.extend(s.text for s in art.sentences)
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
    mat.source_text = "\n".join(texts)
    for t in texts:
        mat.support |= bigrams(t)
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
