"""``vnnews-extract batch INPUT... -o OUTDIR``: extract every page of files, directories, globs, JSONL, WARC.

The command accounts for every input: it ends with the summary line ``inputs N = articles A + errors E``
(also in OUTDIR/summary.json), shows a progress bar only when stderr is a terminal, and after a crash or
Ctrl-C ``--resume`` carries on where the outputs end. Exit status: 0 when every input was processed
(pages that failed are in errors.jsonl, not a failure of the command), 2 for a usage error, 130 when
interrupted.
"""

from __future__ import annotations

import argparse
import importlib.util
import signal
import sys
import threading
from collections.abc import Generator, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from types import FrameType
from typing import IO

from ..pipeline import extract
from .inputs import Readable, iter_inputs
from .model import Failure, Item
from .outputs import BatchWriter, OutdirError
from .runner import Extractor, Outcome, extract_outcomes

__all__ = ["DEFAULT_TIMEOUT", "build_parser", "main"]

DEFAULT_TIMEOUT = 60.0
"""Seconds a page may take: a real page takes milliseconds, so one past this is pathological."""

_EXIT_USAGE = 2
_EXIT_INTERRUPTED = 130  # 128 + SIGINT, what a shell reports for Ctrl-C


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="vnnews-extract batch",
        description="Extract every page of INPUT (files, directories, globs, .gz, JSONL, WARC, '-' for stdin).",
    )
    parser.add_argument("inputs", nargs="+", metavar="INPUT")
    parser.add_argument("-o", "--output", required=True, type=Path, metavar="OUTDIR")
    parser.add_argument("--workers", type=int, default=None, help="processes (default: one per CPU; 0: no pool)")
    parser.add_argument(
        "--format",
        choices=("jsonl", "parquet"),
        default="jsonl",
        help="parquet: also write metrics.parquet (needs pyarrow: the [parquet] extra)",
    )
    parser.add_argument("--resume", action="store_true", help="skip inputs already in OUTDIR")
    parser.add_argument(
        "--timeout", type=float, default=DEFAULT_TIMEOUT, help=f"seconds per page (default {DEFAULT_TIMEOUT:g})"
    )
    parser.add_argument("--engine", choices=("local", "dask"), default="local")
    parser.add_argument("--scheduler", metavar="ADDRESS", help="Dask scheduler address (with --engine dask)")
    return parser


def _pending(entries: Iterable[Item | Failure], done: set[str]) -> Iterator[Item | Failure]:
    for entry in entries:
        if (entry.id if isinstance(entry, Item) else entry.input_id) not in done:
            yield entry


def _progress(outcomes: Iterator[Outcome], writer: BatchWriter, stream: IO[str]) -> Generator[Outcome, None, None]:
    """The outcomes, drawing a progress bar on a terminal (tqdm stays silent when `stream` is not one)."""
    from tqdm import tqdm

    with tqdm(outcomes, unit=" pages", file=stream, disable=not stream.isatty(), mininterval=0.5) as bar:
        for outcome in bar:
            if isinstance(outcome.result, Failure):
                bar.set_postfix_str(f"errors {writer.tally.errors + 1}", refresh=False)
            yield outcome


class _RecordGuard:
    """Ctrl-C stops the run at once, except while a record is being written: then just after it.

    A record is then either on disk and counted in the summary, or neither, so the summary line of an
    interrupted run matches its files exactly.
    """

    def __init__(self) -> None:
        self._writing = False
        self._pending = False

    def on_interrupt(self, signum: int, frame: FrameType | None) -> None:
        if not self._writing:
            raise KeyboardInterrupt
        self._pending = True

    @contextmanager
    def record(self) -> Iterator[None]:
        self._writing = True
        try:
            yield
        finally:
            self._writing = False
        if self._pending:
            raise KeyboardInterrupt

    @contextmanager
    def installed(self) -> Iterator[None]:
        """Handle SIGINT while the body runs (only the main thread can; elsewhere Ctrl-C stays as it was)."""
        if threading.current_thread() is not threading.main_thread():
            yield
            return
        previous = signal.signal(signal.SIGINT, self.on_interrupt)
        try:
            yield
        finally:
            signal.signal(signal.SIGINT, previous)


def _run_local(args: argparse.Namespace, stdin: Readable | None, extractor: Extractor | None) -> int:
    writer = BatchWriter(args.output, resume=args.resume, parquet=args.format == "parquet")
    entries = _pending(iter_inputs(args.inputs, stdin=stdin, skip=[args.output]), writer.done)
    outcomes = extract_outcomes(entries, workers=args.workers, timeout=args.timeout, extractor=extractor or extract)
    progress = _progress(outcomes, writer, sys.stderr)
    guard = _RecordGuard()
    interrupted = False
    with guard.installed():
        try:
            for outcome in progress:
                with guard.record():
                    writer.write(*outcome)
        except KeyboardInterrupt:
            interrupted = True
        finally:
            progress.close()  # ends the bar's line before the summary
            outcomes.close()  # stops the pool at once when interrupted
            writer.close(interrupted)
            print(writer.tally.line(interrupted), file=sys.stderr)
    return _EXIT_INTERRUPTED if interrupted else 0


def _usage_error(args: argparse.Namespace) -> str | None:
    """What is wrong with arguments argparse accepted, or None."""
    if args.workers is not None and args.workers < 0:
        return "--workers must be 0 or more"
    if args.timeout <= 0:
        return "--timeout must be a positive number of seconds"
    if args.format == "parquet" and importlib.util.find_spec("pyarrow") is None:
        return "--format parquet needs pyarrow: pip install 'vnnews_extract[parquet]'"
    if args.engine == "dask" and importlib.util.find_spec("distributed") is None:
        return "--engine dask needs Dask: pip install 'vnnews_extract[dask]'"
    if args.scheduler and args.engine != "dask":
        return "--scheduler needs --engine dask"
    return None


def main(argv: list[str] | None = None, *, stdin: Readable | None = None, extractor: Extractor | None = None) -> int:
    """Run ``vnnews-extract batch`` with `argv` (the arguments after ``batch``); return the exit status.

    `stdin` and `extractor` exist for tests: a byte stream in place of ``sys.stdin.buffer``, and a stand-in
    for `extract`.
    """
    try:
        args = build_parser().parse_args(argv)
    except SystemExit as exc:  # --help, or a usage error argparse already explained
        return int(exc.code or 0)
    problem = _usage_error(args)
    if problem is None:
        try:
            if args.engine == "dask":
                from ..dask import run_cli

                return run_cli(args, extractor)
            return _run_local(args, stdin, extractor)
        except OutdirError as exc:
            problem = str(exc)
    print(f"vnnews-extract batch: {problem}", file=sys.stderr)
    return _EXIT_USAGE
