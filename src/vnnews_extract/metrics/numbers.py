"""Numbers as Vietnamese news writes them: digit groups, scale words and spelled-out numerals.

The separator rule (why "1.320" is 1320 but "2.5" is 2.5):

* Vietnamese writes a dot between thousands and a comma before decimals: "1.234.567,89".
* A dot followed by exactly three digits is therefore a thousands separator ("1.320" → 1320,
  "25.992" → 25992). A dot followed by one, two or four-plus digits can only be an English decimal
  point ("2.5%" → 2.5, "1.25 triệu" → 1.25 million).
* A comma is a decimal comma ("47,6" → 47.6, "76,583 triệu" → 76.583 million: Vietnamese reporting
  writes three decimals before a scale word all the time), unless the number has two or more comma
  groups of three digits ("1,234,567") or a comma group followed by a dot decimal ("1,234.5"): those
  shapes only occur with English separators.
* Context decides the one ambiguous shape, a single comma before three digits ("1,320"): a text that
  writes English separators throughout (`english_separators`: comma thousands groups, and no decimal
  comma and no dot thousands anywhere) reads it as 1320, every other text as 1.32. Before a scale word
  ("4,705 triệu") it is always the Vietnamese decimal comma.
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

import regex

from ..vocab import alternation

__all__ = [
    "DIGITS",
    "MAGNITUDES",
    "SCALES",
    "SCALE_WORD",
    "SPELLED_NUMBER",
    "SPELLED_WORDS",
    "english_separators",
    "parse_digits",
    "parse_number",
    "parse_spelled",
    "scale_of",
    "tidy",
]

# A run of digits with optional dot/comma groups; the lookarounds keep "RON92", "COVID-19" and the
# pieces of "17/01/2020" out (a digit glued to a letter or slash is part of a name or a date).
DIGITS = r"(?<![\p{L}\d/.,:])(?<!\p{L}-)\d+(?:[.,]\d+)*(?![\d/:]|[.,]\d|\p{L}\d)"

# Scale words (Vietnamese "thousand", "million", "billion"); "tỉ" is the older spelling of "tỷ",
# "ngàn" the southern "nghìn". Composites multiply: "nghìn tỷ" = 10^12, "triệu tỉ" = 10^15.
SCALES: dict[str, Decimal] = {
    "trăm": Decimal(100),
    "nghìn": Decimal(10) ** 3,
    "ngàn": Decimal(10) ** 3,
    "triệu": Decimal(10) ** 6,
    "tỷ": Decimal(10) ** 9,
    "tỉ": Decimal(10) ** 9,
}
SCALE_WORD = r"(?:trăm|nghìn|ngàn|triệu|tỷ|tỉ)"
# "hàng chục/trăm/nghìn …" (tens/hundreds/thousands of): an order of magnitude, taken as its lower bound
MAGNITUDES: dict[str, Decimal] = {"chục": Decimal(10), **SCALES}

# Spelled-out numerals: the units digit words, including the forms used after "mươi" (mốt = 1,
# lăm = 5, tư = 4) and the spelling variant "bẩy".
_DIGIT_WORDS: dict[str, int] = {
    "không": 0,
    "một": 1,
    "mốt": 1,
    "hai": 2,
    "ba": 3,
    "bốn": 4,
    "tư": 4,
    "năm": 5,
    "lăm": 5,
    "sáu": 6,
    "bảy": 7,
    "bẩy": 7,
    "tám": 8,
    "chín": 9,
}
# "mười" is ten on its own ("mười lăm" = 15); "mươi" multiplies the digit before it ("năm mươi" = 50);
# "linh"/"lẻ" mark a zero tens digit ("một trăm linh năm" = 105).
_TEN = "mười"
_TENS = "mươi"
_ZERO_TENS = frozenset({"linh", "lẻ"})
SPELLED_WORDS = (*_DIGIT_WORDS, _TEN, _TENS, *_ZERO_TENS, *SCALES)
SPELLED_NUMBER = r"(?:(?:" + alternation(SPELLED_WORDS) + r")(?:\s+|$))+"
_SPELLED_RE = regex.compile(r"^\s*" + SPELLED_NUMBER + r"\s*$", regex.IGNORECASE)

_MAX_DIGITS = 40
# English thousands groups ("1,320", "12,500,000") and the shapes only Vietnamese writes: a decimal comma
# not followed by a three-digit group ("47,6", "3,85") or a dot thousands group ("1.320").
_COMMA_GROUP_RE = regex.compile(
    r"(?<![\d.,])\d{1,3}(?:,\d{3})+(?![\d,])(?!\s*(?:trăm|nghìn|ngàn|triệu|tỷ|tỉ)(?!\p{L}))", regex.IGNORECASE
)
_COMMA_GROUP_HINT_RE = regex.compile(r",\d\d\d")  # what every comma group holds: the slow pattern runs only then
_VIETNAMESE_SHAPE_RE = regex.compile(r"\d,(?:\d{1,2}|\d{4,})(?!\d)|(?<![\d.,])\d{1,3}\.\d{3}(?![\d])")
_DIGITS_RE = regex.compile(r"^[+-]?\d+(?:[.,]\d+)*$")
_NUMBER_PART_RE = regex.compile(r"(\d+(?:[.,]\d+)*)\s*(" + SCALE_WORD + r"(?:\s+" + SCALE_WORD + r")*)?", regex.I)
_GROUPED_NUMBER_RE = regex.compile(
    r"^\s*(?:\d+(?:[.,]\d+)*\s*" + SCALE_WORD + r"(?:\s+" + SCALE_WORD + r")*\s*)+(?:\d+(?:[.,]\d+)*)?\s*$", regex.I
)


def english_separators(text: str) -> bool:
    """True when `text` writes numbers the English way throughout ("1,320", "2.5%"), never "47,6" or "1.320".

    >>> english_separators("Revenue hit 1,320 billion, up 2.5%")
    True
    >>> english_separators("đạt 1.320 triệu USD, giảm 47,6%")
    False
    >>> english_separators("tăng 2.5%, đạt 7,4 tỷ USD")
    False
    >>> english_separators("đạt 4,705 triệu USD")
    False
    """
    has_groups = bool(_COMMA_GROUP_HINT_RE.search(text)) and bool(_COMMA_GROUP_RE.search(text))
    return has_groups and not _VIETNAMESE_SHAPE_RE.search(text)


def parse_digits(s: str, english: bool = False) -> Decimal | None:
    """A digit string with Vietnamese (or, by shape, English) separators → Decimal.

    >>> parse_digits("1.320")
    Decimal('1320')
    >>> parse_digits("47,6")
    Decimal('47.6')
    >>> parse_digits("1.234.567,89")
    Decimal('1234567.89')
    >>> parse_digits("2.5")
    Decimal('2.5')
    >>> parse_digits("1,234,567")
    Decimal('1234567')
    >>> parse_digits("1,234.5")
    Decimal('1234.5')
    >>> parse_digits("76,583")
    Decimal('76.583')
    >>> parse_digits("12a") is None
    True
    >>> parse_digits("1,320", english=True)
    Decimal('1320')
    """
    s = s.strip()
    if len(s) > _MAX_DIGITS or not _DIGITS_RE.match(s):
        return None  # no figure in the news has that many digits; a run that long is noise
    sign = "-" if s.startswith("-") else ""
    s = s.lstrip("+-")
    dots, commas = s.count("."), s.count(",")
    if dots and commas:
        # whichever separator comes last is the decimal mark
        decimal_mark = "," if s.rfind(",") > s.rfind(".") else "."
    elif commas and _all_thousand_groups(s, ",") and (commas > 1 or english):
        decimal_mark = "."
    elif commas or dots > 1 or (dots == 1 and _all_thousand_groups(s, ".")):
        decimal_mark = ","
    else:
        decimal_mark = "."
    thousands = "." if decimal_mark == "," else ","
    head, _, tail = s.replace(thousands, "").partition(decimal_mark)
    if decimal_mark in tail:
        return None
    try:
        return Decimal(sign + head + ("." + tail if tail else ""))
    except InvalidOperation:
        return None


def _all_thousand_groups(s: str, sep: str) -> bool:
    """True when every group after the first has exactly three digits ("1.234.567")."""
    first, *rest = s.split(sep)
    return 1 <= len(first) <= 3 and all(len(group) == 3 for group in rest)


def scale_of(words: str) -> Decimal:
    """The multiplier of a run of scale words: "nghìn tỷ" → 10^12, "" → 1.

    >>> scale_of("nghìn tỷ")
    Decimal('1000000000000')
    >>> scale_of("")
    Decimal('1')
    """
    factor = Decimal(1)
    for word in words.lower().split():
        factor *= SCALES.get(word, Decimal(1))
    return factor


def parse_spelled(s: str) -> Decimal | None:
    """A spelled-out Vietnamese numeral → Decimal.

    >>> parse_spelled("hai nghìn")
    Decimal('2000')
    >>> parse_spelled("một trăm năm mươi")
    Decimal('150')
    >>> parse_spelled("mười lăm")
    Decimal('15')
    >>> parse_spelled("hai mươi mốt")
    Decimal('21')
    >>> parse_spelled("ba trăm linh năm")
    Decimal('305')
    >>> parse_spelled("một triệu hai trăm nghìn")
    Decimal('1200000')
    >>> parse_spelled("hai tỷ") == Decimal(2 * 10**9)
    True
    >>> parse_spelled("xin chào") is None
    True
    >>> parse_spelled("HAİ") is None
    True
    """
    if not _SPELLED_RE.match(s):
        return None
    total = Decimal(0)  # finished groups (above the current scale)
    group = Decimal(0)  # the current group below the next scale word
    digit: int | None = None
    last_factor = Decimal(0)
    seen_scale = False
    for word in s.lower().split():
        if word in _DIGIT_WORDS:
            if digit is not None:
                return None  # two digit words in a row ("hai ba") is not a number
            digit = _DIGIT_WORDS[word]
        elif word == _TEN:
            group += 10
        elif word == _TENS:
            group += (digit if digit is not None else 1) * 10
            digit = None
        elif word in _ZERO_TENS:
            continue  # the zero tens digit adds nothing
        elif word == "trăm":
            group = (group + (digit if digit is not None else 1)) * 100
            digit = None
        elif word in SCALES:
            factor = SCALES[word]
            unit = group + (digit or 0)
            if unit == 0 and total:
                total *= factor  # composite scale: "nghìn tỷ"
            elif total and last_factor < factor:
                total = (total + unit) * factor
            else:
                total += (unit or 1) * factor
            group, digit, last_factor, seen_scale = Decimal(0), None, factor, True
        else:
            return None  # matched without case by a letter lower() does not give back ("HAİ", "ſáu")
    value = total + group + (digit or 0)
    if not seen_scale and value == 0 and "không" not in s.lower():
        return None
    return value


def parse_number(s: str) -> Decimal | None:
    """Any Vietnamese way of writing a number → Decimal, or None when `s` is not one.

    Digits with Vietnamese or English separators (see the module docstring for the rule), scale
    words, composed amounts and spelled-out numerals:

    >>> parse_number("1.320")
    Decimal('1320')
    >>> parse_number("47,6")
    Decimal('47.6')
    >>> parse_number("2.5")
    Decimal('2.5')
    >>> parse_number("1.234.567,89")
    Decimal('1234567.89')
    >>> parse_number("1.320 triệu")
    Decimal('1320000000')
    >>> parse_number("1,5 triệu")
    Decimal('1500000')
    >>> parse_number("1.5 triệu") == parse_number("1,5 triệu")
    True
    >>> parse_number("2 tỷ 300 triệu")
    Decimal('2300000000')
    >>> parse_number("2.101,3 nghìn tỉ") == Decimal("2101300000000000")
    True
    >>> parse_number("hai nghìn")
    Decimal('2000')
    >>> parse_number("mười lăm")
    Decimal('15')
    >>> parse_number("năm 2020") is None
    True
    >>> parse_number("") is None
    True
    """
    s = " ".join(s.split())
    if not s:
        return None
    value = parse_digits(s)
    if value is None and _GROUPED_NUMBER_RE.match(s):
        value = _parse_grouped(s)
    if value is None:
        value = parse_spelled(s)
    return None if value is None else tidy(value)


def tidy(value: Decimal) -> Decimal:
    """Drop trailing zeros after the decimal point without switching to exponent form.

    >>> tidy(Decimal("1500000.0"))
    Decimal('1500000')
    >>> tidy(Decimal("22.70"))
    Decimal('22.7')
    """
    if value == value.to_integral_value():
        return Decimal(int(value))  # exact at any size, never in exponent form
    return value.normalize()


def _parse_grouped(s: str) -> Decimal | None:
    """ "2 tỷ 300 triệu" → each digit group times its scale, summed; a trailing bare group is units."""
    total = Decimal(0)
    for match in _NUMBER_PART_RE.finditer(s):
        value = parse_digits(match.group(1))
        if value is None:
            return None
        total += value * scale_of(match.group(2) or "")
    return total
