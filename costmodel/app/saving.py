"""Saving a tuned scenario without losing anything: pure helpers, no Streamlit.

- :func:`file_for`: the file a variant name is saved to, always a plain ``.yaml`` name inside
  the scenario folder (no path, no hidden file, whatever the name says);
- :func:`write_atomic`: the text written to a temporary file in the same folder and renamed
  over the target, so a reader never sees half a file; an existing file is replaced only with
  ``overwrite=True`` (the page asks first), else :class:`FileExistsError`;
- :func:`unique_name`: a variant name not yet taken ('Växjö (justerad) 2').
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Collection
from pathlib import Path

from .common import slug

MAX_STEM = 80


def file_for(folder: Path, name: str) -> Path:
    """``folder``/<name as a safe file stem>.yaml."""
    stem = slug(name).replace("_", "-")[:MAX_STEM].strip("-") or "variant"
    return folder / f"{stem}.yaml"


def write_atomic(path: Path, text: str, overwrite: bool = False) -> None:
    """Write ``text`` to ``path`` through a temporary file and a rename; refuse to replace an
    existing file unless ``overwrite``."""
    if path.exists() and not overwrite:
        raise FileExistsError(str(path))
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.stem}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(text)
            f.flush()
            os.fsync(f.fileno())
        if overwrite:
            os.replace(tmp, path)
        else:
            # link + unlink: fails if the file appeared meanwhile, so nothing is overwritten
            os.link(tmp, path)
            os.unlink(tmp)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def unique_name(name: str, taken: Collection[str]) -> str:
    """``name``, or ``name 2``, ``name 3`` ... the first one not in ``taken``."""
    if name not in taken:
        return name
    n = 2
    while f"{name} {n}" in taken:
        n += 1
    return f"{name} {n}"
