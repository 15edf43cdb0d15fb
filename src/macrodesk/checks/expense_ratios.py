"""期间费用率 and its parts: "期间费用率为 15.23%，同比 +2.39pct，其中销售/管理/财务费用率分别为 1.26%/
13.16%/0.81%，分别同比 −0.24/+1.89/+0.74pct". The total's level is the sum of its parts' levels and
its change the sum of their changes, once the parts named are all of it; whether 研发 is in the
total is a report's own convention, so with 研发 named a sum with it or without it may fit, and with
研发 neither named nor placed inside 管理 a sum that fits confirms and a miss proves nothing."""

from __future__ import annotations

import re
from dataclasses import dataclass

from macrodesk.checks.gate import mentions
from macrodesk.checks.intervals import FALL_BEFORE, Interval, figure_interval, interval_sum
from macrodesk.checks.judging import Check, confirm_only, interval_check
from macrodesk.models import Article, Figure, FigureKind, Sentence
from macrodesk.text.clauses import last_chars

# the total: 期间费用率, 四费/三费费用率, "费用率合计"
_TOTAL = re.compile(r"期间费用?率|期间费用占比|[三四]费(?:费用)?率|总费用率|整体费用率|费用率合计|合计费用率")
# a part's name: "销售", "管理（含研发）", "管理+研发" ("管理、研发费用率" names two; "研发管理费用率" one)
# ("管理费用（含研发费用，可比口径）率": the bracket may qualify more, and 率 may follow it)
_PART = re.compile(r"(销售|管理|研发|财务)(?:(?<=研发)管理)?(?:费用)?(?:率)?\s*(?:[（(]\s*含研发(?:费用)?(?:率)?[^（()）]{0,8}?[）)]\s*(?:率)?"
                   r"|[+＋及和与]\s*研发(?=费用|[、/，,]))?")
_WITH_RND = re.compile(r"管理(?:费用)?(?:率)?\s*(?:[（(]\s*含研发|[+＋及和与]\s*研发)")
_OWN_BRACKET = re.compile(r"\s*[（(][^（()）]{0,12}[）)]")
_TOTAL_WITH = re.compile(r"^\s*[（(]\s*含研发")
_TOTAL_WITHOUT = re.compile(r"^\s*[（(]\s*(?:不含|剔除|扣除)研发")
# a change in points written right after the total's level with a verb and no basis: "，下降2.28个百分点"
_UNNAMED_CHANGE = re.compile(r"^\s*[，,]\s*(?:下降|减少|下滑|降低|提升|增加|提高|上升)\s*(?:了|约)?\s*$")
# a change's basis and verbs
_BASIS = re.compile(r"同比|环比|较上年|较去年|较上期|较上季度?|同增|同升|同降|同减")
_QOQ = re.compile(r"环比|较上期|较上季")
_RISE = re.compile(r"(?:增加|提升|提高|上升|上涨|增长|同增|同升|[增升])\s*(?:了|约)?\s*$")
_FALL = re.compile(r"(?:同降|同减)\s*(?:了|约)?\s*$")
# (a restated basis, not a comparable one: "管理费用（含研发费用，可比口径）率" is the reported line)
_RESTATED = re.compile(r"(?:调整|还原|换算)[^，,；;。\d]{0,10}?口径")
_HEDGE_END = re.compile(r"(?:约|大约|近)\s*$")
# what may stand between two values of one list
_SEP = re.compile(r"^\s*[、/，,和及与]\s*$")
# what ends a breakdown: another period's or another measure's total, a 毛利率 or 净利率
_END = re.compile(r"单季度?|单季|Q[1-4]|[上下]半年|H[12]|毛利率|净利率|损失率|期间费用率|[三四]费")


@dataclass
class _Val:
    fig: Figure
    sent: Sentence
    at: int  # offset in the chain's text
    points: bool  # a change in points (else a level in %)
    iv: Interval


_BRACKETED_COMMA = re.compile(r"[（(][^（()）。；;]{0,20}[，,][^（()）。；;]{0,20}[）)]")
# every breakdown is read in a chain of sentences that writes 费用率 (the loop's own test)
_NEEDS = re.compile(r"费用?率")  # ("期间费率5.54%": 费率 is short for 费用率)


