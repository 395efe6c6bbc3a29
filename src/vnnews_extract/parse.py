"""Stage 2: decoded text → `Page`, the parsed form the segment stage reads.

A scraper may hand us a whole HTML page or the plain text it already pulled out of one (with the page
chrome still in). Which one it is decides how the page is segmented, so it is detected here, once.

HTML is parsed by lxml with network access off; entities declared in a page's own ``<!DOCTYPE [...]>``
are never expanded (a "billion laughs" page costs nothing: the reference stays as literal text). lxml
keeps its resource limits (no ``huge_tree``): a tree at most 256 elements deep, no text node or attribute
over 10 MB. A page past them is not lost: libxml2 stops building the tree there, so such a page is read
the way a scraper reads it, as the text of its markup (`markup_text`, a linear scan), and segmented as
plain text. Later stages therefore never see a tree deeper than 256, which also keeps any recursive walk
of it far from Python's recursion limit.

Later stages work element by element and line by line, a few microseconds each: a page of a million
tiny elements or lines would take seconds although it is only a few megabytes. So past `MAX_ELEMENTS`
elements, a tree whose elements average fewer than `MIN_AVERAGE_CHARS` characters of source is read as
the text of its markup too (like trafilatura's ``max_tree_size``, but the page is not dropped); and past
`MAX_LINES` lines, a text whose lines average fewer than `MIN_AVERAGE_CHARS` characters is refused with
`InputTooLargeError`. Real pages are far from both (the corpus pages have at most ~1,700 elements and a
few hundred lines); a huge page of real paragraphs passes, since its cost follows its bytes. Together they
keep the worst case near one second per megabyte.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from typing import cast

import lxml.etree
import lxml.html
import regex

from .deadline import check_deadline
from .errors import EmptyInputError, InputTooLargeError, NoArticleError

__all__ = [
    "BLOCK_TAGS",
    "MAX_ELEMENTS",
    "MAX_LINES",
    "MIN_AVERAGE_CHARS",
    "Page",
    "looks_like_html",
    "markup_text",
    "parse_html",
    "parse_text",
]

MAX_ELEMENTS = 100_000
"""Past this many elements, a tree of tiny elements is read as the text of its markup (module docstring)."""
MAX_LINES = 100_000
"""Past this many non-blank lines, a text of tiny lines is refused with `InputTooLargeError` (module docstring)."""
MIN_AVERAGE_CHARS = 50
"""Characters of source an element, or of text a line, that a page past those counts must average."""
# Counting a tree's elements costs ~70 µs a page; counting "<" in the source (~10 µs) bounds it from above.
_COUNT_ELEMENTS = lxml.etree.XPath("count(//*)")

# Tags whose presence near the start means markup, not prose that happens to contain "<>" or "a < b".
_HTML_TAG = regex.compile(
    r"<(?:!doctype\s+html|html|head|body|meta|title|div|p|article|section|span|a|br|h[1-6]|table|ul|li|img|"
    r"figure|script|style|header|main)\b[^<>]*>",
    regex.IGNORECASE,
)
_HTML_SNIFF_CHARS = 8192
# What may stand before a page's first tag and is skipped before sniffing: whitespace, comments (a licence
# banner can be longer than the sniffed span), processing instructions such as an XML declaration.
_LEADING_NOISE = re.compile(r"(?:\s+|<!--.*?-->|<\?[^<>]*>)*", re.DOTALL)
# An XML declaration with an encoding makes lxml refuse a `str`; the text is already decoded.
_XML_DECLARATION = regex.compile(r"^\s*<\?xml[^<>]*\?>", regex.IGNORECASE)

# libxml2 reports a page past its limits (depth 256, a 10 MB text node) as a fatal error of this type and
# silently drops everything after that point.
_RESOURCE_LIMIT_ERROR = "ERR_RESOURCE_LIMIT"

# `markup_text` patterns use the standard `re`: they are plain scans (no nested quantifier, so linear), and
# on a page of a million tags `re` is about twice as fast as `regex` here.
# Removed with their content: comments and the elements no reader sees. Their end is searched for
# directly, as browsers do; an unclosed one runs to the end of the page.
_HIDDEN_START = re.compile(r"<!--|<(script|style|noscript|template)\b[^<>]*>", re.IGNORECASE)
_HIDDEN_END: dict[str, re.Pattern[str]] = {
    name: re.compile(rf"</{name}\s*>", re.IGNORECASE) for name in ("script", "style", "noscript", "template")
}
_COMMENT_END = re.compile(r"-->")
# Any tag, its name captured. A tag may not contain "<": a stray "<" then starts the next match, so a page
# of unclosed tags is still scanned once (a "[^>]*" would rescan to the end of the page from each of them).
_TAG = re.compile(r"<(?:/?([A-Za-z][A-Za-z0-9:_-]*)[^<>]*|[!?][^<>]*)>")
# Elements that start and end a block of text: the HTML segmenter's blocks, and the lines of the
# text-of-markup fallback below.
BLOCK_TAGS: frozenset[str] = frozenset(
    {
        "p",
        "div",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "ul",
        "ol",
        "li",
        "dl",
        "dt",
        "dd",
        "table",
        "thead",
        "tbody",
        "tfoot",
        "tr",
        "td",
        "th",
        "caption",
        "blockquote",
        "figure",
        "figcaption",
        "section",
        "article",
        "aside",
        "header",
        "footer",
        "nav",
        "main",
        "address",
        "pre",
        "form",
        "fieldset",
        "center",
        "hr",
        "details",
        "summary",
        "menu",
        "hgroup",
        "body",
        "html",
    }
)
# Elements that also start a new line of text, as a scraper's ``get_text("\n")`` breaks them.
_LINE_BREAKING_TAGS: frozenset[str] = BLOCK_TAGS | {"br", "option", "title"}


@dataclass(frozen=True, eq=False)
class Page:
    """A decoded page: its text, and its lxml tree when it is HTML (None for plain text)."""

    text: str
    tree: lxml.html.HtmlElement | None
    url: str | None = None

    @property
    def is_html(self) -> bool:
        return self.tree is not None


def looks_like_html(text: str) -> bool:
    """True when the start of `text` holds real HTML tags.

    >>> looks_like_html("<!DOCTYPE html><html><body><p>Xin chào</p></body></html>")
    True
    >>> looks_like_html("Ý kiến bạn đọc :\\n<>\\nQuảng cáo")
    False
    >>> looks_like_html("<!-- " + "bản quyền " * 2000 + "-->\\n<html><body><p>Xin chào</p>")
    True
    """
    noise = _LEADING_NOISE.match(text)
    start = noise.end() if noise else 0
    return _HTML_TAG.search(text, start, start + _HTML_SNIFF_CHARS) is not None


# Every element a plain `HtmlElement`, chosen in C: lxml.html's own lookup picks a class per element in
# Python (form, input, label… classes we never use), ~1 µs for each element a later stage touches
# (~0.3 ms a page on the corpus).
_ELEMENT_CLASSES = lxml.etree.ElementDefaultClassLookup(
    element=lxml.html.HtmlElement,
    comment=lxml.html.HtmlComment,
    pi=lxml.html.HtmlProcessingInstruction,
    entity=lxml.html.HtmlEntity,
)


def _new_parser() -> lxml.html.HTMLParser:
    """A parser per call: its error log then belongs to this page alone, also when threads share the module."""
    parser = lxml.html.HTMLParser(
        remove_comments=True,
        remove_pis=True,
        no_network=True,
        recover=True,
        collect_ids=False,
        huge_tree=False,
    )
    parser.set_element_class_lookup(_ELEMENT_CLASSES)
    return parser


def _hit_resource_limit(parser: lxml.html.HTMLParser) -> bool:
    return any(error.type_name == _RESOURCE_LIMIT_ERROR for error in parser.error_log)


def _without_hidden(source: str) -> str:
    """`source` without comments, scripts, styles, ``<noscript>`` and ``<template>`` (one pass)."""
    parts: list[str] = []
    pos = 0
    while (start := _HIDDEN_START.search(source, pos)) is not None:
        parts.append(source[pos : start.start()])
        name = start.group(1)
        closing = (_HIDDEN_END[name.lower()] if name else _COMMENT_END).search(source, start.end())
        if closing is None:
            return "".join(parts)
        pos = closing.end()
    parts.append(source[pos:])
    return "".join(parts)


def _tag_separator(tag: re.Match[str]) -> str:
    return "\n" if (tag.group(1) or "").lower() in _LINE_BREAKING_TAGS else ""


def markup_text(source: str) -> str:
    """The text of HTML source, one line per block element, without building a tree.

    What a scraper's ``get_text("\\n")`` gives: scripts, styles and comments dropped (an unclosed one runs
    to the end of the page, as in a browser), entities decoded, whitespace collapsed, blank lines dropped.
    Linear in the input whatever the nesting.

    >>> markup_text("<div><div><p>Giá lúa&nbsp;tăng</p><script>var x = '<p>';</script><p>Hôm nay</div>")
    'Giá lúa tăng\\nHôm nay'
    >>> markup_text("<p>Trước<!-- chưa đóng <p>bị bỏ")
    'Trước'
    """
    visible = _without_hidden(source)
    check_deadline("parse")
    text = html.unescape(_TAG.sub(_tag_separator, visible))
    return "\n".join(line for line in (" ".join(raw.split()) for raw in text.splitlines()) if line)


def parse_html(text: str, url: str | None = None) -> Page:
    """Parse HTML source; raises `NoArticleError` when the markup holds no element at all.

    A page past lxml's limits (nesting deeper than 256, a text node over 10 MB) comes back as a plain-text
    `Page` of its markup's text instead of a truncated tree.

    >>> deep = "<html><body>" + "<div>" * 300 + "<p>Giá lúa tăng mạnh.</p>" + "</div>" * 300 + "</body></html>"
    >>> page = parse_html(deep)
    >>> page.is_html, page.text
    (False, 'Giá lúa tăng mạnh.')
    """
    source = _XML_DECLARATION.sub("", text, count=1)
    parser = _new_parser()
    try:
        tree = lxml.html.document_fromstring(source, parser=parser)
    except (lxml.etree.ParserError, ValueError) as exc:
        raise NoArticleError(f"the HTML could not be parsed: {exc}") from exc
    if tree is None:
        raise NoArticleError("the HTML holds no elements")
    if _hit_resource_limit(parser) or _too_many_elements(source, tree):
        check_deadline("parse")
        return parse_text(markup_text(source), url)
    return Page(text=text, tree=tree, url=url)


def _too_many_elements(source: str, tree: lxml.html.HtmlElement) -> bool:
    limit = max(MAX_ELEMENTS, len(source) // MIN_AVERAGE_CHARS)
    return source.count("<") > limit and cast(float, _COUNT_ELEMENTS(tree)) > limit  # the cheap bound first


def parse_text(text: str, url: str | None = None) -> Page:
    """Wrap plain text (a scraper's ``get_text()`` output) as a `Page`.

    >>> parse_text("Giá lúa tăng\\n" * (MAX_LINES + 1))  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    vnnews_extract.errors.InputTooLargeError: the text has 100,001 lines averaging 13 characters; past 100,000 ...
    """
    if not text.strip():
        raise EmptyInputError("input holds no text")
    limit = max(MAX_LINES, len(text) // MIN_AVERAGE_CHARS)
    if text.count("\n") + text.count("\r") >= limit:  # the cheap bound first: splitlines costs ~50 times more
        lines = sum(1 for line in text.splitlines() if line and not line.isspace())
        if lines > limit:
            raise InputTooLargeError(
                f"the text has {lines:,} lines averaging {len(text) // lines} characters; past {MAX_LINES:,} "
                f"lines they must average {MIN_AVERAGE_CHARS}"
            )
    return Page(text=text, tree=None, url=url)
