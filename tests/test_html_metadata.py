"""Each place a page declares or shows its metadata, alone on an otherwise bare page."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest
from html_pages import PARAGRAPHS, TITLE, article_page

from vnnews_extract import extract
from vnnews_extract.metadata.html import person_name
from vnnews_extract.metadata.jsonld import read_jsonld

VN = timezone(timedelta(hours=7))


def _ld(body: str) -> str:
    return f"<script type='application/ld+json'>{body}</script>"


def test_jsonld_news_article() -> None:
    page = article_page(
        head=_ld(
            '{"@context": "https://schema.org", "@type": "NewsArticle", "headline": "Tiêu đề khác",'
            ' "datePublished": "2026-03-05T14:30:00+07:00", "dateModified": "2026-03-05T16:00:00+07:00",'
            ' "author": {"@type": "Person", "name": "Trần Thu Trang"}, "articleSection": "Đô thị"}'
        )
    )
    article = extract(page)
    assert article.title == TITLE  # the visible headline wins over the declared one
    assert article.published == datetime(2026, 3, 5, 14, 30, tzinfo=VN)
    assert article.updated == datetime(2026, 3, 5, 16, 0, tzinfo=VN)
    assert article.author == "Trần Thu Trang"
    assert article.category == "Đô thị"


def test_jsonld_inside_graph_and_list() -> None:
    graph = _ld(
        '{"@graph": [{"@type": "WebPage"}, {"@type": ["NewsArticle"], "datePublished": "2026-01-02T08:00:00Z",'
        ' "author": [{"name": "Ngô Lan"}]}]}'
    )
    article = extract(article_page(head=graph))
    assert article.published == datetime(2026, 1, 2, 15, 0, tzinfo=VN)
    assert article.author == "Ngô Lan"
    listed = _ld('[{"@type": "Organization"}, {"@type": "Article", "datePublished": "2025-12-31"}]')
    assert extract(article_page(head=listed)).published == datetime(2025, 12, 31, tzinfo=VN)


def test_jsonld_tolerates_comments_entities_and_broken_blocks() -> None:
    found = read_jsonld(["{not json", '<!-- {"@type": "NewsArticle", "headline": "Ch&#237;nh s&#225;ch mới"} -->'])
    assert found.article is not None
    assert found.article["headline"] == "Ch&#237;nh s&#225;ch mới"


def test_jsonld_breadcrumb_gives_category() -> None:
    crumbs = _ld(
        '{"@type": "BreadcrumbList", "itemListElement": [{"@type": "ListItem", "position": 1, "name": "Kinh doanh"},'
        ' {"@type": "ListItem", "position": 2, "name": "Tài chính"}]}'
    )
    assert extract(article_page(head=crumbs)).category == "Tài chính"


def test_opengraph_and_article_meta() -> None:
    head = (
        "<meta property='og:site_name' content='Báo Mẫu'>"
        "<meta property='og:url' content='https://baomau.example.vn/thoat-nuoc-123.html'>"
        "<meta property='article:published_time' content='2026-04-10T09:05:00+07:00'>"
        "<meta property='article:modified_time' content='2026-04-10T10:00:00+07:00'>"
        "<meta property='article:author' content='https://www.facebook.com/baomau'>"
        "<meta property='article:section' content='Đô thị'>"
    )
    article = extract(article_page(head=head))
    assert article.site_name == "Báo Mẫu"
    assert article.url == "https://baomau.example.vn/thoat-nuoc-123.html"
    assert article.published == datetime(2026, 4, 10, 9, 5, tzinfo=VN)
    assert article.updated == datetime(2026, 4, 10, 10, 0, tzinfo=VN)
    assert article.author is None  # a Facebook page is not a writer
    assert article.category == "Đô thị"


@pytest.mark.parametrize("name", ["pubdate", "date", "dc.date.issued", "publishdate"])
def test_meta_pubdate_names(name: str) -> None:
    page = article_page(head=f"<meta name='{name}' content='2026-02-03T07:00:00+07:00'>")
    assert extract(page).published == datetime(2026, 2, 3, 7, 0, tzinfo=VN)


def test_itemprop_microdata() -> None:
    before = (
        "<meta itemprop='datePublished' content='2026-05-06T11:45:00+07:00'>"
        "<span itemprop='author' itemscope><span itemprop='name'>Đỗ Hải Yến</span></span>"
    )
    article = extract(article_page(before=before))
    assert article.published == datetime(2026, 5, 6, 11, 45, tzinfo=VN)
    assert article.author == "Đỗ Hải Yến"


def test_time_element() -> None:
    page = article_page(before="<time datetime='2026-06-07T18:20:00+07:00'>18:20 07/06/2026</time>")
    assert extract(page).published == datetime(2026, 6, 7, 18, 20, tzinfo=VN)


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Thứ năm, 5/3/2026 - 14:30", datetime(2026, 3, 5, 14, 30, tzinfo=VN)),
        ("05/03/2026 14:30 GMT+7", datetime(2026, 3, 5, 14, 30, tzinfo=VN)),
        ("14:30 | 05/03/2026", datetime(2026, 3, 5, 14, 30, tzinfo=VN)),
        ("Ngày đăng: 05/03/2026", datetime(2026, 3, 5, tzinfo=VN)),
    ],
)
def test_visible_date_line(line: str, expected: datetime) -> None:
    assert extract(article_page(before=f"<div class='meta'>{line}</div>")).published == expected


def test_visible_date_line_with_time_beats_declared_value() -> None:
    page = article_page(
        head="<meta name='pubdate' content='2026-03-04T21:00:00+07:00'>",
        before="<span class='time'>Thứ năm, 5/3/2026, 08:15 (GMT+7)</span>",
    )
    assert extract(page).published == datetime(2026, 3, 5, 8, 15, tzinfo=VN)


def test_declared_time_beats_visible_date_without_one() -> None:
    page = article_page(
        head="<meta property='article:published_time' content='2026-03-05T08:15:00+07:00'>",
        before="<span class='date'>05/03/2026</span>",
    )
    assert extract(page).published == datetime(2026, 3, 5, 8, 15, tzinfo=VN)


def test_site_clock_above_the_headline_is_not_the_date() -> None:
    page = article_page(before="<div class='time'>10:00 | 01/02/2026</div>").replace(
        "<div class='menu'>", "<div class='clock'>Thứ Sáu, 20/11/2026 09:12:45 GMT+7</div><div class='menu'>"
    )
    assert extract(page).published == datetime(2026, 2, 1, 10, 0, tzinfo=VN)


def test_visible_byline_box() -> None:
    before = "<div class='author-info'>Nguyễn Thanh Tùng</div>"
    assert extract(article_page(before=before)).author == "Nguyễn Thanh Tùng"


def test_bold_name_closing_the_article() -> None:
    inside = ""
    page = article_page(inside=inside).replace(
        "</div><div class='sidebar'>", "<p align='right'><b>Minh Châu</b></p></div><div class='sidebar'>", 1
    )
    article = extract(page)
    assert article.author == "Minh Châu"
    assert "Minh Châu" not in article.body_text


def test_source_line() -> None:
    article = extract(article_page(after="<p class='source'>Theo Báo Đầu tư</p>"))
    assert article.source == "Báo Đầu tư"
    assert "Theo Báo Đầu tư" not in article.body_text


def test_breadcrumb_and_tags_are_read_from_the_page() -> None:
    before = (
        "<div class='breadcrumb'><a href='/'>Trang chủ</a> › <a href='/xa-hoi'>Xã hội</a> ›"
        " <a href='/do-thi'>Đô thị</a></div>"
    )
    after = "<div class='tags'>Tags: <a href='/tag/ngap'>#ngập úng</a>, <a href='/tag/thoat-nuoc'>thoát nước</a></div>"
    article = extract(article_page(before=before, after=after))
    assert article.category == "Đô thị"
    assert article.tags == ("ngập úng", "thoát nước")


def test_canonical_link_gives_the_url() -> None:
    page = article_page(head="<link rel='canonical' href='https://baomau.example.vn/bai-1.html'>")
    assert extract(page).url == "https://baomau.example.vn/bai-1.html"
    assert extract(article_page(), url="https://x.example/1").url == "https://x.example/1"


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("Theo Lê Thu", "Lê Thu"),
        ("Lê Minh (Tuổi Trẻ/AFP)", "Lê Minh"),
        ("VCCorp.vn", None),
        ("Báo điện tử Tiền Phong", None),
        ("baodantridientu", None),
        ("SEO, Traffic Team", None),
    ],
)
def test_person_name_filters_sites_and_labels(value: str, expected: str | None) -> None:
    assert person_name(value) == expected


def test_closing_name_with_credit_splits_into_author_and_source() -> None:
    page = article_page().replace(
        "</div><div class='sidebar'>",
        "<p align='right'><b>Minh Sơn (Theo Reuters)</b></p></div><div class='sidebar'>",
        1,
    )
    article = extract(page)
    assert (article.author, article.source) == ("Minh Sơn", "Reuters")
    assert "Reuters" not in article.body_text


def test_shown_date_days_away_from_the_declared_one_is_not_trusted() -> None:
    page = article_page(
        head="<meta property='article:published_time' content='2026-03-05T08:15:00+07:00'>",
        before="<span class='time'>Thứ Hai, 23/11/2026 10:05</span>",
    )
    assert extract(page).published == datetime(2026, 3, 5, 8, 15, tzinfo=VN)


def test_date_line_written_by_an_inline_script() -> None:
    script = "document.getElementById('pDate').innerHTML='Th&#7913; s&#225;u, 6/3/2026, 09:40 GMT+7';"
    page = article_page(before="<span class='date' id='pDate'></span>").replace(
        "</body>", f"<script>{script}</script></body>"
    )
    assert extract(page).published == datetime(2026, 3, 6, 9, 40, tzinfo=VN)


def test_jsonld_lists_several_authors() -> None:
    head = _ld('{"@type": "NewsArticle", "author": [{"name": "Quang Phong"}, {"name": "Tùng Nguyên"}]}')
    assert extract(article_page(head=head)).author == "Quang Phong - Tùng Nguyên"


def test_labelled_byline_under_the_headline() -> None:
    article = extract(article_page(before="<p>Bài và ảnh: Lương Thế Vinh</p>"))
    assert article.author == "Lương Thế Vinh"
    assert "Lương Thế Vinh" not in article.body_text


def test_headline_broken_over_two_lines() -> None:
    page = article_page().replace(f"<h1>{TITLE}</h1>", "<h1>Thành phố cải tạo hệ thống<br>thoát nước chống ngập</h1>")
    assert extract(page).title == TITLE


def test_page_that_writes_dates_month_first() -> None:
    sidebar = "<ul><li><a href='/1'>Bài mới trong diễn đàn</a> 12-24-2025</li></ul>"
    page = article_page(before="<div class='date'>Published on 03-08-2026 01:00 AM</div>", outside=sidebar)
    assert extract(page).published == datetime(2026, 3, 8, 1, 0, tzinfo=VN)
    day_first = article_page(before="<div class='date'>03-08-2026 01:00</div>")
    assert extract(day_first).published == datetime(2026, 8, 3, 1, 0, tzinfo=VN)


def test_the_articles_own_footer_holds_byline_and_source() -> None:
    page = (
        f"<html><body><nav><a href='/'>Trang chủ</a></nav><article><h1>{TITLE}</h1>"
        + "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
        + "<footer><p align='right'><b>Hà Linh</b></p><p>Theo Báo Xây dựng</p></footer></article>"
        + "<footer><p>Bản quyền thuộc Báo Mẫu</p></footer></body></html>"
    )
    article = extract(page)
    assert (article.author, article.source) == ("Hà Linh", "Báo Xây dựng")


def test_time_nearest_the_headline_wins_over_a_ticker() -> None:
    ticker = "<ul class='latest'><li><time datetime='2026-11-20T07:00:00+07:00'>07:00</time> Tin nhanh</li></ul>"
    page = article_page(before="<time datetime='2026-06-07T18:20:00+07:00'>Chiều nay</time>").replace(
        "<div class='menu'>", f"{ticker}<div class='menu'>"
    )
    assert extract(page).published == datetime(2026, 6, 7, 18, 20, tzinfo=VN)
