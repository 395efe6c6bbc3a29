"""Generators of hostile and broken pages, shared by the hostile tests, the property tests and bench/fuzz.py.

Nothing here is a stored page: every input is built from our own short Vietnamese article, so the corpus
is written by the tests themselves.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable

from vnnews_extract.legacy import TCVN3, VNI, LegacyEncoding

TITLE = "Giá xăng tăng mạnh từ chiều nay"
PARAGRAPHS = (
    "Giá xăng RON 95 tăng 500 đồng mỗi lít từ 15 giờ chiều nay, mức tăng cao nhất từ đầu năm.",
    "Theo liên bộ Công Thương và Tài chính, giá xăng E5 RON 92 tăng 420 đồng, lên 21.300 đồng mỗi lít.",
    "Người dân ở Hà Nội và Thành phố Hồ Chí Minh đã đổ xăng đầy bình trước giờ điều chỉnh.",
    "Các doanh nghiệp vận tải cho biết sẽ cân nhắc tăng giá cước nếu giá nhiên liệu tiếp tục đi lên.",
)
_TONES = frozenset("\u0300\u0301\u0303\u0309\u0323")


def article_html(paragraphs: tuple[str, ...] = PARAGRAPHS, title: str = TITLE, head: str = "") -> str:
    """A small but complete article page: menu, headline, sapo, body, footer."""
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (
        f"<!DOCTYPE html><html><head>{head}<title>{title} - Báo Thử</title></head><body>"
        "<nav><a href='/'>Trang chủ</a> | <a href='/thoi-su'>Thời sự</a></nav>"
        f"<article><h1>{title}</h1>{body}</article><footer>Bản quyền thuộc về Báo Thử</footer></body></html>"
    )


def article_text() -> str:
    """The same article as a scraper's plain text."""
    return "\n".join(("Trang chủ | Thời sự", TITLE, *PARAGRAPHS, "Bản quyền thuộc về Báo Thử"))


def to_cp1258(text: str) -> bytes:
    """Windows-1258 as Vietnamese Windows writes it: the precomposed letter where the code page has one,
    else the toneless letter and a combining tone mark."""
    out = bytearray()
    for char in text:
        try:
            out += char.encode("cp1258")
        except UnicodeEncodeError:
            parts = unicodedata.normalize("NFD", char)
            base = unicodedata.normalize("NFC", "".join(c for c in parts if c not in _TONES))
            out += base.encode("cp1258") + "".join(c for c in parts if c in _TONES).encode("cp1258")
    return bytes(out)


def to_legacy(text: str, encoding: LegacyEncoding) -> bytes:
    """`text` typed in a legacy font encoding, as the bytes a page of that era holds."""
    codes: dict[str, str] = {}
    for code, letter in encoding.table.items():
        codes.setdefault(letter, code)
    return "".join(codes.get(c, c) for c in text).encode("latin-1")


def _declared(charset: str, text: str) -> str:
    return text.replace("<head>", f'<head><meta charset="{charset}">', 1)


# Each encoding a Vietnamese page arrives in, as a function of the page's HTML; TCVN3 pages are lower case
# (the encoding has no toned capitals), so the caller compares case-folded text for it.
ENCODINGS: dict[str, Callable[[str], bytes]] = {
    "utf-8": lambda html: html.encode(),
    "utf-8-bom": lambda html: html.encode("utf-8-sig"),
    "utf-16": lambda html: html.encode("utf-16"),
    "utf-16-le-no-bom": lambda html: html.encode("utf-16-le"),
    "utf-8-declared-latin1": lambda html: _declared("iso-8859-1", html).encode(),
    "cp1258-declared": lambda html: to_cp1258(_declared("windows-1258", html)),
    "cp1258-declared-utf8": lambda html: to_cp1258(_declared("utf-8", html)),
    "cp1258-undeclared": to_cp1258,
    "tcvn3": lambda html: to_legacy(_declared("iso-8859-1", html).lower(), TCVN3),
    "vni": lambda html: to_legacy(_declared("windows-1252", html), VNI),
    "mojibake-latin1": lambda html: html.encode().decode("latin-1").encode(),
    "mojibake-cp1252": lambda html: html.encode().decode("cp1252", errors="ignore").encode(),
    "nfd": lambda html: unicodedata.normalize("NFD", html).encode(),
}


def deep_nesting(depth: int, tag: str = "div") -> str:
    """The article at the bottom of `depth` nested elements, closed or not."""
    return article_html().replace("<article>", "<article>" + f"<{tag}>" * depth, 1)


def tiny_elements(count: int) -> str:
    """`count` one-letter inline elements before the article."""
    return article_html().replace("<article>", "<div>" + "<b>x</b>" * count + "</div><article>", 1)


def flat_page(megabytes: float) -> str:
    """A page of about `megabytes` MB of article paragraphs."""
    paragraph = " ".join(PARAGRAPHS)
    count = max(1, int(megabytes * 1_000_000 / len(f"<p>{paragraph}</p>".encode())))
    return article_html((paragraph,) * count)


def billion_laughs() -> str:
    """An XML declaration and a DOCTYPE whose entities would expand to gigabytes, and an external one."""
    levels = ['<!ENTITY lol0 "lol">'] + [f'<!ENTITY lol{i} "{f"&lol{i - 1};" * 10}">' for i in range(1, 10)]
    return (
        '<?xml version="1.0" encoding="utf-8"?><!DOCTYPE html [' + "".join(levels) + "<!ENTITY xxe SYSTEM "
        '"file:///etc/passwd">]>' + article_html().replace("<p>", "<p>&lol9; &xxe; ", 1)
    )
