"""`explain()`: an extraction together with the evidence for it.

When an extraction is wrong, users need to see why without reading code: which blocks were kept and
which removed (and for what reason), where sections start, which figure became which metric, and where
each metadata field was read. `explain()` runs the same pipeline as `extract()` and keeps what the
stages decided; `report.render_report` turns that into an HTML page.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, fields

from .blocks import Block, Role
from .metadata.fields import Metadata
from .metadata.html import read_html_metadata
from .metadata.lines import read_block_metadata
from .model import Article
from .pipeline import Source, run_pipeline

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
_DECLARED_LABEL = "HTML markup: JSON-LD, OpenGraph / meta tags, breadcrumb or tag box"
_CALLER_LABEL = "caller: url= argument"


@dataclass(frozen=True)
class Explanation:
    """An article, the role-tagged blocks it was built from, and where each metadata field came from."""

    article: Article
    blocks: tuple[Block, ...]
    origins: Mapping[str, str]


def _origins(shown: Metadata, declared: Metadata, article: Article, url: str | None) -> dict[str, str]:
    """Field → the place its final value was read, for every metadata field that has one."""
    origins: dict[str, str] = {}
    for f in fields(Metadata):
        value = getattr(article, f.name)
        if value in (None, ()):
            continue
        if f.name in _SHOWN_ON and getattr(shown, f.name) == value:
            origins[f.name] = _SHOWN_LABEL[_SHOWN_ON[f.name]]
        elif getattr(declared, f.name) == value:
            origins[f.name] = _DECLARED_LABEL
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
    shown = read_block_metadata(run.blocks)
    declared = read_html_metadata(run.page.tree) if run.page.tree is not None else Metadata()
    return Explanation(run.article, run.blocks, _origins(shown, declared, run.article, url))
