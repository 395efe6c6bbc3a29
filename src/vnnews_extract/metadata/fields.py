"""`Metadata`: the page-level fields one reader of metadata found, before they are merged."""

from __future__ import annotations

from dataclasses import dataclass, fields
from datetime import datetime

__all__ = ["Metadata", "first_of"]


@dataclass(frozen=True)
class Metadata:
    """Fields read from one place on the page (JSON-LD, meta tags, visible lines); None = not found."""

    title: str | None = None
    published: datetime | None = None
    updated: datetime | None = None
    author: str | None = None
    source: str | None = None
    site_name: str | None = None
    url: str | None = None
    category: str | None = None
    tags: tuple[str, ...] = ()
    views: int | None = None


def first_of(*candidates: Metadata) -> Metadata:
    """Field by field, the first candidate's value that is set: candidates come in order of trust.

    >>> first_of(Metadata(title="A"), Metadata(title="B", author="C"))
    Metadata(title='A', published=None, updated=None, author='C', source=None, site_name=None, url=None, \
category=None, tags=(), views=None)
    """
    merged: dict[str, object] = {}
    for f in fields(Metadata):
        merged[f.name] = next(
            (getattr(c, f.name) for c in candidates if getattr(c, f.name) not in (None, ())),
            getattr(Metadata(), f.name),
        )
    return Metadata(**merged)  # type: ignore[arg-type]
