"""Score `extract_metrics` on the development passages: ../shared/corpus/metrics_dev.jsonl.

    PYTHONPATH=src python bench/score_metrics.py [--verbose] [--pages]

A predicted metric matches a gold one when value and unit are equal (change-only metrics: when their
sets of changes are equal), both sides de-duplicated; predictions whose text is on the passage's
`ignore` list count neither way. Reports P/R/F1, then among matches the accuracy of changes, basis,
qualifier and subject (token F1 >= 0.5 against the gold subject counts as right), and how many
predictions are dates, years or document numbers (must be 0). `--pages` adds text_pages_dev.jsonl.
"""

from __future__ import annotations

import argparse
import json
import sys
import unicodedata
from collections import Counter
from collections.abc import Iterable, Mapping
from decimal import Decimal
from pathlib import Path
from typing import Any

import regex

from vnnews_extract.metrics import extract_metrics
from vnnews_extract.model import Metric

CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus"
_TOKEN_RE = regex.compile(r"[\p{L}\d]+")
# What must never come out as a metric: dates, times, years, document numbers.
_NOT_A_METRIC_RE = regex.compile(
    r"^\s*(?:\d{1,2}[/.-]\d{1,2}(?:[/.-]\d{2,4})?|\d{1,2}:\d{2}|(?:19|20)\d\d|\d+/[\p{Lu}Đ]|\d+/\d{4}/)\s*$"
)

Key = tuple[Any, ...]


def _changes(items: Iterable[Mapping[str, Any]]) -> tuple[tuple[str, Decimal, str], ...]:
    return tuple(sorted((c["direction"], Decimal(str(c["value"])), c["unit"]) for c in items))


def _key(metric: Mapping[str, Any]) -> Key:
    if metric.get("value") is None:
        return ("changes", _changes(metric.get("changes") or ()))
    return ("value", Decimal(str(metric["value"])), metric.get("unit"))


def _tokens(text: str | None) -> list[str]:
    return [t.lower() for t in _TOKEN_RE.findall(unicodedata.normalize("NFC", text or ""))]


def token_f1(predicted: str | None, gold: str | None) -> float:
    p, g = Counter(_tokens(predicted)), Counter(_tokens(gold))
    common = sum((p & g).values())
    if not common:
        return 0.0
    precision, recall = common / sum(p.values()), common / sum(g.values())
    return 2 * precision * recall / (precision + recall)


def _dedup(metrics: Iterable[Mapping[str, Any]]) -> dict[Key, Mapping[str, Any]]:
    seen: dict[Key, Mapping[str, Any]] = {}
    for metric in metrics:
        seen.setdefault(_key(metric), metric)
    return seen


def score(rows: list[dict[str, Any]], verbose: bool = False) -> dict[str, float]:
    tp = n_pred = n_gold = bad = 0
    right = Counter[str]()
    for row in rows:
        ignore = {unicodedata.normalize("NFC", s) for s in row.get("ignore") or ()}
        predicted_metrics: list[Metric] = list(extract_metrics(row["text"]))
        bad += sum(1 for m in predicted_metrics if _NOT_A_METRIC_RE.match(m.text))
        gold = _dedup(row["metrics"])
        # a prediction on the ignore list counts neither way, unless it is also a gold metric
        predicted = _dedup(m.to_dict() for m in predicted_metrics if m.text not in ignore or _key(m.to_dict()) in gold)
        n_pred += len(predicted)
        n_gold += len(gold)
        for key, g in gold.items():
            p = predicted.get(key)
            if p is None:
                if verbose:
                    print(f"{row['id']} MISS  {g.get('text')!r} {key}")
                continue
            tp += 1
            checks = {
                "changes": _changes(p["changes"]) == _changes(g.get("changes") or ()),
                "basis": p["basis"] == g.get("basis"),
                "qualifier": p["qualifier"] == g.get("qualifier"),
                "subject": token_f1(p["subject"], g.get("subject")) >= 0.5,
            }
            for name, ok in checks.items():
                right[name] += ok
                if verbose and not ok:
                    wanted = g.get(name) if name != "changes" else _changes(g.get("changes") or ())
                    got = p[name] if name != "changes" else _changes(p["changes"])
                    print(f"{row['id']} {name:9} {g.get('text')!r}: got {got!r}, gold {wanted!r}")
        if verbose:
            for key, p in predicted.items():
                if key not in gold:
                    print(f"{row['id']} EXTRA {p['text']!r} {key}")
    precision = tp / n_pred if n_pred else 0.0
    recall = tp / n_gold if n_gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if tp else 0.0
    result = {"passages": len(rows), "gold": n_gold, "predicted": n_pred, "matched": tp}
    result |= {"precision": precision, "recall": recall, "f1": f1}
    result |= {name: right[name] / tp if tp else 0.0 for name in ("changes", "basis", "qualifier", "subject")}
    result["non_metrics_emitted"] = bad
    return result


# Ages and durations were annotated on the gold pages; they are neither required nor penalized.
_AGE_OR_DURATION = frozenset({"tuổi", "năm", "tháng", "ngày", "tuần", "giờ", "phút", "giây", "h", "min", "s"})


def _gold_pages() -> list[dict[str, Any]]:
    """The 18 gold pages: their gold body as the text, their gold metrics without ages and durations."""
    rows = []
    for path in sorted((CORPUS / "gold").glob("*.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        metrics = [m for m in gold.get("metrics") or () if m.get("unit") not in _AGE_OR_DURATION]
        rows.append({"id": path.stem, "text": gold.get("body") or "", "metrics": metrics, "ignore": []})
    return rows


def _load(name: str) -> list[dict[str, Any]]:
    path = CORPUS / name
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--verbose", action="store_true", help="list every miss, extra and wrong field")
    parser.add_argument("--pages", action="store_true", help="also score text_pages_dev.jsonl and the gold pages")
    args = parser.parse_args(argv)
    if not (CORPUS / "metrics_dev.jsonl").exists():
        print(f"corpus not found at {CORPUS}", file=sys.stderr)
        return 1
    sets = ["metrics_dev.jsonl"] + (["text_pages_dev.jsonl"] if args.pages else [])
    for name in [*sets, *(["gold/*.json (body)"] if args.pages else [])]:
        result = score(_gold_pages() if name.startswith("gold/") else _load(name), verbose=args.verbose)
        print(name)
        for field, value in result.items():
            print(f"  {field:20} {value:.3f}" if isinstance(value, float) else f"  {field:20} {value}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
