"""The ``costmodel`` command line: ``validate``, ``describe``, ``run`` and ``report``.

Exit status: 0 on success, 2 for anything the user can fix (a bad scenario, bad arguments, an
output file that already exists), 1 for an internal error. A user error never shows a Python
traceback.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

import numpy as np

from . import __version__, engine, scenario
from .engine.chunks import run_compact
from .engine.results import Results
from .errors import ScenarioError, printable
from .scenario.payers import SOCIETY
from .text import messages
from .views import figures
from .views.output import Progress, announce, write_all
from .views.table import render_csv, render_parameters, render_table

EXIT_USER = 2


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        print(f"{self.prog}: error: {message}", file=sys.stderr)
        raise SystemExit(EXIT_USER)


def _parser() -> argparse.ArgumentParser:
    p = _Parser(
        prog="costmodel",
        description="Kostnader och nyttor av sociala insatsgrupper "
        "(SIG) – Monte Carlo-modell. / Costs and benefits of SIG.",
    )
    p.add_argument("--version", action="version", version=f"costmodel {__version__}")
    sub = p.add_subparsers(dest="command", required=True, parser_class=_Parser)
    v = sub.add_parser("validate", help="check scenario files / granska scenariofiler")
    v.add_argument("files", nargs="+", metavar="FILE")
    v.add_argument("--lang", choices=["sv", "en"], default="sv")
    d = sub.add_parser("describe", help="list parameters and sources / lista parametrar")
    d.add_argument("file", metavar="FILE")
    d.add_argument("--lang", choices=["sv", "en"], default="sv")
    se = sub.add_parser(
        "sensitivity",
        help="what drives the result: tornado, switching values, value of information / "
        "känslighetsanalys",
    )
    se.add_argument("file", metavar="FILE")
    se.add_argument("--format", choices=["table", "json"], default="table")
    se.add_argument("--iterations", "-n", type=int, help="Monte Carlo iterations")
    se.add_argument("--seed", type=int, help="random seed (default: the scenario's)")
    se.add_argument("--lang", choices=["sv", "en"], default="sv")
    se.add_argument("--perspective", help="kommun, stat, region, brottsoffer, ovrigt or samhalle")
    cm = sub.add_parser(
        "compare", help="scenarios side by side, each against the first / jämför scenarier"
    )
    cm.add_argument("files", nargs="+", metavar="FILE")
    cm.add_argument("--format", choices=["table", "json"], default="table")
    cm.add_argument("--iterations", "-n", type=int, help="Monte Carlo iterations")
    cm.add_argument("--seed", type=int, help="random seed (default: the first scenario's)")
    cm.add_argument("--lang", choices=["sv", "en"], default="sv")
    cm.add_argument("--perspective", help="kommun, stat, region, brottsoffer, ovrigt or samhalle")
    rp = sub.add_parser(
        "report", help="a report for funding applications / rapport: docx, xlsx or html"
    )
    rp.add_argument("file", metavar="FILE")
    rp.add_argument("--format", choices=["docx", "xlsx", "html"], default="docx")
    rp.add_argument("--out", metavar="PATH", help="file or directory (default: named by run)")
    rp.add_argument("--force", action="store_true", help="overwrite an existing file")
    rp.add_argument("--iterations", "-n", type=int, help="Monte Carlo iterations")
    rp.add_argument("--seed", type=int, help="random seed (default: the scenario's)")
    rp.add_argument("--lang", choices=["sv", "en"], default="sv")
    rp.add_argument("--perspective", help="kommun, stat, region, brottsoffer, ovrigt or samhalle")
    sub.add_parser(
        "schema",
        help="print the JSON Schema of a scenario file / skriv ut scenarioformatets JSON Schema",
    )
    r = sub.add_parser("run", help="run a scenario / kör ett scenario")
    r.add_argument("file", metavar="FILE")
    r.add_argument("--iterations", "-n", type=int, help="Monte Carlo iterations")
    r.add_argument("--seed", type=int, help="random seed (default: the scenario's)")
    mode = r.add_mutually_exclusive_group()
    mode.add_argument(
        "--deterministic",
        action="store_true",
        help="central values only: each distribution's most likely value",
    )
    mode.add_argument(
        "--published",
        action="store_true",
        help="the figures the sources published (central values for the rest): "
        "reproduces the published hand calculations",
    )
    r.add_argument("--format", choices=["table", "json", "csv"], default="table")
    r.add_argument("--lang", choices=["sv", "en"], default="sv")
    r.add_argument("--perspective", help="kommun, stat, region, brottsoffer, ovrigt or samhalle")
    r.add_argument("--out", metavar="DIR", help="also write results (json, csv, txt) to DIR")
    r.add_argument("--force", action="store_true", help="overwrite existing files in --out")
    r.add_argument(
        "--samples",
        action="store_true",
        help="with --out: also write every iteration's inputs and net benefits as CSV",
    )
    return p


def samples_csv(results: Results) -> str:
    """One row per iteration: every input (base units, scenario prices) and net benefits."""
    import pandas as pd

    columns: dict[str, np.ndarray] = {"iteration": np.arange(1, results.n + 1)}
    columns.update(results.inputs)
    for payer in [SOCIETY, *results.payers()]:
        columns[f"net_benefit.{payer}"] = results.net(payer)
        columns[f"net_benefit_undiscounted.{payer}"] = results.net(payer, discounted=False)
    return pd.DataFrame(columns).to_csv(index=False, float_format="%.10g", lineterminator="\n")


def _print_problems(exc: ScenarioError, lang: str) -> None:
    for p in exc.problems:
        print(messages.render(p, lang), file=sys.stderr)


def _validate(files: list[str], lang: str) -> int:
    status = 0
    for f in files:
        try:
            s = scenario.load(f)
        except ScenarioError as exc:
            _print_problems(exc, lang)
            status = EXIT_USER
            continue
        words = "parametrar" if lang == "sv" else "parameters"
        print(
            f"{printable(f)}: OK ({s.method}, {len(s.parameters)} {words}, sha256 {s.short_hash})"
        )
    return status


def _option_problem(args: argparse.Namespace, fewest: int) -> str:
    """What is wrong with --iterations, --seed or --perspective ("" if nothing)."""
    from .scenario.payers import PERSPECTIVES

    n = args.iterations
    if n is not None and not fewest <= n <= scenario.MAX_ITERATIONS:
        return f"--iterations {n} is out of range; expected {fewest} to {scenario.MAX_ITERATIONS}"
    if args.seed is not None and args.seed < 0:
        return "--seed must be a non-negative whole number"
    if args.perspective is not None and args.perspective not in PERSPECTIVES:
        return (
            f"unknown --perspective {args.perspective!r}; expected one of {', '.join(PERSPECTIVES)}"
        )
    return ""


def _refuse(problem: str) -> int:
    print(f"costmodel: error: {printable(problem, 1000)}", file=sys.stderr)
    return EXIT_USER


def _stamp_line(files: list[tuple[str, str]], n: int, seed: int, lang: str) -> str:
    """The stamp under a table: iterations, seed, version, and each file with its hash."""
    from .text.i18n import t

    where = ", ".join(f"{printable(f)} (sha256 {h[:12]})" for f, h in files)
    return (
        f"{t('iterations', lang)} {n}, {t('seed', lang).lower()} {seed} | "
        f"{t('version', lang)} {__version__} | {where}\n"
    )


def _compare(args: argparse.Namespace) -> int:
    from .views import compare

    loaded = [scenario.load(f) for f in args.files]
    problem = _option_problem(args, fewest=2)
    if problem:
        return _refuse(problem)
    first = loaded[0].meta
    persp = args.perspective or first.perspective
    n = args.iterations or max(first.iterations, 2)
    seed = first.seed if args.seed is None else args.seed
    announce(n, args.lang, runs=len(loaded))
    result = {"version": __version__, **compare.compare(loaded, persp, n, seed)}
    figures.check_finite(result, loaded[0])
    if args.format == "json":
        sys.stdout.write(json.dumps(result, indent=2, ensure_ascii=False, allow_nan=False) + "\n")
    else:
        sys.stdout.write(compare.render(result, loaded, args.lang))
        files = [(f, s.sha256) for f, s in zip(args.files, loaded, strict=True)]
        sys.stdout.write("\n" + _stamp_line(files, n, seed, args.lang))
    return 0


def _sensitivity(args: argparse.Namespace) -> int:
    from .views import sensitivity

    s = scenario.load(args.file)
    problem = _option_problem(args, fewest=2)
    if problem:
        return _refuse(problem)
    announce(s.meta.iterations if args.iterations is None else args.iterations, args.lang)
    results = engine.run(s, iterations=args.iterations, seed=args.seed)
    figures.check(results.summary(args.perspective), s, results)
    analysis = sensitivity.analyse(results, s, args.perspective)
    figures.check_finite(analysis, s)
    if args.format == "json":
        stamped = {"stamp": results.stamp_dict(), **analysis}
        text = json.dumps(stamped, indent=2, ensure_ascii=False, allow_nan=False) + "\n"
    else:
        text = sensitivity.render(analysis, s, args.lang)
        stamp = results.stamp
        text += "\n" + _stamp_line([(args.file, s.sha256)], stamp.iterations, stamp.seed, args.lang)
    sys.stdout.write(text)
    return 0


def _report(args: argparse.Namespace) -> int:
    from .reports import command

    s = scenario.load(args.file)
    problem = _option_problem(args, fewest=2)
    return _refuse(problem) if problem else command.run(args, s)


def _run(args: argparse.Namespace) -> int:
    s = scenario.load(args.file)
    problem = _option_problem(args, fewest=1)
    if problem:
        return _refuse(problem)
    if args.samples and not args.out:
        return _refuse("--samples needs --out DIR; expected both")
    if args.published and not s.published:
        return _refuse(
            f"{args.file} has no published figures; expected a scenario "
            "whose parameters carry 'published:', or --deterministic"
        )
    if args.deterministic or args.published or args.samples:
        results = engine.run(
            s,
            iterations=args.iterations,
            seed=args.seed,
            deterministic=args.deterministic,
            published=args.published,
        )
    else:  # in pieces: a run of millions keeps only what its summary reads
        persp = [args.perspective] if args.perspective else None
        n = s.meta.iterations if args.iterations is None else args.iterations
        results = run_compact(
            s, iterations=n, seed=args.seed, perspectives=persp, progress=Progress(n, args.lang)
        )
    summary = results.summary(args.perspective)
    figures.check(summary, s, results)  # a non-finite or absurd result is a user error
    renderers = {
        "json": lambda: json.dumps(summary, indent=2, ensure_ascii=False, allow_nan=False) + "\n",
        "csv": lambda: render_csv(summary),
        "table": lambda: render_table(summary, args.lang),
    }
    wanted = ["json", "csv", "table"] if args.out else [args.format]
    texts = {key: renderers[key]() for key in wanted}
    if args.out:
        out = Path(args.out)
        tag = (
            "published"
            if args.published
            else "det"
            if args.deterministic
            else f"seed{summary['seed']}-n{summary['iterations']}"
        )
        stem = f"{Path(args.file).stem}-{s.short_hash}-{summary['perspective']}-{tag}"
        targets = {
            out / f"{stem}.{ext}": texts[key]
            for key, ext in (("json", "json"), ("csv", "csv"), ("table", "txt"))
        }
        if args.samples:
            targets[out / f"{stem}-samples.csv"] = samples_csv(results)
        existing = [str(p) for p in targets if p.exists()]
        if existing and not args.force:
            print(
                f"costmodel: error: {printable(', '.join(existing), 1000)} already exists; "
                "expected a new "
                "--out directory, or --force to overwrite",
                file=sys.stderr,
            )
            return EXIT_USER
        try:
            out.mkdir(parents=True, exist_ok=True)
            write_all(targets)  # all files whole, or none (Ctrl-C, a full disk)
        except OSError as exc:
            print(
                f"costmodel: error: cannot write to {printable(str(out))}: {exc.strerror}; "
                "expected a "
                "writable directory",
                file=sys.stderr,
            )
            return EXIT_USER
        wrote = "Skrev {n} filer i" if args.lang == "sv" else "Wrote {n} files to"
        where = printable(f"{out}/ ({stem}.*)")
        print(f"{wrote.format(n=len(targets))} {where}", file=sys.stderr)
    sys.stdout.write(texts[args.format])
    return 0


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        if args.command == "validate":
            return _validate(args.files, args.lang)
        if args.command == "schema":
            from .scenario.schema import json_schema

            sys.stdout.write(json.dumps(json_schema(), indent=2, ensure_ascii=False) + "\n")
            return 0
        if args.command == "compare":
            return _compare(args)
        if args.command == "sensitivity":
            return _sensitivity(args)
        if args.command == "report":
            return _report(args)
        if args.command == "describe":
            s = scenario.load(args.file)
            sys.stdout.write(render_parameters(s, args.lang))
            return 0
        return _run(args)
    except ScenarioError as exc:
        _print_problems(exc, getattr(args, "lang", "sv"))
        return EXIT_USER
    except engine.TooLarge as exc:
        print(f"costmodel: error: {exc}", file=sys.stderr)
        return EXIT_USER
    except KeyboardInterrupt:
        lang = getattr(args, "lang", "sv")
        print(
            "\ncostmodel: avbrutet; ingen halvskriven fil lämnades kvar"
            if lang == "sv"
            else "\ncostmodel: interrupted; no half-written file was left",
            file=sys.stderr,
        )
        return 130
    except BrokenPipeError:
        return 0
    except Exception as exc:  # an internal error: say so in one line, traceback on request
        if os.environ.get("COSTMODEL_DEBUG"):
            raise
        print(
            f"costmodel: internal error: {type(exc).__name__}: {printable(str(exc))} "
            "(this is a bug in costmodel, not in your file; run with COSTMODEL_DEBUG=1 for "
            "details)",
            file=sys.stderr,
        )
        return 1


if __name__ == "__main__":
    raise SystemExit(main())
