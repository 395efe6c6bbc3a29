"""Stage 1 on every encoding a Vietnamese page arrives in, declared right, wrong or not at all."""

from __future__ import annotations

import codecs
import html
import re
import unicodedata
from pathlib import Path

import pytest
from fixture_paths import CORPUS
from hostile_pages import to_cp1258, to_legacy
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from vnnews_extract import decode, errors, extract, mojibake
from vnnews_extract.decode import decode_bytes, normalize_text
from vnnews_extract.legacy import TCVN3, VIETNAMESE_VOWEL_ROWS, VNI, LegacyEncoding, detect_legacy, fix_legacy
from vnnews_extract.mojibake import fix_mojibake

# Our own text: every vowel row, đ, capitals, the hard syllables (khuya, nghiêng, quốc, giữa, ươu).
TEXT = (
    "Sáng nay, Thủ tướng Chính phủ chủ trì cuộc họp về tình hình kinh tế xã hội. Giá xăng tăng 500 đồng "
    "mỗi lít; người dân phải chi nhiều hơn cho việc đi lại. Những khó khăn của doanh nghiệp nhỏ được các bộ "
    "ngành nghiên cứu kỹ lưỡng để có giải pháp hỗ trợ kịp thời. Đêm khuya, quyết định, nghiêng ngả, thuở ấy, "
    "ưu tiên, khuỷu tay, giữa trưa, ước mơ, rượu, Đà Nẵng, Ủy ban, Ấn Độ."
)


def page(charset: str | None, body: bytes) -> bytes:
    meta = f'<meta charset="{charset}">' if charset else ""
    return f"<html><head>{meta}<title>t</title></head><body><p>".encode() + body + b"</p></body></html>"


def body_of(decoded: str) -> str:
    return decoded.split("<p>", 1)[1].split("</p>", 1)[0]


# --- well-formed and mis-declared Unicode ---------------------------------------------------------------


@pytest.mark.parametrize("declared", [None, "utf-8", "iso-8859-1", "windows-1252", "windows-1258"])
def test_utf8_wins_over_any_declared_charset(declared: str | None) -> None:
    assert body_of(decode_bytes(page(declared, TEXT.encode()))) == TEXT


@pytest.mark.parametrize("encoding", ["utf-8-sig", "utf-16", "utf-32"])
def test_byte_order_mark(encoding: str) -> None:
    assert body_of(decode_bytes(page(None, b"").decode().replace("<p>", "<p>" + TEXT).encode(encoding))) == TEXT


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_without_bom(encoding: str) -> None:
    assert body_of(decode_bytes(page(None, b"").decode().replace("<p>", "<p>" + TEXT).encode(encoding))) == TEXT
    dense = "Đăng ký: bắt đầu đăng ký ăn ở, đi đăng ký. " * 20  # ă and đ put control bytes in every other byte
    assert decode_bytes(dense.encode(encoding)) == dense


def test_truncated_last_character_is_dropped() -> None:
    data = TEXT.encode()
    cut = data[: data.index("Ấn".encode()) + 1]  # first byte of a three-byte letter
    assert decode_bytes(cut) == TEXT[: TEXT.index("Ấn")]


def test_stray_byte_in_utf8_becomes_replacement_character() -> None:
    data = TEXT.encode().replace(b"Sang", b"S").replace("Sáng".encode(), b"S\xe1ng", 1)
    assert decode_bytes(data).startswith("S\ufffdng nay, Thủ tướng")


# --- Windows-1258 ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("declared", ["windows-1258", None, "utf-8", "iso-8859-1"])
def test_windows_1258_is_recognised_and_composed(declared: str | None) -> None:
    data = page(declared, to_cp1258(TEXT))
    assert b"\xcc" in data or b"\xec" in data  # the tones really are separate combining marks
    decoded = body_of(decode_bytes(data))
    assert decoded == TEXT
    assert unicodedata.is_normalized("NFC", decoded)


