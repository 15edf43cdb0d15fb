"""A sample of real corpus reports kept in the repository, with near copies made from them
(trimmed, re-footed, reordered, halved, edited, spliced), written as files in a fixed order.
Shared by tests/test_archive_speed.py and tests/fixtures/archive_pins/make_pins.py, which pinned
the archive's decisions and search results with the code before the speed work."""

from __future__ import annotations

import json
import re
from pathlib import Path

TESTS = Path(__file__).resolve().parent
SOURCES = sorted((TESTS / "fixtures" / "arithmetic").glob("report_*.md")) + sorted(
    (TESTS / "check_truth" / "articles").glob("*.md"))
QUERIES = [q["q"] for q in json.loads((TESTS / "search_eval" / "queries.json").read_text(
    encoding="utf-8"))["queries"]] + ["美联储 降息", "核心CPI", "出口 PMI", "国债 收益率", "2025Q1"]
FOOTER = "（本文仅供参考，不构成任何投资建议。转载请注明出处，市场有风险，投资需谨慎。）"


def _split(path: Path) -> tuple[str, list[str]]:
    text = path.read_text(encoding="utf-8")
    m = re.match(r"\A---\n.*?\n---\n", text, re.S)
    head = m.group(0) if m else ""
    body = text[len(head):]
    return head, [p for p in body.split("\n\n") if p.strip()]


def _edit(paragraph: str) -> str:
    # change figures the way a re-post with typos would: every third digit shifted
    count = 0

    def shift(m: re.Match) -> str:
        nonlocal count
        count += 1
        return str((int(m.group(0)) + 1) % 10) if count % 3 == 0 else m.group(0)

    return re.sub(r"\d", shift, paragraph)


def write_sample(folder: Path, variants_of: int = 24) -> list[str]:
    """Write the originals and their variants into `folder`; return the file names in the
    order they are to be ingested (sorted, which is also what a folder ingest does)."""
    folder.mkdir(parents=True, exist_ok=True)
    docs = [(p.stem, *_split(p)) for p in SOURCES]
    names = []

    def put(name: str, head: str, paras: list[str]) -> None:
        (folder / f"{name}.md").write_text(head + "\n\n".join(paras) + "\n", encoding="utf-8")
        names.append(f"{name}.md")

    for i, (stem, head, paras) in enumerate(docs):
        put(f"a{i:03d}_{stem}", head, paras)
    for i, (stem, head, paras) in enumerate(docs[:variants_of]):
        other = docs[(i + 7) % len(docs)][2]
        half = max(1, len(paras) // 2)
        put(f"b{i:03d}_{stem}_trim", head, paras[:-1] or paras)
        put(f"c{i:03d}_{stem}_footer", head, [*paras, FOOTER])
        put(f"d{i:03d}_{stem}_reverse", head, paras[::-1])
        put(f"e{i:03d}_{stem}_half", head, paras[:half])
        put(f"f{i:03d}_{stem}_edit", head, [_edit(p) if k % 2 == 0 else p for k, p in enumerate(paras)])
        put(f"g{i:03d}_{stem}_splice", head, paras[:half] + other[len(other) // 2:])
    return sorted(names)


# ---- what the pins record, computed the same way by make_pins.py and the test -----------------

_ROWS = ("SELECT a.id, a.minhash, f.title, f.body, f.extra FROM articles a"
         " JOIN articles_fts f ON f.rowid = a.rowid")
_TOP10 = ("SELECT a.id, f.rank FROM articles_fts f JOIN articles a ON a.rowid = f.rowid"
          " WHERE articles_fts MATCH ? ORDER BY f.rank LIMIT 10")


def add_one_by_one(store, folder: Path, names: list[str]) -> tuple[dict, dict]:
    """(decision per file name, stored id -> file name), adding the files in order."""
    from macrodesk.readers import read_article

    decisions: dict = {}
    id_to_name: dict = {}
    for name in names:
        art = read_article(folder / name)
        res = store.add(art)
        if res.status == "added":
            id_to_name[art.id] = name
        decisions[name] = {"status": res.status, "kept": id_to_name.get(res.kept_id, res.kept_id),
                           "similarity": round(res.similarity, 3)}
    return decisions, id_to_name


def index_rows(store, id_to_name: dict) -> dict:
    """Per stored file: digests of its fingerprint and of its FTS row."""
    import hashlib

    return {id_to_name[r[0]]: {"minhash": hashlib.sha256(r[1]).hexdigest(),
                               "fts": hashlib.sha256("\x00".join(r[2:]).encode()).hexdigest()}
            for r in store.db.execute(_ROWS)}


def top_hits(store, expression: str, id_to_name: dict) -> list:
    """The ten best FTS hits of an expression as [file name, rank]."""
    return [[id_to_name[h[0]], round(h[1], 6)] for h in store.db.execute(_TOP10, (expression,))]
