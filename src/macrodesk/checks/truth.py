"""Score `check_article` against relations listed by hand (tests/check_truth): recall of the
stated relations, verdict accuracy, false alarms, real errors caught, and mutation recall."""

from __future__ import annotations

import json
import re
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path

from macrodesk.checks.arithmetic import Check, check_article
from macrodesk.models import Article
from macrodesk.readers import article_from_bytes

# the hand-made verdicts and the tool's verdicts name the same three outcomes
TOOL_VERDICT = {"holds": "consistent", "fails": "inconsistent", "unverifiable": "unverifiable"}

_NUM = re.compile(r"([-−－]?)\s*(\d[\d,]*(?:\.\d+)?)")
_DROP = re.compile(r"[\s*]+")
_WIDE_THOUSANDS = re.compile(r"(?<=\d)，(?=\d{3}(?!\d))")
# (full-width digits and the full-width point of PDF exports: "234．9％" is 234.9%)
_FULL, _ASCII = "．０１２３４５６７８９", ".0123456789"
_FULL_DIGITS = str.maketrans(_FULL, _ASCII)
# (and a list's backslash, as the reader writes it: "0.94\1.51\2.34元" is read as "0.94/1.51/2.34元")
_HALF = str.maketrans("，；：（）！？％－\\" + _FULL, ",;:()!?%-/" + _ASCII)


def norm_text(s: str) -> str:
    """Text as the matcher compares it: no spaces, no bold marks, half-width punctuation."""
    return _DROP.sub("", s).translate(_HALF)


def figure_number(s: str) -> float | None:
    """The magnitude of the first number written in a figure ("- 2bp" -> 2.0; "23，042万元" -> 23042.0,
    a PDF's full-width thousands separator as the figure reader reads it); a figure quoted with its
    label and an equals sign states what follows it ("CAGR-10=30%" -> 30.0)."""
    s = re.split(r"[=＝]", s or "")[-1]
    m = _NUM.search(_WIDE_THOUSANDS.sub(",", s).translate(_FULL_DIGITS))
    if not m:
        return None
    try:
        return abs(float(m.group(2).replace(",", "")))
    except ValueError:
        return None


@dataclass
class Relation:
    """One relation of the hand-made ground truth."""

    id: str
    article: str
    kind: str
    span: str
    explicit: bool
    verdict: str  # holds | fails | unverifiable
    stated: str
    stated_quote: str
    inputs: list[tuple[str, str]]  # (figure, quote)

    @classmethod
    def from_json(cls, d: dict) -> Relation:
        return cls(
            id=d["id"], article=str(d["article"]), kind=d["kind"], span=d["span"],
            explicit=bool(d["explicit"]), verdict=d["verdict"], stated=d["stated"]["figure"],
            stated_quote=d["stated"]["quote"],
            inputs=[(i["figure"], i.get("quote", "")) for i in d.get("inputs", [])],
        )


def load_truth(folder: Path) -> list[Relation]:
    out: list[Relation] = []
    for p in sorted(folder.glob("relations_*.json")):
        out.extend(Relation.from_json(d) for d in json.loads(p.read_text(encoding="utf-8")))
    return out


def _same(a: float | None, b: float | None) -> bool:
    return a is not None and b is not None and abs(a - b) <= 1e-9 * max(1.0, abs(a))


def _near_quote(rel: Relation, sentence: str) -> bool:
    """The check's sentence is where the stated figure is quoted: the quote's words around the
    figure (or the whole quote, or the whole sentence) appear in it."""
    # a table row is quoted with | between cells and read as a sentence with ， between them
    q = norm_text(rel.stated_quote).replace("|", ",").strip(",")
    s = norm_text(sentence).replace("|", ",").strip(",")
    if not q or not s:
        return False
    if q in s or s in q:
        return True
    f = norm_text(rel.stated)
    i = q.find(f)
    if i < 0:
        m = _NUM.search(rel.stated)
        i = q.find(m.group(2)) if m else -1
    if i < 0:
        return q[:12] in s or q[-12:] in s
    window = q[max(0, i - 6):i + len(f) + 4]
    return window in s or q[max(0, i - 8):i] in s and len(q[max(0, i - 8):i]) >= 4


