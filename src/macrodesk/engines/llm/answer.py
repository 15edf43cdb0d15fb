"""The model's answer: its JSON schema, parsing (with one clear error for a cut or malformed
answer) and the checks that hold every figure, id and ETF of it to the material."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Annotated, Any

from pydantic import BaseModel, BeforeValidator, Field, ValidationError, field_validator

from macrodesk.engines.llm.client import (
    parse_json_object,
)
from macrodesk.engines.llm.material import (
    INJECTION,
    Material,
    _etf_module,
    _key_variants,
)
from macrodesk.engines.ranking import (
    ITEM_COUNT,
)
from macrodesk.errors import LLMError
from macrodesk.figures import extract_figures
from macrodesk.models import (
    FigureKind,
)
from macrodesk.text.similarity import bigrams
from macrodesk.text.similarity import containment as similarity

_HEADLINE_TAIL = re.compile(r"\s*[—–-]*\s*市场研究摘要\s*$")

SentenceId = Annotated[str, BeforeValidator(lambda v: "" if v is None else str(v))]



class _AnswerFact(BaseModel):
    text: str = ""
    sentence_id: SentenceId = ""


class _AnswerStep(BaseModel):
    title: str = ""
    points: list[str] = Field(default_factory=list)
    sentence_ids: list[str] = Field(default_factory=list)

    @field_validator("sentence_ids", mode="before")
    @classmethod
    def _sids(cls, v: Any) -> list[str]:
        return [str(x) for x in v] if isinstance(v, list) else []


class _AnswerRow(BaseModel):
    sector: str = ""
    logic: str = ""
    etfs: list[str] = Field(default_factory=list)
    sentence_id: SentenceId = ""

    @field_validator("etfs", mode="before")
    @classmethod
    def _etfs(cls, v: Any) -> list[str]:
        if isinstance(v, str):
            v = re.split(r"[,，、\s]+", v)
        return [str(x).strip() for x in v if str(x).strip()] if isinstance(v, list) else []


class _AnswerRisk(BaseModel):
    title: str = ""
    explanation: str = ""
    sentence_id: SentenceId = ""


class LLMAnswer(BaseModel):
    """The slim JSON the model is asked for; mapped to a Digest after the checks."""

    headline: str = ""
    overview: str
    facts: list[_AnswerFact]
    event_overview: list[str] = Field(default_factory=list)
    steps: list[_AnswerStep] = Field(default_factory=list)
    core_logic: str = ""
    bullish: list[_AnswerRow] = Field(default_factory=list)
    bearish: list[_AnswerRow] = Field(default_factory=list)
    allocation: str = ""
    risks: list[_AnswerRisk] = Field(default_factory=list)
    technical_note: str = ""

    @field_validator("event_overview", mode="before")
    @classmethod
    def _paras(cls, v: Any) -> list[str]:
        if isinstance(v, str):
            return [p for p in v.split("\n") if p.strip()]
        return v


@dataclass
class Problem:
    where: tuple  # ("facts", 3), ("overview",), ("steps", 1, 0), ("bullish", 2)...
    message: str  # in Chinese: it goes back to the model in the repair request
    unsupported: int = 0  # sentences of free text that no source supports
    rule: str = ""  # the grounding rule that raised it ("stance", "risk"); "" for the figure checks


# A call to trade that the sources do not make is the model's (or an injection's) own voice.
TRADE_CALL = re.compile(
    r"买入|卖出|满仓|清仓|加仓|重仓|梭哈|全仓|抄底|追涨|追高|杀跌|稳赚|必涨|必赚|包赚|保本|翻倍|暴涨"
    r"|无需止损|不用止损|不设止损|无风险|零风险|立即|马上|赶紧|速速|all\s*in|buy\s+now|sell\s+now"
    r"|guarantee", re.I)
# Any link, scheme or markup in free text: the post cites sources by their titles, never by links
_LINKISH = re.compile(r"[a-z][a-z0-9+.\-]*\s*(?::|&colon;|&#0*58;?|&#x0*3a;?)\s*//|https?:|www\.|"
                      r"javascript|vbscript|data\s*:|&#|&[a-z]+;|\]\s*\(|<\s*/?\s*[a-z]|\{\{|\{%", re.I)
# Analysts' framing words: an allocation or a step title may use them without a source saying
# them (关注, 谨慎, 受益...); they carry no claim of their own.
_FRAMING = bigrams(
    "关注谨慎机会板块配置保持建议识别判断影响力量支撑原因拆解逻辑风险受益承压利好利空相关行业带来"
    "依赖敏感方向维持观察跟踪政策汇率分析驱动主要因素可能或将预期短期中期长期继续进一步仍需注意警惕"
    "重点核心趋势市场投资资产标的低配高配超配均衡防御周期成长价值偏好不确定性落空减弱加大变化"
    "情景路径节奏空间压力边际改善回升回落上行下行走强走弱温和明显有限显著结构性分化布局等待确认"
    "原文未明确给出依据上表所列")


@lru_cache(maxsize=1)
def _sector_words() -> frozenset[str]:
    # the sector names of the taxonomy (the rows and the ETF candidates use them): labels, no claim
    from macrodesk.lexicon import themes

    return frozenset(g for t in themes().values() for g in bigrams(t.zh))
SUPPORT_FLOOR = 0.4  # share of a sentence's bigrams found in the sources (or framing words)
_SENTENCE = re.compile(r"(?<=[。；！？!?;])")


def unsupported_sentences(text: str, material: Material, cited: str | None = None) -> list[str]:
    """The sentences of a free-text field that the material does not support: too few of their
    bigrams in the sources (the cited sentence for an item), a call to trade no source makes,
    or a link. Each is named with the reason, in Chinese, for the repair request."""
    out = []
    pool = bigrams(cited) if cited is not None else material.support
    source = cited if cited is not None else material.source_text
    for sent in (x.strip() for x in _SENTENCE.split(text)):
        if not sent:
            continue
        if _LINKISH.search(sent):
            out.append(f"“{sent[:30]}”含链接或标记")
            continue
        calls = [m.group(0) for m in TRADE_CALL.finditer(sent) if m.group(0) not in source]
        if calls:
            out.append(f"“{sent[:30]}”含材料中没有的交易号召（{'、'.join(calls)}）")
            continue
        g = bigrams(sent)
        if len(g) >= 3 and len(g & (pool | _FRAMING | _sector_words())) / len(g) < SUPPORT_FLOOR:
            out.append(f"“{sent[:30]}”在材料中找不到依据")
    return out





class _BadAnswer(LLMError):
    """The model answered twice, but never with the digest JSON."""


# -- material and checks (module functions: the benchmark and tests use them) ----------------


def parse_answer(content: str) -> LLMAnswer:
    """The model's answer as an LLMAnswer; ValueError naming what is wrong otherwise."""
    data = parse_json_object(content)
    try:
        answer = LLMAnswer.model_validate(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(x) for x in first["loc"])
        raise ValueError(f"field {where}: {first['msg']}") from exc
    if not answer.facts:
        raise ValueError("field facts: empty")
    return answer


