"""Dates as Chinese research writes them: publication times with their zone (Beijing time when
none is written), and UTC offsets like +0800."""

from __future__ import annotations

import re
from datetime import datetime, timedelta, timezone

from macrodesk.errors import ConfigError

# Chinese research is published on Beijing time; a date without a zone is read as +08:00
DEFAULT_TZ = timezone(timedelta(hours=8))


def parse_date(value: object) -> datetime | None:
    """A publication date-time with its zone; one written without a zone is Beijing time."""
    parsed = parse_naive(value)
    if parsed is not None and parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=DEFAULT_TZ)
    return parsed


def parse_naive(value: object) -> datetime | None:
    if isinstance(value, datetime):
        return value
    if value is None:
        return None
    text = str(value).strip()
    for candidate in (text, text.replace("Z", "+00:00"), text.replace(" ", "T", 1)):
        try:
            return datetime.fromisoformat(candidate)
        except ValueError:
            continue
    try:  # RFC 822 dates of feeds and HTTP headers
        from email.utils import parsedate_to_datetime

        return parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        pass
    m = re.match(r"(\d{4})[年/.-](\d{1,2})[月/.-](\d{1,2})日?(?:\s*(\d{1,2})[:：](\d{2}))?", text)
    if m:
        hour, minute = (int(m.group(4)), int(m.group(5))) if m.group(4) else (0, 0)
        try:
            return datetime(int(m.group(1)), int(m.group(2)), int(m.group(3)), hour, minute)
        except ValueError:
            return None
    return None


def parse_tz(tz: str) -> timezone:
    """'+0800' / '+08:00' / '-0500' to a fixed-offset timezone."""
    m = re.fullmatch(r"([+-])(\d{2}):?(\d{2})", tz.strip())
    if not m:
        raise ConfigError(f"bad UTC offset {tz!r}", hint="write it like +0800")
    sign = 1 if m.group(1) == "+" else -1
    return timezone(sign * timedelta(hours=int(m.group(2)), minutes=int(m.group(3))))
