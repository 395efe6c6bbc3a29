"""The shortcuts that make the figure grammar fast find exactly what the plain scans find.

Each slow pattern is tried only where a match may start (`number_starts`, `_period_matches`, `_sentence_ends`),
searched backwards (windows ending at a number) or built of word lists grouped by first letter (`alternation`).
These tests compare each shortcut with the plain scan it replaces, on text built from the pieces numbers, periods
and sentence ends are made of, in mixed case and with the letters that fold unusually ("ſ", the Kelvin sign, "ß");
and they check, over every code point, the case-folding the word scans and the grouped alternations rely on.
"""

from __future__ import annotations

import functools
import random
import sys

import pytest
import regex

from vnnews_extract.metrics import figures, grammar, rules, units, vocab
from vnnews_extract.metrics.numbers import SPELLED_WORDS
from vnnews_extract.vocab import alternation

_PIECES = [
    *SPELLED_WORDS,
    "hàng",
    "một nửa",
    "½",
    "lũy kế",
    "lũy kế 9 tháng",
    "tính chung",
    "tính riêng",
    "sau",
    "nửa đầu",
    "tháng",
    "tháng Ba",
    "quý",
    "quý II",
    "tuần",
    "này",
    "nay",
    "qua",
    "ngoái",
    "từ đầu",
    "từ đầu năm",
    "trong tháng",
    "đến",
    "đến nay",
    "trong",
    "so với",
    "tăng",
    "giảm",
    "sụt giảm",
    "mạnh",
    "thêm",
    "khoảng",
    "gần",
    "hơn",
    "nói hơn",
    "lên tới",
    "ở mức",
    "là",
    "từ",
    "thứ",
    "số",
    "Quyết định",
    "cấp",
    "Nhà",
    "Hợp Thành",
    "năm",
    "tỷ đồng",
    "đồng",
    "USD",
    "%",
    "tấn",
    "người",
    "bao",
    "khai",
    "tương",
    "1",
    "6",
    "12",
    "2024",
    "1.320",
    "47,6",
    "17/01",
    "19:36",
    "-",
    "+",
    "−",
    "(",
    ",",
    ".",
    "!",
    "…",
    "\n",
    " ",
    "  ",
    "\t",
    "ſáu",
    "\u212aHÔNG",
    "ß",
    "Đ",
]


def _texts(count: int, seed: int) -> list[str]:
    """Random runs of the pieces, joined by nothing, a space or a line break, in random case."""
    rng = random.Random(seed)
    texts = []
    for _ in range(count):
        parts = []
        for _ in range(rng.randint(1, 14)):
            piece = rng.choice(_PIECES)
            piece = rng.choice((piece, piece.upper(), piece.capitalize()))
            parts.append(piece + rng.choice(("", " ", " ", " ", "\n", ", ")))
        texts.append("".join(parts))
    return texts


@pytest.fixture(scope="module")
def texts() -> list[str]:
    return _texts(3000, seed=11)


def _spans(found: object) -> list[tuple[int, int]]:
    return [m.span() for m in found]  # type: ignore[attr-defined]


