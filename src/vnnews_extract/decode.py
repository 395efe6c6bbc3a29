"""Stage 1: whatever the caller hands us → one clean NFC `str`.

Raw bytes are decoded by, in order of trust:

1. a byte-order mark; UTF-16 without one is recognised by its pattern of NUL bytes;
2. strict UTF-8. Non-ASCII text that is valid UTF-8 does not happen by accident, so it beats a declared
   charset: pages that declare ISO-8859-1 or windows-1258 but send UTF-8 are common;
3. UTF-8 with a little damage (a last character cut off, a stray byte among thousands of good
   sequences): the cut-off tail is dropped, a stray byte becomes U+FFFD;
4. otherwise the candidates — the charset the page declares in its first bytes (``<meta charset>``,
   ``http-equiv``, an XML declaration), Windows-1258, and Windows-1252 (which carries TCVN3 and VNI
   font text) — are each read on a sample of the page's non-ASCII words, and the one whose words are
   Vietnamese syllables wins (`vietnamese_share`); a page declared "utf-8" that is really
   Windows-1258 lands here too. When none reads as Vietnamese, the declared charset is trusted, and
   without one charset-normalizer guesses (Chinese, Japanese, Russian pages…).

Every text then goes through `normalize_text`, str input included: character references to non-ASCII
characters ("&#7879;") are written out, misread UTF-8 ("Viá»‡t") is
repaired, TCVN3/VNI text converted, invisible characters dropped, and the result NFC-normalised
(Windows-1258 writes tones as separate combining marks; NFD text arrives from macOS and some CMSs), so
later stages match vocabulary with plain string operations. Most pages need none of this, and a page is
long (markup included): one scan finds which families of rare characters a text holds and where each
first stands (invisible characters, signs of misread UTF-8, legacy-font signature characters, soft
hyphens, C1 controls, characters outside the ranges NFC leaves alone), and only their passes run; NFC
normalises the runs of such characters one by one when they are few.

Invisible characters are dropped from the text we return, on purpose: zero-width spaces and joiners,
word joiners, BOMs inside the text, soft hyphens and bidirectional controls carry no meaning in
Vietnamese news, but split words for every search ("Lượt\\u200bxem") and bidi overrides can make a
line display as something else than it holds. A zero-width joiner inside an emoji sequence is kept.
C1 control characters (what a Latin-1 reading makes of Windows-1252 punctuation) become that
punctuation; lone surrogates become U+FFFD.
"""

from __future__ import annotations

import bisect
import codecs
import functools
import html
import re
import sys
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from html import entities as html_entities
from typing import NamedTuple

import regex

from .deadline import check_deadline
from .errors import EmptyInputError, InputTooLargeError, UndecodableInputError
from .legacy import SIGNATURE_CHARACTERS, fix_legacy
from .mojibake import MISREAD_SIGNS, fix_mojibake
from .syllables import vietnamese_share

__all__ = ["MAX_INPUT_BYTES", "decode_bytes", "normalize_text"]

MAX_INPUT_BYTES = 64 * 1024 * 1024
"""Inputs above this size are refused before any work: no real news page comes near it."""

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# A charset declared in the page head: <meta charset="…">, <meta http-equiv … content="…; charset=…">,
# or <?xml … encoding="…"?>. Only the first few KiB are searched, as browsers do.
_DECLARED_CHARSET = regex.compile(rb"""(?:charset|encoding)\s*=\s*["']?\s*([A-Za-z0-9_.:-]{2,40})""", regex.IGNORECASE)
_SNIFF_BYTES = 4096
# Declarations never trusted: not charsets a web page can be in (Python's escape and transfer codecs), or
# ones browsers refuse (UTF-7), or UTF-16/32, which without a BOM are recognised from the bytes instead.
_UNTRUSTED_DECLARATIONS = frozenset(
    {"utf-7", "idna", "punycode", "unicode-escape", "raw-unicode-escape", "undefined"}
    | {"utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-32-le", "utf-32-be"}
)

