"""Vietnamese text typed in the pre-Unicode font encodings TCVN3 (ABC) and VNI, found and converted.

Before Unicode, Vietnamese was typed in 8-bit fonts (".VnTime" for TCVN3, "VNI-Times" for VNI) and
pages declared Latin-1 or Windows-1252; old articles, PDFs and Word files still circulate that way. Read
as Latin-1, such text is gibberish: TCVN3 "Céng hoµ x· héi chñ nghÜa ViÖt Nam", VNI "Coäng hoøa xaõ hoäi
chuû nghóa Vieät Nam". TCVN3 gives each toned letter one byte; VNI writes a base letter followed by a
byte for its marks.

Detection must never fire on normal text, so it asks for three things: characters that Unicode
Vietnamese never uses standing inside words (µ in "Hµ", ä in "Vieät": the *signature*); at least
`_MIN_EVIDENCE` such words; and at least `_MIN_VALID_SHARE` of them turning into real Vietnamese
syllables once converted (German "für", Spanish "año", French "Noël" do not). Conversion then touches
only the runs of text that hold no Unicode Vietnamese (between tags and line breaks), so a page whose
menus are Unicode and whose old article is TCVN3 keeps its menus.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping, Sequence

from .syllables import is_vietnamese_syllable

__all__ = ["SIGNATURE_CHARACTERS", "TCVN3", "VNI", "LegacyEncoding", "detect_legacy", "fix_legacy"]

# The twelve vowel rows of the Vietnamese alphabet: the letter with no tone, then with huyền, hỏi, ngã,
# sắc, nặng (grave, hook above, tilde, acute, dot below). Both tables below follow this order.
VIETNAMESE_VOWEL_ROWS: tuple[str, ...] = (
    "aàảãáạ",
    "ăằẳẵắặ",
    "âầẩẫấậ",
    "eèẻẽéẹ",
    "êềểễếệ",
    "iìỉĩíị",
    "oòỏõóọ",
    "ôồổỗốộ",
    "ơờởỡớợ",
    "uùủũúụ",
    "ưừửữứự",
    "yỳỷỹýỵ",
)

# TCVN3 (TCVN 5712:1993, "ABC"): one Latin-1 character per letter, same rows as above. Capitals with a
# tone have no code (they were typed with a capitals-only font), so they come back lower case.
TCVN3_VOWEL_ROWS: tuple[str, ...] = (
    "aµ¶·¸¹",
    "¨»¼½¾Æ",
    "©ÇÈÉÊË",
    "eÌÎÏÐÑ",
    "ªÒÓÔÕÖ",
    "i×ØÜÝÞ",
    "oßáâãä",
    "«åæçèé",
    "¬êëìíî",
    "uïñòóô",
    "\xadõö÷øù",  # ư is the soft hyphen's code, 0xAD
    "yúûüýþ",
)
TCVN3_OTHER_LETTERS: Mapping[str, str] = {
    "®": "đ",
    "§": "Đ",
    "¡": "Ă",
    "¢": "Â",
    "£": "Ê",
    "¤": "Ô",
    "¥": "Ơ",
    "¦": "Ư",
}

# VNI: a base letter, then one character for its marks (circumflex or breve with a tone use one character
# of their own). i, ỵ, ơ, ư and đ are single characters. Same rows as above; capitals are the upper case of
# both characters ("AØ" is À).
VNI_VOWEL_ROWS: tuple[tuple[str, ...], ...] = (
    ("a", "aø", "aû", "aõ", "aù", "aï"),
    ("aê", "aè", "aú", "aü", "aé", "aë"),
    ("aâ", "aà", "aå", "aã", "aá", "aä"),
    ("e", "eø", "eû", "eõ", "eù", "eï"),
    ("eâ", "eà", "eå", "eã", "eá", "eä"),
    ("i", "ì", "æ", "ó", "í", "ò"),
    ("o", "oø", "oû", "oõ", "où", "oï"),
    ("oâ", "oà", "oå", "oã", "oá", "oä"),
    ("ô", "ôø", "ôû", "ôõ", "ôù", "ôï"),
    ("u", "uø", "uû", "uõ", "uù", "uï"),
    ("ö", "öø", "öû", "öõ", "öù", "öï"),
    ("y", "yø", "yû", "yõ", "yù", "î"),
)
VNI_OTHER_LETTERS: Mapping[str, str] = {"ñ": "đ", "Ñ": "Đ"}

# Latin-1 letters that Unicode Vietnamese uses itself: they prove nothing about a legacy encoding.
_UNICODE_VIETNAMESE_LATIN1 = frozenset("àáâãèéêìíòóôõùúýÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝ")
# Characters only Unicode Vietnamese has (ă đ ĩ ũ ơ ư, the Latin Extended Additional block, combining tones):
# a run of text holding one is Unicode already.
_UNICODE_VIETNAMESE = re.compile("[ĂăĐđĨĩŨũƠơƯư\u1ea0-\u1ef9\u0300\u0301\u0303\u0309\u0323]")
# Runs converted or left alone as a whole: text between tags and line breaks.
_RUN = re.compile(r"[^<>\n]+")
_RUN_BOUNDARIES = "<>\n"

_WINDOW = 200  # characters looked at on each side of a signature character
_SIGNATURE_HITS = 20000

_MIN_EVIDENCE = 3
_MIN_VALID_SHARE = 0.6
_SAMPLED_WORDS = 2000


def _tcvn3_table() -> dict[str, str]:
    table = {
        code: letter
        for codes, letters in zip(TCVN3_VOWEL_ROWS, VIETNAMESE_VOWEL_ROWS, strict=True)
        for code, letter in zip(codes, letters, strict=True)
    }
    table.update(TCVN3_OTHER_LETTERS)
    return {code: letter for code, letter in table.items() if code != letter}


def _vni_table() -> dict[str, str]:
    table: dict[str, str] = {}
    for codes, letters in zip(VNI_VOWEL_ROWS, VIETNAMESE_VOWEL_ROWS, strict=True):
        for code, letter in zip(codes, letters, strict=True):
            table[code] = letter
            table[code.upper()] = letter.upper()
            table[code[0].upper() + code[1:]] = letter.upper()  # "Aù": a capital typed with the plain mark key
    table.update(VNI_OTHER_LETTERS)
    return {code: letter for code, letter in table.items() if code != letter}


def _run_around(text: str, at: int) -> str:
    """The run (see `_RUN`) of `text` that holds position `at`."""
    start = max(text.rfind(boundary, 0, at) for boundary in _RUN_BOUNDARIES) + 1
    ends = [end for end in (text.find(boundary, at) for boundary in _RUN_BOUNDARIES) if end >= 0]
    return text[start : min(ends, default=len(text))]


class LegacyEncoding:
    """One legacy font encoding: its code → letter table, and the regexes derived from it."""

    def __init__(self, name: str, table: Mapping[str, str]) -> None:
        self.name = name
        self.table = dict(table)
        codes = sorted(self.table, key=len, reverse=True)
        self._code = re.compile("|".join(re.escape(code) for code in codes))
        signature = sorted({c for code in codes for c in code if c not in _UNICODE_VIETNAMESE_LATIN1 and ord(c) > 0x7F})
        self.signature_characters = "".join(signature)
        self._signature_set = frozenset(signature)
        self.signature = re.compile("[" + re.escape(self.signature_characters) + "]")
        letters = sorted({c for code in codes for c in code if ord(c) > 0x7F})
        self._word = re.compile("[A-Za-z" + re.escape("".join(letters)) + "]+")

    def __repr__(self) -> str:
        return f"LegacyEncoding({self.name!r})"

    def convert(self, text: str) -> str:
        """`text` read as this encoding (no detection: see `fix_legacy`)."""
        return self._code.sub(self._letter, text)

    def _letter(self, code: re.Match[str]) -> str:
        return self.table[code.group()]

    def evidence(self, text: str, start: int = 0, signatures: Iterable[int] | None = None) -> tuple[int, int]:
        """(words with a signature character inside, how many of them convert to Vietnamese syllables).

        Only the places where a signature character stands are looked at (at most `_SIGNATURE_HITS` of
        them), each within a short window, so a huge page with one "©" in its footer costs one regex scan,
        from `start` on; none at all when the caller gives where every signature character of any encoding
        stands (`signatures`, in order), having scanned the text already.
        """
        if signatures is None:
            signatures = (signature.start() for signature in self.signature.finditer(text, start))
        else:
            signatures = (at for at in signatures if text[at] in self._signature_set)
        found = valid = 0
        for hits, at in enumerate(signatures):
            if hits >= _SIGNATURE_HITS or found >= _SAMPLED_WORDS:
                break
            window_start = max(0, at - _WINDOW)
            window = text[window_start : at + _WINDOW]
            local = at - window_start
            word = self._word_around(window, local)
            if not re.search("[A-Za-z]", word) or _UNICODE_VIETNAMESE.search(_run_around(window, local)):
                continue
            found += 1
            valid += is_vietnamese_syllable(self.convert(word))
        return found, valid

    def _word_around(self, text: str, at: int) -> str:
        start = at
        while start > 0 and self._word.fullmatch(text[start - 1]):
            start -= 1
        word = self._word.match(text, start)
        return word.group() if word else ""


TCVN3 = LegacyEncoding("tcvn3", _tcvn3_table())
VNI = LegacyEncoding("vni", _vni_table())
_ENCODINGS: tuple[LegacyEncoding, ...] = (TCVN3, VNI)
# Any encoding's signature character: most pages have none, and one scan tells.
SIGNATURE_CHARACTERS = "".join(sorted({c for e in _ENCODINGS for c in e.signature_characters}))
_ANY_SIGNATURE = re.compile("[" + re.escape(SIGNATURE_CHARACTERS) + "]")


def detect_legacy(text: str, start: int = 0, signatures: Sequence[int] | None = None) -> LegacyEncoding | None:
    """The legacy encoding `text` is written in, or None for normal (Unicode or non-Vietnamese) text.

    `start` and `signatures` are for a caller that has scanned `text` already: no `SIGNATURE_CHARACTERS`
    stand before `start`; `signatures` is where every one of them stands.

    >>> detect_legacy("Céng hoµ x· héi chñ nghÜa ViÖt Nam")
    LegacyEncoding('tcvn3')
    >>> detect_legacy("Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam")
    LegacyEncoding('vni')
    >>> [detect_legacy(t) for t in ("Cộng hòa xã hội", "Grüße aus München, schöne Straße", "© 2024 · Tin tức")]
    [None, None, None]
    """
    if signatures is None:
        first = _ANY_SIGNATURE.search(text, start)
        if first is None:
            return None
        start = first.start()
    elif not signatures:
        return None
    best: tuple[float, LegacyEncoding] | None = None
    for encoding in _ENCODINGS:
        found, valid = encoding.evidence(text, start, signatures)
        share = valid / found if found else 0.0
        if valid >= _MIN_EVIDENCE and share >= _MIN_VALID_SHARE and (best is None or share > best[0]):
            best = (share, encoding)
    return None if best is None else best[1]


def _run_converter(encoding: LegacyEncoding) -> Callable[[re.Match[str]], str]:
    def convert_run(run: re.Match[str]) -> str:
        text = run.group()
        return text if _UNICODE_VIETNAMESE.search(text) else encoding.convert(text)

    return convert_run


def fix_legacy(text: str, start: int = 0, signatures: Sequence[int] | None = None) -> str:
    """`text` with TCVN3 or VNI runs converted to Unicode; normal text comes back unchanged.

    `start`, `signatures`: as for `detect_legacy`.

    >>> fix_legacy("<p>Hµ Néi</p><p>Trang chủ</p><p>QuyÕt ®Þnh cña Thñ t\\xadíng</p>")
    '<p>Hà Nội</p><p>Trang chủ</p><p>Quyết định của Thủ tướng</p>'
    >>> fix_legacy("Thaønh phoá Hoà Chí Minh ñaõ coù keá hoaïch")
    'Thành phố Hồ Chí Minh đã có kế hoạch'
    """
    encoding = detect_legacy(text, start, signatures)
    if encoding is None:
        return text
    return _RUN.sub(_run_converter(encoding), text)
