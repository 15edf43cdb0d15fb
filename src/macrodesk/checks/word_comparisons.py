"""A return compared in words with benchmarks whose returns are written beside their names:
"中信煤炭板块周涨幅 5.4%，跑赢沪深 300（涨幅 0.2%）、上证指数（跌幅 0.7%），略低于深证成指（涨幅 0.8%）",
"跑赢下跌 1.4% 的沪深 300". Each word says which side of the benchmark the subject's figure stands on;
the figures, at their precision, must stand there. A figure written after the benchmark's name
with no bracket ("跑输创业板指 2.89%", "低于行业平均 10%") is the gap, not its level: not read here."""

from __future__ import annotations

import re

from macrodesk.checks.gate import mentions
from macrodesk.checks.intervals import Interval, figure_interval
from macrodesk.checks.judging import Check, Verdict
from macrodesk.models import Article, Figure, FigureKind

_ABOVE = r"跑赢|略高于|高于|超过|领先于?"
_BELOW = r"跑输|略低于|低于|不及|落后于?"
_ANY_WORD = re.compile(rf"{_ABOVE}|{_BELOW}|接近")
# a benchmark's name and the bracket its return opens: "沪深 300（涨幅 "
_BENCHMARK = (r"(?:[\u4e00-\u9fa5A-Za-z][\u4e00-\u9fa5A-Za-z0-9 ]{0,11}?)\s*(?:指数)?\s*"
              r"[（(]\s*(?P<verb>涨幅|跌幅|上涨|下跌|涨|跌|收涨|收跌)?\s*(?:为|约)?\s*$")
# after a word of comparison ("跑赢沪深 300（涨幅 0.2%）"), or after the bracket of the list's item before
# ("）、上证指数（跌幅 0.7%）")
_NAME_THEN = re.compile(r"^\s*" + _BENCHMARK)
_NEXT_ITEM = re.compile(r"^\s*[）)]\s*[、和及]\s*" + _BENCHMARK)
# …or the benchmark's move before its name: "跑赢下跌 1.4% 的沪深 300"
_MOVE_THEN = re.compile(r"^\s*(?P<verb>上涨|下跌|涨|跌)\s*$")
_FALL_WORDS = ("跌幅", "下跌", "跌", "收跌")
# the subject's own figure: a return or a share, signed by its word ("周涨幅 5.4%", "下跌 1.46%")
_SUBJECT_FALL = re.compile(r"(?:(?<!涨)跌幅|下跌|(?<!涨)跌|下滑|下降)\s*(?:为|约|达)?\s*$")
# (every claim writes one of these words)
_NEEDS = re.compile(rf"{_ABOVE}|{_BELOW}")


def _signed(fig: Figure, fall: bool) -> Interval:
    """A figure's interval with its sign: its own ("+2.40%"), else its verb's."""
    iv = figure_interval(fig)
    own = fig.text.lstrip()[:1] in "+-−－＋"
    return -iv if fall and not own and (fig.value or 0) > 0 else iv


def find_word_comparisons(article: Article) -> list[Check]:
    if not mentions(article, _NEEDS):
        return []
    out: list[Check] = []
    for s in article.sentences:
        if s.kind not in ("prose", "list") or "%" not in s.text or not _NEEDS.search(s.text):
            continue
        text = s.text
        figs = [f for f in s.figures if f.kind == FigureKind.PERCENT and f.value is not None and not f.is_range]
        # each benchmark figure with the word that compares with it and its own sign
        bench: dict[int, tuple[str, bool]] = {}
        word = ""
        for k, f in enumerate(figs):
            lead = text[figs[k - 1].end if k else 0:f.start]
            closes = re.match(r"\s*[）)]", text[f.end:]) is not None  # its bracket closes right after it
            if word and closes and (m := _NEXT_ITEM.match(lead)):
                bench[k] = (word, m.group("verb") in _FALL_WORDS)
                continue
            word = ""
            found = list(_ANY_WORD.finditer(lead))
            rest = lead[found[-1].end():] if found else ""
            if found and (m := _NAME_THEN.match(rest)) is not None and closes:
                word = found[-1].group(0)
                bench[k] = (word, m.group("verb") in _FALL_WORDS)
            elif found and (m := _MOVE_THEN.match(rest)) is not None and re.match(r"\s*的", text[f.end:]):
                bench[k] = (found[-1].group(0), m.group("verb") in _FALL_WORDS)
        for k, (word, fall) in bench.items():
            if word == "接近":
                continue
            # a gap written after the benchmark ("跑赢沪深 300（涨幅 0.2%）5.2 个百分点") is a stated gap
            after = text[figs[k].end:figs[k].end + 12]
            if re.match(r"^\s*[）)]?\s*[\d+\-]", after):
                continue
            subject = next((j for j in range(k - 1, -1, -1) if j not in bench), None)
            if subject is None or any(c in text[figs[subject].end:figs[k].start] for c in "。；;"):
                continue
            sf = figs[subject]
            lead = text[figs[subject - 1].end if subject else 0:sf.start]
            mine, theirs = _signed(sf, bool(_SUBJECT_FALL.search(lead))), _signed(figs[k], fall)
            above = re.fullmatch(_ABOVE, word) is not None
            verdict: Verdict
            if (mine.lo > theirs.hi) if above else (mine.hi < theirs.lo):
                verdict = "consistent"
            elif (mine.hi < theirs.lo) if above else (mine.lo > theirs.hi):
                verdict = "inconsistent"
            else:
                verdict = "unverifiable"
            op = ">" if above else "<"
            out.append(Check(
                verdict=verdict, kind="comparison", stated=word, inputs=[sf.text, figs[k].text],
                relation=f"{mine.mid:g}% {op} {theirs.mid:g}% ({word})",
                note="" if verdict != "unverifiable" else "the two figures are level at their precision",
                sentence=text, sentence_id=s.id, paragraph=s.paragraph, input_sentences=[text, text],
                article=article.label))
    return out
