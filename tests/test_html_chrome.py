"""Each chrome family, inside the article container where sites put it, is tagged and kept out of the body."""

from __future__ import annotations

import pytest
from html_pages import PARAGRAPHS, TITLE, article_page

from vnnews_extract import extract
from vnnews_extract.blocks import Role
from vnnews_extract.parse import parse_html
from vnnews_extract.segment.html import segment_html

# family → (markup placed inside the body container after the first paragraph, a text it shows)
INSIDE: dict[str, tuple[str, str]] = {
    "comments": (
        "<div class='box-binh-luan'><h3>Bình luận</h3><p>Tôi thấy kế hoạch này rất cần thiết vì năm nào khu"
        " phố tôi cũng bị ngập nặng sau mỗi trận mưa lớn, mong thành phố làm sớm.</p></div>",
        "Tôi thấy kế hoạch này rất cần thiết",
    ),
    "related": (
        "<div class='tin-lien-quan'><a href='/a'>Hà Nội chống ngập mùa mưa bão</a><a href='/b'>Mưa lớn gây ngập"
        " nhiều tuyến phố</a></div>",
        "Hà Nội chống ngập mùa mưa bão",
    ),
    "share": ("<div class='social-share'><a href='#'>Chia sẻ</a> <a href='#'>Facebook</a></div>", "Chia sẻ"),
    "ad": ("<div class='quang-cao'><span>Quảng cáo</span> Mua nhà giá tốt liên hệ ngay</div>", "Mua nhà giá tốt"),
    "tags": ("<div class='tag-box'><a href='/t'>thoát nước</a> <a href='/u'>ngập úng</a></div>", "thoát nước ngập úng"),
    "rating": ("<div class='rating'>Đánh giá bài viết: 4/5</div>", "Đánh giá bài viết"),
}

# family → (a line made only of the family's phrases, placed inside the body with no telling class)
PHRASE_LINES: dict[str, str] = {
    "comments": "Ý kiến bạn đọc",
    "related": "Tin liên quan",
    "share": "In bài viết",
    "ad": "Quảng cáo",
    "back_to_top": "Về đầu trang",
    "navigation": "Trang chủ",
    "footer": "Bản quyền",
}


def _chrome_blocks(page: str) -> dict[str, str]:
    tree = parse_html(page).tree
    assert tree is not None
    return {b.text: b.reason or "" for b in segment_html(tree) if b.role is Role.CHROME}


@pytest.mark.parametrize("family", sorted(INSIDE))
def test_named_box_inside_the_container(family: str) -> None:
    markup, shown = INSIDE[family]
    page = article_page(inside=markup)
    article = extract(page)
    assert shown not in article.body_text
    assert article.body_text.endswith(PARAGRAPHS[-1])
    assert family in _chrome_blocks(page).values()


@pytest.mark.parametrize("family", sorted(PHRASE_LINES))
def test_phrase_line_inside_the_container(family: str) -> None:
    line = PHRASE_LINES[family]
    page = article_page(inside=f"<p>{line}</p>")
    article = extract(page)
    assert line not in article.body_text.split("\n\n")
    assert _chrome_blocks(page).get(line) == family


def test_comments_end_the_article_even_without_a_class() -> None:
    comment = "<p>Tôi mong thành phố sớm triển khai để người dân bớt khổ vì ngập úng mỗi mùa mưa.</p>"
    page = article_page().replace(f"<p>{PARAGRAPHS[-1]}</p>", f"<p>{PARAGRAPHS[-1]}</p><p>Ý kiến bạn đọc</p>{comment}")
    article = extract(page)
    assert article.body_text.endswith(PARAGRAPHS[-1])


def test_views_counter() -> None:
    page = article_page(before="<div class='info'>05/03/2026 | Lượt xem: 2.468</div>")
    article = extract(page)
    assert article.views == 2468
    assert "Lượt xem" not in article.body_text


def test_site_clock_is_chrome() -> None:
    page = article_page().replace(
        "<div class='menu'>", "<div id='clock'>Thứ Hai, 23/11/2026 10:05:33 GMT+7</div><div class='menu'>"
    )
    assert _chrome_blocks(page).get("Thứ Hai, 23/11/2026 10:05:33 GMT+7") == "clock"


def test_link_list_inside_the_container_is_related() -> None:
    links = (
        "<ul><li><a href='/1'>Ngập sâu ở nhiều tuyến phố</a></li><li><a href='/2'>Dự báo mưa lớn kéo dài</a></li></ul>"
    )
    article = extract(article_page(inside=links))
    assert "Ngập sâu" not in article.body_text


