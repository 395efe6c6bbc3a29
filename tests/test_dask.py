"""The Dask path on a real `LocalCluster` with 2 worker processes: every input accounted for, metrics in Parquet."""

from __future__ import annotations

import gzip
import io
import json
import sys
from collections.abc import Iterator
from dataclasses import replace
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from vnnews_extract import extract
from vnnews_extract.batch.outputs import METRIC_COLUMNS
from vnnews_extract.model import Article, Change, Metric

distributed = pytest.importorskip("distributed")
pq = pytest.importorskip("pyarrow.parquet")
cloudpickle = pytest.importorskip("cloudpickle")
warcio = pytest.importorskip("warcio")
from warcio.statusandheaders import StatusAndHeaders  # noqa: E402
from warcio.warcwriter import WARCWriter  # noqa: E402

from vnnews_extract.batch.cli import main  # noqa: E402
from vnnews_extract.dask import extract_bag, metrics_frame, read_items, write_outputs  # noqa: E402

# The workers are separate processes that cannot import this test module: ship its functions by value.
cloudpickle.register_pickle_by_value(sys.modules[__name__])


def page(n: int) -> str:
    return f"Tin số {n}: xuất khẩu gạo tăng\n\nXuất khẩu gạo quý này đạt {n} triệu tấn, tăng 12% so với cùng kỳ."


def with_metric(source: Any, *, url: str | None = None, timeout: float | None = None) -> Article:
    metric = Metric(
        subject="xuất khẩu gạo", value=Decimal("3000000"), unit="tấn", changes=(Change("up", Decimal(12), "%"),)
    )
    return replace(extract(source, url=url), metrics=(metric,))


@pytest.fixture(scope="module")
def client() -> Iterator[Any]:
    with (
        distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster,
        distributed.Client(cluster) as connected,
    ):
        yield connected


def make_inputs(root: Path) -> tuple[list[str], int]:
    pages = root / "pages"
    pages.mkdir()
    for n in range(1, 6):
        (pages / f"{n}.txt").write_text(page(n), encoding="utf-8")
    (pages / "6.html.gz").write_bytes(gzip.compress(f"<p>{page(6)}</p>".encode()))
    (pages / "rong.html").write_bytes(b"")
    dump = root / "dump.jsonl"
    dump.write_text(json.dumps({"url": "https://bao.vn/7", "text": page(7)}) + "\nkhông phải JSON\n", encoding="utf-8")
    warc = root / "crawl.warc.gz"
    with warc.open("wb") as stream:
        writer = WARCWriter(stream, gzip=True)
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
        body = io.BytesIO(f"<html><body><p>{page(8)}</p></body></html>".encode())
        writer.write_record(
            writer.create_warc_record("https://bao.vn/8", "response", payload=body, http_headers=headers)
        )
    return [str(pages), str(dump), str(warc), str(root / "khong-co.txt")], 11


def read_parts(directory: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for part in sorted(directory.glob("*.jsonl")) for line in part.read_text().splitlines()]


def test_bag_to_articles_errors_and_metrics_parquet(client: Any, tmp_path: Path) -> None:
    inputs, expected = make_inputs(tmp_path)
    out = tmp_path / "out"
    counts = write_outputs(extract_bag(read_items(inputs), extractor=with_metric), str(out))
    assert counts == {"articles": 8, "errors": 3}
    assert sum(counts.values()) == expected
    articles, errors = read_parts(out / "articles"), read_parts(out / "errors")
    assert len({a["input_id"] for a in articles}) == 8
    assert {a["url"] for a in articles} >= {"https://bao.vn/7", "https://bao.vn/8"}
    assert sorted(e["error"] for e in errors) == ["BadRecordError", "EmptyInputError", "MissingInputError"]
    table = pq.read_table(out / "metrics.parquet")  # the directory of parts, read as one table
    assert set(METRIC_COLUMNS) <= set(table.column_names)
    assert table.num_rows == 8
    assert set(table.column("value").to_pylist()) == {"3000000"}
    assert sorted(table.column("input_id").to_pylist()) == sorted(a["input_id"] for a in articles)


def test_cli_engine_dask_on_a_scheduler_address(
    client: Any, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    inputs, expected = make_inputs(tmp_path)
    out = tmp_path / "out"
    assert main([*inputs, "-o", str(out), "--engine", "dask", "--scheduler", client.scheduler.address]) == 0
    assert f"inputs {expected} = articles 8 + errors 3" in capsys.readouterr().err
    assert len(read_parts(out / "articles")) == 8
    assert main([*inputs, "-o", str(out), "--engine", "dask", "--resume"]) == 2


def test_metrics_frame_is_a_dask_dataframe_of_every_metric(client: Any, tmp_path: Path) -> None:
    inputs, _ = make_inputs(tmp_path)
    frame = metrics_frame(extract_bag(read_items(inputs), extractor=with_metric))
    assert list(frame.columns) == list(METRIC_COLUMNS)
    table = frame.compute()
    assert len(table) == 8 and set(table["unit"]) == {"tấn"}
    assert table["input_id"].is_unique
