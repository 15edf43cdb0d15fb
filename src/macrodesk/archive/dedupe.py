"""Near-duplicate detection: the same article syndicated on two sites, or re-sent with a new
footer, has nearly the same set of character shingles (MinHash + LSH banding, numpy only)."""

from __future__ import annotations

import re
import zlib
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

import numpy as np

NUM_PERM = 64
SHINGLE = 5  # characters: about two Chinese words
THRESHOLD = 0.8  # estimated Jaccard similarity from which two texts are one article
# The hashing scheme of datasketch 2's default ("affine32": crc32 of each shingle, the
# MurmurHash3 finalizer, then a*h+b mod 2^32 with odd a, parameters drawn from
# RandomState(1)), reproduced bit for bit so that signatures stored by earlier versions stay
# comparable with new ones; tests/fixtures/archive_pins holds signatures the old code made.
SCHEME = "affine32"
_SEED = 1
_CHUNK = 8192  # shingles hashed per numpy block: bounds memory on book-length texts

_NOISE = re.compile(r"[\s\W_]+", re.U)


def shingles(text: str, k: int = SHINGLE) -> set[bytes]:
    """k-character shingles of one paragraph without spaces and punctuation, so that
    re-wrapping, full-width punctuation and Markdown marks do not make a copy look different."""
    flat = _NOISE.sub("", text.lower())
    if len(flat) <= k:
        return {flat.encode()} if flat else set()
    return {flat[i:i + k].encode() for i in range(len(flat) - k + 1)}


@lru_cache(maxsize=4)
def _permutations(num_perm: int = NUM_PERM) -> tuple[np.ndarray, np.ndarray]:
    gen = np.random.RandomState(_SEED)
    a = gen.randint(0, 1 << 31, num_perm, dtype=np.uint32) * np.uint32(2) + np.uint32(1)
    b = gen.randint(0, 1 << 32, num_perm, dtype=np.uint32)
    return a[:, None], b[:, None]


def _fmix32(h: np.ndarray) -> np.ndarray:
    h = h ^ (h >> np.uint32(16))
    h = h * np.uint32(0x85EBCA6B)
    h = h ^ (h >> np.uint32(13))
    h = h * np.uint32(0xC2B2AE35)
    return h ^ (h >> np.uint32(16))


def _article_shingles(paragraphs: Iterable[str], k: int) -> set[str]:
    # the union of the paragraphs' shingle sets: shingles never cross a paragraph break
    out: set[str] = set()
    for paragraph in paragraphs:
        flat = _NOISE.sub("", paragraph.lower())
        if len(flat) <= k:
            if flat:
                out.add(flat)
        else:
            out.update(flat[i:i + k] for i in range(len(flat) - k + 1))
    return out


def paragraph_signature(paragraphs: Iterable[str], num_perm: int = NUM_PERM) -> np.ndarray:
    """MinHash values (uint32) of the paragraphs' shingles, all hashed in one numpy pass."""
    found = _article_shingles(paragraphs, SHINGLE)
    values = np.full(num_perm, np.iinfo(np.uint32).max, dtype=np.uint32)
    if not found:
        return values
    hashes = _fmix32(np.fromiter((zlib.crc32(s.encode()) for s in found), dtype=np.uint32,
                                 count=len(found)))
    a, b = _permutations(num_perm)
    for start in range(0, len(hashes), _CHUNK):
        block = a * hashes[None, start:start + _CHUNK] + b  # wraps mod 2^32, as intended
        np.minimum(values, block.min(axis=1), out=values)
    return values


def paragraphs_of(text: str) -> list[str]:
    """The article's non-empty lines: the unit both the index and the fingerprint work on."""
    return [p for p in text.split("\n") if p.strip()]


def signature(text: str, num_perm: int = NUM_PERM) -> np.ndarray:
    """MinHash values of the text's shingles (see paragraph_signature)."""
    return paragraph_signature(paragraphs_of(text), num_perm)


