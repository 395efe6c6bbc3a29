"""The corpus as text (a naive scraper's get_text() of each page) and the scraped portal texts; skipped
without ../shared/corpus. Floors sit just under what the text segmenter reaches."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

from fixture_paths import bench_module

from vnnews_extract import extract

scoring = bench_module("scoring")


def test_text_track_body_and_captions(corpus: Path) -> None:
    scores = []
    for text_path in sorted((corpus / "text").glob("*.txt")):
        gold = json.loads((corpus / "gold" / f"{text_path.stem}.json").read_text(encoding="utf-8"))
        article = extract(text_path.read_text(encoding="utf-8"))
        predicted = article.body_text + "\n" + "\n".join(article.captions)
        scores.append(scoring.page_score(predicted, gold["body"] + "\n" + "\n".join(gold["captions"])))
    total = scoring.body_score(scores)
    assert total.f1 >= 0.96
    assert total.clean_share >= 0.85


def test_scraped_portal_texts(corpus: Path) -> None:
    for line in (corpus / "text_pages_dev.jsonl").read_text(encoding="utf-8").splitlines():
        case = json.loads(line)
        article = extract(case["text"])
        assert article.title == case["title"], case["id"]
        assert article.views == case["views"], case["id"]
        assert article.source == case["source"], case["id"]
        if case["published"]:
            gold = datetime.fromisoformat(case["published"])
            assert article.published is not None, case["id"]
            assert article.published.date() == gold.date(), case["id"]
            if "T" in case["published"]:
                assert article.published == gold, case["id"]
        blocks = article.body_text.split("\n\n")
        assert not [c for c in case["chrome"] if c.strip() and c.strip() in blocks], case["id"]
        assert case["body_first"] in article.body_text, case["id"]
        assert case["body_last"] in article.body_text, case["id"]
