"""Speed: vnnews_extract against trafilatura (default, fast, with metadata), boilerpy3 and the lxml parse floor.

All tools run in this one process over the same pages, interleaved page by page (the order of the tools
rotates from page to page), so that CPU frequency, cache and noisy neighbours hit every tool alike. Every
tool gets the same decoded `str`, so no tool is timed decoding bytes. Two times are given: the first pass,
each page met for the first time (as in a crawl over many sites, where whatever a tool caches by a page's
class names or phrases rarely hits), and the pages again (as in a crawl of one site). Then our time on the corpus's
plain-text pages (the text track), the process pool: pages/s with 1 and 2 workers, and the time of
``import vnnews_extract``.

    python bench/bench_speed.py                      # the shared corpus, 5 rounds
    python bench/bench_speed.py --rounds 10 --profile
    python bench/bench_speed.py DIR_OF_HTML --pool-pages 4000
    python bench/bench_speed.py --pool-only          # re-measure the pool when the machine is idle

Run from the repository root with ``PYTHONPATH=src`` (or an installed package); needs the ``[bench]``
extra for the peers (a missing peer is skipped and said so).
"""

from __future__ import annotations

import argparse
import cProfile
import io
import logging
import os
import pstats
import resource
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from itertools import cycle, islice
from pathlib import Path
from typing import Any

import lxml.html

from vnnews_extract import extract
from vnnews_extract.batch import Item, extract_many

DEFAULT_CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus" / "html"

Tool = Callable[[str], Any]

# The pipeline's stages as functions named in a profile, to say where our time goes.
STAGES = {
    "decode + parse (_load)": "_load",
    "segment": "segment",
    "metadata": "read_metadata",
    "sections": "split_sections",
    "metrics": "_article_metrics",
}


def peers() -> dict[str, Tool]:
    """The tools to compare, keyed by name; peers that are not installed are left out (and reported)."""
    tools: dict[str, Tool] = {
        "vnnews_extract": lambda html: extract(html),
        "lxml.html.fromstring (floor)": lambda html: lxml.html.fromstring(html),
    }
    try:
        import trafilatura

        tools["trafilatura"] = lambda html: trafilatura.extract(html)
        tools["trafilatura fast=True"] = lambda html: trafilatura.extract(html, fast=True)
        # what it takes to also get title, date and author, as we always do (not the target's peer)
        tools["trafilatura with_metadata=True"] = lambda html: trafilatura.extract(html, with_metadata=True)
    except ImportError:
        print("trafilatura not installed: skipped", file=sys.stderr)
    try:
        from boilerpy3 import extractors

        logging.getLogger("boilerpy3").setLevel(logging.ERROR)  # it warns on nested <a> in most pages
        article = extractors.ArticleExtractor(raise_on_failure=False)
        tools["boilerpy3"] = lambda html: article.get_content(html)
    except ImportError:
        print("boilerpy3 not installed: skipped", file=sys.stderr)
    return tools


def load_pages(corpus: Path) -> list[str]:
    files = sorted(p for p in corpus.iterdir() if p.suffix.lower() in (".html", ".htm"))
    if not files:
        sys.exit(f"no .html pages in {corpus}")
    return [p.read_bytes().decode("utf-8", errors="replace") for p in files]


# A page of our own, read by every tool before the corpus: lazy imports and first-use compiles are then
# paid, and the first pass over the corpus shows each tool meeting pages (and their class names) it has
# never seen, as a crawl over many sites does.
_WARM_UP_PAGE = (
    "<html><head><title>Giá lúa tăng</title><meta property='og:title' content='Giá lúa tăng'></head><body>"
    "<div class='header'><a href='/'>Trang chủ</a></div><div class='content'><h1>Giá lúa tăng</h1>"
    "<p class='date'>Thứ Hai, 03/02/2025 08:15</p><p>Giá lúa hôm nay tăng 200 đồng/kg so với tuần trước, "
    "lên 7.500 đồng/kg, mức cao nhất trong năm.</p><p>Theo các thương lái, nhu cầu xuất khẩu vẫn mạnh.</p>"
    "</div><div class='footer'>Bản quyền © 2025</div></body></html>"
)


