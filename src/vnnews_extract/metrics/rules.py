"""Stage 6b: the small named rules that read the words around a figure.

Each rule looks at the text just before a figure (its *gap*, back to the previous figure) or just after
it, and answers one question: is this number a change, a share, a new level? Which direction? Against
what basis? With which qualifier, in which period? Patterns are compiled once, from `vocab`.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Literal

import regex

from ..model import Basis, Direction, Qualifier
from ..vocab import alternation
from .scanning import matches_at
from .vocab import (
    BASIS_RULES,
    BREAKDOWN_MARKERS,
    CAUSATIVES,
    CHANGE_DOWN,
    CHANGE_FILLERS,
    CHANGE_UP,
    COMPARATIVES_DOWN,
    COMPARATIVES_UP,
    CONTRIBUTION_WORDS,
    COUNT_TAIL_STOPS,
    FRAMING_QUALIFIERS,
    LEVEL_WORDS,
    NOUN_STOPS,
    QUALIFIERS,
    RATIO_VERBS,
    SHARE_VERBS,
)

__all__ = [
    "Role",
    "aspect_after",
    "basis_after",
    "basis_before",
    "classify",
    "has_marker",
    "has_verb",
    "measured_noun",
    "period_before",
    "period_right_after",
    "period_spans",
    "periods",
    "qualifier_for",
    "reference_basis",
]

RoleName = Literal["value", "change", "share", "ratio", "level", "skip"]


_F = regex.IGNORECASE
_VERB_UP = alternation(CHANGE_UP)
_VERB_DOWN = alternation(CHANGE_DOWN)
_FILLERS = r"(?:\s+(?:" + alternation(CHANGE_FILLERS) + r"))*"
# a change verb, then filler words, at the very end of the gap ("tăng mạnh 220", "giảm sâu tới 13,26")
_CHANGE_END_RE = regex.compile(
    r"(?<!\p{L})(?:(?P<up>" + _VERB_UP + r")|(?P<down>" + _VERB_DOWN + r"))" + _FILLERS + r"\s*$", _F
)
# "tăng giá Xbox thêm 100 USD": "thêm" (more) before the number, the verb earlier in its clause
_MORE_END_RE = regex.compile(r"(?<!\p{L})thêm" + _FILLERS + r"\s*$", _F)
_VERB_RE = regex.compile(r"(?<!\p{L})(?:(?P<up>" + _VERB_UP + r")|(?P<down>" + _VERB_DOWN + r"))(?!\p{L})", _F)
# "cao hơn trung bình nhiều năm 10 - 30%": a comparative, its reference, then the size of the difference
_COMPARED_TO_END_RE = regex.compile(
    r"(?<!\p{L})(?:(?P<up>" + alternation(COMPARATIVES_UP) + r")|(?P<down>" + alternation(COMPARATIVES_DOWN) + r"))"
    r"(?P<reference>(?:\s+(?!(?:so|mức|ngưỡng)(?!\p{L}))\p{L}+){1,8}?)" + _FILLERS + r"\s*$",
    _F,
)
_RANGE_FROM_RE = regex.compile(r"\s+từ\s*$", _F)
_GAP_HAS_VERB_RE = regex.compile(r"(?<!\p{L})(?:" + _VERB_UP + "|" + _VERB_DOWN + r")(?!\p{L})", _F)
_TIMES_END_RE = regex.compile(r"(?<!\p{L})gấp" + _FILLERS + r"\s*$", _F)
_LEVEL_END_RE = regex.compile(
    r"(?<!\p{L})(?<!(?:đi|nhích)\s)(?:" + alternation(LEVEL_WORDS) + r"|về(?=\s+mức))(?:\s+(?:mức|tới|đến|còn))?\s*$",
    _F,
)
_SHARE_END_RE = regex.compile(r"(?<!\p{L})(?:" + alternation(SHARE_VERBS) + r")" + _FILLERS + r"\s*$", _F)
_RATIO_END_RE = regex.compile(r"(?<!\p{L})(?P<verb>" + alternation(RATIO_VERBS) + r")" + _FILLERS + r"\s*$", _F)
# "làm giảm 0,76 điểm phần trăm", "đóng góp 1,46 điểm phần trăm": a contribution, not this figure's change
# ("làm" needs its change verb: "làm 15 người chết" is a count of what was caused)
_CONTRIBUTION_END_RE = regex.compile(
    r"(?<!\p{L})(?:(?:"
    + alternation(CONTRIBUTION_WORDS)
    + r")(?:\s+(?:"
    + _VERB_UP
    + "|"
    + _VERB_DOWN
    + r"))?|(?:"
    + alternation(CAUSATIVES)
    + r")\s+(?:"
    + _VERB_UP
    + "|"
    + _VERB_DOWN
    + r"))"
    + _FILLERS
    + r"\s*$",
    _F,
)
# "so với mức tăng 9,70%", "thấp hơn tốc độ tăng 8,60%": a reference figure, reported for comparison
_COMPARATIVE_END_RE = regex.compile(
    r"(?:so\s+với|hơn|bằng)\s+(?:(?:mức|tốc\s+độ)\s+)?(?:tăng|giảm)(?:\s+trưởng)?(?:\s+của)?\s*$", _F
)
# "mức giảm với dầu hỏa là 275 đồng/lít": the size of a change, announced
_ANNOUNCED_CHANGE_RE = regex.compile(r"(?<!\p{L})mức\s+(?P<verb>tăng|giảm)(?!\p{L})[^,;.]*?\s(?:là|ở\s+mức)\s*$", _F)
# "(tương đương 0,66%)", ", tương đương hơn 4,2 triệu đồng": the same change in other units
_RESTATED_RE = regex.compile(
    r"^\s*(?:\(\s*(?:tương\s+đương|tương\s+ứng)?|,\s*(?:tương\s+đương|tương\s+ứng))"
    r"(?:\s+(?:hơn|gần|khoảng|xấp\s+xỉ|trên|dưới))?\s*$",
    _F,
)
# "gấp 2,4 lần cùng kỳ", "vượt 12% kế hoạch": the reference written straight after the change
_REFERENCE_RE = regex.compile(
    r"\s*(?:cùng\s+kỳ|kế\s+hoạch|chỉ\s+tiêu|dự\s+toán|năm\s+(?:trước|ngoái|(?:19|20)\d\d)|(?:tháng|quý)\s+trước)(?!\p{L})",
    _F,
)
# "từ 6 triệu đồng trở lên" (and above), "trở xuống" (and below)
_AND_ABOVE_RE = regex.compile(r"\s*trở\s+(?P<way>lên|xuống)(?!\p{L})", _F)
_UP_END_RE = regex.compile(r"tăng\S*\s*(?:của\s*)?$", _F)
_CLAUSE_PUNCT_RE = regex.compile(r"[,;(]")
_ASPECT_RE = regex.compile(r"\s*(?:về|ở\s+chiều)\s+(?P<what>(?:(?!và|nhưng|so|,|;|\.|\()\S+\s*){1,4})", _F)
_LIST_GAP_RE = regex.compile(r"^(?:\s+của\s+[^,;()]*?)?[\s,]*(?:(?:và|hoặc|cùng)\s*)?$", _F)
_RESPECTIVELY_RE = regex.compile(r"(?<!\p{L})(?:lần\s+lượt|tương\s+ứng)(?!\p{L})", _F)
_MARKER_RE = regex.compile(r"(?<!\p{L})(?:" + alternation(BREAKDOWN_MARKERS) + r")(?!\p{L})", _F)

# basis: "so với …" / "so …" then a phrase; the same phrase right after a ratio ("bằng 90% cùng kỳ")
_BASIS_PHRASES = [(regex.compile(pattern, _F), basis) for pattern, basis in BASIS_RULES]
_REFERENCE_RULES = 3  # the rules that may name a reference with no "so với" (averages, same period, plan)
_SO_VOI_RE = regex.compile(r"(?<!\p{L})so(?:\s+với)?+\s+(?!(?:mức|tốc\s+độ|tại)(?!\p{L}))(?P<what>[^,;()]{0,60})", _F)

_QUALIFIER_WORDS = alternation(QUALIFIERS)
_ADJACENT_QUALIFIER_RE = regex.compile(
    r"(?<!\p{L})(?<!nói\s)(?P<q>" + _QUALIFIER_WORDS + r")(?:\s+(?:mức|là|ở\s+mức|tới|đến|đạt))?\s*(?:từ\s+)?$", _F
)
_FRAMING_QUALIFIER_RE = regex.compile(
    r"(?<!\p{L})(?<!so\s+với\s+)(?P<q>"
    + alternation(k for k, v in QUALIFIERS.items() if v in FRAMING_QUALIFIERS)
    + r")(?!\p{L})",
    _F,
)

_MONTH_COUNT = r"(?:\d{1,2}|một|hai|ba|bốn|năm|sáu|bảy|tám|chín|mười(?:\s+một|\s+hai)?)"
_PERIOD_RE = regex.compile(
    r"(?<!\p{L})(?:(?:lũy\s+kế|tính\s+chung|tính\s+riêng|sau)\s+)?(?:"
    r"(?:nửa\s+(?:đầu|cuối)\s+)?(?:tháng\s+(?:\d{1,2}(?:/\d{4})?|(?-i:[\p{Lu}][\p{Ll}]+))(?:\s+năm\s+\d{4}|\s+này)?)"
    r"|(?:tháng|quý|tuần)\s+này"
    r"|" + _MONTH_COUNT + r"\s+tháng(?:\s+(?:đầu|cuối)\s+năm)?(?:\s+(?:năm\s+)?(?:\d{4}|nay|qua))?"
    r"(?:\s+tính\s+từ\s+đầu\s+năm)?"
    r"|nửa\s+(?:đầu|cuối)\s+năm(?:\s+(?:\d{4}|nay))?"
    r"|quý\s+(?:[IV]+|\d)(?:/\d{4})?(?:\s+năm\s+\d{4})?"
    r"|năm\s+(?:\d{4}|nay|ngoái|qua)"
    r"|từ\s+đầu\s+năm(?:\s+đến\s+nay)?|đến\s+nay|trong\s+tháng(?!\s+\d)"
    r")(?!\p{L})",
    _F,
)
# every period expression holds one of these words (month, quarter, week, year, now): a sentence without them
# has none, and `_PERIOD_RE`, slow to try at every character, need not run on it
_PERIOD_WORDS = ("tháng", "quý", "tuần", "năm", "nay")
_PERIOD_WORD_RE = re.compile("|".join(_PERIOD_WORDS))  # searched in the case-folded sentence
# In the others it is tried where a period may start: at a month count in digits ("6 tháng") or at a word that
# opens one ("tháng", "quý", "từ đầu", "sáu tháng", …), found in the case-folded text by the standard library's
# engine (as `figures` finds number words), several times faster there than by `regex`; each word is found
# alone (what must follow it is looked ahead at), so that one found never hides the next
_MONTH_COUNT_START_RE = regex.compile(r"\d(?=\d?\s+tháng)", _F)
_PERIOD_OPENER_RE = re.compile(
    r"(?:tháng|quý|tuần|sau|năm|mười)(?=\s)|lũy(?=\s+kế)|tính(?=\s+(?:chung|riêng))|nửa(?=\s+(?:đầu|cuối))"
    r"|(?:một|hai|ba|bốn|sáu|bảy|tám|chín)(?=\s+tháng)|từ(?=\s+đầu)|đến(?=\s+nay)|trong(?=\s+tháng)"
)
_GAP_WINDOW = 160  # characters before a number that can still say what it is
_RIGHT_AFTER = 24  # characters between a figure and a period that still belongs to it
_COMPARED_REACH = 24  # "so với thời điểm cuối " before a period
# "so với (thời điểm) cuối năm 2023": the period of the basis, not of the figure
_COMPARED_PERIOD_RE = regex.compile(r"(?:so\s+với|so)\s+(?:(?:thời\s+điểm\s+)?(?:cuối|đầu)\s+)?$", _F)


@dataclass(frozen=True)
class Role:
    """What a figure is in its clause: a value, a change (with direction), a share, a ratio to a reference,
    a new level after "lên"/"xuống", or nothing we report (a contribution)."""

    name: RoleName
    direction: Direction | None = None
    comparative: bool = False
    respectively: bool = False
    restated: bool = False  # "tăng 8,45 điểm (0,66%)": the same change in other units


def classify(gap: str, kind: str | None, sign: str, previous: Role | None, ranged: bool = False) -> Role:
    """The role of a figure from the words right before it; a range ("tăng từ 30% đến 40%") reads its
    "từ" as part of the number.

    >>> classify("kim ngạch đạt 1.320 triệu USD, giảm ", "percent", "", None)
    Role(name='change', direction='down', comparative=False, respectively=False, restated=False)
    >>> classify("tăng từ 27 triệu đồng/m2 lên ", "money", "", None).name
    'level'
    >>> classify(" và ", "percent", "", Role("change", "up")).direction
    'up'
    >>> classify(", chiếm ", "percent", "", None).name
    'share'
    >>> classify(" (thấp hơn nhiều so với mức tăng ", "percent", "", None).comparative
    True
    >>> classify("tăng khoảng từ ", "percent", "", None, ranged=True).name
    'change'
    >>> classify("lượng mưa cao hơn trung bình nhiều năm ", "percent", "", None).direction
    'up'
    >>> classify("hãng tăng giá máy thêm ", "money", "", None).direction
    'up'
    """
    gap = gap[-_GAP_WINDOW:]  # every role is decided by the words right before the number
    if ranged:
        gap = _RANGE_FROM_RE.sub(" ", gap)
    respectively = bool(_RESPECTIVELY_RE.search(gap[-40:]))
    if _CONTRIBUTION_END_RE.search(gap):
        return Role("skip")
    if sign in {"-", "+"} and kind in {"percent", "point", "pp"}:
        restated = previous is not None and previous.name == "change" and bool(_RESTATED_RE.match(gap))
        return Role("change", "down" if sign == "-" else "up", restated=restated)  # "giảm 8,4 điểm (-0,67%)"
    if _COMPARATIVE_END_RE.search(gap):
        up = _UP_END_RE.search(gap)
        return Role("change", "up" if up else "down", comparative=True)
    announced = _ANNOUNCED_CHANGE_RE.search(gap)
    if announced:
        return Role("change", "up" if announced.group("verb").lower().startswith("tăng") else "down")
    if _LEVEL_END_RE.search(gap):
        return Role("level")
    if _TIMES_END_RE.search(gap):
        return Role("change", "up", respectively=respectively)
    change = _CHANGE_END_RE.search(gap)
    if change:
        return Role("change", "up" if change.group("up") else "down", respectively=respectively)
    told = _told_change(gap)
    if told is not None:
        return Role("change", told, respectively=respectively)
    if previous is not None and previous.name == "change" and _RESTATED_RE.match(gap):
        return Role("change", previous.direction, previous.comparative, restated=True)
    if previous is not None and previous.name in {"change", "ratio"} and _LIST_GAP_RE.match(gap):
        return Role(previous.name, previous.direction, previous.comparative, previous.respectively)
    if kind in {"pp", "times"}:
        return Role("skip")
    if _SHARE_END_RE.search(gap):
        return Role("share")
    ratio = _RATIO_END_RE.search(gap)
    if ratio and kind == "percent" and ratio.group("verb").lower() != "đạt":
        return Role("ratio", respectively=respectively)
    return Role("value", respectively=respectively)


def _told_change(gap: str) -> Direction | None:
    """A change whose verb stands further back in the clause: "cao hơn <reference> N", "tăng <what> thêm N"."""
    compared = _COMPARED_TO_END_RE.search(gap) if "hơn" in gap else None  # substring tests first: cheap
    if compared:
        return "up" if compared.group("up") else "down"
    if "thêm" in gap and _MORE_END_RE.search(gap):
        verbs = list(_VERB_RE.finditer(_CLAUSE_PUNCT_RE.split(gap)[-1]))
        if verbs:
            return "up" if verbs[-1].group("up") else "down"
    return None


def has_verb(gap: str) -> bool:
    """True when the gap holds a change verb."""
    return bool(_GAP_HAS_VERB_RE.search(gap))


def has_marker(gap: str) -> bool:
    """True when a breakdown marker ("trong đó", "gồm", "riêng") opens what follows."""
    return bool(_MARKER_RE.search(gap))


def _basis_of(phrase: str) -> Basis:
    for pattern, basis in _BASIS_PHRASES:
        if pattern.match(phrase):
            return basis
    return "other"


def basis_after(after: str, reference: bool = True) -> Basis | None:
    """The basis named by the first "so với …" in the words after a change.

    >>> basis_after(" so với cùng kỳ năm ngoái; thủy sản")
    'same_period_last_year'
    >>> basis_after(" so với tháng trước và tăng")
    'previous_period'
    >>> basis_after(" so với năm ngoái")
    'previous_period'
    >>> basis_after(" so với kế hoạch")
    'plan'
    >>> basis_after(" so với thời điểm đầu quý 3")
    'other'
    >>> basis_after(" về lượng") is None
    True
    """
    found = _SO_VOI_RE.search(after)
    if not found:
        return _basis_of(after.strip()) if reference and _REFERENCE_RE.match(after) else None
    return _basis_of(found.group("what").strip())


def basis_before(gap: str) -> Basis | None:
    """A "so với X" standing before the change in its own clause ("so với tháng 7/2022 tăng 6,4%")."""
    clause = _CLAUSE_PUNCT_RE.split(gap)[-1]
    compared = _COMPARED_TO_END_RE.search(clause) if "hơn" in clause else None
    if compared:
        return _basis_of(compared.group("reference").strip())
    return basis_after(clause, reference=False)


def reference_basis(after: str) -> Basis | None:
    """The reference right after a ratio: "bằng 90% cùng kỳ năm trước", "đạt 76% kế hoạch năm"."""
    phrase = after.strip()
    for pattern, basis in _BASIS_PHRASES[:_REFERENCE_RULES]:
        if pattern.match(phrase):
            return basis
    return basis_after(after)


def qualifier_for(gap: str, framing: str, after: str = "") -> Qualifier | None:
    """The qualifier word right next to the number, else an estimate/target word framing the clause.

    >>> qualifier_for("xuất khẩu đạt gần ", "")
    'nearly'
    >>> qualifier_for("sản lượng xung quanh mức ", "Theo dự báo")
    'about'
    >>> qualifier_for("đạt ", "tổng kim ngạch ước tính đạt ")
    'estimate'
    >>> qualifier_for("mức lương từ ", "", " trở lên")
    'over'
    """
    above = _AND_ABOVE_RE.match(after)
    if above:
        return "over" if above.group("way").lower() == "lên" else "under"
    # (a word matched without case by a letter lower() does not give back, "dự kİến", names no qualifier)
    adjacent = _ADJACENT_QUALIFIER_RE.search(gap[-_GAP_WINDOW:])
    if adjacent:
        return QUALIFIERS.get(" ".join(adjacent.group("q").lower().split()))
    framed = _FRAMING_QUALIFIER_RE.search(framing)
    if framed:
        return QUALIFIERS.get(" ".join(framed.group("q").lower().split()))
    return None


def aspect_after(after: str) -> str | None:
    """The aspect a change speaks of: "tăng 11,6% về lượng" → "lượng", "ở chiều bán ra" → "bán ra"."""
    found = _ASPECT_RE.match(after)
    return found.group("what").strip() if found else None


def _period_matches(text: str, start: int, end: int) -> Iterator[regex.Match[str]]:
    """`_PERIOD_RE.finditer(text, start, end)`, trying the pattern only where a period may start.

    >>> [found.group(0) for found in _period_matches("Quý II, doanh thu 6 tháng đầu năm tăng", 0, 38)]
    ['Quý II', '6 tháng đầu năm']
    """
    folded = text[start:end].casefold()
    if not _PERIOD_WORD_RE.search(folded):
        return
    if len(folded) == end - start:
        digits = [found.start() for found in _MONTH_COUNT_START_RE.finditer(text, start, end)]
        starts: Iterable[int] = sorted(digits + [start + found.start() for found in _PERIOD_OPENER_RE.finditer(folded)])
    else:
        starts = range(start, end)  # a letter folded to two ("ß" → "ss") moves the positions: try them all
    yield from matches_at(_PERIOD_RE, text, starts, start, end)


def periods(text: str, start: int, end: int) -> list[tuple[int, str]]:
    """The period expressions in `text[start:end]` (end offset, words), leaving out "so với <period>"."""
    return [
        (found.end(), found.group(0))
        for found in _period_matches(text, start, end)
        if not _COMPARED_PERIOD_RE.search(text, max(start, found.start() - _COMPARED_REACH), found.start())
    ]


def period_before(found: list[tuple[int, str]], position: int) -> str | None:
    """The last of `found` (from `periods`) that ends before `position`.

    >>> t = "Tính chung 7 tháng năm 2018, doanh thu đạt 5 tỷ đồng"
    >>> period_before(periods(t, 0, len(t)), len(t))
    'Tính chung 7 tháng năm 2018'
    """
    index = bisect.bisect_right(found, (position, "\U0010ffff"))
    return found[index - 1][1] if index else None


def period_right_after(found: list[tuple[int, str]], text: str, position: int) -> str | None:
    """A period written right after the figure, in its clause ("đạt 70% trong năm 2020").

    >>> t = "phấn đấu đạt 70% trong năm 2020"
    >>> period_right_after(periods(t, 0, len(t)), t, 16)
    'năm 2020'
    >>> t = "đạt 5 tỷ USD, 6 tháng đầu năm đạt 9 tỷ USD"
    >>> period_right_after(periods(t, 0, len(t)), t, 12) is None
    True
    """
    index = bisect.bisect_right(found, (position, "\U0010ffff"))
    if index < len(found):
        end, words = found[index]
        between = text[position : end - len(words)]
        if len(between) <= _RIGHT_AFTER and not _CLAUSE_PUNCT_RE.search(between) and "." not in between:
            return words
    return None


def period_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Where the period expressions of `text[start:end]` are (the subject finder cuts them out)."""
    return [found.span() for found in _period_matches(text, start, end)]


