"""Settings from a TOML file plus environment variables; every default works with no file."""

from __future__ import annotations

import difflib
import os
import tomllib
import warnings
from dataclasses import dataclass, field
from pathlib import Path

from platformdirs import user_data_dir

from macrodesk.errors import ConfigError

DEFAULT_DISCLAIMER = (
    "本报告基于公开资料整理，由本工具从原文自动摘录生成，不构成任何投资建议。"
    "文中观点与数据均来自所列原文，未必反映原作者机构的最新立场。"
    "投资者应独立判断并自行承担风险。证券市场有风险，投资需谨慎。"
)


class ConfigWarning(UserWarning):
    """A setting macrodesk does not read (a misspelt section or key): reported, not fatal, so
    a config shared with a newer version still works."""


# every section and key some stage reads; `X_env = "VAR"` may stand for any key X of a delivery
# channel. Keep in step with the readers of the config (a test greps the code for them).
KNOWN: dict[str, set[str]] = {
    "macrodesk": {"engine", "tz", "disclaimer", "max_file_mb"},
    "llm": {"provider", "base_url", "api_key", "api_key_env", "model", "timeout", "max_retries",
            "backoff", "max_backoff", "temperature", "max_output_tokens", "max_prompt_tokens",
            "shortlist_share", "json_mode", "cache", "no_fallback", "verbose", "price_input",
            "price_output", "prompt_version", "prompt_dir", "idle_timeout", "budget", "local",
            "retry_timeouts", "stream", "record_dir"},
    "publish": {"site", "git", "push", "cite"},
    "daily": {"sources"},
    "store": {"backend", "path"},
    "fetch": {"allow_hosts", "deadline", "timeout"},
    "trade": {"census_key", "census_url", "fred_key", "fred_api_url", "fred_csv_url"},
    "delivery": {"retries", "backoff", "site_url", "post_url"},
}
CHANNEL_KEYS = {"type", "enabled", "webhook", "secret", "token", "chat_id", "host", "port", "ssl",
                "starttls", "username", "password", "from", "to", "subject", "timeout",
                "api_base"}


def _nearest(name: str, valid: set[str]) -> str:
    match = difflib.get_close_matches(name, sorted(valid), n=1, cutoff=0.6)
    return f"did you mean {match[0]!r}? " if match else ""


def unknown_settings(data: dict) -> list[str]:
    """One line per section or key of `data` (a parsed config) that nothing reads, with the
    nearest valid name and the full list."""
    problems = []
    for section, table in data.items():
        if section not in KNOWN:
            problems.append(f"unknown section [{section}]: {_nearest(section, set(KNOWN))}"
                            f"(sections: {', '.join(sorted(KNOWN))})")
            continue
        if not isinstance(table, dict):
            continue
        for key, value in table.items():
            if section == "delivery" and isinstance(value, dict):  # a channel table
                for k in value:
                    base = k.removesuffix("_env")
                    if base not in CHANNEL_KEYS:
                        problems.append(f"unknown key {k!r} in [delivery.{key}]: "
                                        f"{_nearest(base, CHANNEL_KEYS)}"
                                        f"(keys: {', '.join(sorted(CHANNEL_KEYS))})")
            elif key not in KNOWN[section]:
                problems.append(f"unknown key {key!r} in [{section}]: "
                                f"{_nearest(key, KNOWN[section])}"
                                f"(keys: {', '.join(sorted(KNOWN[section]))})")
    return problems


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
    """Read the TOML file (if any), then let MACRODESK_* environment variables override it.
    A section or key nothing reads is reported as a ConfigWarning naming the nearest valid one."""
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
    for problem in unknown_settings(data):
        warnings.warn(f"{p}: {problem}; ignored", ConfigWarning, stacklevel=2)
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
