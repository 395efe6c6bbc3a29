"""`vnnews-extract batch`: outputs, the inputs = articles + errors invariant, resume, timeout, Parquet."""

from __future__ import annotations

import csv
import gzip
import io
import json
import os
import signal
import time
from dataclasses import replace
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from vnnews_extract import extract
from vnnews_extract.batch.cli import main
from vnnews_extract.batch.outputs import METRIC_COLUMNS
from vnnews_extract.model import Article, Change, Metric

pytest.importorskip("pebble")
warcio = pytest.importorskip("warcio")
from warcio.statusandheaders import StatusAndHeaders  # noqa: E402
from warcio.warcwriter import WARCWriter  # noqa: E402


def page(n: int) -> str:
    return f"Tin số {n}: sản lượng điện tăng\n\nSản lượng điện tháng này đạt {n} tỷ kWh, tăng 5,1% so với cùng kỳ."


def with_metric(source: Any, *, url: str | None = None, timeout: float | None = None) -> Article:
    """The real extract, plus one known metric, so the metrics table does not depend on stage 6's progress."""
    article = extract(source, url=url)
    metric = Metric(
        subject="sản lượng điện\n tháng",
        value=Decimal("1320000000"),
        unit="kWh",
        changes=(Change("up", Decimal("5.1"), "%"),),
        basis="same_period_last_year",
        text="1.320 triệu kWh",
    )
    return replace(article, metrics=(metric, replace(metric, value=Decimal("2.5"), parent=0)))


def text_of(source: Any) -> str:
    """The page a fake extractor was given: files arrive as paths, read in the worker."""
    return source.read_text(encoding="utf-8") if isinstance(source, Path) else str(source)


def interrupt_on_seventh(source: Any, *, url: str | None = None, timeout: float | None = None) -> Article:
    """Behaves like Ctrl-C arriving while the seventh page is being extracted."""
    if "Tin số 7:" in text_of(source):
        raise KeyboardInterrupt
    return with_metric(source, url=url)


def hanging(source: Any, *, url: str | None = None, timeout: float | None = None) -> Article:
    if "Tin số 2:" in text_of(source):
        time.sleep(60)
    return with_metric(source, url=url)


def make_inputs(root: Path) -> tuple[list[str], int]:
    """One input of every kind, good and bad; returns the INPUT arguments and how many inputs they hold."""
    pages = root / "pages"
    (pages / "sub").mkdir(parents=True)
    (pages / "a.html").write_text(f"<html><body><h1>Tin</h1><p>{page(1)}</p></body></html>", encoding="utf-8")
    (pages / "sub" / "b.txt").write_text(page(2), encoding="utf-8")
    (pages / "c.txt.gz").write_bytes(gzip.compress(page(3).encode()))
    (pages / "rong.html").write_bytes(b"")  # empty → EmptyInputError
    (pages / "nhi-phan.htm").write_bytes(bytes(range(256)) * 8)  # binary → UndecodableInputError
    (pages / "bo-qua.pdf").write_bytes(b"%PDF-1.4")  # skipped by the directory walk: not an input
    dump = root / "dump.jsonl"
    dump.write_text(
        "\n".join([json.dumps({"url": "https://bao.vn/4", "text": page(4)}), "{hỏng", json.dumps({"x": 1})]),
        encoding="utf-8",
    )
    warc = root / "crawl.warc.gz"
    with warc.open("wb") as stream:
        writer = WARCWriter(stream, gzip=True)
        for n in (5, 6):
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/plain; charset=utf-8")], protocol="HTTP/1.1")
            body = io.BytesIO(page(n).encode())
            writer.write_record(
                writer.create_warc_record(f"https://bao.vn/{n}", "response", payload=body, http_headers=headers)
            )
    cut = root / "cut.warc.gz"
    cut.write_bytes(warc.read_bytes()[:-40])  # page 5 whole, then a truncated record
    # pages/: 5 inputs; dump: 3; crawl: 2; cut: 1 page + 1 failure; missing: 1 failure
    return [str(pages), str(dump), str(warc), str(cut), str(root / "khong-co.html")], 13


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def summary_of(err: str) -> str:
    return next(line for line in err.splitlines() if line.startswith("inputs "))


