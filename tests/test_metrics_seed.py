"""The user's page (tests/fixtures/seed_langson.txt): its figures, read paragraph by paragraph.

The pipeline test (the lead's) checks the whole page end to end; here `extract_metrics` reads the
paragraphs that hold figures, as the pipeline hands them over, and must give exactly the metrics the
core issue lists.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from vnnews_extract.metrics import extract_metrics
from vnnews_extract.model import Change, Metric

SEED = Path(__file__).parent / "fixtures" / "seed_langson.txt"
PARAGRAPHS = [p.strip() for p in SEED.read_text(encoding="utf-8").split("\n") if p.strip()]


def _paragraph(start: str) -> str:
    """The paragraph opening with `start` (the page writes non-breaking spaces; compare words only)."""
    wanted = " ".join(start.split())
    return next(p for p in PARAGRAPHS if " ".join(p.split()).startswith(wanted))


def _metrics(start: str) -> tuple[Metric, ...]:
    return extract_metrics(_paragraph(start))


def test_trade_total_and_its_breakdown() -> None:
    total, exports, imports, local = _metrics(
        "Tổng kim ngạch XNK qua địa bàn 6 tháng ước đạt 1.320 triệu USD, giảm 47,6% so với cùng kỳ, trong đó"
    )
    assert (total.value, total.unit) == (Decimal(1320000000), "USD")
    assert total.changes == (Change("down", Decimal("47.6"), "%"),)
    assert (total.basis, total.qualifier, total.period, total.parent) == (
        "same_period_last_year",
        "estimate",
        "6 tháng",
        None,
    )
    assert total.subject is not None and "kim ngạch XNK" in total.subject
    assert (exports.value, exports.unit, exports.parent, exports.subject) == (
        Decimal(640000000),
        "USD",
        0,
        "xuất khẩu",
    )
    assert exports.changes == (Change("down", Decimal("52.9"), "%"),)
    assert (imports.value, imports.parent, imports.subject) == (Decimal(680000000), 0, "nhập khẩu")
    assert imports.changes == (Change("down", Decimal("28.4"), "%"),)
    assert (local.value, local.unit, local.parent, local.qualifier) == (Decimal(42000000), "USD", None, "estimate")
    assert local.changes == (Change("down", Decimal("37.3"), "%"),)


def test_caption_figure_is_the_total() -> None:
    (caption,) = extract_metrics(PARAGRAPHS[PARAGRAPHS.index(_paragraph("6 tháng đầu năm, tình hình")) + 2])
    assert (caption.value, caption.unit, caption.qualifier) == (Decimal(1320000000), "USD", "estimate")


def test_industrial_production_index_is_change_only_with_four_branches() -> None:
    index, *branches = _metrics("Về chỉ số sản xuất công nghiệp")
    assert (index.value, index.unit) == (None, None)
    assert index.changes == (Change("up", Decimal("2.83"), "%"),)
    assert index.basis == "same_period_last_year"
    assert index.subject == "chỉ số sản xuất công nghiệp"
    assert [b.changes for b in branches] == [
        (Change("up", Decimal("3.67"), "%"),),
        (Change("down", Decimal("1.17"), "%"),),
        (Change("up", Decimal("6.56"), "%"),),
        (Change("up", Decimal("4.68"), "%"),),
    ]
    assert all(b.parent == 0 and b.value is None for b in branches)
    assert branches[1].subject == "công nghiệp chế biến, chế tạo"


def test_retail_sales() -> None:
    (retail,) = _metrics("Ông Phùng Quang Hội")
    assert (retail.value, retail.unit) == (Decimal(9316000000000), "VND")
    assert retail.changes == (Change("down", Decimal("8.64"), "%"),)
    assert retail.basis == "same_period_last_year"
    assert retail.subject == "tổng mức bán lẻ hàng hóa và dịch vụ tiêu dùng"


def test_land_clearance_target() -> None:
    (target,) = _metrics("Thứ tư,")
    assert (target.value, target.unit, target.qualifier) == (Decimal(70), "%", "target")


@pytest.mark.parametrize(
    "start",
    ["Thứ Năm, 21/11/2024", "Lượt xem", "Tin đăng lúc", "Thứ nhất,", "Thứ hai,", "Thứ ba,", "Thứ năm,", "Thứ sáu,"],
)
def test_no_metrics_in_dates_counters_and_decisions(start: str) -> None:
    assert _metrics(start) == ()


def test_whole_page_once_per_figure() -> None:
    figures = [m.text for m in extract_metrics(SEED.read_text(encoding="utf-8"))]
    assert figures.count("640 triệu USD") == 1
    assert "70%" in figures
    assert not any("128" in f or "2020" in f or "1746" in f for f in figures)
