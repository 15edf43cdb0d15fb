"""Strip what is not the article: site promos, subscription pitches, share prompts and legal
boilerplate. One ordered rule list, each rule named, so a new site means one new entry."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

URL_RE = re.compile(r"https?://[^\s<>\"'）)】]+")

# Lines that start a trailing promotional block: from the first of them to the end of the
# text, nothing is the author's (investing.com's Chinese pages, WeChat footers, broker PDFs).
TAIL_TRIGGERS: list[tuple[str, re.Pattern[str]]] = [
    ("investing-pro-promo", re.compile(r"AI精选股|InvestingPro|ProPicks|已是Pro会员|点击此处订阅|立即订阅.*Pro|Pro会员")),
    ("subscription-pitch", re.compile(r"^(?:[❖◆■●▶►>*\-\s]*)(?:点击|立即|马上)?(?:订阅|加入)(?:我们|本号|会员|专栏)")),
    ("wechat-footer", re.compile(r"扫码关注|长按(?:识别)?二维码|点击阅读原文|阅读原文|关注(?:我们|本公众号|公众号)|点个?[“\"]?在看|分享.*点赞|星标")),
    ("legal-section", re.compile(r"^(?:#+\s*)?(?:\*\*)?(?:分析师声明|免责声明|重要声明|法律声明|评级说明|投资评级说明|特别声明|分析师承诺|一般声明)(?:\*\*)?\s*[:：]?\s*$")),
]

# Single lines that are never content, wherever they stand.
LINE_DROPS: list[tuple[str, re.Pattern[str]]] = [
    ("share-buttons", re.compile(r"^(?:分享到|分享至|转发到)[:：]?|^(?:微信|微博|QQ空间|复制链接)(?:\s*[|｜/]\s*(?:微信|微博|QQ空间|复制链接))+\s*$")),
    ("ad-marker", re.compile(r"^(?:广告|推广|AD|Advertisement|赞助内容)\s*$", re.I)),
    ("read-more", re.compile(r"^(?:相关阅读|延伸阅读|推荐阅读|热门文章|猜你喜欢)[:：]?\s*$")),
    ("source-credit", re.compile(r"^(?:本文来源|文章来源|来源)[:：].{0,40}$")),
    ("edit-credit", re.compile(r"^(?:责任编辑|编辑|校对|审核)[:：].{0,20}$")),
]


@dataclass
class Cleaned:
    text: str
    removed: list[str] = field(default_factory=list)  # "rule: line" for each dropped line
    urls: list[str] = field(default_factory=list)  # URLs found in dropped blocks: the article's own


@dataclass
class Rule:
    """A named cleaning step over the article's lines."""

    name: str
    apply: Callable[[list[str], Cleaned], list[str]]


def _cut_tail(lines: list[str], out: Cleaned) -> list[str]:
    # Only the last part of an article can be its footer: a trigger word in the first 40% of
    # the lines is the author's text ("订阅" in a sentence about subscriptions).
    floor = int(len(lines) * 0.4)
    for i in range(floor, len(lines)):
        for name, pat in TAIL_TRIGGERS:
            if pat.search(lines[i]):
                for dropped in lines[i:]:
                    if dropped.strip():
                        out.removed.append(f"{name}: {dropped.strip()}")
                        out.urls.extend(URL_RE.findall(dropped))
                return _strip_trailing_urls(lines[:i], out)
    return _strip_trailing_urls(lines, out)


def _strip_trailing_urls(lines: list[str], out: Cleaned) -> list[str]:
    """A bare URL on the last lines is where the article came from, not part of it."""
    while lines and (not lines[-1].strip() or URL_RE.fullmatch(lines[-1].strip())):
        line = lines.pop().strip()
        if line:
            out.removed.append(f"trailing-url: {line}")
            out.urls.append(line)
    return lines


def _drop_lines(lines: list[str], out: Cleaned) -> list[str]:
    kept = []
    for line in lines:
        stripped = line.strip()
        for name, pat in LINE_DROPS:
            if stripped and pat.search(stripped):
                out.removed.append(f"{name}: {stripped}")
                break
        else:
            kept.append(line)
    return kept


def _squeeze_blank(lines: list[str], out: Cleaned) -> list[str]:
    kept: list[str] = []
    for line in lines:
        if not line.strip() and (not kept or not kept[-1].strip()):
            continue
        kept.append(line.rstrip())
    while kept and not kept[-1].strip():
        kept.pop()
    return kept


RULES: list[Rule] = [
    Rule("tail-promo", _cut_tail),
    Rule("line-drops", _drop_lines),
    Rule("blank-lines", _squeeze_blank),
]

_ZERO_WIDTH = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
_FULLWIDTH_DIGITS = str.maketrans("０１２３４５６７８９％", "0123456789%")


def normalise(text: str) -> str:
    """Unify line endings and invisible characters; full-width digits become ASCII so that
    8.1% and ８.１％ are one figure. Chinese punctuation is kept as written."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u3000", " ").replace("\xa0", " ")
    text = _ZERO_WIDTH.sub("", text)
    return text.translate(_FULLWIDTH_DIGITS)


def clean_text(text: str, rules: list[Rule] | None = None) -> Cleaned:
    """Apply the rule list to `text`; what was dropped is kept in `removed`, never lost."""
    out = Cleaned(text="")
    lines = normalise(text).split("\n")
    for rule in rules or RULES:
        lines = rule.apply(lines, out)
    out.text = "\n".join(lines).strip()
    return out