def test_arrow_link_line_is_related() -> None:
    article = extract(article_page(inside="<p><a href='/x'>&gt;&gt; Xem tiếp: chống ngập ở đô thị lớn</a></p>"))
    assert "chống ngập ở đô thị lớn" not in article.body_text


def test_sidebar_and_menus_stay_out() -> None:
    sidebar = "<h3>Đọc nhiều</h3><ul><li><a href='/s'>Giá vàng hôm nay</a></li></ul><p>Giấy phép số 1/GP.</p>"
    article = extract(article_page(outside=sidebar))
    assert article.title == TITLE
    assert article.body_text == "\n\n".join(PARAGRAPHS)


def test_hidden_elements_are_not_read() -> None:
    hidden = "<div style='display:none'>Mã chứng khoán DBC: 25.000</div><div hidden>Nội dung ẩn</div>"
    article = extract(article_page(inside=hidden))
    assert "DBC" not in article.body_text
    assert "Nội dung ẩn" not in article.body_text


def test_a_comment_box_longer_than_the_article_does_not_win() -> None:
    comments = "".join(
        f"<div class='comment-item'><p>Bạn đọc số {i} cho rằng việc chống ngập cần làm đồng bộ với quy hoạch"
        " đô thị, nếu không thì sau vài năm các tuyến phố lại ngập như cũ và tiền đầu tư sẽ lãng phí.</p></div>"
        for i in range(12)
    )
    article = extract(article_page(after=f"<div class='box-comment'>{comments}</div>"))
    assert article.body_text == "\n\n".join(PARAGRAPHS)


def test_related_box_in_the_middle_does_not_end_the_article() -> None:
    box = "<p><b>Tin liên quan</b></p><ul><li><a href='/1'>Mưa lớn kéo dài nhiều ngày</a></li></ul>"
    article = extract(article_page(inside=box))
    assert article.body_text == "\n\n".join(PARAGRAPHS)


@pytest.mark.parametrize("opening", ["<div type='RelatedNewsBox'>", "<div class='boxRelatedNews'>"])
def test_box_names_from_type_and_camel_case(opening: str) -> None:
    markup = f"{opening}<p>Ngập sâu ở nhiều tuyến phố trung tâm khiến giao thông ùn tắc kéo dài.</p></div>"
    article = extract(article_page(inside=markup))
    assert "Ngập sâu" not in article.body_text


def test_unnamed_related_card_inside_the_body() -> None:
    card = (
        "<div><a href='/r.html'><img src='/r.jpg'></a><h3><a href='/r.html'>Mưa lớn kéo dài, nhiều tuyến phố ngập"
        " sâu</a></h3><p>Trận mưa kéo dài hơn ba giờ khiến nhiều tuyến phố trung tâm ngập sâu.</p></div>"
    )
    article = extract(article_page(inside=card))
    assert article.body_text == "\n\n".join(PARAGRAPHS)


def _split_article(after_ad: str) -> str:
    first = "".join(f"<p>{p}</p>" for p in PARAGRAPHS * 2)
    return (
        f"<html><body><h1>{TITLE}</h1><div class='wrap'><div class='part'>{first}</div>"
        f"<div class='qc'>Quảng cáo</div>{after_ad}</div><div class='footer'>Bản quyền</div></body></html>"
    )


def test_article_split_around_an_ad_slot_is_read_whole() -> None:
    tail = "Dự kiến công trình sẽ hoàn thành vào cuối năm sau, trước mùa mưa bão, theo cam kết của chủ đầu tư."
    article = extract(_split_article(f"<div class='part'><p>{tail}</p></div>"))
    assert article.body_text.endswith(tail)


def test_continuation_stops_at_the_comments() -> None:
    comments = (
        "<div><h3>Ý kiến bạn đọc</h3><p>Tôi mong công trình sớm hoàn thành vì nhà tôi năm nào cũng bị ngập"
        " nặng, đồ đạc hư hỏng rất nhiều mà không biết kêu ai.</p></div>"
    )
    article = extract(_split_article(comments))
    assert "Tôi mong" not in article.body_text


def test_an_article_box_named_like_chrome_is_still_the_article() -> None:
    # "binh-luan" is also the name of the commentary (op-ed) section on Vietnamese sites
    page = article_page().replace("<div class='article-body'>", "<div class='binh-luan-content'>")
    assert extract(page).body_text == "\n\n".join(PARAGRAPHS)
