"""The `vnnews-extract` command: extract articles from files or standard input.

    vnnews-extract FILE... [--format json|text|markdown] [--url URL]

One result per input (JSON: one object per line). An input that cannot be read gets a one-line error on
stderr, the others are still processed, and the exit status is 1.
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


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command; returns the exit status (0 when every input was extracted)."""
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
