"""Forecasts and calls in an article's sentences, as typed data: who expects which indicator to
do what, for which period. Rule-based and cheap, so it runs on every ingested article."""

from __future__ import annotations

import re
import tomllib
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from functools import lru_cache
from importlib import resources

from pydantic import BaseModel

from macrodesk.figures import extract_figures
from macrodesk.lexicon import find_themes, trie_pattern
from macrodesk.models import Article, Figure, FigureKind, Sentence


class Forecast(BaseModel):
    """One forecast or call: `value` for a point, `low`/`high` for a range (either may be open),
    `direction` up/down/flat for the indicator itself (usdcny up = a weaker renminbi)."""

    article_id: str
    who: str  # the institution the sentence attributes it to; "author" for the article's own view
    indicator: str  # a key of data/indicators.toml, or sector:<theme key>
    region: str = ""
    period: str | None = None  # "2026", "2026H2", "2026Q3", "2026-01"; None when not stated
    value: float | None = None
    low: float | None = None
    high: float | None = None
    unit: str = ""
    direction: str | None = None
    figure: str = ""  # the figure exactly as written, for tracing
    published: str = ""  # YYYY-MM-DD
    source: str = ""  # the article's source and title, to name it
    sentence_id: str = ""
    quote: str = ""

    @property
    def has_value(self) -> bool:
        return self.value is not None or self.low is not None or self.high is not None


@dataclass(frozen=True)
class Indicator:
    key: str
    zh: str
    words: tuple[str, ...]
    unit: str = ""
    region: str = ""
    by_region: tuple[tuple[str, str], ...] = ()
    invert: bool = False
    products: bool = False  # products have one too (锂电池出口): guard the word's left edge


@lru_cache(maxsize=1)
def indicators() -> dict[str, Indicator]:
    """The indicator vocabulary (data/indicators.toml), keyed by indicator key."""
    raw = tomllib.loads(resources.files("macrodesk").joinpath("data/indicators.toml").read_text("utf-8"))
    return {k: Indicator(k, v["zh"], tuple(v["words"]), v.get("unit", ""), v.get("region", ""),
                         tuple(v.get("by_region", {}).items()), bool(v.get("invert", False)),
                         bool(v.get("products", False)))
            for k, v in raw["indicators"].items()}


def indicator_label(key: str) -> str:
    if key.startswith("sector:"):
        from macrodesk.lexicon import themes

        theme = themes().get(key.split(":", 1)[1])
        return theme.zh if theme else key
    ind = indicators().get(key)
    return ind.zh if ind else key


@lru_cache(maxsize=1)
def _word_re() -> tuple[re.Pattern[str], dict[str, str]]:
    owner: dict[str, str] = {}
    for ind in indicators().values():
        for w in ind.words:
            owner.setdefault(w.upper(), ind.key)
    spelled = {v for ind in indicators().values() for w in ind.words for v in (w, w.upper(), w.lower())}
    return re.compile(trie_pattern(sorted(spelled))), owner


# 或 as "may" ("或回升", "或将") and not as "or" ("两部制或单一容量制", "3月或4月"): the
# word after it is a verb of change, existence or effect
_OR_MAY = (r"或(?=[将有在迎继进持回上下仍面存带加延维出成受推提压致使引导达超突创改扩缩放减增降升走震现显"
           r"开低高偏再重小大步逐稳好转触抬拖承需要能会可具温略稍明])")
# 将 as "will" is followed by a verb ("将推升", "将继续", "将于"); followed by a noun it is the
# 把 of a description ("可将PUE值降至1.04", "将市电转换为48V直流电", "将政策改善视为…")
_WILL = (r"(?<![已并曾])将(?=会|要|在|于|有|是|持续|继续|进一步|逐步|逐渐|迎|成为|带|推|实现|达|保持|维持|出现|显著|"
         r"大幅|明显|小幅|加|提|增|下|回|上|降|升|转|进|延|面临|受|扩|缩|放|收|走|突|释|开|形成|会|迈|步|"
         r"重|再|更|长|稳|改|影响|导致|使|让|引|拉|驱|支|利|为|对|获|得|具|进入|处于|落|出|减|高|低|大|不|仍|同步|逆转|"
         r"覆盖|推出|启动|发布|执行|实施|投产|开业|取消|暂停|恢复|征收|上调|下调)")
# words that make a clause forward-looking; a stated future period does too
_FORWARD = re.compile(
    r"预计|预期|预测|预判|估计|或将|有望|料将|将会|" + _WILL + r"|可能|目标|计划|展望|看好|关注|推荐|建议|超配|"
    r"低配|增配|减配|逢低|建仓|布局|仍将|大概率|中枢|判断|认为|倾向|押注|" + _OR_MAY)
