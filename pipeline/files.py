"""Atomic file writes shared by the CLI, the story library, the edits overlay and the exports.

A crash or a refused target leaves each file either as it was or complete, never half-written.
"""
from __future__ import annotations

import errno
import os
import tempfile
from pathlib import Path


def write_all(files: dict[Path, str | bytes]) -> None:
    """Write every file to a temporary name first, then rename them all: a failure before the
    renames (disk full, a target that is a folder) leaves every earlier file as it was."""
    tmps: list[str] = []
    try:
        for path, data in files.items():
            path = Path(path)
            if path.exists() and not path.is_file():
                raise IsADirectoryError(errno.EISDIR, "not a regular file", str(path))
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
            tmps.append(tmp)
            with os.fdopen(fd, "wb") as f:
                f.write(data.encode("utf-8") if isinstance(data, str) else data)
                f.flush()
                os.fsync(f.fileno())
            os.chmod(tmp, 0o644)  # mkstemp makes owner-only files; outputs are meant to be shared
        for tmp, path in zip(tmps, files):
            os.replace(tmp, path)
    finally:
        for tmp in tmps:
            if os.path.exists(tmp):
                os.unlink(tmp)


def write(path: str | os.PathLike, data: str | bytes) -> None:
    """One file, atomically."""
    write_all({Path(path): data})
