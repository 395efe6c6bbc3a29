"""Shared fixtures for the tests."""

from __future__ import annotations

from pathlib import Path

import pytest
from fixture_paths import CORPUS


@pytest.fixture(scope="session")
def corpus() -> Path:
    """The development corpus beside the checkout (../shared/corpus); tests using it skip without it."""
    if not (CORPUS / "gold").is_dir():
        pytest.skip("../shared/corpus is not present")
    return CORPUS
