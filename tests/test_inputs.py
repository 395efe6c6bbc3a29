"""Every kind of source `extract()` accepts gives the same article."""

from __future__ import annotations

import lxml.html
from bs4 import BeautifulSoup

from vnnews_extract import extract

PAGE = (
    "<html><head><meta charset='utf-8'></head><body><article><h1>Giá điện tăng từ tháng 5</h1>"
    "<p>Giá bán lẻ điện bình quân tăng thêm 4,8% kể từ ngày 10/5, theo quyết định của Bộ Công Thương.</p>"
    "<p>Mức tăng này được tính toán trên cơ sở chi phí sản xuất và kinh doanh điện của năm trước.</p>"
    "</article></body></html>"
)


def test_str_bytes_bs4_and_lxml_sources_agree() -> None:
    from_str = extract(PAGE)
    assert from_str.body_text
    assert extract(PAGE.encode("utf-8")) == from_str
    assert extract(bytearray(PAGE.encode("utf-8"))) == from_str
    assert extract(BeautifulSoup(PAGE, "lxml")) == from_str
    assert extract(lxml.html.document_fromstring(PAGE)) == from_str


def test_text_and_html_are_told_apart() -> None:
    text = "Giá điện tăng từ tháng 5\n\nGiá bán lẻ điện bình quân tăng thêm 4,8% kể từ ngày 10/5. So sánh: 3 < 5 <> 7."
    assert extract(text).title == "Giá điện tăng từ tháng 5"


def test_url_argument_fills_the_url() -> None:
    assert extract(PAGE, url="https://example.vn/gia-dien.htm").url == "https://example.vn/gia-dien.htm"
