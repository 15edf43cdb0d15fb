"""A share stated at both ends of a span, its part and its whole each written as a 从A增长至B pair:
"全球半导体量检测设备市场规模从 61.90 亿美元增长至 129.39 亿美元…；中国量检测设备市场规模从 16.9
亿美元增长至 40.2 亿美元，…占全球比重从 27.3% 增长至 31.3%" is 16.9 / 61.90 and 40.2 / 129.39."""

from __future__ import annotations

import re

from macrodesk.checks.framed import Framed
from macrodesk.checks.frames import common_metric
from macrodesk.checks.judging import Check, hedge, judge
from macrodesk.checks.sentence import DOWN, UP
from macrodesk.checks.tokens import Para
from macrodesk.checks.whole_frames import WholeFrames
from macrodesk.models import FigureKind
from macrodesk.text.clauses import clause_start

_FROM = re.compile(r"(?:从|由)\s*$")
_TO = re.compile(rf"^[^，,。；;]{{0,8}}?(?:{UP}|{DOWN})?\s*(?:至|到)\s*$")
_SHARE_FROM = re.compile(r"占\s*([\u4e00-\u9fa5A-Za-z]{2,10}?)\s*(?:的)?\s*(?:比重|比例|份额|占比)?\s*(?:从|由)\s*$")
_LEVELS = (FigureKind.MONEY, FigureKind.QUANTITY)


def _pairs(fs: list[Framed]) -> list[tuple[Framed, Framed]]:
    """Every 从A…至B pair of levels of one unit in one clause."""
    out = []
    for a, b in zip(fs, fs[1:], strict=False):
        if a.tok.sent == b.tok.sent and a.tok.fig.kind in _LEVELS and a.tok.cunit == b.tok.cunit \
                and _FROM.search(a.lead) and _TO.match(b.lead) and not a.tok.bound and not b.tok.bound:
            out.append((a, b))
    return out


def _clause(art: Para, x: Framed) -> str:
    raw = art.raw[x.tok.sent]
    return raw[clause_start(raw, x.tok.fig.start, "。；;"):x.tok.fig.start]


# what a sentence holding a share written at both ends says, tested before the frames are read
_PAIRED_SHARE = re.compile(r"占[^，,。；;]{0,14}(?:从|由)\s*\d[\d.]*\s*%")


def find_share_pairs(article: WholeFrames) -> list[Check]:
    if not any(_PAIRED_SHARE.search(s.text) for s in article.sentences):
        return []
    art, fs = article.art, article.fs
    pairs = _pairs(fs)
    out: list[Check] = []
    for s1, s2 in zip(fs, fs[1:], strict=False):
        m = _SHARE_FROM.search(s1.lead)
        if m is None or s1.tok.fig.kind != FigureKind.PERCENT or s2.tok.fig.kind != FigureKind.PERCENT \
                or s2.tok.sent != s1.tok.sent or not _TO.match(s2.lead) or s1.tok.bound or s2.tok.bound:
            continue
        # the part: the last pair before the share in its sentence
        own = [p for p in pairs if p[0].tok.sent == s1.tok.sent and p[1].index < s1.index]
        if not own:
            continue
        p1, p2 = own[-1]
        whole_name = m.group(1)
        wholes = [w for w in pairs if w[0] is not p1 and w[0].paragraph == p1.paragraph
                  and w[0].tok.cunit == p1.tok.cunit and whole_name in _clause(art, w[0])]
        if not wholes:
            continue
        for stated, part, pick in ((s1, p1, 0), (s2, p2, 1)):
            readings = []
            for w in wholes:
                whole = w[pick]
                if whole.tok.interval().lo <= 0:
                    continue
                readings.append((f"{part.tok.text} / {whole.tok.text} = {stated.tok.text}",
                                 (part.tok.interval() / whole.tok.interval()).scale(100), whole))
            if not readings:
                continue
            chk = judge(art, "share", stated.tok, [part.tok, readings[0][2].tok],
                        [(f, iv) for f, iv, _ in readings], magnitude=False)
            whole = next(w for f, _, w in readings if f == chk.relation)
            chk.inputs = [part.tok.text, whole.tok.text]
            chk.input_sentences = [art.sentences[part.tok.sent].text, art.sentences[whole.tok.sent].text]
            chk.sentence = art.sentences[stated.tok.sent].text
            chk.note = f"the whole ({whole_name}) is the 从…至 pair of its paragraph named with it"
            # certain: one pair of the whole's name in the paragraph, measuring what the part does
            if len(readings) > 1 or not common_metric(p1.metric, wholes[0][0].metric, 4):
                chk = hedge(art, chk, "the whole's levels are not certain")
            out.append(chk)
    return out
