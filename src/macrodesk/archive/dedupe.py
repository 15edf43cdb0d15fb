"""Near-duplicate detection: the same article syndicated on two sites, or re-sent with a new
footer, has nearly the same set of character shingles (MinHash + LSH, datasketch)."""

from __future__ import annotations

import re
import zlib
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
from datasketch import MinHash, MinHashLSH

NUM_PERM = 64
SHINGLE = 5  # characters: about two Chinese words
THRESHOLD = 0.8  # estimated Jaccard similarity from which two texts are one article

_NOISE = re.compile(r"[\s\W_]+", re.U)


def shingles(text: str, k: int = SHINGLE) -> set[bytes]:
    """k-character shingles of one paragraph without spaces and punctuation, so that
    re-wrapping, full-width punctuation and Markdown marks do not make a copy look different."""
    flat = _NOISE.sub("", text.lower())
    if len(flat) <= k:
        return {flat.encode()} if flat else set()
    return {flat[i:i + k].encode() for i in range(len(flat) - k + 1)}


SCHEME = "affine32"  # datasketch 2's default, named so that stored signatures stay comparable


def _minhash(num_perm: int, hashvalues=None) -> MinHash:
    try:
        return MinHash(num_perm=num_perm, hashvalues=hashvalues, scheme=SCHEME)
    except TypeError:  # datasketch 1.x has one scheme and no `scheme` argument
        return MinHash(num_perm=num_perm, hashvalues=hashvalues)


def _crc(data: bytes) -> int:
    # crc32 in C: ten times cheaper than datasketch's sha1 default, and stable across runs
    return zlib.crc32(data)


@lru_cache(maxsize=1)
def _permutations(num_perm: int = NUM_PERM):
    return _minhash(num_perm).permutations  # generated once: they cost ~1 ms per MinHash


def _new(num_perm: int, hashvalues=None) -> MinHash:
    try:
        return MinHash(num_perm=num_perm, hashfunc=_crc, hashvalues=hashvalues,
                       permutations=_permutations(num_perm), scheme=SCHEME)
    except TypeError:  # datasketch 1.x
        return MinHash(num_perm=num_perm, hashfunc=_crc, hashvalues=hashvalues,
                       permutations=_permutations(num_perm))


@lru_cache(maxsize=100_000)
def _paragraph_values(paragraph: str, num_perm: int) -> np.ndarray:
    mh = _new(num_perm)
    sh = shingles(paragraph)
    if sh:
        mh.update_batch(list(sh))
    return mh.hashvalues


def signature(text: str, num_perm: int = NUM_PERM) -> MinHash:
    """MinHash of the article's shingles, built paragraph by paragraph: the MinHash of a union
    is the element-wise minimum of the parts', so a repeated paragraph is hashed once."""
    parts = [_paragraph_values(p, num_perm) for p in text.split("\n") if p.strip()]
    if not parts:
        return _new(num_perm)
    return _new(num_perm, np.minimum.reduce(parts))


def to_bytes(mh: MinHash) -> bytes:
    return mh.hashvalues.astype(np.uint64).tobytes()


def from_bytes(data: bytes, num_perm: int = NUM_PERM) -> MinHash:
    values = np.frombuffer(data, dtype=np.uint64)
    return _new(len(values) or num_perm, values)


@dataclass
class Match:
    key: str  # the stored copy that is kept
    similarity: float  # estimated Jaccard similarity of the shingle sets


class NearDuplicateIndex:
    """Signatures of the stored articles; `find` names the stored copy a new text repeats."""

    def __init__(self, threshold: float = THRESHOLD, num_perm: int = NUM_PERM):
        self.threshold = threshold
        self.num_perm = num_perm
        self._lsh = MinHashLSH(threshold=threshold, num_perm=num_perm)
        self._sigs: dict[str, MinHash] = {}

    def __len__(self) -> int:
        return len(self._sigs)

    def __contains__(self, key: str) -> bool:
        return key in self._sigs

    def add(self, key: str, mh: MinHash) -> None:
        if key not in self._sigs:
            self._lsh.insert(key, mh)
            self._sigs[key] = mh

    def find(self, mh: MinHash) -> Match | None:
        """The most similar stored copy at or over the threshold, if any."""
        best: Match | None = None
        for key in self._lsh.query(mh):
            sim = self._sigs[key].jaccard(mh)
            if sim >= self.threshold and (best is None or sim > best.similarity):
                best = Match(key, sim)
        return best
