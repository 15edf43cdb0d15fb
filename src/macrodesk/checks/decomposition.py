"""A growth split into volume and price: "同店销售收入同比 + 7.7%，客流量 + 2.6%，客单价 + 5.0%" is
(1 + 2.6%)(1 + 5.0%) − 1 = 7.7%, as sales are traffic times ticket. Also written with the parts in
brackets after a company's figure ("优衣库：+13.1%（同店客流量同比上升 12.5%，平均每单交易额同比增长
0.5%）"), with the sales 持平, or as a list of companies' sales under a 同店收入 header and two
rankings of their traffic and ticket growths ("客流量同比增速排序：萨莉亚（+15.7%）> 麦当劳（+9.5%）…")."""

from __future__ import annotations

import re

from macrodesk.checks.gate import mentions
from macrodesk.checks.intervals import (
    Interval,
    figure_interval,
    one_plus,
    signed_interval,
)
from macrodesk.checks.judging import Check, confirm_only, interval_check
from macrodesk.checks.paragraphs import paragraphs, prose_sections
from macrodesk.models import Article, Figure, FigureKind, Sentence

_TOTAL = re.compile(r"(?:销售额|销售收入|营收|收入|销售|GMV|成交额|票房|出口额|进口额|交易额|营业额)"
                    r"(?:[^，,。；;（(]{0,8}|\s*[\d.,]+\s*[\u4e00-\u9fa5]{0,3}\s*[，,]\s*同比[^，,。；;（(\d]{0,4})$")
_VOLUME_WORDS = r"(?:客流量?|客数|来客数|交易笔数|订单量|销量|观影人次|人次|出口量|进口量|出货量)"
_PRICE_WORDS = r"(?:客单价|均价|单价|ASP|件单价|每单交易额|票价|吨价|平均售价|售价)"
# the level of the volume or price may stand between its name and its growth: "观影人次 1890 万（+22%）"
_WRITTEN_LEVEL = r"\s*[\d.,]+\s*[\u4e00-\u9fa5/A-Za-z]{0,5}"
_LEVEL = rf"(?:{_WRITTEN_LEVEL}\s*)?"
_VOLUME = re.compile(_VOLUME_WORDS + _LEVEL + r"[^，,。；;\d]{0,6}$")
_PRICE = re.compile(_PRICE_WORDS + _LEVEL + r"[^，,。；;\d]{0,6}$")
# "营收同比增长42.35%至26.45亿元，其中量/价同比分别增长33%/7%": volume and price as a slash pair
_PAIR = re.compile(r"(?<![销产出进存])量\s*/\s*价[^，,。；;\d]{0,10}$")
# "优衣库：+13.1%（同店客流量…": a company's figure with its parts in the brackets after it
_LABEL_LEAD = re.compile(r"[：:]\s*$")
_OPEN = re.compile(r"^\s*[（(]")
# "同店销售收入同比持平，客流量 - 2.3%，客单价 + 2.4%": a total written as a word
_FLAT = re.compile(r"(?:销售额|销售收入|营收|收入|销售|GMV|成交额)[^，,。；;（(]{0,8}持平\s*[，,]")


# every reading names a price (客单价, 均价, 价格, ASP, 每单交易额 or the 价 of 量/价) in its sentence,
# paragraph or ranking
_NEEDS = re.compile(r"价|ASP|每单交易额")


