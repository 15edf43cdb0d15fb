"""Typed data that crosses pipeline stages: Article, Sentence, Figure, Fact, Digest, Post."""

from __future__ import annotations

import functools
from datetime import datetime
from enum import StrEnum
from typing import Literal

from pydantic import BaseModel, Field


class FigureKind(StrEnum):
    PERCENT = "percent"  # 8.1%, 三成
    POINTS = "points"  # 个百分点, pct, bp
    MONEY = "money"  # 420亿美元, 两千亿元
    MULTIPLE = "multiple"  # 2倍
    DURATION = "duration"  # 6个月
    DATE = "date"  # 2025年6月, 上半年, 25Q2
    QUANTITY = "quantity"  # 50万吨, 7500个, 6100mAh
    NUMBER = "number"  # a bare number with no unit


class Figure(BaseModel):
    """One figure as written in a sentence, with its typed value."""

    text: str  # exactly as in the sentence
    kind: FigureKind
    value: float | None = None  # low end for a range; None for dates without a number
    high: float | None = None  # high end of a range
    unit: str = ""  # normalised unit: "%", "个百分点", "亿美元", "万亿", "倍", "个月"...
    scale: float = 1.0  # multiplier the unit carries (万=1e4, 亿=1e8, 万亿=1e12, 成=10)
    decimals: int = 0  # digits after the point as written: the stated precision
    approx: bool = False  # 约/近/超/逾 before it
    period: str | None = None  # the period the figure refers to, when the sentence gives one
    start: int = 0  # offsets within the sentence text
    end: int = 0

    @property
    def is_range(self) -> bool:
        return self.high is not None

    def key(self) -> tuple:
        """What two mentions of the same figure share, however they are written
        (三成 and 30%, 25bp and 0.25个百分点, 2000亿 and 两千亿)."""
        if self.kind == FigureKind.DATE:
            return (self.kind.value, self.text.replace(" ", ""))

        def norm(v: float | None) -> float | None:
            return None if v is None else round(v * self.scale, 6)

        return (self.kind.value, canonical_unit(self.kind, self.unit), norm(self.value), norm(self.high))


@functools.lru_cache(maxsize=2048)
def canonical_unit(kind: FigureKind, unit: str) -> str:
    """The unit with its magnitude and currency aliases dropped (亿美元 -> 美元, 万吨 -> 吨); cached,
    as the checker asks it of every figure several times."""
    if kind == FigureKind.PERCENT:
        return "%"
    if kind == FigureKind.POINTS:
        return "pp"
    if kind == FigureKind.MONEY:
        for cur in ("美元", "美金", "欧元", "日元", "港元", "港币", "英镑", "瑞士法郎", "瑞郎", "人民币", "元"):
            if cur in unit:
                per = unit.split("/", 1)[1].strip() if "/" in unit else ""
                per = _AREA.get(per, per)
                return {"美金": "美元", "港币": "港元", "瑞郎": "瑞士法郎", "人民币": "元"}.get(cur, cur) + (f"/{per}" if per else "")
    for mag in ("万亿", "千亿", "百亿", "亿", "千万", "百万", "万"):
        if unit.startswith(mag):
            unit = unit[len(mag):]
            break
    # 万方 is 万平方米 in a property report and 亿方 亿立方米 in a gas one: one unit either way
    return _AREA.get(unit, unit)


_AREA = {"平方米": "方", "平米": "方", "平": "方", "立方米": "方", "㎡": "方"}


class Sentence(BaseModel):
    id: str  # "<article>:<paragraph>.<sentence>", stable within one article
    text: str
    paragraph: int
    section: str = ""  # the heading the sentence stands under ("" before the first)
    section_index: int = 0  # index of the top-level section
    kind: Literal["prose", "list", "table", "heading"] = "prose"
    bold_lead: str = ""  # a bold lead-in the paragraph opens with
    figures: list[Figure] = Field(default_factory=list)


class Paragraph(BaseModel):
    index: int
    text: str
    kind: Literal["heading", "prose", "list", "table"] = "prose"
    level: int = 0  # heading depth (1 = top); list nesting for list items
    section: str = ""
    section_index: int = 0


class Article(BaseModel):
    """One source text, cleaned, with its metadata and its segmentation."""

    id: str  # short content hash
    title: str
    text: str  # cleaned body text
    source: str = ""  # site or publisher
    author: str = ""
    url: str = ""
    published: datetime | None = None
    path: str = ""  # where it was read from
    language: str = "zh"
    content_hash: str = ""
    meta: dict[str, str] = Field(default_factory=dict)
    removed: list[str] = Field(default_factory=list)  # boilerplate lines dropped by cleaning
    paragraphs: list[Paragraph] = Field(default_factory=list)
    sentences: list[Sentence] = Field(default_factory=list)

    @property
    def label(self) -> str:
        return self.title or self.path or self.id


class Fact(BaseModel):
    """One of the ten items: a fact condensed from exactly one source sentence."""

    text: str
    sentence_id: str
    source_sentence: str
    figures: list[Figure] = Field(default_factory=list)
    score: float = 0.0
    section: str = ""


class Step(BaseModel):
    title: str
    points: list[str]
    sentence_ids: list[str] = Field(default_factory=list)


class SectorRow(BaseModel):
    sector: str  # display name, e.g. 半导体设备
    theme: str = ""  # taxonomy key, e.g. semiconductor_equipment
    logic: str
    etfs: list[str] = Field(default_factory=list)
    sentence_id: str = ""


class Risk(BaseModel):
    title: str
    explanation: str
    sentence_id: str = ""


class SourceRef(BaseModel):
    title: str
    url: str = ""
    source: str = ""
    path: str = ""
    published: datetime | None = None


class Digest(BaseModel):
    """Everything a post says, as data; both engines fill it, one renderer writes it."""

    headline: str
    overview: str  # one paragraph, Markdown bold allowed
    facts: list[Fact]
    event_overview: list[str]  # 1-3 paragraphs
    steps: list[Step]
    core_logic: str
    bullish: list[SectorRow] = Field(default_factory=list)
    bearish: list[SectorRow] = Field(default_factory=list)
    allocation: str = ""
    risks: list[Risk] = Field(default_factory=list)
    technical_note: str = ""
    datacheck: list[str] = Field(default_factory=list)  # quoted figures beside recomputed ones
    consensus: list[str] = Field(default_factory=list)  # 观点对照: sources' figures for one indicator
    disclaimer: str = ""
    sources: list[SourceRef] = Field(default_factory=list)
    engine: str = "extractive"
    warnings: list[str] = Field(default_factory=list)
    usage: dict[str, str | int | float | bool] = Field(default_factory=dict)  # tokens and cost (llm)


class Post(BaseModel):
    """A rendered post: its front matter, its Markdown and the file name a Jekyll site wants."""

    date: str  # YYYY-MM-DD
    filename: str  # YYYY-MM-DD-macr_research_YYYY-MM-DD.md
    front_matter: dict[str, str | list[str]]
    body: str
    text: str  # the whole file
