"""HTML segmentation: find the article in the tree and tag every block with its role."""

from __future__ import annotations

import lxml.html

from ..blocks import Block, Role

__all__ = ["segment_html"]


def segment_html(tree: lxml.html.HtmlElement) -> tuple[Block, ...]:
    """Role-tagged blocks of an HTML page (placeholder: every <p> as a paragraph)."""
    return tuple(
        Block(" ".join(p.text_content().split()), Role.PARAGRAPH) for p in tree.iter("p") if p.text_content().strip()
    )