# a call on a sector: these words with a theme of themes.toml
# (关注 as a noun, "关注重点", "关注类贷款", and 推荐中标候选人 of a tender are not calls)
_CALL_UP = re.compile(r"看好|关注(?!重点|度|焦点|点|类)|推荐(?!中标|性|算法|系统)|超配|增配|逢低|建仓|配置价值|低吸|补涨|机会")
# a sector's own move is a forecast only with a word of expectation in its clause (not the noun
# 预期 of "降息预期", "乐观预期", which a past explanation carries as often as a forecast does)
_SECTOR_MARKER = re.compile(r"预计|预测|预判|或将|有望|料将|将会|" + _WILL + r"|可能|展望|大概率|仍将|" + _OR_MAY)
_CALL_DOWN = re.compile(r"低配|减配|规避|回避|谨慎|利空")
_UP = re.compile(r"降幅收窄|跌幅收窄|降幅缩小|转正|上升|回升|提升|升至|升到|走高|加快|扩大|反弹|上行|抬升|"
                 r"提振|升温|改善|上涨|走强|加息|扩表|回暖|修复|抬高|上调|提高|提速|增加|高增|增长|上扬|"
                 r"反转|偏强|偏高|走阔|升值|贬值")
_DOWN = re.compile(r"下降|回落|放缓|下行|降至|降到|走弱|降息|下滑|下跌|收缩|减弱|下调|拖累|走低|"
                   r"降低|减速|转负|缩减|收窄|减少|偏弱|偏低|压低|压制|承压|贬值|升值")
_FLAT = re.compile(r"持平|稳定|维持|黏性|粘性|企稳|平稳|不变|保持")
_HYPOTHETICAL_SECTIONS = re.compile(r"风险|免责")
_RISK_SENTENCE = re.compile(r"[上下]行风险|风险[主要]*(?:来自|在于|包括)|不及预期|超预期[上下]行")
_NOT_ONLY_RISK = re.compile(r"配置|策略|展望|建议|观点")

_REGIONS = [
    ("US", re.compile(r"美国|联储|美债|联邦基金|美方|特朗普|FOMC|鲍威尔|GDPNow|美元指数|美股")),
    ("JP", re.compile(r"日本|日本央行|日央行|日债")),
    ("EU", re.compile(r"欧元区|欧洲央行|欧央行|欧盟")),
    ("UK", re.compile(r"英国央行|英国|英央行|英格兰银行")),
    ("HK", re.compile(r"香港|港元|金管局")),
    # a bare 央行 is not here: it is the bank of the economy named before it ("日本春斗…或制约央行
    # 加息空间"), and China's when none is (the indicator's own region)
    ("CN", re.compile(r"中国|我国|国内|人民银行|中国央行|人民币|A股|国债")),
]

# who: named institutions; a name counts as the forecaster when a view verb, a colon or a figure
# follows it, or when it stands in brackets after the figure
_INSTITUTIONS = (
    "摩根士丹利|摩根大通|大摩|小摩|高盛|美银|美国银行|巴克莱|德银|德意志银行|瑞银|花旗|野村|汇丰|渣打|"
    "法巴|瑞穗|麦格理|中金|中信证券|华泰证券|招商证券|国泰君安|海通证券|OECD|IMF|世界银行|世行|"
    "美联储点阵图|点阵图|亚特兰大联储|纽约联储|里士满联储|旧金山联储|芝加哥联储|克利夫兰联储|费城联储|"
    "达拉斯联储|圣路易斯联储|明尼阿波利斯联储|堪萨斯城联储|波士顿联储|美联储|日本央行|欧央行|欧洲央行|英国央行|央行|"
    # (市场规模, 市场空间…: the market as a size, not as the one who expects)
    "市场预期|市场(?!规模|空间|份额|容量|化|需求|价格|表现|情绪|风格)|投资者|外资|多数机构|机构|彭博一致预期|一致预期|Wind一致预期|CME|FedWatch|"
    "美国政府|特朗普|政府|国际货币基金组织|国际能源署|IEA|EIA|OPEC|IDC|Gartner|TrendForce|集邦咨询|"
    "乘联会|中汽协|世界黄金协会|WSTS|国际航空运输协会|IATA|芝加哥商品交易所|CME FedWatch|(?i:FedWatch)|Counterpoint|彭博社调查|"
    "彭博调查"
)
_INST_RE = re.compile(rf"({_INSTITUTIONS}|(?<![\u4e00-\u9fa5])(?![和与及])[\u4e00-\u9fa5]{{2,4}}(?:证券|银行|研究院))")
_VIEW_AFTER = re.compile(r"\s*(?:的)?(?:[^。；]{0,6}?)(?:预计|预期|预测|认为|判断|估计|表示|称|指出|看好|上调|"
                         r"下调|维持|定价|押注|押注|展望)|\s*[:：]|\s*[（(][^）)]{0,12}?(?:%|个百分点|基点|bp|BP)"
                         r"|\s*[-−+]?\d"
                         # "市场对美联储年内降息预期升温": the holder of the expectation
                         r"|\s*对[^。；，]{1,12}?(?:预期|押注|定价)")
_GROUPS = {"多数机构": "外资", "机构": "外资", "一致预期": "市场", "彭博一致预期": "市场",
           "Wind一致预期": "市场", "市场预期": "市场", "点阵图": "美联储点阵图", "摩根士丹利": "大摩",
           "摩根大通": "小摩", "美国银行": "美银", "德意志银行": "德银", "世行": "世界银行",
           "国际货币基金组织": "IMF", "国际能源署": "IEA", "集邦咨询": "TrendForce", "欧洲央行": "欧央行", "CME": "市场", "FedWatch": "市场",
           "Fedwatch": "市场", "CME FedWatch": "市场", "芝加哥商品交易所": "市场", "彭博社调查": "市场",
           "彭博调查": "市场"}

