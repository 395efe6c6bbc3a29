"""Stage 3: a parsed `Page` → role-tagged `Block`s in reading order, page chrome tagged with a reason.

HTML is segmented through its tree (main-content detection), plain text line by line; both yield the
same `Block` form so every later stage is shared.
"""

from __future__ import annotations

from ..blocks import Block
from ..parse import Page
from .html import segment_html
from .text import segment_text

__all__ = ["segment"]


def segment(page: Page) -> tuple[Block, ...]:
    """Split a page into role-tagged blocks."""
    if page.tree is not None:
        return segment_html(page.tree)
    return segment_text(page.text)
