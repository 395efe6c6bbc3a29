"""Trying a costly pattern only where it can match.

The figure and period patterns begin with alternatives the `regex` engine tries at every character of a
sentence, which is most of what reading a sentence costs. Where such a match can start is cheap to find
(a digit, a sign, a word from a short list), so the pattern is matched there only. (The word lists the
patterns are built of are written grouped by first letter: `vnnews_extract.vocab.alternation`.)
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

import regex

__all__ = ["matches_at"]


def matches_at(
    pattern: regex.Pattern[str], text: str, starts: Iterable[int], start: int, end: int
) -> Iterator[regex.Match[str]]:
    """What ``pattern.finditer(text, start, end)`` finds, when every match begins at one of `starts` (in
    order): each start from `start` on is tried unless an earlier match covers it. The pattern must not
    match empty.

    >>> [m.group() for m in matches_at(regex.compile(r"\\d+%"), "tăng 5% và 12%", [5, 11, 12], 0, 14)]
    ['5%', '12%']
    """
    resume = start
    for position in starts:
        if position >= resume:
            found = pattern.match(text, position, end)
            if found:
                resume = found.end()
                yield found