# a product's exports or a margin's rate is not the macro indicator: the character before the
# indicator's name must not be part of another noun
_BEFORE_OK = set("国体年月季度计总的与和、及同对美欧日韩东盟中内外其下上前后将预或期来仍均则而但且也都是在为使致：:，（(） ")
_PAST_SLACK_DAYS = 45  # a month's figure not yet released (1月 in a February report) is a forecast
_PARTNERS = {"中国": "CN", "对华": "CN", "日本": "JP", "欧盟": "EU", "墨西哥": "MX", "加拿大": "CA",
             "印度": "IN", "越南": "VN", "巴西": "BR", "韩国": "KR", "英国": "UK", "瑞士": "CH",
             "东盟": "ASEAN", "台湾": "TW", "多国": "global", "各国": "global"}
_PARTNER = re.compile("|".join(_PARTNERS))
_PRODUCT_WORD_GOES_ON = re.compile(
    r"增速|同比|环比|额|金额|总额|总值|数据|读数|表现|韧性|景气|方面|端|增长|下滑|下降|回升|回落|上行|下行|放缓|加快|"
    r"转|走|保持|维持|延续|继续|仍|或|有望|将|可能|预计|也|在|的|和|与|及|、|偏|大幅|小幅|明显|稳|超|不|依然|持续|"
    r"增|降|升|跌|涨|改善|承压|面临|受|方|拉动|贡献|链条|规模|动能|需求|订单")
_VOLUME = re.compile(r"\d\s*(?:万|亿)?\s*(?:辆|吨|桶|台|件|套|部|片|头|只|千瓦|GW|GWh|MW)")
_NOUN_EXPECT = re.compile(r"(?:降息|加息|通胀|乐观|悲观|政策|关税|市场|衰退|宽松|紧缩|符合|超|不及|低于|高于|"
                          r"好于|弱于|强于|略低于|略高于)预期|预期差|预期(?=\s*[-−]?\d+(?:\.\d+)?\s*%)")
_PAST_WEEK = re.compile(r"本周|上周|近一周|当周|本月以来|年初至今")
_TRACKING = re.compile(r"跟踪|汇总|整理|梳理|一览")
_FIRST_PERSON = re.compile(r"我们|笔者|本文|我司|本报告")
_CLAUSE_SPLIT = re.compile(r"[，,；;。！？!?]")
_VALUE_KINDS = (FigureKind.PERCENT, FigureKind.POINTS)
# units of indicators stated as amounts (新增社融 7.1万亿元)
_MONEY_UNITS = {"亿元", "万亿元", "亿美元", "万亿美元"}
# a number of moves ("降息1-2次", "再降息两次"): the figures module reads digits only
_CN_COUNT = {"一": 1, "两": 2, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6}
_COUNT_RE = re.compile(r"(?<![\d.])(?P<a>\d|[一两二三四五六])(?:\s*[-–~至到]\s*(?P<b>\d|[一两二三四五六]))?\s*次")
_MOVE_WORDS = re.compile(r"降息|加息|降准")


def _counts(text: str) -> list[Figure]:
    """The counts of moves a sentence states, as figures with unit 次."""
    out = []
    for m in _COUNT_RE.finditer(text):
        a = _CN_COUNT.get(m.group("a")) or int(m.group("a"))
        b = m.group("b")
        out.append(Figure(text=m.group(0), kind=FigureKind.QUANTITY, value=float(a),
                          high=float(_CN_COUNT.get(b) or int(b)) if b else None, unit="次",
                          start=m.start(), end=m.end()))
    return out


# -- periods


_FUTURE_HINT = re.compile(r"20\d{2}|\d{2}\s?年|\d{2}Q|明年|后年|下半年|下个?[月季]")
_CN_DIGIT = {"一": 1, "二": 2, "三": 3, "四": 4, "1": 1, "2": 2, "3": 3, "4": 4}
_PERIOD_RE = re.compile(
    r"(?<!\d)(?P<year>20\d{2}|(?<![\d.])[1-4]\d(?=\s?年(?!代)))\s?年?(?:\s*(?P<half>上半年|下半年|年末|年底|年初|末|底|初(?![步次稿值选]))|H(?P<h>[12])|\s*(?:第?(?P<q>[一二三四1-4])\s?季度|"
    r"Q(?P<q2>[1-4]))|\s*(?:\d{1,2}\s*[-–~至]\s*)?(?P<month>1[0-2]|0?[1-9])\s?月)?"
    r"|(?P<yq>\d{2})Q(?P<yqq>[1-4])"
    r"|(?P<rel>今年|年内|本年|年底|年末|明年|后年|下半年|上半年|下个?季度|下个?月)"
    r"|(?:第?(?P<bq>[一二三四])季度|(?<![A-Za-z\d])Q(?P<bq2>[1-4]))"
    r"|(?<![\d.年])(?P<bm>1[0-2]|0?[1-9])\s?月(?!份?\d)")


def _period_at(text: str, at: int, published: date) -> str | None:
    """The period named last before position `at` of `text`, else the first one after it."""
    best = None
    for m in _PERIOD_RE.finditer(text):
        p = resolve_period(m.group(0), published)
        if p is None:
            continue
        if m.start() >= at:
            return best or p
        best = p
    return best


