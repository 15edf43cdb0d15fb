"""Build the "house style" variants of a few corpus reports for the evaluation set.

Deterministic, standard library only. Run from anywhere:

    python tests/eval/make_styles.py

Reads ../shared/corpus/research_reports/<id>.md relative to the repository root and writes
tests/eval/articles/s_<id>_<style>.md. The corpus text itself is not edited: only its layout
(headings, bold, list markers, line breaks, punctuation width) changes, and a few fixed,
style-typical blocks are added (a promo block, running headers/page numbers, a disclaimer).

Styles
- investing: plain text as on a Chinese investing.com page: no Markdown headings, bold removed,
  list markers removed, half-width , ; : ( ) ? ! everywhere, trailing "AI精选股" promo block.
- wechat: WeChat long-form: top-level sections as "▌01 <title>", sub-headings as bold lead-in
  lines, long paragraphs split into one-sentence paragraphs, no emoji, no 编者按.
- pdf: text extracted from a PDF: hard line breaks every 38 characters (mid-sentence), a running
  header (broker line + report title) and a page number every 40 lines, and an
  分析师声明/免责声明 block at the end.
"""
from __future__ import annotations

import re
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
CORPUS = REPO.parent / "shared" / "corpus" / "research_reports"
OUT = REPO / "tests" / "eval" / "articles"

# (report id, style)
JOBS = [
    (181, "investing"),
    (71, "investing"),
    (292, "wechat"),
    (720, "wechat"),
    (630, "pdf"),
    (346, "pdf"),
]

HALF_WIDTH = str.maketrans({"，": ",", "；": ";", "：": ":", "（": "(", "）": ")", "？": "?", "！": "!"})

PROMO = (
    "AI精选股 | 每月为您精选潜力股票,由AI模型综合基本面与技术面筛选,历史回测跑赢大盘。\n"
    "点击此处订阅 ProPicks AI,立即解锁本月精选名单,首年订阅享专属折扣。"
)

PDF_BROKER = "历史公开研报 · 证券研究报告"
PDF_WIDTH = 38
PDF_PAGE_LINES = 40

DISCLAIMER = """分析师声明
本报告署名分析师具有中国证券业协会授予的证券投资咨询执业资格并注册为证券分析师，以勤勉的职业态度，独立、客观地出具本报告。本报告清晰准确地反映了分析师的研究观点，分析师薪酬的任何组成部分不曾、不与、也将不会与本报告中的具体推荐意见或观点直接或间接相关。
免责声明
本报告仅供本公司客户使用。本报告的信息均来源于公开资料，本公司对这些信息的准确性和完整性不作任何保证。报告中的内容和意见仅供参考，并不构成对所述证券买卖的出价或询价。在任何情况下，本报告中的信息或所表述的意见均不构成对任何人的投资建议。市场有风险，投资需谨慎。未经书面许可，任何机构和个人不得以任何形式翻版、复制或发布本报告。"""


def split_front_matter(text: str) -> tuple[dict, str]:
    m = re.match(r"---\n(.*?)\n---\n(.*)", text, re.S)
    if not m:
        raise ValueError("no front matter")
    meta = {}
    for line in m.group(1).splitlines():
        km = re.match(r'(\w+): (.*)', line)
        if km and not line.startswith(" "):
            meta[km.group(1)] = km.group(2).strip()
    return meta, m.group(2)


def front_matter(meta: dict, style: str) -> str:
    keys = ["title", "publishedAt", "source", "sourceUrl", "reportId"]
    lines = ["---"] + [f"{k}: {meta[k]}" for k in keys if k in meta] + [f'style: "{style}"', "---", ""]
    return "\n".join(lines)


def is_table_sep(line: str) -> bool:
    return bool(re.match(r"^\|\s*(-+\s*\|\s*)+-*\s*$", line.strip()))


def table_cells(line: str) -> list[str]:
    return [c.strip() for c in line.strip().strip("|").split("|")]


HEADING_ORDINAL = re.compile(r"^(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|\d+(?:\.\d+)*[\.、]?\s*)")


