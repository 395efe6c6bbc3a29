"""Stage 5: body blocks → the lead and a tuple of `Section`s.

A section starts at every heading the page marks, and at every enumerated paragraph: Vietnamese
officialese lists its points as paragraphs that open with "Thứ nhất, …", "Một là, …", "1.", "a)" or a
Roman numeral, and readers (and our users' downstream code) treat each point as its own unit. The
heading of such a section is the marker as written; the paragraph keeps its full text.
"""

from __future__ import annotations

from collections.abc import Sequence

import regex

from .blocks import Block, Role
from .model import Section

__all__ = ["ENUMERATION_MARKER", "enumeration_marker", "split_sections"]

_ORDINAL_WORDS = r"nhất|hai|ba|tư|năm|sáu|bảy|tám|chín|mười(?:\s+(?:một|hai|ba|bốn|lăm|năm|sáu|bảy|tám|chín))?"
_CARDINAL_WORDS = r"Một|Hai|Ba|Bốn|Năm|Sáu|Bảy|Tám|Chín|Mười"

ENUMERATION_MARKER = regex.compile(
    rf"""^(?P<marker>
        Thứ\s+(?:{_ORDINAL_WORDS})(?=\s*[,:]\s*\p{{Ll}})     # Thứ nhất, … (not the weekday "Thứ Năm, 21/11")
      | (?:{_CARDINAL_WORDS})\s+là(?=\s*[,:])                # Một là, … Hai là, …
      | \d{{1,2}}[.)](?=\s+\p{{L}})                          # 1. … / 2) …
      | [a-zđ]\)(?=\s+\p{{L}})                               # a) … b) …
      | (?:I{{1,3}}|IV|V|VI{{1,3}}|IX|X)[.](?=\s+\p{{Lu}})    # I. … II. …
    )""",
    regex.VERBOSE,
)
"""The opening marker of an enumerated paragraph."""

_SECTION_BODY_ROLES: frozenset[Role] = frozenset({Role.PARAGRAPH, Role.QUOTE, Role.LIST_ITEM, Role.TABLE_ROW})


def enumeration_marker(paragraph: str) -> str | None:
    """The enumeration marker opening `paragraph`, as written, or None.

    >>> enumeration_marker("Thứ nhất, tích cực chỉ đạo và tổ chức thực hiện")
    'Thứ nhất'
    >>> enumeration_marker("Thứ Năm, 21/11/2024 19:36:28 GMT+7") is None
    True
    >>> enumeration_marker("2. Về giá điện"), enumeration_marker("b) tăng cường kiểm tra")
    ('2.', 'b)')
    >>> enumeration_marker("2020 là năm khó khăn") is None
    True
    """
    match = ENUMERATION_MARKER.match(paragraph)
    return match.group("marker") if match else None


def split_sections(blocks: Sequence[Block]) -> tuple[str | None, tuple[Section, ...]]:
    """The lead (the first LEAD block) and the body sections, from role-tagged blocks."""
    lead: str | None = None
    sections: list[Section] = []
    heading: str | None = None
    paragraphs: list[str] = []

    def close() -> None:
        if heading is not None or paragraphs:
            sections.append(Section(heading, tuple(paragraphs)))

    for block in blocks:
        if block.role is Role.LEAD and lead is None:
            lead = block.text
            continue
        if block.role is Role.HEADING:
            close()
            heading, paragraphs = block.text, []
            continue
        if block.role not in _SECTION_BODY_ROLES and block.role is not Role.LEAD:
            continue
        marker = enumeration_marker(block.text) if block.role is Role.PARAGRAPH else None
        if marker is not None:
            close()
            heading, paragraphs = marker, []
        paragraphs.append(block.text)
    close()
    return lead, tuple(sections)