def _same_triple(rel: Relation, chk: Check) -> bool:
    """A product or ratio of two figures written the other way round: each side's stated figure is
    an input of the other's (the third figure is left out: a mutation may have changed it)."""
    if rel.kind not in ("ratio", "product") or chk.kind not in ("ratio", "product") or len(rel.inputs) != 2 \
            or len(chk.inputs) != 2:
        return False
    mine = [figure_number(x) for x in chk.inputs]
    theirs = [figure_number(f) for f, _ in rel.inputs]
    return any(_same(figure_number(rel.stated), m) for m in mine) and any(_same(figure_number(chk.stated), t) for t in theirs)


def _input_overlap(rel: Relation, chk: Check) -> int:
    mine = [figure_number(x) for x in chk.inputs]
    return sum(1 for f, _ in rel.inputs if any(_same(figure_number(f), m) for m in mine))


def match(relations: list[Relation], checks: list[Check]) -> dict[str, Check]:
    """Pair the listed relations of one article with the tool's checks, one to one: same stated
    figure, quoted where the check says, most shared inputs first."""
    pairs: list[tuple[int, int, int]] = []
    for ri, rel in enumerate(relations):
        sv = figure_number(rel.stated)
        for ci, chk in enumerate(checks):
            # a claim in words ("高于行业平均", "翻倍") is matched by its words
            same = (_same(sv, figure_number(chk.stated)) if sv is not None
                    else norm_text(rel.stated) in norm_text(chk.stated))
            if same and _near_quote(rel, chk.sentence):
                pairs.append((-_input_overlap(rel, chk), ri, ci))
            elif sv is not None and _same_triple(rel, chk) and _near_quote(rel, chk.sentence):
                # one product written either way round ("目标价324元，对应22年40X PE": listed as the PE
                # 324 / 6.56, checked as the target 40 × 6.56): after every pair on the stated figure
                pairs.append((1, ri, ci))
    pairs.sort()
    out: dict[str, Check] = {}
    used: set[int] = set()
    for _, ri, ci in pairs:
        rid = relations[ri].id
        if rid in out or ci in used:
            continue
        out[rid] = checks[ci]
        used.add(ci)
    return out


@dataclass
class Score:
    """What the tool found of the listed relations, and how it judged them."""

    relations: int = 0
    explicit: int = 0
    explicit_found: int = 0
    found: int = 0
    verdict_right: int = 0
    false_alarms: list[str] = field(default_factory=list)
    errors: int = 0  # listed relations that fail
    errors_caught: int = 0
    checks: int = 0
    by_kind: dict[str, list[int]] = field(default_factory=lambda: defaultdict(lambda: [0, 0]))
    by_span: dict[str, list[int]] = field(default_factory=lambda: defaultdict(lambda: [0, 0]))
    verdict_misses: list[str] = field(default_factory=list)
    mutations: int = 0
    mutations_caught: int = 0

    @property
    def explicit_recall(self) -> float:
        return self.explicit_found / self.explicit if self.explicit else 0.0

    @property
    def verdict_accuracy(self) -> float:
        return self.verdict_right / self.found if self.found else 0.0

    @property
    def mutation_recall(self) -> float:
        return self.mutations_caught / self.mutations if self.mutations else 0.0

    def table(self) -> str:
        lines = [
            f"relations listed: {self.relations} (explicit {self.explicit}); tool checks: {self.checks}",
            f"explicit recall: {self.explicit_found}/{self.explicit} = {self.explicit_recall:.3f}",
            f"matched (any): {self.found}; verdict accuracy: {self.verdict_right}/{self.found}"
            f" = {self.verdict_accuracy:.3f}",
            f"false alarms: {len(self.false_alarms)}; real errors caught: {self.errors_caught}/{self.errors}",
            f"mutation recall: {self.mutations_caught}/{self.mutations} = {self.mutation_recall:.3f}",
            "explicit recall by kind: " + ", ".join(
                f"{k} {v[1]}/{v[0]}" for k, v in sorted(self.by_kind.items())),
            "explicit recall by span: " + ", ".join(
                f"{k} {v[1]}/{v[0]}" for k, v in sorted(self.by_span.items())),
        ]
        return "\n".join(lines)


