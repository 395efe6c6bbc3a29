"""Units after a number: money, percent, points, physical units, counted nouns, and rates ("X/Y").

`match_unit(text, pos)` reads the unit that starts at `pos` (after optional spaces) and says what kind
of figure it makes; `match_counted_noun(text, pos)` reads a noun outside the vocabulary as the unit of
a count. A counted noun keeps its words and its rate as written ("khách/ngày"), symbol units normalise
theirs ("%/năm" → "%/year"). Each unit kind decides what the figure can be: a `time` unit ("6 tháng") makes a
period, never a metric; a `times` unit ("2,5 lần") is a multiple.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final, Literal

import regex

from ..vocab import alternation
from .vocab import (
    CHANGE_DOWN,
    CHANGE_UP,
    CLASSIFIERS,
    COUNT_NOUNS,
    COUNTED_NOUN_STOPS,
    CURRENCIES,
    DENOMINATORS,
    NOUN_STOPS,
    PERCENT,
    PHYSICAL_UNITS,
    POINTS,
    PP,
    QUALIFIERS,
    TIME_UNITS,
    TIMES,
)

__all__ = ["UnitKind", "UnitMatch", "match_counted_noun", "match_unit"]

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


# A unit word ends at a non-letter (so "ha" is not the start of "hai", "đ" not of "đường").
_UNIT_RE = regex.compile(r"\s*(?P<unit>" + alternation(_SURFACES) + r")(?!\p{L}|\d)", regex.IGNORECASE)
_DENOMINATOR_RE = regex.compile(
    r"\s*/\s*(?P<den>" + alternation(DENOMINATORS) + r"|\p{L}[\p{L}\d]*)(?!\p{L})", regex.IGNORECASE
)
# "890.000 đồng một chiếc" (a listed denominator after "một", which is also "one"), "mỗi chặng" (any noun)
_PER_RE = regex.compile(
    r"\s+(?:(?:một|mỗi)\s+(?P<den>" + alternation(DENOMINATORS) + r")|mỗi\s+(?P<den>\p{Ll}+))(?!\p{L})",
    regex.IGNORECASE,
)
# a counted noun's rate is written in words too: "34.000 khách/ngày", "150.000 con lợn thịt mỗi năm"
_COUNT_PER_RE = regex.compile(r"(?:\s*/\s*|\s+(?:một|mỗi)\s+)(?P<den>\p{Ll}+)(?![\p{L}\d])")
# one lower-case word after a single space; the punctuation glued to it ends the noun phrase
_NOUN_WORD_RE = regex.compile(r"[ \t]+(?P<word>\p{Ll}+)(?![\p{L}\d])(?P<punct>[^\s\p{L}\d]?)")
# (of a phrase, its first word: "xung quanh", "xấp xỉ", "cao hơn" never start a counted noun)
_NOT_NOUNS: Final[frozenset[str]] = frozenset(
    w.split()[0] for w in (*COUNTED_NOUN_STOPS, *NOUN_STOPS, *CHANGE_UP, *CHANGE_DOWN, *QUALIFIERS, *TIME_UNITS, *TIMES)
)
_CLASSIFIER_SET: Final[frozenset[str]] = frozenset(CLASSIFIERS)
_CLASSIFIED_WORDS = 2  # "con lợn nái", "chuyến phà đôi": a classifier, its noun and one modifier
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
    surface = _surface(found) if found else None
    if not found or surface is None:
        return None
    kind, unit = surface
    end = found.end()
    if kind == "count":
        return _counted_rate(text, unit, end)
    if kind in {"money", "percent", "physical"}:
        rate = _DENOMINATOR_RE.match(text, end, end + _UNIT_REACH)
        if rate is None and kind in {"money", "physical"}:
            rate = _PER_RE.match(text, end, end + _UNIT_REACH)  # "890.000 đồng một chiếc", "… mỗi tháng"
        if rate:
            den = " ".join(rate.group("den").split())
            unit = f"{unit}/{_DENOMINATOR_SURFACES.get(den.lower(), den.lower())}"
            end = rate.end()
    return UnitMatch(kind, unit, end)


def _surface(found: regex.Match[str]) -> tuple[UnitKind, str] | None:
    """The kind and unit of the unit word `_UNIT_RE` found; None when a letter matched without case is one that
    lower() does not give back ("UſD", "Kİ")."""
    return _SURFACES.get(" ".join(found.group("unit").lower().split()))


def _counted_rate(text: str, noun: str, end: int) -> UnitMatch:
    """A counted noun with its rate as written: "khách/ngày", "con lợn thịt/năm"."""
    rate = _COUNT_PER_RE.match(text, end, end + _UNIT_REACH)
    if rate and rate.group("den") not in _NOT_NOUNS - set(TIME_UNITS):
        return UnitMatch("count", f"{noun}/{rate.group('den')}", rate.end())
    return UnitMatch("count", noun, end)


def _phrase_ends(text: str, word: regex.Match[str]) -> bool:
    """True when the noun phrase ends with `word`: punctuation, a stop word or the end of the text follows."""
    if word.group("punct") or word.end() >= len(text):
        return True
    following = _NOUN_WORD_RE.match(text, word.end(), word.end() + _UNIT_REACH)
    return following is None or following.group("word") in _NOT_NOUNS


def match_counted_noun(text: str, pos: int) -> UnitMatch | None:
    """A noun counted by the number before `pos`, for nouns outside the unit vocabulary.

    Vietnamese counts with a bare number before the noun ("14 tuyến", "2 đợt"); a classifier ("con",
    "bộ", "chuyến"…) brings the noun it classifies into the unit ("3.200 con bò sữa"), a listed noun
    whole ("15 bộ hồ sơ đăng ký"), else a third word only where the phrase ends with it. Function
    words, verbs and adjectives never head a count ("tăng 5 so với", "iPhone 15 mới").

    >>> match_counted_noun("quy mô 3.200 con bò sữa và hơn", 12).unit
    'con bò sữa'
    >>> match_counted_noun("gửi 15 bộ hồ sơ nhưng", 6).unit
    'bộ hồ sơ'
    >>> match_counted_noun("tạm giữ 6 xe tải chở hàng", 9).unit
    'xe tải'
    >>> match_counted_noun("trên 14 tuyến đông khách", 7).unit
    'tuyến'
    >>> match_counted_noun("đạt 30.000 khách/ngày", 10).unit
    'khách/ngày'
    >>> match_counted_noun("iPhone 15 mới ra mắt", 9) is None
    True
    """
    found = _NOUN_WORD_RE.match(text, pos, pos + _UNIT_REACH)
    if not found or found.group("word") in _NOT_NOUNS:
        return None
    words = [found.group("word")]
    end = found.start("word") + len(words[0])
    known = _UNIT_RE.match(text, end, end + _UNIT_REACH) if words[0] in _CLASSIFIER_SET else None
    surface = _surface(known) if known else None
    if known and not found.group("punct") and surface is not None and surface[0] == "count":
        return _counted_rate(text, f"{words[0]} {' '.join(known.group('unit').split())}", known.end())
    if words[0] in _CLASSIFIER_SET and not found.group("punct"):
        while len(words) <= _CLASSIFIED_WORDS:
            more = _NOUN_WORD_RE.match(text, end, end + _UNIT_REACH)
            if not more or more.group("word") in _NOT_NOUNS:
                break
            if len(words) == _CLASSIFIED_WORDS and not _phrase_ends(text, more):
                break  # "6 xe tải chở hàng": a third word only when the phrase ends with it ("con lợn nái và")
            words.append(more.group("word"))
            end = more.start("word") + len(more.group("word"))
            if more.group("punct"):
                break
    return _counted_rate(text, " ".join(words), end)
