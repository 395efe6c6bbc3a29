"""Batch input readers: every input kind becomes Items in a stable order, and every unreadable one a Failure."""

from __future__ import annotations

import gzip
import io
import json
from pathlib import Path

import pytest

from vnnews_extract.batch.inputs import iter_inputs, read_stream, read_warc
from vnnews_extract.batch.model import Failure, Item

warcio = pytest.importorskip("warcio")
from warcio.statusandheaders import StatusAndHeaders  # noqa: E402
from warcio.warcwriter import WARCWriter  # noqa: E402

PAGE = (
    "<html><head><title>Giá lúa gạo tăng</title></head><body><article><h1>Giá lúa gạo tăng</h1>"
    "<p>Giá lúa tại đồng bằng sông Cửu Long tăng 200 đồng/kg so với tuần trước.</p></article></body></html>"
)


def write_warc(path: Path, records: list[tuple[str, str, bytes]], *, compress: bool, status: str = "200 OK") -> bytes:
    """Write (url, content type, body) response records, each after its request; return the file's bytes."""
    with path.open("wb") as stream:
        writer = WARCWriter(stream, gzip=compress)
        for url, content_type, body in records:
            request = writer.create_warc_record(url, "request", payload=io.BytesIO(b"GET / HTTP/1.1\r\n\r\n"))
            writer.write_record(request)
            headers = StatusAndHeaders(status, [("Content-Type", content_type)], protocol="HTTP/1.1")
            writer.write_record(
                writer.create_warc_record(url, "response", payload=io.BytesIO(body), http_headers=headers)
            )
    return path.read_bytes()


# Windows-1258 writes tones as combining marks: "Đà Nẵng" is Đ, à, N, ă + combining tilde, ng.
OLD_PAGE = "<p>Tin cũ ở Đà N\u0103\u0303ng</p>".replace("ũ", "u\u0303").replace("ở", "\u01a1\u0309")

WARC_RECORDS = [
    ("https://bao.vn/lua-gao.html", "text/html; charset=utf-8", PAGE.encode()),
    ("https://bao.vn/anh.jpg", "image/jpeg", b"\xff\xd8\xff\xe0 not a page"),
    ("https://bao.vn/cu.html", "text/html; charset=windows-1258", OLD_PAGE.encode("cp1258")),
]


def ids(results: list[Item | Failure]) -> list[str]:
    return [r.id if isinstance(r, Item) else f"FAIL {r.input_id} {r.error}" for r in results]


