"""A price target and the multiple it is priced at: "预计22-24年EPS0.86/1.00/1.15元，给予22年26xPE，目标价
22.36元" is 26 × 0.86 (the EPS of the year the multiple is given for); "上调21年目标PB至1.9x，对应目标价
5.12元" is 1.9 × that year's BPS; a range of multiples prices a range of targets, end by end."""

from __future__ import annotations

import re
from dataclasses import dataclass

from macrodesk.checks.intervals import Interval, written_interval
from macrodesk.checks.judging import Check, confirm_only, interval_check
from macrodesk.models import Article, Sentence

_NUM = r"[+\-−]?\d+(?:\.\d+)?"
# the target: "目标价 22.36 元", "下调目标价14.5%至21.84元", "目标价区间不变（8.3-8.6元）", "合理价值区间为
# 45.82-50.40元/股", "对应目标价12.24-14.40元"
_TARGET_WORDS = r"目标价|合理价值|合理股价|合理价格|合理价位"
_TARGET = re.compile(
    rf"(?:{_TARGET_WORDS})(?:格|位)?(?:区间)?(?:[^，,。；;\d]|\d+(?:\.\d+)?\s*%){{0,12}}?"
    # ("125元港币" is in 港元: not read as 元)
    # (the revision in a bracket before the unit: "下调目标价至 22.25（-6.81）元", cfr335)
    r"(?P<t>\d+(?:\.\d+)?)(?:\s*元?\s*[-~～至]\s*(?P<t2>\d+(?:\.\d+)?))?(?:\s*[（(]\s*[+\-−]?\d+(?:\.\d+)?\s*%?\s*[)）])?"
    r"\s*(?P<cur>港元|美元|元(?!\s*(?:港币|美金)))(?:\s*/\s*股)?")
_ANY_TARGET = re.compile(_TARGET_WORDS)
# right after 倍 or x ("26xPE"), or after the year it is of ("38X 23PE", "27倍2023年EPS": a multiple of
# the year's EPS is its PE)
_WORD = r"(?P<w>P\s*/?\s*[EB](?![A-Za-z])|市盈率|市净率|估值|EPS(?![A-Za-z]))"
_WORD_YEAR = r"(?:(?P<y>(?:19|20)?\d{2})\s*(?:年|[EA])?\s*)?"
# the multiple, written before its measure ("26xPE", "20-22倍PE估值", "40/31倍P/E") or after it ("PE25X",
# "PB1.65倍", "目标PB至1.9x")
_MULTIPLE_FIRST = re.compile(
    # (each item may carry its x: "24.8x/22.0xP/E")
    rf"(?<![\d.])(?P<m>\d+(?:\.\d+)?(?:\s*(?:倍|[xX×])?\s*[/、]\s*\d+(?:\.\d+)?)*)(?:\s*[-~～至]\s*(?P<m2>\d+(?:\.\d+)?))?"
    rf"\s*(?:倍|[xX×])\s*(?:的)?\s*{_WORD_YEAR}{_WORD}")
_MULTIPLE_AFTER = re.compile(
    # ("PE=42倍"; "2022EPE为14倍" is 2022E's PE: the E glued to the year is the year's)
    r"(?P<w>(?:(?<![A-Za-z])|(?<=\dE))P\s*/?\s*[EB](?![A-Za-z])|市盈率|市净率)\s*(?:估值)?\s*(?:为|约|至|[=＝])?\s*"
    r"(?P<m>\d+(?:\.\d+)?)(?:\s*[-~～至]\s*(?P<m2>\d+(?:\.\d+)?))?\s*(?:倍|[xX×])?(?![\d.%])")
# a multiple the target is priced at is given or implied ("给予", "对应"), never a peer's, the market's
# or the current price's ("可比公司…平均 PE", "当前股价对应"), nor a previous target's ("前值")
# a multiple of another measure beside it: the target is then a blend of methods
_OTHER_MULTIPLE = re.compile(r"\d\s*(?:倍|[xX×])\s*(?:EV|P\s*/?\s*S(?![A-Za-z])|市销率|PEG)"
                             r"|(?<![A-Za-z])(?:EV\s*/\s*EBITDA|P\s*/?\s*S(?![A-Za-z])|市销率|PEG)\s*\d")
