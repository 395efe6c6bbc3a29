"""Stage 6a: find the figures in a sentence — a number, its scale words and its unit — and nothing else.

A figure needs a unit: a bare number is a date part, a year, a document or phone number, a list
marker or part of a name ("Hợp Thành 1", "RON92"), and is never a metric. The unit may be a noun the
number counts ("14 tuyến", "5.600 con lợn nái", see `units.match_counted_noun`) unless the number is
a label ("cấp 2", "tháng 10", "iPhone 15") or a score's second half ("3-1"); a bare number after a
named score is points ("điểm tổng kết 8,7"). Durations ("6 tháng") are periods, not figures.
Ranges ("từ 5-7%", "từ 10 đến 15 tỷ đồng") become one figure with `range_max`; a buy–sell pair
("23.340 - 23.350 đồng/USD", "mua vào … bán ra") becomes two.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from decimal import Decimal
from typing import NamedTuple

import regex

from ..vocab import alternation
from .numbers import (
    DIGITS,
    MAGNITUDES,
    SCALE_WORD,
    SPELLED_NUMBER,
    SPELLED_WORDS,
    parse_digits,
    parse_spelled,
    scale_of,
    tidy,
)
from .scanning import matches_at
from .units import UnitKind, UnitMatch, match_counted_noun, match_unit
from .vocab import PAIR_CONTEXT

__all__ = ["Figure", "find_figures", "number_starts"]

# A number: digits (with an optional sign in "(-3%)"), or spelled-out words; then scale words, and
# further "digits scale" groups for composed amounts ("2 tỷ 300 triệu").
_QUANTITY_RE = regex.compile(
    r"(?:(?P<sign>(?<![\p{L}\d])[-−+])(?=\d))?"
    r"(?:(?P<digits>" + DIGITS + r")|(?<!\p{L})hàng\s+(?P<magnitude>chục|trăm|nghìn|ngàn|triệu|tỷ|tỉ)(?!\p{L})"
    r"|(?P<fraction>[½⅓¼¾⅔]|(?<!\p{L})một\s+nửa(?!\p{L}))"
    r"|(?<!\p{L})(?P<spelled>" + SPELLED_NUMBER.replace(r"|$", "") + r"))"
    r"(?:\s*(?P<scale>" + SCALE_WORD + r"(?:\s+" + SCALE_WORD + r")*)(?!\p{L}))?"
    r"(?P<more>(?:\s+\d+(?:[.,]\d+)*\s*" + SCALE_WORD + r"(?!\p{L}))*)",
    regex.IGNORECASE,
)
_MORE_RE = regex.compile(r"(\d+(?:[.,]\d+)*)\s*(" + SCALE_WORD + r")", regex.IGNORECASE)
# Where a number may start, so that `_QUANTITY_RE` is tried there only (trying it at every character is
# most of the cost of a sentence): a sign, a fraction sign or the first digit of a run (a number never
# starts right after a digit), found in the text itself …
_NUMERAL_START_RE = regex.compile(r"[-−+½⅓¼¾⅔]|\d+")
# … or a word that opens a number ("hàng", "một" of "một nửa", the spelled numerals) and a space after it,
# found in the case-folded text by the standard library's engine, which scans a plain list of words several
# times faster (its spaces are the `regex` ones and a few more)
_NUMBER_WORD_RE = re.compile("(?:" + alternation(("hàng", *SPELLED_WORDS)) + r")(?=\s)")

# Patterns that end at the number ("…\s*$") only say whether the words right before it are of a kind;
# searched backwards (REVERSE) they are tried at the number alone, not at every character of the window.
_BEFORE = regex.IGNORECASE | regex.REVERSE
# Words right before a number that make it an identifier, not an amount ("Quyết định số 128",
# "quốc lộ 1", "lần thứ 2", "Điều 5").
_IDENTIFIER_BEFORE_RE = regex.compile(
    r"(?:(?<!(?:tổng|con)\s)\bsố|\bthứ|\bĐiều|\bkhoản|\blớp|\btầng|\bphòng|\bquận|\bphường|\bkhu|\blô|"
    r"\bquốc lộ|\btỉnh lộ|\bQL|"
    r"\btuyến|\bmã số|\bhotline|\bNghị định|\bQuyết định|\bThông tư|\bChỉ thị|\bNghị quyết|\bLuật|\btop)"
    r"\s*$",
    _BEFORE,
)
_YEAR_RE = regex.compile(r"(?:1[89]|20)\d\d$")
# A bare number after a label word, a calendar word or inside a name labels something, it does not
# count it: "cấp 2", "bước 2:", "tháng 10 xung quanh", "iPhone 15 mới", "Hợp Thành 1 có" (a capital
# not at a sentence start), a number after a number ("1900 1234") or after "2-" (a score, "2-1"; ranges
# of counts keep their noun from the vocabulary). A leading zero makes a phone number or a code
# ("0975.220.986").
_LABEL_BEFORE_RE = regex.compile(
    r"(?:(?<!\p{L})(?:cấp|bước|đợt|giai\s+đoạn|phần|chương|mục|bài|câu|hạng|vòng|ván|trận|kỳ|khóa|số|thứ"
    r"|hiệp|tập|mùa|ngày|tháng|quý|tuần|năm|lúc|ngõ|ngách|hẻm|kiệt|tổ|ấp|thôn|xóm|khu\s+phố)|\d"
    r"|(?-i:[\p{L}\d,]\s+\p{L}*\p{Lu}[\p{L}\d-]*|\p{Ll}\p{L}*\p{Lu}[\p{L}\d-]*))\s+$",
    _BEFORE,
)
_PAIR_BEFORE_RE = regex.compile(r"\d\s*[-–]\s*$")
_LABEL_REACH = 40
# "điểm <what the score is> (là|đạt)": a score named right before a bare number
# ("thời điểm", "địa điểm", "quan điểm": "điểm" as the second syllable of another noun is no score)
_NOT_SCORES = ("thời", "địa", "đặc", "quan", "trọng", "ưu", "nhược", "khởi", "giao", "cao", "tiêu", "mốc")
_SCORE_BEFORE_RE = regex.compile(
    "".join(rf"(?<!{w}\s)" for w in _NOT_SCORES)
    + r"(?<!\p{L})điểm(?:\s+(?!(?:là|đạt)(?!\p{L}))[\p{L}\d/]+){1,5}\s+(?:(?:là|đạt|được)\s+)?$",
    regex.IGNORECASE,
)
_YEAR_BEFORE_RE = regex.compile(r"(?<!\p{L})năm\s*$", regex.IGNORECASE)
# A connector between the two ends of a range.
_RANGE_JOIN_RE = regex.compile(r"^\s*(?:-|–|—|đến|tới)\s*(?:mức\s+)?$", regex.IGNORECASE)
_PAIR_CONTEXT_RE = regex.compile("|".join(regex.escape(p) for p in PAIR_CONTEXT), regex.IGNORECASE)

# "giảm gần ½ so với hôm qua", "giảm một nửa": a fraction of the figure, as a percent
FRACTIONS: dict[str, Decimal] = {
    "½": Decimal(50),
    "một nửa": Decimal(50),
    "⅓": Decimal("33.3"),
    "¼": Decimal(25),
    "¾": Decimal(75),
    "⅔": Decimal("66.7"),
}
_FRACTION_UNIT = UnitMatch("percent", "%", 0)
_SPELLED_DIGIT_RE = regex.compile(r"\b(?:một|hai|ba|bốn|năm|sáu|bảy|bẩy|tám|chín|mười)\b", regex.IGNORECASE)
# "52.000 đồng và 54.000 đồng/kg": the first amount shares the rate of the second.
_COORDINATION_RE = regex.compile(r"^\s*(?:và|hoặc|,)\s*$", regex.IGNORECASE)
_UNITFUL_SPELLED: frozenset[UnitKind] = frozenset({"money", "percent", "physical"})


@dataclass(frozen=True)
class Figure:
    """One figure: where it is, its value in base units, its unit and what kind of unit that is."""

    start: int
    end: int
    value: Decimal
    unit: str | None
    kind: UnitKind | None
    sign: str = ""
    range_max: Decimal | None = None
    scaled: bool = False
    label: str = ""  # "mua vào" / "bán ra" for the two sides of a buy–sell pair
    approximate: bool = False  # "hàng chục triệu đồng": tens of millions, read as its order of magnitude
    fraction: bool = False  # "giảm gần ½", "giảm một nửa": a share, read as a percent


class _Number(NamedTuple):
    """A number as `_QUANTITY_RE` reads it: where it stands and its groups, in the pattern's order (None when
    absent)."""

    start: int
    end: int
    sign: str | None
    digits: str | None
    magnitude: str | None
    fraction: str | None
    spelled: str | None
    scale: str | None
    more: str | None


def _number_value(number: _Number, english: bool) -> Decimal | None:
    english = english and not number.scale  # "4,705 triệu" is 4.705 million everywhere
    if number.fraction:
        return FRACTIONS[" ".join(number.fraction.lower().split())]
    if number.digits:
        base = parse_digits(number.digits, english)
    elif number.magnitude:
        base = MAGNITUDES.get(number.magnitude.lower())  # None for "TRİỆU", matched without case
    else:
        base = parse_spelled(number.spelled or "")
    if base is None:
        return None
    value = base * scale_of(number.scale or "")
    for more_digits, scale in _MORE_RE.findall(number.more) if number.more else ():
        extra = parse_digits(more_digits, english)
        if extra is None:
            return None
        value += extra * scale_of(scale)
    return value


def number_starts(text: str, start: int = 0, end: int | None = None) -> Sequence[int]:
    """Every position of `text[start:end]` where a number may start, in order (some of them start none).

    >>> list(number_starts("Giá tăng 5%, gấp hai lần"))
    [9, 17]
    """
    stop = len(text) if end is None else end
    folded = text[start:stop].casefold()
    numerals = [found.start() for found in _NUMERAL_START_RE.finditer(text, start, stop)]
    if len(folded) == stop - start:
        words = [start + found.start() for found in _NUMBER_WORD_RE.finditer(folded)]
    else:  # a letter folded to two ("ß" → "ss") moved the positions: map them back, character by character
        origin = [i for i in range(start, stop) for _ in text[i].casefold()]
        words = [origin[found.start()] for found in _NUMBER_WORD_RE.finditer(folded)]
    return sorted(numerals + words) if words else numerals


def _numbers(text: str, start: int, end: int, starts: Sequence[int]) -> Iterator[_Number]:
    """`_QUANTITY_RE.finditer(text, start, end)`, trying the pattern only at `starts` (see `number_starts`)."""
    for found in matches_at(_QUANTITY_RE, text, starts, start, end):
        yield _Number(found.start(), found.end(), *found.groups())


def _raw_figures(text: str, start: int, end: int, english: bool, starts: Sequence[int]) -> list[Figure]:
    """Every number with its unit (or None) between `start` and `end`, identifiers dropped."""
    figures: list[Figure] = []
    for number in _numbers(text, start, end, starts):
        spelled = number.spelled
        if spelled and not _SPELLED_DIGIT_RE.search(spelled):
            continue  # "một số" is "some", "tỷ đô" alone a label: a spelled amount needs a digit word (and a unit)
        unit = _unit_of(text, number, start, end)
        if spelled and not (number.scale or (unit and unit.kind in _UNITFUL_SPELLED)):
            continue  # "hai người": a spelled number makes an amount only with a scale word or a unit of measure
        if number.magnitude and unit is None:
            continue  # "hàng trăm" alone is "hundreds of" something unnamed
        value = _number_value(number, english)
        if value is None:
            continue
        if _IDENTIFIER_BEFORE_RE.search(text, max(start, number.start - 20), number.start) and not _is_percent(
            text, number.end
        ):
            continue  # "Quyết định số 128", "quốc lộ 1"; but "Top 85%" is a share
        if _YEAR_RE.match(text[number.start : number.end]) and _YEAR_BEFORE_RE.search(
            text, max(start, number.start - 8), number.start
        ):
            continue  # "năm 2020"
        figures.append(
            Figure(
                start=number.start,
                end=unit.end if unit and not number.fraction else number.end,
                value=value,
                unit=unit.unit if unit else None,
                kind=unit.kind if unit else None,
                sign=(number.sign or "").replace("−", "-"),
                scaled=bool(number.scale),
                approximate=bool(number.magnitude),
                fraction=bool(number.fraction),
            )
        )
    return figures


def _unit_of(text: str, number: _Number, start: int, end: int) -> UnitMatch | None:
    """The unit of a number found between `start` and `end`: a unit word, a score's points, a counted noun."""
    unit = _FRACTION_UNIT if number.fraction else match_unit(text, number.end)
    if unit is None and number.digits and not _YEAR_RE.match(number.digits):
        unit = _score(text, number, start)  # "điểm tổng kết 8,7"; never "Điểm chuẩn 2012", a year
    if unit is None and _may_count(text, number, start):
        unit = match_counted_noun(text, number.end)
    return None if unit is None or unit.end > end else unit