def plain_lines(body: str) -> list[str]:
    """Markdown -> plain lines: headings to plain text, bold removed, list markers removed,
    tables flattened. One output line per logical paragraph."""
    out = []
    for raw in body.splitlines():
        line = raw.strip()
        if not line:
            continue
        if is_table_sep(line):
            continue
        if line.startswith("|"):
            line = " ".join(table_cells(line))
        line = re.sub(r"^#+\s*", "", line)
        line = line.replace("**", "")
        line = re.sub(r"^[-·]\s*", "", line)
        line = line.strip()
        if line:
            out.append(line)
    return out


def to_investing(body: str) -> str:
    lines = [line.translate(HALF_WIDTH) for line in plain_lines(body)]
    return "\n\n".join(lines) + "\n\n" + PROMO + "\n"


def split_sentences(text: str) -> list[str]:
    parts = re.findall(r"[^。！？]*[。！？]|[^。！？]+$", text)
    return [p.strip() for p in parts if p.strip()]


def to_wechat(body: str) -> str:
    out: list[str] = []
    section = 0
    levels = [len(m.group(1)) for m in re.finditer(r"^(#+)\s", body, re.M)]
    top = min(levels) if levels else 2
    for raw in body.splitlines():
        line = raw.strip()
        if not line or is_table_sep(line):
            continue
        hm = re.match(r"^(#+)\s*(.*)$", line)
        if hm:
            title = hm.group(2).replace("**", "").strip()
            if not title:
                continue
            title = HEADING_ORDINAL.sub("", title).strip() or title
            if len(hm.group(1)) == top:
                section += 1
                out.append(f"▌{section:02d} {title}")
            else:
                out.append(f"**{title}**")
            continue
        if line.startswith("|"):
            out.append(" | ".join(table_cells(line)))
            continue
        line = re.sub(r"^[-·]\s*", "", line)
        # long paragraphs become one-sentence paragraphs (short paragraphs, phone reading)
        if len(line) > 90:
            out.extend(split_sentences(line))
        else:
            out.append(line)
    return "\n\n".join(out) + "\n"


def wrap(line: str, width: int) -> list[str]:
    return [line[i:i + width] for i in range(0, len(line), width)] or [""]


def to_pdf(body: str, title: str) -> str:
    title = title.strip('"')
    lines: list[str] = []
    for para in plain_lines(body):
        if re.match(r"^[-·]\s", para):
            para = "• " + para[2:]
        lines.extend(wrap(para, PDF_WIDTH))
    pages = [lines[i:i + PDF_PAGE_LINES] for i in range(0, len(lines), PDF_PAGE_LINES)]
    total = len(pages) + 1  # the disclaimer gets its own page
    out: list[str] = []
    for n, page in enumerate(pages, 1):
        out.append(f"{PDF_BROKER}  {title}")
        out.append("")
        out.extend(page)
        out.append("")
        out.append(f"第 {n} 页 / 共 {total} 页")
        out.append("")
    out.append(f"{PDF_BROKER}  {title}")
    out.append("")
    for para in DISCLAIMER.splitlines():
        out.extend(wrap(para, PDF_WIDTH))
    out.append("")
    out.append(f"第 {total} 页 / 共 {total} 页")
    return "\n".join(out) + "\n"


def main() -> None:
    for rid, style in JOBS:
        src = CORPUS / f"{rid}.md"
        meta, body = split_front_matter(src.read_text(encoding="utf-8"))
        if style == "investing":
            text = to_investing(body)
        elif style == "wechat":
            text = to_wechat(body)
        elif style == "pdf":
            text = to_pdf(body, meta["title"])
        else:
            raise ValueError(style)
        dst = OUT / f"s_{rid}_{style}.md"
        dst.write_text(front_matter(meta, style) + text, encoding="utf-8")
        print(f"wrote {dst.relative_to(REPO)} ({len(dst.read_text(encoding='utf-8'))} chars)")


if __name__ == "__main__":
    main()