# --- legacy fonts ---------------------------------------------------------------------------------------

# Typed as the old fonts show them (not produced from our tables), with their Unicode.
KNOWN_TCVN3 = [
    ("Céng hoµ x· héi chñ nghÜa ViÖt Nam", "Cộng hoà xã hội chủ nghĩa Việt Nam"),
    ("§éc lËp - Tù do - H¹nh phóc", "Độc lập - Tự do - Hạnh phúc"),
    ("QuyÕt ®Þnh cña Thñ t\xadíng ChÝnh phñ vÒ viÖc ®iÒu chØnh gi¸ x¨ng", None),
]
KNOWN_VNI = [
    ("Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam", "Cộng hòa xã hội chủ nghĩa Việt Nam"),
    ("Thaønh phoá Hoà Chí Minh ñaõ coù keá hoaïch", "Thành phố Hồ Chí Minh đã có kế hoạch"),
    ("ngöôøi daân ñöôïc höôûng lôïi töø chính saùch môùi", "người dân được hưởng lợi từ chính sách mới"),
]


@pytest.mark.parametrize(("legacy", "unicode"), KNOWN_TCVN3[:2] + KNOWN_VNI)
def test_known_legacy_strings(legacy: str, unicode: str) -> None:
    assert fix_legacy(legacy) == unicode


@pytest.mark.parametrize("encoding", [TCVN3, VNI], ids=["tcvn3", "vni"])
def test_every_letter_round_trips_through_its_table(encoding: LegacyEncoding) -> None:
    letters = " ".join([*VIETNAMESE_VOWEL_ROWS, "đ Đ"])
    letters = letters if encoding is VNI else letters.lower()
    assert encoding.convert(to_legacy(letters, encoding).decode("latin-1")) == letters


@pytest.mark.parametrize("encoding", [TCVN3, VNI], ids=["tcvn3", "vni"])
@pytest.mark.parametrize("declared", [None, "iso-8859-1", "windows-1252", "windows-1258"])
def test_legacy_font_pages_are_converted(encoding: LegacyEncoding, declared: str | None) -> None:
    text = TEXT.lower() if encoding is TCVN3 else TEXT  # TCVN3 has no toned capitals
    assert body_of(decode_bytes(page(declared, to_legacy(text, encoding)))) == text


def test_legacy_text_given_as_str_is_converted_but_unicode_runs_are_kept() -> None:
    legacy = to_legacy(TEXT.lower(), TCVN3).decode("latin-1")
    html = f"<nav>Trang chủ | Thời sự | Liên hệ</nav><p>{legacy}</p>"
    assert normalize_text(html) == f"<nav>Trang chủ | Thời sự | Liên hệ</nav><p>{TEXT.lower()}</p>"


NOT_LEGACY = [
    TEXT,
    unicodedata.normalize("NFD", TEXT),
    "Có và không. Cá tháng tư là gì?",  # Unicode Vietnamese using only Latin-1 letters
    "The quick brown fox jumps over the lazy dog © 2024 · All rights reserved ® «quoted»",
    "Grüße aus München! Die schöne Straße führt über den Fluß zur Bäckerei.",
    "Où est la crème brûlée? Noël à Paris, naïve façade, élève, déjà vu.",
    "El niño comió piña en el año pasado; señor Muñoz, ¿qué tal?",
    "Æbleskiver på Østerbro, smørrebrød og øl i København.",
    "Giá vàng SJC: 1.320.000 đ/lượng · Tỷ giá USD/VND © Báo Kinh tế",
]


@pytest.mark.parametrize("text", NOT_LEGACY, ids=range(len(NOT_LEGACY)))
def test_normal_text_is_never_taken_for_legacy_or_mojibake(text: str) -> None:
    assert detect_legacy(text) is None
    assert fix_mojibake(text) == text
    assert normalize_text(text) == unicodedata.normalize("NFC", text)


# --- mojibake -------------------------------------------------------------------------------------------


