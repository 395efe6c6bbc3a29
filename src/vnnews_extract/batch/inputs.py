"""Batch inputs → a stream of `Item` (or `Failure` for an input that cannot even be read).

Users hand us saved pages, JSONL dumps of ``{url, html}`` / ``{url, text}`` and WARC archives, by path,
directory, glob, remote URL or stdin. Everything is streamed: a directory of a million files or a 1 GB
WARC is read one page at a time, so memory does not grow with the size of the input.

How an input is read is decided by its name (a ``.gz`` suffix is looked through): `PAGE_SUFFIXES` are one
page per file, `JSONL_SUFFIXES` one page per line, `WARC_SUFFIXES` one page per response record. A file
named explicitly with another suffix is read as one page; a directory walk keeps only the known suffixes.
Stdin (``-``) has no name, so its first bytes decide.
"""

from __future__ import annotations

import glob
import gzip
import json
import os
import sys
import zlib
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO, Any, Protocol, cast

from ..decode import MAX_INPUT_BYTES
from ..errors import BadRecordError, MissingInputError, TruncatedArchiveError
from .model import Failure, Item

__all__ = [
    "JSONL_SUFFIXES",
    "PAGE_SUFFIXES",
    "WARC_SUFFIXES",
    "Readable",
    "input_files",
    "iter_inputs",
    "read_jsonl",
    "read_stream",
    "read_warc",
]

PAGE_SUFFIXES = (".html", ".htm", ".xhtml", ".txt")
"""Files holding one page each (saved pages, or the text a scraper pulled out of one)."""
JSONL_SUFFIXES = (".jsonl", ".ndjson")
"""One JSON object per line, with the page under ``html`` or ``text`` and optionally its ``url``."""
WARC_SUFFIXES = (".warc",)
"""Web archives (ISO 28500), as written by Common Crawl, Heritrix, wget --warc-file, Browsertrix."""


class Readable(Protocol):
    """The one method the readers need from a byte stream (a file, stdin, an fsspec file, a wrapper)."""

    def read(self, size: int = -1, /) -> bytes: ...


_GZIP_MAGIC = b"\x1f\x8b"
_WARC_MAGIC = b"WARC/"
_SNIFF_BYTES = 64

# HTTP content types worth extracting from a WARC response; images, PDFs, scripts… are not pages.
_PAGE_CONTENT_TYPES = ("text/html", "application/xhtml+xml", "text/plain")

_GLOB_CHARS = frozenset("*?[")


def _kind(name: str) -> str | None:
    """How a file is read, from its name: "page", "jsonl", "warc" or None (unknown).

    >>> [_kind(n) for n in ("a.HTML", "b.jsonl.gz", "CC-MAIN-1.warc.gz", "notes.pdf")]
    ['page', 'jsonl', 'warc', None]
    """
    lowered = name.lower().removesuffix(".gz")
    for kind, suffixes in (("page", PAGE_SUFFIXES), ("jsonl", JSONL_SUFFIXES), ("warc", WARC_SUFFIXES)):
        if lowered.endswith(suffixes):
            return kind
    return None


def _is_glob(spec: str) -> bool:
    return not _GLOB_CHARS.isdisjoint(spec)


def _walk(directory: Path, skip: frozenset[Path] = frozenset()) -> Iterator[Path]:
    """Files under `directory` with a known suffix, in a stable (sorted) order so ids and resume agree.

    Directories in `skip` (resolved paths) are not entered: the batch's own OUTDIR may sit inside an input
    directory, and reading its growing ``articles.jsonl`` back as input would never end.
    """
    for root, dirs, files in os.walk(directory):
        dirs[:] = sorted(d for d in dirs if Path(root, d).resolve() not in skip)
        for name in sorted(files):
            if _kind(name) is not None:
                yield Path(root, name)


def _open_binary(path: Path) -> IO[bytes]:
    """A file opened for reading, decompressed when it is gzip (WARC readers take the raw file)."""
    if path.name.lower().endswith(".gz"):
        return cast(IO[bytes], gzip.open(path, "rb"))
    return path.open("rb")


