"""UTF-8 that was read as Windows-1252 or Latin-1 ("Viá»‡t Nam"), repaired where the repair is unambiguous.

A scraper that decodes a UTF-8 page with the wrong charset (``requests`` falls back to Latin-1 when the
server names none) turns every Vietnamese letter into two or three Latin-1 characters. The damage can be
undone exactly: the characters are re-encoded to the bytes they were read from and those bytes decoded as
UTF-8. A run is repaired only when that round trip is valid UTF-8 giving Latin letters or punctuation
(never, say, "NÓI…" → "NӅ": Ó followed by an ellipsis is also a valid UTF-8 pair), and only in a text that
shows the damage unmistakably: a repaired Vietnamese letter (ệ from "á»‡", đ from "Ä‘"), or at least
`_MIN_WESTERN_REPAIRS` repairs. Letters whose byte the misreading dropped (Windows-1252 has no character
for 0x81, 0x8D, 0x8F, 0x90, 0x9D: "á»" + nothing is ề, ọ, ỏ or ờ) are left as they are: guessing them
is not unambiguous. "Đ" is the exception: of the letters losing a byte after "Ä", it is the only
Vietnamese one.

ftfy does this job more broadly, but measured ≈ 1.3 s per MB of mojibake; this narrow rule is a few
regular-expression passes, linear in the text. A run can be repaired only if its first two characters
begin a plausible letter, and each such pair holds one of `MISREAD_SIGNS` (Â, Ã, É…, or "»" after "á"):
a text without any is clean, which its caller can tell from a scan it makes anyway.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

import regex

__all__ = ["MISREAD_SIGNS", "fix_mojibake"]


def _misread_characters() -> dict[str, int]:
    """Each character a Windows-1252 or Latin-1 reading of a byte gives, mapped back to that byte."""
    byte_of = {chr(b): b for b in range(256)}  # Latin-1: every byte is the code point of the same number
    for b in range(0x80, 0xA0):
        try:
            byte_of[bytes([b]).decode("cp1252")] = b
        except UnicodeDecodeError:
            continue  # 0x81, 0x8D, 0x8F, 0x90, 0x9D: no Windows-1252 character, Latin-1's control stays
    return byte_of


_BYTE_OF = _misread_characters()
_CONTINUATION = "".join(re.escape(c) for c, b in _BYTE_OF.items() if 0x80 <= b <= 0xBF)
# One UTF-8 sequence as misread: a lead character (bytes C2–DF, E0–EF, F0–F4) and its continuations.
_SEQUENCE = (
    rf"(?:[\u00c2-\u00df][{_CONTINUATION}]|[\u00e0-\u00ef][{_CONTINUATION}]{{2}}|[\u00f0-\u00f4][{_CONTINUATION}]{{3}})"
)
_MISREAD_RUN = re.compile(rf"{_SEQUENCE}+")
# The first two characters of any misread sequence, as one class pair: the `regex` engine scans a page for it
# about 30 times faster than for the alternation above (0.09 vs 2.7 ms on a 100 KB page), so clean pages
# (nearly all) are passed after that one scan and a look at the pairs it finds ("ó…" is one).
_MISREAD_START = regex.compile(rf"[\u00c2-\u00f4][{_CONTINUATION}]")
# In a text that is misread throughout, "Ã" before a space is "à" whose second byte (0xA0, a no-break space)
# a scraper turned into a plain space: "vÃ  Hà" is "và Hà" (that space is dropped when the word's own follows).
_A_GRAVE_SPACE = re.compile(r"(?<=[^\W\d_])Ã(?: (?=\s)|(?= ))")
# …and "Ä" whose second byte was lost (0x90 has no Windows-1252 character) is "Đ": of the five letters
# that lose their byte that way, it is the only Vietnamese one.
_D_WITH_LOST_BYTE = re.compile(rf"Ä(?:\ufffd|(?![{_CONTINUATION}]))")

# What a repaired run may contain: Latin letters (Vietnamese ones included), combining marks, punctuation,
# currency signs (₫), no-break space. Anything else means the run was real text.
_PLAUSIBLE_RANGES = ((0x00A0, 0x024F), (0x0300, 0x036F), (0x1E00, 0x1EFF), (0x2010, 0x205E), (0x20A0, 0x20CF))
_PLAUSIBLE = re.compile("[" + "".join(f"{chr(low)}-{chr(high)}" for low, high in _PLAUSIBLE_RANGES) + "]+")
# Letters only Vietnamese uses: one of them repaired proves the text was misread.
_VIETNAMESE_ONLY = re.compile("[ĂăĐđĨĩŨũƠơƯư\u1ea0-\u1ef9]")
_MIN_WESTERN_REPAIRS = 3


def _repairable_starts() -> frozenset[str]:
    """The first two characters of every misread sequence that repairs to a plausible character: the UTF-8
    lead byte and first continuation byte of each plausible character, as the misreading shows them."""
    characters_of: dict[int, list[str]] = {}
    for character, byte in _BYTE_OF.items():
        characters_of.setdefault(byte, []).append(character)
    starts: set[str] = set()
    for low, high in _PLAUSIBLE_RANGES:
        for code in range(low, high + 1):
            lead, continuation = chr(code).encode()[:2]
            starts.update(a + b for a in characters_of[lead] for b in characters_of[continuation])
    return frozenset(starts)


# A run is repaired only if its first character is plausible, so a text holding none of these pairs (most
# pages hold "ó…" or "á”", which start no plausible character) comes back unchanged.
_REPAIRABLE_STARTS = _repairable_starts()
# One character of each of those pairs, the rarer in clean text: the lead of a two-byte sequence (a capital:
# Â, Ã, É…), the continuation of a three-byte one (its lead is "á" or "â", in every Vietnamese text). A text
# without any needs no repair; `normalize_text` looks for these with the other rare characters, in one scan.
MISREAD_SIGNS = "".join(sorted({pair[0] if _BYTE_OF[pair[0]] < 0xE0 else pair[1] for pair in _REPAIRABLE_STARTS}))
_MAX_PASSES = 2  # text misread twice ("Ã¡Â»â€¡") needs two


def _repaired(run: str) -> str | None:
    try:
        text = bytes(_BYTE_OF[c] for c in run).decode("utf-8")
    except UnicodeDecodeError:
        return None
    return text if _PLAUSIBLE.fullmatch(text) else None


def _repair_pass(text: str) -> str:
    repairs: dict[str, str] = {}
    vietnamese = False
    for match in _MISREAD_RUN.finditer(text):
        run = match.group()
        if run in repairs:
            continue
        fixed = _repaired(run)
        if fixed is not None:
            repairs[run] = fixed
            vietnamese = vietnamese or _VIETNAMESE_ONLY.search(fixed) is not None
    if not vietnamese and len(repairs) < _MIN_WESTERN_REPAIRS:
        return text
    text = _MISREAD_RUN.sub(lambda m: repairs.get(m.group(), m.group()), text)
    return _D_WITH_LOST_BYTE.sub("Đ", _A_GRAVE_SPACE.sub("à", text)) if vietnamese else text


def fix_mojibake(text: str, signs: Iterable[int] | None = None) -> str:
    """`text` with misread UTF-8 repaired; text without the damage comes back unchanged.

    `signs` is for a caller that has scanned `text` already: where every one of its `MISREAD_SIGNS` stands.
    The pairs around them are then all that is looked at on a clean text.

    >>> fix_mojibake("Viá»‡t Nam Ä‘Ã£ tÄƒng trÆ°á»Ÿng")
    'Việt Nam đã tăng trưởng'
    >>> fix_mojibake("Vi\\xe1\\xbb\\x87t Nam")  # read as Latin-1: the third byte is a C1 control
    'Việt Nam'
    >>> fix_mojibake("CÔ GIÁO NÓI… Café à la crème, Ölfeld")
    'CÔ GIÁO NÓI… Café à la crème, Ölfeld'
    """
    if signs is not None and not any(_begins_repair(text, at) for at in signs):
        return text
    for _ in range(_MAX_PASSES):
        if not _may_be_misread(text):
            break
        fixed = _repair_pass(text)
        if fixed == text:
            break
        text = fixed
    return text


def _may_be_misread(text: str) -> bool:
    """Whether `text` holds a misread sequence that could repair (see `_REPAIRABLE_STARTS`)."""
    return any(pair.group() in _REPAIRABLE_STARTS for pair in _MISREAD_START.finditer(text))


def _begins_repair(text: str, sign: int) -> bool:
    """Whether the sign at `sign` is one of a pair in `_REPAIRABLE_STARTS` (as its lead or its continuation)."""
    return text[sign : sign + 2] in _REPAIRABLE_STARTS or text[max(0, sign - 1) : sign + 1] in _REPAIRABLE_STARTS