@lru_cache(maxsize=8192)
def resolve_period(text: str, published: date) -> str | None:
    """The first period `text` names, resolved against the publication date: 今年 is the
    publication year, 明年 the next, 下半年 H2 of the publication year, a bare month or quarter the
    nearest one (1月 in a February report is that January)."""
    for m in _PERIOD_RE.finditer(text):
        g = m.groupdict()
        y = published.year
        if g["year"]:
            year = int(g["year"]) if len(g["year"]) == 4 else 2000 + int(g["year"])
            if g["h"]:
                return f"{year}H{g['h']}"
            if g["half"] in ("上半年",):
                return f"{year}H1"
            if g["half"] == "下半年":
                return f"{year}H2"
            if g["half"] in ("年末", "年底", "末", "底"):
                return f"{year}Q4"  # "2026年末": the last quarter (the 年 went to the year)
            if g["half"] in ("年初", "初"):
                return f"{year}Q1"
            q = g["q"] or g["q2"]
            if q:
                return f"{year}Q{_CN_DIGIT[q]}"
            if g["month"]:
                return f"{year}-{int(g['month']):02d}"
            return str(year)
        if g["yq"]:
            return f"20{g['yq']}Q{g['yqq']}"
        rel = g["rel"]
        if rel:
            if rel in ("今年", "年内", "本年"):
                return str(y)
            if rel in ("年底", "年末"):
                return f"{y}Q4"
            if rel == "明年":
                return str(y + 1)
            if rel == "后年":
                return str(y + 2)
            if rel == "下半年":
                return f"{y}H2"
            if rel == "上半年":
                # in a July report "上半年" is the half just over (its data), not next year's
                return f"{y}H1"
            if rel.startswith("下") and rel.endswith("季度"):
                q = (published.month - 1) // 3 + 2
                return f"{y + (q > 4)}Q{(q - 1) % 4 + 1}"
            if rel.startswith("下") and rel.endswith("月"):
                return f"{y + (published.month == 12)}-{published.month % 12 + 1:02d}"
        q = g["bq"] or g["bq2"]
        if q:
            qn = _CN_DIGIT[q]
            cur = (published.month - 1) // 3 + 1
            year = y + 1 if qn < cur - 2 else y  # Q1 in a November report is next year's
            return f"{year}Q{qn}"
        if g["bm"]:
            mo = int(g["bm"])
            year = y + 1 if mo < published.month - 6 else (y - 1 if mo > published.month + 6 else y)
            return f"{year}-{mo:02d}"
    return None


def period_end(period: str) -> date:
    """The last day of a period ("2026", "2026H2", "2026Q3", "2026-01")."""
    m = re.match(r"(\d{4})(?:(H)([12])|(Q)([1-4])|-(\d{2}))?$", period)
    if not m:
        raise ValueError(f"not a period: {period!r}")
    year = int(m.group(1))
    month = 12
    if m.group(2):
        month = 6 * int(m.group(3))
    elif m.group(4):
        month = 3 * int(m.group(5))
    elif m.group(6):
        month = int(m.group(6))
    nxt = date(year + (month == 12), month % 12 + 1, 1)
    return date.fromordinal(nxt.toordinal() - 1)


def period_start(period: str) -> date:
    """The first day of a period."""
    return date.fromisoformat(period_months(period)[0] + "-01")


def period_months(period: str) -> list[str]:
    """The months ("YYYY-MM") a period covers."""
    end = period_end(period)
    m = re.match(r"(\d{4})(?:(H)([12])|(Q)([1-4])|-(\d{2}))?$", period)
    assert m
    n = 1 if m.group(6) else 3 if m.group(4) else 6 if m.group(2) else 12
    return [f"{end.year}-{mo:02d}" for mo in range(end.month - n + 1, end.month + 1)]


# -- extraction


def _region(text: str, at: int | None = None) -> str:
    """The economy `text` names; with `at`, the one named last before that position
    ("美联储降息预期升温下我国择机降息": the second 降息 is China's)."""
    if at is not None and (best := _region_before(text, at)):
        return best
    for code, rx in _REGIONS:
        if rx.search(text):
            return code
    return ""


_PICKED = re.compile(r"(?:推荐|关注|看好|买入|增持)[^，。；]{0,4}$")
_GENERIC_HOLDERS = {"市场", "投资者", "机构", "外资", "政府", "央行"}
_CENTRAL_BANKS = re.compile(r"美联储|日本央行|欧央行|欧洲央行|英国央行|央行")
_OWN_VIEW = re.compile(r"\s*(?:的)?(?:[^。；，]{0,4}?)(?:预计|预测|认为|判断|估计|表示|称|指出|指引|展望|点阵图|官员|计划|宣布|决定)")
_MOVES = re.compile(r"降息|加息|扩表|缩表|降准|按兵不动|宽松|紧缩")


def _is_object(sentence: str, start: int, end: int, name: str) -> bool:
    """A name the view is about, not whose it is: "市场对美联储年内降息预期" (the object of 对),
    "美联储9月降息25个基点概率高" (a central bank as the actor of a move others expect)."""
    if sentence[max(0, start - 1):start] == "对":
        return True
    if _PICKED.search(sentence[max(0, start - 6):start]):
        return True  # "推荐关注中金公司（…）和中信证券": the broker is the pick, not the forecaster
    if _CENTRAL_BANKS.fullmatch(name):
        own = _OWN_VIEW.match(sentence, end)
        return not own or bool(_MOVES.search(sentence, end, own.start() + len(own.group(0)) - 2))
    return False


