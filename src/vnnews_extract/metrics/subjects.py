"""Stage 6c: the subject of a figure — the noun phrase it measures, as written.

Vietnamese reporting puts the subject before the verb and the number ("kim ngạch xuất khẩu ước đạt
21 tỷ USD"), often after a lead-in ("Trong đó,", "Tính chung 7 tháng,"), and drops it when it repeats
("…; nhập khẩu 680 triệu USD"). So: take the clause right before the figure, cut the period
expressions, lead-in words and the verb chain off it; when nothing is left, the subject is elided and
the previous figure's subject (or, for a count, the counted noun and what follows it) stands in.
"""

from __future__ import annotations

import regex

from ..vocab import alternation
from .rules import period_spans
from .vocab import (
    CHANGE_DOWN,
    CHANGE_FILLERS,
    CHANGE_UP,
    COMPARATIVES_DOWN,
    COMPARATIVES_UP,
    GENERIC_HOLDERS,
    LEVEL_NOUNS,
    MEASURE_WORDS,
    NOUNS_ENDING_IN_VERB,
    PAIR_CONTEXT,
    QUALIFIERS,
    SUBJECT_LEAD_WORDS,
    SUBJECT_TRAIL_WORDS,
)

__all__ = [
    "is_generic",
    "is_level_noun",
    "is_measure_word",
    "is_residue_empty",
    "subject_before",
    "with_measure",
]


_F = regex.IGNORECASE
# fillers that end a verb chain; "bình quân"/"trung bình" (average) and "sàn" (the exchange floor, also
# the limit-down price) belong to the subject instead
_VERB_FILLERS = [
    w for w in CHANGE_FILLERS if w not in {"bình quân", "trung bình", "sàn", "trần", "kịch sàn", "kịch trần"}
]
_LEADS = frozenset(tuple(p.lower().split()) for p in SUBJECT_LEAD_WORDS)
_TRAILS = frozenset(
    tuple(p.lower().split()) for p in (*SUBJECT_TRAIL_WORDS, *QUALIFIERS, *CHANGE_UP, *CHANGE_DOWN, *_VERB_FILLERS)
)


def _lengths_by_edge(phrases: frozenset[tuple[str, ...]], edge: int) -> dict[str, tuple[int, ...]]:
    """For each word that opens (`edge` 0) or closes (`edge` -1) one of `phrases`, their lengths, longest first:
    only those are worth trying at a word."""
    lengths: dict[str, set[int]] = {}
    for phrase in phrases:
        lengths.setdefault(phrase[edge], set()).add(len(phrase))
    return {word: tuple(sorted(sizes, reverse=True)) for word, sizes in lengths.items()}


