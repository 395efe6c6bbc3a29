"""Properties that hold for any input, checked with hypothesis.

- any str, any bytes, any soup of HTML fragments → an `Article` or one of our errors, never anything else;
- an `Article` survives ``to_dict`` → JSON → ``from_dict`` unchanged;
- extracting figures from an article's ``body_text`` again finds the article's figures.

Runs are derandomized (a fixed seed per test) so the suite stays deterministic; bench/fuzz.py is the
long randomized run.
"""

from __future__ import annotations

import json
import unicodedata
from collections.abc import Iterator

from hostile_pages import ENCODINGS, PARAGRAPHS, article_html
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from vnnews_extract import Article, errors, extract, extract_metrics
from vnnews_extract.parse import parse_html
from vnnews_extract.segment.html_blocks import raw_blocks

_SETTINGS = settings(
    max_examples=150,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

_WORDS = (
    *sorted({word.strip(".,") for paragraph in PARAGRAPHS for word in paragraph.split()}),
    *("Quảng cáo", "Lượt xem", "Ý kiến bạn đọc", "Về đầu trang", "Theo", "Nguồn", "Tin liên quan"),
)
_FRAGMENTS = (
    "<html>",
    "<head>",
    "<body>",
    "</body>",
    "<title>",
    "</title>",
    "<p>",
    "</p>",
    "<div class='content'>",
    "</div>",
    "<article>",
    "</article>",
    "<h1>",
    "</h1>",
    "<h2>",
    "<br>",
    "<table><tr><td>",
    "</td></tr></table>",
    "<ul><li>",
    "</li></ul>",
    "<figure><img src='a.jpg' alt='Ảnh'><figcaption>",
    "</figcaption></figure>",
    "<script>",
    "</script>",
    "<style>",
    "</style>",
    "<!--",
    "-->",
    "<![CDATA[",
    "]]>",
    "<?xml version='1.0'?>",
    '<!DOCTYPE html [<!ENTITY a "&b;&b;">]>',
    "&a;",
    "&nbsp;",
    "&amp;",
    "&#7879;",
    "&#x1EC7;",
    "&#0;",
    "&#xD800;",
    "<meta charset='windows-1258'>",
    '<meta property="og:title" content="Tiêu đề">',
    '<script type="application/ld+json">{"@type": "NewsArticle", "datePublished": "2024-13-45T99:99"}</script>',
    "<time datetime='2024-11-21T19:36:28+07:00'>",
    "</time>",
    "\n",
    " ",
    "\t",
    "\u200b",
    "\u202e",
    "\x00",
    "<",
    ">",
    "Thứ Năm, 21/11/2024 19:36:28 GMT+7",
    "Lượt xem: 1.746",
    "1.320 triệu USD",
    "giảm 47,6%",
    "Theo VnExpress",
)

html_soup = st.lists(
    st.one_of(st.sampled_from(_FRAGMENTS), st.sampled_from(_WORDS), st.text(max_size=12)), max_size=80
).map("".join)
vietnamese_html = st.lists(st.one_of(st.sampled_from(_FRAGMENTS[:20]), st.sampled_from(_WORDS)), max_size=80).map(
    " ".join
)


def _strings(value: object) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)


def ours(source: object) -> Article | None:
    """`extract(source)`, or None when it raised one of our errors (anything else fails the test); every
    text of the article is NFC, as the README promises."""
    try:
        article = extract(source)
    except errors.ExtractionError as exc:
        assert str(exc), f"{type(exc).__name__} without a message"
        assert not isinstance(exc, errors.InternalExtractionError), repr(exc.__cause__)
        return None
    for text in _strings(article.to_dict()):
        assert unicodedata.is_normalized("NFC", text), text
    return article


@_SETTINGS
@given(st.text(max_size=3000))
def test_any_str(text: str) -> None:
    ours(text)


@_SETTINGS
@given(st.binary(max_size=4000))
def test_any_bytes(data: bytes) -> None:
    ours(data)


@_SETTINGS
@given(html_soup)
def test_any_html_soup(html: str) -> None:
    ours(html)
    ours(html.encode("utf-8", errors="surrogatepass"))


