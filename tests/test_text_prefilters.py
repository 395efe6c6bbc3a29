"""Cheap tests that rule a line out before a costly pattern runs must never rule out a line the pattern
would match: if a pattern gains an alternative, these fail until its prefilter follows."""

from __future__ import annotations

import random

from vnnews_extract.metadata import dates
from vnnews_extract.segment import text


def _date_like(rng: random.Random) -> str:
    """A numeric or worded date, with spacing, separators, years and neighbours of every kind, often broken."""
    day, month = rng.choice(["1", "05", "31", "9", "40"]), rng.choice(["1", "12", "07", "13"])
    year = rng.choice(["2026", "26", "1999", "202", ""])
    gaps = ["", " ", "  ", "\u00a0"]
    numeric = rng.choice(gaps).join([day, rng.choice("/-."), month, rng.choice("/-."), year])
    worded = f"{rng.choice(['ngày ', 'Ngày ', ''])}{day}{rng.choice(gaps[1:])}{rng.choice(['tháng', 'THÁNG'])} {month}"
    worded += rng.choice([f", {year}", f" năm {year}", f"năm{year}", ""])
    date = rng.choice([numeric, worded])
    cut = rng.randrange(len(date) + 1)
    if rng.random() < 0.3:  # a character dropped or doubled
        date = date[:cut] + date[cut + 1 :] if rng.random() < 0.5 else date[:cut] + date[cut : cut + 1] + date[cut:]
    return rng.choice(["", "Thứ Hai, ", "12 ", "lúc 10:30 "]) + date + rng.choice(["", " 10:30", "/1", ".5"])


_CRUMB_PIECES = ("Trang chủ", "Thời sự", "a", " ", "  ", "|", "»", "›", ">", "/", " > ", " / ", "\t", "-", "1/2")


def _samples(pieces: tuple[str, ...], seed: int, count: int = 20_000) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choice(pieces) for _ in range(rng.randint(1, 9))) for _ in range(count)]


def test_every_date_holds_what_the_date_prefilter_looks_for() -> None:
    found = 0
    rng = random.Random(1)
    for sample in (_date_like(rng) for _ in range(20_000)):
        if dates._DATE.search(sample) is not None:
            found += 1
            assert dates._DATE_HINT.search(sample) is not None, sample
    assert found > 500  # the samples do hold dates of every form


def test_every_crumb_separator_is_seen_by_the_substring_test() -> None:
    found = 0
    for sample in _samples(_CRUMB_PIECES, seed=2):
        line = " ".join(sample.split())  # as `_read_line` joins a line
        if text._CRUMB_SEPARATOR.search(line) is not None:
            found += 1
            assert text._is_breadcrumb(line) == (
                len(parts := [p for p in text._CRUMB_SEPARATOR.split(line) if p.strip()]) >= 2
                and all(len(p.split()) <= text._CRUMB_MAX_WORDS for p in parts)
            ), line
    assert found > 500
