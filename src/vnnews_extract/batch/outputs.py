"""What a batch leaves in OUTDIR, written as it goes so that a crash or Ctrl-C loses nothing done.

- ``articles.jsonl``: one line per article, ``{"input_id", "url", ...Article.to_dict()}``.
- ``metrics.csv``: one row per metric (`METRIC_COLUMNS`), for pandas; ``metrics.parquet`` too with
  ``--format parquet`` (converted from the CSV when the run ends: Parquet cannot be appended to safely).
- ``errors.jsonl``: one `Failure` per line.
- ``summary.json``: the counts, the same as the summary line, where inputs = articles + errors always.

Each record is flushed as soon as it is written. An article's metric rows are written before its line in
``articles.jsonl``, which is the commit: on ``--resume``, rows of an article that never got its line are
dropped, a line cut off mid-write is cut away, and every input already in OUTDIR is skipped.
"""

from __future__ import annotations

import csv
import json
import os
import time
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from importlib import import_module
from pathlib import Path
from typing import IO, Any

from ..model import Article
from .model import Failure, Result

__all__ = [
    "ARTICLES_FILE",
    "ERRORS_FILE",
    "METRICS_CSV_FILE",
    "METRICS_PARQUET_FILE",
    "METRIC_COLUMNS",
    "SUMMARY_FILE",
    "BatchWriter",
    "OutdirError",
    "Tally",
    "metric_rows",
]

ARTICLES_FILE = "articles.jsonl"
METRICS_CSV_FILE = "metrics.csv"
METRICS_PARQUET_FILE = "metrics.parquet"
ERRORS_FILE = "errors.jsonl"
SUMMARY_FILE = "summary.json"

METRIC_COLUMNS = (
    "input_id",
    "url",
    "index",  # the metric's position in its article: what `parent` refers to
    "subject",
    "value",  # a decimal string in base units, exact ("1320000000"); pandas reads it as a number
    "unit",
    "changes",  # JSON list of {"direction", "value", "unit"}
    "basis",
    "qualifier",
    "period",
    "range_max",
    "parent",
    "section",
    "text",
)
_INTEGER_COLUMNS = ("index", "parent", "section")


class OutdirError(Exception):
    """OUTDIR cannot take this run: it is not a writable directory, or it already holds batch outputs and
    ``--resume`` was not given (outputs of two runs are never mixed or overwritten)."""


def _one_line(text: str | None) -> str | None:
    """Cell text on one line, so every CSV row is one line (and a cut-off last row is easy to find)."""
    return None if text is None else " ".join(text.split())


def metric_rows(input_id: str, url: str | None, article: Article) -> Iterator[dict[str, Any]]:
    """The rows of `METRIC_COLUMNS` for an article's metrics."""
    for index, metric in enumerate(article.metrics):
        yield {
            "input_id": input_id,
            "url": url,
            "index": index,
            "subject": _one_line(metric.subject),
            "value": None if metric.value is None else str(metric.value),
            "unit": metric.unit,
            "changes": json.dumps([c.to_dict() for c in metric.changes], ensure_ascii=False),
            "basis": metric.basis,
            "qualifier": metric.qualifier,
            "period": _one_line(metric.period),
            "range_max": None if metric.range_max is None else str(metric.range_max),
            "parent": metric.parent,
            "section": metric.section,
            "text": _one_line(metric.text),
        }


@dataclass
class Tally:
    """Counts for the summary; `resumed` are the records found in OUTDIR when the run started."""

    articles: int = 0
    errors: int = 0
    resumed: int = 0
    error_types: Counter[str] = field(default_factory=Counter)
    started: float = field(default_factory=time.monotonic)

    @property
    def inputs(self) -> int:
        return self.articles + self.errors

    def line(self, interrupted: bool = False) -> str:
        """The summary line.

        >>> Tally(articles=9, errors=1, resumed=4, started=time.monotonic()).line().split(" in ")[0]
        'inputs 10 = articles 9 + errors 1 (6 this run, 4 resumed)'
        """
        seconds = time.monotonic() - self.started
        new = self.inputs - self.resumed
        rate = f", {new / seconds:.1f} pages/s" if seconds > 0 and new else ""
        kinds = ", ".join(f"{name} {count}" for name, count in self.error_types.most_common())
        status = " — interrupted, rerun with --resume to finish" if interrupted else ""
        return (
            f"inputs {self.inputs} = articles {self.articles} + errors {self.errors} "
            f"({new} this run, {self.resumed} resumed) in {seconds:.1f} s{rate}"
            f"{f' [{kinds}]' if kinds else ''}{status}"
        )

    def to_dict(self, interrupted: bool) -> dict[str, Any]:
        return {
            "inputs": self.inputs,
            "articles": self.articles,
            "errors": self.errors,
            "resumed": self.resumed,
            "error_types": dict(self.error_types.most_common()),
            "seconds": round(time.monotonic() - self.started, 3),
            "interrupted": interrupted,
        }


def _cut_torn_tail(path: Path) -> None:
    """Cut a last line that a crash left without its newline: it was never committed."""
    if not path.exists():
        return
    with path.open("rb+") as stream:
        size = stream.seek(0, os.SEEK_END)
        if size == 0:
            return
        position = size
        while position > 0:
            step = min(1 << 16, position)
            stream.seek(position - step)
            chunk = stream.read(step)
            newline = chunk.rfind(b"\n")
            if newline >= 0:
                stream.truncate(position - step + newline + 1)
                return
            position -= step
        stream.truncate(0)


