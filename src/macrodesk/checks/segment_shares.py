"""A segment's share of revenue named by the segment, its revenue written elsewhere: "其中畜禽饲料营收占比达63.46%"
with "营业收入为54.19亿元，…其中畜禽饲料、饲料销售、水产品销售分别贡献收入34.31亿元、15.38亿元、2.6亿元" is
34.31 / 54.19 = 63.31%. The segment's revenue is the one level its name opens (alone or in a 分别 list);
the whole is the company's one revenue of that period."""

from __future__ import annotations

import re

from macrodesk.checks.gate import mentions
from macrodesk.checks.intervals import figure_interval
from macrodesk.checks.judging import Check, interval_check
from macrodesk.checks.levels import interval
from macrodesk.checks.named_wholes import company_revenue
from macrodesk.models import Article, Figure, FigureKind, Sentence

_NEEDS = re.compile(r"(?:营收|收入)占比")
# the share, named by its segment: "畜禽饲料营收占比达", "其中水泥业务收入占比为"
_SHARE = re.compile(r"(?:^|[，,；;。：:\s])(?:其中|公司)?\s*([\u4e00-\u9fa5A-Za-z]{2,10}?)\s*(?:营业收入|营收|收入)占比\s*"
                    r"(?:达到?|为|约|提升至|提高至|升至|降至|下降至)?\s*$")
# a segment's revenue: its name, then the revenue word, then the figure ("水泥业务实现收入31.1亿元")
_LEVEL = r"{name}\s*(?:业务|产品|板块)?\s*(?:实现|贡献)?\s*(?:营业收入|营收|收入)\s*(?:为|达|约|达到)?\s*$"
# the names of a 分别 list: "畜禽饲料、饲料销售、水产品销售分别贡献收入"
_LIST = re.compile(r"((?:[\u4e00-\u9fa5A-Za-z]{2,10}[、和及与/])+[\u4e00-\u9fa5A-Za-z]{2,10})\s*(?:业务)?\s*分别\s*"
                   r"(?:贡献|实现)?\s*(?:营业收入|营收|收入)\s*(?:分别)?\s*(?:为|达)?\s*$")
_LEAD = re.compile(r"^(?:其中|公司|主要|来看)+")
_JOIN = re.compile(r"\s*[、，,/和及与]\s*")
_GENERIC = re.compile(r"(?:海外|国内|境外|境内|国外|内销|外销|出口|线上|线下|直营|加盟|经销|电商|其他|其它)(?:市场|地区|渠道)?")
_NOT_NAME = {"公司", "营业", "主营", "整体", "总", "合计"}


def _money(f: Figure) -> bool:
    return f.kind == FigureKind.MONEY and f.value is not None and not f.is_range and f.scale >= 1e4


def _levels(article: Article, name: str) -> list[tuple[Sentence, Figure]]:
    """The revenues the article writes for the segment `name`."""
    alone = re.compile(_LEVEL.format(name=re.escape(name)))
    out = []
    for s in article.sentences:
        if name not in s.text:
            continue
        figs = [f for f in s.figures if f.kind != FigureKind.DATE]
        for k, f in enumerate(figs):
            if not _money(f):
                continue
            start = figs[k - 1].end if k else 0
            if alone.search(s.text, start, f.start):
                out.append((s, f))
                continue
            # the first of a list of amounts joined by 、: the list's names in order
            if k and _JOIN.fullmatch(s.text[figs[k - 1].end:f.start]):
                continue
            run = [f]
            for g in figs[k + 1:]:
                if not _money(g) or not _JOIN.fullmatch(s.text[run[-1].end:g.start]):
                    break
                run.append(g)
            m = _LIST.search(s.text, start, f.start)
            if m is None:
                continue
            names = [_LEAD.sub("", n.strip()) for n in re.split(r"[、和及与/]", m.group(1))]
            if len(names) == len(run) and name in names:
                out.append((s, run[names.index(name)]))
    return out


def find_segment_shares(article: Article) -> list[Check]:
    if not mentions(article, _NEEDS):
        return []
    out: list[Check] = []
    revenues: list[tuple[Sentence, Figure]] | None = None  # the company's, read once when a share asks
    for s in article.sentences:
        if "占比" not in s.text:
            continue
        for k, f in enumerate(s.figures):
            if f.kind != FigureKind.PERCENT or f.value is None or f.is_range:
                continue
            start = s.figures[k - 1].end if k else 0
            m = _SHARE.search(s.text, start, f.start)
            if m is None or m.group(1) in _NOT_NAME or m.group(1).endswith(("公司", "主营")):
                continue
            parts = {g.text: (ps, g) for ps, g in _levels(article, m.group(1))}
            if len(parts) != 1:
                continue
            ps, part = next(iter(parts.values()))
            if f.period and part.period and f.period != part.period:
                continue  # "2021H1…大宗收入占比提升至34%" is not 2021Q2's 3.1亿元 of 8.42亿元 (cfb285)
            if _GENERIC.fullmatch(m.group(1)) and ps.paragraph != s.paragraph:
                # "三丽鸥，海外收入占比约 30%": a region or a channel is a segment of every company a
                # text names; only its own paragraph's revenue is the one meant
                continue
            if revenues is None:
                revenues = [(ws, g) for ws in article.sentences for g in ws.figures
                            if _money(g) and company_revenue(ws, g)]
            wholes = {g.text: (ws, g) for ws, g in revenues if g.period == part.period}
            if len(wholes) != 1:
                continue
            ws, whole = next(iter(wholes.values()))
            got = (interval(part) / interval(whole)).scale(100)
            if got.lo > 100:
                continue
            out.append(interval_check(
                got, figure_interval(f, result=True), kind="share", stated=f.text, inputs=[part.text, whole.text],
                relation=f"{part.text} / {whole.text} = {f.text} ({m.group(1)}'s revenue of the company's)",
                sentence=s.text, sentence_id=s.id, paragraph=s.paragraph, input_sentences=[ps.text, ws.text],
                article=article.label))
    return out
