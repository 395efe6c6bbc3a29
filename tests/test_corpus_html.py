"""The development corpus (../shared/corpus/html + gold), scored as its README says; skipped without it.

Floors sit just under what the extractor reaches, so that a regression on real pages fails here. The
generic path (known-CMS table emptied) must hold the same floors: the table is a boost, not a crutch.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fixture_paths import bench_module

from vnnews_extract import Article, extract
from vnnews_extract.segment import hints

scoring = bench_module("scoring")


@pytest.fixture(params=["with-cms-table", "generic"])
def cms_table(request: pytest.FixtureRequest) -> Iterator[str]:
    saved = hints.KNOWN_CMS_CONTAINERS
    if request.param == "generic":
        hints.KNOWN_CMS_CONTAINERS = ()
    yield request.param
    hints.KNOWN_CMS_CONTAINERS = saved


def _pages(corpus: Path) -> list[tuple[str, dict[str, Any], Article]]:
    out = []
    for gold_path in sorted((corpus / "gold").glob("*.json")):
        html = corpus / "html" / f"{gold_path.stem}.html"
        if html.exists():
            gold = json.loads(gold_path.read_text(encoding="utf-8"))
            out.append((gold_path.stem, gold, extract(html.read_bytes(), url=gold.get("url"))))
    return out


def _share(flags: list[bool]) -> float:
    return sum(flags) / len(flags) if flags else 1.0


def test_corpus_floors(corpus: Path, cms_table: str) -> None:
    pages = _pages(corpus)
    assert pages
    full = [
        scoring.page_score("\n\n".join([a.body_text, *a.captions]), "\n\n".join([g["body"], *g["captions"]]))
        for _, g, a in pages
    ]
    alone = [scoring.page_score(a.body_text, g["body"]) for _, g, a in pages]
    with_captions, body = scoring.body_score(full), scoring.body_score(alone)
    assert with_captions.f1 >= 0.99
    assert with_captions.clean_share >= 0.94
    assert body.f1 >= 0.99
    assert _share([scoring.title_matches(a.title, g["title"]) for _, g, a in pages]) >= 0.98
    assert _share([scoring.date_matches(a.published, g["published"]) for _, g, a in pages if g["published"]]) >= 0.9
    assert _share([scoring.author_matches(a.author, g["author"]) for _, g, a in pages if g["author"]]) >= 0.9


def test_corpus_bodies_hold_no_chrome_phrase_or_caption(corpus: Path) -> None:
    phrases = (
        "Tin liên quan",
        "Xem thêm",
        "Đọc thêm",
        "TIN MỚI",
        "Bình luận",
        "Ý kiến bạn đọc",
        "Chia sẻ",
        "In bài",
        "Về đầu trang",
        "Lượt xem",
        "Quảng cáo",
    )
    for name, _, article in _pages(corpus):
        blocks = article.body_text.split("\n\n")
        for phrase in phrases:
            assert phrase not in blocks, name
        for caption in article.captions:
            assert caption not in blocks, name
