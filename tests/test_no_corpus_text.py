"""No committed file quotes the development corpus: its pages are third-party data (see README).

Every tracked text file is scanned for any 40-character window (whitespace collapsed) that also stands
in a corpus text (gold bodies, scraped texts, metrics passages). The user's own seed page is ours to use
and is left out. Skipped when ../shared/corpus is absent.
"""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest
from fixture_paths import FIXTURES

_WINDOW = 40
_STEP = 4  # windows of every file start this far apart; any quote of 44+ characters is still caught
_ROOT = Path(__file__).resolve().parents[1]


def _collapse(text: str) -> str:
    return " ".join(text.split())


def _corpus_texts(corpus: Path) -> list[str]:
    texts = [json.loads(p.read_text(encoding="utf-8"))["body"] for p in sorted((corpus / "gold").glob("*.json"))]
    texts += [p.read_text(encoding="utf-8") for p in sorted((corpus / "text").glob("*.txt"))]
    for name in ("metrics_dev.jsonl", "text_pages_dev.jsonl"):
        path = corpus / name
        if path.exists():
            texts += [json.loads(line)["text"] for line in path.read_text(encoding="utf-8").splitlines() if line]
    return [_collapse(t) for t in texts]


def _tracked_text_files() -> list[Path]:
    try:
        listed = subprocess.run(["git", "ls-files"], cwd=_ROOT, capture_output=True, text=True, check=True).stdout
    except (OSError, subprocess.CalledProcessError):
        pytest.skip("not a git checkout")
    return [_ROOT / name for name in listed.splitlines() if not name.endswith((".png", ".jpg", ".gz"))]


def test_no_tracked_file_quotes_the_corpus(corpus: Path) -> None:
    seed = _collapse((FIXTURES / "seed_langson.txt").read_text(encoding="utf-8"))
    windows = {t[i : i + _WINDOW] for t in _corpus_texts(corpus) for i in range(len(t) - _WINDOW + 1)}
    windows -= {seed[i : i + _WINDOW] for i in range(len(seed) - _WINDOW + 1)}
    quoted = []
    for path in _tracked_text_files():
        try:
            text = _collapse(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError):
            continue
        hit = next(
            (
                text[i : i + _WINDOW]
                for i in range(0, len(text) - _WINDOW + 1, _STEP)
                if text[i : i + _WINDOW] in windows
            ),
            None,
        )
        if hit:
            quoted.append(f"{path.relative_to(_ROOT)}: {hit!r}")
    assert quoted == []