def read_jsonl(stream: Iterable[bytes], name: str) -> Iterator[Item | Failure]:
    """One `Item` per non-blank line of a JSONL stream; a line that is not a page record is a `Failure`.

    >>> import io
    >>> lines = io.BytesIO(b'{"url": "https://vd.vn/1", "html": "<p>Tin</p>"}\\n\\nnot json\\n')
    >>> [(type(r).__name__, r.id if isinstance(r, Item) else r.error) for r in read_jsonl(lines, "d.jsonl")]
    [('Item', 'd.jsonl:1'), ('Failure', 'BadRecordError')]
    """
    for number, line in enumerate(stream, start=1):
        if not line.strip():
            continue
        input_id = f"{name}:{number}"
        try:
            yield _jsonl_item(input_id, json.loads(line))
        except (ValueError, BadRecordError) as exc:  # json.JSONDecodeError and UnicodeDecodeError are ValueErrors
            yield Failure.of(input_id, None, exc if isinstance(exc, BadRecordError) else BadRecordError(str(exc)))


def _jsonl_item(input_id: str, record: Any) -> Item:
    if not isinstance(record, dict):
        raise BadRecordError(f"expected a JSON object, got {type(record).__name__}")
    url = record.get("url")
    url = url if isinstance(url, str) else None
    for field in ("html", "text"):
        page = record.get(field)
        if isinstance(page, str):
            return Item(input_id, page, url)
    raise BadRecordError("the record has no 'html' or 'text' string")


class _Tally:
    """A read-only stream wrapper that counts bytes and keeps the last few, to see where a WARC ended."""

    def __init__(self, stream: Readable) -> None:
        self._stream = stream
        self.count = 0
        self.tail = b""

    def read(self, size: int = -1, /) -> bytes:
        data = self._stream.read(size)
        self.count += len(data)
        self.tail = (self.tail + data)[-_SNIFF_BYTES:]
        return data

    def drain(self) -> None:
        while self.read(1 << 16):
            pass


def _http_charset(content_type: str | None) -> str | None:
    """The charset of an HTTP Content-Type header, if any.

    >>> _http_charset("text/html; charset=Windows-1258")
    'windows-1258'
    """
    if not content_type:
        return None
    for param in content_type.split(";")[1:]:
        key, _, value = param.partition("=")
        if key.strip().lower() == "charset" and value.strip():
            return value.strip().strip("\"'").lower()
    return None


def _payload(body: bytes, charset: str | None) -> str | bytes:
    """The page as text when the HTTP header's charset decodes it, else the bytes for `extract` to sniff."""
    if charset:
        try:
            return body.decode(charset)
        except (LookupError, UnicodeDecodeError):
            pass
    return body


def read_warc(stream: Readable, name: str) -> Iterator[Item | Failure]:
    """One `Item` per HTML/text response record of a WARC (gzip or not); a truncated tail is one `Failure`.

    warcio stops quietly at a record cut short, so the end of the last whole record is compared with the
    bytes actually in the stream: anything left over but blank padding means the file was cut off.
    """
    from warcio.archiveiterator import ArchiveIterator  # type: ignore[import-untyped]  # deferred: WARC only
    from warcio.exceptions import ArchiveLoadFailed  # type: ignore[import-untyped]

    tally = _Tally(stream)
    records = ArchiveIterator(tally)
    end = 0
    try:
        for record in records:
            item = _warc_item(record, name)
            declared = record.rec_headers.get_header("Content-Length") or ""
            short = record.raw_stream.limit > 0 or not declared.strip().isdigit()  # block or headers cut
            offset, length = records.get_record_offset(), records.get_record_length()
            if short:
                raise TruncatedArchiveError(f"{name}: the record at byte {offset} is cut short")
            end = offset + length
            if item is not None:
                yield Item(f"{name}@{offset}", item.source, item.url)
        tally.drain()
        left_over = tally.count - end
        if left_over > 0 and (left_over > len(tally.tail) or tally.tail[-left_over:].strip()):
            raise TruncatedArchiveError(f"{name}: {left_over} bytes after byte {end} are not a whole record")
    except TruncatedArchiveError as exc:
        yield Failure.of(f"{name}@{end}", None, exc)
    except (ArchiveLoadFailed, EOFError, OSError, ValueError, zlib.error, AttributeError) as exc:
        # warcio meets a cut-off header with ArchiveLoadFailed, EOFError or even AttributeError
        yield Failure.of(f"{name}@{end}", None, TruncatedArchiveError(f"{name}: unreadable after byte {end}: {exc}"))


