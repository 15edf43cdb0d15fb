"""Risk statements: forward-looking conditions with an adverse outcome, warnings and the author's
own risk list, each with a short noun-phrase title. Mitigations, counterfactuals, methodology,
good news and realised results are not risks."""

from __future__ import annotations

import re

from macrodesk.models import Article
from macrodesk.reading.model import Claim, RiskStatement
from macrodesk.reading.outline import section_kind
from macrodesk.reading.words import alternation, pattern, words

_LIST_LABEL = re.compile(r"^(?:\*\*)?风险(?:提示|因素)(?:\*\*)?[：:]\s*")
_ITEM_SPLIT = re.compile(r"[；;。]|(?:^|(?<=[\s，,；;。：:]))(?:\d{1,2}(?:[)）、]|\.(?!\d))|[（(]\d{1,2}[)）]|[①②③④⑤⑥⑦⑧⑨⑩])")
_LEAD = re.compile(r"^(?:(?:需要?|应|须)?(?:警惕|关注|注意|提防|防范)|若|如果|一旦|倘若|假如|如若)")
_TAIL = re.compile(r"(?:等|的)?(?:风险|因素)$|等$")
# "降低了银行业系统性风险", "风险收敛": a risk that shrinks is a mitigation
_LOWERED = re.compile(r"(?:降低|减少|下降|收敛|化解|缓释)[^，。；]{0,14}风险|风险[^，。；]{0,4}(?:收敛|下降|可控|出清|降低)")
_POINTER = re.compile(r"详见|参见|见上文|见下文")
_CLAUSE = re.compile(r"[^，；;,。]+")
_FIGURE = re.compile(r"\d")


def _names_risk(text: str) -> bool:
    return bool(pattern("risks", "adverse").search(text) or pattern("risks", "cue").search(text))


def _separate_items(items: list[str]) -> bool:
    """Whether "A、B、C" in a risk list names separate risks. Not when the items share the last
    one's predicate ("需求放量、产量释放节奏不及预期") or head ("环保、融资等政策调整的风险")."""
    if not all(len(p) <= 12 for p in items):
        return False
    last = items[-1]
    if re.search(r"等.", last.rstrip("。；; ")):
        return False
    said = [bool(pattern("risks", "adverse").search(p) or pattern("risks", "cue").search(p)) for p in items]
    return not (said[-1] and not all(said))


def not_a_risk(text: str) -> str:
    """Why `text` is not a risk ("" when it may be one): a mitigation, a counterfactual, a
    methodology note, good news, or a pointer elsewhere."""
    if pattern("risks", "mitigation").search(text) or _LOWERED.search(text):
        return "mitigation"
    if pattern("risks", "counterfactual").search(text):
        return "counterfactual"
    if re.match(r"^(?:" + alternation(words()["risks"]["methodology"]) + ")", text) or "假设" in text \
            or pattern("risks", "method_words").search(text):
        return "methodology"
    if _POINTER.search(text):
        return "pointer"
    if "有望" in text and not pattern("risks", "cue").search(text):
        return "good news"  # "产能有望减少至230万吨": what the author hopes for
    if pattern("risks", "good_news").search(text) and not pattern("risks", "adverse").search(text) \
            and not pattern("risks", "cue").search(text):
        return "good news"
    return ""


def is_forward_adverse(text: str) -> bool:
    """A condition with an adverse outcome ("若…则…下行"), or a warning about what may come."""
    cond = re.search(r"(?:^|[，,；;])\s*(?:" + alternation(words()["risks"]["condition"]) + ")(?!何|此|今)", text) \
        or text.startswith(tuple(words()["risks"]["condition"]))
    if cond and pattern("risks", "adverse").search(text):
        return True
    if "不及预期" in text and not pattern("risks", "modal").search(text):
        # a miss with an adverse consequence ("增速不及预期，偿债能力下降") is the form of a risk;
        # a bare miss in a market review ("市场表现不及预期，成本支撑尚可") is news
        after = text[text.index("不及预期") + 4:]
        if not pattern("risks", "adverse").search(after):
            return False
    return bool(re.search(r"不及预期|警惕|不确定性(?:仍|较|依然|加大|上升)|存在不确定|或将承压|需关注.{0,12}风险|风险(?:仍|依然)?(?:值得|需要)?关注", text))


