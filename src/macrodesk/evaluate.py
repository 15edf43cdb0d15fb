"""Measure a digest engine on a pinned evaluation set: key-point recall, figure traceability,
structure conformance and repeated items, beside a plain TextRank baseline."""

from __future__ import annotations

import json
import re
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import TypedDict

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
    """The ten items as a reader sees them (the post's inert entities decoded)."""
    head = post_text.split(f"## {spec.DETAIL}")[0]
    return [spec.plain(t) for _, t in re.findall(r"^(\d+)\. \*\*(.+)\*\*$", head, re.M)]


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


def _bg(text: str) -> frozenset[str]:
    return bigrams(text.replace("**", ""))


def _supports(evidence: str, text: str, threshold: float = 0.5) -> bool:
    return similarity(_bg(evidence), _bg(text)) >= threshold


def _related(a: str, b: str) -> bool:
    """Same theme, or one the parent of the other (a solar row answers a clean-energy stance)."""
    from macrodesk.lexicon import themes

    t = themes()
    return a == b or (a in t and t[a].parent == b) or (b in t and t[b].parent == a)


def score_sectors(rows: list[tuple[str, str, str]], gold: dict) -> dict:
    """Rows (theme, direction, logic) against the gold stances: right, wrong direction, or a
    theme the article takes no stance on (or one the gold lists as not a stance)."""
    right = wrong_dir = unsupported = 0
    for theme, direction, _logic in rows:
        same = [s for s in gold.get("stances", []) if _related(s["theme"], theme)]
        if any(s["direction"] == direction for s in same):
            right += 1
        elif same:
            wrong_dir += 1
        else:
            unsupported += 1
    return {"rows": len(rows), "right": right, "wrong_direction": wrong_dir, "unsupported": unsupported}


def score_risks(risks: list[tuple[str, str]], gold: dict) -> dict:
    """Risk entries (title, explanation) against the gold risks: a hit when its words hold a
    gold risk's title or evidence; a miss when they hold a listed non-risk, or nothing listed."""
    hit = not_risk = 0
    for title, expl in risks:
        text = f"{title}：{expl}"
        if any(_supports(g["evidence"], text) or _supports(g["title"], title, 0.6)
               for g in gold.get("risks", [])):
            hit += 1
        elif any(_supports(n["text"], text, 0.6) for n in gold.get("not_risks", [])):
            not_risk += 1
    return {"risks": len(risks), "hit": hit, "not_risk": not_risk}


@dataclass
class GoldReport:
    """Figures of one engine over the gold set (tests/eval/gold.json)."""

    engine: str
    articles: int
    keypoint_recall: float
    keypoint_recall_no_core: float
    sector_rows: int
    sector_precision: float
    wrong_direction: int
    risk_entries: int
    risk_precision: float
    items: int
    items_standalone: float
    glued_figures: int
    traceability: float
    structure_ok: float
    per_article: list[dict] = field(default_factory=list)

    def as_dict(self) -> dict:
        return asdict(self)


def evaluate_gold(folder: str | Path, engine: str = "extractive") -> GoldReport:
    """Score `engine` (or "textrank": ten ranked sentences, no tables, no risks) on every article
    of the gold set: key points, sector rows, risks, items that stand alone, glued figures."""
    from macrodesk.config import Config
    from macrodesk.digest import digest_articles
    from macrodesk.readers import read_article
    from macrodesk.reading.standalone import glued_figures, stands_alone
    from macrodesk.render import render_post

    folder = Path(folder)
    gold = json.loads((folder / "gold.json").read_text("utf-8"))
    cfg = Config()
    rows = []
    for stem, g in gold.items():
        art = read_article(folder / "articles" / f"{stem}.md")
        points = [KeyPoint(p["text"], p.get("figures", [])) for p in g["keypoints"]]
        row: dict = {"article": stem, "core": g["has_core_section"]}
        if engine == "textrank":
            items = textrank(art)
            row.update(sectors=score_sectors([], g), risks=score_risks([], g), untraced=0, figures=0,
                       structure=[], glued=sum(len(glued_figures(i)) for i in items))
        else:
            d = digest_articles([art], engine, cfg, allow_short=True)
            post = render_post(d, date="2026-01-01").text
            items = facts_of(post)
            sec = [(r.theme, "positive", r.logic) for r in d.bullish if r.theme] + \
                  [(r.theme, "negative", r.logic) for r in d.bearish if r.theme]
            rk = [(r.title, r.explanation) for r in d.risks if r.title != "数据核对"]
            findings = lint_text(post, sources=[art])
            row.update(sectors=score_sectors(sec, g), risks=score_risks(rk, g),
                       untraced=sum(f.kind == "figure_untraced" for f in findings),
                       figures=len(extract_figures(post_body_text(post))),
                       structure=[f.message for f in findings if f.kind in STRUCTURE_KINDS],
                       glued=len(glued_figures(post_body_text(post))),
                       sector_rows=[f"{t} {dr}: {lg}" for t, dr, lg in sec],
                       risk_rows=[f"{t}：{e}" for t, e in rk])
        row["recall"] = keypoint_recall(points, items)
        row["items"] = len(items)
        row["standalone"] = sum(stands_alone(i) for i in items)
        row["item_texts"] = items
        rows.append(row)
    n = len(rows)
    nocore = [r for r in rows if not r["core"]]
    nrows = sum(r["sectors"]["rows"] for r in rows)
    nrisks = sum(r["risks"]["risks"] for r in rows)
    nitems = sum(r["items"] for r in rows)
    figs = sum(r["figures"] for r in rows)
    return GoldReport(
        engine=engine, articles=n,
        keypoint_recall=round(sum(r["recall"] for r in rows) / n, 4),
        keypoint_recall_no_core=round(sum(r["recall"] for r in nocore) / len(nocore), 4) if nocore else 1.0,
        sector_rows=nrows,
        sector_precision=round(sum(r["sectors"]["right"] for r in rows) / nrows, 4) if nrows else 1.0,
        wrong_direction=sum(r["sectors"]["wrong_direction"] for r in rows),
        risk_entries=nrisks,
        risk_precision=round(sum(r["risks"]["hit"] for r in rows) / nrisks, 4) if nrisks else 1.0,
        items=nitems,
        items_standalone=round(sum(r["standalone"] for r in rows) / nitems, 4) if nitems else 1.0,
        glued_figures=sum(r["glued"] for r in rows),
        traceability=round(1 - sum(r["untraced"] for r in rows) / figs, 4) if figs else 1.0,
        structure_ok=round(sum(not r["structure"] for r in rows) / n, 4),
        per_article=rows,
    )


class ArticleEval(TypedDict):
    """One article's row of the evaluation."""

    article: str
    recall: float
    textrank_recall: float
    heldout_recall: float
    heldout_textrank_recall: float
    figures: int
    untraced: list[str]
    structure: list[str]
    duplicates: list[str]


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
    per_article: list[ArticleEval] = field(default_factory=list)

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

    rows: list[ArticleEval] = []
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
