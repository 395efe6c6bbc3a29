"""Plain-text segmentation: the lines a scraper pulled out of a page → role-tagged blocks.

Scraped text keeps the page chrome as lines of its own: a clock, "Lượt xem: 1746", a share bar, menus,
"Ý kiến bạn đọc", "Về đầu trang". The article is found the way a reader's eye finds it: as the
densest run of sentence-like lines. Each line gets a score (sentences count for their length, short
menu-like lines and chrome count against), and the article is the run with the highest total, never
crossing a marker that ends an article (comments, back-to-top, footer). Lines around it are then read
for the title, the date line, the source credit and the byline; lines inside it for headings and
captions.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

import regex

from ..blocks import Block, Role
from ..deadline import check_deadline
from ..metadata.dates import find_dates
from ..vocab import (
    AUTHOR_LABELS,
    CAPTION_CREDIT,
    DATELINE_PUBLISHED_LABELS,
    DATELINE_UPDATED_LABELS,
    END_OF_ARTICLE_REASONS,
    RELATIVE_TIME,
    SOURCE_LINE,
    VIEWS,
    chrome_reason,
    fold,
    phrases,
)

__all__ = ["segment_text"]

# Line scores. A sentence-like line counts its words; a short headline-like line counts against the run
# it would join (a menu of thirty such lines outweighs a stray sidebar sentence); chrome counts more.
_SHORT_LINE_SCORE = -3.0
_CHROME_SCORE = -6.0
_BARRIER = float("-inf")
_UNTERMINATED_WEIGHT = 0.5  # a long line without final punctuation (cut-off text, a long caption)
_UNTERMINATED_MIN_WORDS = 20

_TITLE_MIN_WORDS, _TITLE_MAX_WORDS = 3, 40
_BYLINE_MAX_WORDS = 5
_LABEL_MAX_WORDS = 4  # an all-capitals line this short is a section label; a longer one may be a headline
_TAIL_LINES = 6  # how far after the article a source credit or byline may stand
_BYLINE_REACH = 2  # how far from the headline or its date line a byline may stand
_TITLE_DATE_REACH = 3  # how many lines of chrome or byline may stand between a headline and its date line

# What a sentence-like line ends with. A line as `_read_line` joins it has no trailing space, so one
# `endswith` does what a search for r"[.!?…:;\"”)»]\s*$" did, in a tenth of the time.
_SENTENCE_ENDS = tuple('.!?…:;"”)»')
_HAS_LETTER = regex.compile(r"\p{L}")
_DIGIT = regex.compile(r"\d")
_BARE_COUNT = regex.compile(r"^[\d\s.,()|/-]+$")
_WEEKDAY = regex.compile(r"\b(?:thu\s+(?:hai|ba|tu|nam|sau|bay)|chu\s+nhat|cn)\b")
# What may stand beside a date on a date line without making it prose.
_DATELINE_FILLER = regex.compile(
    r"\b(?:gmt|utc|am|pm|sa|ch|luc|ngay|dang|tin|cap nhat|xuat ban|thoi gian|gio|phut)\b|[+\-:|,()/.\d]"
)
_DATELINE_MAX_EXTRA_WORDS = 3
_DATELINE_MAX_CHARS = 160  # a date line is short; longer lines are prose, whatever dates they mention
# A name: two to five capitalised words ("Minh Anh", "Phạm Trường", "K. Miên").
_PERSON_NAME = regex.compile(r"^(?:\p{Lu}[\p{L}.]*\.?)(?:\s+\p{Lu}[\p{L}.]*){0,4}$")
_CRUMB_SEPARATOR = regex.compile(r"\s+[|>»›/]\s+|\s*[|»›]\s*")
_CRUMB_MAX_WORDS = 3
_HEADLINE_START = regex.compile(r"[\p{L}\d\"“'‘(\[]")
_DATE_LABEL = phrases((*DATELINE_PUBLISHED_LABELS, *DATELINE_UPDATED_LABELS))
_INITIALS = regex.compile(r"^(?:\p{Lu}\.){2,4}$")  # "H.V.", "T.T.H.": a writer signing with initials
# A related article's title with its date in brackets, as list boxes print them: "… hoảng loạn (25/12)".
_DATED_LINK = regex.compile(r"\(\d{1,2}/\d{1,2}(?:/\d{2,4})?\)\s*$")
_SITE_SUFFIX = regex.compile(r"\s+[-|–—]\s+[^-|–—]{1,40}$")
# The combining marks `fold` drops: a line without them folds to a key exactly as long as itself.
_COMBINING_MARK = regex.compile(r"[\u0300-\u036f]")


class _Line(NamedTuple):
    """One line of the page and what it reads as (a named tuple: one is made per line, ~4× cheaper than a
    frozen dataclass)."""

    text: str
    words: int
    chrome: str | None
    is_date: bool
    has_seconds: bool
    sentence_like: bool


def _is_dateline(text: str) -> tuple[bool, bool]:
    """Whether `text` is mainly a date (with labels, weekday, time, zone), and whether it has seconds."""
    if len(text) > _DATELINE_MAX_CHARS:
        return False, False
    dates = find_dates(text)
    if not dates:
        return False, False
    rest = text
    for found in reversed(dates):
        rest = rest[: found.start] + " " + rest[found.end :]
    rest = VIEWS.sub(" ", rest)
    rest_key = _DATELINE_FILLER.sub(" ", _WEEKDAY.sub(" ", fold(rest)))
    extra = [w for w in rest_key.split() if chrome_reason(w) is None]
    return len(extra) <= _DATELINE_MAX_EXTRA_WORDS, any(d.has_seconds for d in dates)


def _meta_bar_reason(text: str) -> str | None:
    """A "|"-separated bar whose every part is chrome, a date or a counter ("09:15 14/03/2021 | Lượt xem: 3 | In")."""
    if "|" not in text:  # most lines: no bar to split (the split and strips cost ~8× this test)
        return None
    parts = [p.strip() for p in text.split("|") if p.strip()]
    if len(parts) < 2:
        return None
    if all(chrome_reason(p) or VIEWS.search(p) or _is_dateline(p)[0] or _BARE_COUNT.match(p) for p in parts):
        return "meta_bar"
    return None


def _is_breadcrumb(text: str) -> bool:
    """A trail of short labels ("Trang chủ | Thời sự", "Kinh tế > Tài chính"): navigation, not a headline.

    >>> _is_breadcrumb("Trang chủ | Thời sự"), _is_breadcrumb("Giá vàng hôm nay: tăng mạnh | Xem ngay")
    (True, False)
    """
    # Where `_CRUMB_SEPARATOR` can match, as substring tests: a line as `_read_line` joins it has no space but
    # " ", so r"\s+[>/]\s+" is " > " or " / ". Most lines have none ("/" in a date has no spaces around it);
    # a split costs ~5 times a regex scan for them, and these tests ~0.2 µs, a third of that scan.
    if not ("|" in text or "»" in text or "›" in text or " > " in text or " / " in text):
        return False
    parts = [p for p in _CRUMB_SEPARATOR.split(text) if p.strip()]
    return len(parts) >= 2 and all(len(p.split()) <= _CRUMB_MAX_WORDS for p in parts)


def _chrome_of(text: str, words: int) -> str | None:
    if not _HAS_LETTER.search(text) and not find_dates(text):
        return "counter" if _DIGIT.search(text) else "punctuation"
    reason = chrome_reason(text)
    if reason is not None:
        return reason
    # (a view counter has a digit and a dated link ends with ")": most lines are ruled out by those tests, ~0.2
    # and ~0.05 µs, before patterns that cost ~0.6 and ~0.2 µs)
    if words <= 6 and _DIGIT.search(text) and VIEWS.search(text):
        return "views"
    if RELATIVE_TIME.match(text):
        return "clock"
    if words <= _TITLE_MAX_WORDS and text.endswith(")") and _DATED_LINK.search(text):
        return "related_link"  # chrome, but not an end of the article: a body line may end so, rarely
    return None


def _read_line(raw: str) -> _Line:
    parts = raw.split()
    text = " ".join(parts)
    words = len(parts)
    chrome = _chrome_of(text, words)
    is_date, has_seconds = _is_dateline(text) if chrome is None else (False, False)
    if chrome is None and not is_date:
        chrome = _meta_bar_reason(text)
        if chrome is not None:
            is_date = bool(find_dates(text))
        elif _is_breadcrumb(text):
            chrome = "navigation"
    return _Line(text, words, chrome, is_date, has_seconds, text.endswith(_SENTENCE_ENDS))


def _score(line: _Line) -> float:
    if line.chrome is not None:
        return _BARRIER if line.chrome in END_OF_ARTICLE_REASONS else _CHROME_SCORE
    if line.is_date or SOURCE_LINE.match(line.text):
        return _CHROME_SCORE
    if line.sentence_like:
        return float(line.words)
    if line.words >= _UNTERMINATED_MIN_WORDS:
        return line.words * _UNTERMINATED_WEIGHT
    return _SHORT_LINE_SCORE


def _densest_run(scores: Sequence[float]) -> tuple[int, int]:
    """[start, end) of the contiguous run with the highest total score (Kadane); (0, 0) when none is positive.

    >>> _densest_run([-3, 12, -3, 20, -6, -3, -3, -3, -3, 5])
    (1, 4)
    """
    best, best_span = 0.0, (0, 0)
    total, start = 0.0, 0
    for i, score in enumerate(scores):
        if total <= 0:
            total, start = 0.0, i
        total += score
        if total > best:
            best, best_span = total, (start, i + 1)
    return best_span


def _headline_like(line: _Line) -> bool:
    return (
        line.chrome is None
        and not line.is_date
        and _HEADLINE_START.match(line.text) is not None
        and _TITLE_MIN_WORDS <= line.words <= _TITLE_MAX_WORDS
        and not line.text.endswith(".")
        and not (line.text.isupper() and line.words <= _LABEL_MAX_WORDS)  # "TIÊU ĐIỂM": a section label
        and SOURCE_LINE.match(line.text) is None
        and not _is_byline(line)
    )


def _beside(lines: Sequence[_Line], date_at: int, step: int, stop: int, candidates: set[int]) -> int | None:
    """The headline-like line next to a date line, looking past chrome and a byline in between."""
    i = date_at + step
    for _ in range(_TITLE_DATE_REACH):
        if not 0 <= i < stop:
            return None
        if i in candidates:
            return i
        if lines[i].chrome is None and not _is_byline(lines[i]):
            return None
        i += step
    return None


def _find_title(lines: Sequence[_Line], start: int) -> tuple[int | None, bool]:
    """Index of the headline among the lines before the article, and whether the page repeats it.

    In order of trust: a line repeating the first one (``<title>`` text first, the ``<h1>`` by the
    article: the repeat nearest the article); a headline-like line beside the date line nearest the
    article (title then date, or date then title: the layout of nearly every Vietnamese article page);
    the first headline-like line.
    """
    candidates = [i for i in range(start) if _headline_like(lines[i])]
    if not candidates:
        return None, False
    first = candidates[0]
    first_key = fold(lines[first].text)
    repeats = [i for i in candidates[1:] if _repeats(first_key, fold(lines[i].text))]
    if repeats:
        return repeats[-1], True
    for d in reversed(range(start)):
        if lines[d].is_date and not lines[d].has_seconds:
            found = _beside(lines, d, -1, start, set(candidates))
            found = found if found is not None else _beside(lines, d, +1, start, set(candidates))
            if found is not None:
                return found, False
            break
    return first, False


def _repeats(page_title: str, line: str) -> bool:
    """Whether a folded line is the folded ``<title>`` text, or it with a site name before or after."""
    return page_title.startswith(line) or page_title.endswith(line)


def _clean_title(text: str, repeated: bool) -> str:
    """Drop a trailing " - Site name" from a ``<title>``-like line that was not repeated as the headline."""
    return text if repeated else _SITE_SUFFIX.sub("", text) or text


def _is_byline(line: _Line) -> bool:
    """A name alone on its line ("Minh Anh", "K. Miên", initials "H.V."), or after an author label
    ("Bài và ảnh: Hà An")."""
    if line.chrome is not None:
        return False
    name = AUTHOR_LABELS.sub("", line.text)
    if _INITIALS.match(name):
        return True
    return (
        1 <= len(name.split()) <= _BYLINE_MAX_WORDS
        and (name != line.text or line.words >= 2)
        and bool(_PERSON_NAME.match(name))
    )


def _tail_role(line: _Line) -> Role | None:
    if SOURCE_LINE.match(line.text):
        return Role.SOURCE
    if _is_byline(line):
        return Role.BYLINE
    return None


def _folds_to(text: str, key: str) -> bool:
    """Whether ``fold(text) == key``, for `text` a line as `_read_line` joins it.

    Folding such a line keeps its length but for the combining marks it drops, so most lines are told
    apart by length: folding a paragraph costs ~5 µs, the length test and a mark scan ~0.5 µs.

    >>> _folds_to("Giá lúa TĂNG", "gia lua tang"), _folds_to("Giá lúa tăng mạnh", "gia lua tang")
    (True, False)
    """
    if len(text) < len(key) or (len(text) > len(key) and _COMBINING_MARK.search(text) is None):
        return False
    return fold(text) == key


def _outside_block(line: _Line, clock: bool) -> Block:
    if line.is_date:
        return Block(line.text, Role.CHROME, "clock") if clock else Block(line.text, Role.DATELINE)
    if line.chrome is not None:
        return Block(line.text, Role.CHROME, line.chrome)
    if SOURCE_LINE.match(line.text):
        return Block(line.text, Role.SOURCE)
    return Block(line.text, Role.CHROME, "outside_article")


def _inside_blocks(lines: Sequence[_Line], title: str | None, clock: bool) -> list[Block]:
    """Roles of the lines of the article run: paragraphs, headings, captions, and chrome left inside it."""
    blocks: list[Block] = []
    title_key = fold(title) if title else None
    after_picture = False
    lead_given = False
    for line in lines:
        if line.chrome is not None or line.is_date or SOURCE_LINE.match(line.text):
            blocks.append(_outside_block(line, clock))
            after_picture = False
            continue
        if title_key is not None and _folds_to(line.text, title_key):
            # The headline again inside the article is a picture's alt text; its caption may follow.
            blocks.append(Block(line.text, Role.CAPTION, "image_alt"))
            after_picture = True
            continue
        if CAPTION_CREDIT.search(line.text) and line.words <= _TITLE_MAX_WORDS:
            blocks.append(Block(line.text, Role.CAPTION, "photo_credit"))
        elif after_picture and not line.text.endswith("."):
            blocks.append(Block(line.text, Role.CAPTION, "after_image"))
        elif not line.sentence_like and line.words < _UNTERMINATED_MIN_WORDS:
            blocks.append(Block(line.text, Role.HEADING))
        elif not lead_given:
            blocks.append(Block(line.text, Role.LEAD))
            lead_given = True
        else:
            blocks.append(Block(line.text, Role.PARAGRAPH))
        after_picture = False
    return blocks


def _article_date_lines(lines: Sequence[_Line], start: int, clock_possible: bool) -> set[int]:
    """The date lines before the article that date it.

    A labelled line ("Tin đăng lúc …", "Cập nhật: …") always does. Of the unlabelled ones only the
    nearest to the article does: one further up is the site's clock or a date in its header ("Thứ Năm,
    19/11/2026 08:02" above the menu), and a line with seconds is a clock whenever the page shows
    another date.
    """
    found = [i for i in range(start) if lines[i].is_date and not (clock_possible and lines[i].has_seconds)]
    labelled = {i for i in found if _DATE_LABEL.match(fold(lines[i].text))}
    unlabelled = [i for i in found if i not in labelled]
    return labelled | set(unlabelled[-1:])


def _date_block(line: _Line, dates_article: bool, clock_possible: bool) -> Block:
    if dates_article:
        return Block(line.text, Role.DATELINE)
    return Block(line.text, Role.CHROME, "clock" if clock_possible and line.has_seconds else "other_date")


def _near(i: int, title_at: int | None, date_lines: set[int]) -> bool:
    """Whether line `i` stands just under the headline, or right by a date line under it: where a byline
    is printed (a short capitalised line above the headline is a menu item)."""
    if title_at is not None and i < title_at:
        return False
    anchors = ({title_at} if title_at is not None else set()) | date_lines
    return any(0 < abs(i - a) <= _BYLINE_REACH for a in anchors)


def segment_text(text: str) -> tuple[Block, ...]:
    """Role-tagged blocks of a scraped page text.

    >>> page = "Lượt xem: 12\\nGiá lúa tăng\\nGiá lúa hôm nay tăng 200 đồng/kg so với tuần trước.\\nQuảng cáo"
    >>> [(b.role.value, b.reason) for b in segment_text(page)]
    [('chrome', 'views'), ('title', None), ('lead', None), ('chrome', 'ad')]
    """
    lines = []
    for raw in text.splitlines():
        if raw.strip():
            lines.append(_read_line(raw))
            check_deadline("segment")
    if not lines:
        return ()
    start, end = _densest_run([_score(line) for line in lines])
    while end > start and _is_byline(lines[end - 1]):  # a signature ending in "." closes the run: not body
        end -= 1
    title_at, repeated = _find_title(lines, start) if end > start else (None, False)
    title = _clean_title(lines[title_at].text, repeated) if title_at is not None else None
    date_lines = [line for line in lines if line.is_date]
    clock_possible = len(date_lines) > 1
    kept_dates = _article_date_lines(lines, start, clock_possible)

    blocks: list[Block] = []
    for i, line in enumerate(lines[:start]):
        if i == title_at and title is not None:
            blocks.append(Block(title, Role.TITLE))
        elif line.is_date:
            blocks.append(_date_block(line, i in kept_dates, clock_possible))
        elif _near(i, title_at, kept_dates) and _is_byline(line) and not line.text.isupper():
            # (above the article an all-capitals line is a section label, "TIN HOẠT ĐỘNG", not a name; `_near`
            # goes first as it rules out at once the menu lines above the headline, a third of a page's lines)
            blocks.append(Block(line.text, Role.BYLINE))
        else:
            blocks.append(_outside_block(line, clock_possible and line.has_seconds))
    blocks += _inside_blocks(lines[start:end], title, clock_possible)
    in_tail = True
    dated = bool(kept_dates)
    for offset, line in enumerate(lines[end:]):
        in_tail = in_tail and offset < _TAIL_LINES and line.chrome not in END_OF_ARTICLE_REASONS
        role = _tail_role(line) if in_tail else None
        if role is not None:
            blocks.append(Block(line.text, role))
        elif line.is_date:
            # after the article a date line dates it when near its end, or when nothing above did
            blocks.append(_date_block(line, in_tail or not dated, clock_possible))
            dated = True
        else:
            blocks.append(_outside_block(line, clock_possible and line.has_seconds))
    return tuple(blocks)