def to_bytes(values: np.ndarray) -> bytes:
    return np.asarray(values).astype(np.uint64).tobytes()  # stored as uint64 since version 1


def from_bytes(data: bytes, num_perm: int = NUM_PERM) -> np.ndarray:
    values = np.frombuffer(data, dtype=np.uint64)
    if not len(values):
        return np.full(num_perm, np.iinfo(np.uint32).max, dtype=np.uint32)
    return values.astype(np.uint32)


def similarity(a: np.ndarray, b: np.ndarray) -> float:
    """Estimated Jaccard similarity: the share of equal MinHash values."""
    return float(np.count_nonzero(a == b)) / len(a)


def _integral(x: np.ndarray, y: np.ndarray) -> float:
    return float(np.sum((y[1:] + y[:-1]) * np.diff(x)) / 2)  # trapezoids


@lru_cache(maxsize=8)
def bands(threshold: float = THRESHOLD, num_perm: int = NUM_PERM) -> tuple[int, int]:
    """(bands, rows per band) that minimise equal-weight false positive and negative areas:
    the choice datasketch's MinHashLSH makes (5 x 11 for 0.8 and 64 permutations)."""
    best, err = (1, 1), float("inf")
    low, high = np.linspace(0.0, threshold, 2001), np.linspace(threshold, 1.0, 2001)
    for b in range(1, num_perm + 1):
        for r in range(1, num_perm // b + 1):
            fp = _integral(low, 1 - (1 - low ** r) ** b)  # a pair under the threshold is a candidate
            fn = _integral(high, (1 - high ** r) ** b)  # a pair over it is not
            if 0.5 * fp + 0.5 * fn < err:
                best, err = (b, r), 0.5 * fp + 0.5 * fn
    return best


@dataclass
class Match:
    key: str  # the stored copy that is kept
    similarity: float  # estimated Jaccard similarity of the shingle sets


class NearDuplicateIndex:
    """Signatures of the stored articles; `find` names the stored copy a new text repeats.
    A stored text is a candidate when one band of its signature equals the new text's (LSH)."""

    def __init__(self, threshold: float = THRESHOLD, num_perm: int = NUM_PERM):
        self.threshold = threshold
        self.num_perm = num_perm
        b, r = bands(threshold, num_perm)
        self._ranges = [(i * r, (i + 1) * r) for i in range(b)]
        self._tables: list[dict[bytes, list[str]]] = [{} for _ in range(b)]
        self._sigs: dict[str, np.ndarray] = {}

    def __len__(self) -> int:
        return len(self._sigs)

    def __contains__(self, key: str) -> bool:
        return key in self._sigs

    def _keys(self, sig: np.ndarray) -> list[bytes]:
        sig = np.asarray(sig, dtype=np.uint32)
        return [sig[lo:hi].tobytes() for lo, hi in self._ranges]

    def add(self, key: str, sig: np.ndarray) -> None:
        if key in self._sigs:
            return
        for table, band in zip(self._tables, self._keys(sig), strict=True):
            table.setdefault(band, []).append(key)
        self._sigs[key] = np.asarray(sig, dtype=np.uint32)

    def remove(self, key: str) -> None:
        sig = self._sigs.pop(key, None)
        if sig is None:
            return
        for table, band in zip(self._tables, self._keys(sig), strict=True):
            keys = table.get(band, [])
            if key in keys:
                keys.remove(key)

    def find(self, sig: np.ndarray) -> Match | None:
        """The most similar stored copy at or over the threshold, if any (the earliest stored
        on a tie)."""
        best: Match | None = None
        seen: set[str] = set()
        for table, band in zip(self._tables, self._keys(sig), strict=True):
            for key in table.get(band, ()):
                if key in seen:
                    continue
                seen.add(key)
                sim = similarity(self._sigs[key], sig)
                if sim >= self.threshold and (best is None or sim > best.similarity):
                    best = Match(key, sim)
        return best
