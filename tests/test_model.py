"""The typed model: frozen, timezone-aware, JSON round trip."""

from __future__ import annotations

import dataclasses
import json
from datetime import datetime, timedelta, timezone
from decimal import Decimal

import pytest

from vnnews_extract import Article, Change, Metric, Section

ICT = timezone(timedelta(hours=7))


def _article() -> Article:
    total = Metric(
        subject="Tổng kim ngạch XNK",
        value=Decimal("1320000000"),
        unit="USD",
        changes=(Change("down", Decimal("47.6"), "%"),),
        basis="same_period_last_year",
        qualifier="estimate",
        period="6 tháng",
        text="1.320 triệu USD",
        sentence="Tổng kim ngạch XNK ước đạt 1.320 triệu USD, giảm 47,6% so với cùng kỳ",
        section=0,
    )
    part = dataclasses.replace(total, subject="xuất khẩu", value=Decimal("640000000"), parent=0, qualifier=None)
    return Article(
        title="Tiêu đề",
        lead="Mở đầu.",
        published=datetime(2020, 7, 15, tzinfo=ICT),
        tags=("xuất khẩu",),
        views=1746,
        sections=(Section(None, ("Đoạn một.",)), Section("Thứ nhất", ("Thứ nhất, làm việc.",))),
        captions=("Ảnh: A",),
        metrics=(total, part),
    )


def test_to_dict_round_trips_through_json() -> None:
    article = _article()
    assert Article.from_dict(json.loads(json.dumps(article.to_dict()))) == article


def test_to_dict_is_json_safe_strings_for_decimals_and_dates() -> None:
    data = _article().to_dict()
    assert data["metrics"][0]["value"] == "1320000000"
    assert data["published"] == "2020-07-15T00:00:00+07:00"


def test_models_are_frozen() -> None:
    with pytest.raises(dataclasses.FrozenInstanceError):
        _article().title = "x"  # type: ignore[misc]


def test_naive_datetime_is_refused() -> None:
    with pytest.raises(ValueError, match="timezone-aware"):
        Article(published=datetime(2020, 7, 15))


def test_vocabulary_fields_are_checked() -> None:
    with pytest.raises(ValueError, match="basis"):
        Metric(subject=None, value=None, unit=None, basis="yesterday")  # type: ignore[arg-type]


def test_body_text_is_lead_then_sections_without_repeating_enumeration_markers() -> None:
    assert _article().body_text == "Mở đầu.\n\nĐoạn một.\n\nThứ nhất, làm việc."
