"""Per-stage time of `extract()` on the HTML corpus, and the hot spots of the HTML stages.

Usage::

    PYTHONPATH=src python bench/profile_stages.py [CORPUS_DIR] [--repeat N] [--top N] [--generic]

Every stage of a page is timed on its own, in pipeline order, on the previous stage's output (CPU
time, so that other jobs on a shared machine count less; the median over `--repeat` rounds; garbage
collected before each page; one core). Two "floor" rows time reading the tree with no rule at all (see
`FLOORS`), and the budget line sets what is left after decoding and parsing against the issue's
target of 3x the parse. The same pages are then run through `cProfile` to list the
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
# What reading the tree costs in Python before any rule, on the same trees: a recursive walk of the
# body reading each element's tag, attributes, text and tail (the segmenter reads about half of the
# elements so, the rest in C as whole chrome boxes), and one `iter()` pass over the document reading
# three attributes of each element (the metadata pass).
FLOORS = ("floor: walk the body", "floor: iter + 3 gets")
_SKIPPED = frozenset({"script", "style", "noscript", "template", "svg", "head"})


def _time(call: Callable[[], Any]) -> tuple[float, Any]:
    """CPU seconds of one call: the process's own time, so other jobs on a shared machine count less."""
    start = time.process_time()
    result = call()
    return time.process_time() - start, result


def _bare_walk(el: lxml.html.HtmlElement, out: list[str | None]) -> None:
    for child in el:
        tag = child.tag
        if not isinstance(tag, str) or tag in _SKIPPED:
            continue
        out.append(str(dict(child.items()).get("class")))
        out.append(child.text)
        out.append(child.tail)
        _bare_walk(child, out)


def _walk_floor(tree: lxml.html.HtmlElement) -> list[str | None]:
    out: list[str | None] = []
    _bare_walk(tree.find("body") if tree.find("body") is not None else tree, out)
    return out


def _iter_floor(tree: lxml.html.HtmlElement) -> int:
    return sum(1 for el in tree.iter() if el.get("class") or el.get("id") or el.get("itemprop"))


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
    times[FLOORS[0]], _ = _time(lambda: _walk_floor(page.tree))
    times[FLOORS[1]], _ = _time(lambda: _iter_floor(page.tree))
    return times


def stage_table(pages: list[str], repeat: int) -> dict[str, float]:
    """Median ms/page of each stage over `repeat` rounds of the whole corpus."""
    for html in pages:  # warm-up: lazy imports, regex compiles, caches
        time_page(html)
    rounds: dict[str, list[float]] = {stage: [] for stage in STAGES + FLOORS}
    for _ in range(repeat):
        totals = dict.fromkeys(STAGES + FLOORS, 0.0)
        for html in pages:
            gc.collect()
            for stage, seconds in time_page(html).items():
                totals[stage] += seconds
        for stage in STAGES + FLOORS:
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
    print(f"ratio to lxml fromstring: {html_stages / table['lxml fromstring']:.2f}")
    budget = 3 * table["lxml fromstring"]
    loading = table["normalize_text"] + table["parse_html"]
    rules = table["segment_html"] + table["read_metadata"] + table["sections"] + table["metrics"]
    print(
        f"the issue's budget, 3x the parse: {budget:.2f} ms/page; normalise + parse take {loading:.2f}, "
        f"leaving {budget - loading:.2f} for segmentation, metadata, sections and figures (now {rules:.2f})\n"
    )
    print(hot_spots(pages, args.top))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