@pytest.mark.parametrize("misread_as", ["cp1252", "latin-1"])
def test_mojibake_str_is_repaired(misread_as: str) -> None:
    misread = TEXT.encode().decode(misread_as, errors=("strict" if misread_as == "latin-1" else "ignore"))
    repaired = normalize_text(misread)
    if misread_as == "latin-1":
        assert repaired == TEXT
    else:  # Windows-1252 has no character for 5 bytes: letters using them cannot be recovered unambiguously
        words = TEXT.split()
        assert sum(w in repaired.split() for w in words) >= 0.7 * len(words)
        assert "Thủ tướng Chính phủ" in repaired


def test_double_encoded_utf8_bytes_are_repaired() -> None:
    data = page("utf-8", TEXT.encode().decode("latin-1").encode())
    assert body_of(decode_bytes(data)) == TEXT


def test_misread_a_grave_before_a_lost_no_break_space() -> None:
    misread = TEXT.encode().decode("latin-1").replace("\xa0", " ")
    assert "Đà Nẵng" in normalize_text(misread)


# --- other languages stay what they are -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "charset"),
    [
        ("Où est la crème brûlée? Noël à Paris, naïve façade, élève, déjà vu, à la carte. " * 5, "windows-1252"),
        ("Grüße aus München! Die schöne Straße führt über den Fluß. " * 5, "iso-8859-1"),
        ("Привет, как дела? Экономика России растёт медленно. " * 5, "windows-1251"),
        ("経済ニュース：日本の輸出は前年比で増加した。" * 10, "shift_jis"),
    ],
    ids=["french", "german", "russian", "japanese"],
)
@pytest.mark.parametrize("declare", [True, False], ids=["declared", "undeclared"])
def test_other_languages_keep_their_charset(text: str, charset: str, declare: bool) -> None:
    if not declare and charset != "shift_jis":
        pytest.skip("a single-byte Western text without a declaration is charset-normalizer's guess to make")
    assert body_of(decode_bytes(page(charset if declare else None, text.encode(charset)))) == text


# --- invisible characters and normal form ---------------------------------------------------------------


def test_nfd_becomes_nfc() -> None:
    assert normalize_text(unicodedata.normalize("NFD", TEXT)) == TEXT
    assert body_of(decode_bytes(page("utf-8", unicodedata.normalize("NFD", TEXT).encode()))) == TEXT


@pytest.mark.parametrize(
    "invisible", ["\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad", "\u200e", "\u200f", "\u202e", "\u2067"]
)
def test_invisible_characters_are_dropped(invisible: str) -> None:
    assert normalize_text(f"Lượt{invisible} xem: 1{invisible}746") == "Lượt xem: 1746"


def test_emoji_joiner_and_visible_text_are_kept() -> None:
    family = "\U0001f468\u200d\U0001f469\u200d\U0001f467"
    assert normalize_text(f"Gia đình {family} vui vẻ") == f"Gia đình {family} vui vẻ"


def test_c1_controls_become_windows_1252_punctuation_and_surrogates_replacement() -> None:
    assert normalize_text("\x93Xin chào\x94 \x85 a\ud800b") == "“Xin chào” … a\ufffdb"


# --- only the passes a text needs run ------------------------------------------------------------------


def every_pass(text: str) -> str:
    """`normalize_text` as the module docstring tells it, every pass run on every text."""
    text = decode._STRAY_JOINER.sub("", decode._INVISIBLE.sub("", decode._SURROGATE.sub("\ufffd", text)))
    text = fix_legacy(fix_mojibake(text)).replace("\xad", "")
    return unicodedata.normalize("NFC", decode._C1_CONTROL.sub(decode._cp1252_punctuation, text))


