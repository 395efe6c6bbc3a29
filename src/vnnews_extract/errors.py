"""The exceptions `vnnews_extract` raises.

Every failure a caller can see is an `ExtractionError`, so a batch job needs one ``except`` clause to
record a bad page and move on. Each subclass names what is wrong with the *input*, not where the code
was when it noticed.
"""

from __future__ import annotations

__all__ = [
    "EmptyInputError",
    "ExtractionError",
    "ExtractionTimeoutError",
    "InputTooLargeError",
    "InternalExtractionError",
    "NoArticleError",
    "UndecodableInputError",
    "UnsupportedInputError",
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
    """The input is larger than the configured limit; raised before any parsing work is done."""


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
