"""Atomic file writes: a reader never sees a half-written post, archive export or chart."""

from __future__ import annotations

import errno
import os
import tempfile
from pathlib import Path

from macrodesk.errors import WriteError

_WHY = {errno.ENOSPC: ("the disk is full", "free some space and run again"),
        errno.EDQUOT: ("the disk quota is used up", "free some space and run again"),
        errno.EROFS: ("the folder is on a read-only file system",
                      "write somewhere else, or set MACRODESK_HOME to a writable folder"),
        errno.EACCES: ("no permission to write there",
                       "write somewhere else, or set MACRODESK_HOME to a writable folder"),
        errno.EPERM: ("no permission to write there",
                      "write somewhere else, or set MACRODESK_HOME to a writable folder"),
        errno.ENOTDIR: ("a file stands where a folder is needed",
                        "move that file, or write somewhere else")}


def atomic_write(path: str | Path, data: str | bytes, encoding: str = "utf-8") -> Path:
    """Write to a temporary file beside `path`, fsync, then rename over it. A read-only folder,
    missing permission or a full disk is one WriteError naming the file (nothing half-written
    is left behind)."""
    target = Path(path)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    except OSError as exc:
        raise write_error(exc, target) from exc
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data.encode(encoding) if isinstance(data, str) else data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, target)
    except BaseException as exc:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        if isinstance(exc, OSError) and exc.errno in _WHY:
            raise write_error(exc, target) from exc
        raise
    return target


def write_error(exc: OSError, target: Path) -> Exception:
    """The WriteError saying why `target` cannot be written, or `exc` itself for other causes."""
    if exc.errno not in _WHY:
        return exc
    why, hint = _WHY[exc.errno]
    return WriteError(f"cannot write: {why}", source=str(target), hint=hint)