def find_expense_ratios(article: Article) -> list[Check]:
    if not mentions(article, _NEEDS):
        return []
    out: list[Check] = []
    for chain in _chains(article.sentences):
        # ("管理费用（含研发费用，可比口径）率": a comma inside a bracket ends no clause of the breakdown;
        # replaced by a space, every offset stays)
        text = _BRACKETED_COMMA.sub(lambda m: m.group(0).replace("，", " ").replace(",", " "),
                                    "".join(s.text for s in chain))
        if not _NEEDS.search(text) or not _TOTAL.search(text):
            continue
        out.extend(_in_chain(article, chain, text))
    return out


# a sentence that opens with the parts of the total written before it ("期间费用率为23.81%，同减0.05pct。"
# then "销售费用率/管理费用率/…为18.40%/5.24%/…", or "其中，销售费用率为 14.33%…")
# ("1H22销售/管理/研发/财务费用率15.9%/…": the parts' sentence may open on its period)
_PARTS_NEXT = re.compile(r"^\s*(?:其中\s*[，,:：]?\s*)?(?:(?:20)?\d{2}\s*(?:年|[HQ][1-4]|[上下]半年|前三季度)|[1-4][HQ]\d{2})?"
                         r"\s*(?:公司)?\s*(?:销售|管理|研发|财务)(?:费用)?(?:率|[/、和及与])")


def _chains(sentences: list[Sentence]) -> list[list[Sentence]]:
    """Sentences joined by ；: one breakdown often runs over them; and the sentence right after a
    total, in its paragraph, that opens with its parts."""
    chains: list[list[Sentence]] = []
    for s in sentences:
        if s.kind not in ("prose", "list"):
            continue
        if chains and chains[-1][-1].paragraph == s.paragraph and (
                chains[-1][-1].text.rstrip().endswith(("；", ";"))
                or _PARTS_NEXT.match(s.text) and _TOTAL.search(chains[-1][-1].text)):
            chains[-1].append(s)
        else:
            chains.append([s])
    return chains


def _figures(chain: list[Sentence]) -> list[tuple[Figure, Sentence, int]]:
    out: list[tuple[Figure, Sentence, int]] = []
    base = 0
    for s in chain:
        out.extend((f, s, base + f.start) for f in s.figures if f.kind != FigureKind.DATE)
        base += len(s.text)
    return out


def _in_chain(article: Article, chain: list[Sentence], text: str) -> list[Check]:
    figs = _figures(chain)
    out: list[Check] = []
    totals = list(_TOTAL.finditer(text))
    for k, m in enumerate(totals):
        stop = totals[k + 1].start() if k + 1 < len(totals) else len(text)
        # "期间费用率（含研发费用）": the total's own bracket names no part
        own = _OWN_BRACKET.match(text, m.end())
        first = _PART.search(text, own.end() if own else m.end(), stop)
        if first is None:
            # "销售/管理/财务费用率分别7.0%/9.8%/-3.3%，…；总费用率合计13.5%" (cfb085): the parts in the
            # clauses before the total, since its sentence began
            since = max(totals[k - 1].end() if k else 0, text.rfind("。", 0, m.start()) + 1)
            # (the first name that opens one list of parts: "销售费用、…分别0.07亿元、…，对应销售、管理、研发、
            # 财务费用率分别为1.40%、…；合计费用率5.60%" (cfg162) names each part twice, amounts then rates)
            first = next((p for p in _PART.finditer(text, since, m.start())
                          if _names(_ASIDE_CLAUSE.sub("", text[p.start():m.start()])) is not None), None)
            if first is None:
                continue
            clause = _CLAUSE.search(text, m.end(), stop)
            head = [(f, s, at) for f, s, at in figs if m.end() <= at < (clause.start() if clause else stop)]
            region_end: int | None = m.start()
        else:
            head = [(f, s, at) for f, s, at in figs if m.end() <= at < first.start()]
            region_end = None
        level, change, basis = _total_values(text, head, m.end())
        if level is None and change is None:
            continue
        if region_end is None:
            region_end = _breakdown_end(text, first.start(), stop, figs)
        # (a cause given between the parts names no part: "可能是销售费用刚性所致")
        names = _names(_ASIDE_CLAUSE.sub("", text[first.start():region_end]))
        if names is None:
            continue
        vals = _values(text, [(f, s, at) for f, s, at in figs if first.start() <= at < region_end], first.start())
        if vals is None:
            continue
        levels = [v for v in vals if not v.points]
        changes = [v for v in vals if v.points]
        if level is not None and all(v.iv.lo >= 0 for v in levels) and any(v.iv.lo > level.iv.hi for v in levels):
            # "期间费用率 15.11%，…其中销售费用率 24.88%" (cfb254): with no part negative (财务费用率 may
            # be), a part above its total is no part of it as read (the text's figures are of
            # something else, or garbled): nothing is judged
            continue
        own_basis = {b for b in (_basis_of(text, v) for v in changes) if b}
        with_rnd = bool(_WITH_RND.search(text[first.start():region_end]))
        total_word = text[m.start():m.end()]
        after = text[m.end():m.end() + 12]
        definition = "with" if _TOTAL_WITH.match(after) or "四" in total_word else (
            "without" if _TOTAL_WITHOUT.match(after) or "三" in total_word else "")
        if level is not None and len(levels) == len(names):
            out.extend(_judge(article, level, levels, names, with_rnd, definition, "level"))
        flat = False
        if change is not None and len(changes) < len(names) and own_basis <= {basis}:
            # "其中销售费用率同比 - 0.8 个百分点、…、财务费用率基本持平" (575): a part said flat is a change
            # near nil, how near not written: with it, a sum that fits confirms, a miss proves nothing
            changes, flat = _with_flat(text, chain, first.start(), region_end, changes), True
        if change is not None and len(changes) == len(names) and own_basis <= {basis}:
            judged = _judge(article, change, changes, names, with_rnd, definition, "change")
            # "销售费用率…调整至去年口径后同比降约1pct" (cfg556): a part's change on a restated basis (a cost
            # moved between lines) need not add up to the total's change as reported
            restated = bool(_RESTATED.search(text, first.start(), region_end))
            out.extend(confirm_only(c, "a part is said flat (持平), not given") if flat else
                       confirm_only(c, "a part's change is on a restated basis (口径)") if restated else c
                       for c in judged)
    return out


