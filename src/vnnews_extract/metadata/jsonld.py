"""JSON-LD: the article object (NewsArticle, Article…) and the breadcrumb, wherever the page nests them.

Pages put JSON-LD in several ``<script type="application/ld+json">`` blocks, as one object, a list, or
an ``@graph``; some wrap it in HTML comments or CDATA, leave raw newlines inside strings, or escape
Vietnamese letters as HTML entities ("Ch&#237;nh s&#225;ch"). All of that is tolerated here; a block
that still does not parse is skipped, never fatal.
"""

from __future__ import annotations

import html
import json
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import regex

__all__ = ["ARTICLE_TYPES", "JsonLd", "names_value", "read_jsonld", "text_value"]

ARTICLE_TYPES: frozenset[str] = frozenset(
    {
        "NewsArticle",
        "Article",
        "ReportageNewsArticle",
        "AnalysisNewsArticle",
        "OpinionNewsArticle",
        "BackgroundNewsArticle",
        "ReviewNewsArticle",
        "BlogPosting",
        "LiveBlogPosting",
        "Report",
    }
)
"""schema.org types that describe the article itself."""

_WRAPPERS = regex.compile(r"<!--|-->|<!\[CDATA\[|\]\]>")


@dataclass(frozen=True)
class JsonLd:
    """The JSON-LD objects of a page that matter: the first article object and the breadcrumb trail."""

    article: dict[str, Any] | None
    breadcrumb: tuple[str, ...]


def _objects(data: Any) -> Iterator[dict[str, Any]]:
    if isinstance(data, list):
        for item in data:
            yield from _objects(item)
    elif isinstance(data, dict):
        yield data
        graph = data.get("@graph")
        if graph is not None:
            yield from _objects(graph)


def _types(obj: dict[str, Any]) -> set[str]:
    kind = obj.get("@type")
    if isinstance(kind, str):
        return {kind}
    if isinstance(kind, list):
        return {k for k in kind if isinstance(k, str)}
    return set()


def _parse(text: str) -> Any:
    cleaned = _WRAPPERS.sub("", text).strip()
    if not cleaned:
        return None
    try:
        return json.loads(cleaned, strict=False)
    except ValueError:
        return None


def text_value(value: Any) -> str | None:
    """A JSON-LD value as clean text: names of objects, first of lists, entities decoded, NFC (JSON's own
    escapes bypass the decode stage: "Nguye\\u0302\\u0303n" arrives decomposed).

    >>> text_value({"@type": "Person", "name": "Ch&#237;nh"}), text_value(["a", "b"]), text_value("  ")
    ('Chính', 'a', None)
    >>> text_value("Nguye\u0302\u0303n") == "Nguyễn"
    True
    """
    if isinstance(value, list):
        return next((t for t in (text_value(v) for v in value) if t), None)
    if isinstance(value, dict):
        return text_value(value.get("name") or value.get("@id"))
    if isinstance(value, str | int | float):
        text = " ".join(html.unescape(str(value)).split())
        return unicodedata.normalize("NFC", text) if text else None
    return None


def names_value(value: Any) -> list[str]:
    """Every name a JSON-LD value lists ("author" is often a list of people).

    >>> names_value([{"name": "Quang Phong"}, {"name": "Tùng Nguyên"}]), names_value({"name": ""})
    (['Quang Phong', 'Tùng Nguyên'], [])
    """
    items = value if isinstance(value, list) else [value]
    return [t for t in (text_value(v) for v in items) if t]


def _trail(obj: dict[str, Any]) -> tuple[str, ...]:
    items = obj.get("itemListElement")
    if not isinstance(items, list):
        return ()
    ordered = sorted(
        (i for i in items if isinstance(i, dict)),
        key=lambda i: int(i["position"]) if str(i.get("position", "")).isdigit() else 0,
    )
    names = (text_value(i.get("name") or i.get("item")) for i in ordered)
    return tuple(n for n in names if n)


def read_jsonld(scripts: list[str]) -> JsonLd:
    """The article object and breadcrumb trail among the texts of a page's JSON-LD scripts.

    >>> ld = read_jsonld(['{"@graph": [{"@type": "NewsArticle", "headline": "Tin A"}]}'])
    >>> ld.article["headline"]
    'Tin A'
    >>> read_jsonld(['<!-- {"@type": "BreadcrumbList", "itemListElement": '
    ...     '[{"position": 2, "name": "Vĩ mô"}, {"position": 1, "name": "Kinh tế"}]} -->']).breadcrumb
    ('Kinh tế', 'Vĩ mô')
    """
    article: dict[str, Any] | None = None
    breadcrumb: tuple[str, ...] = ()
    for script in scripts:
        for obj in _objects(_parse(script)):
            kinds = _types(obj)
            if article is None and kinds & ARTICLE_TYPES:
                article = obj
            elif not breadcrumb and "BreadcrumbList" in kinds:
                breadcrumb = _trail(obj)
    return JsonLd(article, breadcrumb)
