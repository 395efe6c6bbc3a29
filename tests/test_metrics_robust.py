"""`extract_metrics` and `parse_number` on any input: never raise, always well-formed, and quick."""

from __future__ import annotations

import time
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from vnnews_extract import extract
from vnnews_extract.metrics import extract_metrics, parse_number
from vnnews_extract.metrics.figures import number_starts
from vnnews_extract.model import Metric

# Text built from the pieces figures are made of, so the grammar's paths are exercised, not just skipped.
_PIECES = [
    "1.320",
    "47,6",
    "2.5",
    "1,234,567",
    "-3",
    "(",
    ")",
    "%",
    " triệu",
    " tỷ",
    " nghìn",
    " USD",
    " đồng",
    "đ",
    " tấn",
    "/m2",
    "/năm",
    " tăng",
    " giảm",
    " gấp",
    " lần",
    " điểm",
    " phần trăm",
    " so với",
    " cùng kỳ",
    " tháng 6",
    " quý I/2024",
    " năm 2023",
    " trong đó",
    " gồm",
    " riêng",
    " và",
    ", ",
    "; ",
    ". ",
    " từ",
    " đến",
    " - ",
    " lên",
    " xuống",
    " khoảng",
    " hơn",
    " gần",
    " ước đạt",
    " chiếm",
    " về lượng",
    " doanh nghiệp",
    " Con số này",
    " mức giảm",
    " là",
    " hai",
    " mươi",
    " lăm",
    "\n",
    "\u00a0",
    "Đ",
    " hàng chục",
    " con lợn",
    " tuyến",
    " bộ hồ sơ",
    " khách/ngày",
    " thêm",
    " cao hơn cùng kỳ",
    " tại Hà Nội, Huế và Vinh",
    " điểm tổng kết",
    " với",
    " một nửa",
    " mỗi",
    " lần lượt",
    " tương ứng",
    " trở lên",
    "½",
    "٣",
    "𝟙",
]
_TEXT = st.lists(st.sampled_from(_PIECES), max_size=60).map("".join) | st.text(max_size=200)


def _well_formed(metrics: tuple[Metric, ...]) -> None:
    assert isinstance(metrics, tuple)
    for i, metric in enumerate(metrics):
        assert isinstance(metric, Metric)
        assert metric.value is None or isinstance(metric.value, Decimal)
        assert metric.value is not None or metric.changes, "a metric has a value or changes"
        assert metric.parent is None or (0 <= metric.parent < len(metrics) and metric.parent != i)
        assert metric.section is None
        assert metric.text and metric.text in metric.sentence


@settings(max_examples=300, deadline=None, derandomize=True)
@given(_TEXT)
def test_any_text_gives_well_formed_metrics(text: str) -> None:
    _well_formed(extract_metrics(text))


@settings(max_examples=200, deadline=None, derandomize=True)
@given(_TEXT)
def test_parse_number_never_raises(text: str) -> None:
    value = parse_number(text)
    assert value is None or isinstance(value, Decimal)


def test_empty_and_blank() -> None:
    assert extract_metrics("") == ()
    assert extract_metrics(" \n\t ") == ()


def test_long_hostile_inputs_stay_linear() -> None:
    hostile = [
        "1" * 20_000,
        "1." * 10_000,
        "tăng 5% và " * 2_000,
        "so với " * 5_000,
        "triệu tỷ " * 5_000,
        "mức tăng " * 5_000 + " 5%",
        "tăng " * 5_000 + "5 tấn",
        "và " * 5_000 + "5 tấn, tăng 3%",
        "Doanh thu " + "khoảng " * 5_000 + "5 tấn",
        "5 con lợn " * 5_000,  # counts whose subject is built on the one before
        "cao hơn " * 5_000 + "5%",
        "tăng thêm " * 5_000 + "5 USD",
        "tăng 500 đồng tại " + "Hà Nội, " * 5_000 + "và Huế lên 5 đồng/kg",
        "điểm thi " * 5_000 + "8,5",
    ]
    for text in hostile:
        started = time.perf_counter()
        _well_formed(extract_metrics(text))
        assert time.perf_counter() - started < 2.0, text[:20]


def test_numbers_and_units_in_letters_that_fold_oddly() -> None:
    """A dotted capital I ("HAİ") or a long s ("ſáu", "UſD") matches the numerals, unit words and qualifiers without
    case, but lower() does not give the word back: nothing is read from it, and nothing raises."""
    texts = (
        "Giá HAİ triệu đồng mỗi lượng",
        "Sản lượng ſáu tấn",
        "ſáu nghìn tỷ đồng, HAİ phần trăm",
        "Quyết định số 5 UſD",
        "năm 2020 UſD, hai ba UſD",
        "hàng TRİỆU người",
        "Doanh thu dự kİến đạt 5 tỷ đồng, chỉ tİêu 7 tỷ đồng",
    )
    for text in texts:
        _well_formed(extract_metrics(text))
    assert parse_number("HAİ triệu") is None


# --- the budget of numbers ------------------------------------------------------------------------------


def test_a_text_is_read_for_its_budget_of_numbers(monkeypatch: pytest.MonkeyPatch) -> None:
    sentence = "Giá lúa tăng 5% so với tuần trước. "
    assert len(extract_metrics(sentence * 12)) == 12
    monkeypatch.setattr("vnnews_extract.metrics.grammar.MAX_NUMBERS", 5)
    monkeypatch.setattr("vnnews_extract.metrics.grammar.MIN_CHARS_PER_NUMBER", 10_000)
    metrics = extract_metrics(sentence * 12)
    assert [m.changes[0].value for m in metrics] == [Decimal(5)] * 5  # the first five, then nothing


def test_a_page_shares_one_budget_between_its_passages(monkeypatch: pytest.MonkeyPatch) -> None:
    paragraph = "Giá lúa tăng 5% so với tuần trước. Giá gạo tăng 3% so với tuần trước."
    page = "<html><body><h1>Giá lúa gạo tuần này tăng nhẹ</h1>" + f"<h2>Vùng</h2><p>{paragraph}</p>" * 4
    assert len(extract(page + "</body></html>").metrics) == 8
    monkeypatch.setattr("vnnews_extract.metrics.grammar.MAX_NUMBERS", 3)
    monkeypatch.setattr("vnnews_extract.metrics.grammar.MIN_CHARS_PER_NUMBER", 10_000)
    article = extract(page + "</body></html>")
    assert [(m.section, m.changes[0].value) for m in article.metrics] == [(0, 5), (0, 3), (1, 5)]


def test_number_words_are_found_after_a_letter_that_folds_to_two() -> None:
    text = "Straße: thu hai nghìn tấn"  # "ß".casefold() is "ss": positions in the folded text move by one
    assert [text[i : i + 3] for i in number_starts(text)] == ["hai", "ngh"]
