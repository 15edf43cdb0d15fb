"""Stance relations: which theme the author says goes up or down, read clause by clause as a
relation between a theme that heads its phrase and a predicate whose sign may depend on the
domain. Themes named only in a cause clause or a risk disclaimer take no stance."""

from __future__ import annotations

import re
from functools import lru_cache

from macrodesk.lexicon import find_themes
from macrodesk.models import Article, FigureKind
from macrodesk.reading.model import Attribution, Claim, Frame, Stance
from macrodesk.reading.outline import section_kind, strip_numbering
from macrodesk.reading.words import alternation, pattern, words

_CLAUSE = re.compile(r"[^，；;,。！？!?]+[，；;,。！？!?]?")
# "受关税影响" is a cause whatever precedes it; the theme inside it is not the subject
_CAUSE_SPAN = re.compile(r"受[^，；。]{1,20}?(?:影响|冲击|拖累|带动|推动|提振)|"
                         r"在[^，；。]{1,40}?(?:带动|推动|驱动|支撑|背景|情况|影响|作用)下")
# "关税政策扰动下": a clause that only sets the circumstances; "已被充分定价": priced in, no call
_CIRCUMSTANCE = re.compile(r"(?:扰动|影响|冲击|背景|带动|推动|驱动|支撑|情况|作用|压力)下[，,；;]?$")
_PRICED_IN = re.compile(r"充分定价|已被消化|已充分反映|已经反映|已反映")
# a heading that names a tracker or a review reports, it does not call
_REPORT_HEADING = re.compile(r"跟踪|回顾|复盘|数据|概览|一览|梳理|情况|分析$")


@lru_cache(maxsize=1)
def _mask_re() -> re.Pattern[str]:
    return re.compile(alternation(words()["themes"]["not_themes"]))


@lru_cache(maxsize=1)
def _cause_re() -> re.Pattern[str]:
    # "因此" and "因而" are connectives, not causes
    return re.compile(r"^\s*(?:" + alternation(words()["themes"]["cause"]) + ")(?![此而])")


_FIGURE = re.compile(r"\d(?:\.\d+)?\s*(?:%|％|个百分点|pct|bp|BP|倍|[万亿千百]|美元|元|吨|桶|GW|MW)")
# a clause that compares periods (环比, 同比) reports a data print, whatever verb it uses
_EFFECT = re.compile(r"导致|致使|以致|使得|(?<![以大一])致(?![力使于])")
_FORMULA = re.compile(r"[=＝×÷]")  # "需求 = CapEx × 占比": a definition, not a call
_DATA_COMPARISON = re.compile(r"环比|同比|周环比|月环比|较上[周月年]")
_WINDOW = 8  # characters of context either side of a hit: enough for jieba to see its compound


