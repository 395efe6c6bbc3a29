"""Throughput of `extract_metrics` on one core: MB of article text per second (target: >= 1 MB/s).

    PYTHONPATH=src python bench/bench_metrics_speed.py [--megabytes 4] [--rounds 20]

The text is the development passages (../shared/corpus/metrics_dev.jsonl, text_pages_dev.jsonl and the
gold page bodies) repeated up to the requested size, read paragraph by paragraph as the pipeline does,
and also as one long text. Then the metrics stage as the pipeline runs it (`_article_metrics` on the lead,
sections and captions of each corpus HTML page): CPU ms/page, the median of `--rounds` rounds. Then dense
shapes, in s/MB (the budget is 1 s/MB): dates and figures on one line, a whole article as one passage,
figures packed in one sentence. Last, a few hostile inputs (long digit runs, separators, repeated scale
words) must each finish quickly.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

from vnnews_extract.decode import normalize_text
from vnnews_extract.metrics import extract_metrics
from vnnews_extract.model import Section
from vnnews_extract.parse import parse_html
from vnnews_extract.pipeline import _article_metrics, _unique_captions
from vnnews_extract.sections import split_sections
from vnnews_extract.segment.html import segment_html

CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus"

# Our own short article, for the dense shapes (no corpus text).
_DATELINE = "Thứ Hai, 03/02/2025 08:15:42 GMT+7 "
_ARTICLE = (
    "Giá vàng miếng tăng 300.000 đồng mỗi lượng từ 9 giờ sáng nay, mức tăng mạnh nhất trong tuần.",
    "Theo một doanh nghiệp kinh doanh vàng, giá bán ra tăng 0,4% so với hôm qua, lên 92,5 triệu đồng mỗi lượng.",
    "Nhiều người mua đã xếp hàng từ sớm trước cửa hàng ở trung tâm thành phố.",
    "Các nhà phân tích cho rằng giá có thể còn biến động trong những ngày tới.",
)
_DENSE = {
    "dates and figures on one line": (_DATELINE + " ".join(_ARTICLE) + " ") * 2000,
    "an article as one passage": " ".join(_ARTICLE) * 2000,
    "figures in one sentence": "Giá " + "1% " * 8000 + "tăng.",
}
_HOSTILE = {
    "digits": "1" * 200_000,
    "dotted digits": "1." * 100_000,
    "separators": "1,2.3,4." * 25_000,
    "scale words": "triệu tỷ nghìn " * 20_000,
    "spelled": "một hai ba bốn năm " * 20_000,
    "percents": "tăng 5% và " * 20_000,
    "so với": "so với so với so với " * 20_000,
    "no spaces": "tăng5%giảm" * 20_000,
    "link words": "mức tăng khoảng và " * 10_000 + " 5 tấn",
    "verbs": "tăng " * 40_000 + "5 tấn",
}


def _texts() -> list[str]:
    texts: list[str] = []
    for name in ("metrics_dev.jsonl", "text_pages_dev.jsonl"):
        path = CORPUS / name
        if path.exists():
            texts += [json.loads(line)["text"] for line in path.read_text(encoding="utf-8").splitlines() if line]
    for path in sorted((CORPUS / "gold").glob("*.json")):
        texts.append(json.loads(path.read_text(encoding="utf-8")).get("body") or "")
    return [t for t in texts if t]


def _page_passages() -> list[tuple[str | None, tuple[Section, ...], tuple[str, ...]]]:
    """The arguments of `_article_metrics` for every corpus HTML page (lead, sections, captions)."""
    pages = []
    for path in sorted((CORPUS / "html").glob("*.html")):
        blocks = segment_html(parse_html(normalize_text(path.read_bytes().decode("utf-8", "replace"))).tree)
        lead, sections = split_sections(blocks)
        pages.append((lead, sections, _unique_captions(blocks)))
    return pages


def _stage_ms_per_page(rounds: int) -> tuple[int, float]:
    """CPU ms/page of the metrics stage over the corpus HTML pages, the median of `rounds` rounds."""
    pages = _page_passages()
    for page in pages:  # warm-up
        _article_metrics(*page)
    times = []
    for _ in range(rounds):
        started = time.process_time()
        for page in pages:
            _article_metrics(*page)
        times.append((time.process_time() - started) * 1000 / max(1, len(pages)))
    return len(pages), statistics.median(times)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--megabytes", type=float, default=4.0)
    parser.add_argument("--rounds", type=int, default=20, help="rounds of the corpus pages (median reported)")
    args = parser.parse_args(argv)
    texts = _texts()
    if not texts:
        print(f"corpus not found at {CORPUS}", file=sys.stderr)
        return 1
    paragraphs = [p for t in texts for p in t.split("\n") if p.strip()]
    size = sum(len(p.encode("utf-8")) for p in paragraphs)
    repeat = max(1, int(args.megabytes * 1_000_000 / size))
    total = size * repeat
    started = time.perf_counter()
    count = 0
    for _ in range(repeat):
        for paragraph in paragraphs:
            count += len(extract_metrics(paragraph))
    elapsed = time.perf_counter() - started
    print(f"paragraphs: {total / 1e6:.2f} MB in {elapsed:.2f} s = {total / 1e6 / elapsed:.2f} MB/s ({count} metrics)")
    whole = "\n\n".join(texts * max(1, repeat // 4))
    started = time.perf_counter()
    extract_metrics(whole)
    elapsed = time.perf_counter() - started
    megabytes = len(whole.encode("utf-8")) / 1e6
    print(f"one text:   {megabytes:.2f} MB in {elapsed:.2f} s = {megabytes / elapsed:.2f} MB/s")
    count, ms = _stage_ms_per_page(args.rounds)
    print(f"pages:      metrics stage of {count} corpus HTML pages = {ms:.2f} ms/page (CPU, median of {args.rounds})")
    for name, text in _DENSE.items():
        started = time.process_time()
        extract_metrics(text)
        elapsed = time.process_time() - started
        megabytes = len(text.encode("utf-8")) / 1e6
        print(f"dense {name:31} {megabytes:5.2f} MB in {elapsed:.2f} s = {elapsed / megabytes:.2f} s/MB")
    for name, text in _HOSTILE.items():
        started = time.perf_counter()
        extract_metrics(text)
        elapsed = time.perf_counter() - started
        print(f"hostile {name:14} {len(text) / 1e3:7.0f} kchars in {elapsed:.3f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
