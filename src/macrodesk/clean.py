"""Strip what is not the article: site promos, subscription pitches, share prompts and legal
boilerplate. One ordered rule list, each rule named, so a new site means one new entry."""

from __future__ import annotations

import re
from collections import Counter
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
    ("end-mark", re.compile(r"^[-—–=~·\s]*(?:END|THE END|完|全文完|（完）)[-—–=~·\s]*$", re.I)),
    ("byline", re.compile(r"^(?:作者|文|撰文)[:：\s]\s*\S{1,20}\s+\d{4}年\d{1,2}月\d{1,2}日.{0,30}$")),
    ("dateline", re.compile(r"^\d{4}[年/-]\d{1,2}[月/-]\d{1,2}日?\s*(?:\d{1,2}:\d{2}(?::\d{2})?)?\s*(?:(?:来源|作者)[:：].{0,30})?$")),
    # WeChat's page chrome, which main-content extraction sometimes lets through
    ("wechat-chrome", re.compile(r"^(?:预览时标签不可点|微信扫一扫(?:关注该公众号|可打开此内容.*)?|继续滑动看下一个|向上滑动看下一个|轻触阅读原文|知道了|写留言|留言|在小说阅读器中沉浸阅读|视频|小程序|赞|在看|分享|收藏|听过|，选择留言身份|取消|允许)\s*$")),
    ("wechat-original", re.compile(r"^(?:原创\s+)?.{0,20}\s*(?:原创|公众号)\s*\d{4}年\d{1,2}月\d{1,2}日\s*\d{1,2}:\d{2}.*$")),
    ("page-number", re.compile(r"^(?:第\s*\d+\s*页(?:\s*[/／共]\s*\d+\s*页?)?|-\s*\d+\s*-|\d+\s*/\s*\d+|[Pp]age\s+\d+(?:\s+of\s+\d+)?)\s*$")),
    ("compliance-note", re.compile(r"^(?:请务必阅读正文之?后的(?:免责|重要|信息披露|法律).{0,20}|敬请(?:参阅|阅读)(?:末页|最后一页|报告尾部).{0,30}|证券研究报告)\s*$")),
]

# A figure or table caption, or the data source line under it: kept apart from the prose so
# that "图6：美国CPI同比" is never read as a sentence of the argument.
CAPTION_RE = re.compile(
    r"^(?:#+\s*)?(?:\*\*)?(?:图表?|表|Figure|Fig\.|Table|Exhibit)\s*[0-9一二三四五六七八九十]+[\s:：.．、]"
    r"|^(?:资料来源|数据来源|信息来源|Source)\s*[:：]", re.I)


@dataclass
class Cleaned:
    text: str
    removed: list[str] = field(default_factory=list)  # "rule: line" for each dropped line
    urls: list[str] = field(default_factory=list)  # URLs found in dropped blocks: the article's own
    captions: list[str] = field(default_factory=list)  # figure/table captions, out of the prose


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


def _keep_captions_apart(lines: list[str], out: Cleaned) -> list[str]:
    kept = []
    for line in lines:
        stripped = line.strip()
        # a long line that happens to open with 图1 is prose that cites a chart: keep it
        if stripped and CAPTION_RE.search(stripped) and len(stripped) <= 120:
            out.captions.append(stripped)
            out.removed.append(f"caption: {stripped}")
            kept.append("")  # the caption also ends the paragraph it stood in
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