def test_number_starts_find_every_number(texts: list[str]) -> None:
    for text in texts:
        for start, end in ((0, len(text)), (len(text) // 3, len(text))):
            plain = _spans(figures._QUANTITY_RE.finditer(text, start, end))
            for starts in (figures.number_starts(text, start, end), figures.number_starts(text)):
                assert [(n.start, n.end) for n in figures._numbers(text, start, end, starts)] == plain, text


def test_a_number_has_the_groups_of_the_pattern() -> None:
    assert tuple(figures._QUANTITY_RE.groupindex) == figures._Number._fields[2:]


def test_period_matches_find_every_period(texts: list[str]) -> None:
    for text in texts:
        for start, end in ((0, len(text)), (len(text) // 3, len(text))):
            plain = _spans(rules._PERIOD_RE.finditer(text, start, end))
            assert _spans(rules._period_matches(text, start, end)) == plain, text


def test_sentence_ends_are_the_plain_ends(texts: list[str]) -> None:
    for text in texts:
        assert _spans(grammar._sentence_ends(text)) == _spans(grammar._SENTENCE_END_RE.finditer(text)), text


@pytest.mark.parametrize("pattern", [figures._IDENTIFIER_BEFORE_RE, figures._LABEL_BEFORE_RE], ids=["id", "label"])
def test_backward_windows_agree_with_forward(pattern: regex.Pattern[str], texts: list[str]) -> None:
    """A window that ends at the number is matched backwards exactly when it is matched forwards."""
    forward = regex.compile(pattern.pattern, pattern.flags & ~regex.REVERSE)
    for text in texts[:600]:
        for end in range(len(text) + 1):
            for reach in (8, 20, 40):
                start = max(0, end - reach)
                assert bool(pattern.search(text, start, end)) == bool(forward.search(text, start, end)), text


@functools.cache
def _every_character() -> str:
    return "".join(chr(c) for c in range(sys.maxunicode + 1) if not 0xD800 <= c <= 0xDFFF)


def _folds(letters: set[str]) -> set[tuple[str, str]]:
    """(letter, what it folds to) for every character the grammar's case-insensitive patterns take for a letter."""
    every = _every_character()
    return {
        (letter, found.group().casefold())
        for letter in letters
        for found in regex.finditer(regex.escape(letter), every, regex.IGNORECASE)
    }


def test_case_folding_matches_the_grammar() -> None:
    """What the grammar's case-insensitive patterns take for a letter of a listed word folds to that letter; for the
    word scans that find positions, it may fold to several characters instead (then no position is trusted).
    Only a letter folds to one of those letters (so a found word never starts inside another)."""
    gate = {c for word in rules._PERIOD_WORDS for c in word}
    assert all(letter == folded for letter, folded in _folds(gate))
    scans = (figures._NUMBER_WORD_RE.pattern, rules._PERIOD_OPENER_RE.pattern)
    letters = {c for scan in scans for c in regex.findall(r"\p{L}", scan)}
    assert all(letter == folded or len(folded) != 1 for letter, folded in _folds(letters))
    for char in _every_character():
        folded = char.casefold()
        if len(folded) == 1 and folded in letters:
            assert regex.match(r"\p{L}", char), char


def test_the_word_scans_spaces_include_the_grammars() -> None:
    """The word scans look ahead for a space with the standard library's `\\s`: it must take every `regex` one."""
    assert all(space.isspace() for space in regex.findall(r"\s", _every_character()))


def _vocabulary() -> set[str]:
    """Every phrase of the word lists the grammar builds alternations of."""
    phrases = {"hàng", *SPELLED_WORDS, *units._SURFACES}
    for name in vocab.__all__:
        items = getattr(vocab, name)
        if isinstance(items, dict | tuple) and all(isinstance(item, str) for item in items):
            phrases.update(items)
    return phrases


def test_a_character_opens_one_group_of_an_alternation() -> None:
    """`alternation` groups phrases by their first letter without case: a character that opens phrases of two
    groups, with or without case, would let the grouped alternation choose another phrase than the flat one."""
    every = _every_character()
    opened: dict[str, set[str]] = {}
    for first in {phrase[0] for phrase in _vocabulary()}:
        for found in regex.finditer(regex.escape(first), every, regex.IGNORECASE):
            opened.setdefault(found.group(), set()).add(first.casefold())
    assert all(len(groups) == 1 for groups in opened.values()), {c: g for c, g in opened.items() if len(g) > 1}


def _flat(phrases: object) -> str:
    return "|".join(regex.escape(w).replace(r"\ ", r"\s+") for w in sorted(set(phrases), key=len, reverse=True))  # type: ignore[call-overload]


def test_grouped_alternations_match_as_the_flat_ones(texts: list[str]) -> None:
    """The unit pattern and the change-verb pattern find the same phrase, with the same groups, either way."""
    unit_flat = regex.compile(
        units._UNIT_RE.pattern.replace(alternation(units._SURFACES), _flat(units._SURFACES)), units._UNIT_RE.flags
    )
    change_flat = rules._CHANGE_END_RE.pattern
    for words in (vocab.CHANGE_UP, vocab.CHANGE_DOWN, vocab.CHANGE_FILLERS):
        change_flat = change_flat.replace(alternation(words), _flat(words))
    change_flat_re = regex.compile(change_flat, rules._CHANGE_END_RE.flags)
    assert unit_flat.pattern != units._UNIT_RE.pattern and change_flat_re.pattern != rules._CHANGE_END_RE.pattern
    for text in texts[:1000]:
        for position in range(len(text) + 1):
            grouped, flat = units._UNIT_RE.match(text, position), unit_flat.match(text, position)
            assert (grouped and (grouped.span(), grouped.group("unit"))) == (flat and (flat.span(), flat.group("unit")))
            grouped, flat = rules._CHANGE_END_RE.search(text, 0, position), change_flat_re.search(text, 0, position)
            assert (grouped and (grouped.span(), grouped.groupdict())) == (flat and (flat.span(), flat.groupdict()))
