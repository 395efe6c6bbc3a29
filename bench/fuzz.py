"""Fuzz `extract()` with generated hostile inputs and report what escaped, what hung and what was slow.

    PYTHONPATH=src python bench/fuzz.py                       # 10,000 inputs, seed 6
    PYTHONPATH=src python bench/fuzz.py --count 50000 --seed 7 --hang 30 --out bench/out/fuzz
    PYTHONPATH=src python bench/fuzz.py --seed 6 --dump 375   # write input 375 of seed 6 to --out

Every input comes from one of the generators in `GENERATORS` (random bytes and code points, HTML
fragment soup, our article page in every encoding with bytes flipped, spans cut or repeated, deep
nesting, a sea of tiny elements, big flat pages, entity bombs, unclosed comments and scripts, scraped
text with chrome and very long lines, short units repeated into one long line), drawn with a seeded
`random.Random`, so a run is reproducible and input N of a seed is always the same.

`extract()` must return an `Article` or raise an `ExtractionError`. Anything else is a *foreign
exception*; an `InternalExtractionError` (our wrapper for a bug) is reported the same way; an input
still running after ``--hang`` seconds is interrupted and counted as a *hang*. Each of those inputs is
saved to ``--out`` with its traceback, and the exit status is 1. The summary gives the outcome counts
per generator, the slowest input (seconds, size, generator, index) and the worst seconds per MB among
inputs of at least 64 KB, the figure the ≤ 1 s/MB budget is about.
"""

from __future__ import annotations

import argparse
import json
import random
import signal
import sys
import time
import traceback
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from types import FrameType

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

from hostile_pages import (
    ENCODINGS,
    PARAGRAPHS,
    article_html,
    article_text,
    billion_laughs,
    deep_nesting,
    flat_page,
    tiny_elements,
)

from vnnews_extract import errors, extract

Source = str | bytes

_FRAGMENTS = (
    "<html>", "<head>", "<body>", "</body>", "<title>", "</title>", "<p>", "</p>", "<div class='content'>",
    "</div>", "<article>", "</article>", "<h1>", "</h1>", "<h2>", "</h2>", "<br>", "<table><tr><td>",
    "</td></tr></table>", "<ul><li>", "</li></ul>", "<figure><img alt='Ảnh'><figcaption>", "</figcaption></figure>",
    "<script>", "</script>", "<style>", "</style>", "<!--", "-->", "<![CDATA[", "]]>", "<?xml version='1.0'?>",
    '<!DOCTYPE html [<!ENTITY a "&b;&b;">]>', "&a;", "&nbsp;", "&amp;", "&#7879;", "&#x1EC7;", "&#0;", "&#xD800;",
    "&#99999999;", "<meta charset='windows-1258'>", "<meta charset='tcvn'>", '<meta property="og:title" content="',
    '<script type="application/ld+json">{"@type": "NewsArticle", "datePublished": "2024-13-45", "author": [[[',
    "</script>", "<time datetime='2024-11-21T19:36:28+07:00'>", "</time>", "\n", " ", "\u200b", "\u202e", "\x00",
    "<", ">", "&", "Thứ Năm, 21/11/2024 19:36:28 GMT+7", "Lượt xem: 1.746", "1.320 triệu USD", "giảm 47,6%",
    "Theo VnExpress", "Ý kiến bạn đọc", "Về đầu trang", "Quảng cáo", "Tin liên quan",
    "ngày 31/02/2024", "99999999999999999999 tỷ đồng", "tăng " + "1" * 400 + "%",
)  # fmt: skip
_WORDS = tuple(word for paragraph in PARAGRAPHS for word in paragraph.split())


def _random_bytes(rng: random.Random) -> Source:
    return rng.randbytes(rng.choice((1, 16, 512, 4096, 65536)))


def _random_text(rng: random.Random) -> Source:
    ranges = ((0, 0x80), (0x80, 0x250), (0x300, 0x370), (0x590, 0x700), (0x1EA0, 0x1F00), (0x2000, 0x2070),
              (0xD800, 0xE000), (0xFE00, 0xFF00), (0x1F300, 0x1F700))  # fmt: skip
    length = rng.choice((1, 50, 2000, 20000))
    return "".join(chr(rng.randrange(*rng.choice(ranges))) for _ in range(length))


def _soup(rng: random.Random) -> Source:
    parts = [rng.choice(_FRAGMENTS) if rng.random() < 0.6 else rng.choice(_WORDS) for _ in range(rng.randrange(400))]
    text = " ".join(parts)
    return text if rng.random() < 0.5 else text.encode("utf-8", errors="surrogatepass")


