"""Tokens the LLM engine sends per digest, and what they cost at DeepSeek's and Qwen's list
prices, against the naive prompt (the same instructions plus the whole raw text of every
article), on the evaluation set (tests/eval/articles): each article as its own digest, then all
of them as one day. The engine sends the whole article (numbered sentences and outline) when it
fits max_prompt_tokens, a shortlist beyond; the output tokens are max_output_tokens at most.
Target: a single-article digest costs no more than the naive prompt (numbering and outline
included: at most 115% of its tokens).

Tokens are estimated with DeepSeek's published rule (a Chinese character ~0.6 token, any other
character ~0.3), the same rule for both prompts. No request is sent: only prompts are built.
Run: .venv/bin/python bench/bench_llm_tokens.py
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

from macrodesk.config import Config
from macrodesk.engines.llm.client import PROVIDERS, LLMSettings
from macrodesk.engines.llm.engine import LLMEngine, naive_messages
from macrodesk.engines.llm.material import prompt_tokens
from macrodesk.readers import read_article

ROOT = Path(__file__).resolve().parent.parent
EVAL = ROOT / "tests" / "eval" / "articles"
CORPUS = ROOT.parent / "shared" / "corpus" / "research_reports"
TARGET = 1.15
OUTPUT = 3000  # max_output_tokens: the most one answer can cost


def main() -> int:
    paths = sorted(EVAL.glob("*.md")) or [CORPUS / f"{n}.md" for n in (147, 149, 274, 803)]
    where = EVAL if EVAL.exists() else CORPUS
    articles = [read_article(p) for p in paths]
    # an endpoint is named but never called: only prompts are built
    settings = LLMSettings(base_url="http://127.0.0.1:9/v1", model="deepseek-chat",
                           price_input=PROVIDERS["deepseek"].price_input)
    engine = LLMEngine(Config(), settings=settings)
    t0 = time.perf_counter()
    rows = []
    for path, art in zip(paths, articles, strict=True):
        messages, material, _ = engine.prompt([art])
        sent = prompt_tokens(messages)
        naive = prompt_tokens(naive_messages(engine, [art]))
        rows.append((path.name, len(art.text), sent, naive, sent / naive, material.whole))
    print(f"evaluation set: {where} ({len(articles)} articles)")
    print(f"{'article':>20} {'chars':>7} {'sent':>6} {'naive':>6} {'ratio':>6} sent as")
    for name, chars, sent, naive, ratio, whole in rows:
        print(f"{name:>20} {chars:>7} {sent:>6} {naive:>6} {ratio:>6.1%} "
              f"{'whole' if whole else 'shortlist'}")
    ratios = [r[4] for r in rows]
    print(f"{sum(r[5] for r in rows)} of {len(rows)} articles sent whole "
          f"(max_prompt_tokens={settings.max_prompt_tokens})")
    total_sent = sum(r[2] for r in rows)
    total_naive = sum(r[3] for r in rows)
    print(f"per-article digest: mean ratio {statistics.mean(ratios):.1%}, max {max(ratios):.1%}, "
          f"total {total_sent} vs {total_naive} tokens ({total_sent / total_naive:.1%})")
    day_messages, day_material, _ = engine.prompt(articles)
    day_sent = prompt_tokens(day_messages)
    day_naive = prompt_tokens(naive_messages(engine, articles))
    print(f"one day of all {len(articles)} articles: {day_sent} vs {day_naive} tokens "
          f"({day_sent / day_naive:.1%}, {'whole' if day_material.whole else 'shortlist'}); budget max_prompt_tokens={settings.max_prompt_tokens}")
    for name in ("deepseek", "qwen"):
        p = PROVIDERS[name]
        per = total_sent / len(rows)
        naive_per = total_naive / len(rows)
        cost = (per * p.price_input + OUTPUT * p.price_output) / 1e6
        naive_cost = (naive_per * p.price_input + OUTPUT * p.price_output) / 1e6
        day = (day_sent * p.price_input + OUTPUT * p.price_output) / 1e6
        print(f"{name} ({p.model}, ¥{p.price_input}/M in, ¥{p.price_output}/M out): "
              f"single-article digest ¥{cost:.4f} (naive ¥{naive_cost:.4f}), "
              f"the whole day ¥{day:.4f}, with {OUTPUT} output tokens at most")
    print(f"time {time.perf_counter() - t0:.1f}s")
    ok = statistics.mean(ratios) <= TARGET and day_sent <= settings.max_prompt_tokens * 1.05
    print(f"target <= {TARGET:.0%}: {'met' if ok else 'NOT met'}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
