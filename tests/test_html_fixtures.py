"""HTML pages we wrote in the layouts Vietnamese sites use, through `extract()`, field by field.

Each fixture stands for a family of layouts, not for one site: a modern CMS page with OpenGraph and
JSON-LD; a provincial portal built from tables with a "Lượt xem" counter; an article whose container
also holds a related-news box and the reader comments; an explainer with ``<h2>`` sections, a list and
a quote; a page with an image table and a data table; an older page closed by the writer's name in bold.
"""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from fixture_paths import FIXTURES, expected_for

from vnnews_extract import Article, extract
from vnnews_extract.vocab import CHROME_PHRASES, fold

PAGES = sorted((FIXTURES / "html").glob("*.html"))


@pytest.fixture(scope="module", params=PAGES, ids=[p.stem for p in PAGES])
def case(request: pytest.FixtureRequest) -> tuple[Article, dict[str, Any]]:
    page: Path = request.param
    return extract(page.read_bytes()), expected_for(page)


def test_there_are_six_layouts() -> None:
    assert len(PAGES) >= 6


@pytest.mark.parametrize("field", ["title", "lead", "author", "source", "site_name", "url", "category", "views"])
def test_field(case: tuple[Article, dict[str, Any]], field: str) -> None:
    article, expected = case
    assert getattr(article, field) == expected[field]


def test_tags(case: tuple[Article, dict[str, Any]]) -> None:
    article, expected = case
    assert list(article.tags) == expected["tags"]


@pytest.mark.parametrize("field", ["published", "updated"])
def test_dates_are_vietnam_time(case: tuple[Article, dict[str, Any]], field: str) -> None:
    article, expected = case
    value = getattr(article, field)
    if expected[field] is None:
        assert value is None
        return
    assert value == datetime.fromisoformat(expected[field])
    assert value.isoformat().endswith("+07:00")


def test_captions_kept_apart(case: tuple[Article, dict[str, Any]]) -> None:
    article, expected = case
    assert list(article.captions) == expected["captions"]
    for caption in article.captions:
        assert caption not in article.body_text


def test_sections(case: tuple[Article, dict[str, Any]]) -> None:
    article, expected = case
    assert [s.heading for s in article.sections] == expected["section_headings"]


def test_body_text(case: tuple[Article, dict[str, Any]]) -> None:
    article, expected = case
    assert article.body_text == expected["body_text"]
    assert article.lead is None or article.body_text.startswith(article.lead)


def test_no_chrome_in_body(case: tuple[Article, dict[str, Any]]) -> None:
    article, expected = case
    for text in expected["body_excludes"]:
        assert text not in article.body_text
    blocks = {fold(b) for b in article.body_text.split("\n\n")}
    phrases = {fold(p) for family in CHROME_PHRASES.values() for p in family}
    assert not blocks & phrases


def test_round_trip(case: tuple[Article, dict[str, Any]]) -> None:
    article, _ = case
    assert Article.from_dict(json.loads(json.dumps(article.to_dict()))) == article
