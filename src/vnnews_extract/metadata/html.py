"""Metadata read from an HTML tree: JSON-LD, OpenGraph, meta tags, itemprop, <time> (placeholder)."""

from __future__ import annotations

import lxml.html

from .fields import Metadata

__all__ = ["read_html_metadata"]


def read_html_metadata(tree: lxml.html.HtmlElement) -> Metadata:
    return Metadata()