def _is_percent(text: str, position: int) -> bool:
    unit = match_unit(text, position)
    return unit is not None and unit.kind == "percent"


def _may_count(text: str, number: _Number, start: int) -> bool:
    """A bare number in digits that may count the noun after it: not a year, a label or part of a name."""
    digits = number.digits
    if not digits or number.sign or number.more or _YEAR_RE.match(digits):
        return False
    if digits.startswith("0") and digits[1:2].isdigit():
        return False
    window = max(start, number.start - _LABEL_REACH)
    return not (
        _LABEL_BEFORE_RE.search(text, window, number.start) or _PAIR_BEFORE_RE.search(text, window, number.start)
    )


def _score(text: str, number: _Number, start: int) -> UnitMatch | None:
    """ "điểm tổng kết 8,7", "điểm thi đạt 27": a bare number after a named score is points."""
    window = max(start, number.start - _LABEL_REACH)
    if "điểm" not in text[window : number.start].lower():
        return None  # the plain substring test first: most bare numbers have no score word near
    before = _SCORE_BEFORE_RE.search(text, window, number.start)
    return UnitMatch("point", "point", number.end) if before else None


def _join_ranges(text: str, figures: list[Figure]) -> list[Figure]:
    """Merge "A - B unit" / "A đến B unit" into a range, or into a buy–sell pair (two figures)."""
    joined: list[Figure] = []
    i = 0
    while i < len(figures):
        low = figures[i]
        high = figures[i + 1] if i + 1 < len(figures) else None
        if (
            high is not None
            and high.unit is not None
            and (low.unit in (None, high.unit) or high.unit.startswith(f"{low.unit}/"))
            and _RANGE_JOIN_RE.match(text[low.end : high.start])
        ):
            low_value = low.value if low.scaled or low.unit else low.value * _scale_factor(high)
            if high.kind == "money" and "/" in high.unit and _is_pair(text, low, high):
                joined.append(replace(low, value=low_value, unit=high.unit, kind=high.kind, label="mua vào"))
                joined.append(replace(high, label="bán ra"))
            else:
                joined.append(replace(high, start=low.start, value=low_value, range_max=high.value, sign=low.sign))
            i += 2
            continue
        joined.append(low)
        i += 1
    return joined


