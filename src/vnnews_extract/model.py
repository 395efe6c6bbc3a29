"""The typed result of an extraction: `Article`, `Section`, `Metric`, `Change`.

All four are frozen dataclasses so that results can be hashed, compared in tests and shared between
threads. Values are `Decimal` (a figure such as "1.320 triệu USD" must come back as exactly
1320000000, never as a float), datetimes are timezone-aware, and `to_dict()` / `from_dict()` round-trip
through JSON: ``Article.from_dict(json.loads(json.dumps(a.to_dict()))) == a``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal
from typing import Any, Literal, cast, get_args

__all__ = ["Article", "Basis", "Change", "Direction", "Metric", "Qualifier", "Section"]

Direction = Literal["up", "down"]
Basis = Literal["same_period_last_year", "previous_period", "plan", "other"]
Qualifier = Literal["estimate", "about", "over", "under", "nearly", "target"]

_DIRECTIONS: frozenset[str] = frozenset(get_args(Direction))
_BASES: frozenset[str] = frozenset(get_args(Basis))
_QUALIFIERS: frozenset[str] = frozenset(get_args(Qualifier))


def _dec(value: Any) -> Decimal | None:
    return None if value is None else Decimal(str(value))


def _dec_str(value: Decimal | None) -> str | None:
    return None if value is None else str(value)


def _checked(value: Any, allowed: frozenset[str], name: str) -> Any:
    if value is not None and value not in allowed:
        raise ValueError(f"{name} must be one of {sorted(allowed)}, not {value!r}")
    return value


@dataclass(frozen=True)
class Change:
    """One movement of a figure: "giảm 47,6%" is ``Change("down", Decimal("47.6"), "%")``.

    `unit` is "%" for percent, "pp" for điểm phần trăm (percentage points), "times" for "gấp X lần",
    "point" for index points, or an absolute unit ("USD") for "tương ứng tăng 16 tỷ USD".
    """

    direction: Direction
    value: Decimal
    unit: str

    def __post_init__(self) -> None:
        _checked(self.direction, _DIRECTIONS, "direction")

    def to_dict(self) -> dict[str, Any]:
        return {"direction": self.direction, "value": str(self.value), "unit": self.unit}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Change:
        return cls(direction=data["direction"], value=Decimal(str(data["value"])), unit=data["unit"])


@dataclass(frozen=True)
class Metric:
    """A figure from the text, typed.

    `value` is in base units ("1.320 triệu USD" → 1320000000) or None for a change-only statement
    ("chỉ số sản xuất công nghiệp tăng 2,83%"). `parent` is the index, in the same tuple of metrics, of
    the total this figure breaks down ("trong đó", "gồm"). `text` is the figure's own words, `sentence`
    the sentence it stands in, and `section` the index of its section in `Article.sections` (None for
    the lead and captions, or when extracted from free text).
    """

    subject: str | None
    value: Decimal | None
    unit: str | None
    changes: tuple[Change, ...] = ()
    basis: Basis | None = None
    qualifier: Qualifier | None = None
    period: str | None = None
    range_max: Decimal | None = None
    parent: int | None = None
    text: str = ""
    sentence: str = ""
    section: int | None = None

    def __post_init__(self) -> None:
        _checked(self.basis, _BASES, "basis")
        _checked(self.qualifier, _QUALIFIERS, "qualifier")

    def to_dict(self) -> dict[str, Any]:
        return {
            "subject": self.subject,
            "value": _dec_str(self.value),
            "unit": self.unit,
            "changes": [c.to_dict() for c in self.changes],
            "basis": self.basis,
            "qualifier": self.qualifier,
            "period": self.period,
            "range_max": _dec_str(self.range_max),
            "parent": self.parent,
            "text": self.text,
            "sentence": self.sentence,
            "section": self.section,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Metric:
        return cls(
            subject=data.get("subject"),
            value=_dec(data.get("value")),
            unit=data.get("unit"),
            changes=tuple(Change.from_dict(c) for c in data.get("changes") or ()),
            basis=cast(Basis | None, data.get("basis")),
            qualifier=cast(Qualifier | None, data.get("qualifier")),
            period=data.get("period"),
            range_max=_dec(data.get("range_max")),
            parent=data.get("parent"),
            text=data.get("text", ""),
            sentence=data.get("sentence", ""),
            section=data.get("section"),
        )


@dataclass(frozen=True)
class Section:
    """A run of body paragraphs under one heading (None for the untitled opening run).

    Enumerated blocks ("Thứ nhất, …", "1.", "a)") become sections whose heading is the marker as
    written; their paragraph keeps the whole text, marker included.
    """

    heading: str | None
    paragraphs: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {"heading": self.heading, "paragraphs": list(self.paragraphs)}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Section:
        return cls(heading=data.get("heading"), paragraphs=tuple(data.get("paragraphs") or ()))

    @property
    def repeats_heading(self) -> bool:
        """True when the first paragraph already opens with the heading (an enumerated block)."""
        return bool(self.heading and self.paragraphs and self.paragraphs[0].startswith(self.heading))


def _iso(value: datetime | None) -> str | None:
    return None if value is None else value.isoformat()


def _from_iso(value: str | None) -> datetime | None:
    return None if value is None else datetime.fromisoformat(value)


@dataclass(frozen=True)
class Article:
    """Everything read from one page.

    `body_text` is what a reader reads: the lead, then each section's heading and paragraphs, blocks
    separated by a blank line. Title, captions and page chrome are never part of it.
    """

    title: str | None = None
    lead: str | None = None
    published: datetime | None = None
    updated: datetime | None = None
    author: str | None = None
    source: str | None = None
    site_name: str | None = None
    url: str | None = None
    category: str | None = None
    tags: tuple[str, ...] = ()
    views: int | None = None
    sections: tuple[Section, ...] = ()
    captions: tuple[str, ...] = ()
    metrics: tuple[Metric, ...] = field(default=())

    def __post_init__(self) -> None:
        for name in ("published", "updated"):
            value = getattr(self, name)
            if value is not None and value.tzinfo is None:
                raise ValueError(f"Article.{name} must be timezone-aware, got {value!r}")

    @property
    def body_text(self) -> str:
        blocks: list[str] = [self.lead] if self.lead else []
        for section in self.sections:
            if section.heading and not section.repeats_heading:
                blocks.append(section.heading)
            blocks.extend(section.paragraphs)
        return "\n\n".join(blocks)

    def to_markdown(self) -> str:
        """The article as Markdown: title, lead, sections with headings, captions, a metrics table."""
        from .markdown import to_markdown  # the renderer depends on this module, not the reverse

        return to_markdown(self)

    def to_dict(self) -> dict[str, Any]:
        """A JSON-safe dict: Decimal → str, datetime → ISO 8601, tuples → lists."""
        return {
            "title": self.title,
            "lead": self.lead,
            "published": _iso(self.published),
            "updated": _iso(self.updated),
            "author": self.author,
            "source": self.source,
            "site_name": self.site_name,
            "url": self.url,
            "category": self.category,
            "tags": list(self.tags),
            "views": self.views,
            "sections": [s.to_dict() for s in self.sections],
            "captions": list(self.captions),
            "metrics": [m.to_dict() for m in self.metrics],
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Article:
        """Rebuild an `Article` from `to_dict()` output (or its JSON)."""
        return cls(
            title=data.get("title"),
            lead=data.get("lead"),
            published=_from_iso(data.get("published")),
            updated=_from_iso(data.get("updated")),
            author=data.get("author"),
            source=data.get("source"),
            site_name=data.get("site_name"),
            url=data.get("url"),
            category=data.get("category"),
            tags=tuple(data.get("tags") or ()),
            views=data.get("views"),
            sections=tuple(Section.from_dict(s) for s in data.get("sections") or ()),
            captions=tuple(data.get("captions") or ()),
            metrics=tuple(Metric.from_dict(m) for m in data.get("metrics") or ()),
        )
