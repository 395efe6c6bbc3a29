"""`extract_many`: many pages through `extract()` on a process pool, one result per page, in input order.

Extraction is CPU-bound pure Python, so pages go to worker processes (pebble's `ProcessPool`, whose tasks
can be given a timeout). A page's budget is enforced twice: `extract` checks it between stages and stops
itself (the worker lives on), and a page stuck where no check runs (inside lxml's C parser) has its worker
killed and replaced a little later, so one pathological page can neither stall the batch nor leave a
process spinning. Only a bounded window of pages is in
flight at a time, which keeps memory flat however long the input stream is, and results are yielded in
input order so that a caller can zip them with its inputs.
"""

from __future__ import annotations

import gzip
import os
import signal
import zlib
from collections import deque
from collections.abc import Callable, Generator, Iterable, Iterator
from concurrent.futures import Future
from concurrent.futures import TimeoutError as FutureTimeout
from typing import NamedTuple

from ..decode import MAX_INPUT_BYTES
from ..errors import ExtractionTimeoutError, InputTooLargeError, UndecodableInputError, WorkerCrashError
from ..model import Article
from ..pipeline import extract
from .model import Failure, Item, PageSource, Result

__all__ = ["Extractor", "Outcome", "extract_item", "extract_many", "extract_outcomes"]

Extractor = Callable[..., Article]
"""Anything called like ``extract(source, url=..., timeout=...)``; tests inject slow or failing ones."""


class Outcome(NamedTuple):
    """A result with the input it answers: what the batch outputs record (an Article has no input id)."""

    input_id: str
    url: str | None
    result: Result


_IN_FLIGHT_PER_WORKER = 32
"""Pages queued per worker. Results leave in input order, so one slow page holds back the pages after it;
a deep queue keeps the other workers busy meanwhile, at the cost of a few MB (32 pages of ~100 KB)."""


def _as_entry(position: int, entry: Item | Failure | PageSource) -> Item | Failure:
    """An input of `extract_many` as an `Item`: a path keeps its name as id, a page its position.

    >>> _as_entry(3, "<p>Tin nóng</p>").id, _as_entry(0, __import__("pathlib").Path("a.html")).id
    ('#3', 'a.html')
    """
    if isinstance(entry, Item | Failure):
        return entry
    if isinstance(entry, os.PathLike):
        return Item(os.fspath(entry), entry)
    return Item(f"#{position}", entry)


def _load(source: PageSource) -> PageSource:
    """Decompress a ``.gz`` file (refusing gzip bombs); every other source goes to `extract` as it is."""
    if not (isinstance(source, os.PathLike) and os.fspath(source).lower().endswith(".gz")):
        return source
    try:
        with gzip.open(source, "rb") as stream:
            data = stream.read(MAX_INPUT_BYTES + 1)
    except (OSError, EOFError, zlib.error) as exc:
        raise UndecodableInputError(f"{os.fspath(source)}: not a readable gzip file: {exc}") from exc
    if len(data) > MAX_INPUT_BYTES:
        raise InputTooLargeError(f"{os.fspath(source)} decompresses to more than {MAX_INPUT_BYTES:,} bytes")
    return data


def extract_item(item: Item, extractor: Extractor = extract, timeout: float | None = None) -> Result:
    """Extract one page within `timeout` seconds, turning any error into a `Failure`: what each worker runs.

    `extract` raises only `ExtractionError`s, but a batch must survive anything one page does, so every
    exception is caught here.
    """
    try:
        return extractor(_load(item.source), url=item.url, timeout=timeout)
    except Exception as exc:
        return Failure.of(item.id, item.url, exc)


def kill_after(timeout: float) -> float:
    """When a worker still busy with a page is killed: past the budget `extract` enforces itself, since its
    checks may overrun by one stage, so that a page that stops itself does not cost a new process.

    >>> kill_after(1), kill_after(60)
    (2.0, 90.0)
    """
    return timeout + max(1.0, timeout / 2)


def _settle(input_id: str, url: str | None, future: Future[Result], timeout: float | None) -> Result:
    """The result of a scheduled page, with a killed or dead worker turned into a `Failure`."""
    try:
        return future.result()
    except FutureTimeout:
        message = f"the page took longer than the {timeout:g} s timeout; its worker was killed"
        return Failure.of(input_id, url, ExtractionTimeoutError(message))
    except Exception as exc:  # pebble's ProcessExpired: the worker died (out of memory, a crash in C code)
        return Failure.of(input_id, url, WorkerCrashError(f"the worker process died: {exc}"))