def interleaved(tools: dict[str, Tool], pages: list[str], rounds: int) -> tuple[dict[str, float], dict[str, float]]:
    """Seconds per page for each tool: on the first pass over `pages` (pages it has not seen), and over
    `rounds` more passes (the same pages again: whatever a tool caches by page content now hits)."""
    names = list(tools)
    for name in names:
        tools[name](_WARM_UP_PAGE)
    first, again = dict.fromkeys(names, 0.0), dict.fromkeys(names, 0.0)
    for round_number in range(rounds + 1):
        totals = again if round_number else first
        for index, html in enumerate(pages):
            shift = (index + round_number) % len(names)
            for name in names[shift:] + names[:shift]:
                started = time.perf_counter()
                tools[name](html)
                totals[name] += time.perf_counter() - started
    return (
        {name: total / len(pages) for name, total in first.items()},
        {name: total / (rounds * len(pages)) for name, total in again.items()},
    )


def report_speed(first: dict[str, float], again: dict[str, float]) -> None:
    ours, ours_first = again["vnnews_extract"], first["vnnews_extract"]
    floor = again["lxml.html.fromstring (floor)"]
    print(f"{'tool':32} {'ms/page':>9} {'pages/s':>9} {'vs ours':>9} {'first pass':>11} {'vs ours':>8}")
    for name, seconds in sorted(again.items(), key=lambda item: item[1]):
        print(
            f"{name:32} {seconds * 1000:9.2f} {1 / seconds:9.1f} {seconds / ours:8.2f}x"
            f" {first[name] * 1000:11.2f} {first[name] / ours_first:7.2f}x"
        )
    print("(ms/page: the pages again, after a first pass; first pass: each page met for the first time)")
    print(f"ours / parse floor: {ours / floor:.2f}x (target <= 3x)")
    for peer, target in (("trafilatura", 5.0), ("boilerpy3", 2.0)):
        if peer in again:
            ratio, ratio_first = again[peer] / ours, first[peer] / ours_first
            print(
                f"speed-up over {peer}: {ratio:.2f}x, first pass {ratio_first:.2f}x "
                f"(target >= {target:g}x): {'met' if min(ratio, ratio_first) >= target else 'NOT met'}"
            )


def profile_stages(pages: list[str], rounds: int) -> None:
    """Where our time goes: cumulative time per pipeline stage, from cProfile (which slows everything)."""
    profiler = cProfile.Profile()
    profiler.enable()
    for _ in range(rounds):
        for html in pages:
            extract(html)
    profiler.disable()
    stats = pstats.Stats(profiler, stream=io.StringIO())
    total = stats.total_tt  # type: ignore[attr-defined]
    by_name: dict[str, float] = {}
    for (_, _, function), (_, _, _, cumulative, _) in stats.stats.items():  # type: ignore[attr-defined]
        by_name[function] = max(by_name.get(function, 0.0), cumulative)
    print(f"\nprofile ({rounds} rounds, profiled total {total:.2f} s):")
    for label, function in STAGES.items():
        share = by_name.get(function, 0.0) / total if total else 0.0
        print(f"  {label:26} {share:6.1%}")
    print("  top functions by own time:")
    listing = io.StringIO()
    pstats.Stats(profiler, stream=listing).sort_stats("tottime").print_stats(12)
    for line in listing.getvalue().splitlines():
        if line.strip() and line.lstrip()[:1].isdigit():
            print("   ", line.strip()[:150])


def report_text_track(text_dir: Path, rounds: int) -> None:
    """Our time on plain-text input (a page's scraped text), the user's other kind of page; no peer reads it.
    The best of `rounds` passes counts, as `timeit` takes the minimum."""
    texts = [p.read_text(encoding="utf-8") for p in sorted(text_dir.glob("*.txt"))]
    if not texts:
        return
    for text in texts:  # warm-up
        extract(text)
    best = float("inf")
    for _ in range(rounds):
        started = time.perf_counter()
        for text in texts:
            extract(text)
        best = min(best, time.perf_counter() - started)
    size = sum(len(t) for t in texts) / len(texts)
    per_page = best / len(texts) * 1000
    print(f"\ntext track: {len(texts)} pages of scraped text (~{size:,.0f} characters each): {per_page:.2f} ms/page")


def pool_items(pages: list[str], count: int) -> Iterator[Item]:
    for number, html in enumerate(islice(cycle(pages), count)):
        yield Item(f"page-{number}", html)