def find_decompositions(article: Article) -> list[Check]:
    """In one sentence, a sales growth followed by the growth of its volume (客流) and of its
    price (客单价): the two multiply to the total."""
    if not mentions(article, _NEEDS):
        return []
    out: list[Check] = []
    # (the sentence readings below all read a price after or beside the volume)
    priced = [s for s in article.sentences if s.kind in ("prose", "list")
              and ("价" in s.text or "ASP" in s.text or "每单交易额" in s.text)]
    for s in priced:
        pct = [f for f in s.figures if f.kind == FigureKind.PERCENT and f.value is not None and not f.is_range]
        for i, total in enumerate(pct[:-2]):
            lead = s.text[max(0, total.start - 28):total.start]
            vol, price = pct[i + 1], pct[i + 2]
            if not (_TOTAL.search(lead) or _LABEL_LEAD.search(lead) and _OPEN.match(s.text[total.end:vol.start])):
                continue
            vlead, plead = s.text[total.end:vol.start], s.text[vol.end:price.start]
            if not (_VOLUME.search(vlead) and _PRICE.search(plead)
                    or _PAIR.search(vlead) and re.fullmatch(r"\s*/\s*", plead)):
                continue
            out.append(_volume_price(article, s, vol, vlead, price, plead, total, lead))
        out.extend(_flat(s, pct))
    out.extend(_total_last(article))
    out.extend(_ranked(article))
    done = {(c.sentence_id, c.stated) for c in out}
    for s in priced:
        # (all three measures named, tested before the growths are read)
        if "%" in s.text and all(p.search(s.text) for _, p in _MEASURES):
            out.extend(c for c in _any_order(article, s) if (c.sentence_id, c.stated) not in done)
    return out


# the measure a growth is of, named last before it since the growth before: revenue, volume or price
_TOTAL_WORDS = r"(?:营业收入|销售收入|营收|收入|销售额|营业额)"
_ANY_VOLUME = rf"(?:{_VOLUME_WORDS}|销售量|发货量|交付量)"
_ANY_PRICE = rf"(?:{_PRICE_WORDS}|价格)"
_MEASURES = (("total", re.compile(_TOTAL_WORDS)), ("volume", re.compile(_ANY_VOLUME)), ("price", re.compile(_ANY_PRICE)))
# what may follow the measure's name before its growth: its level, 同比, a verb; not a ratio or a share
_NOT_GROWTH = re.compile(r"率|占|比重|毛利|利润|份额|[；;。]")
_GROWTH_WORD = re.compile(r"同比|增|降|提升|提高|上涨|下跌|下滑|减少|上升|[+\-]\s*$")
_SLASH = re.compile(r"^\s*/\s*[+\-]?\s*$")


def _measure_of(lead: str) -> str | None:
    """Which measure the growth after `lead` is of: the one named last, when nothing but its level,
    同比 and a verb stand between the name and the growth."""
    best: tuple[int, str, int] | None = None
    for name, pat in _MEASURES:
        for m in pat.finditer(lead):
            if best is None or m.start() > best[0] or m.start() == best[0] and m.end() > best[2]:
                best = (m.start(), name, m.end())
    if best is None:
        return None
    rest = lead[best[2]:]
    return best[1] if not _NOT_GROWTH.search(rest) and _GROWTH_WORD.search(rest) else None


def _any_order(article: Article, s: Sentence) -> list[Check]:
    """"在产品价格下跌 25%的情况下，销量同比提升 29%，实现营业收入 6.67 亿元，同比小幅下滑 3%" (cfb193): one
    revenue growth, one volume growth and one price growth named in a sentence in any order; and
    "面米制品/肉制品营收同比+19.72%/36.16%，销量同比+11.7%/24.0%，吨价同比+7.2%/9.8%" (cfb246), three slash
    lists of as many items, each item's three growths. Outside the wording the total-first reader
    knows, the revenue may be a whole the volume and price are one part of: a fit confirms, a miss
    proves nothing; slash lists pair their items by position and are judged."""
    pct = [f for f in s.figures if f.kind == FigureKind.PERCENT and f.value is not None and not f.is_range]
    # the sentence's growths in runs joined by "/", each run with the measure named before its first
    runs: list[list[Figure]] = []
    for f in pct:
        if runs and _SLASH.match(s.text[runs[-1][-1].end:f.start]):
            runs[-1].append(f)
        else:
            runs.append([f])
    named: dict[str, list[tuple[list[Figure], str]]] = {}
    prev_end = 0
    for run in runs:
        lead = s.text[prev_end:run[0].start]
        prev_end = run[-1].end
        what = _measure_of(lead)
        if what is not None:
            named.setdefault(what, []).append((run, lead))
    if any(len(named.get(k, [])) != 1 for k in ("total", "volume", "price")):
        return []
    (total, tlead), (vol, vlead), (price, plead) = (named[k][0] for k in ("total", "volume", "price"))
    if not len(total) == len(vol) == len(price):
        return []
    out = []
    for k, (tf, vf, pf) in enumerate(zip(total, vol, price, strict=True)):
        # (a later item's sign is its own: "+19.72%/36.16%")
        tl, vl, pl = (lead if k == 0 else "" for lead in (tlead, vlead, plead))
        chk = _volume_price(article, s, vf, vl, pf, pl, tf, tl)
        if len(total) > 1:
            chk.relation += f" (list item: {k + 1})"
            out.append(chk)
        else:
            out.append(confirm_only(chk, "the revenue may be a whole the volume and price are a part of"))
    return out


