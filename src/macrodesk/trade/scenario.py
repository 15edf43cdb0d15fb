"""Scenario stacking: the change in the overall trade-weighted tariff rate when announced tariffs
are laid on 2024 HS10 x partner import weights, with each scenario line's contribution."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from importlib.resources import files
from pathlib import Path
from typing import Literal

import numpy as np
import pandas as pd
import yaml
from pydantic import BaseModel, Field, ValidationError, field_validator

from macrodesk.errors import DataError
from macrodesk.trade.data import load_weights, partner_lookup, partner_names

SCENARIO_DIR = Path(str(files("macrodesk") / "data" / "scenarios"))


class Exemption(BaseModel):
    """Products (HS prefixes) that lines of the named groups do not reach."""

    name: str = ""
    hs: list[str]
    applies_to: list[str] = Field(default_factory=lambda: ["reciprocal"])

    @field_validator("hs")
    @classmethod
    def _digits(cls, v: list[str]) -> list[str]:
        return _check_prefixes(v)


class Line(BaseModel):
    """One announced tariff: rate (percent) on partners x products, with a stacking rule.

    stack: add: adds `rate` on top of whatever applies; floor: raises the all-in rate (2024 rate
    plus earlier lines) to at least `rate` ("15% all-in"); replace: drops earlier lines' additions
    on the covered cells (those of groups in `replaces`, or all) and applies `rate` instead, as
    sectoral tariffs replace reciprocal ones. coverage: the share of the covered value that pays
    (e.g. the part of Canadian imports not claiming USMCA), an assumption stated in the file."""

    name: str
    group: str = "reciprocal"
    rate: float
    stack: Literal["add", "floor", "replace"] = "add"
    partners: list[str] = Field(default_factory=lambda: ["*"])
    exclude_partners: list[str] = Field(default_factory=list)
    hs: list[str] = Field(default_factory=list)  # HS2..HS10 prefixes; empty = every product
    exclude_hs: list[str] = Field(default_factory=list)
    replaces: list[str] = Field(default_factory=list)  # groups; empty = every earlier line
    coverage: float = Field(1.0, ge=0.0, le=1.0)
    note: str = ""

    @field_validator("hs", "exclude_hs")
    @classmethod
    def _digits(cls, v: list[str]) -> list[str]:
        return _check_prefixes(v)

    @field_validator("rate")
    @classmethod
    def _rate(cls, v: float) -> float:
        if not 0.0 <= v <= 1000.0:
            raise ValueError("rate is a percentage between 0 and 1000")
        return v


class Scenario(BaseModel):
    name: str
    description: str = ""
    effective: str = ""
    source: str = ""
    include: list[str] = Field(default_factory=list)  # other scenario files stacked first
    exemption: list[Exemption] = Field(default_factory=list)
    line: list[Line] = Field(default_factory=list)


def _check_prefixes(v: list[str]) -> list[str]:
    out = []
    for p in v:
        s = str(p).replace(".", "").strip()
        if not s.isdigit() or not 2 <= len(s) <= 10:
            raise ValueError(f"HS prefix {p!r} must be 2 to 10 digits")
        out.append(s)
    return out


def list_scenarios() -> list[Path]:
    """The scenario files shipped with macrodesk."""
    return sorted(SCENARIO_DIR.glob("*.toml"))


def _resolve(path: str | Path, base: Path | None = None) -> Path:
    p = Path(path)
    for cand in (p, (base / p) if base else None, SCENARIO_DIR / p, SCENARIO_DIR / f"{p}.toml"):
        if cand is not None and cand.is_file():
            return cand
    raise DataError("scenario file not found", source=str(path),
                    hint="give a path, or one of: " + ", ".join(x.stem for x in list_scenarios()))


def load_scenario(path: str | Path, _seen: tuple[Path, ...] = ()) -> Scenario:
    """Read a TOML or YAML scenario (a shipped name like `reciprocal_2025_08` works too);
    included files' exemptions and lines come first."""
    p = _resolve(path, _seen[-1].parent if _seen else None)
    if p.resolve() in _seen:
        raise DataError("scenario includes itself", source=str(p))
    try:
        text = p.read_text(encoding="utf-8")
        raw = yaml.safe_load(text) if p.suffix in (".yaml", ".yml") else tomllib.loads(text)
        scn = Scenario.model_validate(raw or {})
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError, yaml.YAMLError) as exc:
        raise DataError(f"cannot read scenario: {exc}", source=str(p)) from exc
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(x) for x in first["loc"])
        raise DataError(f"invalid scenario at {where}: {first['msg']}", source=str(p),
                        hint="see docs/trade.md for the scenario format") from exc
    for inc in scn.include:
        sub = load_scenario(inc, (*_seen, p.resolve()))
        scn.exemption = sub.exemption + scn.exemption
        scn.line = sub.line + scn.line
    if not scn.line:
        raise DataError("scenario has no [[line]] entries", source=str(p))
    return scn


@dataclass
class LineResult:
    name: str
    group: str
    stack: str
    rate: float
    covered_imports: float  # dollars of weight-year imports the line reaches
    covered_share_pct: float
    contribution_pp: float  # its part of the change in the overall rate


