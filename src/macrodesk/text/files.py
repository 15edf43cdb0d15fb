"""Atomic file writes: a reader never sees a half-written post, archive export or chart."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


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
    stays private until the rename."""
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data.encode(encoding) if isinstance(data, str) else data)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, mode & ~_umask())
        os.replace(tmp, target)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise
    return target