_WORDS = TEXT.split()
# Pieces that wake each pass, alone or together: misread UTF-8, legacy fonts, NFD, controls, C1, symbols that
# look like legacy or misread characters on a clean page, combining marks and letters NFC changes elsewhere.
_PIECES = (
    *_WORDS,
    *(unicodedata.normalize("NFD", w) for w in _WORDS[:12]),
    *(w.encode().decode("latin-1") for w in _WORDS[:12]),
    *(w.encode().decode("cp1252", errors="ignore") for w in _WORDS[12:24]),
    *(to_legacy(w.lower(), TCVN3).decode("latin-1") for w in _WORDS[24:36]),
    *(to_legacy(w, VNI).decode("latin-1") for w in _WORDS[36:48]),
    *("Ã ", "Ä", "\ufffd", "có…", "là”", "CHÍNH»", "Â©", "É€", "á»", "\u0301", "\u0323\u0302", "\u0340", "\u2126"),
    *("\u1100\u1161\u11a8", "\uac00\u11a8", "か\u3099", "\u0915\u093c", "Ελλάδα", "\u0958", "\u2000", "経済"),
    *("\u200b", "\u200d", "\U0001f468\u200d\U0001f469", "\u2764\ufe0f\u200d", "\ufeff", "\x00", "\ud800", "\xad"),
    *("\x93", "\x85", "\x81", "©", "·", "×", "»", "µ", "®", " ", " ", "\n", "<p>", "</p>", "\xa0"),
    *("“Đà Nẵng” – ‘Huế’".encode().decode(misread_as, errors="ignore") for misread_as in ("latin-1", "cp1252")),
)
_FILLER = "<p>Giá lúa gạo ổn định</p>\n" * 60  # long clean stretches: runs far apart are normalised one by one
_SETTINGS = settings(max_examples=300, deadline=None, derandomize=True, database=None,
                     suppress_health_check=[HealthCheck.too_slow])  # fmt: skip


@_SETTINGS
@given(st.lists(st.one_of(st.sampled_from(_PIECES), st.just(_FILLER)), max_size=40).map("".join))
def test_skipping_the_passes_a_text_does_not_need_changes_nothing(text: str) -> None:
    assert normalize_text(text) == every_pass(text)


@pytest.mark.parametrize(
    "text",
    [
        "caù\ne\u0301\x93\n" + to_legacy(TEXT, VNI).decode("latin-1"),  # the first line is VNI without a signature
        "vÃ  \ne\u0301\x93\n" + TEXT.encode().decode("latin-1"),  # "Ã " is "à" in a text known to be misread
    ],
    ids=["legacy", "mojibake"],
)
def test_a_conversion_may_change_the_text_before_its_first_rare_character(text: str) -> None:
    assert normalize_text(text) == every_pass(text)
    assert normalize_text(text).startswith(("cá\né“", "và \né“"))


@pytest.mark.parametrize(
    "text",
    [
        unicodedata.normalize("NFD", TEXT).encode().decode("latin-1"),  # tones appear only once repaired
        "Â© " + TEXT.encode().decode("latin-1"),  # so does a "©", which could start TCVN3
        "\u200b" * 60 + "Hµ Néi ViÖt cña" + " ©" * 40,  # controls before more signatures than are listed
    ],
    ids=["misread-nfd", "misread-symbol", "controls-then-legacy"],
)
def test_what_a_pass_leaves_is_what_the_next_passes_see(text: str) -> None:
    assert normalize_text(text) == every_pass(text)


def test_a_misreading_whose_only_sign_is_a_c1_control_is_repaired() -> None:
    misread = "“Tin” ‘nhanh’ – 24h".encode().decode("latin-1")  # every sign is the C1 control \x80
    assert set(misread) & set(mojibake.MISREAD_SIGNS) == {"\x80"}
    assert normalize_text(misread) == "“Tin” ‘nhanh’ – 24h"


_UNSAFE = st.one_of(
    st.sampled_from("\u0300\u0301\u0303\u0309\u0323\u0302\u0306\u031b\u0340\u0344\u0345\u2126\u212b\u2000"),
    st.sampled_from("\u1161\u11a8\u3099\u309a\u093c\u0958\u0f73\u0cc2\u0cd5\u05b4\u0591\U0001d15e"),
    st.characters(exclude_categories=("Cs",)),
)
_BASES = st.sampled_from(
    ["", "a", "e", "o", "u", "A", "ê", "ơ", "ư", "\u1100", "\uac00", "か", "\u0915", " ", "<", "ệ"]
)