_CLAUSE = re.compile(r"[，,；;。]")
# a part's change said in words: the breakdown goes on ("销售费用率3.5%，同比持平，环比+0.6pct")
_FLAT = re.compile(r"^\s*(?:同比|环比)?\s*(?:基本)?持平\s*[，,；;。]?\s*$|^\s*与去年同期基本(?:相同|持平)\s*[，,；;。]?\s*$")
# a clause that goes on with the list of values: "分别同比…", "同比变动 -0.58、…", "+1.89pct"
# ("调整至去年口径后同比降约1pct" (cfg556): a part's change on a restated basis goes on too)
_GOES_ON = re.compile(r"^\s*(?:(?:调整|还原|剔除|按)[^，,；;。\d]{0,10}?(?:口径|影响)后?\s*)?"
                      r"(?:其中|分别|同比|环比|同[升降增减]|较|至|变动|[+\-−－\d]"
                      # ("，下降3.49个百分点；": a part's change with no basis named, as its total's)
                      r"|(?:下降|减少|下滑|降低|提升|增加|提高|上升)\s*[\d.]+\s*(?:个百分点|(?:个\s*)?(?:pct|pp)))")


# ("，财务费用率上升系公司存量资金余额下降，" (cfg455): a cause with 系 too, as `_ASIDE` reads one)
# ("，系公司实施19年限制性股票，计提职工薪酬增加…所致；" (cfg241): a clause opening on 系 gives a cause)
_ASIDE_CLAUSE = re.compile(r"(?<=[，,；;])[^，,；;。\d]*(?:所致|主要系|主因|主要由于|主要是|可能是"
                           r"|系[^，,；;。\d]{0,30}(?:增加|减少|上升|下降|影响))[^，,；;。\d]*[，,；;。]"
                           r"|(?<=[，,；;])\s*系[^，,；;。]*[，,；;。]")
_NEW_ITEM = re.compile(r"^\s*[（(]?\d{1,2}\s*[）)]")
# a clause that gives the cause of a part's change, between the parts
_ASIDE = re.compile(r"所致|主要系|主因|主要由于|主要是|可能是|系[^，,；;。]{0,30}(?:增加|减少|上升|下降|影响)")


