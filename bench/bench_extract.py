"""Extraction benchmark: vnnews_extract against the peers a user would pick, on one corpus, in one process.

Usage::

    PYTHONPATH=src python bench/bench_extract.py [CORPUS_DIR] [--tools a,b] [--no-text]

CORPUS_DIR has the layout of ``../shared/corpus`` (``html/NAME.html`` + ``gold/NAME.json``, optionally
``text/NAME.txt`` and ``text_pages_dev.jsonl``) and defaults to that directory when it exists. Every peer
that is installed (trafilatura default and fast, readability-lxml, newspaper4k, jusText with the
Vietnamese stoplist, boilerpy3) is run; missing ones are skipped. After one warm-up call each, the tools
run interleaved page by page (the order rotating from page to page, the garbage of the previous call
collected before each timed call), so machine noise hits them alike. ``vnnews_extract (generic)`` is
the same extractor with the known-CMS container table emptied: the number that says how we do on
unseen sites.
"""

from __future__ import annotations

import argparse
import contextlib
import gc
import json
import sys
import time
import warnings
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

import regex
from scoring import (
    BodyScore,
    PageScore,
    author_matches,
    body_score,
    date_matches,
    day_matches,
    page_score,
    title_matches,
)

REPO = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = REPO.parent / "shared" / "corpus"


@dataclass(frozen=True)
class Prediction:
    """What one tool read from one page (None where the tool does not report the field)."""

    body: str
    captions: str = ""
    title: str | None = None
    published: datetime | date | str | None = None
    author: str | list[str] | None = None


Tool = Callable[[str, str | None], Prediction]


# ---------------------------------------------------------------- tools


def _vnnews(html: str, url: str | None) -> Prediction:
    from vnnews_extract import extract

    article = extract(html, url=url)
    return Prediction(
        body=article.body_text,
        captions="\n\n".join(article.captions),
        title=article.title,
        published=article.published,
        author=article.author,
    )


@contextlib.contextmanager
def _generic_only() -> Iterator[None]:
    from vnnews_extract.segment import hints

    saved = hints.KNOWN_CMS_CONTAINERS
    hints.KNOWN_CMS_CONTAINERS = ()
    try:
        yield
    finally:
        hints.KNOWN_CMS_CONTAINERS = saved


def _vnnews_generic(html: str, url: str | None) -> Prediction:
    with _generic_only():
        return _vnnews(html, url)


def _trafilatura(fast: bool) -> Tool:
    import trafilatura

    def run(html: str, url: str | None) -> Prediction:
        doc = trafilatura.bare_extraction(html, url=url, fast=fast, with_metadata=True, include_comments=False)
        if doc is None:
            return Prediction(body="")
        get = doc.get if isinstance(doc, dict) else lambda k: getattr(doc, k, None)
        return Prediction(body=get("text") or "", title=get("title"), published=get("date"), author=get("author"))

    return run


def _readability() -> Tool:
    import lxml.html
    from readability import Document

    def run(html: str, url: str | None) -> Prediction:
        doc = Document(html, url=url)
        summary = lxml.html.fromstring(doc.summary(html_partial=True))
        return Prediction(body=summary.text_content(), title=doc.short_title())

    return run


def _newspaper() -> Tool:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from newspaper import Article

    def run(html: str, url: str | None) -> Prediction:
        article = Article(url or "http://localhost/", language="vi", fetch_images=False)
        article.download(input_html=html)
        article.parse()
        return Prediction(
            body=article.text, title=article.title, published=article.publish_date, author=article.authors or None
        )

    return run


def _justext() -> Tool:
    import justext

    stoplist = justext.get_stoplist("Vietnamese")

    def run(html: str, url: str | None) -> Prediction:
        paragraphs = justext.justext(html.encode("utf-8"), stoplist, encoding="utf-8")
        return Prediction(body="\n\n".join(p.text for p in paragraphs if not p.is_boilerplate))

    return run


def _boilerpy3() -> Tool:
    from boilerpy3 import extractors

    extractor = extractors.ArticleExtractor(raise_on_failure=False)

    def run(html: str, url: str | None) -> Prediction:
        doc = extractor.get_doc(html)
        return Prediction(body=doc.content, title=doc.title)

    return run


def _lxml_parse() -> Tool:
    import lxml.html

    def run(html: str, url: str | None) -> Prediction:
        lxml.html.fromstring(html)
        return Prediction(body="")

    return run


PEERS: dict[str, Callable[[], Tool]] = {
    "trafilatura": lambda: _trafilatura(fast=False),
    "trafilatura-fast": lambda: _trafilatura(fast=True),
    "readability-lxml": _readability,
    "newspaper4k": _newspaper,
    "justext": _justext,
    "boilerpy3": _boilerpy3,
}
BASELINES: dict[str, Callable[[], Tool]] = {"lxml-parse": _lxml_parse}


