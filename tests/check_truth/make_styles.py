#!/usr/bin/env python3
"""Deterministic house-style variants of corpus reports (stdlib only).

Usage:
  python3 make_styles.py CORPUS_DIR OUT_DIR --hw 473 --pdf 138

hw  (investing.com Chinese page style): in the body, full-width ，；：（） become
    half-width , ; : ( ); Markdown bold markers and heading markers are removed.
pdf (text extracted from a PDF): bold/heading markers removed; Markdown tables
    flattened to space-separated rows (separator rows dropped); every paragraph
    hard-wrapped every 38 characters (a break is only ever *inserted*, never in
    the middle of an ASCII run such as 12.06 or 2025Q1, so removing the newlines
    gives back the paragraph text); a running header line and a page-number
    line are inserted after every 40 output lines.
The YAML front matter is kept unchanged in both styles.
"""
import argparse
import re
from pathlib import Path

WRAP = 38
PAGE_LINES = 40


def split_front(text):
    m = re.match(r"^---\n.*?\n---\n", text, re.S)
    if not m:
        return "", text
    return text[: m.end()], text[m.end():]


def strip_md(body):
    body = body.replace("**", "")
    return re.sub(r"^#{1,6}\s*", "", body, flags=re.M)


def to_halfwidth(body):
    for a, b in (("，", ","), ("；", ";"), ("：", ":"), ("（", "("), ("）", ")")):
        body = body.replace(a, b)
    return body


def flatten_table_line(line):
    s = line.strip()
    if not (s.startswith("|") and s.endswith("|")):
        return line
    cells = [c.strip() for c in s.strip("|").split("|")]
    if all(re.fullmatch(r":?-{2,}:?", c) for c in cells if c):
        return None  # separator row
    return " ".join(c for c in cells if c)


def wrap(line):
    if len(line) <= WRAP:
        return [line]
    out, i = [], 0
    while len(line) - i > WRAP:
        j = i + WRAP
        # never break inside an ASCII alphanumeric run (numbers, 2025Q1, GWh)
        while j > i + 1 and re.match(r"[0-9A-Za-z.%+\-/]", line[j]) and re.match(r"[0-9A-Za-z.%+\-/]", line[j - 1]):
            j -= 1
        if j == i + 1:
            j = i + WRAP
        out.append(line[i:j])
        i = j
    out.append(line[i:])
    return out


def pdf_style(body, header):
    lines = []
    for line in strip_md(body).split("\n"):
        flat = flatten_table_line(line)
        if flat is None:
            continue
        lines.extend(wrap(flat) if flat else [""])
    out, page, count = [], 1, 0
    for ln in lines:
        out.append(ln)
        count += 1
        if count == PAGE_LINES:
            out.append(f"- {page} -")
            out.append(header)
            page += 1
            count = 0
    out.append(f"- {page} -")
    return "\n".join(out) + "\n"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("corpus")
    ap.add_argument("out")
    ap.add_argument("--hw", action="append", default=[])
    ap.add_argument("--pdf", action="append", default=[])
    a = ap.parse_args()
    out = Path(a.out)
    out.mkdir(parents=True, exist_ok=True)
    for rid in a.hw:
        front, body = split_front((Path(a.corpus) / f"{rid}.md").read_text(encoding="utf-8"))
        (out / f"hw_{rid}.md").write_text(front + to_halfwidth(strip_md(body)), encoding="utf-8")
    for rid in a.pdf:
        text = (Path(a.corpus) / f"{rid}.md").read_text(encoding="utf-8")
        front, body = split_front(text)
        title = re.search(r'^title:\s*"?([^"\n]+)', front, re.M)
        header = (title.group(1) if title else f"report {rid}") + "    行业研究报告"
        (out / f"pdf_{rid}.md").write_text(front + pdf_style(body, header), encoding="utf-8")


if __name__ == "__main__":
    main()