_NOUN_STOPS = frozenset(
    {
        *(w for w in CHANGE_UP + CHANGE_DOWN if " " not in w),
        *NOUN_STOPS,
    }
)
_SINGLE_WORD_VERBS = frozenset(w for w in CHANGE_UP + CHANGE_DOWN if " " not in w)
_COUNT_STOPS = frozenset({*_SINGLE_WORD_VERBS, *COUNT_TAIL_STOPS})
_MAX_COUNT_WORDS = 12
_AND_WORD_RE = regex.compile(r"[ \t]+(?!(?:" + _VERB_UP + "|" + _VERB_DOWN + r")(?!\p{L}))\p{L}", _F)
_VERB_TAKES_NUMBER_RE = regex.compile(r"(?:\s+(?:" + alternation(CHANGE_FILLERS) + r"))*\s*[-+]?\d", _F)
_SPACE_RE = regex.compile(r"[ \t]+")
_SPACE_DIGIT_RE = regex.compile(r"\s+\d")
_TAIL_RE = regex.compile(r"\s*$")
_QUALIFIER_SET = frozenset(w for w in QUALIFIERS if " " not in w)
_QUALIFIER_TAIL_RE = regex.compile(r"\s+(?:" + _QUALIFIER_WORDS + r")\s*$", _F)
_NOUN_WORD_RE = regex.compile(r"(?P<word>\p{L}[\p{L}-]*)(?![\p{L}\d/])(?P<punct>[,;.:()…]?)")
_MAX_NOUN_WORDS = 8


