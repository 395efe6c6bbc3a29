"""Batch extraction: many pages in (files, directories, globs, JSONL, WARC, stdin), one result per page out.

`extract_many` is the library entry point; `vnnews_extract.batch.cli.main` is ``vnnews-extract batch``.
"""

from __future__ import annotations

from .inputs import iter_inputs
from .model import Failure, Item, Result
from .runner import extract_many, extract_outcomes

__all__ = ["Failure", "Item", "Result", "extract_many", "extract_outcomes", "iter_inputs"]
