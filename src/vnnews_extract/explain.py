"""`explain()`: an extraction together with the evidence for it.

When an extraction is wrong, users need to see why without reading code: which blocks were kept and
which removed (and for what reason), where sections start, which figure became which metric, and where
each metadata field was read. `explain()` runs the same pipeline as `extract()` and keeps what the
stages decided; `report.render_report` turns that into an HTML page.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, fields
from datetime import datetime

import lxml.html

from .blocks import Block, Role
from .metadata.dates import parse_date
from .metadata.fields import Metadata
from .metadata.html import read_html_metadata
from .metadata.jsonld import names_value, read_jsonld, text_value
from .metadata.lines import read_block_metadata
from .model import Article
from .pipeline import Extraction, Source, run_pipeline

__all__ = ["Explanation", "explain"]

# Which visible line each field shown on the page is read from.
_SHOWN_ON: dict[str, Role] = {
    "title": Role.TITLE,
    "published": Role.DATELINE,
    "updated": Role.DATELINE,
    "author": Role.BYLINE,
    "source": Role.SOURCE,
    "views": Role.CHROME,
}
_SHOWN_LABEL: dict[Role, str] = {
    Role.TITLE: "page: headline",
    Role.DATELINE: "page: date line",
    Role.BYLINE: "page: byline",
    Role.SOURCE: "page: credit line (Theo / Nguồn)",
    Role.CHROME: "page: view counter",
}
_DECLARED_LABEL = "HTML markup: breadcrumb or tag box"  # declared, but in no JSON-LD field or meta tag
_CALLER_LABEL = "caller: url= argument"
# The JSON-LD property each metadata field is read from.
_JSONLD_PROPERTY: dict[str, str] = {
    "title": "headline",
    "published": "datePublished",
    "updated": "dateModified",
    "author": "author",
    "site_name": "publisher",
    "url": "url",
    "category": "articleSection",
}


@dataclass(frozen=True)
class Explanation:
    """An article, the role-tagged blocks it was built from, and where each metadata field came from."""

    article: Article
    blocks: tuple[Block, ...]
    origins: Mapping[str, str]


def _matches(raw: object, value: object) -> bool:
    """Whether a raw JSON-LD or meta value says `value` (a date read to the same instant, a name contained)."""
    if isinstance(value, datetime):
        return isinstance(raw, str) and parse_date(raw) == value
    if isinstance(value, tuple):
        return False
    names = names_value(raw) or [text_value(raw) or ""]
    return any(n and (n == value or (isinstance(value, str) and n in value)) for n in names)


def _declared_origin(tree: lxml.html.HtmlElement, field: str, value: object) -> str:
    """Which declaration in the markup gave `value`: a JSON-LD property, a named meta tag, the canonical link."""
    scripts = [s.text or "" for s in tree.iter("script") if s.get("type") == "application/ld+json"]
    article = read_jsonld(scripts).article or {}
    prop = _JSONLD_PROPERTY.get(field)
    if prop and _matches(article.get(prop), value):
        return f"JSON-LD: {prop}"
    for meta in tree.iter("meta"):
        if _matches(meta.get("content"), value):
            name = meta.get("property") or meta.get("name") or meta.get("itemprop") or "?"
            return f"meta tag: {name}"
    if field == "url" and any(
        link.get("href") == value for link in tree.iter("link") if link.get("rel") == "canonical"
    ):
        return "link rel=canonical"
    return _DECLARED_LABEL


def _origins(run: Extraction, url: str | None) -> dict[str, str]:
    """Field → the place its final value was read, for every metadata field that has one."""
    shown = read_block_metadata(run.blocks)
    tree = run.page.tree
    declared = read_html_metadata(tree) if tree is not None else Metadata()
    article = run.article
    origins: dict[str, str] = {}
    for f in fields(Metadata):
        value = getattr(article, f.name)
        if value in (None, ()):
            continue
        if f.name in _SHOWN_ON and getattr(shown, f.name) == value:
            origins[f.name] = _SHOWN_LABEL[_SHOWN_ON[f.name]]
        elif tree is not None and getattr(declared, f.name) == value:
            origins[f.name] = _declared_origin(tree, f.name, value)
        elif f.name == "url" and value == url:
            origins[f.name] = _CALLER_LABEL
        else:
            origins[f.name] = "merged from page and markup"
    return origins


def explain(source: Source, *, url: str | None = None, timeout: float | None = None) -> Explanation:
    """Extract `source` as `extract()` does, keeping the blocks and the metadata origins.

    >>> e = explain("Lượt xem: 12\\nGiá lúa tăng\\nGiá lúa hôm nay tăng 200 đồng/kg so với tuần trước.")
    >>> [(b.role.value, b.reason) for b in e.blocks][:2], e.origins["views"]
    ([('chrome', 'views'), ('title', None)], 'page: view counter')
    """
    run = run_pipeline(source, url=url, timeout=timeout)
    return Explanation(run.article, run.blocks, _origins(run, url))
