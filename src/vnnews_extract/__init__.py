"""vnnews_extract: Vietnamese news pages → clean, typed data.

>>> from vnnews_extract import extract
>>> article = extract("Tiêu đề bài báo\\n\\nĐoạn mở đầu của bài báo.")
>>> article.title
'Tiêu đề bài báo'
"""

from __future__ import annotations

from . import errors
from .batch import Failure, extract_many
from .errors import ExtractionError
from .explain import Explanation, explain
from .metrics import extract_metrics, parse_number
from .model import Article, Change, Metric, Section
from .pipeline import extract

__all__ = [
    "Article",
    "Change",
    "Explanation",
    "ExtractionError",
    "Failure",
    "Metric",
    "Section",
    "errors",
    "explain",
    "extract",
    "extract_many",
    "extract_metrics",
    "parse_number",
]

__version__ = "0.1.0"