@_SETTINGS
@given(st.lists(st.tuples(_BASES, st.lists(_UNSAFE, max_size=4).map("".join)), max_size=12))
def test_normalising_runs_apart_gives_the_nfc_of_the_whole(parts: list[tuple[str, str]]) -> None:
    text = "".join(_FILLER[: 40 * (i % 3)] + base + marks for i, (base, marks) in enumerate(parts)) + _FILLER
    unsafe = [at for at, char in enumerate(text) if not decode._is_nfc_safe(char)]
    listed = decode._RareCharacters(every={decode._UNNORMALIZED: unsafe})
    assert decode._nfc(text, listed) == unicodedata.normalize("NFC", text)
    assert decode._scan(text, decode._UNNORMALIZED).every.get(decode._UNNORMALIZED, unsafe) == unsafe


def test_nfc_safe_ranges_hold_only_characters_nfc_leaves_alone() -> None:
    composed_second = {chr(c) for c in (*range(0x1161, 0x1176), *range(0x11A8, 0x11C3))}  # Hangul vowels, finals
    for code in range(0x110000):
        decomposition = unicodedata.decomposition(chr(code)).split()
        canonical_pair = len(decomposition) == 2 and not decomposition[0].startswith("<")
        if canonical_pair and unicodedata.normalize("NFC", chr(code)) == chr(code):  # not excluded from composition
            composed_second.add(chr(int(decomposition[1], 16)))
    for low, high in decode._NFC_SAFE_RANGES:
        for code in range(low, high + 1):
            char = chr(code)
            assert unicodedata.combining(char) == 0, hex(code)
            assert unicodedata.normalize("NFC", char) == char, hex(code)
            assert char not in composed_second, hex(code)


def test_every_repairable_misreading_holds_a_misread_sign() -> None:
    for pair in mojibake._REPAIRABLE_STARTS:
        assert set(pair) & set(mojibake.MISREAD_SIGNS), pair


# --- errors ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "data",
    [b"\x00\x01\x02\x03" * 100, bytes(range(256)) * 4, b"\x89PNG\r\n\x1a\n" + bytes(range(32)) * 20],
    ids=["nul-control", "all-bytes", "png"],
)
def test_binary_is_refused(data: bytes) -> None:
    with pytest.raises(errors.UndecodableInputError, match="binary"):
        decode_bytes(data)


def test_empty_and_whitespace_are_refused() -> None:
    for data in (b"", b"  \r\n\t "):
        with pytest.raises(errors.EmptyInputError):
            decode_bytes(data)


def test_bom_decoders_are_codecs_python_knows() -> None:
    for name in ("utf-8", "utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be"):
        codecs.lookup(name)


# --- the development corpus: real pages come through unchanged --------------------------------------------


_REFERENCE = re.compile(r"&#[0-9]+;|&#[xX][0-9a-fA-F]+;|&[A-Za-z][A-Za-z0-9]*;")


def _shown_character(reference: re.Match[str]) -> str:
    """What a browser shows for a character reference to a non-ASCII character (decoding writes those out)."""
    shown = html.unescape(reference.group())
    return reference.group() if shown.isascii() else shown


def test_corpus_pages_decode_to_their_own_text() -> None:
    pages = sorted((CORPUS / "html").glob("*.html")) if (CORPUS / "html").is_dir() else []
    if not pages:
        pytest.skip("../shared/corpus is not present")
    for path in pages:
        data = Path(path).read_bytes()
        expected = unicodedata.normalize("NFC", data.decode("utf-8-sig"))
        decoded = decode_bytes(data)
        assert detect_legacy(expected) is None, path.name
        assert len(decoded) >= 0.99 * len(_REFERENCE.sub(_shown_character, expected)), path.name
        assert decoded == normalize_text(expected), path.name