def _unwrap_hard_breaks(lines: list[str], out: Cleaned) -> list[str]:
    """Text pasted or extracted from a PDF is often broken every N characters, mid-word
    ("…提升消费者保值需" / "求。"). When many lines have exactly the same length, that length is
    a mechanical wrap: a line of that length continues on the next, glued with nothing (the
    wrap added nothing and took nothing away). Markdown blocks and new list items stay apart."""
    # raw lengths: the wrap may have cut just before a space, which stripping would lose
    lengths = [len(ln) for ln in lines if ln.strip() and not ln.lstrip().startswith(("|", "#"))]
    if len(lengths) < 12:
        return lines
    width, count = Counter(lengths).most_common(1)[0]
    if width < 20 or count < max(8, len(lengths) // 4):
        return lines
    kept: list[str] = []
    joining = False
    for line in lines:
        s = line.strip()
        if joining and s and not _NEW_BLOCK.match(s) and not CAPTION_RE.search(s) and not s.startswith("|"):
            kept[-1] += line
        else:
            kept.append(line)
        joining = len(line) == width and not s.startswith(("|", "#"))
    return kept


RULES: list[Rule] = [
    Rule("tail-promo", _cut_tail),
    Rule("line-drops", _drop_lines),
    Rule("captions", _keep_captions_apart),
    Rule("hard-wraps", _unwrap_hard_breaks),
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


# ---- page-level rules for text laid out in pages (PDF) -------------------------------------

_DIGITS = re.compile(r"\d+")
_NEW_BLOCK = re.compile(
    r"^(?:#+\s|[一二三四五六七八九十]+[、．.]|[（(][一二三四五六七八九十\d]+[)）]|\d{1,2}(?:\.\d{1,2})*[、.．)）]\s*\D"
    r"|[①②③④⑤⑥⑦⑧⑨⑩•●◆■▪\-*]\s*|第[一二三四五六七八九十]+[章节部分])")


def _line_key(line: str) -> str:
    # page numbers change from page to page; a running header/footer is the same line otherwise
    return _DIGITS.sub("#", re.sub(r"\s+", "", line))


def drop_running_lines(pages: list[list[str]], out: Cleaned, min_share: float = 0.5) -> list[list[str]]:
    """Remove lines repeated on many pages (running headers, footers, page numbers): a line
    whose digit-blind form appears on at least `min_share` of the pages (and on 2+ pages)."""
    if len(pages) < 2:
        return [[ln for ln in page if not _is_page_number(ln, out)] for page in pages]
    counts: dict[str, int] = {}
    for page in pages:
        for key in {_line_key(ln) for ln in page if ln.strip()}:
            counts[key] = counts.get(key, 0) + 1
    need = max(2, int(len(pages) * min_share + 0.999))
    repeated = {k for k, c in counts.items() if c >= need}
    kept_pages = []
    seen_removed: set[str] = set()
    for page in pages:
        kept = []
        for ln in page:
            key = _line_key(ln)
            if ln.strip() and key in repeated:
                if key not in seen_removed:
                    out.removed.append(f"running-line: {ln.strip()}")
                    seen_removed.add(key)
            elif not _is_page_number(ln, out):
                kept.append(ln)
        kept_pages.append(kept)
    return kept_pages


def _is_page_number(line: str, out: Cleaned) -> bool:
    s = line.strip()
    for name, pat in LINE_DROPS:
        if name == "page-number" and s and (pat.search(s) or s.isdigit() and len(s) <= 3):
            out.removed.append(f"page-number: {s}")
            return True
    return False


def rejoin_lines(lines: list[str], full_share: float = 0.8) -> list[str]:
    """Re-join lines that a page layout broke: a line as wide as the text block that does not
    end a sentence continues on the next line; a short line ends its paragraph. A hyphen that
    split an English word goes; English words get their space back, Chinese gets none."""
    widths = sorted(_width(ln) for ln in lines if ln.strip())
    if not widths:
        return lines
    # a "full" line, ignoring outliers; full_share=0 when the caller already marked every
    # paragraph end with a blank line (the PDF reader does, from the page geometry)
    full = widths[int(len(widths) * 0.9)] * full_share
    out: list[str] = []
    buf = ""
    for ln in lines:
        s = ln.strip()
        if not s:
            if buf:
                out.append(buf)
                buf = ""
            out.append("")
            continue
        if buf and (_NEW_BLOCK.match(s) or CAPTION_RE.search(s)):
            out.append(buf)
            buf = ""
        buf = _glue(buf, s) if buf else s
        if CAPTION_RE.search(buf) or _width(s) < full:
            out.append(buf)
            out.append("")
            buf = ""
    if buf:
        out.append(buf)
    return out


def _width(line: str) -> float:
    # CJK characters are twice as wide as Latin letters and digits on the page
    return sum(2 if ord(ch) > 0x2E80 else 1 for ch in line.strip())


def _glue(left: str, right: str) -> str:
    if re.search(r"[A-Za-z]-$", left) and re.match(r"[a-z]", right):
        return left[:-1] + right
    if re.search(r"[A-Za-z0-9,.;:%)]$", left) and re.match(r"[A-Za-z0-9(]", right):
        return left + " " + right
    return left + right