# Share of C0 control bytes (other than tab/newline/form feed/carriage return) above which bytes are binary.
_BINARY_CONTROL_SHARE = 0.10
_CONTROL_BYTES = bytes(b for b in range(32) if b not in (9, 10, 12, 13))
# UTF-16 without a BOM: at least this share of the bytes at odd (LE) or even (BE) offsets are NUL, and
# the others are mostly not control bytes (Vietnamese puts some there: ă is 03 01, đ is 11 01).
_UTF16_NUL_SHARE, _UTF16_LOW_CONTROL_SHARE = 0.4, 0.3
_UTF16_MIN_BYTES = 64

# Damaged UTF-8 is still UTF-8 when its good multi-byte characters outnumber the bad bytes this many times.
_UTF8_GOOD_PER_BAD = 10

# The single-byte charsets Vietnamese pages use besides UTF-8, in order of preference on a tie:
# Windows-1258, and Windows-1252 (what TCVN3 and VNI font text is served as).
_VIETNAMESE_SINGLE_BYTE = ("cp1258", "cp1252")
# A sample of the words with non-ASCII bytes is enough to tell charsets apart, on any page size. Words are
# found from their high bytes outwards (a regex with "[letters]*" before the high byte would rescan every
# long run of ASCII letters from each position), at most this many letters on each side.
_HIGH_BYTES = re.compile(rb"[\x80-\xff]+")
_LETTERS_BEFORE = re.compile(rb"[A-Za-z\x80-\xff]{1,16}$")
_LETTERS_AFTER = re.compile(rb"[A-Za-z\x80-\xff]{1,16}")
_WORD_SIDE = 16
_SAMPLED_WORDS = 4000
# A candidate reads as Vietnamese when at least this share of its non-ASCII words are syllables.
_VIETNAMESE_MIN_SHARE = 0.5

# Bytes a single-byte charset leaves undefined (0x81 in Windows-1252…) are read as Latin-1 controls,
# which `normalize_text` then drops, instead of failing the page.
_LATIN1_FALLBACK = "vnnews_extract.latin1"


def _latin1_fallback(error: UnicodeError) -> tuple[str, int]:
    if not isinstance(error, UnicodeDecodeError):
        raise error
    return error.object[error.start : error.end].decode("latin-1"), error.end


codecs.register_error(_LATIN1_FALLBACK, _latin1_fallback)


def _character_class(ranges: Iterable[tuple[int, int]], *, negate: bool = False) -> str:
    """A regex character class of code point ranges.

    >>> _character_class([(0x41, 0x5A), (0x5F, 0x5F)], negate=True)
    '[^A-Z_]'
    """
    body = "".join(re.escape(chr(low)) + ("" if low == high else "-" + re.escape(chr(high))) for low, high in ranges)
    return f"[{'^' if negate else ''}{body}]"


def _ranges(code_points: Iterable[int]) -> list[tuple[int, int]]:
    """Code points as sorted ranges of consecutive ones.

    >>> _ranges([5, 1, 2, 3, 9])
    [(1, 3), (5, 5), (9, 9)]
    """
    ranges: list[tuple[int, int]] = []
    for point in sorted(set(code_points)):
        if ranges and ranges[-1][1] == point - 1:
            ranges[-1] = (ranges[-1][0], point)
        else:
            ranges.append((point, point))
    return ranges


def _code_points(ranges: Iterable[tuple[int, int]]) -> set[int]:
    return {point for low, high in ranges for point in range(low, high + 1)}


def _without(ranges: Iterable[tuple[int, int]], code_points: Iterable[int]) -> list[tuple[int, int]]:
    """`ranges` with `code_points` taken out.

    >>> _without([(1, 9), (20, 20)], {3, 4, 9, 20})
    [(1, 2), (5, 8)]
    """
    points = sorted(code_points)
    result: list[tuple[int, int]] = []
    for low, high in ranges:
        for point in points[bisect.bisect_left(points, low) : bisect.bisect_right(points, high)]:
            if low < point:
                result.append((low, point - 1))
            low = point + 1
        if low <= high:
            result.append((low, high))
    return result


