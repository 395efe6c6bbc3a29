"""vnnews_extract on a Dask cluster (the optional ``[dask]`` extra), for when one machine is too slow.

Work is split by input file: the client only lists the files (`input_files`), and each worker opens its
own — a local path on a shared file system, or a URL fsspec reads (``s3://commoncrawl/...``,
``https://data.commoncrawl.org/...``) — so no page passes through the client. Results are a Dask bag of
JSON-safe dicts, the metrics a Dask dataframe, and `write_outputs` puts them in OUTDIR in parallel::

    from dask.distributed import Client
    from vnnews_extract.dask import read_items, extract_bag, write_outputs

    client = Client("tcp://scheduler:8786")
    results = extract_bag(read_items(["s3://commoncrawl/crawl-data/CC-MAIN-2024-10/segments/.../warc/*.warc.gz"]))
    write_outputs(results, "s3://my-bucket/vn-news/")

Each partition is one input file, and its results are held in memory until written: split very large
inputs into several files. A per-page `timeout` is the budget `extract` enforces itself, between stages;
unlike the local pool, nothing here kills a page stuck inside lxml (Dask cannot kill one task).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Iterable, Iterator, Sequence
from importlib import import_module
from typing import Any, TypeAlias

from .batch.inputs import input_files, iter_inputs
from .batch.model import Failure
from .batch.outputs import METRIC_COLUMNS, Tally, metric_rows
from .batch.runner import Extractor, extract_outcomes
from .model import Article
from .pipeline import extract

Bag: TypeAlias = Any
"""A ``dask.bag.Bag``; Dask's API is not typed, so it is ``Any`` to mypy."""
DataFrame: TypeAlias = Any
"""A ``dask.dataframe.DataFrame``."""

__all__ = ["extract_bag", "metrics_frame", "read_items", "run_cli", "write_outputs"]

_EXIT_USAGE = 2


def _read_partition(specs: Iterable[str]) -> Iterator[Any]:
    return iter_inputs(specs)


def read_items(specs: Sequence[str], *, files_per_partition: int = 1) -> Bag:
    """A bag of `Item` / `Failure` for every page `specs` name (paths, directories, globs, URLs).

    Directories and globs are expanded here, on the client; the files are read on the workers.
    """
    db = import_module("dask.bag")
    files = list(input_files(specs))
    if not files:
        raise ValueError("no input files")
    return db.from_sequence(files, partition_size=files_per_partition).map_partitions(_read_partition)


def _result_record(input_id: str, url: str | None, result: Article | Failure) -> dict[str, Any]:
    """One JSON-safe dict per input: ``{"input_id", "url", "article"}`` or ``{..., "error"}``."""
    if isinstance(result, Failure):
        return {"input_id": input_id, "url": url, "article": None, "error": result.to_dict()}
    url = result.url or url
    article = {"input_id": input_id, **result.to_dict(), "url": url}
    metrics = list(metric_rows(input_id, url, result))
    return {"input_id": input_id, "url": url, "article": article, "error": None, "metrics": metrics}


def _extract_partition(items: Iterable[Any], extractor: Extractor, timeout: float | None) -> list[dict[str, Any]]:
    outcomes = extract_outcomes(items, workers=0, timeout=timeout, extractor=extractor)
    return [_result_record(*outcome) for outcome in outcomes]


def extract_bag(items: Bag, *, timeout: float | None = None, extractor: Extractor = extract) -> Bag:
    """Extract every item of a bag (from `read_items`, or your own bag of `Item`, str, bytes or paths).

    Yields one dict per input with ``article`` (``Article.to_dict()`` plus ``input_id``) or ``error``
    (a `Failure` dict), and the article's ``metrics`` rows. `timeout` is each page's budget in seconds.
    """
    return items.map_partitions(_extract_partition, extractor, timeout)


def _metrics_partition(records: Iterable[dict[str, Any]]) -> Any:
    pd = import_module("pandas")
    rows = [row for record in records for row in record.get("metrics") or ()]
    frame = pd.DataFrame(rows, columns=list(METRIC_COLUMNS))
    return frame.astype(_metric_dtypes())


def _metric_dtypes() -> dict[str, str]:
    return {name: "Int64" if name in ("index", "parent", "section") else "string" for name in METRIC_COLUMNS}


def metrics_frame(results: Bag) -> DataFrame:
    """The metrics of `extract_bag` results as a Dask dataframe, one row per metric (`METRIC_COLUMNS`)."""
    dd, pd = import_module("dask.dataframe"), import_module("pandas")
    meta = pd.DataFrame({name: pd.Series(dtype=dtype) for name, dtype in _metric_dtypes().items()})
    return dd.from_delayed(results.map_partitions(_metrics_partition).to_delayed(), meta=meta)


def _json_line(record: dict[str, Any]) -> str:
    return json.dumps(record, ensure_ascii=False)


def _write_metrics_part(records: Iterable[dict[str, Any]], path: str) -> int:
    frame = _metrics_partition(records)
    frame.to_parquet(path, index=False)
    return len(frame)


def write_outputs(results: Bag, outdir: str) -> dict[str, int]:
    """Write ``articles/*.jsonl``, ``errors/*.jsonl`` and ``metrics.parquet/part.*.parquet`` under `outdir`
    (a path or URL the workers can write to), extracting each partition once; return the counts.

    ``pandas.read_parquet(f"{outdir}/metrics.parquet")`` reads the metrics back as one table.
    """
    dask, fsspec = import_module("dask"), import_module("fsspec")
    base = outdir.rstrip("/")
    filesystem, root = fsspec.core.url_to_fs(f"{base}/metrics.parquet")
    filesystem.makedirs(root, exist_ok=True)
    write_part = dask.delayed(_write_metrics_part)
    articles = results.filter(lambda r: r["article"] is not None).pluck("article")
    errors = results.filter(lambda r: r["error"] is not None).pluck("error")
    counted = results.map(lambda r: "errors" if r["error"] is not None else "articles").frequencies()
    writes = [
        articles.map(_json_line).to_textfiles(f"{base}/articles/*.jsonl", compute=False),
        errors.map(_json_line).to_textfiles(f"{base}/errors/*.jsonl", compute=False),
        [write_part(part, f"{base}/metrics.parquet/part.{i}.parquet") for i, part in enumerate(results.to_delayed())],
    ]
    *_, counts = dask.compute(*writes, counted)
    return {"articles": 0, "errors": 0, **{str(kind): int(count) for kind, count in counts}}


def run_cli(args: argparse.Namespace, extractor: Extractor | None = None) -> int:
    """``vnnews-extract batch --engine dask``: the same inputs, written by the cluster's workers."""
    client_class = import_module("dask.distributed").Client
    if "-" in args.inputs or args.resume:
        print("vnnews-extract batch: --engine dask reads no stdin and cannot --resume", file=sys.stderr)
        return _EXIT_USAGE
    started = time.monotonic()
    # without a scheduler: a LocalCluster on this machine, --workers processes (default: Dask's choice)
    client = client_class(args.scheduler) if args.scheduler else client_class(n_workers=args.workers or None)
    with client:
        print(f"vnnews-extract batch: Dask dashboard {client.dashboard_link}", file=sys.stderr)
        results = extract_bag(read_items(args.inputs), timeout=args.timeout, extractor=extractor or extract)
        counts = write_outputs(results, str(args.output))
    tally = Tally(articles=counts["articles"], errors=counts["errors"], started=started)
    print(tally.line(), file=sys.stderr)
    return 0
