"""Plain-text segmentation rules, one behaviour each, on short pages written for the test."""

from __future__ import annotations

from vnnews_extract import extract
from vnnews_extract.blocks import Role
from vnnews_extract.segment.text import segment_text

BODY = (
    "Giá bán lẻ điện bình quân tăng 4,8% kể từ ngày 10/5, theo quyết định của Bộ Công Thương.\n"
    "Mức tăng này được tính trên cơ sở chi phí sản xuất và kinh doanh điện của năm trước.\n"
)


def test_a_breadcrumb_is_navigation_not_the_title() -> None:
    article = extract("Trang chủ | Thời sự\nGiá điện tăng từ hôm nay\n" + BODY)
    assert article.title == "Giá điện tăng từ hôm nay"


def test_title_beside_the_date_line_beats_a_site_banner() -> None:
    page = "Cổng thông tin điện tử tỉnh Yên Bái\nGiá điện tăng từ hôm nay\n09:15 12/05/2025\n" + BODY
    article = extract(page)
    assert article.title == "Giá điện tăng từ hôm nay"
    assert article.published is not None and (article.published.hour, article.published.minute) == (9, 15)


def test_the_page_title_repeated_by_the_article_is_the_headline() -> None:
    page = "Giá điện tăng từ hôm nay - Báo Điện Lực\nTrang chủ\nKinh tế\nGiá điện tăng từ hôm nay\n" + BODY
    assert extract(page).title == "Giá điện tăng từ hôm nay"


def test_a_quote_attribution_is_not_a_source_credit() -> None:
    article = extract("Giá điện tăng\n" + BODY + "Theo ông Nguyễn Văn An, giá còn tăng\nTheo TTXVN\n")
    assert article.source == "TTXVN"


def test_comment_box_ends_the_article_even_with_long_comments() -> None:
    comment = "Tôi thấy giá điện tăng như vậy là quá cao so với thu nhập của người dân lao động hiện nay."
    article = extract("Giá điện tăng\n" + BODY + "Ý kiến bạn đọc\n" + comment + "\n")
    assert comment not in article.body_text


def test_a_byline_after_the_article_is_the_author() -> None:
    assert extract("Giá điện tăng\n" + BODY + "Hoàng Minh\nTin liên quan\n").author == "Hoàng Minh"


def test_a_photo_credit_line_is_a_caption() -> None:
    blocks = segment_text("Giá điện tăng\n" + BODY + "Công nhân kiểm tra đường dây. Ảnh: Lan Anh\n" + BODY)
    captions = [b.text for b in blocks if b.role is Role.CAPTION]
    assert captions == ["Công nhân kiểm tra đường dây. Ảnh: Lan Anh"]


def test_with_several_dates_the_one_with_seconds_is_the_clock() -> None:
    page = "Thứ Hai, 19/05/2025 08:00:59 GMT+7\nGiá điện tăng\nĐăng lúc 07:30 12/05/2025\n" + BODY
    article = extract(page)
    assert article.published is not None and article.published.day == 12


def test_an_all_capitals_headline_is_still_the_title() -> None:
    assert extract("NGÀNH ĐIỆN TĂNG GIÁ BÁN LẺ TỪ HÔM NAY\n15/07/2020 | 08:30\n" + BODY).title == (
        "NGÀNH ĐIỆN TĂNG GIÁ BÁN LẺ TỪ HÔM NAY"
    )


def test_a_labelled_byline_gives_the_name() -> None:
    assert extract("Giá điện tăng\n" + BODY + "Bài và ảnh: Nguyễn Hà\n").author == "Nguyễn Hà"
