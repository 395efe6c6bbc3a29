"""Stage 6c: the subject of a figure — the noun phrase it measures, as written.

Vietnamese reporting puts the subject before the verb and the number ("kim ngạch xuất khẩu ước đạt
21 tỷ USD"), often after a lead-in ("Trong đó,", "Tính chung 7 tháng,"), and drops it when it repeats
("…; nhập khẩu 680 triệu USD"). So: take the clause right before the figure, cut the period
expressions, lead-in words and the verb chain off it; when nothing is left, the subject is elided and
the previous figure's subject (or, for a count, the counted noun and what follows it) stands in.
"""

from __future__ import annotations

import regex

from .rules import period_spans
from .vocab import (
    CHANGE_DOWN,
    CHANGE_FILLERS,
    CHANGE_UP,
    GENERIC_HOLDERS,
    LEVEL_NOUNS,
    MEASURE_WORDS,
    QUALIFIERS,
    SUBJECT_LEAD_WORDS,
    SUBJECT_TRAIL_WORDS,
)

__all__ = [
    "count_subject",
    "is_generic",
    "is_level_noun",
    "is_measure_word",
    "is_residue_empty",
    "subject_before",
    "with_measure",
]


def _alternation(items: tuple[str, ...] | list[str]) -> str:
    return "|".join(regex.escape(w).replace(r"\ ", r"\s+") for w in sorted(set(items), key=len, reverse=True))


_F = regex.IGNORECASE
_LEAD_RE = regex.compile(r"^(?:\s|[,:–-])*(?:" + _alternation(SUBJECT_LEAD_WORDS) + r")(?!\p{L})[\s,:]*", _F)
# fillers that end a verb chain; "bình quân"/"trung bình" (average) belong to the subject instead
_VERB_FILLERS = [w for w in CHANGE_FILLERS if w not in {"bình quân", "trung bình"}]
_TRAIL_RE = regex.compile(
    r"(?<!\p{L})(?:"
    + _alternation([*SUBJECT_TRAIL_WORDS, *QUALIFIERS, *CHANGE_UP, *CHANGE_DOWN, *_VERB_FILLERS])
    + r")[\s,:]*$",
    _F,
)
_CLAUSE_SPLIT_RE = regex.compile(r"[;:]|(?<!\p{L})(?:trong\s+đó|bao\s+gồm|gồm|nên|thì|mà|khi)(?!\p{L})", _F)
_SOURCE_RE = regex.compile(r"^\s*(?:theo|báo\s+cáo|Bộ|Tổng\s+cục|Sở)\b", _F)
_SO_VOI_RE = regex.compile(r"(?<!\p{L})so(?:\s+với)?\s+(?:(?!(?:và|nhưng|còn)(?!\p{L}))[^,;])*", _F)
_GENERIC_RE = regex.compile(r"^(?:" + _alternation(GENERIC_HOLDERS) + r")$", _F)
_MEASURE_RE = regex.compile(r"^(?:" + _alternation(MEASURE_WORDS) + r")$", _F)
_LEVEL_NOUN_RE = regex.compile(r"^(?:" + _alternation(LEVEL_NOUNS) + r")$", _F)
_COUNT_TAIL_RE = regex.compile(r"^[^,;.()]*?(?=\s*(?:[,;.()]|$|(?<!\p{L})(?:tăng|giảm|với|đạt|so)(?!\p{L})))", _F)
_MAX_WORDS = 14
_WITH_RE = regex.compile(r"(?<!\p{L})với(?!\p{L})", _F)
_SHORT_PIECE = 3
# What may stand between a figure and a change of it: bases, aspects, verbs, fillers, connectives.
_LINK_WORDS_RE = regex.compile(
    r"(?<!\p{L})(?:"
    + _alternation([*SUBJECT_LEAD_WORDS, *CHANGE_UP, *CHANGE_DOWN, *CHANGE_FILLERS, *QUALIFIERS])
    + r")(?!\p{L})",
    _F,
)
_BASIS_OR_ASPECT_RE = regex.compile(
    r"(?<!\p{L})(?:so(?:\s+với)?|về|ở\s+chiều)\s+(?:(?!(?:và|nhưng|dù|tăng|giảm|vượt)(?!\p{L}))[^\s,;()]+\s*)+", _F
)