def _breakdown_end(text: str, start: int, stop: int, figs: list[tuple[Figure, Sentence, int]]) -> int:
    """Where the parts' clauses end: at the first clause with no figure, or one that neither names
    a part nor goes on with the list of values, or that names another measure's period (单季度)."""
    at = start
    while at < stop:
        m = _CLAUSE.search(text, at, stop)
        end = m.end() if m else stop
        clause = text[at:end]
        has_figure = any(at <= f_at < end for _, _, f_at in figs)
        if at > start and (not has_figure and _ASIDE.search(clause) or clause.lstrip().startswith("系")) \
                and text[at - 1] in "，,；;" and clause.endswith(("，", ",", "；", ";")):
            at = end  # "可能是销售费用刚性所致；" (cfr220): the cause of a part's change, the list goes on
            continue
        if at > start and _NEW_ITEM.match(clause):
            return at  # "；5）资产负债方面：…" (cfr225): the next numbered item
        if at > start and clause.lstrip().startswith("其中"):
            return at  # "…/-0.38%，其中销售费率同比提升4.14pct" (cfr216): a part's own breakdown
        if at > start and not _FLAT.match(clause) and (not has_figure or _END.search(clause)
                           or not (_PART.search(clause) or _GOES_ON.match(clause))):
            return at
        at = end
    return stop


def _total_values(text: str, head: list[tuple[Figure, Sentence, int]],
                  start: int) -> tuple[_Val | None, _Val | None, str]:
    """The total's level (a percent) and its change (points, after a basis word) from the figures
    between its name and the first part's name."""
    level = change = None
    basis = ""
    last = start
    for f, s, at in head:
        lead = text[last:at]
        last = at + len(f.text)
        if f.kind == FigureKind.PERCENT and level is None and not _BASIS.search(lead) \
                and not re.search(r"增长|增速|增幅|降幅", lead):
            level = _Val(f, s, at, False, figure_interval(f, result=True))
        elif f.kind == FigureKind.POINTS and change is not None and re.fullmatch(r"\s*/\s*", lead):
            # "同比/环比+2.0pct/+2.7pct" (cfr146): two bases, each part's changes listed alike; the
            # level still sums, the changes are left alone
            change, basis = None, "two"
        elif f.kind == FigureKind.POINTS and change is None and basis != "two":
            b = _BASIS.search(text[max(start, at - 16):at])
            if b is None and not (level is not None and _UNNAMED_CHANGE.match(lead)):
                return None, None, ""
            # ("期间费用率24.60%，下降2.28个百分点": a change with no basis named, right after the level,
            # is on the one basis its parts name none of either)
            basis = "" if b is None else "环比" if _QOQ.match(b.group()) else "同比"
            iv = figure_interval(f, result=True)
            if _sign_of(text[max(start, at - 8):at]) == -1 and (f.value or 0) > 0 and not _explicit(text, f, at):
                iv = -iv
            change = _Val(f, s, at, True, iv)
        else:
            return None, None, ""  # another figure in the total's clause: not a plain total
    return level, change, basis


def _names(region: str) -> list[str] | None:
    """The parts named, in order; 管理 with 研发 inside it counts once. None when a name repeats
    (two breakdowns) or a part is named that is not an expense."""
    names: list[str] = []
    for m in _PART.finditer(region):
        if m.group(1) in names:
            return None
        names.append(m.group(1))
    return names if len(names) >= 2 else None


def _values(text: str, figs: list[tuple[Figure, Sentence, int]], start: int) -> list[_Val] | None:
    """The parts' levels (percents) and changes (points) in the breakdown, each signed; a bare
    number takes the unit of the list it ends ("-0.58、-0.58、3.23、1.28pct"). None when another
    kind of figure stands among them (a growth, an amount): the breakdown is not a plain one."""
    out: list[_Val] = []
    pending: list[tuple[Figure, Sentence, int, str]] = []
    sign: int | None = None
    prev = start
    for f, s, at in figs:
        lead = text[prev:at]
        prev = at + len(f.text)
        if f.kind not in (FigureKind.NUMBER, FigureKind.PERCENT, FigureKind.POINTS):
            return None
        pending.append((f, s, at, lead))
        if f.kind == FigureKind.NUMBER:
            continue
        if any(not _SEP.match(lead) for *_, lead in pending[1:]):
            return None
        points = f.kind == FigureKind.POINTS
        if not points and re.search(r"增长|增速|增幅|降幅|同比|环比", pending[0][3][-8:]):
            if len(pending) == 1 and out and not out[-1].points and re.fullmatch(r"[，,]\s*(?:同比|环比)\s*", pending[0][3]):
                # "管理费用率为11.33%，同比-1.75%": a change in points written with %, right after its
                # level; it is no level, and the list of changes lacks it (cfr450)
                pending = []
                continue
            return None  # a growth in %, not a level
        for g, gs, gat, glead in pending:
            iv = figure_interval(g, result=True)
            if points:
                own = _sign_of(glead)
                # "分别同比下降 0.18pct、0.45pct": the verb before the first holds for the list
                sign = own if own is not None else (sign if _SEP.match(glead) else None)
                if sign == -1 and (g.value or 0) > 0 and not _explicit(text, g, gat):
                    iv = -iv
            out.append(_Val(g, gs, gat, points, iv))
        pending = []
    return None if pending else out


