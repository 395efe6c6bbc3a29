"""The explain report rendered by a real headless browser: highlights and labels are there and visible.

Uses Playwright driving the system's Chromium (Debian's `chromium` package); skipped when either is
missing. Set VNNEWS_REPORT_SCREENSHOT=path to also save a screenshot (the README's is made this way).
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from fixture_paths import FIXTURES

from vnnews_extract.explain import explain
from vnnews_extract.report import render_report

sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")
CHROMIUM = next((p for n in ("chromium", "chromium-browser", "google-chrome") if (p := shutil.which(n))), None)
pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="no Chromium on this machine")

# Flags for a sandboxed, offline machine: no background connections, no first-run UI, fresh profile.
_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def test_report_highlights_and_labels_are_visible(tmp_path: Path) -> None:
    explanation = explain(FIXTURES / "seed_langson.txt")
    report = tmp_path / "report.html"
    report.write_text(render_report(explanation), encoding="utf-8")
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=_FLAGS)
        try:
            page = browser.new_page(viewport={"width": 1200, "height": 1800})
            page.goto(report.as_uri())
            marks = page.locator("mark.metric")
            assert marks.count() == len(explanation.article.metrics)
            assert marks.first.is_visible()
            assert page.locator(".metric-card").first.is_visible()
            assert page.get_by_text("removed: views").is_visible()
            assert page.get_by_text("removed: comments").is_visible()
            assert page.locator(".section-head", has_text="Thứ nhất").is_visible()
            removed = page.locator(".block.removed").first
            assert removed.evaluate("e => getComputedStyle(e).color") != page.locator(".block.kept").first.evaluate(
                "e => getComputedStyle(e).color"
            )
            if shot := os.environ.get("VNNEWS_REPORT_SCREENSHOT"):
                page.screenshot(path=shot, full_page=False)
        finally:
            browser.close()