# Zero-width and bidirectional control characters, the BOM inside text, non-characters, C0 controls other
# than whitespace; a zero-width joiner only when it does not join two pictographs (an emoji sequence).
_INVISIBLE_RANGES = (
    (0x00, 0x08), (0x0E, 0x1F), (0x061C, 0x061C), (0x180E, 0x180E), (0x200B, 0x200C), (0x200E, 0x200F),
    (0x202A, 0x202E), (0x2060, 0x2064), (0x2066, 0x2069), (0xFEFF, 0xFEFF), (0xFFFE, 0xFFFF),
)  # fmt: skip
_INVISIBLE = re.compile(_character_class(_INVISIBLE_RANGES))  # `re`, not `regex`: a plain class scans faster
# A zero-width joiner is invisible too, except inside an emoji sequence. Kept apart from the class above
# because its lookbehind makes the scan five times slower, and most pages have no joiner at all.
_ZERO_WIDTH_JOINER = "\u200d"
_STRAY_JOINER = regex.compile(r"(?<!\p{Extended_Pictographic}\ufe0f?)\u200d|\u200d(?!\p{Extended_Pictographic})")
_JOINER_LOOKBEHIND = 2  # characters the look-behind above reads
_SURROGATE_RANGE = (0xD800, 0xDFFF)
_SURROGATE = re.compile(_character_class([_SURROGATE_RANGE]))
_SOFT_HYPHEN = "\xad"  # dropped only after legacy conversion: it is TCVN3's code for "ư"
_C1_RANGE = (0x80, 0x9F)
_C1_CONTROL = re.compile(_character_class([_C1_RANGE]))

# Characters NFC leaves alone wherever they stand: no combining class, no composition with the character
# before, no decomposition of their own. A text made of them only is in NFC already, and each run of other
# characters can be normalised apart, with the one character before it. tests/test_decode.py checks every
# range against `unicodedata`.
_NFC_SAFE_RANGES = (
    (0x0000, 0x02FF),  # ASCII, Latin-1, Latin Extended-A and -B, IPA, spacing modifier letters
    (0x1E00, 0x1EFF),  # Latin Extended Additional: the Vietnamese letters
    (0x2002, 0x20CF),  # general punctuation (not U+2000–2001: they decompose), super- and subscripts, currencies
    (0x2100, 0x2125), (0x2127, 0x2129), (0x212C, 0x2328), (0x232B, 0x27BF),  # symbols, arrows, shapes, dingbats…
    (0x3000, 0x3029), (0x3041, 0x3096), (0x30A0, 0x30FF), (0x4E00, 0x9FFF), (0xAC00, 0xD7A3),  # CJK, kana, Hangul
    (0xE000, 0xF8FF), (0xFFFD, 0xFFFD),  # private use (icon fonts), the replacement character
    (0x1F000, 0x1FAFF),  # emoji
)  # fmt: skip
_NFC_SAFE_STARTS = [low for low, _ in _NFC_SAFE_RANGES]

