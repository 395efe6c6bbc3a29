"""The `timeout` budget of `extract()`: a cooperative deadline checked between stages."""

from __future__ import annotations

import math
import threading
import time

import pytest

from vnnews_extract import errors, extract
from vnnews_extract.deadline import check_deadline, deadline_scope

_PAGE = "Giá lúa tăng\n\nGiá lúa hôm nay tăng 200 đồng/kg so với tuần trước, nông dân phấn khởi.\n"


def test_generous_budget_changes_nothing() -> None:
    assert extract(_PAGE, timeout=30) == extract(_PAGE)


@pytest.mark.parametrize("timeout", [None, math.inf])
def test_no_budget(timeout: float | None) -> None:
    assert extract(_PAGE, timeout=timeout).title == "Giá lúa tăng"


def test_spent_budget_raises_our_timeout_error() -> None:
    with pytest.raises(errors.ExtractionTimeoutError, match="timeout") as caught:
        extract(_PAGE, timeout=1e-9)
    assert isinstance(caught.value, errors.ExtractionError)
    assert isinstance(caught.value, TimeoutError)


def test_slow_stage_is_stopped_at_the_next_check(monkeypatch: pytest.MonkeyPatch) -> None:
    from vnnews_extract import pipeline

    real_segment = pipeline.segment

    def slow_segment(page: object) -> object:
        time.sleep(0.2)
        return real_segment(page)  # type: ignore[arg-type]

    monkeypatch.setattr(pipeline, "segment", slow_segment)
    started = time.monotonic()
    with pytest.raises(errors.ExtractionTimeoutError, match="segment"):
        extract(_PAGE, timeout=0.05)
    assert time.monotonic() - started < 1.0


@pytest.mark.parametrize("timeout", [0, -1, math.nan, "5", True])
def test_invalid_budget_is_refused_with_our_error(timeout: object) -> None:
    with pytest.raises(errors.UnsupportedInputError, match="timeout"):
        extract(_PAGE, timeout=timeout)  # type: ignore[arg-type]


def test_nested_scopes_keep_the_tighter_deadline() -> None:
    with deadline_scope(1e-9), deadline_scope(60):
        time.sleep(0.001)
        with pytest.raises(errors.ExtractionTimeoutError):
            check_deadline("test")
    check_deadline("outside any scope")


def test_deadline_is_per_thread() -> None:
    seen: list[BaseException | None] = []

    def other() -> None:
        try:
            check_deadline("other thread")
            seen.append(None)
        except BaseException as exc:
            seen.append(exc)

    with deadline_scope(1e-9):
        time.sleep(0.001)
        thread = threading.Thread(target=other)
        thread.start()
        thread.join()
    assert seen == [None]


def test_timeout_error_crosses_process_boundaries() -> None:
    import pickle

    error = errors.ExtractionTimeoutError("the page took longer than the 2 s timeout (stopped in segment)")
    again = pickle.loads(pickle.dumps(error))
    assert type(again) is errors.ExtractionTimeoutError
    assert str(again) == str(error)