def score_article(rels: list[Relation], checks: list[Check], score: Score) -> dict[str, Check]:
    found = match(rels, checks)
    score.relations += len(rels)
    score.checks += len(checks)
    matched_checks = {id(c) for c in found.values()}
    for rel in rels:
        chk = found.get(rel.id)
        if rel.explicit:
            score.explicit += 1
            score.by_kind[rel.kind][0] += 1
            score.by_span[rel.span][0] += 1
            if chk is not None:
                score.explicit_found += 1
                score.by_kind[rel.kind][1] += 1
                score.by_span[rel.span][1] += 1
        if rel.verdict == "fails":
            score.errors += 1
            if chk is not None and chk.verdict == "inconsistent":
                score.errors_caught += 1
        if chk is None:
            continue
        score.found += 1
        if chk.verdict == TOOL_VERDICT[rel.verdict]:
            score.verdict_right += 1
        else:
            score.verdict_misses.append(f"{rel.id}: listed {rel.verdict}, tool {chk.verdict} "
                                        f"({chk.relation})")
        if chk.verdict == "inconsistent" and rel.verdict != "fails":
            score.false_alarms.append(f"{rel.id}: {chk.relation} (computed {chk.computed})")
    for chk in checks:
        if chk.verdict == "inconsistent" and id(chk) not in matched_checks:
            score.false_alarms.append(f"{chk.article}: unlisted {chk.relation} "
                                      f"(computed {chk.computed}) in “{chk.sentence[:60]}”")
    return found


# ---------------------------------------------------------------- mutations


def _flex(s: str) -> str:
    """A pattern for `s` that allows spaces, line breaks and bold marks between its characters."""
    return r"[\s*]*".join(re.escape(ch) for ch in _DROP.sub("", s))


def locate(text: str, quote: str, figure: str) -> list[tuple[int, int]]:
    """Where the digits of `figure` are written inside `quote` in the article text (every place
    the quote occurs: a summary may repeat a sentence of the body)."""
    if not quote or not figure:
        return []
    out = []
    for qm in re.finditer(_flex(quote), text):
        fm = re.search(_flex(figure), text[qm.start():qm.end()])
        if not fm:
            continue
        seg = text[qm.start() + fm.start():qm.start() + fm.end()]
        nm = re.search(r"\d[\d,]*(?:\.\d+)?", seg)
        if nm:
            start = qm.start() + fm.start() + nm.start()
            out.append((start, start + len(nm.group(0))))
    return out


def mutate_number(digits: str) -> str:
    """The number +25%, at least 5 units of its last written digit, at the same precision."""
    clean = digits.replace(",", "")
    dec = len(clean.split(".")[1]) if "." in clean else 0
    v = float(clean)
    unit = 10.0 ** -dec
    nv = v + max(abs(v) * 0.25, 5 * unit)
    return f"{nv:.{dec}f}"


def score_truth(
    folder: Path, *, mutations: bool = True,
    checker: Callable[[Article], list[Check]] = check_article,
) -> Score:
    """Score the checker on every article of the ground truth in `folder`."""
    rels = load_truth(folder)
    by_article: dict[str, list[Relation]] = defaultdict(list)
    for r in rels:
        by_article[r.article].append(r)
    score = Score()
    for art, group in sorted(by_article.items()):
        path = folder / "articles" / f"{art}.md"
        data = path.read_bytes()
        article = article_from_bytes(data, str(path), ".md")
        score_article(group, checker(article), score)
        if mutations:
            _mutate(data.decode("utf-8"), str(path), group, score, checker)
    return score


def _mutate(text: str, name: str, group: Iterable[Relation], score: Score,
            checker: Callable[[Article], list[Check]]) -> None:
    """Change one input of each listed relation that holds; the tool must then flag it."""
    for rel in group:
        if rel.verdict != "holds":
            continue
        where = next((w for f, q in rel.inputs if (w := locate(text, q, f))), None)
        if not where:
            continue
        # the stated figure itself must stay as written, or the relation moved
        if set(where) & set(locate(text, rel.stated_quote, rel.stated)):
            continue
        mutated = text
        for a, b in sorted(where, reverse=True):
            mutated = mutated[:a] + mutate_number(mutated[a:b]) + mutated[b:]
        score.mutations += 1
        checks = checker(article_from_bytes(mutated.encode("utf-8"), name, ".md"))
        # the stated figure's quote may hold the changed input too (a table row): it is quoted
        # as the mutated text now reads
        a, b = where[0]
        old = text[a:b]
        quote = re.sub(rf"(?<![\d.]){re.escape(old)}(?![\d.])", mutate_number(old), rel.stated_quote)
        found = match([replace(rel, stated_quote=quote)], checks)
        chk = found.get(rel.id)
        if chk is not None and chk.verdict == "inconsistent":
            score.mutations_caught += 1
