"""A whole and its labelled parts in brackets, with no operator written.

Sums: a total followed by its parts, each with a label, in a bracket that holds only those parts:
"营收 107.79 亿元（先进产品 87.60 亿元、主流产品 20.19 亿元）", "钻机数：600 部（石油钻机 550 部，天然气
钻机 50 部）", "测试占比 89.0%（晶圆测试 31.1%、产品测试 57.9%）".

Shares: a whole, then a list of parts each with its amount and share in a bracket: "全球白银储量
64 万吨，主要集中在秘鲁（14 万吨，22%）、澳大利亚（9.4 万吨，15%）…". With no whole written, a
sibling's amount and share give it (derived): "特来电（80.66 万台，18.82%）、星星充电（70.34 万台，
16.41%）"."""

from __future__ import annotations

import re

from macrodesk.checks.gate import mentions
from macrodesk.checks.intervals import COUNT_UNITS, Interval, interval_sum, written_interval
from macrodesk.checks.judging import Check
from macrodesk.checks.levels import LEVELS, interval, judged, signed, unit_key
from macrodesk.figures import MAGNITUDE
from macrodesk.models import Article, Figure, FigureKind, Sentence
from macrodesk.text.clauses import chars_before, clause_start

_BRACKET = re.compile(r"[（(]([^（）()]*)[）)]")
_SEP = re.compile(r"[、，,；;]")
# a part's label is a name, not a change, a period, a bound or a hint that the list is partial
_NOT_LABEL = re.compile(
    r"同比|环比|较|比上|占|增|减|降|升|涨|跌|净|亏|损|负|约|超|近|逾|达|为|至|平均|均|其中|包括|包含|含|"
    r"主要|如|等|其他|其余|累计|合计|预计|预测|目标|最|中位|历史|区间|范围|贡献|拖累|拉动|"
    r"年|月|季|周|日|[QH]\d|E\b|\d")
# a total named as a difference or a change ("净利润", "增加 70 亿元") may have parts that offset
_NET_TOTAL = re.compile(r"净|差|利润|毛利|盈|余额|结余|(?<!新)增|减|降|升|变|较|同比|环比")
_STOPS = "，,；;。：:"  # the clause breaks (checks.tokens.clause_start)
_DIGITS = re.compile(r"\d+(?:\.\d+)?")
_SHARE_WORD = re.compile(r"占比|比重|份额|占")
_GAP = re.compile(r"\s*[^\s，,；;。：:、（）()\d]{0,2}\s*$")  # the unit tail between a total and its bracket
# a flow's time unit the figure reader leaves out of the unit: "107.68 万吨 / 日"
_PER = re.compile(r"\s*/\s*[日天年月周]")


def _per(s: Sentence, f: Figure) -> str:
    m = _PER.match(s.text, f.end)
    return m.group().replace(" ", "") if m else ""


def _figures(s: Sentence) -> list[Figure]:
    return [f for f in s.figures if f.kind != FigureKind.DATE]


def _inside(figs: list[Figure], start: int, end: int) -> list[Figure]:
    return [f for f in figs if f.start >= start and f.end <= end]


def find_bracket_sums(article: Article) -> list[Check]:
    """A total and the parts its bracket lists. Certain for levels: parts that add to more than
    the total are an error; parts that add to less may leave one out (unverifiable). A share
    split into shares may be shares within each part, so a percentage total is consistent-only."""
    out: list[Check] = []
    for s in article.sentences:
        if s.kind not in ("prose", "list") or ("（" not in s.text and "(" not in s.text):
            continue
        figs = _figures(s)
        for m in _BRACKET.finditer(s.text):
            chk = _plus_sum(s, figs, m) if ("+" in m.group(1) or "＋" in m.group(1)) else _bracket_sum(s, figs, m)
            if chk is not None:
                chk.article = article.label
                out.append(chk)
    return out