def test_directory_walk_keeps_page_suffixes_in_sorted_order(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    for name in ("b.htm", "a.html", "c.txt", "sub/e.html", "notes.pdf", "z.HTML"):
        (tmp_path / name).write_text(PAGE, encoding="utf-8")
    (tmp_path / "d.html.gz").write_bytes(gzip.compress(PAGE.encode()))
    results = list(iter_inputs([str(tmp_path)]))
    names = [Path(r.id).relative_to(tmp_path).as_posix() for r in results if isinstance(r, Item)]
    assert names == ["a.html", "b.htm", "c.txt", "d.html.gz", "z.HTML", "sub/e.html"]
    assert all(isinstance(r, Item) and isinstance(r.source, Path) for r in results)


def test_explicit_file_with_unknown_suffix_is_one_page(tmp_path: Path) -> None:
    odd = tmp_path / "trang.dat"
    odd.write_bytes(PAGE.encode())
    assert ids(list(iter_inputs([str(odd)]))) == [str(odd)]


def test_glob_expands_recursively_and_missing_inputs_are_failures(tmp_path: Path) -> None:
    (tmp_path / "x" / "y").mkdir(parents=True)
    (tmp_path / "x" / "y" / "p.html").write_text(PAGE, encoding="utf-8")
    (tmp_path / "x" / "q.html").write_text(PAGE, encoding="utf-8")
    results = list(iter_inputs([f"{tmp_path}/**/*.html", str(tmp_path / "khong-co.html"), f"{tmp_path}/*.warc"]))
    assert ids(results) == [
        str(tmp_path / "x" / "q.html"),
        str(tmp_path / "x" / "y" / "p.html"),
        f"FAIL {tmp_path / 'khong-co.html'} MissingInputError",
        f"FAIL {tmp_path}/*.warc MissingInputError",
    ]


def test_jsonl_lines_become_items_and_bad_lines_failures(tmp_path: Path) -> None:
    lines = [
        json.dumps({"url": "https://bao.vn/1", "html": PAGE}),
        "",
        json.dumps({"url": "https://bao.vn/2", "text": "Giá xăng giảm\n\nGiá xăng giảm 300 đồng/lít."}),
        "{không phải JSON",
        json.dumps(["html", PAGE]),
        json.dumps({"url": "https://bao.vn/5", "html": None}),
    ]
    path = tmp_path / "dump.jsonl.gz"
    path.write_bytes(gzip.compress("\n".join(lines).encode()))
    results = list(iter_inputs([str(path)]))
    assert ids(results) == [
        f"{path}:1",
        f"{path}:3",
        f"FAIL {path}:4 BadRecordError",
        f"FAIL {path}:5 BadRecordError",
        f"FAIL {path}:6 BadRecordError",
    ]
    first, second = results[0], results[1]
    assert isinstance(first, Item) and first.url == "https://bao.vn/1" and first.source == PAGE
    assert isinstance(second, Item) and second.source.startswith("Giá xăng giảm")  # type: ignore[union-attr]


def test_truncated_gzip_jsonl_keeps_whole_lines_then_fails(tmp_path: Path) -> None:
    body = "\n".join(json.dumps({"text": f"Tin số {i}: giá cà phê tăng {i}%."}) for i in range(200)).encode()
    packed = gzip.compress(body)
    path = tmp_path / "cut.jsonl.gz"
    path.write_bytes(packed[: len(packed) // 2])
    results = list(iter_inputs([str(path)]))
    assert isinstance(results[-1], Failure) and results[-1].error == "BadRecordError"
    assert 0 < sum(isinstance(r, Item) for r in results) < 200


@pytest.mark.parametrize("compress", [True, False])
def test_warc_response_pages_with_offsets_and_header_charset(tmp_path: Path, compress: bool) -> None:
    path = tmp_path / ("crawl.warc.gz" if compress else "crawl.warc")
    write_warc(path, WARC_RECORDS, compress=compress)
    results = list(iter_inputs([str(path)]))
    assert all(isinstance(r, Item) for r in results)
    assert [r.url for r in results] == ["https://bao.vn/lua-gao.html", "https://bao.vn/cu.html"]  # type: ignore[union-attr]
    first, old = results
    assert isinstance(first, Item) and first.source == PAGE
    assert isinstance(old, Item) and old.source == OLD_PAGE  # decoded by the HTTP charset
    offsets = [int(r.id.rsplit("@", 1)[1]) for r in results]  # type: ignore[union-attr]
    data = path.read_bytes()
    for offset in offsets:  # each id points at the start of its record, as a Common Crawl index does
        record = gzip.decompress(data[offset:])[:9] if compress else data[offset : offset + 9]
        assert record.startswith(b"WARC/1.")


@pytest.mark.parametrize("compress", [True, False])
@pytest.mark.parametrize("keep", [0.9, 0.6])
def test_truncated_warc_keeps_whole_records_and_reports_the_cut(tmp_path: Path, compress: bool, keep: float) -> None:
    whole = write_warc(tmp_path / "full.warc", WARC_RECORDS * 3, compress=compress)
    cut = tmp_path / ("cut.warc.gz" if compress else "cut.warc")
    cut.write_bytes(whole[: int(len(whole) * keep)])
    results = list(iter_inputs([str(cut)]))
    *pages, last = results
    assert isinstance(last, Failure) and last.error == "TruncatedArchiveError"
    assert pages and all(isinstance(p, Item) for p in pages)
    assert len(pages) < 6  # two pages per copy of WARC_RECORDS; the cut one is not among them


def test_redirects_and_error_responses_are_not_pages(tmp_path: Path) -> None:
    for status in ("301 Moved Permanently", "404 Not Found"):
        path = tmp_path / f"{status[:3]}.warc"
        write_warc(path, WARC_RECORDS, compress=False, status=status)
        assert list(iter_inputs([str(path)])) == []


def test_not_a_warc_is_one_failure(tmp_path: Path) -> None:
    path = tmp_path / "rac.warc"
    path.write_bytes(b"day khong phai WARC\n" * 10)
    assert ids(list(iter_inputs([str(path)]))) == [f"FAIL {path}@0 TruncatedArchiveError"]


def test_stdin_is_sniffed_page_jsonl_or_gzipped_warc(tmp_path: Path) -> None:
    page = list(read_stream(io.BytesIO(PAGE.encode()), "-"))
    assert ids(page) == ["-"] and isinstance(page[0], Item) and page[0].source == PAGE.encode()
    lines = io.BytesIO(b'\n  {"html": "<p>a</p>"}\n{"text": "b"}\n')
    assert ids(list(iter_inputs(["-"], stdin=lines))) == ["-:2", "-:3"]
    warc = write_warc(tmp_path / "s.warc.gz", WARC_RECORDS, compress=True)
    from_stdin = list(iter_inputs(["-"], stdin=io.BytesIO(warc)))
    assert [r.url for r in from_stdin] == ["https://bao.vn/lua-gao.html", "https://bao.vn/cu.html"]  # type: ignore[union-attr]
    assert all(r.id.startswith("-@") for r in from_stdin)  # type: ignore[union-attr]


def test_warc_reader_works_on_a_non_seekable_stream(tmp_path: Path) -> None:
    data = write_warc(tmp_path / "p.warc", WARC_RECORDS, compress=False)

    class Pipe:
        def __init__(self) -> None:
            self._data = io.BytesIO(data)

        def read(self, size: int = -1, /) -> bytes:
            return self._data.read(min(size, 100) if size > 0 else size)

    assert len([r for r in read_warc(Pipe(), "pipe") if isinstance(r, Item)]) == 2


def test_empty_and_binary_files_are_read_as_pages(tmp_path: Path) -> None:
    (tmp_path / "rong.html").write_bytes(b"")
    (tmp_path / "nhi-phan.html").write_bytes(bytes(range(256)) * 4)
    assert len(list(iter_inputs([str(tmp_path)]))) == 2  # their extraction fails later, as Failures


def test_urls_are_read_through_fsspec(tmp_path: Path) -> None:
    pytest.importorskip("fsspec")
    write_warc(tmp_path / "crawl.warc.gz", WARC_RECORDS, compress=True)
    lines = json.dumps({"url": "https://bao.vn/9", "text": "Giá cao su tăng\n\nGiá cao su tăng 3%."})
    (tmp_path / "dump.jsonl.gz").write_bytes(gzip.compress(lines.encode()))
    (tmp_path / "trang.html").write_text(PAGE, encoding="utf-8")
    base = tmp_path.as_uri()
    results = list(
        iter_inputs([f"{base}/crawl.warc.gz", f"{base}/dump.jsonl.gz", f"{base}/trang.html", f"{base}/x.warc"])
    )
    assert ids(results)[:4] == [
        f"{base}/crawl.warc.gz@{results[0].id.rsplit('@', 1)[1]}",  # type: ignore[union-attr]
        f"{base}/crawl.warc.gz@{results[1].id.rsplit('@', 1)[1]}",  # type: ignore[union-attr]
        f"{base}/dump.jsonl.gz:1",
        f"{base}/trang.html",
    ]
    assert isinstance(results[3], Item) and results[3].source == PAGE.encode()
    assert isinstance(results[4], Failure) and results[4].error == "MissingInputError"


def test_url_patterns_are_listed_through_fsspec(tmp_path: Path) -> None:
    pytest.importorskip("fsspec")
    from vnnews_extract.batch.inputs import input_files

    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    write_warc(tmp_path / "a" / "1.warc.gz", WARC_RECORDS, compress=True)
    write_warc(tmp_path / "b" / "2.warc.gz", WARC_RECORDS, compress=True)
    pattern = f"{tmp_path.as_uri()}/*/*.warc.gz"
    files = list(input_files([pattern]))
    assert [f.rsplit("/", 2)[-2:] for f in files] == [["a", "1.warc.gz"], ["b", "2.warc.gz"]]
    assert all(f.startswith("file://") for f in files)
    assert len([r for r in iter_inputs([pattern]) if isinstance(r, Item)]) == 4
    nothing = f"{tmp_path.as_uri()}/*.jsonl"
    assert ids(list(iter_inputs([nothing]))) == [f"FAIL {nothing} MissingInputError"]