_LEAD_LENGTHS = _lengths_by_edge(_LEADS, 0)
_TRAIL_LENGTHS = _lengths_by_edge(_TRAILS, -1)
_PROTECTED_NOUNS = frozenset(tuple(n.split()) for n in NOUNS_ENDING_IN_VERB)
_PUNCTUATION = ' ,.-–:"“”'
_KEY_PUNCTUATION = _PUNCTUATION + "()"
_STRIP_PASSES = 3
# clause boundaries inside a gap: breakdown markers, "so"/"then" connectives, reporting verbs
_CLAUSE_SPLIT_RE = regex.compile(
    r"[;:]|(?<!\p{L})(?:trong\s+đó|bao\s+gồm|gồm|nên|thì|mà|khi|cho\s+thấy|cho\s+biết|cho\s+hay|rằng)(?!\p{L})", _F
)
# "giá điện bình quân do Tập đoàn Điện lực điều chỉnh": the agent clause after "do" is not the subject
_AGENT_RE = regex.compile(r"(?<=\p{L}\s+\p{L}+)\s+do\s+(?-i:\p{Lu}).*$", _F)
_SOURCE_RE = regex.compile(r"^\s*(?:theo|báo\s+cáo|Bộ|Tổng\s+cục|Sở)\b", _F)
_SO_VOI_RE = regex.compile(r"(?<!\p{L})so(?:\s+với)?\s+(?:(?!(?:và|nhưng|còn)(?!\p{L}))[^,;])*", _F)
# "lượng mưa sẽ cao hơn trung bình nhiều năm": the comparative and its reference follow the subject
_COMPARED_RE = regex.compile(
    r"(?<!\p{L})(?:" + alternation([*COMPARATIVES_UP, *COMPARATIVES_DOWN]) + r")(?!\p{L})[^,;]*$", _F
)
_CHANGE_NOUN_RE = regex.compile(r"(?<!\p{L})(?:mức|tỷ\s+lệ|tỉ\s+lệ|tốc\s+độ)\s+(?:tăng|giảm)(?!\p{L})", _F)
_GENERIC_RE = regex.compile(r"^(?:" + alternation(GENERIC_HOLDERS) + r")$", _F)
_MEASURE_RE = regex.compile(r"^(?:" + alternation(MEASURE_WORDS) + r")$", _F)
_LEVEL_NOUN_RE = regex.compile(r"^(?:" + alternation(LEVEL_NOUNS) + r")$", _F)
# "tính đến ngày 20/10/2024", "sáng 15/7": when, not what
_DATE_PHRASE_RE = regex.compile(
    r"(?<!\p{L})(?:(?:tính\s+)?(?:đến|tới|từ)\s+(?:hết\s+)?)?(?:ngày|sáng|chiều|tối|trưa)?\s*"
    r"(?<![\d.,])\d{1,2}[/.-]\d{1,2}(?:[/.-]\d{2,4})?(?![\d.,]\d)",
    _F,
)
_DATE_HINT_RE = regex.compile(r"\d[/.-]\d")  # what every date phrase holds: the slow pattern runs only then
_PERIOD_LEAD_RE = regex.compile(r"(?<!\p{L})(?:trong|vào|sau|từ|đến|tới)\s+$", _F)
_WORD_CHAR_RE = regex.compile(r"\p{L}|\d")
_MAX_WORDS = 14
_WITH_RE = regex.compile(r"(?<!\p{L})với(?!\p{L})", _F)
_SHORT_PIECE = 3
_SHORT_NAME = 4
# "xã Tân Phú được cấp vốn nhiều nhất, với số tiền …": the holder, without what is said of it
_PASSIVE_TAIL_RE = regex.compile(r"\s+(?:được|bị)\s.*$", _F)
_COMMA_RE = regex.compile(r"(?<!\d),|,(?!\d)")  # a clause comma, not the decimal comma of "5,2 triệu"
_NAMES_AND_RE = regex.compile(r"^(?:\p{Lu}\p{L}*\s+)+(?:,\s+(?:\p{Lu}\p{L}*\s+)+)*và\s+\p{Lu}")
# What may stand between a figure and a change of it: bases, aspects, verbs, fillers, connectives.
_LINK_WORDS_RE = regex.compile(
    r"(?<!\p{L})(?:"
    + alternation([*SUBJECT_LEAD_WORDS, *CHANGE_UP, *CHANGE_DOWN, *CHANGE_FILLERS, *QUALIFIERS, *PAIR_CONTEXT])
    + r")(?!\p{L})",
    _F,
)
_BASIS_OR_ASPECT_RE = regex.compile(
    r"(?<!\p{L})(?:so(?:\s+với)?|về|ở\s+chiều)\s+(?:(?!(?:và|nhưng|dù|tăng|giảm|vượt)(?!\p{L}))[^\s,;()]+\s*)+", _F
)


def _clean(piece: str) -> tuple[str, bool]:
    """Strip lead-ins, trailing verbs and qualifiers, and stray punctuation from a clause piece; also say
    whether a lead-in was cut (then the piece opens its own clause)."""
    words = piece.split()
    keys = [w.strip(_KEY_PUNCTUATION).lower() for w in words]
    start, end, led = 0, len(words), False
    for _ in range(_STRIP_PASSES):  # word by word, so a long run of link words costs linear time
        before = (start, end)
        while start < end:
            cut = _phrase_at(keys, start, end, _LEADS, _LEAD_LENGTHS, from_end=False)
            if not cut:
                break
            start, led = start + cut, True
        while start < end:
            cut = _phrase_at(keys, start, end, _TRAILS, _TRAIL_LENGTHS, from_end=True)
            if not cut or tuple(keys[max(start, end - cut - 1) : end]) in _PROTECTED_NOUNS:
                break
            end -= cut
        if (start, end) == before:
            break
    return _balanced(_AGENT_RE.sub("", " ".join(words[start:end])).strip(_PUNCTUATION)), led


def _phrase_at(
    keys: list[str],
    start: int,
    end: int,
    phrases: frozenset[tuple[str, ...]],
    lengths: dict[str, tuple[int, ...]],
    from_end: bool,
) -> int:
    """How many words at the start (or end) of keys[start:end] form one of `phrases` (or are bare punctuation);
    `lengths` are the phrases' lengths by their edge word (see `_lengths_by_edge`)."""
    edge = keys[end - 1] if from_end else keys[start]
    for size in lengths.get(edge, ()):
        if size <= end - start and tuple(keys[end - size : end] if from_end else keys[start : start + size]) in phrases:
            return size
    return 1 if not edge else 0