def test_every_input_is_an_article_or_an_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    inputs, expected = make_inputs(tmp_path)
    out = tmp_path / "out"
    assert main([*inputs, "-o", str(out), "--workers", "2"], extractor=with_metric) == 0
    articles, errors = read_jsonl(out / "articles.jsonl"), read_jsonl(out / "errors.jsonl")
    assert len(articles) + len(errors) == expected
    assert len(articles) == 7
    kinds = ["EmptyInputError", "UndecodableInputError", "BadRecordError", "BadRecordError"]
    kinds += ["TruncatedArchiveError", "MissingInputError"]
    assert sorted(e["error"] for e in errors) == sorted(kinds)
    assert summary_of(capsys.readouterr().err).startswith(f"inputs {expected} = articles 7 + errors 6")
    summary = json.loads((out / "summary.json").read_text())
    assert (summary["inputs"], summary["articles"], summary["errors"]) == (expected, 7, 6)
    by_url = {a["url"]: a for a in articles}
    assert by_url["https://bao.vn/4"]["input_id"] == f"{tmp_path / 'dump.jsonl'}:1"
    assert by_url["https://bao.vn/6"]["input_id"].startswith(f"{tmp_path / 'crawl.warc.gz'}@")
    with (out / "metrics.csv").open(encoding="utf-8", newline="") as stream:
        rows = list(csv.DictReader(stream))
    assert tuple(rows[0]) == METRIC_COLUMNS
    assert len(rows) == 2 * len(articles)
    first = rows[0]
    assert first["value"] == "1320000000" and first["unit"] == "kWh" and first["subject"] == "sản lượng điện tháng"
    assert json.loads(first["changes"]) == [{"direction": "up", "value": "5.1", "unit": "%"}]
    assert rows[1]["parent"] == "0" and rows[1]["input_id"] == first["input_id"]


def test_progress_bar_stays_quiet_off_a_terminal(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "a.txt").write_text(page(1), encoding="utf-8")
    assert main([str(tmp_path / "a.txt"), "-o", str(tmp_path / "out"), "--workers", "1"]) == 0
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.strip().splitlines() == [summary_of(captured.err)]