def _region_before(text: str, at: int) -> str:
    """The economy named last before position `at`, or "" (by where the name ends, the longer
    name winning a tie: 欧央行, not the 央行 inside it)."""
    best, where = "", (-1, 0)
    for code, rx in _REGIONS:
        for m in rx.finditer(text, 0, at):
            if (m.end(), m.end() - m.start()) > where:
                best, where = code, (m.end(), m.end() - m.start())
    return best


def _who(sentence: str, upto: int) -> list[str]:
    """The institutions the sentence attributes what stands before `upto` to (nearest first),
    or the ones in brackets right after it; empty for the article's own view."""
    named: list[tuple[int, str]] = []
    for m in _INST_RE.finditer(sentence):
        name = m.group(1)
        if m.start() >= upto + 24:
            break
        inside = sentence.rfind("（", 0, m.start()) > sentence.rfind("）", 0, m.start())
        if _is_object(sentence, m.start(), m.end(), name):
            continue
        view = _VIEW_AFTER.match(sentence, m.end())
        if view and name in _GENERIC_HOLDERS and view.group(0).strip() in ":：":
            view = None  # "国内市场：", "市场拉动：": a label, not the market speaking
        if m.start() < upto and (view or inside):
            named.append((m.start(), name))
        elif m.start() >= upto and inside:
            named.append((m.start(), name))
    if not named:
        return []
    before = [n for s, n in named if s < upto]
    if before:
        # a run of names in brackets ("（小摩、德银、瑞银）") all hold the view
        last = max(s for s, n in named if s < upto)
        group = [n for s, n in named if s < upto and sentence.rfind("（", 0, s) == sentence.rfind("（", 0, last)
                 and sentence.rfind("（", 0, s) > sentence.rfind("）", 0, s)]
        names = group if len(group) > 1 else [before[-1]]
    else:
        names = [n for s, n in named]
    return list(dict.fromkeys(_GROUPS.get(n, n) for n in names))


_BRACKET_AFTER = re.compile(r"\s*(?:左右|附近|上下|以上|以下)?\s*[（(]([^）)]{2,60})[）)]")
_NAME_SEP = re.compile(r"\s*[、，,/]\s*|\s*(?:和|及|与)\s*")


def _bracket_names(sentence: str, end: int) -> list[str]:
    """The institutions listed in brackets right after a figure ("4.5%左右（小摩、德银、瑞银）"):
    they hold that figure, more precisely than a group word before it ("多数机构认为")."""
    m = _BRACKET_AFTER.match(sentence, end)
    if not m:
        return []
    names = [x for x in _NAME_SEP.split(m.group(1)) if x]
    if not names or not all(_INST_RE.fullmatch(x) for x in names):
        return []
    return list(dict.fromkeys(_GROUPS.get(n, n) for n in names))