# a volume or price with its level and growth, the total after them: "聚甲醛实现销量2.48万吨，同比增加1.22%；
# 销售均价19352元/吨，同比上涨54.68%；实现销售收入4.80亿元，同比增加56.69%" (cfr417)
_YOY_TAIL = r"\s*[，,]\s*同比\s*(?:增加|增长|上涨|上升|提升|下降|下滑|减少|下跌)?\s*$"
_VOLUME_FIRST = re.compile(_VOLUME_WORDS + _WRITTEN_LEVEL + _YOY_TAIL)
_PRICE_NEXT = re.compile(r"^[；;，,\s]*[^，,。；;\d]{0,6}?" + _PRICE_WORDS + _WRITTEN_LEVEL + _YOY_TAIL)
_TOTAL_LAST = re.compile(r"^[；;，,\s]*[^，,。；;\d]{0,6}?(?:销售额|销售收入|营收|收入|营业额)\s*[\d.,]+\s*[\u4e00-\u9fa5]{0,3}" + _YOY_TAIL)


def _total_last(article: Article) -> list[Check]:
    """Volume, price and total, each with its level and 同比 growth, in that order in one paragraph
    (company research writes them as three ；-clauses)."""
    out = []
    for p in paragraphs(article):
        if "价" not in p.text or "同比" not in p.text:
            continue
        pct = [f for f in p.figures if f.kind == FigureKind.PERCENT and f.value is not None and not f.is_range]
        for vol, price, total in zip(pct, pct[1:], pct[2:], strict=False):
            vlead = p.text[max(0, vol.start - 24):vol.start]
            plead, tlead = p.text[vol.end:price.start], p.text[price.end:total.start]
            if not (_VOLUME_FIRST.search(vlead) and _PRICE_NEXT.match(plead) and _TOTAL_LAST.match(tlead)):
                continue
            out.append(_volume_price(article, p.sentence_at(total.start), vol, vlead, price, plead, total, tlead,
                                     input_sentences=[p.sentence_at(vol.start).text, p.sentence_at(price.start).text]))
    return out


def _volume_price(article: Article, s: Sentence, vol: Figure, vlead: str, price: Figure, plead: str,
                  total: Figure, tlead: str, input_sentences: list[str] | None = None) -> Check:
    """The total's growth against (1 + volume growth)(1 + price growth) − 1; each figure signed by
    the words before it. `input_sentences`: where the inputs are written, when not the total's sentence."""
    return interval_check(
        _product(vol, vlead, price, plead), signed_interval(total, tlead, result=True), kind="product",
        stated=total.text, inputs=[vol.text, price.text],
        relation=f"{one_plus(vol, vlead)}{one_plus(price, plead)} - 1 = {total.text} (volume × price)",
        sentence=s.text, sentence_id=s.id, paragraph=s.paragraph, article=article.label,
        input_sentences=input_sentences or [])


def _product(vol: Figure, vlead: str, price: Figure, plead: str) -> Interval:
    one = Interval(1.0, 1.0)
    return ((one + signed_interval(vol, vlead).scale(0.01)) * (one + signed_interval(price, plead).scale(0.01))
            - one).scale(100)


