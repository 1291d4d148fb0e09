"""Write a file so that whoever reads it, and whatever stops the writer, sees either the
old content or the new one, never half of it: write a temporary file beside it, then
rename it over the old one (a rename within a folder is atomic on POSIX)."""

from __future__ import annotations

import contextlib
import os
import secrets
from pathlib import Path


def write_atomic(path: Path, content: str | bytes, encoding: str = "utf-8") -> None:
    """Replace `path` with `content` in one step; text is written in `encoding`."""
    data = content.encode(encoding) if isinstance(content, str) else content
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(f".{path.name}.{os.getpid()}-{secrets.token_hex(4)}.tmp")
    # os.open, not tempfile.mkstemp: mkstemp makes the file private (0600), and the site's
    # pages must stay readable by the web server, as the umask allows.
    fd = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(data)
        os.replace(partial, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            partial.unlink()
        raise