def load_tools(names: list[str] | None) -> dict[str, Tool]:
    """Our two variants, the lxml parse baseline (speed only), and every installed peer."""
    tools: dict[str, Tool] = {"vnnews_extract": _vnnews, "vnnews_extract (generic)": _vnnews_generic}
    for name, factory in {**PEERS, **BASELINES}.items():
        if names and name not in names:
            continue
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                tools[name] = factory()
        except Exception as exc:  # an optional peer: any import failure just skips it
            print(f"skip {name}: {type(exc).__name__}: {exc}", file=sys.stderr)
    return tools


# ---------------------------------------------------------------- corpus and scoring


@dataclass(frozen=True)
class Page:
    name: str
    html: str
    gold: dict[str, Any]
    text: str | None


# class="…" and id="…" attributes, for --strip-names: what a page of an unseen CMS gives our hints to go on.
_NAME_ATTRIBUTE = regex.compile(r"""\s(?:class|id)\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]+)""", regex.IGNORECASE)


def strip_names(html: str) -> str:
    """The page without any class or id attribute.

    >>> strip_names('<div class="sapo" id=a1>x</div>')
    '<div>x</div>'
    """
    return _NAME_ATTRIBUTE.sub("", html)


def load_corpus(root: Path, *, names: bool = True) -> list[Page]:
    pages = []
    for gold_path in sorted((root / "gold").glob("*.json")):
        html_path = root / "html" / f"{gold_path.stem}.html"
        if not html_path.exists():
            continue
        text_path = root / "text" / f"{gold_path.stem}.txt"
        html = html_path.read_bytes().decode("utf-8", "replace")
        pages.append(
            Page(
                name=gold_path.stem,
                html=html if names else strip_names(html),
                gold=json.loads(gold_path.read_text(encoding="utf-8")),
                text=text_path.read_text(encoding="utf-8") if text_path.exists() else None,
            )
        )
    return pages


def _gold_with_captions(gold: dict[str, Any]) -> str:
    return "\n\n".join([gold.get("body") or "", *(gold.get("captions") or [])])


@dataclass
class Tally:
    """Per-tool running totals."""

    with_captions: list[PageScore] = field(default_factory=list)
    body_alone: list[PageScore] = field(default_factory=list)
    titles: list[bool] = field(default_factory=list)
    dates: list[bool] = field(default_factory=list)
    days: list[bool] = field(default_factory=list)
    authors: list[bool] = field(default_factory=list)
    seconds: float = 0.0
    errors: int = 0
    per_page: dict[str, float] = field(default_factory=dict)

    def add(self, page: Page, pred: Prediction, seconds: float) -> None:
        gold = page.gold
        self.seconds += seconds
        full = "\n\n".join(x for x in (pred.body, pred.captions) if x)
        self.with_captions.append(page_score(full, _gold_with_captions(gold)))
        self.body_alone.append(page_score(pred.body, gold.get("body")))
        self.per_page[page.name] = self.with_captions[-1].f1
        self.titles.append(title_matches(pred.title, gold.get("title")))
        if gold.get("published"):
            self.dates.append(date_matches(pred.published, gold["published"]))
            self.days.append(day_matches(pred.published, gold["published"]))
        if gold.get("author"):
            self.authors.append(author_matches(pred.author, gold["author"]))


def _share(values: list[bool]) -> str:
    return f"{sum(values) / len(values):.2f}" if values else "  - "


def run_html_track(pages: list[Page], tools: dict[str, Tool]) -> dict[str, Tally]:
    tallies = {name: Tally() for name in tools}
    for tool in tools.values():  # warm-up: imports, caches, lazy compiles
        with contextlib.suppress(Exception):
            tool(pages[0].html, pages[0].gold.get("url"))
    names = list(tools)
    for turn, page in enumerate(pages):
        # The tool that runs first on a page pays for the garbage the last one left: rotate the order.
        for name in names[turn % len(names) :] + names[: turn % len(names)]:
            tool = tools[name]
            gc.collect()
            start = time.perf_counter()
            try:
                pred = tool(page.html, page.gold.get("url"))
            except Exception as exc:
                pred = Prediction(body="")
                tallies[name].errors += 1
                print(f"{name} failed on {page.name}: {type(exc).__name__}: {exc}", file=sys.stderr)
            tallies[name].add(page, pred, time.perf_counter() - start)
    return tallies


