"""The figure grammar's examples file drives these tests: one case per line of metrics_examples.jsonl.

Each line is ``{"rule": …, "text": …, "metrics": [expected, …]}``: the text must give exactly that many
metrics, and each metric must have every field its expectation names. Changes are written
"down 47.6 %" (direction, value, unit); values are decimal strings in base units.
"""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from vnnews_extract.metrics import extract_metrics
from vnnews_extract.model import Change, Metric

EXAMPLES = Path(__file__).parent / "fixtures" / "metrics_examples.jsonl"


def _load() -> list[dict[str, Any]]:
    rows = []
    for number, line in enumerate(EXAMPLES.read_text(encoding="utf-8").splitlines(), start=1):
        if line.strip():
            row = json.loads(line)
            row["line"] = number
            rows.append(row)
    return rows


ROWS = _load()


def _change(spec: str) -> Change:
    direction, value, unit = spec.split(" ", 2)
    return Change(direction, Decimal(value), unit)  # type: ignore[arg-type]


def _check(metric: Metric, expected: dict[str, Any]) -> None:
    for name, wanted in expected.items():
        got = getattr(metric, name)
        if name in {"value", "range_max"}:
            assert got == (None if wanted is None else Decimal(wanted)), f"{name}: {got!r} != {wanted!r}"
        elif name == "changes":
            assert got == tuple(_change(c) for c in wanted), f"changes: {got!r} != {wanted!r}"
        else:
            assert got == wanted, f"{name}: {got!r} != {wanted!r}"


@pytest.mark.parametrize("row", ROWS, ids=[f"{r['line']}:{r['rule']}" for r in ROWS])
def test_example(row: dict[str, Any]) -> None:
    metrics = extract_metrics(row["text"])
    expected = row["metrics"]
    assert len(metrics) == len(expected), [(m.text, m.value, m.unit, m.changes) for m in metrics]
    for metric, wanted in zip(metrics, expected, strict=True):
        _check(metric, wanted)


def test_enough_examples() -> None:
    assert len(ROWS) >= 300
    rules = {r["rule"] for r in ROWS}
    assert {"number", "scale", "unit", "rate", "change", "basis", "qualifier", "period", "not-metric"} <= rules