def _flat(s: Sentence, pct: list[Figure]) -> list[Check]:
    """"同店销售收入同比持平，客流量 - 2.3%，客单价 + 2.4%": 持平 is a growth near zero. How near is
    not written, so a product within half a point confirms it and a farther one proves nothing."""
    m = _FLAT.search(s.text)
    after = [f for f in pct if m and f.start >= m.end()]
    if m is None or len(after) < 2:
        return []
    vol, price = after[0], after[1]
    vlead, plead = s.text[m.end():vol.start], s.text[vol.end:price.start]
    if not (_VOLUME.search(vlead) and _PRICE.search(plead)) or re.search("[，,]", vlead.strip("，, ")):
        return []
    got = _product(vol, vlead, price, plead)
    if not got.overlaps(Interval(-0.5, 0.5)):
        return []
    return [Check(
        verdict="consistent", kind="product", stated="持平", computed=f"{got.mid:.3f}",
        computed_low=got.lo, computed_high=got.hi, inputs=[vol.text, price.text], refutable=False,
        relation=f"{one_plus(vol, vlead)}{one_plus(price, plead)} - 1 = 持平 (volume × price)",
        note="持平 read as within half a point of zero", sentence=s.text, sentence_id=s.id, paragraph=s.paragraph,
    )]


_RANKING = re.compile(rf"^[\s\-*]*({_VOLUME_WORDS}|{_PRICE_WORDS})[^：:，,。；;]{{0,12}}[：:]")
_RANKED_ITEM = re.compile(r"([\u4e00-\u9fa5A-Za-z&][\u4e00-\u9fa5A-Za-z&\s\-]{0,15}?)\s*[（(]\s*$")
_NAMED_TOTAL = re.compile(r"^[\s\-*]*([\u4e00-\u9fa5A-Za-z&][\u4e00-\u9fa5A-Za-z&\s\-]{0,15}?)\s*[：:]\s*$")
_LIST_HEADER = re.compile(r"(?:销售额|销售收入|营收|收入|销售)[^：:，,。；;]{0,8}[：:]\s*$")


def _ranked(article: Article) -> list[Check]:
    """Companies' sales growths listed one a line ("Food&Life：+18.9%") under a header naming the
    sales ("5 月主要餐饮公司同店收入同比："), and in the same section two rankings of the same
    companies' traffic and ticket growths: each company's three figures are paired by its name."""
    out: list[Check] = []
    for sents in prose_sections(article):
        ranks: dict[str, dict[str, tuple[Figure, Sentence]]] = {"volume": {}, "price": {}}
        for s in sents:
            m = _RANKING.match(s.text)
            if m is None:
                continue
            which = "volume" if re.fullmatch(_VOLUME_WORDS, m.group(1)) else "price"
            for f in s.figures:
                nm = _RANKED_ITEM.search(s.text[m.end():f.start]) if f.start >= m.end() else None
                if f.kind == FigureKind.PERCENT and f.value is not None and nm:
                    ranks[which][nm.group(1).strip(" >-")] = (f, s)
        if not ranks["volume"] or not ranks["price"]:
            continue
        header = False
        for s in sents:
            if _LIST_HEADER.search(s.text) and not any(f.kind == FigureKind.PERCENT for f in s.figures):
                header = True
                continue
            pct = [f for f in s.figures if f.kind == FigureKind.PERCENT and f.value is not None]
            nm = _NAMED_TOTAL.match(s.text[:pct[0].start]) if header and len(pct) == 1 else None
            if nm is None or s.text[pct[0].end:].strip(" 。") or nm.group(1).strip() not in ranks["volume"] \
                    or nm.group(1).strip() not in ranks["price"]:
                continue
            name, total = nm.group(1).strip(), pct[0]
            (vol, vs), (price, ps) = ranks["volume"][name], ranks["price"][name]
            got = _product(vol, "", price, "")
            stated = figure_interval(total, result=True)
            out.append(interval_check(
                got, stated, kind="product", stated=total.text, inputs=[vol.text, price.text],
                relation=f"{one_plus(vol, '')}{one_plus(price, '')} - 1 = {total.text} ({name}: volume × price)",
                sentence=s.text, sentence_id=s.id, paragraph=s.paragraph, article=article.label,
                input_sentences=[vs.text, ps.text],
            ))
    return out
