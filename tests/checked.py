"""What the arithmetic checker finds in a text, as (verdict, relation) pairs: the form the round tests
(tests/test_check_round*.py) assert on."""

from __future__ import annotations

from macrodesk.checks.arithmetic import check_text


def found_relations(text: str) -> list[tuple[str, str]]:
    return [(c.verdict, c.relation) for c in check_text(text)]
