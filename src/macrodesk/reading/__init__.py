"""The reading stage: turns a segmented Article into an ArticleModel (outline, frames, attributed
claims, stance relations, risk statements) that both engines and the checkers read."""

from __future__ import annotations

from macrodesk.models import Article
from macrodesk.reading.claims import attribute, frames
from macrodesk.reading.model import ArticleModel, Claim, Frame, Heading, RiskStatement, Stance
from macrodesk.reading.outline import expected_points, section_kind
from macrodesk.reading.outline import outline as _outline
from macrodesk.reading.risks import not_a_risk, risk_statements
from macrodesk.reading.stances import calls, theme_heads, topical
from macrodesk.reading.stances import stances as _stances


def read(article: Article) -> ArticleModel:
    """The article model of one article (deterministic, offline)."""
    heads = _outline(article)
    frame_map = frames(article, {h.paragraph: h.text for h in heads})
    claim_map = attribute(article.sentences)
    risks = risk_statements(article, claim_map)
    model = ArticleModel(article=article, outline=heads, expected_points=expected_points(article.title),
                         frames=frame_map, claims=claim_map, risks=risks)
    about = topical(article)
    model.stances = [st for st in _stances(article, claim_map, frame_map, {r.sentence_id for r in risks})
                     if st.theme in about]
    return model


__all__ = ["ArticleModel", "Claim", "Frame", "Heading", "RiskStatement", "Stance", "calls", "expected_points",
           "not_a_risk", "read", "risk_statements", "section_kind", "theme_heads", "topical"]