_FLAT_PART = re.compile(r"(?:销售|管理|研发|财务)(?:费用)?率?\s*(?:同比|环比)?\s*(?:基本|大致)?\s*(?:持平|不变)")


def _with_flat(text: str, chain: list[Sentence], start: int, end: int, changes: list[_Val]) -> list[_Val]:
    """The changes with a nil one, in its place, for each part said flat between them."""
    out = list(changes)
    for m in _FLAT_PART.finditer(text, start, end):
        at = m.end() - 2
        base, sent = 0, chain[0]
        for s in chain:
            if base + len(s.text) > at:
                sent = s
                break
            base += len(s.text)
        fig = Figure(text="持平", kind=FigureKind.POINTS, value=0.0, unit="个百分点", start=at - base, end=at - base + 2)
        out.append(_Val(fig, sent, at, True, Interval(-0.05, 0.05)))
    return sorted(out, key=lambda v: v.at)


def _sign_of(lead: str) -> int | None:
    # ("同比降约1pct": the verb before a hedge)
    tail = _HEDGE_END.sub("", last_chars(lead, 8))
    if FALL_BEFORE.search(tail) or _FALL.search(tail):
        return -1
    if _RISE.search(tail):
        return 1
    return None


def _explicit(text: str, f: Figure, at: int) -> bool:
    return text[at:at + len(f.text)].lstrip()[:1] in "+-−－"


def _basis_of(text: str, v: _Val) -> str:
    found = [b.group() for b in _BASIS.finditer(text, max(0, v.at - 24), v.at)]
    if not found:
        return ""
    return "环比" if _QOQ.match(found[-1]) else "同比"


def _judge(article: Article, total: _Val, parts: list[_Val], names: list[str],
           with_rnd: bool, definition: str, what: str) -> list[Check]:
    named = set(names) | ({"研发"} if with_rnd else set())
    all_in = interval_sum(p.iv for p in parts)
    if not {"销售", "管理", "财务"} <= named:
        # "期间费用率为5.04%，同比提高1.38pct。其中，管理费用率为4.40%…；财务费用率为0.64%…" (cfr225): the
        # parts not named may be nil or left out; a sum that fits confirms, a miss proves nothing
        if not all_in.overlaps(total.iv):
            return []
        s = total.sent
        return [confirm_only(interval_check(
            all_in, total.iv, kind="sum", stated=total.fig.text, inputs=[p.fig.text for p in parts],
            relation=f"{' + '.join(_shown(p) for p in parts)} = {total.fig.text} (期间费用率"
                     f"{'' if what == 'level' else '的变动'}: {'、'.join(names)} named; "
                     f"{'个百分点' if what == 'change' else '%'})",
            sentence=s.text, sentence_id=s.id, paragraph=s.paragraph,
            input_sentences=[p.sent.text for p in parts], article=article.label),
            "not every part of the total is named: the others may be nil")]
    readings = [(" + ".join(_shown(p) for p in parts), all_in)]
    if "研发" in names and definition != "with":
        rest = [p for p, n in zip(parts, names, strict=True) if n != "研发"]
        readings.append((" + ".join(_shown(p) for p in rest) + " (研发 outside the total)", interval_sum(p.iv for p in rest)))
    if definition == "without" and "研发" in names:
        readings = readings[1:]
    complete = "研发" in named or definition == "without"
    fit = next(((r, iv) for r, iv in readings if iv.overlaps(total.iv)), None)
    shown, got = fit if fit is not None else readings[0]
    unit = "个百分点" if what == "change" else "%"
    s = total.sent
    chk = interval_check(
        got, total.iv, kind="sum", stated=total.fig.text, inputs=[p.fig.text for p in parts],
        relation=f"{shown} = {total.fig.text} ({'期间费用率' if what == 'level' else '期间费用率的变动'}: "
        f"{'、'.join(names)}{'（管理含研发）' if with_rnd else ''}; {unit})",
        sentence=s.text, sentence_id=s.id, paragraph=s.paragraph,
        input_sentences=[p.sent.text for p in parts], article=article.label,
    )
    return [chk if complete else confirm_only(chk, "研发费用率 is not written, and the total may count it")]


def _shown(v: _Val) -> str:
    return f"({v.iv.mid:+.2f})" if v.points else v.fig.text
