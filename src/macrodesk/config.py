"""Settings from a TOML file plus environment variables; every default works with no file."""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from platformdirs import user_data_dir

from macrodesk.errors import ConfigError

DEFAULT_DISCLAIMER = (
    "本报告基于公开资料整理，由本工具从原文自动摘录生成，不构成任何投资建议。"
    "文中观点与数据均来自所列原文，未必反映原作者机构的最新立场。"
    "投资者应独立判断并自行承担风险。证券市场有风险，投资需谨慎。"
)


def home() -> Path:
    """Where the archive, cache and config live: $MACRODESK_HOME, else the user data folder."""
    env = os.environ.get("MACRODESK_HOME")
    return Path(env).expanduser() if env else Path(user_data_dir("macrodesk", appauthor=False))


@dataclass
class Config:
    engine: str = "extractive"
    tz: str = "+0800"
    disclaimer: str = DEFAULT_DISCLAIMER
    max_file_mb: float = 20.0
    home: Path = field(default_factory=home)
    # free-form sections for the stages that need them (llm, publish, delivery, sources...)
    sections: dict[str, dict] = field(default_factory=dict)

    @property
    def max_file_bytes(self) -> int:
        return int(self.max_file_mb * 1024 * 1024)

    def section(self, name: str) -> dict:
        return dict(self.sections.get(name, {}))


def config_path() -> Path:
    env = os.environ.get("MACRODESK_CONFIG")
    return Path(env).expanduser() if env else home() / "config.toml"


def load_config(path: str | Path | None = None) -> Config:
    """Read the TOML file (if any), then let MACRODESK_* environment variables override it."""
    p = Path(path) if path else config_path()
    data: dict = {}
    if p.exists():
        try:
            data = tomllib.loads(p.read_text(encoding="utf-8"))
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
            raise ConfigError(f"not valid TOML: {exc}", source=str(p),
                              hint="fix the file or remove it to use the defaults") from exc
    elif path:
        raise ConfigError("config file not found", source=str(p))
    core = data.get("macrodesk", {})
    cfg = Config(sections={k: v for k, v in data.items() if isinstance(v, dict)})
    for key in ("engine", "tz", "disclaimer"):
        if key in core:
            setattr(cfg, key, str(core[key]))
    if "max_file_mb" in core:
        try:
            cfg.max_file_mb = float(core["max_file_mb"])
        except (TypeError, ValueError) as exc:
            raise ConfigError("max_file_mb must be a number", source=str(p)) from exc
    cfg.engine = os.environ.get("MACRODESK_ENGINE", cfg.engine)
    cfg.tz = os.environ.get("MACRODESK_TZ", cfg.tz)
    return cfg
