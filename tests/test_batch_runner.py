"""extract_many: one result per input in input order, bad pages as Failures, timeouts kill the worker."""

from __future__ import annotations

import gzip
import os
import time
from pathlib import Path
from typing import Any

import pytest

from vnnews_extract import extract
from vnnews_extract.batch import Failure, Item, extract_many
from vnnews_extract.batch.inputs import iter_inputs
from vnnews_extract.model import Article

pytest.importorskip("pebble")

SLOW_MARK = "TRANG-CHAM"  # "slow page": the fake extractor below hangs on pages carrying it


def page(n: int) -> str:
    return f"Tin số {n}: giá thép tăng\n\nGiá thép xây dựng hôm nay tăng {n} nghìn đồng/tấn tại miền Bắc."


def hanging_extract(source: Any, *, url: str | None = None, timeout: float | None = None) -> Article:
    """Writes its pid next to the page's marker file, then hangs on a slow page; real extract otherwise."""
    if isinstance(source, str) and source.startswith(SLOW_MARK):
        Path(source.split()[1]).write_text(str(os.getpid()))
        time.sleep(60)
    return extract(source, url=url)


def jittery_extract(source: Any, *, url: str | None = None, timeout: float | None = None) -> Article:
    """Even-numbered pages finish last, so results arrive out of order unless the runner reorders them."""
    number = int(str(source).split()[2].rstrip(":"))
    time.sleep(0.02 if number % 2 == 0 else 0)
    return extract(source, url=url)


def exploding_extract(source: Any, *, url: str | None = None, timeout: float | None = None) -> Article:
    if "nổ" in str(source):  # "explodes"
        raise RuntimeError("lỗi ngoài ý muốn")
    if "chết" in str(source):  # "dies": the worker process exits under the page
        os._exit(3)
    return extract(source, url=url)


def test_results_keep_input_order_across_workers() -> None:
    results = list(extract_many([page(n) for n in range(24)], workers=2, extractor=jittery_extract))
    assert [r.title for r in results] == [f"Tin số {n}: giá thép tăng" for n in range(24)]  # type: ignore[union-attr]


def test_bad_pages_become_failures_in_place(tmp_path: Path) -> None:
    (tmp_path / "a.html").write_text(page(1), encoding="utf-8")
    (tmp_path / "b-rong.html").write_bytes(b"")
    (tmp_path / "c-nhi-phan.html").write_bytes(bytes(range(256)) * 8)
    (tmp_path / "d.txt.gz").write_bytes(gzip.compress(page(4).encode()))
    (tmp_path / "e-hong.html.gz").write_bytes(b"\x1f\x8b not really gzip")
    results = list(extract_many(iter_inputs([str(tmp_path)]), workers=2))
    summary = [r.error if isinstance(r, Failure) else "Article" for r in results]
    assert summary == ["Article", "EmptyInputError", "UndecodableInputError", "Article", "UndecodableInputError"]
    assert [r.input_id for r in results if isinstance(r, Failure)] == [
        str(tmp_path / name) for name in ("b-rong.html", "c-nhi-phan.html", "e-hong.html.gz")
    ]


def test_any_exception_and_a_dying_worker_are_failures_not_crashes() -> None:
    inputs = [page(1), "Trang nổ\n\nnổ", page(2), "Trang chết\n\nchết", page(3)]
    results = list(extract_many(inputs, workers=2, extractor=exploding_extract))
    kinds = [r.error if isinstance(r, Failure) else "Article" for r in results]
    assert kinds == ["Article", "RuntimeError", "Article", "WorkerCrashError", "Article"]
    assert results[1].input_id == "#1"  # type: ignore[union-attr]


def test_timeout_fails_the_page_and_kills_its_worker(tmp_path: Path) -> None:
    marker = tmp_path / "pid"
    inputs = [page(1), f"{SLOW_MARK} {marker}", page(2), page(3), page(4)]
    started = time.monotonic()
    results = list(extract_many(inputs, workers=1, timeout=1.0, extractor=hanging_extract))
    elapsed = time.monotonic() - started
    kinds = [r.error if isinstance(r, Failure) else "Article" for r in results]
    assert kinds == [
        "Article",
        "ExtractionTimeoutError",
        "Article",
        "Article",
        "Article",
    ]  # the one worker was replaced
    assert elapsed < 20
    pid = int(marker.read_text())
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline and _alive(pid):
        time.sleep(0.05)
    assert not _alive(pid)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True


def test_in_process_mode_and_argument_checks() -> None:
    results = list(extract_many([page(1), b"", Item("mine", page(2), "https://bao.vn/2")], workers=0))
    assert isinstance(results[0], Article) and isinstance(results[1], Failure) and results[1].input_id == "#1"
    assert isinstance(results[2], Article) and results[2].url == "https://bao.vn/2"
    with pytest.raises(ValueError):
        extract_many([page(1)], workers=-1)


def echo_timeout(source: Any, *, url: str | None = None, timeout: float | None = None) -> Article:
    return Article(title=repr(timeout))


@pytest.mark.parametrize("workers", [0, 1])
def test_the_budget_reaches_extract_which_stops_itself(workers: int) -> None:
    assert [r.title for r in extract_many([page(1)], workers=workers, timeout=2.5, extractor=echo_timeout)] == ["2.5"]  # type: ignore[union-attr]
    results = list(extract_many([page(1), page(2)], workers=workers, timeout=1e-9))  # the real pipeline's checks
    assert [r.error for r in results] == ["ExtractionTimeoutError"] * 2  # type: ignore[union-attr]


def test_inputs_are_consumed_lazily() -> None:
    pulled = 0

    def endless() -> Any:
        nonlocal pulled
        n = 0
        while True:
            pulled += 1
            n += 1
            yield page(n)

    results = extract_many(endless(), workers=2)
    first = [next(results) for _ in range(5)]
    results.close()  # type: ignore[attr-defined]
    assert all(isinstance(r, Article) for r in first)
    assert pulled < 1000  # a bounded window ahead, not the whole (endless) stream