def _bracket_sum(s: Sentence, figs: list[Figure], m: re.Match[str]) -> Check | None:
    if len(_DIGITS.findall(m.group(1))) < 2:
        return None
    before = [f for f in figs if f.end <= m.start()]
    if not before:
        return None
    total = before[-1]
    per = _per(s, total)
    pm = _PER.match(s.text, total.end)
    if not _GAP.fullmatch(s.text[pm.end() if pm else total.end:m.start()]):
        return None
    own = s.text[max([clause_start(s.text, total.start, _STOPS)] + [f.end for f in before[:-1]]):total.start]
    if _NET_TOTAL.search(own):
        return None
    key = unit_key(s, total)
    if key is None or key == "#" or signed(s, total) or total.kind not in (*LEVELS, FigureKind.PERCENT):
        return None
    parts = _inside(figs, m.start(1), m.end(1))
    pieces = [p for p in _SEP.split(m.group(1)) if p.strip()]
    if len(parts) < 2 or len(pieces) != len(parts) or any(f.kind == FigureKind.DATE for f in s.figures
                                                          if m.start() <= f.start < m.end()):
        return None
    offset = m.start(1)
    for i, (f, piece) in enumerate(zip(parts, pieces, strict=True)):
        label = s.text[offset:f.start]
        offset = f.end
        if _per(s, f) != per:
            return None  # "万吨 / 日" parts of a "万吨" total, or the other way round
        label = _PER.sub("", label, count=1) if i else label
        if i == 0:
            # "（含直接交易 3658.1 亿千瓦时、…）": the bracket says it holds the parts
            label = re.sub(r"^\s*(?:含|包括|包含)\s*", "", label)
        # the rest named as the last part ("…、其他 1.0 亿千瓦时") closes the list: a label, not a hint
        remainder = i == len(parts) - 1 and label.strip(" 、，,；;") in ("其他", "其余", "其它")
        named = remainder or (re.search(r"[\u4e00-\u9fffA-Za-z]", label) is not None
                              and len(label.strip(" 、，,；;")) <= 10 and not _NOT_LABEL.search(label))
        if unit_key(s, f) != key or signed(s, f) or not named or f.text not in piece:
            return None
    if _NOT_LABEL.search(re.sub(r"[\d.%\s]", "", _PER.sub("", s.text[parts[-1].end:m.end(1)], count=1))):
        return None  # "…等" after the last part: the list is partial
    acc = interval_sum(interval(f) for f in parts)
    formula = " + ".join(f.text for f in parts) + f" = {total.text}"
    if total.kind == FigureKind.PERCENT:
        clause = chars_before(s.text, total.start, 12)
        if not _SHARE_WORD.search(clause):
            return None
        return judged(s, "sum", total, parts, acc, formula, certain=False,
                      why="shares in brackets may be shares within each part")
    got = interval(total, result=True)
    if acc.hi < got.lo:
        return judged(s, "sum", total, parts, acc, formula, certain=False,
                      why="the bracket may list only some of the parts")
    return judged(s, "sum", total, parts, acc, formula, certain=True)


_PLUS = re.compile(r"[+＋]")
# between a total and the bracket that adds it up: its unit tail and a short purpose ("用于 AI 算力采购")
_PLUS_GAP = re.compile(r"[^，,；;。：:、（）()\d]{0,16}")
_MAGNITUDES = ("万亿", "亿", "万")


def _same_unit(s: Sentence, part: Figure, total: Figure) -> bool:
    """A part in the total's unit, or a bare magnitude of it ("国内 400 亿" of "900 亿元")."""
    if unit_key(s, part) == unit_key(s, total):
        return True
    return total.kind == FigureKind.MONEY and part.kind == FigureKind.QUANTITY and part.unit in _MAGNITUDES \
        and total.unit.startswith(part.unit) and part.scale == total.scale