@_SETTINGS
@given(html_soup)
def test_raw_block_words_are_the_words_of_its_text(html: str) -> None:
    """`RawBlock.words` is counted from the spaces of its (whitespace-collapsed) text: it must agree with
    splitting the text."""
    try:
        tree = parse_html(html).tree
    except errors.NoArticleError:
        return
    for block in raw_blocks(tree) if tree is not None else ():
        assert block.words == len(block.text.split()), block.text


@_SETTINGS
@given(vietnamese_html, st.sampled_from(sorted(ENCODINGS)))
def test_vietnamese_soup_in_every_encoding(html: str, encoding: str) -> None:
    ours(ENCODINGS[encoding](html))


@_SETTINGS
@given(st.binary(max_size=300), st.integers(min_value=0, max_value=4000), st.sampled_from(sorted(ENCODINGS)))
def test_a_real_page_with_damage_spliced_in(damage: bytes, at: int, encoding: str) -> None:
    data = ENCODINGS[encoding](article_html())
    at = min(at, len(data))
    ours(data[:at] + damage + data[at:])


def _round_trips(article: Article) -> None:
    assert Article.from_dict(article.to_dict()) == article
    assert Article.from_dict(json.loads(json.dumps(article.to_dict()))) == article


@_SETTINGS
@given(html_soup)
def test_to_dict_from_dict_round_trip(html: str) -> None:
    article = ours(html)
    if article is not None:
        _round_trips(article)


# Sentences with figures, from our own vocabulary: subject, verb, number, unit, optional change and basis.
_SUBJECTS = ("Kim ngạch xuất khẩu", "Doanh thu của công ty", "Giá xăng RON 95", "Vốn FDI đăng ký", "Sản lượng lúa")
_NUMBERS = ("1.320", "21.300", "12,5", "500", "3", "2.000", "47,6", "150")
_UNITS = ("triệu USD", "tỷ đồng", "đồng/lít", "tấn", "nghìn tỷ đồng")
_CHANGES = ("", ", tăng 12% so với cùng kỳ năm trước", ", giảm 3,4% so với tháng trước", ", gấp 2 lần năm 2023")

figure_sentence = st.builds(
    lambda subject, verb, number, unit, change: f"{subject} {verb} {number} {unit}{change}.",
    st.sampled_from(_SUBJECTS),
    st.sampled_from(("đạt", "ước đạt", "là", "lên", "khoảng")),
    st.sampled_from(_NUMBERS),
    st.sampled_from(_UNITS),
    st.sampled_from(_CHANGES),
)
text_page = st.lists(st.lists(figure_sentence, min_size=1, max_size=3).map(" ".join), min_size=1, max_size=6).map(
    lambda paragraphs: "Tin kinh tế trong tuần qua\n" + "\n".join(paragraphs)
)


def _figures(metrics: object) -> set[tuple[object, ...]]:
    return {(m.value, m.unit, m.changes, m.range_max) for m in metrics}  # type: ignore[attr-defined]


@_SETTINGS
@given(text_page)
def test_body_text_gives_the_same_figures_again(page: str) -> None:
    article = ours(page)
    if article is None:
        return
    _round_trips(article)
    assert _figures(extract_metrics(article.body_text)) == _figures(article.metrics)


@_SETTINGS
@given(text_page)
def test_nfd_input_gives_the_nfc_article(page: str) -> None:
    assert ours(unicodedata.normalize("NFD", page)) == ours(page)


# Characters the text repairs act on: Vietnamese letters, mojibake and legacy-font characters, C1 controls,
# soft hyphen, invisible characters, emoji with joiners, combining tones, a lone surrogate.
_REPAIRED = (
    "aàáảãạăằắẳẵặâầấẩẫậđêếềểễệơớờởỡợưứừửữựÃÄÆá»º‡‘\x81\x90\x9d\xad·µ¸¹¨©ª«¬®§ÖÕÒÝÞñøûïäëüöî"
    " \n<>\u200b\u200d\ufe0f\U0001f600\u0300\u0301\u0323\ud800"
)


@_SETTINGS
@given(st.lists(st.one_of(st.sampled_from(_REPAIRED), st.sampled_from(_WORDS)), max_size=60).map("".join))
def test_normalize_text_is_idempotent(text: str) -> None:
    from vnnews_extract.decode import normalize_text

    once = normalize_text(text)
    assert normalize_text(once) == once