def _strings(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [x for v in value.values() for x in _strings(v)]
    if isinstance(value, list):
        return [x for v in value for x in _strings(v)]
    return []


def _untraced(text: str, allowed: set[tuple], dates: set[tuple]) -> list[str]:
    bad = []
    for f in extract_figures(text):
        if f.kind == FigureKind.DATE:
            if f.key() not in dates:
                bad.append(f.text)
        elif f.kind == FigureKind.NUMBER and f.value is not None and abs(f.value) < 10 \
                and f.decimals == 0:
            continue  # a bare small integer is an ordinal or a count word, not a data figure
        elif f.key() not in allowed:
            bad.append(f.text)
    return bad


def check_answer(answer: LLMAnswer, material: Material) -> list[Problem]:
    """Every way the answer breaks the rules: an item citing no real sentence, a figure not in
    its cited sentence (items) or in no source at all (other text), an echoed instruction."""
    problems: list[Problem] = []
    seen: set[str] = set()
    grams: list[frozenset[str]] = []
    for i, item in enumerate(answer.facts[:ITEM_COUNT]):
        g = bigrams(item.text)
        twin = next((k for k, o in enumerate(grams) if similarity(g, o) >= 0.7), None)
        grams.append(g)
        if twin is not None:
            problems.append(Problem(("facts", i), f"facts第{i + 1}条与第{twin + 1}条重复"))
            continue
        s = material.sentence(item.sentence_id)
        where = ("facts", i)
        if s is None:
            problems.append(Problem(where, f"facts第{i + 1}条引用的句子编号{item.sentence_id!r}不存在"))
            continue
        if s.id in seen:
            problems.append(Problem(where, f"facts第{i + 1}条与前面的条目引用了同一句{item.sentence_id}"))
            continue
        seen.add(s.id)
        if INJECTION.search(item.text) or INJECTION.search(s.text):
            problems.append(Problem(where, f"facts第{i + 1}条不是研究内容"))
            continue
        own: set[tuple] = set()
        own_dates: set[tuple] = set(material.date_keys)
        for f in s.figures:
            (own_dates if f.kind == FigureKind.DATE else own).update(_key_variants(f.key()))
        missing = _untraced(item.text, own, own_dates)
        loose = unsupported_sentences(item.text, material, cited=s.text)
        if loose:
            problems.append(Problem(where, f"facts第{i + 1}条：{'；'.join(loose)}", len(loose)))
            continue
        if missing:
            problems.append(Problem(where, f"facts第{i + 1}条中的{'、'.join(missing)}不在所引句子"
                                           f"{item.sentence_id}中"))
        if not item.text.strip():
            problems.append(Problem(where, f"facts第{i + 1}条为空"))
    if len(answer.facts) < ITEM_COUNT:
        problems.append(Problem(("facts_count",), f"facts只有{len(answer.facts)}条，需要{ITEM_COUNT}条"))

    if INJECTION.search(" ".join(_strings(answer.model_dump()))):
        problems.append(Problem(("compromised",), "回答包含与研究无关的指令性文字：只依据材料重写全部字段"))

    def free(where: tuple, label: str, text: str) -> None:
        if INJECTION.search(text):
            problems.append(Problem(where, f"{label}包含与研究无关的指令性文字"))
            return
        loose = unsupported_sentences(text, material)
        if loose:
            problems.append(Problem(where, f"{label}：{'；'.join(loose)}", len(loose)))
            return
        missing = _untraced(text, material.all_keys, material.date_keys)
        if missing:
            problems.append(Problem(where, f"{label}中的{'、'.join(missing)}在材料中找不到"))

    free(("headline",), "headline", answer.headline)
    free(("overview",), "overview", answer.overview)
    for i, p in enumerate(answer.event_overview):
        free(("event_overview", i), f"event_overview第{i + 1}段", p)
    for i, st in enumerate(answer.steps):
        free(("steps", i), f"steps第{i + 1}步标题", st.title)
        for j, p in enumerate(st.points):
            free(("steps", i, j), f"steps第{i + 1}步要点{j + 1}", p)
    free(("core_logic",), "core_logic", answer.core_logic)
    for side in ("bullish", "bearish"):
        for i, r in enumerate(getattr(answer, side)):
            free((side, i), f"{side}第{i + 1}行", r.sector + "：" + r.logic)
    free(("allocation",), "allocation", answer.allocation)
    for i, r in enumerate(answer.risks):
        free(("risks", i), f"risks第{i + 1}条", r.title + "：" + r.explanation)
    free(("technical_note",), "technical_note", answer.technical_note)
    return problems


# -- the ETF registry (macrodesk.etf, when installed) -------------------------------------------


def registry_label(code: str, wanted: set[str], offered: set[str]) -> str | None:
    """How a cited ETF is shown (`名称（代码）` for China, the ticker for the US, as the embedded
    engine shows them), or None when the registry does not know the code, the code was not
    offered to the model, or the fund does not serve the row's themes."""
    code = re.sub(r"\.(SH|SZ|OF)$", "", code.strip().upper())
    m = re.search(r"(?<![0-9A-Z])([0-9]{6}|[A-Z]{1,5})(?![0-9A-Z])", code)
    if not m:
        return None
    code = m.group(1)
    etf = _etf_module()
    if etf is None or not hasattr(etf, "lookup"):
        return None  # no registry installed: no ticker we cannot stand behind
    fund = etf.lookup(code)
    if fund is None or code not in offered:
        return None
    if wanted and hasattr(etf, "serves") and not etf.serves(fund.themes, wanted):
        return None
    return f"{fund.name}（{code}）" if fund.market == "cn" else code
