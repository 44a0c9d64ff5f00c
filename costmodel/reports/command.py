"""``costmodel report``: build the report of one scenario and write it as docx, xlsx or html.

The file goes to ``--out`` (a file name with the format's suffix, or a directory) or to the
working directory, named like ``costmodel run --out``'s files: scenario, hash, perspective,
seed and iterations. An existing file is never overwritten without ``--force``, and the file
is written whole or not at all (:func:`costmodel.views.output.write_all`); every problem the
user can fix is one line ``costmodel: error: ...; expected ...`` and exit status 2.
The report's date is today, or ``SOURCE_DATE_EPOCH`` (seconds since 1970, UTC) when set, the
usual way to make a build reproducible.
"""

from __future__ import annotations

import argparse
import datetime
import os
import sys
from pathlib import Path

from ..errors import printable
from ..scenario import Scenario
from ..views.output import write_all
from . import build, render

EXIT_USER = 2


def report_date() -> datetime.date:
    """Today, or the date of ``SOURCE_DATE_EPOCH`` when it is set to a whole number."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return datetime.datetime.fromtimestamp(int(epoch), datetime.UTC).date()
    return datetime.date.today()


def default_name(
    stem: str, s: Scenario, fmt: str, perspective: str, seed: int, iterations: int
) -> str:
    """'vaxjo-6cb1e386be97-kommun-seed20150801-n10000.docx', like ``run --out``'s files."""
    return f"{stem}-{s.short_hash}-{perspective}-seed{seed}-n{iterations}.{fmt}"


def _error(message: str) -> int:
    print(f"costmodel: error: {printable(message, 1000)}", file=sys.stderr)
    return EXIT_USER


def run(args: argparse.Namespace, s: Scenario) -> int:
    """Write the report ``args`` asks for (options already checked); the exit status."""
    fmt = args.format
    persp = args.perspective or s.meta.perspective
    seed = s.meta.seed if args.seed is None else args.seed
    n = args.iterations or s.meta.iterations
    name = default_name(Path(args.file).stem, s, fmt, persp, seed, n)
    if args.out is None:
        target = Path(name)
    else:
        out = Path(args.out)
        is_dir = out.is_dir() or args.out.endswith(("/", os.sep))
        target = out / name if is_dir else out
        if not is_dir and target.suffix.lower() != f".{fmt}":
            return _error(
                f"--out {args.out} does not end in .{fmt}; expected a file name ending in "
                f".{fmt}, or a directory"
            )
    if target.exists() and not args.force:
        return _error(
            f"{target} already exists; expected a new --out path, or --force to overwrite"
        )
    report = build(
        s,
        lang=args.lang,
        perspective=persp,
        iterations=n,
        seed=seed,
        date=report_date(),
        file=args.file,
    )
    data = render(report, fmt)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        write_all({target: data})  # whole or not at all
    except OSError as exc:
        return _error(f"cannot write {target}: {exc.strerror}; expected a writable path")
    word = "Skrev" if args.lang == "sv" else "Wrote"
    print(f"{word} {target}", file=sys.stderr)
    return 0
