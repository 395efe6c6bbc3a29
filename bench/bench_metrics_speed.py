"""Throughput of `extract_metrics` on one core: MB of article text per second (target: >= 1 MB/s).

    PYTHONPATH=src python bench/bench_metrics_speed.py [--megabytes 4]

The text is the development passages (../shared/corpus/metrics_dev.jsonl, text_pages_dev.jsonl and the
gold page bodies) repeated up to the requested size, read paragraph by paragraph as the pipeline does,
and also as one long text; then a few hostile inputs (long digit runs, separators, repeated scale
words) must each finish quickly.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

from vnnews_extract.metrics import extract_metrics

CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus"

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


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--megabytes", type=float, default=4.0)
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
    for name, text in _HOSTILE.items():
        started = time.perf_counter()
        extract_metrics(text)
        elapsed = time.perf_counter() - started
        print(f"hostile {name:14} {len(text) / 1e3:7.0f} kchars in {elapsed:.3f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
