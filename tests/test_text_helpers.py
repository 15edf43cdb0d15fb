"""The shared helpers of text/: retries with backoff, atomic writes with the usual mode,
bigram similarity."""

import os
import stat

import pytest

from macrodesk.text.files import atomic_write
from macrodesk.text.retry import Backoff, GaveUp, retry
from macrodesk.text.similarity import bigrams, containment, near_duplicate


class Flaky(Exception):
    pass


def test_retry_waits_doubling_then_succeeds():
    calls, waits = [], []

    def call():
        calls.append(1)
        if len(calls) < 3:
            raise Flaky("down")
        return "ok"

    result, attempts = retry(call, transient=lambda e: isinstance(e, Flaky),
                             backoff=Backoff(retries=3, base=0.5), sleep=waits.append)
    assert (result, attempts) == ("ok", 3) and waits == [0.5, 1.0]


def test_retry_gives_up_with_the_last_error_and_never_retries_a_permanent_one():
    with pytest.raises(GaveUp) as info:
        retry(lambda: (_ for _ in ()).throw(Flaky("still down")), transient=lambda e: True,
              backoff=Backoff(retries=2, base=1), sleep=lambda s: None)
    assert info.value.attempts == 3 and "still down" in str(info.value.last)
    calls = []

    def permanent():
        calls.append(1)
        raise ValueError("bad request")

    with pytest.raises(ValueError):
        retry(permanent, transient=lambda e: isinstance(e, Flaky), backoff=Backoff(5),
              sleep=lambda s: None)
    assert len(calls) == 1


def test_backoff_honours_retry_after_and_cap():
    b = Backoff(retries=5, base=2, cap=10)
    assert [b.delay(i) for i in range(4)] == [2, 4, 8, 10]
    assert b.delay(0, at_least=7) == 7


def test_atomic_write_leaves_the_usual_mode_and_no_temp_file(tmp_path):
    old = os.umask(0o022)
    try:
        path = atomic_write(tmp_path / "site" / "post.md", "正文")
    finally:
        os.umask(old)
    assert stat.S_IMODE(path.stat().st_mode) == 0o644
    assert path.read_text("utf-8") == "正文"
    assert [p.name for p in path.parent.iterdir()] == ["post.md"]


def test_similarity_of_a_condensed_copy_and_of_unrelated_items():
    a = "美国5月核心CPI同比2.8%，连续第三个月持平"
    assert containment(bigrams(a), bigrams("美国5月核心CPI同比2.8%")) == 1.0
    assert near_duplicate(a, "**" + a + "**")
    assert not near_duplicate(a, "光伏组件排产环比下降，硅料价格承压")


def test_chars_before_matches_a_count_of_non_space_characters_back_from_pos() -> None:
    # the reversed-window reading against the plain definition: walk back from `pos` until n
    # characters other than spaces are passed (the whole text before pos when there are fewer)
    import random

    from macrodesk.text.clauses import chars_before

    def reference(text: str, pos: int, n: int) -> str:
        i, k = pos, 0
        while i > 0 and k < n:
            i -= 1
            k += not text[i].isspace()
        return text[i:pos]

    rng = random.Random(7)
    alphabet = "ab 中文\u3000\t，1%"
    for _ in range(20000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 60)))
        pos, n = rng.randint(0, len(text)), rng.randint(1, 14)
        got = chars_before(text, pos, n)
        if " " in text[max(0, pos - n):pos] or "\u3000" in text[max(0, pos - n):pos]:
            assert got == reference(text, pos, n), (text, pos, n)
        else:  # no space in the plain window: the window itself
            assert got == text[max(0, pos - n):pos]
