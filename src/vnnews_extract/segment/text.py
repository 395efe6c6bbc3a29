"""Plain-text segmentation (first cut: title line, lead, paragraphs)."""

from __future__ import annotations

from ..blocks import Block, Role

__all__ = ["segment_text"]


def segment_text(text: str) -> tuple[Block, ...]:
    lines = [" ".join(line.split()) for line in text.splitlines() if line.strip()]
    roles = [Role.TITLE, Role.LEAD] + [Role.PARAGRAPH] * max(0, len(lines) - 2)
    return tuple(Block(line, role) for line, role in zip(lines, roles, strict=False))