# The families of rare characters that the passes of `normalize_text` act on, as bits. A clean page holds
# few or none: one scan finds which, and where each first stands, and only those passes run.
_CONTROL, _MISREAD, _LEGACY, _SOFT_HYPHEN_FAMILY, _C1, _UNNORMALIZED = (1 << bit for bit in range(6))
_ALL_FAMILIES = (1 << 6) - 1
_FAMILY_CODE_POINTS: dict[int, set[int]] = {
    _CONTROL: _code_points([*_INVISIBLE_RANGES, (0x200D, 0x200D), _SURROGATE_RANGE]),
    _MISREAD: {ord(c) for c in MISREAD_SIGNS},
    _LEGACY: {ord(c) for c in SIGNATURE_CHARACTERS},
    _SOFT_HYPHEN_FAMILY: {ord(_SOFT_HYPHEN)},
    _C1: _code_points([_C1_RANGE]),
}  # _UNNORMALIZED: every character outside _NFC_SAFE_RANGES
# Families whose every character the scan goes on listing after the first while they are few: their passes
# then look at those places only (a clean page's "©" and "·", a few NFD words), not at the whole text again.
# Past `_MIN_LISTED` plus one per `_CHARACTERS_PER_LISTED` characters, a pass scans the text itself.
_LISTED = _MISREAD | _LEGACY | _UNNORMALIZED
_MIN_LISTED, _CHARACTERS_PER_LISTED = 16, 1000


def _is_nfc_safe(character: str) -> bool:
    """Whether `character` is in `_NFC_SAFE_RANGES`.

    >>> _is_nfc_safe("ệ"), _is_nfc_safe("\\u0301"), _is_nfc_safe("\\u2126")  # combining acute, Ohm sign
    (True, False, False)
    """
    code = ord(character)
    index = bisect.bisect_right(_NFC_SAFE_STARTS, code) - 1
    return index >= 0 and code <= _NFC_SAFE_RANGES[index][1]


def _families_by_character() -> dict[str, int]:
    families: dict[str, int] = {}
    for family, points in _FAMILY_CODE_POINTS.items():
        for point in points:
            families[chr(point)] = families.get(chr(point), 0) | family
    return families


_FAMILIES_OF = _families_by_character()


def _families_of(character: str) -> int:
    return _FAMILIES_OF.get(character, 0) | (0 if _is_nfc_safe(character) else _UNNORMALIZED)


@functools.cache
def _family_scanner(families: int) -> re.Pattern[str]:
    """One class of every character in `families`, compiled on first use (a few combinations occur)."""
    points = set().union(*(p for family, p in _FAMILY_CODE_POINTS.items() if family & families))
    if not families & _UNNORMALIZED:
        return re.compile(_character_class(_ranges(points)))
    return re.compile(_character_class(_without(_NFC_SAFE_RANGES, points), negate=True))


@dataclass
class _RareCharacters:
    """What a scan found: where the first character of each family stands, and where every character of
    each `_LISTED` family stands (missing when there were too many)."""

    first: dict[int, int] = field(default_factory=dict)
    every: dict[int, list[int]] = field(default_factory=dict)


def _scan(text: str, families: int) -> _RareCharacters:
    """The characters of `families` in `text`, in one scan: each hit names its families, and the scan goes
    on for the others and for the listed ones."""
    found = _RareCharacters()
    limit = _MIN_LISTED + len(text) // _CHARACTERS_PER_LISTED
    start = 0
    while families:
        hit = _family_scanner(families).search(text, start)
        if hit is None:
            break
        at, start = hit.span()
        for family in _MEMBERS[_families_of(hit.group()) & families]:
            found.first.setdefault(family, at)
            if family & _LISTED and len(places := found.every.setdefault(family, [])) < limit:
                places.append(at)
                continue
            found.every.pop(family, None)
            families &= ~family
    return found


# Character references to non-ASCII characters ("&#7879;", "&#x1EC7;", "&agrave;"), common in CMS output:
# decoded first, so that every repair below sees the characters the page shows (lxml would decode them
# after us: NFD written as references would come out unnormalised, TCVN3 written so unconverted). References
# to ASCII characters ("&amp;", "&lt;") are markup and stay; "&nbsp;" stays too, it needs no repair.
_REFERENCE = re.compile(
    r"&(?!(?:amp|lt|gt|quot|apos|nbsp);)(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});"
)
_FIRST_PLAIN_REFERENCE = 0xA0  # below it, and for surrogates, HTML's own rules apply (html.unescape)


