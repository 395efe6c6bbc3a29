"""The chrome vocabulary: each family is recognised as a whole line, whatever the case or tone marks."""

from __future__ import annotations

import random
import time
import unicodedata

import pytest

from vnnews_extract import vocab
from vnnews_extract.metadata.lines import parse_views
from vnnews_extract.vocab import SOURCE_LINE, chrome_reason, fold


@pytest.mark.parametrize(
    ("line", "family"),
    [
        ("Ý kiến bạn đọc :", "comments"),
        ("BẠN ĐỌC PHẢN HỒI", "comments"),
        ("Bình luận (12)", "comments"),
        ("Tin liên quan", "related"),
        ("Tin mới   Đọc nhiều", "related"),
        ("Xem thêm >>", "related"),
        ("Chia sẻ:", "share"),
        ("In bài | Gửi email", "share"),
        ("Quảng cáo", "ad"),
        ("Về đầu trang", "back_to_top"),
        ("| Mã Khác", "navigation"),
        ("Giao diện di động", "navigation"),
        ("Bản quyền © 2025", "footer"),
        ("Đánh giá bài viết", "rating"),
    ],
)
def test_chrome_family(line: str, family: str) -> None:
    assert chrome_reason(line) == family
    assert chrome_reason(unicodedata.normalize("NFD", line)) == family
    assert chrome_reason(line.upper()) == family


@pytest.mark.parametrize(
    "line",
    [
        "Bình luận về chính sách mới, các chuyên gia cho rằng cần thận trọng.",
        "Quảng cáo sai sự thật bị phạt 50 triệu đồng",
        "Tin mới nhất từ Bộ Y tế cho thấy số ca mắc giảm",
    ],
)
def test_sentences_that_mention_chrome_words_are_not_chrome(line: str) -> None:
    assert chrome_reason(line) is None


@pytest.mark.parametrize(("old_style", "new_style"), [("hoà", "hòa"), ("Thuỷ", "Thủy"), ("khoẻ", "khỏe")])
def test_tone_mark_placement_does_not_matter(old_style: str, new_style: str) -> None:
    assert fold(old_style) == fold(new_style)
    assert fold(unicodedata.normalize("NFD", old_style)) == fold(new_style)


@pytest.mark.parametrize(
    ("line", "views"),
    [("Lượt xem: 1746", 1746), ("Số lần xem: 169", 169), ("12.345 lượt xem", 12345), ("Tin mới", None)],
)
def test_view_counters(line: str, views: int | None) -> None:
    assert parse_views(line) == views


@pytest.mark.parametrize(
    ("line", "source"),
    [
        ("Theo Enternews", "Enternews"),
        ("(Theo VnExpress)", "VnExpress"),
        ("Nguồn: Bộ Công Thương", "Bộ Công Thương"),
        ("THEO TTXVN", "TTXVN"),
        ("Theo ông Nguyễn Văn A, giá sẽ còn tăng", None),
        ("Theo đó", None),
    ],
)
def test_source_credit_lines(line: str, source: str | None) -> None:
    match = SOURCE_LINE.match(line)
    assert (match.group("source") if match else None) == source


def test_long_lines_are_judged_as_the_pattern_judges_short_ones() -> None:
    """Past `_BACKTRACK_MAX_CHARS` a line is cut into phrases position by position instead of by the pattern:
    both must answer alike, also where only a shorter phrase first makes the line chrome ("xem them" before
    "binh luan cua ban", where "xem them binh luan" is a phrase too)."""
    words = sorted({w for phrase in vocab._PHRASE_FAMILY for w in phrase.split()})
    rng = random.Random(5)
    keys = ["xem them binh luan cua ban", "tin moi tin moi nhieu", "| tin moi: 12 doc nhieu >>", ""]
    for _ in range(3000):
        parts = [rng.choice([*words, *vocab._PHRASE_FAMILY, "12", "|", "x", "©", ""]) for _ in range(rng.randint(1, 8))]
        keys.append(rng.choice(["", " "]).join(parts))
    for key in keys:
        assert vocab._only_chrome_long(key) is (vocab._ONLY_CHROME.match(key) is not None), key


def test_a_long_line_of_chrome_phrases_is_judged_in_time() -> None:
    line = "Tin mới " * 50_000 + "nhiều"  # the pattern alone took ~2 s on it: it backtracks through every cut
    started = time.perf_counter()
    assert chrome_reason(line) is None
    assert chrome_reason(line[: -len("nhiều")] + "Đọc nhiều") == "related"
    assert time.perf_counter() - started < 1.0
