"""Memory: RSS over a 10,000-page batch must stay flat (grow < 50 MB).

The corpus pages are repeated under distinct ids and streamed through the whole batch path — the
`extract_outcomes` runner and the `BatchWriter` (articles.jsonl, metrics.csv, errors.jsonl) — and RSS is
sampled every 500 pages. Growth is measured from the sample after a 500-page warm-up (imports, regex
and parser caches) to the largest later sample. In pool mode the RSS of the parent and of every worker
process is summed.

    python bench/bench_memory.py                     # 10,000 pages, in-process and with 2 workers
    python bench/bench_memory.py --pages 2000 --workers 2

Run from the repository root with ``PYTHONPATH=src``; needs psutil (the ``[bench]`` extra).
"""

from __future__ import annotations

import argparse
import tempfile
import time
from collections.abc import Iterator
from itertools import cycle, islice
from pathlib import Path

import psutil

from vnnews_extract.batch import Item
from vnnews_extract.batch.outputs import BatchWriter
from vnnews_extract.batch.runner import extract_outcomes

DEFAULT_CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus" / "html"
WARM_UP_PAGES = 500
SAMPLE_EVERY = 500
LIMIT_MB = 50


def items(pages: list[bytes], count: int) -> Iterator[Item]:
    for number, page in enumerate(islice(cycle(pages), count)):
        yield Item(f"page-{number}", page, f"https://example.vn/{number}")


def rss_mb(process: psutil.Process) -> float:
    """RSS of `process` and its children (the pool's workers), in MB."""
    total = process.memory_info().rss
    for child in process.children(recursive=True):
        try:
            total += child.memory_info().rss
        except psutil.NoSuchProcess:  # a worker replaced between listing and reading
            continue
    return total / 2**20


def run(pages: list[bytes], count: int, workers: int) -> tuple[float, list[float], float]:
    me = psutil.Process()
    samples: list[float] = []
    started = time.perf_counter()
    with tempfile.TemporaryDirectory() as outdir:
        writer = BatchWriter(Path(outdir))
        for done, outcome in enumerate(extract_outcomes(items(pages, count), workers=workers), start=1):
            writer.write(*outcome)
            if done % SAMPLE_EVERY == 0:
                samples.append(rss_mb(me))
        writer.close()
    elapsed = time.perf_counter() - started
    baseline = samples[WARM_UP_PAGES // SAMPLE_EVERY - 1]
    return max(samples[WARM_UP_PAGES // SAMPLE_EVERY :]) - baseline, samples, count / elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("corpus", nargs="?", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--pages", type=int, default=10_000)
    parser.add_argument("--workers", type=int, nargs="+", default=[0, 2], help="0 = in this process")
    args = parser.parse_args()
    if args.pages < WARM_UP_PAGES + SAMPLE_EVERY:
        parser.error(f"--pages must be at least {WARM_UP_PAGES + SAMPLE_EVERY}")
    pages = [p.read_bytes() for p in sorted(args.corpus.glob("*.htm*"))]
    if not pages:
        parser.error(f"no .html pages in {args.corpus}")
    print(f"{args.pages} pages (the {len(pages)} pages of {args.corpus}, repeated)")
    for workers in args.workers:
        growth, samples, rate = run(pages, args.pages, workers)
        mode = "in-process" if workers == 0 else f"{workers} workers"
        verdict = "met" if growth < LIMIT_MB else "NOT met"
        print(f"\n{mode}: {rate:.1f} pages/s; RSS growth after warm-up {growth:+.1f} MB (< {LIMIT_MB} MB: {verdict})")
        print("  RSS MB every 500 pages:", " ".join(f"{s:.0f}" for s in samples))


if __name__ == "__main__":
    main()