def _plus_sum(s: Sentence, figs: list[Figure], m: re.Match[str]) -> Check | None:
    """"每月上新 20 部（18 部短剧 + 2 部互动剧）", "约 900 亿元用于 AI 算力采购（国内 400 亿 + 国外 500 亿）":
    a bracket that adds its parts with + is the total's sum, written out (certain)."""
    before = [f for f in figs if f.end <= m.start()]
    parts = _inside(figs, m.start(1), m.end(1))
    pieces = [p for p in _PLUS.split(m.group(1)) if p.strip()]
    if not before or len(pieces) < 2:
        return None
    total = before[-1]
    key = unit_key(s, total)
    if not _PLUS_GAP.fullmatch(s.text[total.end:m.start()]) or total.is_range or total.value is None \
            or key is None or key == "#" or total.kind not in LEVELS or signed(s, total) and not _addend(s, total):
        return None
    # "（加盟费 3 万 + 首单采购 15 万 + 设备 5 万等）": 等 leaves parts out
    partial = re.search(r"(?:等|其他|其余|其它)[^\d]*$", m.group(1)) is not None
    read = _plus_parts(s, figs, parts, pieces, total) or _plus_pieces(pieces, total)
    if read is None:
        return None
    terms, shown, inputs = read
    formula = " + ".join(shown) + f" = {total.text} (the bracket's sum)"
    chk = judged(s, "sum", total, inputs, interval_sum(terms), formula, certain=not partial,
                 why="the bracket lists only some of the parts (等)")
    chk.inputs = shown
    return chk


def _addend(s: Sentence, f: Figure) -> bool:
    """"使用 25 亿现金 + 175 亿债务（…）": a + after a named amount adds, it is no sign of a change."""
    before = s.text[max(0, f.start - 8):f.start]
    return s.text[f.start:f.end].lstrip()[:1] in "+＋" and re.search(r"[\u4e00-\u9fa5A-Za-z]\s*$", before) is not None \
        and re.search(r"同比|环比|较|增|减|变动|变化", before) is None


def _plus_parts(s: Sentence, figs: list[Figure], parts: list[Figure], pieces: list[str],
                total: Figure) -> tuple[list[Interval], list[str], list[Figure]] | None:
    """The parts as the figure reader read them, one per piece, each in the total's unit."""
    if len(parts) != len(pieces):
        return None
    for f, piece in zip(parts, pieces, strict=True):
        # ("+ 2 部": the operator read as the figure's sign)
        plus = s.text[f.start:f.end].lstrip()[:1] in "+＋"
        if f.text.lstrip("+＋ ") not in piece or f.is_range or f.value is None or signed(s, f) and not plus \
                or not _same_unit(s, f, total):
            return None
    return [interval(f) for f in parts], [f.text.lstrip("+＋ ") for f in parts], parts


# a piece read from the text where the figure reader took the + for a sign or read no number
# ("69 个授权 IP+1 个自有 IP", "5000 万预付款 + 2 亿元里程碑款", 271 and 125): a label, a number, its magnitude,
# and the total's unit or none
_PLUS_PIECE = re.compile(r"^(?P<l1>[\u4e00-\u9fa5A-Za-z\s]{0,10}?)(?P<n>\d+(?:\.(?P<d>\d+))?)\s*(?P<mag>万亿|亿|万)?\s*"
                         r"(?P<rest>[\u4e00-\u9fa5A-Za-z\s]{0,12})$")
# a unit opening what follows a part's number: the part is then in it, and it must be the total's
_UNIT_FIRST = re.compile(r"美元|港元|欧元|GWh|MWh|GW|MW|kW|万|亿|[元吨个家台辆股人次件套架只项款部座]")


