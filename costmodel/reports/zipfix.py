"""Office files are zip archives whose entries carry the time they were written; rewrite them
with one fixed date so that the same report on the same day is the same file, byte for byte."""

from __future__ import annotations

import datetime
import io
import zipfile


def fix_dates(data: bytes, date: datetime.date) -> bytes:
    """``data`` (a zip archive) with every entry dated ``date`` at midnight, order kept."""
    stamp = (max(date.year, 1980), date.month, date.day, 0, 0, 0)
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(data)) as src,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst,
    ):
        for info in src.infolist():
            entry = zipfile.ZipInfo(info.filename, date_time=stamp)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = info.external_attr
            dst.writestr(entry, src.read(info.filename))
    return out.getvalue()