def _mutate(data: bytes, rng: random.Random) -> bytes:
    buffer = bytearray(data)
    for _ in range(rng.randrange(1, 8)):
        if not buffer:
            break
        at = rng.randrange(len(buffer))
        kind = rng.randrange(5)
        if kind == 0:
            buffer[at] = rng.randrange(256)
        elif kind == 1:
            del buffer[at : at + rng.randrange(1, 200)]
        elif kind == 2:
            buffer[at:at] = buffer[at : at + rng.randrange(1, 200)] * rng.randrange(1, 50)
        elif kind == 3:
            buffer[at:at] = rng.choice(_FRAGMENTS).encode("utf-8", errors="surrogatepass")
        else:
            del buffer[at:]
    return bytes(buffer)


def _mutated_page(rng: random.Random) -> Source:
    page = article_html() if rng.random() < 0.7 else article_text()
    return _mutate(ENCODINGS[rng.choice(sorted(ENCODINGS))](page), rng)


def _encoded_page(rng: random.Random) -> Source:
    return ENCODINGS[rng.choice(sorted(ENCODINGS))](rng.choice((article_html, article_text))())


def _deep(rng: random.Random) -> Source:
    html = deep_nesting(rng.choice((200, 255, 257, 1000, 20000, 100000)), rng.choice(("div", "font", "b", "td", "li")))
    return html if rng.random() < 0.5 else html.encode()


def _wide(rng: random.Random) -> Source:
    return tiny_elements(rng.choice((1000, 20000, 100000)))


def _big(rng: random.Random) -> Source:
    html = flat_page(rng.choice((0.2, 1.0, 3.0)))
    return html if rng.random() < 0.5 else html.encode()


def _bombs(rng: random.Random) -> Source:
    html = billion_laughs()
    return _mutate(html.encode(), rng) if rng.random() < 0.5 else html


def _unclosed(rng: random.Random) -> Source:
    html = article_html()
    at = rng.randrange(len(html))
    return (
        html[:at]
        + rng.choice(("<!--", "<script>", "<style>", "<title>", "<textarea>", "<a href='", "<![CDATA["))
        + html[at:]
    )


def _scraped_text(rng: random.Random) -> Source:
    lines = article_text().split("\n")
    chrome = ("Thứ Năm, 21/11/2024 19:36:28 GMT+7", "Lượt xem: 1746", "In | Chia sẻ", "Ý kiến bạn đọc", "Về đầu trang")
    for _ in range(rng.randrange(10)):
        lines.insert(rng.randrange(len(lines) + 1), rng.choice(chrome))
    if rng.random() < 0.2:
        lines = [" ".join(lines) * rng.choice((10, 1000))]  # one very long line
    text = "\n".join(lines)
    return unicodedata.normalize("NFD", text) if rng.random() < 0.3 else text


# Short units repeated into one long line: numbers, dates, percent signs, labels. A regex or a loop that
# rescans a line per match shows up here as a slow input.
_UNITS = ("1", "1.", "1,", "1% ", "21/11/", "19:36:", "tăng ", "Lượt xem: ", "Theo ", "1 tỷ ", "triệu USD ",
          "so với ", "từ 1 đến ", "Thứ ", "- ", "(", "…", "a-", ". ")  # fmt: skip


def _repeated_unit(rng: random.Random) -> Source:
    return "Tiêu đề bài viết\nGiá " + rng.choice(_UNITS) * rng.choice((10, 300, 1000, 3000)) + " tăng."


GENERATORS: dict[str, tuple[float, Callable[[random.Random], Source]]] = {
    "random_bytes": (10, _random_bytes),
    "random_text": (10, _random_text),
    "soup": (20, _soup),
    "mutated_page": (30, _mutated_page),
    "encoded_page": (8, _encoded_page),
    "unclosed": (8, _unclosed),
    "scraped_text": (8, _scraped_text),
    "bombs": (3, _bombs),
    "deep": (1.5, _deep),
    "wide": (1, _wide),
    "big": (0.5, _big),
    "repeated_unit": (2, _repeated_unit),
}


class _Hang(BaseException):
    """Raised by the alarm; a BaseException, so `extract()` does not wrap it as one of its errors."""


def _alarm(signum: int, frame: FrameType | None) -> None:
    raise _Hang


