"""The time budget of one `extract()` call: a cooperative deadline.

Python cannot safely interrupt a running function from outside (a signal only works in the main thread
and would override the caller's own handlers; lxml's C parser cannot be interrupted at all), so the
budget is *cooperative*: `extract()` opens a `deadline_scope`, and the pipeline calls `check_deadline`
between stages and inside its long loops. Past the deadline the next check raises
`ExtractionTimeoutError`. The overshoot is therefore at most the time from one check to the next: at
worst the whole stage that was running when the budget ran out (a stage that checks inside its loops
overshoots by one iteration). A batch that must bound wall time hard should run pages in worker
processes.

The deadline lives in a `ContextVar`, so concurrent calls in threads or asyncio tasks each see their own,
and a stage can check it without the deadline being threaded through every function signature.
"""

from __future__ import annotations

import math
import time
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from .errors import ExtractionTimeoutError, UnsupportedInputError

__all__ = ["check_deadline", "deadline_scope"]

_DEADLINE: ContextVar[tuple[float, float] | None] = ContextVar("vnnews_extract_deadline", default=None)
"""(monotonic time past which work stops, the budget in seconds) of the innermost open scope, or None."""


def _validated(timeout: object) -> float | None:
    """The budget in seconds, or None for no limit; anything but a positive number is refused.

    >>> _validated(None), _validated(2), _validated(0.5)
    (None, 2.0, 0.5)
    >>> _validated(math.inf) is None
    True
    """
    if timeout is None:
        return None
    if isinstance(timeout, bool) or not isinstance(timeout, int | float) or math.isnan(timeout) or timeout <= 0:
        raise UnsupportedInputError(f"timeout must be a positive number of seconds or None, not {timeout!r}")
    return None if math.isinf(timeout) else float(timeout)


@contextmanager
def deadline_scope(timeout: object) -> Iterator[None]:
    """Run the body with a budget of `timeout` seconds (None: no budget); nested scopes keep the tighter one.

    >>> with deadline_scope(60):
    ...     check_deadline("parse")
    """
    budget = _validated(timeout)
    outer = _DEADLINE.get()
    current = outer
    if budget is not None:
        mine = (time.monotonic() + budget, budget)
        current = mine if outer is None or mine[0] < outer[0] else outer
    token = _DEADLINE.set(current)
    try:
        yield
    finally:
        _DEADLINE.reset(token)


def check_deadline(stage: str) -> None:
    """Raise `ExtractionTimeoutError` when the current scope's budget is spent; cheap enough for inner loops.

    `stage` names where the work stood, for the message.
    """
    current = _DEADLINE.get()
    if current is not None and time.monotonic() > current[0]:
        raise ExtractionTimeoutError(f"the page took longer than the {current[1]:g} s timeout (stopped in {stage})")