def _on_boundaries(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] starts and ends on jieba token boundaries, cutting only a window
    around it (segmenting whole sentences would cost more than the rest of reading)."""
    import jieba  # heavy: only when a clause names a theme

    jieba.setLogLevel(60)
    lo = max(0, start - _WINDOW)
    pos, bounds = lo, {lo}
    for tok in jieba.cut(text[lo:end + _WINDOW], HMM=False):
        pos += len(tok)
        bounds.add(pos)
    return start in bounds and end in bounds


def _named(text: str) -> set[str]:
    """Themes named in a text after masking, without the token check: cheap, for counting."""
    masked = _mask_re().sub(lambda m: "□" * len(m.group(0)), text)
    return {h.theme for h in find_themes(masked) if h.theme != "broad_market"}


@lru_cache(maxsize=1)
def _example_res() -> tuple[re.Pattern[str], re.Pattern[str]]:
    cfg = words()["themes"]
    # "风电、热塑等中高端产品": the items before 等 are examples of the noun after it
    listed = re.compile(r"(?:[^，；。、：:（(]{1,15}、)+[^，；。、：:（(]{1,15}?等(?:等)?")
    # "以Low-Dk为代表的特种玻纤", "例如…", "包括…": examples, not the subject
    lead = re.compile(r"以[^，；。]{1,20}?为代表|(?:" + alternation(cfg["example_leads"]) + r")[^，；。]{1,30}")
    return listed, lead


def _mask_examples(text: str) -> str:
    """Themes named only as examples of something else are masked; an enumeration closed by
    等 plus a sector word ("银行、券商等板块") names its subjects and stays."""
    listed, lead = _example_res()
    sector = tuple(words()["themes"]["sector_words"])

    def repl(m: re.Match[str]) -> str:
        return m.group(0) if text[m.end():].startswith(sector) else "□" * len(m.group(0))

    return lead.sub(lambda m: "□" * len(m.group(0)), listed.sub(repl, text))


@lru_cache(maxsize=65536)
def theme_hits(text: str) -> tuple[tuple[str, int], ...]:
    """(theme, start) of every theme a text names as a word of its own, as the head of its
    phrase: compounds that are not themes are masked, and so are themes named only as
    examples; a term must start and end on a jieba token boundary (钼消费 is not 消费) unless a
    sector word follows it (化工行业); in a compound of two themes the last is the head (家居建材
    is 建材); a theme that uses something (化工用煤) is not the subject."""
    raw = [h for h in find_themes(text) if h.theme != "broad_market"]
    if not raw:
        return ()  # most clauses name no theme: skip the masking
    masked = _mask_re().sub(lambda m: "□" * len(m.group(0)), text)
    masked = _CAUSE_SPAN.sub(lambda m: "□" * len(m.group(0)), masked)
    masked = _mask_examples(masked)
    # masks keep lengths, so a hit survives when none of its characters was masked
    hits = [h for h in raw if "□" not in masked[h.start:h.end]]
    if not hits:
        return ()
    out: list[tuple[str, int]] = []
    cfg = words()["themes"]
    sector = tuple(cfg["sector_words"])
    compound = sector + tuple(cfg["metric_heads"])
    starts = {h.start for h in hits}
    for h in hits:
        rest = masked[h.end:]
        if h.term in cfg["needs_sector_word"] and not rest.startswith(sector):
            continue  # "消费增速放缓" is the economy's consumption, not the consumer sector
        if h.end in starts or rest.startswith(tuple(cfg["used_for"])):
            continue  # a modifier: the theme after it, or the thing it uses, is the head
        if h.term.isascii() or (rest.startswith(compound) and _on_boundaries(masked, h.start, h.start)) \
                or _on_boundaries(masked, h.start, h.end):
            if all(t != h.theme for t, _ in out):
                out.append((h.theme, h.start))
    return tuple(out)


def theme_heads(text: str) -> tuple[str, ...]:
    """Themes a text names as words of their own (see theme_hits)."""
    return tuple(t for t, _ in theme_hits(text))


def _subjects(clause: str) -> tuple[str, ...]:
    """The themes a clause is about: not those before an agent verb ("AI带动电气设备需求": AI
    drives, the equipment is the subject) nor those after a cause verb ("受益于算力情绪修复")."""
    hits = theme_hits(clause)
    if not hits:
        return ()
    bare = _CAUSE_SPAN.sub(lambda m: "□" * len(m.group(0)), clause)  # "受关税冲击" is no agent
    agent = pattern("themes", "agent_verbs").search(bare)
    cause = pattern("themes", "cause_verbs").search(bare)
    edge = agent.start() if agent else -1
    if agent and agent.group(0) == "带来":
        # "为银行带来增量": the theme after 为 is the one that gains
        benefit = re.search(r"为[^，；。]{1,15}$", bare[:agent.start()])
        edge = benefit.start() if benefit else edge
    out = []
    for theme, start in hits:
        if agent and start < edge:
            continue
        if cause and start >= cause.end():
            continue
        out.append(theme)
    return tuple(out)


@lru_cache(maxsize=1)
def _concessive_re() -> re.Pattern[str]:
    return re.compile(r"^\s*(?:" + alternation(words()["predicates"]["concessive"]) + ")")


def _own_segment(clause: str, theme: str) -> str:
    """The part of a clause that speaks of `theme` when the clause lists clauses with 、
    ("美国原油库存增加、市场预期OPEC+增产、非农数据疲软"): its predicate is its own. Short
    items ("银行、券商有望受益") are subjects that share the clause's predicate."""
    if "、" not in clause:
        return clause
    parts = clause.split("、")
    for part in parts[:-1]:
        if theme in theme_heads(part) and len(part.strip()) > 6:
            return part
    return clause


def _signed(clause: str) -> tuple[int, float]:
    """The sign of a clause's predicate (+1, -1, 0) and its strength (view words 1, change words
    that also describe a data print 0.5)."""
    w = words()["predicates"]
    clause = pattern("predicates", "neutral").sub(lambda m: "□" * len(m.group(0)), clause)
    neg_before = re.compile(r"(?:" + alternation(w["negation"]) + r")$")
    easing = pattern("predicates", "easing")
    bad = pattern("predicates", "bad_nouns")
    weak = set(w["weak"])
    score, strength = 0.0, 0.0
    for sign, key in ((1, "positive"), (-1, "negative")):
        for m in pattern("predicates", key).finditer(clause):
            s = sign
            if neg_before.search(clause[max(0, m.start() - 2):m.start()]):
                s = -s
            if sign < 0 and (easing.match(clause[m.end():m.end() + 4])
                             or bad.search(clause[max(0, m.start() - 8):m.start()])):
                s = 1
            k = 0.5 if m.group(0) in weak or _DATA_COMPARISON.search(clause) else 1.0
            score += s * k
            strength = max(strength, k)
    if easing.search(clause) and score <= 0 and re.search(r"影响有限|已过|收窄", clause):
        score, strength = 1.0, 1.0
    return (score > 0) - (score < 0), strength