def _jsonl_records(path: Path) -> Iterator[dict[str, Any]]:
    if not path.exists():
        return
    with path.open(encoding="utf-8") as stream:
        for line in stream:
            if line.strip():
                yield json.loads(line)


def _drop_uncommitted_rows(path: Path, committed: set[str]) -> None:
    """Remove metric rows whose article line was never written (a crash between the two writes)."""
    if not path.exists():
        return
    kept = path.with_suffix(".csv.tmp")
    dropped = 0
    with path.open(encoding="utf-8", newline="") as source, kept.open("w", encoding="utf-8", newline="") as target:
        reader, writer = csv.reader(source), csv.writer(target)
        for row in reader:
            if row and row[0] != "input_id" and row[0] not in committed:
                dropped += 1
                continue
            writer.writerow(row)
    if dropped:
        os.replace(kept, path)
    else:
        kept.unlink()


class BatchWriter:
    """Appends outcomes to OUTDIR; on `resume`, first reads what is already there (`done`, `tally`)."""

    def __init__(self, outdir: Path, *, resume: bool = False, parquet: bool = False) -> None:
        self.outdir = outdir
        self.parquet = parquet
        self.tally = Tally()
        self.done: set[str] = set()
        try:
            outdir.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise OutdirError(f"cannot use {outdir} as the output directory: {exc.strerror or exc}") from exc
        existing = [name for name in (ARTICLES_FILE, ERRORS_FILE, METRICS_CSV_FILE) if (outdir / name).exists()]
        if existing and not resume:
            raise OutdirError(f"{outdir} already holds {', '.join(existing)}: pass --resume, or another OUTDIR")
        if resume:
            self._load_previous()
        self._articles = self._open(ARTICLES_FILE)
        self._errors = self._open(ERRORS_FILE)
        metrics_path = outdir / METRICS_CSV_FILE
        fresh = not metrics_path.exists() or metrics_path.stat().st_size == 0
        self._metrics = self._open(METRICS_CSV_FILE, newline="")
        self._rows = csv.DictWriter(self._metrics, fieldnames=METRIC_COLUMNS)
        if fresh:
            self._rows.writeheader()
            self._metrics.flush()

    def _open(self, name: str, newline: str | None = None) -> IO[str]:
        return (self.outdir / name).open("a", encoding="utf-8", newline=newline)

    def _load_previous(self) -> None:
        for name in (ARTICLES_FILE, ERRORS_FILE, METRICS_CSV_FILE):
            _cut_torn_tail(self.outdir / name)
        committed: set[str] = set()
        for record in _jsonl_records(self.outdir / ARTICLES_FILE):
            committed.add(record["input_id"])
            self.tally.articles += 1
        for record in _jsonl_records(self.outdir / ERRORS_FILE):
            self.done.add(record["input_id"])
            self.tally.errors += 1
            self.tally.error_types[record["error"]] += 1
        _drop_uncommitted_rows(self.outdir / METRICS_CSV_FILE, committed)
        self.done |= committed
        self.tally.resumed = self.tally.inputs

    def write(self, input_id: str, url: str | None, result: Result) -> None:
        if isinstance(result, Failure):
            self._errors.write(json.dumps(result.to_dict(), ensure_ascii=False) + "\n")
            self._errors.flush()
            self.tally.errors += 1
            self.tally.error_types[result.error] += 1
            return
        url = result.url or url
        self._rows.writerows(metric_rows(input_id, url, result))
        self._metrics.flush()
        record = {"input_id": input_id, **result.to_dict(), "url": url}
        self._articles.write(json.dumps(record, ensure_ascii=False) + "\n")
        self._articles.flush()
        self.tally.articles += 1

    def close(self, interrupted: bool = False) -> None:
        """Close the files, convert the metrics to Parquet if asked, and write ``summary.json``."""
        for stream in (self._articles, self._errors, self._metrics):
            stream.close()
        if self.parquet:
            csv_to_parquet(self.outdir / METRICS_CSV_FILE, self.outdir / METRICS_PARQUET_FILE)
        summary = json.dumps(self.tally.to_dict(interrupted), indent=2)
        (self.outdir / SUMMARY_FILE).write_text(summary + "\n", encoding="utf-8")


def csv_to_parquet(source: Path, target: Path) -> None:
    """Stream ``metrics.csv`` into a Parquet file, block by block, with the integer columns typed.

    Text columns stay strings: ``value`` is exact as written (``pd.to_numeric`` makes it a number).
    """
    pa = import_module("pyarrow")  # optional: the [parquet] extra; untyped, hence Any
    pa_csv, pq = import_module("pyarrow.csv"), import_module("pyarrow.parquet")

    types = {name: pa.int64() if name in _INTEGER_COLUMNS else pa.string() for name in METRIC_COLUMNS}
    schema = pa.schema([(name, types[name]) for name in METRIC_COLUMNS])
    convert = pa_csv.ConvertOptions(column_types=types, strings_can_be_null=True)
    partial = target.with_suffix(".parquet.tmp")
    with pa_csv.open_csv(source, convert_options=convert) as reader, pq.ParquetWriter(partial, schema) as writer:
        for batch in reader:
            writer.write_table(pa.Table.from_batches([batch], schema=schema))
    os.replace(partial, target)
