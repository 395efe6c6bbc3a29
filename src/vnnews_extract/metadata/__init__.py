"""Stage 4: page-level metadata, merged from every place a page puts it.

Structured data from the HTML (JSON-LD, OpenGraph, meta tags, microdata, the breadcrumb and tag box:
`html.read_html_metadata`) and what the page shows in its text blocks (the headline, the date line,
the byline, "Theo …", the view counter: `lines.read_block_metadata`) are read separately and merged
field by field. The policy, per field:

- title: the headline shown on the page beats ``og:title`` / JSON-LD ``headline``, which often carry
  the site's name or a shortened form;
- published: the date line the reader sees, when it gives a time of day, beats the declared value
  (declared values are sometimes the crawl or creation time, or carry a wrong zone); a declared value
  with a time beats a shown date without one (same day or not, the declared one is more precise);
- author: a declared person's name beats the byline text (bylines carry outlets and labels:
  "Thế Duyệt, Đời sống Pháp luật"); the byline is used when nothing is declared;
- source and views exist only on the page; url, site name, category and tags only in the markup.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import datetime

from ..blocks import Block
from ..parse import Page
from .fields import Metadata, first_of
from .html import read_html_metadata
from .lines import read_block_metadata

__all__ = ["Metadata", "read_metadata"]


def _has_time(value: datetime | None) -> bool:
    return value is not None and (value.hour, value.minute, value.second) != (0, 0, 0)


def choose_published(shown: datetime | None, declared: datetime | None) -> datetime | None:
    """The publication time from the date line shown and the one declared in the markup.

    >>> from datetime import timedelta, timezone
    >>> tz = timezone(timedelta(hours=7))
    >>> shown, declared = datetime(2012, 12, 24, 3, 4, tzinfo=tz), datetime(2012, 12, 23, 14, 2, tzinfo=tz)
    >>> choose_published(shown, declared) == shown
    True
    >>> choose_published(datetime(2012, 12, 23, tzinfo=tz), declared) == declared
    True
    >>> choose_published(None, None) is None
    True
    """
    if _has_time(shown):
        return shown
    if declared is not None:
        return declared
    return shown


def read_metadata(page: Page, blocks: Sequence[Block]) -> Metadata:
    """Merge the metadata the HTML declares with what the page's blocks show."""
    visible = read_block_metadata(blocks)
    if page.tree is None:
        return replace(visible, url=visible.url or page.url)
    declared = read_html_metadata(page.tree)
    merged = first_of(
        Metadata(
            title=visible.title,
            published=choose_published(visible.published, declared.published),
            updated=declared.updated or visible.updated,
            author=declared.author or visible.author,
            source=visible.source,
            views=visible.views,
        ),
        declared,
        visible,
    )
    return replace(merged, url=merged.url or page.url)
