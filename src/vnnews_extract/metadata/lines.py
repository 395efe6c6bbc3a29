"""Metadata shown on the page itself, read from role-tagged blocks (placeholder)."""

from __future__ import annotations

from collections.abc import Sequence

from ..blocks import Block, Role
from .fields import Metadata

__all__ = ["read_block_metadata"]


def read_block_metadata(blocks: Sequence[Block]) -> Metadata:
    title = next((b.text for b in blocks if b.role is Role.TITLE), None)
    return Metadata(title=title)