def _is_page_response(record: Any) -> bool:
    """A successful (2xx) HTTP response whose content type is a page: redirects, error pages, images,
    PDFs, requests, metadata and revisit records are not inputs (Common Crawl WARCs are full of them)."""
    if record.rec_type != "response" or record.http_headers is None:
        return False
    if not str(record.http_headers.get_statuscode() or "").startswith("2"):
        return False
    content_type = record.http_headers.get_header("Content-Type")
    return not content_type or content_type.lower().lstrip().startswith(_PAGE_CONTENT_TYPES)


def _warc_item(record: Any, name: str) -> Item | None:
    """The page of a response record, or None for records that are not pages (`_is_page_response`).

    The record is read to its end here (the iterator needs that to report its offset and length).
    """
    if not _is_page_response(record):
        record.raw_stream.read()
        return None
    content_type = record.http_headers.get_header("Content-Type")
    body = record.content_stream().read(MAX_INPUT_BYTES + 1)
    record.raw_stream.read()
    url = record.rec_headers.get_header("WARC-Target-URI")
    return Item(name, _payload(body, _http_charset(content_type)), url)


class _Rejoined:
    """A stream whose first bytes were already read to sniff it: serves them again, then the rest."""

    def __init__(self, head: bytes, rest: Readable) -> None:
        self._head = head
        self._rest = rest

    def read(self, size: int = -1, /) -> bytes:
        if not self._head:
            return self._rest.read(size)
        if size < 0:
            data, self._head = self._head + self._rest.read(), b""
            return data
        data, self._head = self._head[:size], self._head[size:]
        return data + self._rest.read(size - len(data)) if len(data) < size else data

    def __iter__(self) -> Iterator[bytes]:
        line = b""
        while chunk := self.read(1 << 16):
            *lines, line = (line + chunk).split(b"\n")
            for whole in lines:
                yield whole + b"\n"
        if line:
            yield line


def _sniff(stream: Readable) -> tuple[bytes, _Rejoined]:
    head = b""
    while len(head) < _SNIFF_BYTES and (chunk := stream.read(_SNIFF_BYTES - len(head))):
        head += chunk
    return head, _Rejoined(head, stream)


def read_stream(stream: Readable, name: str) -> Iterator[Item | Failure]:
    """A stream without a file name (stdin): gzip is looked through, then WARC, JSONL or one page.

    >>> import io
    >>> [r.id for r in read_stream(io.BytesIO(b'{"text": "Tin nhanh"}\\n{"text": "Tin 2"}'), "-")]
    ['-:1', '-:2']
    >>> [r.id for r in read_stream(io.BytesIO(b"<html><p>Tin</p></html>"), "-")]
    ['-']
    """
    head, rejoined = _sniff(stream)
    if head.startswith(_GZIP_MAGIC):
        # GzipFile only seeks to rewind, which a one-pass read never does: a pipe is fine.
        head, rejoined = _sniff(gzip.GzipFile(fileobj=cast(IO[bytes], rejoined), mode="rb"))
    if head.startswith(_WARC_MAGIC):
        yield from read_warc(rejoined, name)
    elif head.lstrip().startswith(b"{"):
        yield from read_jsonl(rejoined, name)
    else:
        yield Item(name, rejoined.read(MAX_INPUT_BYTES + 1))


def _read_file(path: Path, name: str, explicit: bool) -> Iterator[Item | Failure]:
    kind = _kind(path.name)
    if kind is None and not explicit:
        return
    if kind in ("page", None):
        yield Item(name, path)
        return
    try:
        # warcio reads gzip members itself, and the offsets of those members are the useful ids
        with path.open("rb") if kind == "warc" else _open_binary(path) as stream:
            yield from (read_warc if kind == "warc" else read_jsonl)(stream, name)
    except (OSError, EOFError, zlib.error) as exc:  # unreadable, or a .gz cut short or corrupt
        yield Failure.of(name, None, BadRecordError(f"{name}: cannot read: {exc}"))


