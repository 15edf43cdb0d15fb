"""Tokens the LLM engine sends per digest, against the naive prompt (the same instructions plus
the whole text of every article), on the evaluation set (tests/eval/articles): each article as
its own digest, then all of them as one day. Target: at most 50% of the naive prompt's tokens.

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
TARGET = 0.50


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
        sent = prompt_tokens(engine.prompt([art])[0])
        naive = prompt_tokens(naive_messages(engine, [art]))
        rows.append((path.name, len(art.text), sent, naive, sent / naive))
    print(f"evaluation set: {where} ({len(articles)} articles)")
    print(f"{'article':>10} {'chars':>7} {'sent':>6} {'naive':>6} {'ratio':>6}")
    for name, chars, sent, naive, ratio in rows:
        print(f"{name:>10} {chars:>7} {sent:>6} {naive:>6} {ratio:>6.1%}")
    ratios = [r[-1] for r in rows]
    total_sent = sum(r[2] for r in rows)
    total_naive = sum(r[3] for r in rows)
    print(f"per-article digest: mean ratio {statistics.mean(ratios):.1%}, max {max(ratios):.1%}, "
          f"total {total_sent} vs {total_naive} tokens ({total_sent / total_naive:.1%})")
    day_sent = prompt_tokens(engine.prompt(articles)[0])
    day_naive = prompt_tokens(naive_messages(engine, articles))
    print(f"one day of all {len(articles)} articles: {day_sent} vs {day_naive} tokens "
          f"({day_sent / day_naive:.1%}); budget max_prompt_tokens={settings.max_prompt_tokens}")
    cost = total_sent * settings.price_input / 1e6 / len(rows)
    print(f"prompt cost per single-article digest at ¥{settings.price_input}/M tokens: "
          f"¥{cost:.4f} (naive ¥{total_naive * settings.price_input / 1e6 / len(rows):.4f})")
    print(f"time {time.perf_counter() - t0:.1f}s")
    ok = statistics.mean(ratios) <= TARGET and day_sent / day_naive <= TARGET
    print(f"target <= {TARGET:.0%}: {'met' if ok else 'NOT met'}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