def _clean(piece: str) -> tuple[str, bool]:
    """Strip lead-ins, trailing verbs and qualifiers, and stray punctuation from a clause piece; also say
    whether a lead-in was cut (then the piece opens its own clause)."""
    previous = None
    led = False
    while previous != piece:
        previous = piece
        stripped = _LEAD_RE.sub("", piece)
        led = led or stripped != piece
        piece = _TRAIL_RE.sub("", stripped).strip(' ,.-–:("“”')
    return piece, led


def subject_before(text: str, start: int, end: int) -> str | None:
    """The subject in `text[start:end]`, the words before a figure; None when it is elided.

    >>> t = "Trong đó, kinh tế nhà nước ước đạt "
    >>> subject_before(t, 0, len(t))
    'kinh tế nhà nước'
    >>> t = "Tính chung 4 tháng đầu năm nay, tổng mức bán lẻ hàng hóa đạt "
    >>> subject_before(t, 0, len(t))
    'tổng mức bán lẻ hàng hóa'
    >>> t = ", giảm 52,9%; nhập khẩu "
    >>> subject_before(t, 0, len(t))
    'nhập khẩu'
    >>> subject_before(", đạt ", 0, 6) is None
    True
    """
    chars = list(text[start:end])
    for s, e in period_spans(text, start, end):
        chars[s - start : e - start] = " " * (e - s)
    gap = _SO_VOI_RE.sub("", "".join(chars))
    clause = _CLAUSE_SPLIT_RE.split(gap)[-1]
    # "… chiếm phần lớn với 15.155 tấn": "with" opens the figure's own phrase; when nothing is named
    # there, the words before "với" hold the subject
    parts = _WITH_RE.split(clause)
    for part in reversed(parts):
        subject = _subject_of(part)
        if subject and is_level_noun(subject) and len(parts) > 1 and part is not parts[0]:
            before = _subject_of(parts[parts.index(part) - 1])
            return f"{subject} {before}" if before else subject
        if subject:
            return subject
    return None


def _subject_of(clause: str) -> str | None:
    words: list[str] = []
    for piece in reversed(clause.split(",")):
        if _SOURCE_RE.match(piece):
            break
        text_piece, led = _clean(piece)
        cleaned = text_piece.split()
        if not cleaned:
            if words:
                break
            continue
        # "công nghiệp chế biến, chế tạo": a short lower-case last piece is the tail of a listed name
        words = cleaned + ([","] if words else []) + words
        if led or len(words) >= _SHORT_PIECE or not words[0][0].islower():
            break
    if not words:
        return None
    return " ".join(words[-_MAX_WORDS:]).replace(" ,", ",")


def is_residue_empty(gap: str) -> bool:
    """True when only links stand between a figure and a change (so the change is that figure's).

    >>> is_residue_empty(" về trị giá so với tháng 3/2019, so với tháng 4/2018 tăng ")
    True
    >>> is_residue_empty(", dù vẫn tăng ")
    True
    >>> is_residue_empty("; dệt may giảm ")
    False
    """
    chars = list(gap)
    for s, e in period_spans(gap, 0, len(gap)):
        chars[s:e] = " " * (e - s)
    rest = _BASIS_OR_ASPECT_RE.sub(" ", "".join(chars))
    rest = _LINK_WORDS_RE.sub(" ", rest)
    return not regex.search(r"\p{L}|\d", rest)


def is_generic(subject: str | None) -> bool:
    """True for a holder that says where, not what ("cả nước", "toàn tỉnh")."""
    return subject is None or bool(_GENERIC_RE.match(subject))


def is_level_noun(subject: str | None) -> bool:
    """True for "mức", "mức giá trung bình": the level of the subject named before."""
    return subject is not None and bool(_LEVEL_NOUN_RE.match(subject))


def is_measure_word(subject: str | None) -> bool:
    """True for a bare measure word that needs the thing measured ("trị giá", "kim ngạch")."""
    return subject is not None and bool(_MEASURE_RE.match(subject))


def with_measure(measure: str, thing: str | None) -> str:
    """ "trị giá" + "xuất khẩu hạt điều" → "trị giá xuất khẩu hạt điều"."""
    return f"{measure} {thing}" if thing else measure


def count_subject(noun: str, after: str) -> str:
    """A count's subject when its clause names no holder: the noun and the words that qualify it.

    >>> count_subject("doanh nghiệp", " thành lập mới với số vốn đăng ký là")
    'doanh nghiệp thành lập mới'
    """
    tail = _COUNT_TAIL_RE.match(after)
    words = (noun + " " + (tail.group(0) if tail else "")).split()
    return " ".join(words[:_MAX_WORDS])
