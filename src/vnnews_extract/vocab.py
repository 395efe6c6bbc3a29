"""Vietnamese page vocabulary: the words and patterns that mark page chrome and metadata lines.

Everything the segment and metadata stages look for lives here as named data, so that adding a phrase
a new site uses is a one-line change that anyone can review. Phrases are written as a reader sees
them and matched on their `fold`ed form (lowercase, tone marks and đ removed), so "Hoà"/"Hòa",
composed/decomposed text and upper-case labels ("BẠN ĐỌC PHẢN HỒI") all match one entry.
"""

from __future__ import annotations

import functools
import unicodedata
from collections.abc import Iterable

import regex

__all__ = [
    "AUTHOR_LABELS",
    "CAPTION_CREDIT",
    "CHROME_PHRASES",
    "DATELINE_PUBLISHED_LABELS",
    "DATELINE_UPDATED_LABELS",
    "END_OF_ARTICLE_REASONS",
    "RELATIVE_TIME",
    "SOURCE_LINE",
    "VIEWS",
    "alternation",
    "chrome_reason",
    "fold",
]


def _fold_table() -> dict[int, str | None]:
    """A `str.translate` table: every Latin letter with marks → its base letter, combining marks → nothing.

    Built once at import from Unicode's own decompositions (Latin-1 through Latin Extended Additional,
    where all of Vietnamese lives), so folding a page is one C-level pass instead of a Python loop.
    Every other character a Vietnamese page is made of (ASCII, Latin-1, general punctuation) maps to
    itself: for a character the table lacks, `str.translate` raises and clears a KeyError inside C, which
    made folding a line ~2× slower.
    """
    table: dict[int, str | None] = {code: chr(code) for code in (*range(0x0250), *range(0x2000, 0x2070))}
    table.update({ord("đ"): "d", ord("Đ"): "D"})
    for code in (*range(0x00C0, 0x0250), *range(0x1E00, 0x1F00)):
        base = unicodedata.normalize("NFD", chr(code))[0]
        if base != chr(code) and base.isascii():
            table[code] = base
    table.update(dict.fromkeys(range(0x0300, 0x0370)))  # combining marks of NFD text
    return table


_FOLD_TABLE = _fold_table()


def fold(text: str) -> str:
    """Matching key: lowercase, no tone marks or diacritics, đ → d, whitespace collapsed.

    >>> fold("Ý kiến  BẠN ĐỌC") == fold("y kien ban doc")
    True
    >>> fold("Hoà") == fold("Hòa") == "hoa"
    True
    """
    return " ".join(text.translate(_FOLD_TABLE).lower().split())