def _scale_factor(figure: Figure) -> Decimal:
    """What the unscaled low end of "7,8 đến 12,5 tỷ" borrows from the high end (10^9 here)."""
    if not figure.scaled:
        return Decimal(1)
    factor = Decimal(1)
    while factor * 1000 <= abs(figure.value):
        factor *= 1000
    return factor


def _is_pair(text: str, low: Figure, high: Figure) -> bool:
    """A buy–sell quote: a currency rate ("đồng/USD") or a price with "mua vào"/"bán ra" around it."""
    numerator, _, denominator = (high.unit or "").partition("/")
    if denominator in {"USD", "EUR", "CNY", "JPY", "KRW", "GBP", "lượng", "chỉ"}:
        return True
    window = text[max(0, low.start - 60) : high.end + 40]
    return bool(_PAIR_CONTEXT_RE.search(window)) and bool(numerator)


def _share_rates(text: str, figures: list[Figure]) -> list[Figure]:
    """ "lên 61.000 đồng và 63.500 đồng/kg": an amount coordinated with a rate of its currency is that rate."""
    shared = list(figures)
    for i in range(len(shared) - 2, -1, -1):
        first, second = shared[i], shared[i + 1]
        if (
            second.unit
            and first.unit
            and second.unit.startswith(first.unit + "/")
            and _COORDINATION_RE.match(text[first.end : second.start])
        ):
            shared[i] = replace(first, unit=second.unit)
    return shared


