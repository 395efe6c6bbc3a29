"""The `vnnews-extract` command: extract articles from files or standard input.

    vnnews-extract FILE... [--format json|text|markdown] [--url URL]
    vnnews-extract explain PAGE [-o report.html] [--url URL]
    vnnews-extract batch INPUT... -o OUTDIR [--workers N] [--format jsonl|parquet] [--resume] [--timeout S]
                         [--engine local|dask] [--scheduler ADDRESS]

One result per input (JSON: one object per line). An input that cannot be read gets a one-line error on
stderr, the others are still processed, and the exit status is 1. `explain` writes a self-contained HTML
report of what was kept, removed and extracted from one page. `batch` runs many pages in parallel
(see `vnnews_extract.batch.cli`).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path

from .errors import ExtractionError
from .model import Article
from .pipeline import Source, extract

__all__ = ["main"]

_PROG = "vnnews-extract"


def _render(article: Article, fmt: str) -> str:
    if fmt == "json":
        return json.dumps(article.to_dict(), ensure_ascii=False)
    if fmt == "markdown":
        return article.to_markdown()
    header = [article.title] if article.title else []
    return "\n\n".join([*header, article.body_text]) + "\n"


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog=_PROG, description="Extract the article, its metadata and its figures from Vietnamese news pages."
    )
    parser.add_argument("files", nargs="*", metavar="FILE", help="HTML or text pages; standard input when none")
    parser.add_argument("--format", choices=("json", "text", "markdown"), default="json", help="output format")
    parser.add_argument("--url", help="the page's URL, when it does not declare one itself")
    return parser


def _explain_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog=f"{_PROG} explain", description="Write an HTML report of what was extracted from one page, and why."
    )
    parser.add_argument("page", metavar="PAGE", help="an HTML or text page")
    parser.add_argument("-o", "--output", default="report.html", help="where to write the report")
    parser.add_argument("--url", help="the page's URL, when it does not declare one itself")
    return parser


def _explain_main(argv: Sequence[str]) -> int:
    from .explain import explain
    from .report import render_report

    args = _explain_parser().parse_args(argv)
    try:
        report = render_report(explain(Path(args.page), url=args.url))
    except ExtractionError as exc:
        print(f"{_PROG}: {args.page}: {exc}", file=sys.stderr)
        return 1
    Path(args.output).write_text(report, encoding="utf-8")
    print(f"{_PROG}: report written to {args.output}", file=sys.stderr)
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command; returns the exit status (0 when every input was extracted)."""
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv[:1] == ["explain"]:
        return _explain_main(argv[1:])
    if argv[:1] == ["batch"]:
        from .batch.cli import main as batch_main

        return batch_main(argv[1:])
    args = _parser().parse_args(argv)
    sources: list[tuple[str, Source]] = [(f, Path(f)) for f in args.files] or [("<stdin>", sys.stdin.buffer.read())]
    status = 0
    for name, source in sources:
        try:
            article = extract(source, url=args.url)
        except ExtractionError as exc:
            print(f"{_PROG}: {name}: {exc}", file=sys.stderr)
            status = 1
            continue
        print(_render(article, args.format), flush=True)
    return status


if __name__ == "__main__":
    sys.exit(main())
