"""Whose view a sentence states (the author's, one the author reports, one the author rebuts) and
what it is about (its frame: entity, metric, period carried from a label, bold lead or heading)."""

from __future__ import annotations

import re
from datetime import datetime

from macrodesk.models import Article, Sentence
from macrodesk.reading.model import Attribution, Claim, Frame, FrameSource

_AUTHOR = re.compile(r"我们认为|我们预计|我们判断|我们看好|我们建议|综上|总之|总的来看|综合来看|总体来看|展望")
_REPORTED = re.compile(
    r"^(?:[^，。；]{0,12}?)(?P<who>市场|多数投资者|部分投资者|投资者|不少投资者|一些观点|有观点|市场普遍|"
    r"外资|海外机构|[A-Za-z\u4e00-\u9fff]{2,8}(?:证券|银行|资本|研究|机构|集团|协会|基金))"
    r"(?:普遍|此前|一度|仍)?(?:认为|预计|预期|担心|担忧|判断|表示|指出|称)"
    r"|^(?![^，。]{0,3}(?:我们|本文|笔者|报告))(?!预计)(?P<org>[\u4e00-\u9fffA-Za-z]{2,6})(?:预计|认为|表示|指出)"
)
_REBUT = re.compile(r"不同观点|但我们认为|然而我们认为|我们并不认同|我们不认同|并不成立|过度担忧|言过其实|有失偏颇")
_LABEL = re.compile(r"^(?:\*\*)?(?:\d{1,2}[.、．)）]\s*)?([^，。；：:*]{2,14})(?:\*\*)?[：:](?!\d)")
_METRIC = re.compile(r"(GDP|CPI|PPI|PMI|社融|M1|M2|营收|营业收入|净利润|归母净利润|出口|进口|销量|产量|价格|"
                     r"增速|收益率|利率|汇率|存款|贷款|投资|零售额|库存|开工率|毛利率|净息差)")
_PERIOD = re.compile(r"(\d{4}年(?:\d{1,2}月|[一二三四]季度|Q[1-4]|上半年|下半年|前\d{1,2}月)?|\d{1,2}月(?:份)?|"
                     r"上半年|下半年|[一二三四]季度|本周|上周|今年|去年|明年|本月|上月)")


def _holder(m: re.Match[str] | None) -> str:
    return (m.group("who") or m.group("org") or "") if m else ""


def attribute(sentences: list[Sentence]) -> dict[str, Claim]:
    """Attribution of each sentence. A reported view followed by the author's rebuttal is
    rebutted; a sentence saying "不同观点" is too."""
    out: dict[str, Claim] = {}
    prev: str | None = None
    for s in sentences:
        text = s.text
        m = _REPORTED.search(text)
        if _REBUT.search(text) and not text.startswith(("但我们认为", "然而我们认为")):
            att: Attribution = "rebutted" if m or "不同观点" in text else "author"
            out[s.id] = Claim(s.id, att, _holder(m))
        elif m and not _AUTHOR.search(text[: m.start()]):
            out[s.id] = Claim(s.id, "reported", _holder(m))
        else:
            out[s.id] = Claim(s.id, "author")
        # "多数投资者认为X。但我们认为Y。": X is a view the author argues against
        if prev and text.lstrip("*").startswith(("但我们认为", "然而我们认为", "我们并不认同", "但我们判断")) \
                and out[prev].attribution == "reported":
            out[prev] = Claim(prev, "rebutted", out[prev].holder)
        prev = s.id
    return out


def resolve_period(word: str, published: datetime | None) -> str:
    """A relative time word read against the publication date ("今年" in a 2025 article is 2025年)."""
    if not published:
        return word
    y, m = published.year, published.month
    table = {"今年": f"{y}年", "去年": f"{y - 1}年", "明年": f"{y + 1}年", "本月": f"{y}年{m}月",
             "上月": f"{y}年{m - 1}月" if m > 1 else f"{y - 1}年12月",
             "上半年": f"{y}年上半年" if m > 6 else f"{y}年上半年",
             "下半年": f"{y}年下半年",
             "本周": f"{y}年第{published.isocalendar()[1]}周",
             "上周": f"{y}年第{max(1, published.isocalendar()[1] - 1)}周"}
    return table.get(word, word)


# labels that frame a view (whose, how certain) rather than name what it is about
GENERIC_LABELS = re.compile(r"^(?:一致预期|观点分歧|主要分歧|核心观点|主要观点|前言|导语|引言|摘要|要点|结论|核心结论|点评|"
                            r"总结|背景|事件|小结|我们的观点|市场观点|共识)$")


def heading_subject(heading: str) -> str:
    """The subject a heading names: the part before its colon ("通胀：CPI转正" → "通胀")."""
    head = re.split(r"[：:]", heading, maxsplit=1)[0].strip()
    return head if 1 < len(head) <= 10 else ""


def frames(article: Article, headings: dict[int, str]) -> dict[str, Frame]:
    """The frame of every sentence: a label or bold lead of its own wins; else the list lead or
    heading it stands under; the period is its own or the last one stated before it."""
    out: dict[str, Frame] = {}
    last_period = ""
    current_heading = ""
    lead_by_para: dict[int, str] = {}
    for s in article.sentences:
        if s.paragraph in headings:
            current_heading = headings[s.paragraph]
        entity = ""
        source: FrameSource = ""
        m = _LABEL.match(s.text)
        label = ""
        if s.bold_lead:
            entity, source = s.bold_lead.strip("：: *"), "bold_lead"
        elif m:
            entity, source = m.group(1), "label"
        if entity and GENERIC_LABELS.match(entity):
            # "一致预期：…" under "（二）通胀：…": the view is about inflation
            label, entity = entity, heading_subject(current_heading)
            source = "heading" if entity else ""
        elif not entity and s.paragraph in lead_by_para:
            entity, source = lead_by_para[s.paragraph], "list_lead"
        elif not entity and current_heading:
            entity, source = heading_subject(current_heading) or current_heading, "heading"
        if entity and source in ("bold_lead", "label") and not label:
            lead_by_para.setdefault(s.paragraph, entity)
        pm = _PERIOD.search(s.text)
        if pm:
            last_period = resolve_period(pm.group(1), article.published)
        mm = _METRIC.search(s.text)
        out[s.id] = Frame(entity=entity, metric=mm.group(1) if mm else "", period=last_period, source=source,
                          label=label)
    return out