@functools.lru_cache(maxsize=4096)
def _decoded_reference(body: str) -> str:
    """The character the reference of `body` ("#7879", "agrave") stands for, or the reference itself when
    that is ASCII or unknown.

    Cached: a page repeats a few references hundreds of times (references 0.15 → 0.10 ms a page).

    >>> [_decoded_reference(body) for body in ("#7879", "#x1EC7", "agrave", "lt")]
    ['ệ', 'ệ', 'à', '&lt;']
    """
    reference = f"&{body};"
    if body[0] != "#":
        character = html_entities.html5.get(f"{body};", reference)
    else:
        code = int(body[2:], 16) if body[1] in "xX" else int(body[1:])
        plain = _FIRST_PLAIN_REFERENCE <= code <= sys.maxunicode and not 0xD800 <= code <= 0xDFFF
        character = chr(code) if plain else html.unescape(reference)  # "&#150;" is "–", "&#0;" U+FFFD
    return reference if character.isascii() else character


def _written_reference(reference: re.Match[str]) -> str:
    """What `_REFERENCE.sub` writes for a reference.

    >>> [_REFERENCE.sub(_written_reference, t) for t in ("Vi&#7879;t", "&#x1EC7;&agrave;", "a &lt; b &amp; c")]
    ['Việt', 'ệà', 'a &lt; b &amp; c']
    """
    return _decoded_reference(reference[1])


def _cp1252_punctuation(control: re.Match[str]) -> str:
    return bytes([ord(control.group())]).decode("cp1252", errors="ignore")


def _remove_controls(text: str, rare: _RareCharacters) -> str:
    """Lone surrogates → U+FFFD; invisible characters and stray zero-width joiners dropped (what stands before
    the first of them is kept as it is)."""
    begin = max(0, rare.first[_CONTROL] - _JOINER_LOOKBEHIND)
    rest = _INVISIBLE.sub("", _SURROGATE.sub("\ufffd", text[begin:]))
    if _ZERO_WIDTH_JOINER in rest:
        rest = _STRAY_JOINER.sub("", rest)
    return text[:begin] + rest


def _repair_mojibake(text: str, rare: _RareCharacters) -> str:
    return fix_mojibake(text, rare.every.get(_MISREAD))


def _convert_legacy(text: str, rare: _RareCharacters) -> str:
    return fix_legacy(text, rare.first[_LEGACY], rare.every.get(_LEGACY))


def _drop_soft_hyphens(text: str, rare: _RareCharacters) -> str:
    return text.replace(_SOFT_HYPHEN, "")


def _c1_to_punctuation(text: str, rare: _RareCharacters) -> str:
    return _C1_CONTROL.sub(_cp1252_punctuation, text)


def _nfc(text: str, rare: _RareCharacters) -> str:
    """`text` in NFC. When `rare` lists where its characters outside `_NFC_SAFE_RANGES` stand, only the runs of
    them are normalised, each with the character before it (which they may combine with).

    >>> _nfc("Vie\\u0323\\u0302t Nam, ca\\u0301", _RareCharacters(every={_UNNORMALIZED: [3, 4, 14]}))
    'Việt Nam, cá'
    """
    unsafe = rare.every.get(_UNNORMALIZED)
    if unsafe is None:
        return unicodedata.normalize("NFC", text)
    pieces: list[str] = []
    done = 0
    for first, last in _ranges(unsafe):
        begin = max(0, first - 1)
        piece = text[begin : last + 1]
        normal = unicodedata.normalize("NFC", piece)
        if normal != piece:
            pieces += (text[done:begin], normal)
            done = last + 1
    return "".join([*pieces, text[done:]]) if pieces else text


class _Pass(NamedTuple):
    family: int  # the characters it acts on
    apply: Callable[[str, _RareCharacters], str]
    adds_characters: bool  # whether what it writes may belong to a later pass's family


