"""The verified ETF registry shipped with macrodesk: China- and US-listed funds with the index
each tracks and its theme tags, looked up by code or by theme (purest play first)."""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Literal

from macrodesk.errors import DataError
from macrodesk.lexicon import themes

Market = Literal["cn", "us"]

CN_CODE = re.compile(r"^(?:51|52|53|55|56|58|15)\d{4}$")
US_CODE = re.compile(r"^[A-Z]{1,5}$")
_COLUMNS = ("code", "market", "exchange", "name", "short_name", "index", "asset_class", "themes",
            "source", "as_of")


@dataclass(frozen=True)
class Fund:
    code: str
    market: Market
    exchange: str
    name: str
    short_name: str
    index: str  # the index (or price) the fund tracks
    asset_class: str  # equity, bond, commodity
    themes: tuple[str, ...]  # primary theme first: the order is how pure a play the fund is
    source: str
    as_of: str

    @property
    def is_broad(self) -> bool:
        return "broad_market" in self.themes


def _parse(text: str, origin: str) -> dict[str, Fund]:
    taxonomy = themes()
    reader = csv.DictReader(io.StringIO(text))
    missing = [c for c in _COLUMNS if c not in (reader.fieldnames or [])]
    if missing:
        raise DataError(f"{origin}: missing columns {', '.join(missing)}; "
                        f"the registry needs {', '.join(_COLUMNS)}")
    funds: dict[str, Fund] = {}
    for lineno, row in enumerate(reader, start=2):
        code = row["code"].strip()
        market = row["market"].strip()
        pattern = CN_CODE if market == "cn" else US_CODE if market == "us" else None
        if pattern is None or not pattern.match(code):
            raise DataError(f"{origin}:{lineno}: malformed code {code!r} for market {market!r}")
        if code in funds:
            raise DataError(f"{origin}:{lineno}: code {code} listed twice; keep one row per fund")
        tags = tuple(t for t in row["themes"].split(";") if t)
        unknown = [t for t in tags if t not in taxonomy]
        if not tags or unknown:
            raise DataError(f"{origin}:{lineno}: theme tags {unknown or '(none)'} are not in "
                            "data/themes.toml; use the taxonomy keys")
        funds[code] = Fund(code, market, row["exchange"], row["name"], row["short_name"],  # type: ignore[arg-type]
                           row["index"], row["asset_class"], tags, row["source"], row["as_of"])
    return funds


@lru_cache(maxsize=1)
def registry() -> dict[str, Fund]:
    """Every fund of the shipped registry, keyed by code (6 digits or US ticker)."""
    res = resources.files("macrodesk").joinpath("data/etf_registry.csv")
    try:
        text = res.read_text("utf-8")
    except OSError as exc:
        raise DataError(f"cannot read the ETF registry {res}: {exc}; reinstall macrodesk") from exc
    return _parse(text, "data/etf_registry.csv")


def lookup(code: str) -> Fund | None:
    """The fund with this code or ticker (case-insensitive for tickers), or None."""
    return registry().get(code.strip().upper())


def serves(fund_themes: tuple[str, ...] | list[str], wanted: set[str]) -> bool:
    """Whether a fund with these themes is a fitting pick for a row about `wanted` themes.

    A broad-market fund never serves a sector. A fund serves its own themes, a narrower theme
    whose parent it holds (a semiconductor fund for semiconductor equipment) and the parent of
    a theme it holds (a solar fund for a 新能源 row); sibling themes do not count."""
    if not wanted:
        return False
    if "broad_market" in fund_themes and wanted - {"broad_market"}:
        return "broad_market" in wanted and len(wanted) == 1
    taxonomy = themes()
    for t in fund_themes:
        if t in wanted:
            return True
        parent = taxonomy[t].parent if t in taxonomy else None
        if parent and parent in wanted:
            return True
    return any(taxonomy[w].parent in fund_themes for w in wanted if w in taxonomy)


def etfs_for_theme(theme: str, market: Market | None = None) -> list[Fund]:
    """Funds tagged with `theme`, purest play first (the theme is the fund's primary tag, then
    funds with fewer tags), then registry order, which lists the established fund first."""
    if theme not in themes():
        raise DataError(f"unknown theme {theme!r}; run `macrodesk etf --themes` for the keys")
    ranked = []
    for order, fund in enumerate(registry().values()):
        if theme in fund.themes and (market is None or fund.market == market):
            ranked.append((fund.themes.index(theme), len(fund.themes), order, fund))
    return [r[-1] for r in sorted(ranked, key=lambda r: r[:3])]
