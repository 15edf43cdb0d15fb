"""Near-duplicate detection: the same article syndicated on two sites, or re-sent with a new
footer, has nearly the same set of character shingles (MinHash + LSH, datasketch)."""

from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np
from datasketch import MinHash, MinHashLSH

NUM_PERM = 64
SHINGLE = 5  # characters: about two Chinese words
THRESHOLD = 0.8  # estimated Jaccard similarity from which two texts are one article

_NOISE = re.compile(r"[\s\W_]+", re.U)


def shingles(text: str, k: int = SHINGLE) -> set[bytes]:
    """k-character shingles of the text without spaces and punctuation, so that re-wrapping,
    full-width punctuation and Markdown marks do not make a copy look different."""
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


def signature(text: str, num_perm: int = NUM_PERM) -> MinHash:
    mh = _minhash(num_perm)
    sh = shingles(text)
    if sh:
        mh.update_batch(list(sh))
    return mh


def to_bytes(mh: MinHash) -> bytes:
    return mh.hashvalues.astype(np.uint64).tobytes()


def from_bytes(data: bytes, num_perm: int = NUM_PERM) -> MinHash:
    values = np.frombuffer(data, dtype=np.uint64)
    return _minhash(len(values) or num_perm, values)


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