# The passes of `normalize_text`, in order. Only a repaired misreading writes characters a later pass acts
# on (a Latin-1 symbol, a soft hyphen, a combining mark); the others only take such characters away or
# move them.
_PASSES = (
    _Pass(_CONTROL, _remove_controls, adds_characters=False),
    _Pass(_MISREAD, _repair_mojibake, adds_characters=True),
    _Pass(_LEGACY, _convert_legacy, adds_characters=False),
    _Pass(_SOFT_HYPHEN_FAMILY, _drop_soft_hyphens, adds_characters=False),
    _Pass(_C1, _c1_to_punctuation, adds_characters=False),
    _Pass(_UNNORMALIZED, _nfc, adds_characters=False),
)
_FAMILY_ORDER = tuple(p.family for p in _PASSES)
_MEMBERS = tuple(
    tuple(family for family in _FAMILY_ORDER if family & families) for families in range(_ALL_FAMILIES + 1)
)


def _after_change(text: str, rare: _RareCharacters, done: int) -> _RareCharacters:
    """What the passes after the first `done` need to know of `text`, changed by the last of them.

    A pass that adds no characters leaves the later families present or missing as they were, only moved:
    the text is scanned again for them only if one had its places listed (a clean page that held a BOM);
    otherwise the later passes are told they may act but not where, and look for themselves, as they do
    on texts with too many such characters to list.
    """
    later = sum(_FAMILY_ORDER[done:])
    if _PASSES[done - 1].adds_characters:
        return _scan(text, later)
    present = [family for family in rare.first if family & later]
    if any(family in rare.every for family in present):
        return _scan(text, sum(present))
    return _RareCharacters(first=dict.fromkeys(present, 0))


def normalize_text(text: str) -> str:
    """The one form of a text every later stage reads (see the module docstring for what and why).

    >>> normalize_text("Vie\\u0323\\u0302t Nam") == "Việt Nam"
    True
    >>> normalize_text("Lượt\\u200bxem\\u202e: 12\\x00"), normalize_text("Viá»‡t Nam")
    ('Lượtxem: 12', 'Việt Nam')
    >>> normalize_text("Thñ t\\xadíng ChÝnh phñ ®Õn Hµ Néi")  # TCVN3 read as Latin-1
    'Thủ tướng Chính phủ đến Hà Nội'
    """
    if "&" in text:
        text = _REFERENCE.sub(_written_reference, text)
    rare = _scan(text, _ALL_FAMILIES)
    for done, step in enumerate(_PASSES, start=1):
        if step.family in rare.first:
            changed = step.apply(text, rare)
            if changed != text:
                text, rare = changed, _after_change(changed, rare, done)
    return text


def _declared_charset(data: bytes) -> str | None:
    match = _DECLARED_CHARSET.search(data[:_SNIFF_BYTES])
    if match is None:
        return None
    name = match.group(1).decode("ascii", "replace").lower()
    try:
        codec = codecs.lookup(name)
    except LookupError:
        return None
    trusted = codec._is_text_encoding and codec.name not in _UNTRUSTED_DECLARATIONS
    return codec.name if trusted else None


def _mostly_controls(sample: bytes, share: float) -> bool:
    controls = len(sample) - len(sample.translate(None, _CONTROL_BYTES))
    return controls > len(sample) * share


def _looks_binary(data: bytes) -> bool:
    return _mostly_controls(data[:_SNIFF_BYTES], _BINARY_CONTROL_SHARE)


def _utf16_without_bom(data: bytes) -> str | None:
    """ "utf-16-le"/"utf-16-be" when the NUL bytes fall on every other byte, as in ASCII-heavy UTF-16."""
    sample = data[:_SNIFF_BYTES]
    if len(sample) < _UTF16_MIN_BYTES:
        return None
    for high, low, name in ((sample[1::2], sample[0::2], "utf-16-le"), (sample[0::2], sample[1::2], "utf-16-be")):
        half = len(high)
        if high.count(0) >= half * _UTF16_NUL_SHARE and not _mostly_controls(low, _UTF16_LOW_CONTROL_SHARE):
            return name
    return None


