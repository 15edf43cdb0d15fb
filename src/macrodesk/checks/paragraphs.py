"""The sentences of one paragraph as one text with its figures placed in it, for finders whose
relations run over a ； ("…491 万辆，同比增 57.83%；2024 年 585.9 万辆，同比增 19.33%")."""

from __future__ import annotations

from dataclasses import dataclass

from macrodesk.models import Article, Figure, Sentence


@dataclass
class ParaText:
    text: str
    figures: list[Figure]
    sentences: list[tuple[int, Sentence]]  # (offset in text, sentence)

    def sentence_at(self, pos: int) -> Sentence:
        return [s for off, s in self.sentences if off <= pos][-1]


_CACHE: dict[str, list[ParaText]] = {}


def paragraphs(article: Article) -> list[ParaText]:
    """The prose and list paragraphs of an article, each as one text. Read once per article:
    several finders ask for them (callers only read them)."""
    key = f"{article.id}:{len(article.sentences)}"
    if key not in _CACHE:
        _CACHE.clear()  # the article being checked is the only one asked about
        _CACHE[key] = _read(article)
    return _CACHE[key]


def _read(article: Article) -> list[ParaText]:
    out: list[ParaText] = []
    last: Sentence | None = None
    for s in article.sentences:
        if s.kind not in ("prose", "list"):
            last = None
            continue
        if last is None or last.paragraph != s.paragraph:
            out.append(ParaText("", [], []))
        para = out[-1]
        off = len(para.text)
        para.sentences.append((off, s))
        para.text += s.text
        # model_construct: the figures were validated when read; only their place changes
        para.figures.extend(Figure.model_construct(**{**f.__dict__, "start": f.start + off, "end": f.end + off})
                            for f in s.figures)
        last = s
    return out
