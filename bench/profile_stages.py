"""Per-stage time of `extract()` on the HTML corpus, and the hot spots of the HTML stages.

Usage::

    PYTHONPATH=src python bench/profile_stages.py [CORPUS_DIR] [--repeat N] [--top N] [--generic]

Every stage of a page is timed on its own, in pipeline order, on the previous stage's output (CPU
time, so that other jobs on a shared machine count less; the median over `--repeat` rounds; garbage
collected before each page; one core). The same pages are then run through `cProfile` to list the
functions where the HTML segmenter and the HTML metadata reader spend their time. `--generic` empties
the known-CMS container table, as the benchmark's "generic" row does.
"""

from __future__ import annotations

import argparse
import cProfile
import gc
import io
import pstats
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import lxml.html

from vnnews_extract.decode import normalize_text
from vnnews_extract.metadata import read_metadata
from vnnews_extract.metadata.html import read_html_metadata
from vnnews_extract.parse import parse_html
from vnnews_extract.pipeline import _article_metrics, _unique_captions
from vnnews_extract.sections import split_sections
from vnnews_extract.segment import hints
from vnnews_extract.segment.html import segment_html

REPO = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = REPO.parent / "shared" / "corpus"

STAGES = (
    "lxml fromstring",
    "normalize_text",
    "parse_html",
    "segment_html",
    "read_html_metadata",
    "read_metadata",
    "sections",
    "metrics",
)


def _time(call: Callable[[], Any]) -> tuple[float, Any]:
    """CPU seconds of one call: the process's own time, so other jobs on a shared machine count less."""
    start = time.process_time()
    result = call()
    return time.process_time() - start, result


def time_page(html: str) -> dict[str, float]:
    """Seconds each stage takes on one page, run in pipeline order on the previous stage's output."""
    times: dict[str, float] = {}
    times["lxml fromstring"], _ = _time(lambda: lxml.html.fromstring(html))
    times["normalize_text"], text = _time(lambda: normalize_text(html))
    times["parse_html"], page = _time(lambda: parse_html(text))
    times["segment_html"], blocks = _time(lambda: segment_html(page.tree))
    times["read_html_metadata"], _ = _time(lambda: read_html_metadata(page.tree))
    times["read_metadata"], _ = _time(lambda: read_metadata(page, blocks))
    times["sections"], (lead, sections) = _time(lambda: split_sections(blocks))
    captions = _unique_captions(blocks)
    times["metrics"], _ = _time(lambda: _article_metrics(lead, sections, captions))
    return times


def stage_table(pages: list[str], repeat: int) -> dict[str, float]:
    """Median ms/page of each stage over `repeat` rounds of the whole corpus."""
    for html in pages:  # warm-up: lazy imports, regex compiles, caches
        time_page(html)
    rounds: dict[str, list[float]] = {stage: [] for stage in STAGES}
    for _ in range(repeat):
        totals = dict.fromkeys(STAGES, 0.0)
        for html in pages:
            gc.collect()
            for stage, seconds in time_page(html).items():
                totals[stage] += seconds
        for stage in STAGES:
            rounds[stage].append(1000 * totals[stage] / len(pages))
    return {stage: statistics.median(values) for stage, values in rounds.items()}


def hot_spots(pages: list[str], top: int) -> str:
    """The `top` functions by own time while segmenting and reading the metadata of every page."""
    trees = [parse_html(normalize_text(html)).tree for html in pages]
    profiler = cProfile.Profile()
    profiler.enable()
    for tree in trees:
        segment_html(tree)
        read_html_metadata(tree)
    profiler.disable()
    out = io.StringIO()
    pstats.Stats(profiler, stream=out).sort_stats("tottime").print_stats(top)
    return out.getvalue()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("corpus", nargs="?", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--repeat", type=int, default=15, help="rounds of the whole corpus (median reported)")
    parser.add_argument("--top", type=int, default=25, help="how many hot spots to list")
    parser.add_argument("--generic", action="store_true", help="empty the known-CMS container table")
    args = parser.parse_args(argv)
    paths = sorted((args.corpus / "html").glob("*.html"))
    if not paths:
        print(f"no pages at {args.corpus / 'html'}", file=sys.stderr)
        return 2
    if args.generic:
        hints.KNOWN_CMS_CONTAINERS = ()
    pages = [p.read_bytes().decode("utf-8", "replace") for p in paths]
    table = stage_table(pages, args.repeat)
    print(f"{len(pages)} pages, median of {args.repeat} rounds, ms/page\n")
    for stage, ms in table.items():
        print(f"{stage:20} {ms:7.2f}")
    html_stages = table["segment_html"] + table["read_html_metadata"]
    print(f"\nsegment_html + read_html_metadata: {html_stages:.2f} ms/page")
    print(f"ratio to lxml fromstring: {html_stages / table['lxml fromstring']:.2f}\n")
    print(hot_spots(pages, args.top))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