def print_html_table(tallies: dict[str, Tally], n_pages: int) -> None:
    header = (
        f"{'tool':26} {'P':>6} {'R':>6} {'F1':>6} {'≥.95':>5} | {'F1 body':>7} {'≥.95':>5} | "
        f"{'title':>5} {'date':>5} {'day':>5} {'author':>6} | {'ms/page':>7} {'pages/s':>7}"
    )
    print(header)
    print("-" * len(header))
    for name, t in tallies.items():
        ms = 1000 * t.seconds / n_pages
        if name in BASELINES:
            print(
                f"{name:26} {'':>6} {'':>6} {'':>6} {'':>5} | {'':>7} {'':>5} | {'':>5} {'':>5} {'':>5} {'':>6} | "
                f"{ms:7.1f} {1000 / ms if ms else 0:7.1f}"
            )
            continue
        full: BodyScore = body_score(t.with_captions)
        alone: BodyScore = body_score(t.body_alone)
        print(
            f"{name:26} {full.precision:6.3f} {full.recall:6.3f} {full.f1:6.3f} {full.clean_share:5.0%} | "
            f"{alone.f1:7.3f} {alone.clean_share:5.0%} | {_share(t.titles):>5} {_share(t.dates):>5} "
            f"{_share(t.days):>5} {_share(t.authors):>6} | {ms:7.1f} {1000 / ms if ms else 0:7.1f}"
            + (f"  ({t.errors} errors)" if t.errors else "")
        )


def print_per_page(tallies: dict[str, Tally], names: list[str]) -> None:
    pages = list(next(iter(tallies.values())).per_page)
    print(f"\n{'page (body+captions F1)':60} " + " ".join(f"{n[:12]:>12}" for n in names))
    for page in pages:
        print(f"{page[:60]:60} " + " ".join(f"{tallies[n].per_page.get(page, 0):12.3f}" for n in names))


def run_text_track(pages: list[Page]) -> None:
    """The same pages as a naive scraper's text: body+captions (the headline figure) and body alone.

    From text alone a gallery's long captions read as paragraphs, so the body-alone score of those pages
    stays low whatever the segmenter does; body+captions does not punish keeping them.
    """
    from vnnews_extract import extract

    with_captions: list[PageScore] = []
    alone: list[PageScore] = []
    for page in pages:
        if not page.text:
            continue
        article = extract(page.text)
        gold_captions = "\n".join(page.gold.get("captions") or [])
        with_captions.append(
            page_score(
                article.body_text + "\n" + "\n".join(article.captions), f"{page.gold.get('body')}\n{gold_captions}"
            )
        )
        alone.append(page_score(article.body_text, page.gold.get("body")))
    if alone:
        full, bare = body_score(with_captions), body_score(alone)
        print(
            f"\ntext track ({len(alone)} pages, page text → extract()): body+captions P {full.precision:.3f} "
            f"R {full.recall:.3f} F1 {full.f1:.3f}, ≥0.95 on {full.clean_share:.0%}; body alone F1 {bare.f1:.3f}, "
            f"≥0.95 on {bare.clean_share:.0%}"
        )


def _folded(text: str) -> str:
    return " ".join(text.split()).casefold()


def run_text_pages(path: Path) -> None:
    """The user's genre: scraped portal texts with their chrome still in."""
    from vnnews_extract import extract

    checks: dict[str, list[bool]] = {k: [] for k in ("title", "published", "views", "source", "chrome-free", "kept")}
    for line in path.read_text(encoding="utf-8").splitlines():
        case = json.loads(line)
        article = extract(case["text"])
        body = _folded(article.body_text)
        checks["title"].append(_folded(article.title or "") == _folded(case["title"] or ""))
        checks["published"].append(
            date_matches(article.published, case["published"]) if case["published"] else article.published is None
        )
        checks["views"].append(article.views == case["views"])
        checks["source"].append((article.source or None) == case["source"])
        chrome = [_folded(c) for c in case["chrome"] if len(_folded(c)) > 2]
        lines = {_folded(x) for x in article.body_text.split("\n\n")}
        checks["chrome-free"].append(not any(c in lines for c in chrome))
        checks["kept"].append(_folded(case["body_first"]) in body and _folded(case["body_last"]) in body)
    print(
        f"\nscraped-text pages ({path.name}, {len(checks['title'])} pages): "
        + ", ".join(f"{k} {_share(v)}" for k, v in checks.items())
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("corpus", nargs="?", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--tools", help="comma-separated peers to run (default: every installed one)")
    parser.add_argument("--no-text", action="store_true", help="skip the text-input tracks")
    parser.add_argument("--per-page", action="store_true", help="print each page's F1 per tool")
    parser.add_argument(
        "--strip-names", action="store_true", help="remove every class and id attribute first (an unseen CMS)"
    )
    args = parser.parse_args(argv)
    if not (args.corpus / "gold").is_dir():
        print(f"no corpus at {args.corpus} (expected html/NAME.html + gold/NAME.json)", file=sys.stderr)
        return 2
    pages = load_corpus(args.corpus, names=not args.strip_names)
    tools = load_tools(args.tools.split(",") if args.tools else None)
    print(f"{len(pages)} pages from {args.corpus}; body+captions and body alone, scored as the corpus README says\n")
    tallies = run_html_track(pages, tools)
    print_html_table(tallies, len(pages))
    if args.per_page:
        print_per_page(tallies, [n for n in tallies if n not in BASELINES])
    if not args.no_text:
        run_text_track(pages)
        text_pages = args.corpus / "text_pages_dev.jsonl"
        if text_pages.exists():
            run_text_pages(text_pages)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