# ("我们认为公司合理2022EPE为14倍，目标价6.30元", cfr385: the fair multiple is the one given)
_GIVEN = re.compile(r"给予|对应|目标|按|基于|采用|取|参考|合理")
# after 参考 the multiple may be the peers' or history's: the target rests on it (cfr361: "参考可比22年平均
# PE25x（Wind一致预期），目标价32.50元"), but whether as is, or with a premium the text leaves out, is not
# written: such a target confirms only, and a multiple given outright wins over it (cfb404: "参考可比公司…13倍PE
# 均值，…给予公司22年18倍PE，对应目标价31.32元")
_PEERS = re.compile(r"可比|一致预期|平均|均值|行业|历史")
# the current price's multiple or a previous one, wherever the words stand in the clause ("现价对应…24/20倍P/E")
_NOT_PRICED = re.compile(r"当前|现价|股价|收盘|前值|此前|原|上市以来|最低|最高"
                         r"|EV|EBITDA|(?<![A-Za-z])P\s*/?\s*S(?![A-Za-z])|市销率|PEG")
# the per-share figures: "EPS分别为2.29/3.15/3.95元/股", "EPS0.86/1.00/1.15元", "每股净资产分别为6.50/6.94/7.44元",
# "EPS为2.67元和3.24元"
_PER_SHARE = re.compile(r"(?<![A-Za-z])(?:(?P<e>EPS|每股收益|每股盈利)|(?P<b>BPS|每股净资产))(?![A-Za-z])")
# a note after an item: "1.03（ -20%）、 1.36（ -10%）、 1.49 元"
_NOTE = r"(?:\s*[（(][^（）()]{0,12}[)）])?"
_ITEMS = re.compile(
    r"\s*(?:（[^（）]{0,8}）|\([^()]{0,8}\))?\s*(?:预测|预期|分别|约|调整|摊薄)?\s*(?:将|或)?\s*(?:分别)?\s*"
    # (the revision before the values: "下调2019/20年EPS5.5%/7.8%至2.96/3.33元")
    rf"(?:{_NUM}\s*%(?:\s*[/、]\s*{_NUM}\s*%)*\s*(?=至))?"
    r"(?:为|至|是|达|=|＝|：|:)?\s*(?:分别)?\s*(?:为)?\s*"
    rf"(?P<list>{_NUM}{_NOTE}(?:\s*元)?(?:\s*(?:/|、|和|及)\s*{_NUM}{_NOTE}(?:\s*元)?)*)\s*(?P<cur>元|港元|美元)?")
_ITEM = re.compile(_NUM)
# what may follow a bare list that is no list of EPS: a rate, a multiple, another unit or currency
_NOT_PER_SHARE_AFTER = re.compile(r"\s*(?:[%％倍xX×亿万千百美港A-Za-z\d.]|个百分点)")
# the years a list is of, written before it: "22-24年", "2023/2024/2025年", "2025A-2027E", "2020~2022 年", "2023年"
_YEARS = re.compile(
    r"(?<![\d.])(?P<a>(?:19|20)?\d{2})\s*(?:年|[AE])?\s*(?:"
    r"(?P<sep>[-~～—–至到])\s*(?P<b>(?:19|20)?\d{2})\s*[AE]?\s*年?"
    r"|(?P<rest>(?:\s*[/、]\s*(?:19|20)?\d{2}\s*(?:年|[AE])?)+)"
    r")(?![\d.])|(?<![\d.])(?P<one>(?:19|20)\d{2})\s*(?:年|[AE])?(?![\d.])|(?<![\d.])(?P<two>\d{2})\s*年")
_CLAUSE = re.compile(r"[，,。；;：:（(）)]")
_ADDED_YEAR = re.compile(r"\s*(?:、|和|及|，|,)\s*(?:新增|并新增|以及|及)?\s*")


