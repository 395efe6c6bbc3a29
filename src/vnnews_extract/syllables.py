"""Is this a Vietnamese syllable? The test that tells a right decoding from a wrong one.

Vietnamese is written one syllable per word, and a syllable has a strict shape: an initial consonant
cluster, a vowel nucleus from a short closed list, an optional final consonant, and at most one tone
mark. Text decoded with the wrong charset, or legacy-font text read as Latin-1, breaks that shape in
nearly every word that carries a diacritic ("Viêòt", "ViÖt", "Vieät"), while the right decoding keeps it.
`vietnamese_share` scores a text by it; the decode stage and the legacy-font converter use the score
to choose, never to change the text.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator
from functools import lru_cache

import regex

__all__ = ["is_vietnamese_syllable", "vietnamese_share"]

# The five tone marks as combining characters: huyền, sắc, ngã, hỏi, nặng (grave, acute, tilde, hook, dot).
_TONE_MARKS = frozenset("\u0300\u0301\u0303\u0309\u0323")

# Initial consonants (qu and gi count as one), vowel nuclei with tone marks removed (the glides that close a
# syllable included: "ai", "ươu"), final consonants. Longest alternatives first.
_INITIAL = r"(?:ngh|ng|gh|gi|kh|nh|ph|qu|th|tr|ch|[bcdđghklmnprstvx])"
_NUCLEUS = (
    r"(?:uyê|uya|uyu|uây|uôi|ươi|ươu|oai|oao|oay|oeo|iêu|yêu"
    r"|ai|ao|au|ay|âu|ây|eo|êu|ia|iu|iê|oa|oă|oe|oi|oo|ôi|ơi|ua|uâ|uê|ui|uô|uơ|uy|ưa|ưi|ưu|ươ|yê"
    r"|[aăâeêioôơuưy])"
)
_FINAL = r"(?:ng|nh|ch|[cmnpt])"
_SYLLABLE = regex.compile(rf"{_INITIAL}?{_NUCLEUS}{_FINAL}?")

# Words worth scoring hold a non-ASCII letter; they are found from those letters outwards (a regex with a
# "[letters]*" before the non-ASCII one would rescan every long run of ASCII letters from each position).
_NON_ASCII = regex.compile(r"[^\x00-\x7f]")
_MAX_WORD_SIDE = 24  # characters looked at on each side of a non-ASCII letter
_SCORED_WORDS = 4000  # enough words to tell encodings apart; keeps scoring a 50 MB page cheap
_MIN_SCORED_WORDS = 3


@lru_cache(maxsize=65536)
def is_vietnamese_syllable(word: str) -> bool:
    """True when `word` has the shape of one Vietnamese syllable (any case, composed or not).

    >>> [is_vietnamese_syllable(w) for w in ("Việt", "người", "khuya", "NGHIÊNG", "quốc", "giữa")]
    [True, True, True, True, True, True]
    >>> [is_vietnamese_syllable(w) for w in ("Viêòt", "ViÖt", "Vieät", "café", "für", "Hàà")]
    [False, False, False, False, False, False]
    """
    decomposed = unicodedata.normalize("NFD", word.lower())
    tones = sum(1 for c in decomposed if c in _TONE_MARKS)
    if tones > 1:
        return False
    bare = unicodedata.normalize("NFC", "".join(c for c in decomposed if c not in _TONE_MARKS))
    return _SYLLABLE.fullmatch(bare) is not None


def vietnamese_share(text: str) -> float:
    """Share of the words with a non-ASCII letter that are Vietnamese syllables (0.0 when there are too few).

    Pure-ASCII words are left out: markup, English and unaccented Vietnamese read the same under any
    decoding and would only dilute the difference.

    >>> vietnamese_share("Giá lúa tăng mạnh ở đồng bằng sông Cửu Long")
    1.0
    >>> vietnamese_share("Gi\\xe1 l\\xfaa t\\xe3ng m\\xef\\xf2nh \\xf5\\xcc \\xf0\\xf4\\xccng")  # cp1258 read as cp1252
    0.5
    """
    total = valid = 0
    for word in _non_ascii_words(text):
        total += 1
        valid += is_vietnamese_syllable(word)
        if total >= _SCORED_WORDS:
            break
    return valid / total if total >= _MIN_SCORED_WORDS else 0.0


def _is_word_character(char: str) -> bool:
    return char.isalpha() or unicodedata.combining(char) != 0


def _non_ascii_words(text: str) -> Iterator[str]:
    """The words of `text` that hold a non-ASCII letter, in order, each once."""
    end = 0
    for hit in _NON_ASCII.finditer(text):
        at = hit.start()
        if at < end or not _is_word_character(text[at]):
            continue
        start, end = at, at + 1
        while start > max(0, at - _MAX_WORD_SIDE) and _is_word_character(text[start - 1]):
            start -= 1
        while end < min(len(text), at + _MAX_WORD_SIDE) and _is_word_character(text[end]):
            end += 1
        yield text[start:end]
