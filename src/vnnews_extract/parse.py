"""Stage 2: decoded text → `Page`, the parsed form the segment stage reads.

A scraper may hand us a whole HTML page or the plain text it already pulled out of one (with the page
chrome still in). Which one it is decides how the page is segmented, so it is detected here, once.
HTML is parsed by lxml with network access and entity expansion off.
"""

from __future__ import annotations

from dataclasses import dataclass

import lxml.etree
import lxml.html
import regex

from .errors import EmptyInputError, NoArticleError

__all__ = ["Page", "looks_like_html", "parse_html", "parse_text"]

# Tags whose presence near the start means markup, not prose that happens to contain "<>" or "a < b".
_HTML_TAG = regex.compile(
    r"<(?:!doctype\s+html|html|head|body|meta|title|div|p|article|section|span|a|br|h[1-6]|table|ul|li|img|"
    r"figure|script|style|header|main)\b[^>]*>",
    regex.IGNORECASE,
)
_HTML_SNIFF_CHARS = 8192
# An XML declaration with an encoding makes lxml refuse a `str`; the text is already decoded.
_XML_DECLARATION = regex.compile(r"^\s*<\?xml[^>]*\?>", regex.IGNORECASE)

_PARSER = lxml.html.HTMLParser(
    remove_comments=True,
    remove_pis=True,
    no_network=True,
    recover=True,
    collect_ids=False,
    huge_tree=False,
)


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
    """
    return _HTML_TAG.search(text[:_HTML_SNIFF_CHARS]) is not None


def parse_html(text: str, url: str | None = None) -> Page:
    """Parse HTML source; raises `NoArticleError` when the markup holds no element at all."""
    source = _XML_DECLARATION.sub("", text, count=1)
    try:
        tree = lxml.html.document_fromstring(source, parser=_PARSER)
    except (lxml.etree.ParserError, ValueError) as exc:
        raise NoArticleError(f"the HTML could not be parsed: {exc}") from exc
    if tree is None:
        raise NoArticleError("the HTML holds no elements")
    return Page(text=text, tree=tree, url=url)


def parse_text(text: str, url: str | None = None) -> Page:
    """Wrap plain text (a scraper's ``get_text()`` output) as a `Page`."""
    if not text.strip():
        raise EmptyInputError("input holds no text")
    return Page(text=text, tree=None, url=url)
