"""Class/id hints: the one-scan reader answers as asking every kind's own pattern does."""

from __future__ import annotations

import random

import pytest

from vnnews_extract.segment import hints

# Names as CMSs write them (lowercased, camelCase split as the segmenter does), and near misses.
_NAMES = (
    "box-tinlienquan clearfix",
    "detail-content tac-gia",
    "fb-comments",
    "header-ad",
    "adm-mainsection",
    "stage tag-article",
    "related-news sapo",
    "main-content-detail block_ads_connect",
    "photo-cms_caption",
    "navbar-menu breadcrumb",
    "footer copyright",
    "sr-only",
    "",
)


def _asked_one_by_one(names: str) -> frozenset[str]:
    return frozenset(kind for kind, pattern in hints.HINT_KINDS if pattern.search(names))


@pytest.mark.parametrize("names", _NAMES)
def test_known_names(names: str) -> None:
    assert hints.kinds_named(names) == _asked_one_by_one(names)


def test_words_glued_and_cut() -> None:
    """Random glue of the words every kind looks for, and pieces of them: where a word starts or ends
    matters to some kinds ("ad" alone, "tag…" at a name's start), and a longer word may hide a shorter one."""
    words = [w for _, pattern in hints.HINT_KINDS for w in hints._PATTERN_LITERALS[pattern]]
    pieces = [*words, *(w[:-1] for w in words), *(w[1:] for w in words), "x", "1", "-", "_", " "]
    rng = random.Random(11)
    for _ in range(5000):
        names = rng.choice(["", "-", "_", " "]).join(rng.choice(pieces) for _ in range(rng.randint(1, 5)))
        assert hints.kinds_named(names) == _asked_one_by_one(names), names