def _is_han(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff"


def _direction(clause: str, invert: bool) -> str | None:
    up = _UP.search(clause)
    down = _DOWN.search(clause)
    for m in (up, down):
        if m and m.group(0) in ("升值", "贬值"):
            # a currency's own move: 人民币升值 is USD/CNY down
            d = "up" if m.group(0) == "贬值" else "down"
            return d if invert else ("up" if d == "down" else "down")
    if up and (not down or up.start() <= down.start()):
        return "up"
    if down:
        return "down"
    if _FLAT.search(clause):
        return "flat"
    return None


def _clauses(text: str) -> list[tuple[int, int]]:
    spans, start = [], 0
    for m in _CLAUSE_SPLIT.finditer(text):
        if m.start() > start:
            spans.append((start, m.start()))
        start = m.end()
    if start < len(text):
        spans.append((start, len(text)))
    return spans


def sentence_forecasts(sent: Sentence, published: date, article_id: str = "",
                       source: str = "",
                       context_period: str | None | Callable[[], str | None] = None,
                       default_region: str = "", title_themes: frozenset[str] = frozenset()) -> list[Forecast]:
    """The forecasts one sentence states (possibly none); `context_period` is the period the
    sentences before it in its section named, for one that names none."""
    text = sent.text.replace("**", "")
    if len(text) < 6 or sent.kind == "heading":
        return []
    word_re, owner = _word_re()
    has_marker = bool(_FORWARD.search(text))
    # most sentences state no forecast: leave before the costlier steps
    has_word = bool(word_re.search(text))
    if not has_marker and not has_word and not _FUTURE_HINT.search(text):
        return []
    if not has_word and not (_CALL_UP.search(text) or _CALL_DOWN.search(text) or (
            has_marker and (_UP.search(text) or _DOWN.search(text)))):
        return []
    if _HYPOTHETICAL_SECTIONS.search(sent.section) and not _NOT_ONLY_RISK.search(sent.section):
        return []  # a list of risks states what could happen, not what is expected
    if _RISK_SENTENCE.search(text):
        return []
    sentence_period = resolve_period(text, published) or (
        context_period() if callable(context_period) else context_period)
    # a period still to come makes a sentence forward-looking; the current year does not
    future = sentence_period is not None and period_start(sentence_period) > published
    if not (has_marker or future):
        return []
    all_figures = sent.figures or extract_figures(text)
    figures = [f for f in all_figures if f.kind in _VALUE_KINDS]
    # a level with no unit (USD/CNY 7.0, the dollar index 100) for indicators quoted that way
    levels = [f for f in all_figures if f.kind in _VALUE_KINDS or f.kind == FigureKind.NUMBER]
    sentence_region = _region(text) or default_region
    out: list[Forecast] = []
    seen: set[tuple] = set()
    # a figure with no indicator in its sentence belongs to the one the section heading names
    heading = [owner[m.group(0).upper()] for m in word_re.finditer(sent.section)]
    last_indicator: str | None = heading[0] if heading else None
    for cs, ce in _clauses(text):
        clause = text[cs:ce]
        # "对GDP的贡献": an indicator named as the object is not the one forecast
        hits = [(m.start() + cs, owner[m.group(0).upper()]) for m in word_re.finditer(clause)
                if not (m.start() > 0 and clause[m.start() - 1] in "对占较")
                # "有望抵御通胀", "跑赢通胀": the indicator as an object, not a forecast of it
                and not re.search(r"(?:抵御|对抗|应对|跑赢|抗)$", clause[:m.start()])
                and not clause[:m.start()].rstrip().endswith("单位")
                # "出口相关煤种", "出口链", "出口型企业": the word qualifies another noun
                and not re.match(r"相关|链|型|企业|商|导向|占比|份额|国|量|单价|价格|限制|管制|禁令|配额|许可|退税|管控", clause[m.end():m.end() + 2])
                # a product's trade in a sector note ("钢材出口方面…", "出口预计同比增长14%，整体
                # 销量约3041万辆"): a theme before the word or volumes in the sentence
                and not (indicators()[owner[m.group(0).upper()]].products and (
                    find_themes(clause[:m.start()]) or _VOLUME.search(text)))
                and (m.start() + cs == 0 or not _is_han(text[m.start() + cs - 1])
                     or text[m.start() + cs - 1] in _BEFORE_OK or len(m.group(0)) > 2
                     or not indicators()[owner[m.group(0).upper()]].products)
                # "进口煤", "进口铜精矿", "进口成本": a word products share followed by a noun
                # names that product's trade; the economy's goes on with its growth or a verb
                and not (indicators()[owner[m.group(0).upper()]].products
                         and _is_han(clause[m.end():m.end() + 1])
                         and not _PRODUCT_WORD_GOES_ON.match(clause, m.end()))
                # "锂电池出口", "光伏组件2025年出口": a product's figure, not the economy's
                and not (indicators()[owner[m.group(0).upper()]].products and find_themes(clause[:m.start()]))]
        ends = {m.start() + cs: m.end() + cs for m in word_re.finditer(clause)}
        keys = list(dict.fromkeys(k for _, k in hits))
        only_noun_expectation = bool(_NOUN_EXPECT.search(text, 0, ce)) and not _FORWARD.search(
            _NOUN_EXPECT.sub("", text[:ce]))
        marker = _FORWARD.search(clause)
        has_marker = bool(_FORWARD.search(text, 0, ce))  # a marker after the clause governs nothing in it
        if not keys:
            # "（4.8%）" or "美银4.7%" after an indicator named earlier in the sentence
            named = [f for f in figures if cs <= f.start < ce and _who(text, f.start)]
            if last_indicator and named and (has_marker or future):
                keys = [last_indicator]
                hits = [(cs, last_indicator)]
            else:
                # a tracking list ("核心关注个股跟踪汇总") describes coverage, not a view
                called = not _TRACKING.search(clause) and (_CALL_UP.search(clause) or _CALL_DOWN.search(clause))
                if called and (re.match(r"\s*[-−+]?\d+(?:\.\d+)?\s*(?:%|个百分点|pct)", clause[called.end():])
                               or _PAST_WEEK.search(clause) and not _SECTOR_MARKER.search(clause)
                               or re.search(r"(?:市场|投资者|资金)[^，。；]{0,8}$", clause[:called.start()])):
                    # "较沪深300权重低配3.18%": positioning data; "本周市场关注俄乌谈判": what
                    # the market watched last week, not the author's call
                    called = None
                moving = _SECTOR_MARKER.search(clause)
                moved = moving and _direction(clause, False)
                themes = find_themes(clause) if (called or moved) else []
                if themes and not called and moving:
                    # a move belongs to its subject: the theme named last before the expectation
                    # ("户储装机规模有望进一步提升", not the 天然气 of the clause's condition)
                    before = [h for h in themes if h.start < moving.start()]
                    # a sector note speaks of its own sector: the title's theme, when the
                    # sentence names it, is the subject ("银行业…地产风险出清…有望缓解资产质量担忧")
                    own = [h for h in find_themes(text) if h.theme in title_themes]
                    themes = (own[:1] if own else before[-1:] or themes[:1])
                call_period = resolve_period(clause, published)
                if call_period and (published - period_end(call_period)).days > _PAST_SLACK_DAYS:
                    themes = []  # "3Q20-4Q24 超配军工": a past position, not a call
                for hit in themes[:3]:
                    call = ("down" if _CALL_DOWN.search(clause) else "up") if called else (moved or None)
                    fc = Forecast(article_id=article_id, who="author", indicator=f"sector:{hit.theme}",
                                  region=_region_before(clause, hit.start) or "CN",
                                  period=resolve_period(clause, published),
                                  direction=call, published=published.isoformat(), source=source,
                                  sentence_id=sent.id, quote=text)
                    who = _who(text, cs + hit.start)
                    fc.who = who[0] if who else "author"
                    if (fc.indicator, fc.who) not in seen:
                        seen.add((fc.indicator, fc.who))
                        out.append(fc)
                continue
        if not (marker or has_marker or future):
            continue
        for i, key in enumerate(keys):
            ind = indicators()[key]
            at = min(s for s, k in hits if k == key)
            nxt = min((s for s, k in hits if s > at and k != key), default=ce)
            # the economy named nearest before the indicator (the institution or subject of the
            # sentence: 亚特兰大联储 → US), then the indicator's own, then any the sentence names
            # (an indicator every economy has, 降息, takes the economy named before it in the
            # sentence before its default; one that is mostly one economy's, M1, its own)
            # the institution's economy comes before any default (美联储点阵图 → US)
            near = _region(clause, at - cs) or _region(" ".join(_who(text, at)))
            region = (near or _region_before(text, at) or default_region or ind.region
                      or sentence_region or "CN"
                      if ind.by_region else near or ind.region or _region_before(text, at)
                      or default_region or sentence_region or "CN")
            if key == "us_tariff_rate":
                # a rate on one partner is that partner's, not the overall effective rate
                partner = _PARTNER.search(clause)
                region = _PARTNERS[partner.group(0)] if partner else "US"
            final = dict(ind.by_region).get(region, key) if ind.by_region else key
            if key == "policy_rate" and final == key:
                final = "cn_policy_rate"
            span_end = nxt if i + 1 < len(keys) else ce
            if ind.unit in _MONEY_UNITS:
                pool = [f for f in all_figures if f.kind == FigureKind.MONEY]
            elif ind.unit == "bp" and _MOVE_WORDS.search(text[at:span_end]):
                # "降息25个基点" and "降息1-2次" both state the call
                pool = sorted(figures + _counts(text), key=lambda f: f.start)
            else:
                pool = levels if not ind.unit else figures
            # a share ("出口占比 23%") is not the indicator's own value
            pool = [f for f in pool if not re.search(r"占比|比重|份额|占.{0,4}$", text[max(0, f.start - 6):f.start])]
            vals = [f for f in pool if at <= f.start < span_end and f.start > at] or (
                [f for f in pool if cs <= f.start < ce] if len(keys) == 1 else [])
            clause_vals = [f for f in pool if cs <= f.start < ce]
            last_at = max(s for s, _ in hits)
            starts = sorted(s for s, _ in hits)
            # names joined as a list ("M1、M2", "贷款余额及社融存量") share what follows them
            listed = any(re.fullmatch(r"\s*(?:同比|环比|增速)?\s*[、与和及/]\s*", text[ends.get(a, a):b])
                         for a, b in zip(starts, starts[1:], strict=False))
            in_order = (len(keys) > 1 and len(clause_vals) == len(keys)
                        and all(f.start > last_at for f in clause_vals))
            if in_order:
                vals = [clause_vals[i]]  # "M1与M2同比增速预计小幅回升至6%和8.7%": in order
            # the period nearest before the indicator's name ("今年春节偏晚或使1月M1…": January)
            period = _period_at(clause, at - cs, published) or sentence_period
            if period and (published - period_end(period)).days > _PAST_SLACK_DAYS:
                continue  # a past period's figure is data, not a forecast
            if period and period_end(period) < published and not (
                    _SECTOR_MARKER.search(clause) or re.search(r"预期|估计", _NOUN_EXPECT.sub("", clause))):
                continue  # a month just over is a forecast only when the clause expects it (预计5月…)
            if (only_noun_expectation and not future
                    and not re.match(r"[^，。；]{0,6}?(?:预期|定价|押注|概率|前景)", text[at:])):
                # the noun 预期 alone ("降息预期升温致美元指数短时回落") makes the expected move a
                # forecast, not the facts the rest of the clause reports
                continue
            tail = (text[last_at:ce] if listed or in_order else
                    text[at:span_end] if i + 1 < len(keys) else clause[at - cs:])
            direction = _direction(tail, ind.invert)
            if not vals and direction is None:
                continue
            fc = Forecast(article_id=article_id, who="author", indicator=final, region=region,
                          period=period, direction=direction, published=published.isoformat(),
                          source=source, sentence_id=sent.id, quote=text)
            fig_list = vals[:1]
            paired: dict[int, str] = {}
            if in_order:
                pass
            elif len(keys) > 1 and listed and all(f.start > last_at for f in clause_vals):
                fig_list = []  # "M1、M2 …" then one figure: no order to pair them by
            elif len(vals) > 1 and len(w := _who(text, vals[0].start)) == len(vals) and all(
                    re.fullmatch(r"\s*[和、与及,，]\s*", text[a.end:b.start]) for a, b in zip(vals, vals[1:], strict=False)):
                # "（亚特兰大联储、纽约联储）下调…至3.4%和1.91%": names and figures in order
                fig_list = list(vals)
                paired = {id(f): name for f, name in zip(vals, w, strict=True)}
            else:
                # a further figure in brackets with its own institution: "1.3个百分点（瑞银为0.7个百分点）"
                first_who = _who(text, vals[0].start) if vals else []
                fig_list += [f for f in vals[1:] if (w := _who(text, f.start)) and w != first_who
                             and text.rfind("（", 0, f.start) > text.rfind("）", 0, f.start)]
            # a cut or a drag keeps its sign: 降息10BP is -10 bp, 拖累13个百分点 is -13 pp
            cut = bool(re.search(r"降息|降准|拖累", text[at:span_end]))
            # a rate "下降10bps" is -10 bp as much as a 降息 is
            fall = bool(re.search(r"下降|下调|降低|调降|回落", text[at:span_end]))
            options: list[Figure | None] = list(fig_list) or [None]
            for fig in options:
                f = fc.model_copy()
                if fig is not None:
                    f.unit = ("%" if fig.kind == FigureKind.PERCENT else "" if fig.kind == FigureKind.NUMBER
                              else fig.unit if fig.kind in (FigureKind.MONEY, FigureKind.QUANTITY)
                              else "bp" if "基点" in fig.unit or fig.unit.lower() == "bp" else "pp")
                    f.figure = fig.text
                    if fig.high is not None:
                        f.low, f.high = fig.value, fig.high
                    else:
                        # a cut keeps its sign: 降息10BP is -10 bp
                        f.value = (-abs(fig.value) if fig.value is not None and fig.unit != "次" and (
                            cut or (fall and f.unit == "bp")) else fig.value)
                    lead = text[max(cs, fig.start - 4):fig.start]
                    bound = text[fig.end:fig.end + 3] + lead
                    if "以内" in bound and (f.value or 0) < 0:
                        f.low, f.value = f.value, None  # "降幅收窄至-2%以内": no lower than -2%
                    elif re.search(r"以内|以下|低于|不超过|至多", bound):
                        f.high, f.value = f.value, None
                    elif re.search(r"以上|超过|高于|至少|不低于", text[fig.end:fig.end + 3] + lead):
                        f.low, f.value = f.value, None
                if "转正" in clause and not f.has_value:
                    f.low = 0.0
                if fig is not None and re.search(r"目标", text[at:fig.start]) and not _who(text, fig.start):
                    who = ["政府"]  # "2025 年 GDP 增速目标 5%": a target is the government's
                elif (only_noun_expectation or re.match(r"\s*预期(?!为|在|至|将)", text[ends.get(at, at):])) \
                        and not _who(text, at):
                    who = ["市场"]  # "联储降息预期": an expectation nobody is named for is the market's
                elif fig is not None and id(fig) in paired:
                    who = [paired[id(fig)]]
                else:
                    who = (_bracket_names(text, fig.end) if fig is not None else []) or _who(
                        text, fig.start if fig is not None else at)
                for name in who or ["author"]:
                    g = f.model_copy(update={"who": name})
                    k = (g.indicator, g.period, g.value, g.low, g.high, g.direction, g.who)
                    if k not in seen:
                        seen.add(k)
                        out.append(g)
            last_indicator = key
    return out


def article_forecasts(article: Article) -> list[Forecast]:
    """Every forecast and call the article states, in reading order."""
    published = (article.published or datetime.now()).date()
    source = " ".join(x for x in (article.source, f"《{article.title}》" if article.title else "") if x)
    out: list[Forecast] = []
    section: str | None = None
    earlier: list[str] = []  # the section's sentences so far, newest last
    # "2026美国通胀展望": a sentence naming no economy is about the one the title names
    title_region = _region(article.title or "")
    title_themes = frozenset(h.theme for h in find_themes(article.title or ""))

    def context() -> str | None:
        # resolved only when a sentence needs it: most never do
        for text in reversed(earlier):
            if (p := resolve_period(text, published)) is not None:
                # a month already over ("5月核心CPI 2.8%") is the data the section discusses,
                # not the period a later forecast without one is about
                return p if _carries(p) else None
        p = resolve_period(section or "", published)
        return p if p is None or _carries(p) else None

    def _carries(p: str) -> bool:
        # nor does a distant horizon ("2060年碳中和") set the target of the sentences after it
        return published <= period_end(p) and period_start(p).year <= published.year + 3

    speaker: tuple[int, str] | None = None  # (paragraph, who) of the last attributed forecast
    for sent in article.sentences:
        if sent.section != section:
            section, earlier = sent.section, []
        found = sentence_forecasts(sent, published, article.id, source, context, title_region, title_themes)
        # "美银的预期同样乐观（4.7%）。主要支撑在投资，预计增速回升至3.5%": a paragraph about
        # one institution's view goes on in its name until another speaker or "我们" takes over
        if speaker and speaker[0] == sent.paragraph and not _FIRST_PERSON.search(sent.text):
            found = [f.model_copy(update={"who": speaker[1]}) if f.who == "author" else f for f in found]
        # (the market's or investors' expectation is one clause's, not a paragraph's voice)
        named = [f.who for f in found if f.who not in ("author", "市场", "投资者")]
        if named:
            speaker = (sent.paragraph, named[-1])
        elif _FIRST_PERSON.search(sent.text):
            speaker = None
        out += found
        earlier.append(sent.text)
    return out