# Chrome phrases by family. A line made only of these phrases (and punctuation, counts, arrows) is page
# furniture; the family is the reason an explain report shows.
CHROME_PHRASES: dict[str, tuple[str, ...]] = {
    # reader comments and the box that collects them
    "comments": (
        "Ý kiến bạn đọc",
        "Ý kiến của bạn",
        "Bình luận",
        "Gửi bình luận",
        "Viết bình luận",
        "Bạn đọc phản hồi",
        "Gửi ý kiến",
        "Ý kiến",
        "Phản hồi",
        "Bình luận của bạn",
        "Xem thêm bình luận",
        "Thảo luận",
    ),
    # lists of other articles
    "related": (
        "Tin liên quan",
        "Bài liên quan",
        "Tin cùng chuyên mục",
        "Tin khác",
        "Các tin khác",
        "Tin mới",
        "Tin mới nhất",
        "Tin mới hơn",
        "Tin cũ hơn",
        "Tin đã đưa",
        "Đọc nhiều",
        "Tin đọc nhiều",
        "Xem nhiều",
        "Xem thêm",
        "Đọc thêm",
        "Tiêu điểm",
        "Tin nổi bật",
        "Tin nóng",
        "Có thể bạn quan tâm",
        "Bạn có thể quan tâm",
        "Tin tiếp theo",
        "Bài viết liên quan",
        "Cùng chuyên mục",
        "Tin bài khác",
        "Tin xem nhiều",
        "Nổi bật",
        "Mới nhất",
        "Tin tức liên quan",
        "Xem tiếp",
        "Theo dòng sự kiện",
        "Tin tức gần đây",
        "Tin gần đây",
        "Đọc tiếp",
        "Tin cùng loại",
        "Các bài viết khác",
        "Tin bài liên quan",
        "Bài cùng chuyên mục",
    ),
    # share, print and save bars
    "share": (
        "Chia sẻ",
        "In bài",
        "In bài viết",
        "Bản in",
        "Gửi bài",
        "Gửi email",
        "Gửi bài viết",
        "Lưu bài",
        "Lưu",
        "Share",
        "Tweet",
        "Like",
        "Email",
        "Print",
        "Facebook",
        "Zalo",
        "Twitter",
        "Copy link",
        "Sao chép liên kết",
        "Theo dõi",
        "Quan tâm",
    ),
    # advertising slots
    "ad": ("Quảng cáo", "Advertisement", "Tài trợ", "Nội dung tài trợ"),
    # "back to top" links
    "back_to_top": (
        "Back to top",
        "Về đầu trang",
        "Lên đầu trang",
        "Trở về đầu trang",
        "Đầu trang",
        "Trở lại đầu trang",
    ),
    # site navigation and interface labels
    "navigation": (
        "Trang chủ",
        "Giao diện di động",
        "Phiên bản di động",
        "Bản mobile",
        "Mã khác",
        "Quay lại",
        "Trở về",
        "Trang trước",
        "Trang sau",
        "Đăng nhập",
        "Đăng ký",
        "Tìm kiếm",
        "Liên hệ",
        "Menu",
        "Video",
        "Podcast",
        "Đăng nhập để bình luận",
        "Về trang chủ",
        "Báo lỗi",
        "Xem các bài viết của tác giả",
        "Báo lỗi cho",
        "Góp ý",
    ),
    # site footer
    "footer": ("Bản quyền", "Copyright", "Giấy phép", "Ghi rõ nguồn", "All rights reserved", "Liên hệ quảng cáo"),
    # article rating widgets
    "rating": ("Rate this article", "Đánh giá bài viết", "Bài viết hữu ích", "Bình chọn"),
}

END_OF_ARTICLE_REASONS: frozenset[str] = frozenset({"comments", "related", "back_to_top", "footer"})
"""Families whose marker, once the article body has begun, means the article text is over."""

_PHRASE_ALTERNATION = "|".join(
    sorted((regex.escape(fold(p)) for ps in CHROME_PHRASES.values() for p in ps), key=len, reverse=True)
)
# A line that is nothing but chrome phrases, separators and numbers ("Tin mới Đọc nhiều", "| Mã Khác",
# "Chia sẻ:", "Bình luận (12)").
_ONLY_CHROME = regex.compile(rf"^[\s\p{{P}}\p{{S}}\d]*(?:(?:{_PHRASE_ALTERNATION})[\s\p{{P}}\p{{S}}\d]*)+$")
_PHRASE_FAMILY: dict[str, str] = {fold(p): family for family, ps in CHROME_PHRASES.items() for p in ps}
# `_ONLY_CHROME` backtracks through every way of cutting a line into phrases, which grows with the square
# of a long line that fails at its very end ("Tin mới Tin mới … nhiều": 0.2 s at 128 KB, 7 s at 800 KB).
# Past this length the same question is answered position by position (`_only_chrome_long`).
_BACKTRACK_MAX_CHARS = 2_000
_FILLER = regex.compile(r"[\s\p{P}\p{S}\d]*")  # what may stand around phrases: the same class as above
_PHRASES_BY_OPENING: dict[str, tuple[str, ...]] = {
    opening: tuple(p for p in _PHRASE_FAMILY if p[:2] == opening) for opening in {p[:2] for p in _PHRASE_FAMILY}
}
_FIRST_PHRASE = regex.compile(rf"(?:{_PHRASE_ALTERNATION})")
# A line made of chrome phrases starts its letters with one of them: most lines are told apart by their first
# run of letters (~0.4 µs) before the whole line is folded (~5 µs for a line of 100 characters).
_LETTERS = regex.compile(r"\p{L}+")
_FIRST_LETTERS: tuple[str, ...] = tuple(sorted({run.group() for p in _PHRASE_FAMILY if (run := _LETTERS.search(p))}))
_RAW_LETTERS = regex.compile(r"[\p{L}\p{M}]+")  # as `fold` will see them: it drops the marks, keeps the letters
# And every run of letters in such a line is made of the phrases' words ("chia", "sharelike"): testing the
# last run too (searched from the end) leaves half as many lines to fold, for ~0.5 µs. A run longer than a few
# glued words is left to the full test (matching costs ~0.25 µs a letter: a hostile page may hold a megabyte).
_LAST_RAW_LETTERS = regex.compile(r"(?r)[\p{L}\p{M}]+")
_LAST_RUN_MAX = 40
_PHRASE_WORDS = regex.compile(
    "(?:{})*".format(
        "|".join(sorted({regex.escape(w) for p in _PHRASE_FAMILY for w in p.split()}, key=len, reverse=True))
    )
)


