"""Where test data lives (our own fixtures, the shared development corpus beside the checkout), and the
benchmark scorer the corpus tests share with `bench/`."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

FIXTURES = Path(__file__).parent / "fixtures"
CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus"
BENCH = Path(__file__).resolve().parents[1] / "bench"


def bench_module(name: str) -> ModuleType:
    """Import `bench/NAME.py` (bench/ is scripts, not a package), so tests score exactly as the bench does."""
    spec = importlib.util.spec_from_file_location(f"bench_{name}", BENCH / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while the class is built
    spec.loader.exec_module(module)
    return module


def expected_for(page: Path) -> dict[str, Any]:
    """The golden expectations written beside a fixture page (NAME.expected.json)."""
    data: dict[str, Any] = json.loads(page.with_suffix(".expected.json").read_text(encoding="utf-8"))
    return data
