"""Bad input: only `vnnews_extract.errors` escape, each naming what is wrong."""

from __future__ import annotations

from pathlib import Path

import pytest

from vnnews_extract import errors, extract


@pytest.mark.parametrize(
    ("source", "error"),
    [
        ("", errors.EmptyInputError),
        ("   \n\t ", errors.EmptyInputError),
        (b"", errors.EmptyInputError),
        (bytes(range(256)) * 8, errors.UndecodableInputError),
        (12345, errors.UnsupportedInputError),
        (Path("/nonexistent/page.html"), errors.UnsupportedInputError),
    ],
    ids=["empty-str", "whitespace", "empty-bytes", "binary", "int", "missing-path"],
)
def test_bad_input_raises_our_error(source: object, error: type[errors.ExtractionError]) -> None:
    with pytest.raises(error) as caught:
        extract(source)
    assert isinstance(caught.value, errors.ExtractionError)
    assert str(caught.value)


def test_oversized_input_is_refused_before_parsing(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("vnnews_extract.pipeline.MAX_INPUT_BYTES", 10)
    with pytest.raises(errors.InputTooLargeError):
        extract("x" * 11)


def test_unexpected_failure_inside_a_stage_is_wrapped(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(_: object) -> None:
        raise IndexError("deep inside")

    monkeypatch.setattr("vnnews_extract.pipeline.segment", broken)
    with pytest.raises(errors.InternalExtractionError, match="IndexError"):
        extract("Tiêu đề\n\nMột đoạn văn.")
