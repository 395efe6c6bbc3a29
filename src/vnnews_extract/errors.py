"""The exceptions `vnnews_extract` raises.

Every failure a caller can see is an `ExtractionError`, so a batch job needs one ``except`` clause to
record a bad page and move on. Each subclass names what is wrong with the *input*, not where the code
was when it noticed.
"""

from __future__ import annotations

__all__ = [
    "BadRecordError",
    "EmptyInputError",
    "ExtractionError",
    "ExtractionTimeoutError",
    "InputTooLargeError",
    "InternalExtractionError",
    "MissingInputError",
    "NoArticleError",
    "TruncatedArchiveError",
    "UndecodableInputError",
    "UnsupportedInputError",
    "WorkerCrashError",
]


class ExtractionError(Exception):
    """Base class: the input could not be turned into an `Article`."""


class UnsupportedInputError(ExtractionError, TypeError):
    """`extract()` was given an object it cannot read (not str, bytes, a path or a parsed tree)."""


class UndecodableInputError(ExtractionError, ValueError):
    """The bytes are not text in any encoding we can identify (binary data, or a broken file)."""


class EmptyInputError(ExtractionError, ValueError):
    """The input holds no text at all (an empty file, only whitespace or only markup)."""


class InputTooLargeError(ExtractionError, ValueError):
    """The input is past one of the size limits: its bytes (`decode.MAX_INPUT_BYTES`, checked before any
    work), or the lines of text it holds (`parse.MAX_LINES`: a page of a million one-word lines is a data
    dump, not an article, and would cost seconds line by line)."""


class ExtractionTimeoutError(ExtractionError, TimeoutError):
    """The page took longer than the ``timeout`` given to `extract()`.

    The budget is checked between stages and inside long loops (see `vnnews_extract.deadline`), so the
    error comes at most one stage after the budget ran out; the page is not half-extracted.
    """


class NoArticleError(ExtractionError):
    """The page parsed, but nothing on it reads as an article (a bare navigation or error page)."""


class InternalExtractionError(ExtractionError):
    """A stage failed in a way the input alone does not explain: a bug in vnnews_extract.

    Raised in place of the original exception (kept as ``__cause__``) so that batch jobs still see one
    of our errors; please report it together with the page.
    """


# Errors of a batch run: recorded for an input in errors.jsonl, never raised out of extract_many().


class BadRecordError(ExtractionError):
    """A record of a JSONL file is not a JSON object with an ``html`` or ``text`` string."""


class TruncatedArchiveError(ExtractionError):
    """A WARC file ends inside a record (a download or a crawl cut off); the records before it are kept."""


class MissingInputError(ExtractionError):
    """An input named on the command line does not exist, or a glob matches no file."""


class WorkerCrashError(ExtractionError):
    """The worker process died on the page (out of memory, a crash inside a C library); it was replaced."""
