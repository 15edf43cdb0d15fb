"""Measure a digest engine on a pinned evaluation set: key-point recall, figure traceability,
structure conformance and repeated items, beside a plain TextRank baseline."""

from __future__ import annotations

import json
import re
from dataclasses import asdict, dataclass, field
from pathlib import Path

import numpy as np

from macrodesk import spec
from macrodesk.checks.post import lint_text
from macrodesk.figures import extract_figures
from macrodesk.models import Article, FigureKind
from macrodesk.spec import split_front_matter
from macrodesk.text.similarity import bigrams
from macrodesk.text.similarity import containment as similarity


@dataclass
class KeyPoint:
    text: str
    figures: list[str] = field(default_factory=list)


def point_found(point: KeyPoint, items: list[str]) -> bool:
    """A key point is found when one item states its figure in the same context, or most of
    its words."""
    pb = bigrams(point.text)
    pkeys = {f.key() for f in extract_figures(point.text) if f.kind not in (FigureKind.DATE, FigureKind.NUMBER)}
    for item in items:
        ib = bigrams(item)
        overlap = similarity(pb, ib)
        ikeys = {f.key() for f in extract_figures(item)}
        if pkeys and pkeys & ikeys and overlap >= 0.3:
            return True
        if overlap >= 0.6:
            return True
    return False


def keypoint_recall(points: list[KeyPoint], items: list[str]) -> float:
    return sum(point_found(p, items) for p in points) / len(points) if points else 1.0


def post_body_text(post_text: str) -> str:
    """The parts of a post that carry claims: everything but front matter and the disclaimer."""
    _, body = split_front_matter(post_text)
    body = body.split(f"### {spec.DISCLAIMER}")[0]
    # section numbers and step ordinals in headings are the post's own structure, not figures
    # fund codes in the ETF column are checked against the registry, not traced as figures
    body = re.sub(r"^(\|.*\|)[^|]*\|$", r"\1", body, flags=re.M)
    lines = (re.sub(r"^\s*(?:\d+\.|[-*])\s+", "", line) for line in body.split("\n") if not line.startswith("#"))
    return "\n".join(lines)


# the checker's finding kinds that mean the post departs from the spec's fixed structure
STRUCTURE_KINDS = {"front_matter", "heading_missing", "heading_order", "heading_text",
                   "block_missing", "item_count", "item_format", "table_shape"}


def structure_defects(post_text: str) -> list[str]:
    """What in a post departs from the spec's fixed structure, as the checker reports it."""
    return [f"line {f.line}: {f.message}" for f in lint_text(post_text) if f.kind in STRUCTURE_KINDS]


def facts_of(post_text: str) -> list[str]:
    head = post_text.split("## 详细部分")[0]
    return [t for _, t in re.findall(r"^(\d+)\. \*\*(.+)\*\*$", head, re.M)]


def textrank(article: Article, n: int = 10) -> list[str]:
    """The floor to beat: sentences ranked by PageRank over bigram similarity."""
    sents = [s.text for s in article.sentences if s.kind not in ("table", "heading") and len(s.text) >= 12]
    if not sents:
        return []
    bg = [bigrams(s) for s in sents]
    k = len(sents)
    w = np.zeros((k, k))
    for i in range(k):
        for j in range(i + 1, k):
            if bg[i] and bg[j]:
                v = len(bg[i] & bg[j]) / (np.log(len(bg[i]) + 1) + np.log(len(bg[j]) + 1))
                w[i, j] = w[j, i] = v
    sums = w.sum(axis=1)
    sums[sums == 0] = 1
    m = w / sums[:, None]
    r = np.ones(k) / k
    for _ in range(50):
        r = 0.15 / k + 0.85 * m.T @ r
    top = sorted(np.argsort(-r)[:n])
    return [sents[i] for i in top]


_CORE = re.compile(r"核心观点|投资要点|核心结论")


def without_core_section(article: Article) -> Article:
    """The article with its author-written core-view section removed: a held-out test of
    whether the engine finds the key points in the body itself."""
    from macrodesk.readers import article_from_text

    core = {p.section_index for p in article.paragraphs if p.kind == "heading" and _CORE.search(p.text)}
    lines = []
    for p in article.paragraphs:
        if p.section_index in core:
            continue
        if p.kind == "heading":
            lines.append("#" * p.level + " " + p.text if p.level <= 6 else p.text)
        else:
            lines.append(p.text)
    return article_from_text("\n\n".join(lines), source_name=article.path, title=article.title)


@dataclass
class EvalReport:
    articles: int
    keypoint_recall: float
    textrank_recall: float
    heldout_recall: float  # recall with the core-view section removed from the input
    heldout_textrank_recall: float
    traceability: float  # share of post figures traced to a source sentence
    structure_ok: float  # share of posts with no structure defect
    duplicate_free: float  # share of posts with no repeated item
    per_article: list[dict] = field(default_factory=list)

    def as_dict(self) -> dict:
        return asdict(self)


def load_eval_set(folder: str | Path) -> list[tuple[Path, list[KeyPoint]]]:
    folder = Path(folder)
    data = json.loads((folder / "keypoints.json").read_text("utf-8"))
    return [(folder / "articles" / f"{k}.md", [KeyPoint(p["text"], p.get("figures", [])) for p in v["points"]])
            for k, v in data.items()]


def evaluate(folder: str | Path, engine: str = "extractive") -> EvalReport:
    """Run `engine` over the evaluation set in `folder` and score every post."""
    from macrodesk.config import Config
    from macrodesk.digest import digest_articles
    from macrodesk.readers import read_article
    from macrodesk.render import render_post

    rows = []
    cfg = Config()
    for path, points in load_eval_set(folder):
        art = read_article(path)
        post = render_post(digest_articles([art], engine, cfg), date="2026-01-01").text
        body_only = without_core_section(art)
        heldout = facts_of(render_post(digest_articles([body_only], engine, cfg), date="2026-01-01").text)
        items = facts_of(post)
        figs = extract_figures(post_body_text(post))
        findings = lint_text(post, sources=[art])
        untraced = [f.message for f in findings if f.kind == "figure_untraced"]
        rows.append({
            "article": path.stem,
            "recall": keypoint_recall(points, items),
            "textrank_recall": keypoint_recall(points, textrank(art)),
            "heldout_recall": keypoint_recall(points, heldout),
            "heldout_textrank_recall": keypoint_recall(points, textrank(body_only)),
            "figures": len(figs),
            "untraced": untraced,
            "structure": [f"line {f.line}: {f.message}" for f in findings if f.kind in STRUCTURE_KINDS],
            "duplicates": [f"line {f.line}: {f.message}" for f in findings if f.kind == "duplicate_item"],
        })
    n = len(rows)
    total_figs = sum(r["figures"] for r in rows)
    return EvalReport(
        articles=n,
        keypoint_recall=round(sum(r["recall"] for r in rows) / n, 4),
        textrank_recall=round(sum(r["textrank_recall"] for r in rows) / n, 4),
        heldout_recall=round(sum(r["heldout_recall"] for r in rows) / n, 4),
        heldout_textrank_recall=round(sum(r["heldout_textrank_recall"] for r in rows) / n, 4),
        traceability=round(1 - sum(len(r["untraced"]) for r in rows) / total_figs, 4) if total_figs else 1.0,
        structure_ok=round(sum(not r["structure"] for r in rows) / n, 4),
        duplicate_free=round(sum(not r["duplicates"] for r in rows) / n, 4),
        per_article=rows,
    )
