"""The explain report: what was kept, removed and extracted, in one self-contained HTML file."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from fixture_paths import FIXTURES

from vnnews_extract.blocks import Role
from vnnews_extract.cli import main
from vnnews_extract.explain import explain
from vnnews_extract.report import render_report

SEED = FIXTURES / "seed_langson.txt"


def test_every_removed_block_has_a_reason() -> None:
    explanation = explain(SEED)
    removed = {b.text: b.reason for b in explanation.blocks if b.role is Role.CHROME}
    assert removed["Lượt xem: 1746"] == "views"
    assert removed["Thứ Năm, 21/11/2024 19:36:28 GMT+7"] == "clock"
    assert removed["Ý kiến bạn đọc :"] == "comments"
    assert removed["Quảng cáo"] == "ad"
    assert removed["Về đầu trang"] == "back_to_top"
    assert all(removed.values())


def test_origins_name_where_each_field_was_read() -> None:
    origins = explain(SEED).origins
    assert origins["views"] == "page: view counter"
    assert origins["published"] == "page: date line"
    assert origins["source"].startswith("page: credit line")
    assert "author" not in origins  # the page names no author


def test_html_fixture_origins_name_the_declaration() -> None:
    origins = explain(FIXTURES / "html" / "og_jsonld_news.html").origins
    assert origins["title"] == "page: headline"
    assert origins["author"] == "JSON-LD: author"
    assert origins["url"].startswith(("meta tag: og:url", "JSON-LD: url", "link rel=canonical"))
    assert origins["tags"] == "HTML markup: breadcrumb or tag box"


def test_report_highlights_every_metric_and_labels_removed_blocks() -> None:
    explanation = explain(SEED)
    report = render_report(explanation)
    marked = {int(i) for i in re.findall(r'<mark class="metric" data-metric="(\d+)"', report)}
    assert marked == set(range(len(explanation.article.metrics)))
    assert "removed: views" in report and "removed: clock" in report
    for i in range(len(explanation.article.metrics)):
        assert f'id="metric-{i}"' in report


def test_report_is_self_contained() -> None:
    report = render_report(explain(SEED))
    assert "<script" not in report
    assert "<link" not in report
    assert not re.search(r"""(?:src|href)\s*=\s*["']?(?:https?:)?//""", report)


def test_report_escapes_page_text() -> None:
    page = "<html><body><h1>Thử</h1><p>Một đoạn văn có chữ &lt;script&gt;alert(1)&lt;/script&gt; ở giữa câu.</p>"
    report = render_report(explain(page + "</body></html>"))
    assert "<script>alert" not in report
    assert "&lt;script&gt;alert(1)" in report


def test_cli_explain_writes_the_report(tmp_path: Path) -> None:
    out = tmp_path / "report.html"
    assert main(["explain", str(SEED), "-o", str(out)]) == 0
    assert out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


def test_cli_explain_reports_unreadable_input(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["explain", str(tmp_path / "missing.html"), "-o", str(tmp_path / "r.html")]) == 1
    assert capsys.readouterr().err.startswith("vnnews-extract: ")


def test_report_renders_for_every_corpus_page(corpus: Path) -> None:
    for page in sorted((corpus / "html").glob("*.html")):
        explanation = explain(page)
        report = render_report(explanation)
        marked = {int(i) for i in re.findall(r'<mark class="metric" data-metric="(\d+)"', report)}
        assert marked == set(range(len(explanation.article.metrics))), page.name
        assert "removed: " in report, page.name
