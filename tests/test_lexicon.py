"""The trie-shaped theme matcher finds exactly what a plain longest-first alternation finds."""

import re
from pathlib import Path

from macrodesk.lexicon import find_themes, themes


def naive(text):
    owner = {}
    for theme in themes().values():
        for term in theme.terms:
            owner.setdefault(term.lower(), theme.key)
    parts = [rf"(?<![A-Za-z]){re.escape(t)}(?![A-Za-z])" if t.isascii() else re.escape(t)
             for t in sorted(owner, key=len, reverse=True)]
    pat = re.compile("|".join(parts), re.I)
    return [(owner[m.group(0).lower()], m.start(), m.end()) for m in pat.finditer(text)]


def test_trie_matcher_equals_plain_alternation():
    texts = []
    for p in sorted((Path(__file__).parent / "eval" / "articles").glob("*.md")):
        texts += p.read_text("utf-8").split("\n")
    texts += ["AI服务器与AIDC、Taiwan、EVERY EV、半导体设备和半导体", "光伏组件、储能、CXO、Wh/kg"]
    for t in texts:
        assert [(h.theme, h.start, h.end) for h in find_themes(t)] == naive(t), t


def test_longest_term_wins_and_latin_terms_stand_alone():
    hits = find_themes("半导体设备需求回升，Taiwan 的 AI 投资")
    assert [(h.theme, h.term) for h in hits] == [
        ("semiconductor_equipment", "半导体设备"), ("ai_computing", "AI")]
    assert hits[1].start == "半导体设备需求回升，Taiwan 的 AI 投资".index("AI")