@dataclass(frozen=True)
class _PerShare:
    """One year's EPS (or BPS) as written, and where."""

    text: str
    value: Interval
    currency: str
    sentence: Sentence


def _year(y: str) -> int:
    v = int(y)
    return v + 2000 if v < 100 else v


def _years(text: str) -> list[int]:
    """The years of the last year expression in `text` (a span, a list or one year)."""
    found = list(_YEARS.finditer(text))
    if not found:
        return []
    m = found[-1]
    if (m.group("one") or m.group("two")) and len(found) > 1 and _ADDED_YEAR.fullmatch(text, found[-2].end(), m.start()):
        # "调整2023-2024年、新增2025年EPS预测至…": the span, then the year added to it
        head, added = _years(text[:found[-2].end()]), _year(m.group("one") or m.group("two"))
        if head and added == head[-1] + 1:
            return [*head, added]
    if m.group("one") or m.group("two"):
        return [_year(m.group("one") or m.group("two"))]
    a = _year(m.group("a"))
    if m.group("sep"):
        b = m.group("b")
        # "2023-25年": the end year written with its last two digits
        end = a // 100 * 100 + int(b) if len(b) == 2 else int(b)
        return list(range(a, end + 1)) if 0 < end - a < 6 else []
    if m.group("rest"):
        years = [a] + [_year(y) for y in re.findall(r"\d{2,4}", m.group("rest"))]
        return years if all(0 < y - x < 3 for x, y in zip(years, years[1:], strict=False)) else []
    return [a] if len(m.group("a")) == 4 else []


def _per_share(sentences: list[Sentence]) -> dict[tuple[str, int], list[_PerShare]]:
    """Each year's EPS and BPS written in these sentences, by ("E" or "B", year)."""
    out: dict[tuple[str, int], list[_PerShare]] = {}
    for s in sentences:
        text = s.text
        if not ("EPS" in text or "BPS" in text or "每股" in text):
            continue
        for key in _PER_SHARE.finditer(text):
            m = _ITEMS.match(text, key.end())
            # an EPS list may be written with no unit ("EPS至1.65（+0.05）、2.14（+0.07）", "EPS为1.98/2.23/2.63
            # （原为…元）"): per-share figures in the stock's yuan, unless a unit or a rate follows the list
            if m is None or not (m.group("cur") or "元" in m.group("list")) and (
                    not key.group("e") or _NOT_PER_SHARE_AFTER.match(text, m.end())):
                continue
            items = _ITEM.findall(re.sub(r"[（(][^（）()]*[)）]", "", m.group("list")))
            # the years are written before the key, in its clause chain (back to the last 。or ；)
            start = max(text.rfind(stop, 0, key.start()) for stop in "。；;") + 1
            years = _years(text[start:key.start()])
            if len(years) != len(items):
                continue
            cur = m.group("cur") or "元"
            for y, item in zip(years, items, strict=True):
                value = written_interval(item.replace("−", "-"))
                out.setdefault(("E" if key.group("e") else "B", y), []).append(_PerShare(item, value, cur, s))
    return out


def _multiples(text: str, end: int) -> list[tuple[re.Match[str], bool]]:
    """The multiples a target in `text` may be priced at, given in their own clause (not a peer's
    or the current price's), each with whether it is only referred to (参考)."""
    out: list[tuple[re.Match[str], bool]] = []
    for rx in (_MULTIPLE_FIRST, _MULTIPLE_AFTER):
        for m in rx.finditer(text, 0, end):
            start = max((x.end() for x in _CLAUSE.finditer(text, 0, m.start())), default=0)
            clause = text[start:m.start()]
            # the peers' or history's words count after the last word giving the multiple ("参考同业及
            # 历史估值水平给予公司2022年约25倍PE" is given; "给予可比公司平均30倍" is the peers')
            given = list(_GIVEN.finditer(clause))
            if not given or _NOT_PRICED.search(clause):
                continue
            referenced = given[-1].group(0) == "参考"
            if referenced or not _PEERS.search(clause, given[-1].end()):
                out.append((m, referenced))
    if any(not referenced for _, referenced in out):
        out = [(m, False) for m, referenced in out if not referenced]
    return out