def _ignore_interrupts() -> None:
    """Worker start-up: Ctrl-C reaches the whole process group, but only the parent may act on it.

    Otherwise a worker killed by the signal is reported as a crashed page, and ``--resume`` would then
    skip a page that never failed.
    """
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _serial(
    entries: Iterable[Item | Failure], timeout: float | None, extractor: Extractor
) -> Generator[Outcome, None, None]:
    for entry in entries:
        if isinstance(entry, Failure):
            yield Outcome(entry.input_id, entry.url, entry)
        else:
            yield Outcome(entry.id, entry.url, extract_item(entry, extractor, timeout))


def _pooled(
    entries: Iterable[Item | Failure], workers: int, timeout: float | None, extractor: Extractor
) -> Generator[Outcome, None, None]:
    from pebble import ProcessPool  # deferred: `import vnnews_extract` stays light

    window: deque[tuple[str, str | None, Future[Result] | Failure]] = deque()
    limit = workers * _IN_FLIGHT_PER_WORKER
    hard_limit = None if timeout is None else kill_after(timeout)
    pool = ProcessPool(max_workers=workers, initializer=_ignore_interrupts)
    finished = False

    def pop() -> Outcome:
        input_id, url, pending = window.popleft()
        return Outcome(
            input_id, url, pending if isinstance(pending, Failure) else _settle(input_id, url, pending, timeout)
        )

    try:
        for entry in entries:
            if isinstance(entry, Failure):
                window.append((entry.input_id, entry.url, entry))
            else:
                window.append(
                    (entry.id, entry.url, pool.schedule(extract_item, (entry, extractor, timeout), timeout=hard_limit))
                )
            if len(window) >= limit:
                yield pop()
        while window:
            yield pop()
        finished = True
    finally:
        if finished:
            pool.close()  # type: ignore[no-untyped-call]
        else:  # Ctrl-C, an error, or the caller stopped iterating: do not wait for queued pages
            pool.stop()  # type: ignore[no-untyped-call]
        pool.join()


def extract_outcomes(
    inputs: Iterable[Item | Failure | PageSource],
    *,
    workers: int | None = None,
    timeout: float | None = None,
    extractor: Extractor = extract,
) -> Generator[Outcome, None, None]:
    """Like `extract_many`, but each result comes with its input's id and url (what batch outputs key on)."""
    if workers is not None and workers < 0:
        raise ValueError(f"workers must be 0 (in this process) or more, not {workers}")
    if timeout is not None and timeout <= 0:
        raise ValueError(f"timeout must be a positive number of seconds, not {timeout}")
    entries = (_as_entry(position, entry) for position, entry in enumerate(inputs))
    count = (os.cpu_count() or 1) if workers is None else workers
    if count == 0:
        return _serial(entries, timeout, extractor)
    return _pooled(entries, count, timeout, extractor)


def extract_many(
    inputs: Iterable[Item | Failure | PageSource],
    *,
    workers: int | None = None,
    timeout: float | None = None,
    extractor: Extractor = extract,
) -> Iterator[Result]:
    """Extract every page of `inputs`, yielding one `Article` or `Failure` per input, in input order.

    An input is a page as `str` (HTML or text) or `bytes`, a path (``.gz`` is decompressed), an `Item`
    (page plus id and url, as `iter_inputs` reads them from files, JSONL and WARC) or a `Failure` passed
    through as it is. Nothing is raised for a bad page: it comes back as a `Failure` naming its error.

    `workers` is the number of processes (default: one per CPU; 0 runs in this process). `timeout` is in
    seconds per page: a page past it becomes an ``ExtractionTimeoutError`` failure. `extract` stops itself
    at the budget; in worker processes, a page that does not is killed with its worker at `kill_after`
    (in this process, nothing can be killed). `inputs` is consumed lazily, a bounded number of pages ahead.

    >>> [type(r).__name__ for r in extract_many(["Giá vàng tăng\\n\\nGiá vàng hôm nay tăng mạnh.", b""], workers=0)]
    ['Article', 'Failure']
    """
    return (
        outcome.result for outcome in extract_outcomes(inputs, workers=workers, timeout=timeout, extractor=extractor)
    )
