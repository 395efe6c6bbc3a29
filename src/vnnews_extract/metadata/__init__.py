"""Stage 4: page-level metadata, merged from every place a page puts it.

Structured data from the HTML head (JSON-LD, OpenGraph, meta tags) and what the page shows (the
headline, the date line, the byline, "Theo …") are read separately and merged field by field in order
of trust. The visible headline beats ``og:title`` (which often carries the site name); a date line
the page shows gives the time when the structured date has none.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from ..blocks import Block
from ..parse import Page
from .fields import Metadata, first_of
from .html import read_html_metadata
from .lines import read_block_metadata

__all__ = ["Metadata", "read_metadata"]


def _same_day_without_time(structured: Metadata, visible: Metadata) -> bool:
    s, v = structured.published, visible.published
    return bool(
        s is not None
        and v is not None
        and s.date() == v.date()
        and (s.hour, s.minute, s.second) == (0, 0, 0)
        and (v.hour, v.minute) != (0, 0)
    )


def read_metadata(page: Page, blocks: Sequence[Block]) -> Metadata:
    """Merge the metadata the HTML head declares with what the page's blocks show."""
    visible = read_block_metadata(blocks)
    if page.tree is None:
        return replace(visible, url=visible.url or page.url)
    structured = read_html_metadata(page.tree)
    if _same_day_without_time(structured, visible):
        structured = replace(structured, published=visible.published)
    merged = first_of(
        Metadata(title=visible.title, author=visible.author, source=visible.source, views=visible.views),
        structured,
        visible,
    )
    return replace(merged, url=merged.url or page.url)
