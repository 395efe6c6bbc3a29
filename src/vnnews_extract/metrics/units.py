"""Units after a number: money, percent, points, physical units, counted nouns, and rates ("X/Y").

`match_unit(text, pos)` reads the unit that starts at `pos` (after optional spaces) and says what kind
of figure it makes. Each unit kind decides what the figure can be: a `time` unit ("6 tháng") makes a
period, never a metric; a `times` unit ("2,5 lần") is a multiple.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Final, Literal

import regex

from .vocab import COUNT_NOUNS, CURRENCIES, DENOMINATORS, PERCENT, PHYSICAL_UNITS, POINTS, PP, TIME_UNITS, TIMES

__all__ = ["UnitKind", "UnitMatch", "match_unit"]

UnitKind = Literal["money", "percent", "pp", "point", "physical", "times", "count", "time"]

# surface (lowercased) → (kind, normalized unit)
_SURFACES: Final[dict[str, tuple[UnitKind, str]]] = {
    **{s.lower(): ("time", s) for s in TIME_UNITS},
    **{s.lower(): ("count", s) for s in COUNT_NOUNS},
    **{s.lower(): ("times", "times") for s in TIMES},
    **{s.lower(): ("physical", u) for s, u in PHYSICAL_UNITS.items()},
    **{s.lower(): ("money", u) for s, u in CURRENCIES.items()},
    **{s.lower(): ("point", "point") for s in POINTS},
    **{s.lower(): ("percent", "%") for s in PERCENT},
    **{s.lower(): ("pp", "pp") for s in PP},
}


def _alternation(surfaces: Iterable[str]) -> str:
    words = sorted(set(surfaces), key=len, reverse=True)
    return "|".join(regex.escape(w).replace(r"\ ", r"\s+") for w in words)


# A unit word ends at a non-letter (so "ha" is not the start of "hai", "đ" not of "đường").
_UNIT_RE = regex.compile(r"\s*(?P<unit>" + _alternation(_SURFACES) + r")(?!\p{L}|\d)", regex.IGNORECASE)
_DENOMINATOR_RE = regex.compile(
    r"\s*/\s*(?P<den>" + _alternation(DENOMINATORS) + r"|\p{L}[\p{L}\d]*)(?!\p{L})", regex.IGNORECASE
)
_PER_RE = regex.compile(r"\s+(?:một|mỗi)\s+(?P<den>" + _alternation(DENOMINATORS) + r")(?!\p{L})", regex.IGNORECASE)
_UNIT_REACH = 40
_DENOMINATOR_SURFACES: Final[dict[str, str]] = {
    **{s.lower(): u for s, u in CURRENCIES.items()},
    **{s.lower(): u for s, u in PHYSICAL_UNITS.items()},
    **{s.lower(): u for s, u in DENOMINATORS.items()},
}


@dataclass(frozen=True)
class UnitMatch:
    """A unit read after a number: its kind, normalized form, and where it ends in the text."""

    kind: UnitKind
    unit: str
    end: int


def match_unit(text: str, pos: int) -> UnitMatch | None:
    """The unit starting at `pos` (spaces allowed before it), with an optional "/denominator".

    >>> match_unit("1.320 triệu USD, giảm", 11)
    UnitMatch(kind='money', unit='USD', end=15)
    >>> match_unit("23.000 đồng/lít", 6).unit
    'VND/l'
    >>> match_unit("6,5%/năm", 3).unit
    '%/year'
    >>> match_unit("8.500 USD/tấn", 5).unit
    'USD/t'
    >>> match_unit("64.500 doanh nghiệp mới", 6).unit
    'doanh nghiệp'
    >>> match_unit("6 tháng đầu năm", 1).kind
    'time'
    >>> match_unit("1 hai", 1) is None
    True
    >>> match_unit("890.000 đồng một chiếc", 7).unit
    'VND/chiếc'

    """
    # a unit is a few words: bounding the match keeps the engine from scanning the rest of a long text
    found = _UNIT_RE.match(text, pos, pos + _UNIT_REACH)
    if not found:
        return None
    kind, unit = _SURFACES[" ".join(found.group("unit").lower().split())]
    end = found.end()
    if kind in {"money", "percent", "physical", "count"}:
        rate = _DENOMINATOR_RE.match(text, end, end + _UNIT_REACH)
        if rate is None and kind in {"money", "physical"}:
            rate = _PER_RE.match(text, end, end + _UNIT_REACH)  # "890.000 đồng một chiếc", "… mỗi tháng"
        if rate:
            den = " ".join(rate.group("den").split())
            unit = f"{unit}/{_DENOMINATOR_SURFACES.get(den.lower(), den.lower())}"
            end = rate.end()
    return UnitMatch(kind, unit, end)