@pytest.mark.parametrize(
    ("declaration", "charset"),
    [
        (b'<meta charset="windows-1258">', "cp1258"),
        (b'<meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-1">', "iso8859-1"),
        (b"<?xml version='1.0' encoding='utf-8'?>", "utf-8"),
        (b'<meta charset="utf-7">', None),
        (b'<meta charset="unicode_escape">', None),
        (b'<meta charset="base64">', None),
        (b'<meta charset="tcvn">', None),
    ],
)
def test_declared_charsets_we_trust(declaration: bytes, charset: str | None) -> None:
    from vnnews_extract.decode import _declared_charset

    assert _declared_charset(declaration + b"<p>x</p>") == charset


def test_long_ascii_runs_before_a_high_byte_stay_linear() -> None:
    import time

    from vnnews_extract.syllables import vietnamese_share

    started = time.perf_counter()
    decode_bytes(b"a" * 300_000 + b" \xe9 caf\xe9 \x81")  # was quadratic: 40,000 letters took 6 s
    vietnamese_share("a" * 300_000 + " é")  # was 17 s for 40,000 letters
    assert time.perf_counter() - started < 2.0


# --- character references ----------------------------------------------------------------------------------


def test_references_to_combining_marks_come_out_composed() -> None:
    page = "<html><body><h1>Giá lúa tăng mạnh ở miền Tây</h1><p>{}</p></body></html>"
    text = "Việt Nam xuất khẩu gạo tăng mạnh trong tháng này, theo số liệu Bộ Công Thương công bố sáng nay."
    as_references = "".join(f"&#{ord(c)};" if ord(c) > 127 else c for c in unicodedata.normalize("NFD", text))
    body = extract(page.format(as_references)).body_text
    assert body == text
    assert unicodedata.is_normalized("NFC", body)


@pytest.mark.parametrize("encoding", [TCVN3, VNI], ids=["tcvn3", "vni"])
def test_legacy_font_text_written_as_references_is_converted(encoding: LegacyEncoding) -> None:
    text = "Giá lúa tại Hà Nội tăng mạnh trong tuần này, người nông dân vui mừng vì được mùa được giá."
    legacy = to_legacy(text, encoding).decode("cp1252")
    as_references = "".join(f"&#{ord(c)};" if ord(c) > 127 else c for c in legacy)
    page = f"<html><body><h1>Giá lúa tăng mạnh ở miền Tây</h1><p>{as_references}</p></body></html>"
    assert extract(page).body_text == text


def test_references_to_ascii_stay_markup() -> None:
    markup = "<p>a &lt;b&gt; &amp; &#60; &#x41;&nbsp;c</p>"
    assert normalize_text(markup) == markup
    assert normalize_text("Tin &#272;&agrave; N&#x1EB5;ng &unknown; &#150;") == "Tin Đà Nẵng &unknown; –"


_BODY = "<h1>Giá lúa tăng mạnh ở miền Tây</h1><p>{} lúa tăng mạnh trong tháng này, theo số liệu của Bộ Công Thương.</p>"


def test_a_mark_opening_an_element_composes_with_the_letter_before() -> None:
    opening = "Gia<b>\u0301</b>"  # the acute accent of "Giá" in an element of its own
    body = extract(f"<html><body>{_BODY.format(opening)}</body></html>").body_text
    assert body.startswith("Giá lúa")
    assert unicodedata.is_normalized("NFC", body)


def test_json_escapes_in_json_ld_come_out_composed() -> None:
    script = '{"@type": "NewsArticle", "author": {"name": "Nguye\\u0302\\u0303n An"}}'
    head = f'<head><script type="application/ld+json">{script}</script></head>'
    assert extract(f"<html>{head}<body>{_BODY.format('Giá')}</body></html>").author == "Nguyễn An"
