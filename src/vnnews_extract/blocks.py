"""The intermediate form every input is reduced to: an ordered list of role-tagged text blocks.

HTML and plain text reach the same later stages through it. The segment stage tags page chrome as
`Role.CHROME` with a reason instead of dropping it: the metadata stage still reads the date line, the
view counter and the "Theo …" line from those blocks, and an explain report can show why each block
went.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

__all__ = ["BODY_ROLES", "Block", "Role"]


class Role(str, Enum):
    """What a block is on the page."""

    TITLE = "title"
    LEAD = "lead"  # the sapo
    HEADING = "heading"
    PARAGRAPH = "paragraph"
    QUOTE = "quote"
    LIST_ITEM = "list_item"
    TABLE_ROW = "table_row"
    CAPTION = "caption"
    BYLINE = "byline"  # the author's name, alone or with a label
    DATELINE = "dateline"  # a line stating when the article was published or updated
    SOURCE = "source"  # "Theo Enternews", "Nguồn: …": the outlet a republished article came from
    CHROME = "chrome"


BODY_ROLES: frozenset[Role] = frozenset(
    {Role.LEAD, Role.HEADING, Role.PARAGRAPH, Role.QUOTE, Role.LIST_ITEM, Role.TABLE_ROW}
)
"""Roles whose text belongs to what a reader reads as the article."""


@dataclass(frozen=True, slots=True)
class Block:
    """One block of text and the role the segment stage gave it.

    `reason` names the rule that decided the role (for chrome: what kind of chrome, e.g. "views",
    "clock", "comments"); it is what an explain report shows next to the block.
    """

    text: str
    role: Role
    reason: str | None = None

    @property
    def is_body(self) -> bool:
        return self.role in BODY_ROLES
