"""Stage 6: figures in Vietnamese text → typed `Metric`s.

`extract_metrics` reads any text (a paragraph, a section, a whole article) and returns every figure
as a `Metric`; `parse_number` reads one number as Vietnamese writes it. Both are pure functions and
safe on any input: they return an empty tuple / None rather than raise.

Modules, in the order the data flows: `numbers` (digits, scale words, spelled-out numerals), `units`,
`figures` (number + unit spans, ranges, pairs; non-metrics left out), `rules` (the words around a
figure: change, basis, qualifier, period), `subjects`, `grammar` (ties it all into metrics);
`vocab` holds every word list, `scanning` the shortcuts the patterns take: tried only where a match can
start, and their word lists grouped by first letter.
"""

from __future__ import annotations

import unicodedata

from ..model import Metric
from .grammar import extract
from .numbers import parse_number

__all__ = ["extract_metrics", "parse_number"]


def extract_metrics(text: str) -> tuple[Metric, ...]:
    """Every figure in `text` as a `Metric`, in order of appearance; `()` when there is none.

    `parent` indexes into the returned tuple; `section` is left None (the pipeline sets it). A text of
    tens of thousands of numbers is read for its first `grammar.number_budget(len(text))` of them.

    >>> m = extract_metrics("Tổng kim ngạch XNK 6 tháng ước đạt 1.320 triệu USD, giảm 47,6% so với cùng kỳ.")
    >>> m[0].value, m[0].unit, m[0].changes[0].value, m[0].basis, m[0].qualifier, m[0].period
    (Decimal('1320000000'), 'USD', Decimal('47.6'), 'same_period_last_year', 'estimate', '6 tháng')
    >>> extract_metrics("Ngày 17/01/2020, Quyết định số 128/QĐ-UBND.")
    ()
    """
    if not isinstance(text, str) or not text:
        return ()
    return extract(unicodedata.normalize("NFC", text))