@functools.lru_cache(maxsize=4096)
def _may_open_chrome(letters: str) -> bool:
    return fold(letters).startswith(_FIRST_LETTERS)


@functools.lru_cache(maxsize=4096)
def _may_close_chrome(letters: str) -> bool:
    return len(letters) > _LAST_RUN_MAX or _PHRASE_WORDS.fullmatch(fold(letters)) is not None


def chrome_reason(line: str) -> str | None:
    """The chrome family of a line made only of chrome phrases, else None.

    >>> chrome_reason("Ý kiến bạn đọc :")
    'comments'
    >>> chrome_reason("Tin mới Đọc nhiều")
    'related'
    >>> chrome_reason("| Mã Khác")
    'navigation'
    >>> chrome_reason("Bình luận về chính sách mới của Chính phủ") is None
    True
    """
    letters = _RAW_LETTERS.search(line)
    if letters is None or not _may_open_chrome(letters.group()):
        return None
    last = _LAST_RAW_LETTERS.search(line)
    if last is None or not _may_close_chrome(last.group()):
        return None
    key = fold(line)
    if not _only_chrome(key):
        return None
    first = _FIRST_PHRASE.search(key)
    return _PHRASE_FAMILY[first.group(0)] if first else None


def _only_chrome(key: str) -> bool:
    """Whether a folded line is nothing but chrome phrases, separators and numbers (`_ONLY_CHROME`)."""
    if len(key) <= _BACKTRACK_MAX_CHARS:
        return _ONLY_CHROME.match(key) is not None
    return _only_chrome_long(key)


def _only_chrome_long(key: str) -> bool:
    """`_ONLY_CHROME` for a long line, in time linear in its length: the positions where a phrase and the
    separators after it can end are reached one from another, each once. Phrases open with a letter and
    separators hold none, so the separators before a phrase are always taken whole, as the pattern does.

    >>> _only_chrome_long("xem them binh luan cua ban"), _only_chrome_long("tin moi tin moi nhieu")
    (True, False)
    """
    start = _after_filler(key, 0)
    pending, reached = [start], {start}
    while pending:
        at = pending.pop()
        for phrase in _PHRASES_BY_OPENING.get(key[at : at + 2], ()):
            if key.startswith(phrase, at):
                end = _after_filler(key, at + len(phrase))
                if end == len(key):
                    return True
                if end not in reached:
                    reached.add(end)
                    pending.append(end)
    return False


def _after_filler(key: str, at: int) -> int:
    match = _FILLER.match(key, at)  # always matches (it may match nothing)
    return match.end() if match else at


VIEWS = regex.compile(
    r"(?:số\s+lượt\s+xem|lượt\s+xem|số\s+lần\s+xem|lần\s+xem|lượt\s+đọc|views?)\s*:?\s*(\d[\d.,]*)"
    r"|(?<![\d.,])(\d[\d.,]*)\s+lượt\s+xem",
    regex.IGNORECASE,
)
"""A view counter: "Lượt xem: 1746", "1.746 lượt xem"."""

RELATIVE_TIME = regex.compile(
    r"^\s*(?:khoảng\s+)?\d+\s+(?:giây|phút|giờ|tiếng|ngày|tuần|tháng|năm)\s+trước\s*$|^\s*(?:vừa xong|hôm qua)\s*$",
    regex.IGNORECASE,
)
"""A relative timestamp line ("3 năm trước", "5 phút trước"): the age of the page when it was saved."""