def _measure(word: str) -> str:
    return "B" if "B" in word or "净" in word else "E"


def find_target_prices(article: Article) -> list[Check]:
    if not _ANY_TARGET.search(article.text):
        return []
    prose = [s for s in article.sentences if s.kind in ("prose", "list")]
    out: list[Check] = []
    for i, s in enumerate(prose):
        text = s.text
        for t in _targets(text):
            out.extend(_priced(prose[:i + 1], s, t))
    for chk in out:
        chk.article = article.label
    return out


# a target the text revises is not the one its multiple prices: "下调目标价至44元（原目标价：50元），对应27倍
# 2023年EPS" (cfr416)
_PREVIOUS = re.compile(r"(?:原|此前|前次|上次|前期|之前|旧)\s*$")


def _targets(text: str) -> list[re.Match[str]]:
    return [t for t in _TARGET.finditer(text) if not _PREVIOUS.search(text, max(0, t.start() - 3), t.start())]


def _priced(upto: list[Sentence], s: Sentence, t: re.Match[str]) -> list[Check]:
    """The target at match `t` of sentence `s` against the multiple given for it in `s`."""
    text = s.text
    # the multiple of the target's own sentence up to the next target or the end (a bracket after it
    # may give it: "目标价 32 元（对应 2025E PE 15 倍）")
    nxt = next((x for x in _targets(text) if x.start() >= t.end()), None)
    found = _multiples(text, nxt.start() if nxt else len(text))
    multiples = [m for m, _ in found]
    values = {m.group("m") + "-" + (m.group("m2") or "") for m in multiples}
    if len(values) != 1 or _OTHER_MULTIPLE.search(text, 0, nxt.start() if nxt else len(text)) \
            or len({_measure(m.group("w")) for m in multiples}) != 1:
        # none, or several: parts valued apart ("给予10xPE、…给予20xPE"), or a target between two
        # methods ("给予公司2020年45倍PE，2.2倍PS，给予目标价格42元")
        return []
    m = multiples[0]
    start = max((x.end() for x in _CLAUSE.finditer(text, 0, m.start())), default=0)
    listed = _ITEM.findall(m.group("m"))
    # the year written between the multiple and its word ("38X 23PE") is the multiple's own
    inner = m.groupdict().get("y")
    years = [_year(inner)] if inner else _years(text[start:m.start()])
    referenced = found[0][1]
    if len(listed) > 1:
        # "目标价21.84元，对应2021/2022年40/31倍P/E": the target against each year's multiple, and each
        # multiple written after the target is the target over its year's EPS
        if t.group("t2") or m.group("m2") or len(listed) != len(years):
            return []
        pairs = [(t.group("t"), x, y) for x, y in zip(listed, years, strict=True)]
        if m.start() > t.end():
            return _referenced(_implied(s, t, m, pairs, _measure(m.group("w")), _per_share(upto)), referenced)
    elif len(years) != 1:
        return []
    elif t.group("t2") and m.group("m2"):
        # "给予公司2023年20-22倍PE估值，合理价值区间为45.82-50.40元/股": end by end
        pairs = [(t.group("t"), m.group("m"), years[0]), (t.group("t2"), m.group("m2"), years[0])]
    elif t.group("t2") or m.group("m2"):
        return []
    else:
        pairs = [(t.group("t"), m.group("m"), years[0])]
        if m.start() > t.end():
            # "维持目标价25.69元，对应19年23xPE" (cfb052): the multiple written after the target is the
            # target over its year's EPS, judged at the multiple's rounding
            return _referenced(_implied(s, t, m, pairs, _measure(m.group("w")), _per_share(upto)), referenced)
    measure = _measure(m.group("w"))
    per_share = _per_share(upto)
    name, per = ("PB", "BPS") if measure == "B" else ("PE", "EPS")
    out = []
    for target, multiple, year in pairs:
        bases = per_share.get((measure, year), [])
        distinct = {b.text for b in bases}
        stated = f"{target}{t.group('cur')}"
        # (an H-share target in 港元 is not priced on an EPS in 元)
        got_any = [_judged(written_interval(multiple) * b.value, written_interval(target), stated, [multiple, b.text],
                           f"{multiple} × {b.text} = {stated} (the target at {year}'s {name} times its {per})", s, b)
                   for b in {b.text: b for b in bases}.values() if b.currency == t.group("cur")]
        if not got_any:
            continue
        chk = next((c for c in got_any if c.verdict == "consistent"), got_any[0])
        # two figures for the year (a revision): either may be the one the target rests on
        out.append(chk if len(distinct) == 1 else confirm_only(chk, f"{year}'s per-share figure is written twice"))
    return _referenced(out, referenced)