def find_figures(
    text: str, start: int = 0, end: int | None = None, english: bool = False, starts: Sequence[int] | None = None
) -> list[Figure]:
    """The figures of `text[start:end]`, in order; bare numbers and durations are left out. A reader of many
    sentences of one text passes `starts`, the part of `number_starts(text)` between `start` and `end`.

    >>> [(f.value, f.unit) for f in find_figures("ước đạt 1.320 triệu USD, giảm 47,6% so với cùng kỳ")]
    [(Decimal('1320000000'), 'USD'), (Decimal('47.6'), '%')]
    >>> [(f.value, f.range_max, f.unit) for f in find_figures("từ 10 đến 15 tỷ đồng")]
    [(Decimal('10000000000'), Decimal('15000000000'), 'VND')]
    >>> find_figures("Quyết định số 128/QĐ-UBND ngày 17/01/2020, lúc 19:36, Cụm công nghiệp Hợp Thành 1")
    []
    >>> find_figures("trong 6 tháng đầu năm 2020")
    []
    """
    stop = len(text) if end is None else end
    starts = number_starts(text, start, stop) if starts is None else starts
    figures = _share_rates(text, _join_ranges(text, _raw_figures(text, start, stop, english, starts)))
    return [_tidied(f) for f in figures if f.unit is not None and f.kind != "time"]


def _tidied(figure: Figure) -> Figure:
    """`figure` with its value and range in their shortest form (a copy only when one of them changes: most
    numbers are read that way already)."""
    value = tidy(figure.value)
    range_max = None if figure.range_max is None else tidy(figure.range_max)
    if value.as_tuple() == figure.value.as_tuple() and (
        range_max is None or figure.range_max is None or range_max.as_tuple() == figure.range_max.as_tuple()
    ):
        return figure
    return replace(figure, value=value, range_max=range_max)
