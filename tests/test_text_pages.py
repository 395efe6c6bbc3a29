"""Plain-text pages (a scraper's get_text() output, chrome still in) through `extract()`, field by field.

The seed is the user's own page; the others are fixtures we wrote in the layouts such texts come in:
a government portal with a "|" meta bar and numbered points, a whole newspaper page with menus,
byline and related links, and a page with a live clock beside its "Cập nhật" line.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from fixture_paths import FIXTURES, expected_for

from vnnews_extract import Article, extract

PAGES = [FIXTURES / "seed_langson.txt", *sorted((FIXTURES / "text").glob("*.txt"))]


@pytest.fixture(scope="module", params=PAGES, ids=[p.stem for p in PAGES])
def case(request: pytest.FixtureRequest) -> tuple[Article, dict[str, Any]]:
    page: Path = request.param
    return extract(page.read_text(encoding="utf-8")), expected_for(page)


@pytest.mark.parametrize("field", ["title", "lead", "author", "source", "views"])
def test_field(case: tuple[Article, dict[str, Any]], field: str) -> None:
    article, expected = case
    assert getattr(article, field) == expected[field]


@pytest.mark.parametrize("field", ["published", "updated"])
def test_dates_are_aware_and_right(case: tuple[Article, dict[str, Any]], field: str) -> None:
    article, expected = case
    value = getattr(article, field)
    if expected[field] is None:
        assert value is None
    else:
        assert value == datetime.fromisoformat(expected[field])
        assert value.utcoffset() is not None


def test_captions_are_kept_apart(case: tuple[Article, dict[str, Any]]) -> None:
    article, expected = case
    assert list(article.captions) == expected["captions"]
    body_blocks = article.body_text.split("\n\n")
    assert not set(article.captions) & set(body_blocks)


def test_sections(case: tuple[Article, dict[str, Any]]) -> None:
    article, expected = case
    assert [s.heading for s in article.sections] == expected["section_headings"]


def test_body_keeps_first_and_last_sentence(case: tuple[Article, dict[str, Any]]) -> None:
    article, expected = case
    body = article.body_text
    assert body.startswith(article.lead or "")
    assert expected["body_first"] in body
    assert body.rstrip().endswith(expected["body_last"])


def test_no_chrome_in_body(case: tuple[Article, dict[str, Any]]) -> None:
    article, expected = case
    leftovers = [phrase for phrase in expected["body_excludes"] if phrase in article.body_text]
    assert leftovers == []
    assert article.title not in article.body_text.split("\n\n")


def test_seed_page_clock_is_not_the_publication_date() -> None:
    article = extract(FIXTURES / "seed_langson.txt")
    assert article.published is not None and article.published.year == 2020


def test_bytes_and_path_give_the_same_article() -> None:
    page = FIXTURES / "seed_langson.txt"
    assert extract(page.read_bytes()) == extract(page) == extract(page.read_text(encoding="utf-8"))