def title_of(text: str) -> str:
    """A noun phrase for the risk: the condition or the clause that names it, without 若/警惕
    and without a trailing 的风险."""
    clauses = [c.strip() for c in _CLAUSE.findall(text) if c.strip()]
    if not clauses:
        return ""
    pick = next((c for c in clauses if re.search(r"不及预期|不确定|风险|警惕", c)), None)
    if pick is None:
        # "海外市场为新能源市场重要组成部分，国际贸易摩擦加剧将影响…": the adverse clause names it
        pick = next((c for c in clauses if pattern("risks", "adverse").search(c)), None)
    if pick is None:
        pick = next((c for c in clauses if (lead := _LEAD.match(c)) and lead.group(0)), clauses[0])
    t = _TAIL.sub("", _LEAD.sub("", pick, count=1)).strip(" ：:")
    t = re.sub(r"^(?:仍需|需|但|而|且|并|同时|此外|不过|进而|从而|导致|引发|造成)+", "", t)
    t = _LEAD.sub("", t, count=1)
    return t if len(t) <= 24 else ""  # no short title in the author's words: no clean entry


def risk_statements(article: Article, claims: dict[str, Claim]) -> list[RiskStatement]:
    out: list[RiskStatement] = []
    list_paragraphs: set[int] = set()  # a 风险提示 list runs on to the end of its paragraph
    for s in article.sentences:
        if s.kind == "table":
            continue
        kind = section_kind(s.section)
        if kind == "skip":
            continue
        if _LIST_LABEL.match(s.text):
            list_paragraphs.add(s.paragraph)
        listed = kind == "risk" or s.paragraph in list_paragraphs
        if listed:
            if s.kind == "heading":
                continue
            body = _LIST_LABEL.sub("", s.text)
            parts = [p.strip(" ，,：:") for p in _ITEM_SPLIT.split(body) if p.strip(" ，,：:")]
            if len(parts) == 1 and "、" in body and _separate_items(body.rstrip("。；;").split("、")):
                parts = [p.strip() for p in body.rstrip("。；;").split("、")]
            for part in parts:
                part = re.sub(r"^[\d、.．)）(（\s]+", "", part)
                if len(part) < 4 or part.endswith(("来自", "包括", "如下", "在于")) or not_a_risk(part):
                    continue
                if _FIGURE.search(part) and not (pattern("risks", "adverse").search(part)
                                                 or pattern("risks", "cue").search(part)):
                    continue  # a data print that stands in the risk section is no risk
                head = re.split(r"[：:，,（(]", part, maxsplit=1)[0]
                # a circumstance ("反内卷要求下") is no title: the clause that names the risk is
                # nor a framing label ("海外方面")
                usable = 4 <= len(head) <= 24 and not head.endswith(("下", "方面", "来看"))
                # nor a statement of fact before the clause that names the risk ("海外市场为新能源市场
                # 重要组成部分，国际贸易摩擦加剧将影响…")
                labelled = part[len(head):len(head) + 1] in ("：", ":")  # the author's label is the title
                if usable and not labelled and not _names_risk(head) and _names_risk(part[len(head):]):
                    usable = False
                title = _TAIL.sub("", head).strip(" 。") if usable else title_of(part)
                if len(title) < 3:
                    continue
                expl = part if part.rstrip("。") != title else ""
                out.append(RiskStatement(title, expl or "原文风险提示所列。", s.id, listed=True))
            continue
        if s.kind == "heading" or kind == "risk":
            continue
        if claims.get(s.id) and claims[s.id].attribution == "rebutted":
            continue
        if not is_forward_adverse(s.text) or not_a_risk(s.text):
            continue
        title = title_of(s.text)
        if len(title) < 3 or title == s.text.rstrip("。"):
            continue
        # the explanation starts at the clause that names the risk, not at the news before it
        at = s.text.find(title)
        start = max(s.text.rfind(p, 0, at) for p in "，,；;") + 1 if at > 0 else 0
        expl = s.text[start:] if start and len(s.text) - start >= 12 else s.text
        out.append(RiskStatement(title, expl.lstrip("且而并 "), s.id))
    return out
