"""Stage 1: whatever the caller hands us → one NFC `str`.

Raw bytes are decoded by, in order of trust: a byte-order mark, the charset the page declares in its
first bytes (``<meta charset>``, ``http-equiv``, an XML declaration), strict UTF-8, and finally
charset-normalizer's statistical guess. Vietnamese pages mix composed and decomposed tone marks
(Windows-1258 decodes to base letter + combining mark), so every decoded text is NFC-normalised:
later stages can then match vocabulary with plain string operations.
"""

from __future__ import annotations

import codecs
import unicodedata

import regex

from .errors import EmptyInputError, InputTooLargeError, UndecodableInputError

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

# Share of C0 control bytes (other than tab/newline/carriage return) above which bytes are binary.
_BINARY_CONTROL_SHARE = 0.10
_CONTROL_BYTES = bytes(b for b in range(32) if b not in (9, 10, 12, 13))


def normalize_text(text: str) -> str:
    """NFC-normalise and drop NUL characters, so one spelling of each syllable reaches later stages.

    >>> normalize_text("Vie\\u0323\\u0302t Nam") == "Việt Nam"
    True
    """
    return unicodedata.normalize("NFC", text.replace("\x00", ""))


def _declared_charset(data: bytes) -> str | None:
    match = _DECLARED_CHARSET.search(data[:_SNIFF_BYTES])
    if match is None:
        return None
    name = match.group(1).decode("ascii", "replace").lower()
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def _looks_binary(data: bytes) -> bool:
    sample = data[:_SNIFF_BYTES]
    controls = sum(sample.count(bytes([b])) for b in _CONTROL_BYTES)
    return controls > len(sample) * _BINARY_CONTROL_SHARE


def decode_bytes(data: bytes) -> str:
    """Decode a raw page to NFC text.

    >>> decode_bytes("Lượt xem".encode("utf-8"))
    'Lượt xem'
    >>> decode_bytes('<meta charset="windows-1258">Vi\\xea\\xf2t'.encode("latin-1"))[-4:]
    'Việt'
    """
    if len(data) > MAX_INPUT_BYTES:
        raise InputTooLargeError(f"input is {len(data):,} bytes; the limit is {MAX_INPUT_BYTES:,}")
    if not data.strip():
        raise EmptyInputError("input is empty")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return normalize_text(data[len(bom) :].decode(encoding, errors="replace"))
    if _looks_binary(data):
        raise UndecodableInputError("input looks like binary data, not a text or HTML page")
    declared = _declared_charset(data)
    if declared is not None:
        try:
            return normalize_text(data.decode(declared))
        except UnicodeDecodeError:
            pass  # declared charset is wrong: fall through to sniffing
    try:
        return normalize_text(data.decode("utf-8"))
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes  # deferred: only non-UTF-8 pages pay its import

    best = from_bytes(data).best()
    if best is None:
        raise UndecodableInputError("could not identify the text encoding of the input")
    return normalize_text(str(best))