def pool_throughput(pages: list[str], count: int, workers: int) -> tuple[float, float, float, float]:
    """Pages/s of `extract_many`, the CPU ms a page costs the parent and the workers, and the cores used.

    When the machine is shared, wall-clock scaling understates the pool: the CPU split shows whether the
    parent (reading, pickling, reordering) could hold back the workers, and the cores the workers actually
    got (their CPU time over the wall time) shows whether the machine let them run in parallel.
    """
    parent, children = resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN
    cpu_before = resource.getrusage(parent).ru_utime + resource.getrusage(parent).ru_stime
    child_before = resource.getrusage(children).ru_utime + resource.getrusage(children).ru_stime
    started = time.perf_counter()
    done = sum(1 for _ in extract_many(pool_items(pages, count), workers=workers, timeout=60))
    elapsed = time.perf_counter() - started
    cpu = resource.getrusage(parent).ru_utime + resource.getrusage(parent).ru_stime - cpu_before
    child = resource.getrusage(children).ru_utime + resource.getrusage(children).ru_stime - child_before
    return done / elapsed, cpu / done * 1000, child / done * 1000, child / elapsed


def report_pool(pages: list[str], count: int, rounds: int) -> None:
    """1 vs 2 workers, alternated `rounds` times; the best rate of each counts, as `timeit` takes the
    minimum: on a shared machine the other tenants only ever slow a run down."""
    print(f"\npool, {rounds} rounds of {count} pages (str pages sent to the workers, as from JSONL or WARC):")
    best = {1: 0.0, 2: 0.0}
    for _ in range(rounds):
        for workers in (1, 2):
            rate, parent_ms, worker_ms, cores = pool_throughput(pages, count, workers)
            best[workers] = max(best[workers], rate)
            print(
                f"  {workers} worker(s): {rate:6.1f} pages/s; CPU per page: parent {parent_ms:.2f} ms, "
                f"workers {worker_ms:.2f} ms; workers got {cores:.2f} cores"
            )
    print(f"  best 2 workers / best 1 worker: {best[2] / best[1]:.2f}x (target >= 1.8x on 2 idle cores)")
    one_core, two_cores = cores_available(1), cores_available(2)
    print(
        f"  the machine right now: 1 busy process gets {one_core:.2f} cores, 2 get {two_cores:.2f} "
        f"(best possible ratio {two_cores / one_core:.2f}x)"
    )


def _spin(seconds: float) -> float:
    """Busy-loop for `seconds` of wall time; return the CPU seconds this process got meanwhile."""
    cpu_started, wall_started = time.process_time(), time.perf_counter()
    while time.perf_counter() - wall_started < seconds:
        pass
    return time.process_time() - cpu_started


def cores_available(processes: int, seconds: float = 2.0) -> float:
    """How many cores `processes` busy processes get right now: the ceiling any pool can reach."""
    from multiprocessing import Pool

    with Pool(processes) as pool:
        return sum(pool.map(_spin, [seconds] * processes)) / seconds


def import_time(repeats: int = 7) -> float:
    """Median seconds of ``import vnnews_extract`` in a fresh interpreter, minus the interpreter's start."""

    def run(code: str) -> float:
        started = time.perf_counter()
        subprocess.run([sys.executable, "-c", code], check=True)
        return time.perf_counter() - started

    bare = statistics.median(run("pass") for _ in range(repeats))
    return statistics.median(run("import vnnews_extract") for _ in range(repeats)) - bare


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("corpus", nargs="?", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--pool-pages", type=int, default=600, help="pages per 1 vs 2 workers run (0: skip)")
    parser.add_argument("--pool-rounds", type=int, default=3, help="1 vs 2 workers runs, alternated")
    parser.add_argument("--profile", action="store_true", help="also say where vnnews_extract spends its time")
    parser.add_argument("--pool-only", action="store_true", help="only the 1 vs 2 workers run")
    args = parser.parse_args()

    pages = load_pages(args.corpus)
    load = ", ".join(f"{value:.1f}" for value in os.getloadavg())
    print(f"{len(pages)} pages from {args.corpus}, {args.rounds} rounds, interleaved, one process")
    print(f"{os.cpu_count()} CPUs, load average {load} (other work on the machine skews every number)\n")
    if not args.pool_only:
        report_speed(*interleaved(peers(), pages, args.rounds))
        report_text_track(args.corpus.parent / "text", args.rounds)
        print(f"\nimport vnnews_extract: {import_time():.3f} s (target < 0.3 s)")
    if args.pool_pages:
        report_pool(pages, args.pool_pages, args.pool_rounds)
    if args.profile and not args.pool_only:
        profile_stages(pages, max(1, args.rounds // 2))


if __name__ == "__main__":
    main()
