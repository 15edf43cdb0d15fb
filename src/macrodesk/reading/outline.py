"""The outline of an article: its heading tree (Markdown headings, numbered lines, bold lead-ins,
question headings), the kind of each section, and the count of points its title promises."""

from __future__ import annotations

import re
from functools import lru_cache

from macrodesk.models import Article
from macrodesk.reading.model import Heading

# Heading numbering, never a year: "2000-2011 年" keeps its digits ("2000" is no ordinal).
NUMBERING = re.compile(
    r"^(?:[（(][一二三四五六七八九十\d]{1,3}[)）]|[一二三四五六七八九十]{1,3}[、．.]|"
    r"(?<!\d)\d{1,2}(?:\.\d{1,2})+\s+(?=\D)|(?<!\d)\d{1,2}(?:\.\d{1,2})*(?:[、．]|\.(?!\d)|[)）])(?![\d年月%])|[①②③④⑤⑥⑦⑧⑨⑩]|"
    r"第[一二三四五六七八九十]{1,3}(?:[，、：:]|(?=[\u4e00-\u9fff])(?![季年月周天日个次批期轮]))|▌\s*\d{0,2})\s*"
)
_CN_NUM = {"一": 1, "两": 2, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10}
_TITLE_COUNT = re.compile(r"(\d{1,2}|[一二两三四五六七八九十])(?:个|大|点|条|项)(?:观察|看点|要点|变化|特征|判断|思考|信号|关注|问题|趋势|亮点|启示|结论|逻辑|主线|方向)")

CORE = re.compile(r"核心观点|投资要点|核心结论|主要观点|摘要|要点|结论|观点总结|投资建议|核心逻辑|核心思想|提要|宏观观点")
RISK = re.compile(r"^(?:主要|潜在|相关)?风险$|风险提示|风险因素|风险分析|主要风险|风险与不确定")
SKIP = re.compile(r"关键问题|问答|Q&A|免责|声明|评级说明|附录|参考文献|重点公告|公司公告|个股|行情回顾|本周行情|周表现|涨跌幅")


def strip_numbering(text: str) -> str:
    return NUMBERING.sub("", text.strip(), count=1).strip(" ：:。，")


@lru_cache(maxsize=4096)
def section_kind(title: str) -> str:
    """core, risk, skip or body: how the section a heading opens is read."""
    title = strip_numbering(title)
    if RISK.search(title):
        return "risk"
    if SKIP.search(title):
        return "skip"
    if CORE.search(title):
        return "core"
    return "body"


def expected_points(title: str) -> int:
    """How many observations the title promises ("…的N点观察", "三大看点"); 0 when none."""
    m = _TITLE_COUNT.search(title or "")
    if not m:
        return 0
    n = m.group(1)
    return int(n) if n.isdigit() else _CN_NUM.get(n, 0)


def outline(article: Article) -> list[Heading]:
    """Every heading of the article with its level, including the ones that are not Markdown:
    numbered short lines, bold lead-ins that are a whole line, and questions."""
    out: list[Heading] = []
    for p in article.paragraphs:
        text = p.text.strip()
        if p.kind == "heading":
            out.append(Heading(strip_numbering(text), max(1, p.level), p.index, "markdown"))
            continue
        if p.kind == "table" or len(text) > 40:
            continue
        bare = text.replace("**", "")
        if text.startswith("**") and text.endswith("**") and len(bare) <= 30:
            out.append(Heading(strip_numbering(bare), 3, p.index, "bold_lead"))
        elif (NUMBERING.match(bare) or p.kind == "list") and not re.search(r"[。；;，,：:]$", bare) \
                and len(bare) <= 24:
            level = 2 if re.match(r"^[一二三四五六七八九十]+[、．.]|^第", bare) else 3
            out.append(Heading(strip_numbering(bare), level, p.index, "numbered"))
        elif bare.endswith(("？", "?")) and len(bare) <= 30:
            out.append(Heading(bare, 3, p.index, "question"))
    return out
