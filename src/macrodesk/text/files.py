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


def _umask() -> int:
    # reading the umask means setting it; done once per process, before any thread writes
    global _UMASK
    if _UMASK is None:
        _UMASK = os.umask(0o022)
        os.umask(_UMASK)
    return _UMASK


_UMASK: int | None = None


def atomic_write(path: str | Path, data: str | bytes, encoding: str = "utf-8",
                 mode: int = 0o666) -> Path:
    """Write to a temporary file beside `path`, fsync, then rename over it. The file ends with
    the usual permissions (`mode` less the umask: 0644 under umask 022); the temporary file
    stays private until the rename. A read-only folder, missing permission or a full disk
    is one WriteError naming the file (nothing half-written is left behind)."""
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
        os.chmod(tmp, mode & ~_umask())
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
