"""The `vnnews-extract` command, run in-process through `cli.main`."""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path

import pytest
from fixture_paths import FIXTURES

from vnnews_extract import Article
from vnnews_extract.cli import main

SEED = FIXTURES / "seed_langson.txt"


def test_json_output_is_one_object_per_input(capsys: pytest.CaptureFixture[str]) -> None:
    assert main([str(SEED), str(FIXTURES / "text" / "portal_meta_bar.txt")]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 2
    first = Article.from_dict(json.loads(lines[0]))
    assert first.views == 1746 and first.source == "Enternews"


def test_markdown_and_text_formats(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--format", "markdown", str(SEED)]) == 0
    markdown = capsys.readouterr().out
    assert markdown.startswith("# Ngành Công Thương Lạng Sơn")
    assert "## Thứ nhất" not in markdown  # an enumeration marker is not repeated as a heading
    assert main(["--format", "text", str(SEED)]) == 0
    assert "Lượt xem" not in capsys.readouterr().out


def test_unreadable_input_gives_one_line_error_and_nonzero_exit(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    empty = tmp_path / "empty.html"
    empty.write_bytes(b"")
    status = main([str(tmp_path / "missing.html"), str(empty), str(SEED)])
    captured = capsys.readouterr()
    assert status == 1
    errors = captured.err.strip().splitlines()
    assert len(errors) == 2 and all(e.startswith("vnnews-extract: ") for e in errors)
    assert len(captured.out.splitlines()) == 1  # the good page is still extracted


def test_reads_standard_input(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(SEED.read_bytes()), encoding="utf-8"))
    assert main([]) == 0
    assert json.loads(capsys.readouterr().out)["views"] == 1746