def test_resume_after_an_interrupted_run(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pages = tmp_path / "pages"
    pages.mkdir()
    for n in range(1, 13):
        (pages / f"{n:02d}.txt").write_text(page(n), encoding="utf-8")
    (pages / "00-rong.txt").write_bytes(b"")
    out = tmp_path / "out"
    args = [str(pages), "-o", str(out), "--workers", "1"]
    assert main(args, extractor=interrupt_on_seventh) == 130
    first_run = read_jsonl(out / "articles.jsonl")
    assert 0 < len(first_run) < 12
    assert "interrupted" in capsys.readouterr().err
    # a crash mid-write: metric rows of an article whose line never made it, and half a line
    with (out / "metrics.csv").open("a", encoding="utf-8") as stream:
        stream.write(f"{pages / '99.txt'},,0,x,1,kWh,[],,,,,,,\n")
    with (out / "articles.jsonl").open("a", encoding="utf-8") as stream:
        stream.write('{"input_id": "' + str(pages / "12.txt") + '", "title": "cắt ngang')

    assert main(args, extractor=with_metric) == 2  # refuses to mix runs without --resume
    assert main([*args, "--resume"], extractor=with_metric) == 0
    articles, errors = read_jsonl(out / "articles.jsonl"), read_jsonl(out / "errors.jsonl")
    ids = [a["input_id"] for a in articles] + [e["input_id"] for e in errors]
    assert sorted(ids) == sorted(str(p) for p in pages.iterdir())  # each input exactly once
    assert len(errors) == 1
    line = summary_of(capsys.readouterr().err)
    assert line.startswith(f"inputs 13 = articles 12 + errors 1 ({13 - len(first_run) - 1} this run")
    with (out / "metrics.csv").open(encoding="utf-8", newline="") as stream:
        rows = list(csv.DictReader(stream))
    assert sorted({r["input_id"] for r in rows}) == sorted(a["input_id"] for a in articles)
    assert len(rows) == 2 * len(articles)


def test_a_page_past_the_timeout_is_an_error(tmp_path: Path) -> None:
    for n in range(1, 5):
        (tmp_path / f"{n}.txt").write_text(page(n), encoding="utf-8")
    out = tmp_path / "out"
    started = time.monotonic()
    code = main([str(tmp_path), "-o", str(out), "--workers", "2", "--timeout", "1"], extractor=hanging)
    assert code == 0 and time.monotonic() - started < 20
    errors = read_jsonl(out / "errors.jsonl")
    assert [(Path(e["input_id"]).name, e["error"]) for e in errors] == [("2.txt", "ExtractionTimeoutError")]
    assert len(read_jsonl(out / "articles.jsonl")) == 3


def test_stdin_jsonl(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    lines = "\n".join(json.dumps({"url": f"https://bao.vn/{n}", "html": f"<p>{page(n)}</p>"}) for n in range(3))
    assert main(["-", "-o", str(tmp_path / "out"), "--workers", "0"], stdin=io.BytesIO(lines.encode())) == 0
    articles = read_jsonl(tmp_path / "out" / "articles.jsonl")
    assert [a["input_id"] for a in articles] == ["-:1", "-:2", "-:3"]
    assert summary_of(capsys.readouterr().err).startswith("inputs 3 = articles 3 + errors 0")


def test_parquet_metrics_match_the_csv(tmp_path: Path) -> None:
    pq = pytest.importorskip("pyarrow.parquet")
    for n in range(1, 4):
        (tmp_path / f"{n}.txt").write_text(page(n), encoding="utf-8")
    out = tmp_path / "out"  # inside the input directory: its own .jsonl files must not be read back as input
    assert main([str(tmp_path), "-o", str(out), "--workers", "0", "--format", "parquet"], extractor=with_metric) == 0
    table = pq.read_table(out / "metrics.parquet")
    assert tuple(table.column_names) == METRIC_COLUMNS
    assert table.num_rows == 6
    assert table.column("value").to_pylist()[:2] == ["1320000000", "2.5"]
    assert table.column("parent").to_pylist()[:2] == [None, 0]


def test_usage_errors(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["a.html"]) == 2  # no -o
    assert main(["a.html", "-o", str(tmp_path), "--workers", "-1"]) == 2
    assert main(["a.html", "-o", str(tmp_path), "--timeout", "0"]) == 2
    assert main(["a.html", "-o", str(tmp_path), "--scheduler", "tcp://x:8786"]) == 2
    (tmp_path / "a-file").write_text("x")
    assert main(["a.html", "-o", str(tmp_path / "a-file")]) == 2  # OUTDIR is a file
    assert main(["--help"]) == 0
    assert "--resume" in capsys.readouterr().out


@pytest.mark.skipif(not hasattr(signal, "SIGINT") or os.name != "posix", reason="needs POSIX signals")
def test_ctrl_c_in_a_real_process_leaves_resumable_outputs(tmp_path: Path) -> None:
    import subprocess
    import sys

    pages = tmp_path / "pages"
    pages.mkdir()
    for n in range(400):
        (pages / f"{n:04d}.txt").write_text(page(n), encoding="utf-8")
    out = tmp_path / "out"
    src = Path(__file__).resolve().parents[1] / "src"
    code = "import sys; from vnnews_extract.batch.cli import main; sys.exit(main(sys.argv[1:]))"
    command = [sys.executable, "-c", code, str(pages), "-o", str(out), "--workers", "2"]
    env = {**os.environ, "PYTHONPATH": str(src)}
    process = subprocess.Popen(command, env=env, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 30
    articles = out / "articles.jsonl"
    while time.monotonic() < deadline and (not articles.exists() or articles.stat().st_size < 2000):
        time.sleep(0.01)
    process.send_signal(signal.SIGINT)
    _, err = process.communicate(timeout=30)
    done = len(read_jsonl(articles))
    assert process.returncode in (0, 130)
    assert summary_of(err).startswith(f"inputs {done} = articles {done} + errors 0")
    assert subprocess.run([*command, "--resume"], env=env, capture_output=True, timeout=60).returncode == 0
    ids = [a["input_id"] for a in read_jsonl(articles)]
    assert len(ids) == len(set(ids)) == 400


def test_ctrl_c_while_a_record_is_written_waits_for_the_record() -> None:
    from vnnews_extract.batch.cli import _RecordGuard

    guard = _RecordGuard()
    written = []
    with pytest.raises(KeyboardInterrupt), guard.record():
        guard.on_interrupt(signal.SIGINT, None)  # arrives mid-write: deferred
        written.append("record")
    assert written == ["record"]
    with pytest.raises(KeyboardInterrupt):
        guard.on_interrupt(signal.SIGINT, None)  # between records: at once