def _domain(clause: str, themes: tuple[str, ...]) -> dict[str, int]:
    """Predicates whose sign depends on the domain (加征关税 hurts the exporters named; rising
    yields hurt bonds)."""
    out: dict[str, int] = {}
    for rule in words()["predicates"].get("domain", []):
        if any(c in clause for c in rule["cue"]) and any(mv in clause for mv in rule["move"]) \
                and not any(u in clause for u in rule.get("unless", [])):
            sign = 1 if rule["direction"] == "positive" else -1
            targets = [t for t in rule.get("themes", []) if t in themes] if rule.get("themes") else list(themes)
            for t in targets:
                out.setdefault(t, sign)
    return out


def stances(article: Article, claims: dict[str, Claim], frames: dict[str, Frame],
            risky: set[str]) -> list[Stance]:
    """Every stance relation of an article. `risky` holds the ids of risk statements: a theme the
    author names in a disclaimer is not a call against it."""
    out: list[Stance] = []
    for s in article.sentences:
        kind = section_kind(s.section)
        if s.kind == "table" or kind in ("skip", "risk") or s.id in risky:
            continue
        att: Attribution = claims[s.id].attribution if s.id in claims else "author"
        if att == "rebutted":
            continue
        numeric = [f for f in s.figures if f.kind not in (FigureKind.DATE, FigureKind.NUMBER)]
        if s.kind == "heading" and _REPORT_HEADING.search(s.text):
            continue
        base = 2.0 if s.kind == "heading" else (1.5 if kind == "core" else 1.0)
        if s.kind != "heading" and len(numeric) >= 3:
            base *= 0.3  # a row of data points reports, it does not call
        if att == "reported":
            base *= 0.3
        frame = frames.get(s.id)
        label_themes = theme_heads(frame.entity) if frame and frame.source in ("label", "bold_lead") else ()
        clauses = _CLAUSE.findall(s.text)
        # "A叠加B，关注C": a recommended theme makes the themes of the clauses before it drivers
        called_at = next((i for i, c in enumerate(clauses)
                          if pattern("predicates", "recommend").search(c) and _subjects(c)), -1)
        called = set(_subjects(clauses[called_at])) if called_at > 0 else set()
        for n, clause in enumerate(clauses):
            if _cause_re().match(clause):
                # "因OPEC+增产致原油价格走弱": the cause opens the clause, the effect after 致 is
                # what it says; a clause that is all cause says nothing of its own
                effect = _EFFECT.search(clause)
                if not effect:
                    continue
                clause = clause[effect.end():]
            if _CIRCUMSTANCE.search(clause) or _PRICED_IN.search(clause) \
                    or _FORMULA.search(clause) or _concessive_re().match(clause):
                continue
            own = _subjects(clause)
            # the label is the subject of the clause it opens; later clauses may have their own
            named = label_themes if (label_themes and n == 0) else own
            if n < called_at and called:
                named = tuple(t for t in named if t in called)
            if not named:
                continue
            domain = _domain(clause, named)
            sign, strength = _signed(clause)
            has_fig = bool(_FIGURE.search(clause))
            for theme in named:
                scope = _own_segment(clause, theme) if theme in own else clause
                if scope != clause:
                    sign, strength = _signed(scope)
                    has_fig = bool(_FIGURE.search(scope))
                    domain = _domain(scope, named)
                d = domain.get(theme, sign)
                if d == 0:
                    continue
                k = 1.0 if theme in domain else (strength * (0.5 if has_fig else 1.0))
                evidence = strip_numbering(clause) if s.kind == "heading" else clause.strip()
                out.append(Stance(theme, "positive" if d > 0 else "negative", s.id,
                                  evidence.rstrip("，；;,。"), att, round(base * k, 3),
                                  view=theme in domain or strength >= 1.0))
    return out


def topical(article: Article) -> set[str]:
    """Themes an article is about, not merely mentions: named in its title or a heading, or in
    at least three sentences. A theme named once is a driver or an aside, not a call."""
    out = set(theme_heads(article.title))
    count: dict[str, int] = {}
    for s in article.sentences:
        if s.kind == "table":
            continue
        for t in _named(s.text):
            if s.kind == "heading":
                out.add(t)
            count[t] = count.get(t, 0) + 1
    return out | {t for t, n in count.items() if n >= 3}


def calls(stance_list: list[Stance]) -> dict[str, tuple[float, Stance | None]]:
    """The net call per theme: weighted sum of its relations (positive > 0) and the heaviest
    relation that agrees with it."""
    total: dict[str, float] = {}
    for st in stance_list:
        total[st.theme] = total.get(st.theme, 0.0) + (st.weight if st.direction == "positive" else -st.weight)
    out: dict[str, tuple[float, Stance | None]] = {}
    for theme, t in total.items():
        want = "positive" if t > 0 else "negative"
        agree = [st for st in stance_list if st.theme == theme and st.direction == want]
        best = max(agree, key=lambda st: (st.weight, 6 <= len(st.evidence) <= 60), default=None)
        out[theme] = (round(t, 3), best)
    return out