def _plus_pieces(pieces: list[str], total: Figure) -> tuple[list[Interval], list[str], list[Figure]] | None:
    unit = re.sub(r"万亿|亿|万|\s", "", total.unit)
    terms: list[Interval] = []
    shown: list[str] = []
    for piece in pieces:
        pm = _PLUS_PIECE.match(re.sub(r"\s*(?:等|其他|其余|其它)\s*$", "", piece.strip()))
        if pm is None:
            return None
        rest = pm.group("rest").strip()
        own = unit if unit and rest.startswith(unit) else (m_u.group() if (m_u := _UNIT_FIRST.match(rest)) else "")
        # each part in the total's unit, or in none but its magnitude ("5000 万" of 亿元); a bare number
        # only of a count
        if own and own != unit or not (own or pm.group("mag")) and unit not in COUNT_UNITS:
            return None
        x = float(pm.group("n"))
        exact = unit in COUNT_UNITS and not pm.group("mag") and not pm.group("d")
        terms.append((Interval(x, x) if exact else written_interval(pm.group("n"))).scale(MAGNITUDE.get(pm.group("mag") or "", 1.0)))
        shown.append(f"{pm.group('n')} {pm.group('mag') or ''}{own}".replace("  ", " ").strip())
    return terms, shown, []


# "秘鲁（14 万吨，22%）": an amount and its share in one bracket
_PAIR_GAP = re.compile(r"^\s*[^\s\d，,；;/]{0,4}\s*[，,]\s*(?:占比|市占率|份额|占)?\s*$")


def find_bracket_shares(article: Article) -> list[Check]:
    """Each part of a list written "名称（amount，share）" against the whole written just before the
    list (certain when it is the one level of that unit before the list and the parts fit in
    it), else against the whole a sibling's amount and share imply (derived, consistent-only)."""
    out: list[Check] = []
    for s in article.sentences:
        if s.kind not in ("prose", "list") or "%" not in s.text or ("（" not in s.text and "(" not in s.text):
            continue
        figs = _figures(s)
        pairs: list[tuple[Figure, Figure]] = []
        for m in _BRACKET.finditer(s.text):
            inner = _inside(figs, m.start(1), m.end(1))
            if len(inner) != 2:
                continue
            amount, share = inner
            # a price or rate ("8900 元 / 吨") is no part of a whole
            if (amount.kind not in LEVELS or share.kind != FigureKind.PERCENT or "/" in amount.unit
                    or unit_key(s, amount) in (None, "#") or signed(s, amount) or signed(s, share)
                    or s.text[m.start(1):amount.start].strip()
                    or not _PAIR_GAP.match(s.text[amount.end:share.start])
                    or s.text[share.end:m.end(1)].strip()):
                continue
            pairs.append((amount, share))
        if not pairs:
            continue
        keys = {unit_key(s, a) for a, _ in pairs}
        if len(keys) != 1:
            continue
        key = keys.pop()
        first = min(a.start for a, _ in pairs)
        # a whole stands outside brackets ("中国以 55%（240 万吨）" is a part)
        wholes = [f for f in figs if f.end <= first and unit_key(s, f) == key
                  and s.text[:f.start].count("（") + s.text[:f.start].count("(")
                  == s.text[:f.start].count("）") + s.text[:f.start].count(")")]
        for chk in _against_whole(s, pairs, wholes) if wholes else _against_siblings(s, pairs):
            chk.article = article.label
            out.append(chk)
    return out


def _share(amount: Interval, whole: Interval) -> Interval:
    return (amount / whole).scale(100)


def _against_whole(s: Sentence, pairs: list[tuple[Figure, Figure]], wholes: list[Figure]) -> list[Check]:
    whole = wholes[-1]
    w = interval(whole)
    if w.lo <= 0:
        return []
    # one whole, no signed figures, no other clause with figures between it and the list, and
    # parts that fit in it: the shares are of that whole
    first = min(a.start for a, _ in pairs)
    between = s.text[whole.end:first]
    total = interval_sum(interval(a) for a, _ in pairs)
    certain = (len(wholes) == 1 and between.count("，") + between.count(",") <= 1
               and "；" not in between and total.lo <= w.hi)
    out = [judged(s, "share", share, [amount, whole], _share(interval(amount), w),
                  f"{amount.text} / {whole.text} = {share.text}", certain=certain,
                  why="the whole before the list may not be the shares' base")
           for amount, share in pairs]
    if sum(c.verdict == "inconsistent" for c in out) * 2 > len(out):
        # most shares miss the whole: they are shares of another base, not errors
        out = [judged(s, "share", share, [amount, whole], _share(interval(amount), w),
                      f"{amount.text} / {whole.text} = {share.text}", certain=False,
                      why="most shares miss this whole: it may not be their base")
               for amount, share in pairs]
    return out