def _referenced(checks: list[Check], referenced: bool) -> list[Check]:
    """A target referred to a multiple (参考…) may carry a premium or a discount on it: a fit confirms."""
    if not referenced:
        return checks
    return [confirm_only(c, "the multiple is one the target is referred to (参考), not one given to it")
            for c in checks]


def _implied(s: Sentence, t: re.Match[str], m: re.Match[str], pairs: list[tuple[str, str, int]], measure: str,
             per_share: dict[tuple[str, int], list[_PerShare]]) -> list[Check]:
    """"维持目标价8.95元，对应2021-23年7/6/6倍PE": each multiple of the list is the target over its
    year's EPS (BPS for a PB), judged at the multiple's rounding. (The target is not also judged as
    the first multiple times its EPS: one relation judged both ways would tell an error in it twice.)"""
    out: list[Check] = []
    name, per = ("PB", "BPS") if measure == "B" else ("PE", "EPS")
    target = t.group("t")
    unit = re.search(r"倍|[xX×]", m.group(0))
    for k, (_, multiple, year) in enumerate(pairs):
        bases = {b.text: b for b in per_share.get((measure, year), []) if b.currency == t.group("cur")}
        if len(bases) != 1:
            continue  # none, or two figures for the year: which one the multiple is of is not known
        (b,) = bases.values()
        if b.value.lo <= 0:
            continue
        stated = multiple + (unit.group(0) if k == len(pairs) - 1 and unit else "")
        got = written_interval(target) / b.value
        out.append(_judged(got, written_interval(multiple), stated, [f"{target}{t.group('cur')}", b.text],
                           f"{target}{t.group('cur')} / {b.text} = {stated} (the target over {year}'s {per}"
                           + (f"; list item: {k + 1})" if len(pairs) > 1 else ")"), s, b))
    return out


def _judged(got: Interval, written: Interval, stated: str, inputs: list[str], relation: str, s: Sentence,
            b: _PerShare) -> Check:
    """A relation of the target and one per-share figure: a gross miss (> 5%) refutes, a near one
    proves nothing (either side may be rounded from figures not written)."""
    chk = interval_check(got, written, kind="product" if "×" in relation else "ratio", stated=stated, inputs=inputs,
                         relation=relation, sentence=s.text, sentence_id=s.id, paragraph=s.paragraph,
                         input_sentences=[s.text, b.sentence.text])
    if chk.verdict == "inconsistent" and (chk.gap or 0) <= 0.05 * abs(written.mid):
        chk = confirm_only(chk, "the target may rest on a per-share figure or multiple rounded otherwise")
    elif chk.verdict == "inconsistent" and _RECOUNTED.search(b.sentence.text):
        # "若剔除股本转增对总股本影响，…维持2021年EPS预测1.94元" (34th set): an EPS on the share count
        # before a bonus issue prices no target on the count after it
        chk = confirm_only(chk, "the EPS is written on another share count (a bonus issue)")
    return chk


_RECOUNTED = re.compile(r"转增|送转|送股|拆股|股本变动|股本影响|总股本影响")