def measured_noun(after: str, count: bool, next_figure: bool = False) -> tuple[str, int]:
    """The noun phrase right after a figure and how many characters it takes; `after` runs up to the
    next figure when `next_figure` is set, and the words right before that figure are its own.

    "42.000 tỷ đồng doanh thu và …" measures "doanh thu"; "5.120 doanh nghiệp mới ra đời, …" counts
    "doanh nghiệp thành lập mới". The next figure's clause starts after it.

    >>> measured_noun(" doanh thu và 4.012 tỷ đồng", False)
    ('doanh thu', 10)
    >>> measured_noun(" hạt tiêu (tương đương 2,1 triệu bao)", False)
    ('hạt tiêu', 9)
    >>> measured_noun(", giảm 47,6%", False)
    ('', 0)
    >>> measured_noun(" được giao dịch, đạt", True)
    ('được giao dịch', 15)
    >>> measured_noun(" con lợn nái và hơn ", True, next_figure=True)
    ('con lợn nái', 12)
    >>> measured_noun(" hỗ trợ ", True, next_figure=True)
    ('hỗ trợ', 7)
    """
    words: list[str] = []
    consumed = 0
    space = _SPACE_RE.match(after)
    stops, most = (_COUNT_STOPS, _MAX_COUNT_WORDS) if count else (_NOUN_STOPS, _MAX_NOUN_WORDS)
    while space and len(words) < most:
        found = _NOUN_WORD_RE.match(after, space.end())
        if not found:
            break
        word = found.group("word")
        lower = word.lower()
        if next_figure and (
            (lower in _QUALIFIER_SET and _TAIL_RE.match(after, found.end()))
            or (lower == "và" and _QUALIFIER_TAIL_RE.match(after, found.end()))
        ):
            break  # "… và hơn 150.000 con": the qualifier right before a number is the next figure's
        if count and lower in _SINGLE_WORD_VERBS and not _VERB_TAKES_NUMBER_RE.match(after, found.end()):
            pass  # "13 mã tăng giá": a verb without a number is part of the counted noun
        elif count and lower == "và" and _AND_WORD_RE.match(after, found.end()):
            pass  # "doanh nghiệp gia nhập và tái gia nhập thị trường": one counted noun
        elif lower in stops or (not count and (lower in {"được", "có"} or (not words and not word[0].islower()))):
            break
        if lower == "sau" and _SPACE_DIGIT_RE.match(after, found.end()):
            break  # "sau 9 tháng" is a period, "sau thuế" part of the noun
        words.append(word)
        consumed = found.start() + len(word)
        if found.group("punct"):
            break
        space = _SPACE_RE.match(after, consumed)
    return " ".join(words), consumed if words else 0
