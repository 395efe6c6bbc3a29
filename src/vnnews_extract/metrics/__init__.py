"""Stage 6: figures in Vietnamese text → typed `Metric`s (placeholder)."""

from __future__ import annotations

from decimal import Decimal

from ..model import Metric

__all__ = ["extract_metrics", "parse_number"]


def extract_metrics(text: str) -> tuple[Metric, ...]:
    return ()


def parse_number(s: str) -> Decimal | None:
    return None
