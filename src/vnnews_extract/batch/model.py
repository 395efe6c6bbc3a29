"""What flows through a batch: `Item` (one page to extract) in, `Article` or `Failure` out.

A batch must account for every input, so anything that goes wrong with one page — a JSONL line that is
not JSON, a cut-off WARC record, a page that never finishes — becomes a `Failure` in the output stream at
that page's place, never an exception that stops the run.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Union

from ..model import Article

__all__ = ["Failure", "Item", "PageSource", "Result"]

PageSource = Union[str, bytes, "os.PathLike[str]"]
"""What an `Item` carries: the page as text or raw bytes, or a local path read in the worker process
(``.gz`` files are decompressed there), so that the parent process never holds many pages at once."""


@dataclass(frozen=True)
class Item:
    """One page to extract.

    `id` names where the page came from and is stable between runs, which is what ``--resume`` keys on:
    the path of a file, ``file.jsonl:LINE`` for a JSONL line, ``file.warc.gz@OFFSET`` for a WARC record
    (the byte offset Common Crawl indexes use), ``-`` for a page read from stdin.
    """

    id: str
    source: PageSource
    url: str | None = None


@dataclass(frozen=True)
class Failure:
    """A page that produced no `Article`: which input, and why.

    `error` is the exception's class name (an `ExtractionError` subclass such as ``EmptyInputError``, or
    one of this module's input errors), so failures can be counted by kind.
    """

    input_id: str
    url: str | None
    error: str
    message: str

    @classmethod
    def of(cls, input_id: str, url: str | None, exc: BaseException) -> Failure:
        """The failure record for `exc` raised while reading or extracting input `input_id`.

        >>> from vnnews_extract.errors import MissingInputError
        >>> Failure.of("a.html", None, MissingInputError("a.html: no such file or directory"))
        Failure(input_id='a.html', url=None, error='MissingInputError', message='a.html: no such file or directory')
        """
        return cls(input_id=input_id, url=url, error=type(exc).__name__, message=str(exc))

    def to_dict(self) -> dict[str, Any]:
        return {"input_id": self.input_id, "url": self.url, "error": self.error, "message": self.message}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Failure:
        return cls(input_id=data["input_id"], url=data.get("url"), error=data["error"], message=data["message"])


Result = Article | Failure
"""What a batch yields for each input, in input order."""