DATELINE_PUBLISHED_LABELS: tuple[str, ...] = (
    "Tin đăng lúc",
    "Đăng lúc",
    "Ngày đăng",
    "Đăng ngày",
    "Ngày xuất bản",
    "Xuất bản",
    "Thời gian đăng",
    "Đăng tải",
    "Ngày",
    "Published",
)
"""Labels that introduce the publication date."""

DATELINE_UPDATED_LABELS: tuple[str, ...] = ("Cập nhật lúc", "Cập nhật", "Cập nhật ngày", "Sửa đổi", "Updated")
"""Labels that introduce the last-update date."""

SOURCE_LINE = regex.compile(
    r"^\s*\(?\s*(?:Theo|THEO|Nguồn(?:\s+tin)?\s*:|NGUỒN\s*:|Nguồn\s+(?:tin\s+)?từ)\s+"
    r"(?P<source>(?:\p{Lu}|[\p{Ll}\d-]+\.\p{Ll})(?:[^.!?,;]|\.(?=\S)){0,59}?)\s*\)?\s*\.?\s*$"
)
"""A credit line for a republished article: "Theo Enternews", "Nguồn: Bộ Công Thương", "(Theo VnExpress)",
"Theo m.doisongphapluat.vn" (a dot inside a word is a domain or "TP.HCM", not the end of a sentence).
The outlet is capitalised and short, so "Theo ông A, giá sẽ tăng" and "Theo đó" are not credits."""

AUTHOR_LABELS = regex.compile(
    r"^\s*(?:Tác giả|Bài(?:\s+và\s+ảnh)?|Người viết|Phóng viên|PV|Tin, ảnh|Bài, ảnh|Theo)(?!\p{L})\s*:?\s*",
    regex.IGNORECASE,
)
"""Labels written before an author's name."""

CAPTION_CREDIT = regex.compile(
    r"(?:^|[\s(.–-])(?:Ảnh|Nguồn ảnh|Ảnh minh họa|Ảnh minh hoạ|Photo|Đồ họa|Đồ hoạ)\s*:", regex.IGNORECASE
)
"""A photo credit inside a line ("Ảnh: Hồng Khanh", "(Ảnh minh họa)"), which marks the line as a caption."""


def phrases(items: Iterable[str]) -> regex.Pattern[str]:
    """Compile folded phrases into one pattern matching any of them at the start of a folded line."""
    choices = "|".join(sorted((regex.escape(fold(p)) for p in items), key=len, reverse=True))
    return regex.compile(rf"^(?:{choices})\b")


def alternation(phrases: Iterable[str]) -> str:
    """A longest-first alternation of `phrases`, a space in one matching any run of whitespace, with the phrases
    that open with the same letter grouped behind it: at each position the engine tries every phrase of a flat
    alternation in turn, but of a grouped one only the group of the letter it finds there (a figure's unit is
    read 2.6 times faster, a page's class names 4 times). The same phrase wins as in the flat alternation,
    forwards: a character opens one group only (the letters of different groups differ even without case),
    and within it the phrases keep their order.

    >>> alternation(["tăng", "giảm", "tăng trưởng", "%"])
    't(?:ăng\\\\s+trưởng|ăng)|giảm|%'
    """
    groups: dict[str, list[str]] = {}
    for phrase in sorted(dict.fromkeys(phrases), key=len, reverse=True):  # a dict, not a set: one order every run
        groups.setdefault(phrase[:1].casefold(), []).append(phrase)
    parts = []
    for group in groups.values():
        head = group[0][:1]
        if len(group) > 1 and all(phrase.startswith(head) for phrase in group):
            parts.append(regex.escape(head) + "(?:" + "|".join(_spaced(phrase[1:]) for phrase in group) + ")")
        else:
            parts.extend(_spaced(phrase) for phrase in group)
    return "|".join(parts)


def _spaced(phrase: str) -> str:
    return regex.escape(phrase).replace(r"\ ", r"\s+")
