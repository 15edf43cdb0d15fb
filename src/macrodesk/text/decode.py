"""Bytes to Chinese text: encoding detection (UTF-8, UTF-16, GB18030, Big5), the binary test,
and the script of a text (Traditional to Simplified, Chinese or English)."""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from macrodesk.errors import InputError


def decode(data: bytes, source: str) -> str:
    """Bytes to text: UTF-8 first, then GB18030 (a superset of GBK/GB2312), then detection."""
    return _no_nul(_decode(data, source), source)


def _no_nul(text: str, source: str) -> str:
    # a NUL is never part of an article: past the first 8 KB the binary test does not see it,
    # and stored it would cut the text short in every C library downstream
    at = text.find("\x00")
    if at >= 0:
        raise InputError(f"NUL character at position {at}: a binary or damaged file",
                         source=source, hint="re-export the article as plain UTF-8 text")
    return text


def _decode(data: bytes, source: str) -> str:
    if b"\x00" in data and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        _no_nul(data.decode("latin-1"), source)
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise InputError("damaged UTF-16 text", source=source,
                             hint="convert it to UTF-8, e.g. iconv -f UTF-16 -t UTF-8") from exc
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    # GB18030 decodes almost any byte string, Big5 included, into rare characters: decode with
    # both Chinese codecs and keep the reading that looks like Chinese prose
    best_text, best_score = None, 0.0
    for codec in ("gb18030", "big5hkscs"):
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        score = _chinese_score(text)
        if looks_like_text(text) and score > best_score + 0.01:
            best_text, best_score = text, score
    if best_text is not None and best_score > 0.9:
        return best_text
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is not None and looks_like_text(str(best)):
        return str(best)
    raise InputError("cannot decode the text (tried UTF-8, GB18030 and detection)", source=source,
                     hint="convert it to UTF-8, e.g. iconv -f BIG5 -t UTF-8")


_PLAIN_PUNCT = set("，。、；：？！“”‘’（）《》【】—…·％ \n\t")


def _chinese_score(text: str) -> float:
    """Share of characters a Chinese text is made of: ASCII, common ideographs, Chinese
    punctuation. Mis-decoded bytes turn into kana, bopomofo, box drawing and rare characters."""
    sample = text[:20000]
    if not sample:
        return 0.0
    good = sum(1 for ch in sample if ch.isascii() or ch in _PLAIN_PUNCT or _common_ideograph(ch))
    return good / len(sample)


def _common_ideograph(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff" and ch in _common_chars()


@lru_cache(maxsize=1)
def _common_chars() -> frozenset[str]:
    """Every character of jieba's dictionary words with a fair frequency, plus their Traditional
    forms from OpenCC: the characters of ordinary Chinese text in either script."""
    import jieba
    import opencc

    chars: set[str] = set()
    with jieba.get_dict_file() as fh:
        for raw in fh:
            line = raw.decode("utf-8") if isinstance(raw, bytes) else raw
            word, _, rest = line.partition(" ")
            if int(rest.split(" ", 1)[0] or 0) >= 50:
                chars.update(word)
    table = Path(opencc.__file__).parent / "dictionary" / "STCharacters.txt"
    for line in table.read_text(encoding="utf-8").splitlines():
        parts = line.split()
        if parts and parts[0] in chars:
            chars.update(ch for p in parts[1:] for ch in p)
    return frozenset(chars)


def looks_like_text(text: str) -> bool:
    if not text:
        return True
    bad = sum(1 for ch in text[:20000] if (ord(ch) < 32 and ch not in "\n\r\t\f") or ch == "\ufffd")
    return bad / min(len(text), 20000) < 0.01


def is_binary(data: bytes) -> bool:
    head = data[:8192]
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        # UTF-16 text is half NUL bytes: judge what it decodes to
        return not looks_like_text(head[:len(head) // 2 * 2].decode("utf-16", "replace"))
    if b"\x00" in head and not head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return True
    control = sum(1 for b in head if b < 9 or 13 < b < 32)
    return bool(head) and control / len(head) > 0.05



_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_-]+)""", re.I)
# what pages declare, mapped to the codec that reads every page declaring it
_CODEC_SUPERSETS = {"gb2312": "gb18030", "gbk": "gb18030", "x-gbk": "gb18030", "gb18030": "gb18030",
                    "big5": "big5hkscs", "big5-hkscs": "big5hkscs"}


def decode_html(data: bytes, source: str, declared: str | None = None) -> str:
    """Decode a web page: the HTTP charset, else the page's <meta charset>, else detection."""
    for name in (declared, *(_META_CHARSET.findall(data[:4096]) or [b""])[:1]):
        if isinstance(name, bytes):
            name = name.decode("ascii", "ignore")
        if not name:
            continue
        codec = _CODEC_SUPERSETS.get(name.lower(), name.lower())
        try:
            return _no_nul(data.decode(codec), source)
        except (LookupError, UnicodeDecodeError):
            continue  # a page that lies about its charset: fall back to detection
    return decode(data, source)



@lru_cache(maxsize=1)
def _traditional_chars() -> frozenset[str]:
    """Characters that exist only in Traditional Chinese (OpenCC's TS table, minus those that
    are also Simplified): a cheap test before running the slow full conversion."""
    import opencc

    table = Path(opencc.__file__).parent / "dictionary" / "TSCharacters.txt"
    trad: set[str] = set()
    simp: set[str] = set()
    for line in table.read_text(encoding="utf-8").splitlines():
        parts = line.split()
        if len(parts) >= 2 and len(parts[0]) == 1:
            trad.add(parts[0])
            simp.update(ch for p in parts[1:] for ch in p)
    return frozenset(trad - simp)


@lru_cache(maxsize=1)
def _t2s():
    import opencc

    return opencc.OpenCC("t2s")


# counted by the regex engine, not a Python loop per character (both run on every article read)
_CJK = re.compile("[\u4e00-\u9fff]")
_LATIN = re.compile("[A-Za-z]")


def to_simplified(text: str) -> tuple[str, bool]:
    """(text in Simplified Chinese, whether it was Traditional). OpenCC does the conversion;
    a text is Traditional when a fair share of its Chinese characters are Traditional-only."""
    trad = _traditional_chars()
    sample = text[:5000]
    n_trad = sum(map(trad.__contains__, sample))
    n_cjk = len(_CJK.findall(sample))
    if n_cjk == 0 or n_trad < max(3, n_cjk * 0.02):
        return text, False
    return _t2s().convert(text), True


def detect_language(text: str) -> str:
    """'zh' when Chinese characters dominate the letters, else 'en' (tickers and figures do not
    make a Chinese article English)."""
    sample = text[:5000]
    cjk = len(_CJK.findall(sample))
    latin = len(_LATIN.findall(sample))
    return "zh" if cjk * 2 >= latin * 0.5 and cjk > 0 else ("en" if latin else "zh")