@dataclass
class Report:
    outcomes: Counter[tuple[str, str]] = field(default_factory=Counter)
    failures: list[dict[str, object]] = field(default_factory=list)
    slowest: tuple[float, int, str, int] = (0.0, 0, "", -1)
    worst_per_mb: tuple[float, int, str, int] = (0.0, 0, "", -1)
    total_seconds: float = 0.0


def _save(out: Path, index: int, source: Source, kind: str, detail: str) -> None:
    out.mkdir(parents=True, exist_ok=True)
    data = source if isinstance(source, bytes) else source.encode("utf-8", errors="surrogatepass")
    (out / f"{index:06d}.{kind}.input").write_bytes(data)
    (out / f"{index:06d}.{kind}.txt").write_text(detail, encoding="utf-8")


_MIN_BYTES_FOR_RATE = 65536


def inputs(seed: int) -> Iterator[tuple[str, Source]]:
    """The endless, reproducible stream of (generator name, input) of a seed."""
    rng = random.Random(seed)
    names = list(GENERATORS)
    weights = [GENERATORS[name][0] for name in names]
    while True:
        name = rng.choices(names, weights)[0]
        yield name, GENERATORS[name][1](random.Random(rng.getrandbits(64)))


def run(count: int, seed: int, hang: float, out: Path) -> Report:
    report = Report()
    signal.signal(signal.SIGALRM, _alarm)
    for index, (name, source) in zip(range(count), inputs(seed), strict=False):
        size = len(source.encode("utf-8", errors="surrogatepass")) if isinstance(source, str) else len(source)
        started = time.perf_counter()
        outcome, detail = "article", ""
        signal.setitimer(signal.ITIMER_REAL, hang)
        try:
            extract(source)
        except _Hang:
            outcome, detail = "HANG", f"still running after {hang} s"
        except errors.InternalExtractionError as exc:
            outcome = "INTERNAL"
            detail = "".join(traceback.format_exception(exc.__cause__ or exc))
        except errors.ExtractionError as exc:
            outcome = type(exc).__name__
        except BaseException as exc:  # the point of the run: anything else is a bug
            outcome, detail = "FOREIGN", "".join(traceback.format_exception(exc))
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
        elapsed = time.perf_counter() - started
        report.total_seconds += elapsed
        report.outcomes[(name, outcome)] += 1
        if outcome in ("HANG", "INTERNAL", "FOREIGN"):
            report.failures.append({"index": index, "generator": name, "outcome": outcome, "bytes": size})
            _save(out, index, source, outcome, detail)
        if elapsed > report.slowest[0]:
            report.slowest = (elapsed, size, name, index)
        if size >= _MIN_BYTES_FOR_RATE and elapsed / (size / 1e6) > report.worst_per_mb[0]:
            report.worst_per_mb = (elapsed / (size / 1e6), size, name, index)
        if (index + 1) % 1000 == 0:
            print(f"{index + 1:>7} inputs, {report.total_seconds:7.1f} s, {len(report.failures)} failures", flush=True)
    return report


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--count", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=6)
    parser.add_argument("--hang", type=float, default=30.0, help="seconds after which an input counts as a hang")
    parser.add_argument("--out", type=Path, default=Path("bench/out/fuzz"), help="where failing inputs are saved")
    parser.add_argument("--dump", type=int, metavar="INDEX", help="only write input INDEX of the seed to --out")
    args = parser.parse_args(argv)
    if args.dump is not None:
        name, source = next(item for index, item in enumerate(inputs(args.seed)) if index == args.dump)
        _save(args.out, args.dump, source, name, f"input {args.dump} of seed {args.seed}, generator {name}")
        return 0
    report = run(args.count, args.seed, args.hang, args.out)

    by_generator: dict[str, dict[str, int]] = {}
    for (name, outcome), n in sorted(report.outcomes.items()):
        by_generator.setdefault(name, {})[outcome] = n
    seconds, size, name, index = report.slowest
    rate, rate_size, rate_name, rate_index = report.worst_per_mb
    summary = {
        "inputs": args.count,
        "seed": args.seed,
        "total_seconds": round(report.total_seconds, 1),
        "failures": report.failures,
        "outcomes": by_generator,
        "slowest": {"seconds": round(seconds, 3), "bytes": size, "generator": name, "index": index},
        "worst_seconds_per_mb": {
            "s_per_mb": round(rate, 3),
            "bytes": rate_size,
            "generator": rate_name,
            "index": rate_index,
        },
    }
    print(json.dumps(summary, indent=2, ensure_ascii=False))
    return 1 if report.failures else 0


if __name__ == "__main__":
    sys.exit(main())