def _balanced(piece: str) -> str:
    """Drop a bracket left open or closed at either end, keep "(IIP)" whole."""
    while piece.endswith("(") or (piece.endswith(")") and piece.count(")") > piece.count("(")):
        piece = piece[:-1].rstrip()
    while piece.startswith(")") or (piece.startswith("(") and piece.count("(") > piece.count(")")):
        piece = piece[1:].lstrip()
    return piece


def subject_before(text: str, start: int, end: int) -> str | None:
    """The subject in `text[start:end]`, the words before a figure; None when it is elided.

    >>> t = "Trong đó, kinh tế nhà nước ước đạt "
    >>> subject_before(t, 0, len(t))
    'kinh tế nhà nước'
    >>> t = "Cộng dồn 5 tháng đầu năm, tổng mức bán lẻ hàng hóa đạt "
    >>> subject_before(t, 0, len(t))
    'tổng mức bán lẻ hàng hóa'
    >>> t = ", giảm 52,9%; nhập khẩu "
    >>> subject_before(t, 0, len(t))
    'nhập khẩu'
    >>> subject_before(", đạt ", 0, 6) is None
    True
    >>> t = "Số khách hàng 5,2 triệu, tăng "
    >>> subject_before(t, 0, len(t))  # a decimal comma does not split the clause
    'Số khách hàng 5,2 triệu'
    """
    chars = list(text[start:end])
    for s, e in period_spans(text, start, end):
        lead_in = _PERIOD_LEAD_RE.search(text, max(start, s - 8), s)  # "trong năm 2022": the "trong" goes too
        s = lead_in.start() if lead_in else s
        chars[s - start : e - start] = " " * (e - s)
    gap = _SO_VOI_RE.sub("", "".join(chars))
    gap = _COMPARED_RE.sub(" ", gap) if "hơn" in gap else gap
    gap = _DATE_PHRASE_RE.sub(" ", gap) if _DATE_HINT_RE.search(gap) else gap
    clause = _CLAUSE_SPLIT_RE.split(gap)[-1]
    # "… chiếm phần lớn với 15.155 tấn": "with" opens the figure's own phrase; when nothing is named
    # there, the words before "với" hold the subject
    parts = _WITH_RE.split(clause)
    for part in reversed(parts):
        subject = _subject_of(part)
        if subject and (is_level_noun(subject) or is_measure_word(subject)) and part is not parts[0]:
            before = _PASSIVE_TAIL_RE.sub("", _subject_of(parts[parts.index(part) - 1]) or "") or None
            return f"{subject} {before}" if before else subject
        if subject:
            return subject
    return None


def _is_name(words: list[str]) -> bool:
    """Ends in a name, a run of capitalised words: a place, a country, a firm ("Hàn Quốc", "sang Nhật Bản")."""
    return bool(words) and words[-1][0].isupper() and (len(words) <= _SHORT_NAME or words[-2][0].isupper())


def _subject_of(clause: str) -> str | None:
    words: list[str] = []
    led_before = False
    for piece in reversed(_COMMA_RE.split(clause)):
        if _SOURCE_RE.match(piece):
            break
        text_piece, led = _clean(piece)
        cleaned = text_piece.split()
        if not cleaned:
            if words:
                break
            continue
        # "công nghiệp chế biến, chế tạo": a short lower-case last piece is the tail of a listed name;
        # "Hàn Quốc, Trung Quốc và Mỹ": names listed before "và" stay together
        listed = bool(words) and _is_name(cleaned) and _NAMES_AND_RE.match(" ".join(words)) is not None
        if words and not listed and (led_before or len(words) >= _SHORT_PIECE or not words[0][0].islower()):
            break
        words = cleaned + ([","] if words else []) + words
        led_before = led
    if not words:
        return None
    return " ".join(words[-_MAX_WORDS:]).replace(" ,", ",")


def is_residue_empty(gap: str) -> bool:
    """True when only links stand between a figure and a change (so the change is that figure's).

    >>> is_residue_empty(" về trị giá so với tháng 8/2022, so với tháng 9/2021 tăng ")
    True
    >>> is_residue_empty(", dù vẫn tăng ")
    True
    >>> is_residue_empty("; dệt may giảm ")
    False
    >>> is_residue_empty(", mức tăng trung bình khoảng ")
    False
    """
    if _CHANGE_NOUN_RE.search(gap):
        return False  # "…, mức tăng trung bình 8%": the size of a change opens its own clause
    chars = list(gap)
    for s, e in period_spans(gap, 0, len(gap)):
        chars[s:e] = " " * (e - s)
    rest = _BASIS_OR_ASPECT_RE.sub(" ", "".join(chars))
    rest = _LINK_WORDS_RE.sub(" ", rest)
    return not _WORD_CHAR_RE.search(rest)


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