def _damaged_utf8(data: bytes) -> str | None:
    """`data` as UTF-8 when only a little of it is broken (stray bytes → U+FFFD, a cut-off last character
    dropped); None when the bytes are in another charset altogether."""
    text = codecs.getincrementaldecoder("utf-8")("replace").decode(data, final=False)
    bad = text.count("\ufffd") - data.count("\ufffd".encode())
    good = len(text) - len(text.encode("ascii", "ignore")) - bad
    return text if good >= bad * _UTF8_GOOD_PER_BAD else None


def _sample_words(data: bytes) -> bytes:
    words = []
    end = 0
    for high in _HIGH_BYTES.finditer(data):
        if high.start() < end:
            continue
        before = _LETTERS_BEFORE.search(data, max(end, high.start() - _WORD_SIDE), high.start())
        after = _LETTERS_AFTER.match(data, high.end(), high.end() + _WORD_SIDE)
        start = before.start() if before else high.start()
        end = after.end() if after else high.end()
        words.append(data[start:end])
        if len(words) >= _SAMPLED_WORDS:
            break
    return b" ".join(words)


def _reads_as_vietnamese(sample: bytes, charset: str) -> float:
    text = sample.decode(charset, errors=_LATIN1_FALLBACK)
    return vietnamese_share(unicodedata.normalize("NFC", fix_legacy(text)))


def _strictly_decodes(data: bytes, charset: str) -> bool:
    try:
        data.decode(charset)
    except (UnicodeDecodeError, LookupError):
        return False
    return True


def _choose_charset(data: bytes) -> str | None:
    """The charset of bytes that are not UTF-8 (step 4 of the module docstring), or None when unknown."""
    declared = _declared_charset(data)
    if declared is not None and not _strictly_decodes(data, declared):
        declared = None
    candidates = [declared] if declared is not None else []
    candidates += [c for c in _VIETNAMESE_SINGLE_BYTE if c != declared]
    sample = _sample_words(data)
    scores = {charset: _reads_as_vietnamese(sample, charset) for charset in candidates}
    best = max(candidates, key=lambda charset: scores[charset])  # the first of equals: declared before ours
    if scores[best] >= _VIETNAMESE_MIN_SHARE:
        return best
    if declared is not None:
        return declared
    check_deadline("decode")
    from charset_normalizer import from_bytes  # deferred: only pages in no charset we know pay its import

    guess = from_bytes(data).best()
    return None if guess is None else str(guess.encoding)


def _decode(data: bytes) -> str:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data[len(bom) :].decode(encoding, errors="replace")
    utf16 = _utf16_without_bom(data)
    if utf16 is not None:
        return data.decode(utf16, errors="replace")
    if _looks_binary(data):
        raise UndecodableInputError("input looks like binary data, not a text or HTML page")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    damaged = _damaged_utf8(data)
    if damaged is not None:
        return damaged
    charset = _choose_charset(data)
    if charset is None:
        raise UndecodableInputError("could not identify the text encoding of the input")
    return data.decode(charset, errors=_LATIN1_FALLBACK)


def decode_bytes(data: bytes) -> str:
    """Decode a raw page to clean NFC text.

    >>> decode_bytes("Lượt xem".encode("utf-8"))
    'Lượt xem'
    >>> decode_bytes('<meta charset="windows-1258">Vi\\xea\\xf2t'.encode("latin-1"))[-4:]
    'Việt'
    >>> decode_bytes('<meta charset="iso-8859-1"><p>Việt Nam</p>'.encode("utf-8"))[-15:]  # declared wrong
    '<p>Việt Nam</p>'
    """
    if len(data) > MAX_INPUT_BYTES:
        raise InputTooLargeError(f"input is {len(data):,} bytes; the limit is {MAX_INPUT_BYTES:,}")
    if not data.strip():
        raise EmptyInputError("input is empty")
    text = _decode(data)
    check_deadline("decode")
    return normalize_text(text)
