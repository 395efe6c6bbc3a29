"""Scoring for the extraction benchmark, as the corpus README defines it.

Body: tokens are the whitespace split of the NFC, lowercased text; per page the multiset intersection
of predicted and gold tokens gives precision and recall; P is the mean over pages with a non-empty
prediction, R the mean over all pages, F1 = 2PR/(P+R). Title: exact after whitespace collapse.
Published: same instant to the minute when gold has a time, same day otherwise.
"""

from __future__ import annotations

import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone

import regex

__all__ = [
    "BodyScore",
    "PageScore",
    "author_matches",
    "body_score",
    "date_matches",
    "day_matches",
    "page_score",
    "title_matches",
    "tokens",
]

VIETNAM = timezone(timedelta(hours=7))
# Separators between several names in one author string ("Quang Phong - Tùng Nguyên").
_NAME_SEPARATOR = regex.compile(r"\s*(?:,|;|&|\s-\s|\s–\s|\svà\s)\s*")


def tokens(text: str | None) -> Counter[str]:
    """The multiset of scoring tokens of a text.

    >>> sorted(tokens("Giá  XĂNG tăng\\n\\ngiá").items())
    [('giá', 2), ('tăng', 1), ('xăng', 1)]
    """
    return Counter(unicodedata.normalize("NFC", text or "").lower().split())


@dataclass(frozen=True)
class PageScore:
    """One page's token precision and recall; precision is None for an empty prediction."""

    precision: float | None
    recall: float

    @property
    def f1(self) -> float:
        p = self.precision or 0.0
        return 2 * p * self.recall / (p + self.recall) if p + self.recall else 0.0


def page_score(predicted: str | None, gold: str | None) -> PageScore:
    """Token precision/recall of one page.

    >>> s = page_score("a b c d", "a b c e")
    >>> s.precision, s.recall, s.f1
    (0.75, 0.75, 0.75)
    >>> page_score("", "a").precision is None
    True
    """
    pred, ref = tokens(predicted), tokens(gold)
    common = sum((pred & ref).values())
    n_pred, n_ref = sum(pred.values()), sum(ref.values())
    precision = common / n_pred if n_pred else None
    recall = common / n_ref if n_ref else (1.0 if not n_pred else 0.0)
    return PageScore(precision, recall)


@dataclass(frozen=True)
class BodyScore:
    """Corpus-level body score: P, R, F1 and the share of pages with F1 ≥ 0.95."""

    precision: float
    recall: float
    clean_share: float

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def body_score(pages: Sequence[PageScore], clean_at: float = 0.95) -> BodyScore:
    """Aggregate page scores as the README says (P over non-empty predictions, R over all pages).

    >>> body_score([PageScore(1.0, 0.5), PageScore(None, 0.0)])
    BodyScore(precision=1.0, recall=0.25, clean_share=0.0)
    """
    if not pages:
        return BodyScore(0.0, 0.0, 0.0)
    precisions = [p.precision for p in pages if p.precision is not None]
    precision = sum(precisions) / len(precisions) if precisions else 0.0
    recall = sum(p.recall for p in pages) / len(pages)
    clean = sum(1 for p in pages if p.f1 >= clean_at) / len(pages)
    return BodyScore(precision, recall, clean)


def _collapse(text: str | None) -> str:
    return " ".join(unicodedata.normalize("NFC", text or "").split())


def title_matches(predicted: str | None, gold: str | None) -> bool:
    """Exact title match after whitespace collapse.

    >>> title_matches(" Giá  xăng ", "Giá xăng")
    True
    """
    return bool(gold) and _collapse(predicted) == _collapse(gold)


def _as_datetime(value: datetime | date | str | None) -> datetime | date | None:
    if value is None or isinstance(value, datetime | date):
        return value
    text = value.strip()
    if "T" not in text and len(text) == 10:
        return date.fromisoformat(text)
    return datetime.fromisoformat(text.replace("Z", "+00:00"))


def date_matches(predicted: datetime | date | str | None, gold: str | None) -> bool:
    """Same instant to the minute when gold has a time, same calendar day otherwise.

    A prediction without a zone is read as Vietnam time; a prediction without a time cannot match a
    gold value that has one.

    >>> date_matches("2026-03-07T01:52:40+00:00", "2026-03-07T08:52:00+07:00")
    True
    >>> date_matches("2026-03-07", "2026-03-07T08:52:00+07:00")
    False
    >>> date_matches("2026-03-07T23:00:00+07:00", "2026-03-07")
    True
    """
    gold_value, pred = _as_datetime(gold), _as_datetime(predicted)
    if gold_value is None or pred is None:
        return False
    if isinstance(gold_value, datetime):
        if not isinstance(pred, datetime):
            return False
        pred = pred if pred.tzinfo else pred.replace(tzinfo=VIETNAM)
        gold_dt = gold_value if gold_value.tzinfo else gold_value.replace(tzinfo=VIETNAM)
        return pred.replace(second=0, microsecond=0) == gold_dt.replace(second=0, microsecond=0)
    pred_day = pred.astimezone(VIETNAM).date() if isinstance(pred, datetime) and pred.tzinfo else pred
    if isinstance(pred_day, datetime):
        pred_day = pred_day.date()
    return pred_day == gold_value


def day_matches(predicted: datetime | date | str | None, gold: str | None) -> bool:
    """Same calendar day (Vietnam time), whatever the time of day.

    >>> day_matches("2026-03-07", "2026-03-07T08:52:00+07:00")
    True
    """
    gold_value = _as_datetime(gold)
    if gold_value is None:
        return False
    gold_day = gold_value.date() if isinstance(gold_value, datetime) else gold_value
    return date_matches(predicted, gold_day.isoformat())


def _names(value: str | Iterable[str] | None) -> frozenset[str]:
    if value is None:
        return frozenset()
    items = [value] if isinstance(value, str) else list(value)
    return frozenset(_collapse(n).casefold() for item in items for n in _NAME_SEPARATOR.split(item) if n.strip())


def author_matches(predicted: str | Iterable[str] | None, gold: str | Iterable[str] | None) -> bool:
    """Same set of names, case-insensitive; several names may be one string joined by " - ", ",", "và".

    >>> author_matches("Quang Phong - Tùng Nguyên", ["Quang Phong", "Tùng Nguyên"])
    True
    >>> author_matches(None, "Duy Anh")
    False
    """
    gold_names = _names(gold)
    return bool(gold_names) and _names(predicted) == gold_names