def _read_local(spec: str, skip: frozenset[Path], explicit: bool = True) -> Iterator[Item | Failure]:
    path = Path(spec)
    if path.is_dir():
        for file in _walk(path, skip):
            yield from _read_file(file, str(file), explicit=False)
    elif path.exists():
        yield from _read_file(path, spec, explicit)
    else:
        yield Failure.of(spec, None, MissingInputError(f"{spec}: no such file or directory"))


def _read_remote(spec: str) -> Iterator[Item | Failure]:
    """A file behind a URL (``s3://``, ``https://``, ``gs://``…) read through fsspec, as Dask does."""
    try:
        import fsspec  # type: ignore[import-untyped,import-not-found,unused-ignore]  # optional: the dask extra
    except ImportError:
        yield Failure.of(spec, None, MissingInputError(f"{spec}: reading URLs needs fsspec (the [dask] extra)"))
        return
    kind = _kind(spec.rsplit("/", 1)[-1]) or "page"
    try:
        compression = "gzip" if spec.lower().endswith(".gz") and kind != "warc" else None
        with fsspec.open(spec, "rb", compression=compression) as stream:
            if kind == "warc":
                yield from read_warc(stream, spec)
            elif kind == "jsonl":
                yield from read_jsonl(stream, spec)
            else:
                yield Item(spec, stream.read(MAX_INPUT_BYTES + 1), spec)
    except (OSError, EOFError) as exc:
        yield Failure.of(spec, None, MissingInputError(f"{spec}: cannot read: {exc}"))


def _expand_url(spec: str) -> list[str]:
    """The URLs a pattern such as ``s3://bucket/crawl/*/warc/*.warc.gz`` matches, listed through fsspec.

    HTTP has no listing (and ``?`` starts its query string), so http(s) URLs are taken as they are.
    """
    if spec.lower().startswith(("http://", "https://")) or not _is_glob(spec.split("://", 1)[1]):
        return [spec]
    try:
        from fsspec.core import url_to_fs  # type: ignore[import-untyped,import-not-found,unused-ignore]
    except ImportError:
        return [spec]  # reading it then reports that fsspec is needed
    filesystem, pattern = url_to_fs(spec)
    return [str(filesystem.unstrip_protocol(path)) for path in sorted(filesystem.glob(pattern))]


def iter_inputs(
    specs: Iterable[str], stdin: Readable | None = None, skip: Iterable[Path] = ()
) -> Iterator[Item | Failure]:
    """Every page named by `specs` (paths, directories, globs, URLs, ``-`` for stdin), in order, streamed.

    A name that matches nothing is a `Failure`, so a typo shows up in the run's error count. Directory
    walks do not enter the directories in `skip` (the batch's OUTDIR).
    """
    skipped = frozenset(path.resolve() for path in skip)
    for spec in specs:
        if spec == "-":
            yield from read_stream(stdin if stdin is not None else sys.stdin.buffer, "-")
        elif "://" in spec:
            urls = _expand_url(spec)
            if not urls:
                yield Failure.of(spec, None, MissingInputError(f"{spec}: the pattern matches no file"))
            for url in urls:
                yield from _read_remote(url)
        elif _is_glob(spec):
            matches = sorted(glob.glob(spec, recursive=True))
            if not matches:
                yield Failure.of(spec, None, MissingInputError(f"{spec}: the pattern matches no file"))
            for match in matches:
                yield from _read_local(match, skipped, explicit=True)
        else:
            yield from _read_local(spec, skipped)


def input_files(specs: Iterable[str]) -> Iterator[str]:
    """The files (and URLs) `specs` name, directories walked and globs expanded, without opening any.

    This is how work is split on a cluster: each file is read by the worker it lands on. A name that
    matches nothing is kept, so that reading it reports the `Failure`.
    """
    for spec in specs:
        if "://" in spec:
            yield from _expand_url(spec) or [spec]
            continue
        matches = sorted(glob.glob(spec, recursive=True)) if _is_glob(spec) else [spec]
        for match in matches or [spec]:
            if Path(match).is_dir():
                yield from map(str, _walk(Path(match)))
            else:
                yield match
