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


def test_the_date_line_nearest_the_article_beats_a_header_date() -> None:
    page = "Thứ Năm, 19/11/2026 08:02 GMT+7\nTrang chủ\nKinh tế\nGiá điện tăng từ hôm nay\n05/11/2026 07:45\n" + BODY
    article = extract(page)
    assert article.published is not None and (article.published.day, article.published.hour) == (5, 7)


def test_a_name_under_the_headline_is_the_byline_but_a_menu_item_above_it_is_not() -> None:
    page = "Trang chủ\nAGM Awards\nGiá điện tăng từ hôm nay\nPhạm Minh Đức\n05/11/2026 07:45\n" + BODY
    assert extract(page).author == "Phạm Minh Đức"


def test_names_in_the_comment_box_are_not_the_author() -> None:
    page = "Giá điện tăng\n" + BODY + "Ý kiến bạn đọc (2)\nNguyễn Hoa\nGiá tăng thì mọi thứ đều tăng theo.\n"
    assert extract(page).author is None


def test_a_related_title_with_its_bracketed_date_is_not_body() -> None:
    page = (
        "Giá điện tăng\n" + BODY + "Giá xăng giảm lần thứ ba liên tiếp (24/12)\nNông sản xuất khẩu tăng mạnh (23/12)\n"
    )
    body = extract(page).body_text
    assert "(24/12)" not in body and "(23/12)" not in body


def test_a_writer_signing_with_initials() -> None:
    assert extract("Giá điện tăng\n" + BODY + "T.H.\n").author == "T.H."