@dataclass
class ScenarioResult:
    name: str
    base_rate_pct: float
    scenario_rate_pct: float
    change_pp: float
    total_imports: float
    lines: list[LineResult]
    by_partner: pd.DataFrame = field(repr=False)

    def lines_frame(self) -> pd.DataFrame:
        return pd.DataFrame([vars(x) for x in self.lines])

    def to_dict(self) -> dict:
        return {
            "name": self.name, "base_rate_pct": self.base_rate_pct,
            "scenario_rate_pct": self.scenario_rate_pct, "change_pp": self.change_pp,
            "total_imports": self.total_imports, "lines": [vars(x) for x in self.lines],
            "by_partner": self.by_partner.to_dict(orient="records"),
        }


def _partner_set(specs: list[str], present: set[str], where: str) -> set[str]:
    lookup = partner_lookup()
    out: set[str] = set()
    for s in specs:
        key = str(s).strip().upper()
        if key == "*":
            out |= present
        elif key in lookup:
            out.add(lookup[key])
        elif key.isdigit() and len(key) == 4:
            out.add(key)
        else:
            raise DataError(f"unknown partner {s!r} in {where}",
                            hint="use a Census country code, an ISO alias (CN) or a name (中国)")
    return out


def _hs_mask(hs10: pd.Series, prefixes: list[str]) -> np.ndarray:
    if not prefixes:
        return np.zeros(len(hs10), dtype=bool)
    return np.array(hs10.str.startswith(tuple(prefixes)).to_numpy(), dtype=bool)


def run_scenario(scenario: Scenario | str | Path,
                 weights: pd.DataFrame | None = None) -> ScenarioResult:
    """Stack the scenario's lines on each HS10 x partner cell of the weights (2024 imports and
    duties by default) and return the overall rate before and after, and each line's part."""
    scn = scenario if isinstance(scenario, Scenario) else load_scenario(scenario)
    w = weights if weights is not None else load_weights()
    imports = w["imports"].to_numpy(dtype=float)
    total = float(imports.sum())
    if total <= 0:
        raise DataError("weights hold no imports")
    base = np.divide(100.0 * w["duty"].to_numpy(dtype=float), imports,
                     out=np.zeros_like(imports), where=imports > 0)
    partner = w["partner"].astype(str)
    # prefix tests run on the distinct HS10 codes, then map back to the cells
    hs_cat = w["hs10"].astype("category")
    hs_codes = hs_cat.cat.codes.to_numpy()
    hs_unique = pd.Series(hs_cat.cat.categories.astype(str))
    present = set(partner.unique())

    inc = np.zeros((len(scn.line), len(w)))
    covered = np.zeros((len(scn.line), len(w)), dtype=bool)
    for i, ln in enumerate(scn.line):
        where = f"line {ln.name!r}"
        mask = partner.isin(_partner_set(ln.partners, present, where)).to_numpy().copy()
        if ln.exclude_partners:
            mask &= ~partner.isin(_partner_set(ln.exclude_partners, present, where)).to_numpy()
        prod = np.ones(len(hs_unique), dtype=bool) if not ln.hs else _hs_mask(hs_unique, ln.hs)
        prod &= ~_hs_mask(hs_unique, ln.exclude_hs)
        for ex in scn.exemption:
            if ln.group in ex.applies_to or "*" in ex.applies_to:
                prod &= ~_hs_mask(hs_unique, ex.hs)
        mask &= prod[hs_codes]
        covered[i] = mask
        if ln.stack == "add":
            inc[i, mask] = ln.rate * ln.coverage
        elif ln.stack == "floor":
            so_far = base[mask] + inc[:i, mask].sum(axis=0)
            inc[i, mask] = np.maximum(0.0, ln.rate - so_far) * ln.coverage
        else:  # replace
            earlier = [j for j in range(i) if not ln.replaces or scn.line[j].group in ln.replaces]
            for j in earlier:
                inc[j, mask] = inc[j, mask] * (1.0 - ln.coverage)
            inc[i, mask] = ln.rate * ln.coverage

    contrib = inc @ imports / total  # percentage points of the overall rate, line by line
    lines = [LineResult(ln.name, ln.group, ln.stack, ln.rate,
                        float(imports[covered[i]].sum()),
                        100.0 * float(imports[covered[i]].sum()) / total, float(contrib[i]))
             for i, ln in enumerate(scn.line)]
    base_rate = 100.0 * float(w["duty"].sum()) / total
    new_duty = imports * (base + inc.sum(axis=0)) / 100.0
    bp = pd.DataFrame({"partner": partner, "imports": imports, "duty": w["duty"].to_numpy(float),
                       "new_duty": new_duty}).groupby("partner", sort=False).sum()
    bp["base_rate_pct"] = 100.0 * bp["duty"] / bp["imports"]
    bp["scenario_rate_pct"] = 100.0 * bp["new_duty"] / bp["imports"]
    bp["contribution_pp"] = 100.0 * (bp["new_duty"] - bp["duty"]) / total
    bp = bp.reset_index()
    bp.insert(1, "partner_name", bp["partner"].map(partner_names()).fillna(bp["partner"]))
    bp = bp.drop(columns=["duty", "new_duty"]).sort_values("contribution_pp", ascending=False)
    change = float(contrib.sum())
    return ScenarioResult(scn.name, base_rate, base_rate + change, change, total, lines,
                          bp.reset_index(drop=True))