def _against_siblings(s: Sentence, pairs: list[tuple[Figure, Figure]]) -> list[Check]:
    if len(pairs) < 2:
        return []
    out: list[Check] = []
    for j, (amount, share) in enumerate(pairs):
        # the whole the first other sibling implies: its amount over its share
        a0, p0 = pairs[1] if j == 0 else pairs[0]
        p = interval(p0)
        if p.lo <= 0:
            return []
        whole = interval(a0) / p.scale(0.01)
        show = a0.scale or 1.0
        out.append(judged(
            s, "share", share, [a0, p0, amount], _share(interval(amount), whole),
            f"{amount.text} / ({a0.text} / {p0.text} = {whole.mid / show:.4g}) = {share.text}",
            certain=False, derived=True, why="the whole is derived from a sibling's share"))
    return out


# "工业（30%）、汽车（22%）、无线通讯（18%）、消费电子（14%）为主要领域，合计占比 84%": named items, each
# with its figure alone in its bracket, joined by 、, then their 合计 in the sentence
_NAMED_ITEM = re.compile(r"[\u4e00-\u9fa5A-Za-z]{1,12}\s*[（(]\s*$")
_ITEM_END = re.compile(r"^\s*[)）]\s*(?:、|和|及|与)?\s*")
# the words between one item's figure and the next's: "）、汽车（"
_NEXT_ITEM = re.compile(r"\s*[)）]\s*(?:、|和|及|与)\s*[\u4e00-\u9fa5A-Za-z]{1,12}\s*[（(]\s*")
_TOTAL_LEAD = re.compile(r"(?:合计|共计|总计|合共|累计)\s*(?:占比|占)?\s*(?:为|达|达到)?\s*$")
# every total is led by a 合计-word (_TOTAL_LEAD)
_NEEDS_TOTAL = re.compile(r"合计|共计|总计|合共|累计")


def find_item_totals_in_brackets(article: Article) -> list[Check]:
    """The 合计 of a list of named items whose figures stand alone in their brackets. Certain: the
    total names the items just listed (a total that is a bound, 超 / 约 / 以上, is no sum)."""
    if not mentions(article, _NEEDS_TOTAL):
        return []
    out: list[Check] = []
    for s in article.sentences:
        if s.kind not in ("prose", "list") or "计" not in s.text or ("（" not in s.text and "(" not in s.text):
            continue
        figs = _figures(s)
        run: list[Figure] = []
        for i, f in enumerate(figs):
            before = s.text[figs[i - 1].end if i else 0:f.start]
            item = bool(_NAMED_ITEM.search(before) and _ITEM_END.match(s.text[f.end:]))
            if item and (not run or _NEXT_ITEM.fullmatch(before)):
                run.append(f)
                continue
            if len(run) >= 2 and _TOTAL_LEAD.search(before) and "。" not in before and "；" not in before \
                    and unit_key(s, f) is not None and all(unit_key(s, x) == unit_key(s, f) for x in run) \
                    and not f.approx and not re.search(r"(?:超|约|近|逾)\s*$", before) \
                    and not re.match(r"\s*(?:以上|左右|多)", s.text[f.end:]):
                total = interval_sum([interval(x) for x in run])
                chk = judged(s, "sum", f, run, total, " + ".join(x.text for x in run) + f" = {f.text} (the items listed)",
                             certain=True)
                chk.article = article.label
                out.append(chk)
            run = [f] if item else []
    return out
