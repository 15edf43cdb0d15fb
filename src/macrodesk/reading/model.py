"""The article model the reading stage builds and both engines and the checkers share: outline,
frames, attributed claims, stance relations and risk statements, each tied to a sentence id."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from macrodesk.models import Article, Sentence

Attribution = Literal["author", "reported", "rebutted"]
Direction = Literal["positive", "negative"]
FrameSource = Literal["", "label", "bold_lead", "heading", "list_lead"]


@dataclass(frozen=True)
class Heading:
    text: str  # without its numbering
    level: int  # 1 = top
    paragraph: int
    kind: Literal["markdown", "numbered", "bold_lead", "question", "short_line"] = "markdown"


@dataclass(frozen=True)
class Frame:
    """What a sentence is about, carried from its label, bold lead, heading or list lead."""

    entity: str = ""  # the subject: a company, country, sector, index
    metric: str = ""
    period: str = ""  # resolved against the publication date where relative ("本周" → "2025年第23周")
    source: FrameSource = ""
    label: str = ""  # a framing label the sentence opens with ("一致预期", "观点分歧"): says whose view, not what about


@dataclass(frozen=True)
class Claim:
    sentence_id: str
    attribution: Attribution
    holder: str = ""  # who holds a reported view ("多数投资者", "机构X")


@dataclass(frozen=True)
class Stance:
    """A relation read from one clause: the author (or someone) says `theme` goes `direction`."""

    theme: str
    direction: Direction
    sentence_id: str
    evidence: str  # the clause that says so, in the author's words
    attribution: Attribution = "author"
    weight: float = 1.0  # headings and core views weigh more than a body clause
    view: bool = True  # said with a view word (看好, 承压) or a domain rule, not only a change word (下跌)


@dataclass(frozen=True)
class RiskStatement:
    title: str  # a noun phrase, not the explanation
    explanation: str
    sentence_id: str
    listed: bool = False  # from the author's own 风险提示 list


@dataclass
class ArticleModel:
    article: Article
    outline: list[Heading] = field(default_factory=list)
    expected_points: int = 0  # "N点观察", "三大看点" in the title
    headline_claims: list[str] = field(default_factory=list)  # sentence ids, author's order
    frames: dict[str, Frame] = field(default_factory=dict)
    claims: dict[str, Claim] = field(default_factory=dict)
    stances: list[Stance] = field(default_factory=list)
    risks: list[RiskStatement] = field(default_factory=list)

    def sentence(self, sid: str) -> Sentence | None:
        return next((s for s in self.article.sentences if s.id == sid), None)

    def attribution(self, sid: str) -> Attribution:
        c = self.claims.get(sid)
        return c.attribution if c else "author"
