"""Vietnamese date and time expressions → timezone-aware `datetime`.

Vietnamese pages write dates day first ("05/03/2026", "15-07-2020", "ngày 5 tháng 3 năm 2026") with the
time before or after ("14:30 | 05/03/2026", "Thứ năm, 5/3/2026 - 14:30", "14h30"), and a zone written
"GMT+7" that means UTC+07:00 — the opposite sign of the POSIX name ``Etc/GMT+7``, which some parsers
apply. The common forms are read here by explicit patterns; only a string none of them fits goes to
dateparser, imported on first use because it costs a noticeable share of a second to load.
"""

from __future__ import annotations

import email.utils
import re
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone, tzinfo

import regex

__all__ = ["VIETNAM_TZ", "DateMatch", "find_dates", "parse_date"]

VIETNAM_TZ: tzinfo = timezone(timedelta(hours=7), "+07")
"""Vietnam's zone (Asia/Ho_Chi_Minh): UTC+07:00 with no daylight saving since 1975, so a fixed offset
gives the same instants without depending on the machine's tz database."""

_YEAR_MIN, _YEAR_MAX = 1990, 2100

# "GMT+7", "(GMT+07:00)", "UTC+7", "+07:00" right after a time.
_ZONE = r"(?:\(?\s*(?:GMT|UTC)\s*(?P<zsign>[+-])\s*(?P<zh>\d{1,2})(?::?(?P<zm>\d{2}))?\s*\)?)"
# "14:30", "14:30:05", "14h30", "14g30", "10:40 AM", "2:05 CH" (chiều, afternoon) / "SA" (sáng, morning).
_TIME = (
    r"(?<![\d/.-])(?P<hh>[01]?\d|2[0-3])\s*(?:[:hg]|giờ)\s*(?P<mi>[0-5]\d)(?:\s*(?::|phút)\s*(?P<ss>[0-5]\d))?"
    r"(?:\s*(?P<ampm>AM|PM|SA|CH|am|pm|sáng|trưa|chiều|tối|đêm)(?!\p{L}))?(?!\d)"
)
# Day-first numeric date: "5/3/2026", "05-03-2026", "05.03.2026", and with a two-digit year "30/11/12"
# (slash or dash only: "1.2.12" is more often a version or a clause number than a date).
_NUMERIC_DATE = (
    r"(?<![\d/.-])(?P<d>[0-3]?\d)\s*(?P<sep>[/.-])\s*(?P<m>[01]?\d)\s*(?P=sep)\s*"
    r"(?:(?P<y>\d{4})|(?<=[/-])(?P<yy>\d{2}))(?![\d/.,]\d|\d|/)"
)
# "ngày 5 tháng 3 năm 2026", "5 tháng 3, 2026".
_WORDED_DATE = r"(?:ngày\s+)?(?P<d2>[0-3]?\d)\s+tháng\s+(?P<m2>[01]?\d)\s*(?:,|năm)\s*(?P<y2>\d{4})(?!\d)"
_ISO = regex.compile(
    r"(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})(?:[T ](?P<hh>\d{2}):(?P<mi>\d{2})(?::(?P<ss>\d{2})(?:\.\d+)?)?"
    r"\s*(?P<z>Z|[+-]\d{2}:?\d{2})?)?"
)

_DATE = regex.compile(rf"{_NUMERIC_DATE}|{_WORDED_DATE}", regex.IGNORECASE)
_TIME_RE = regex.compile(_TIME)
_ZONE_RE = regex.compile(_ZONE, regex.IGNORECASE)
# How far from a date a time may stand and still belong to it ("14:30 | 05/03/2026", "05/03/2026 - 14:30").
_TIME_WINDOW = 16
# What may stand between a date and its time: separators only ("05/03/2026 - 14:30", "14:30 | 05/03/2026").
_NOT_TIME_JOIN_AFTER = regex.compile(r"[^\s|,–—\-(]")
_NOT_TIME_JOIN_BEFORE = regex.compile(r"[^\s|,–—\-)]|\p{L}")
# Every date has digits, and most lines a caller asks about have none: this scan costs ~0.5 µs a line where
# one of `_DATE` costs ~13 µs (its alternatives are tried at every position).
_DIGIT = re.compile(r"\d")
# What every match of `_DATE` holds ("5/3/2", "5 tháng"), as one scan with its engine and flags: nine in ten
# lines with digits have no date ("12", "1.746 lượt xem"), and this costs ~0.4 µs where `_DATE` costs ~5 µs.
_DATE_HINT = regex.compile(r"\d\s*[/.-]\s*\d{1,2}\s*[/.-]\s*\d|\d\s+tháng", regex.IGNORECASE)


@dataclass(frozen=True)
class DateMatch:
    """A date found in text, where it stood, and whether a time of day came with it."""

    value: datetime
    start: int
    end: int
    has_time: bool
    has_seconds: bool


def _zone_from(match: regex.Match[str] | None) -> tzinfo:
    if match is None:
        return VIETNAM_TZ
    minutes = int(match.group("zh")) * 60 + int(match.group("zm") or 0)
    return timezone(timedelta(minutes=minutes if match.group("zsign") == "+" else -minutes))


# Words after a time that say which half of the day it is in: chiều (afternoon), tối (evening),
# trưa (noon: "1 giờ trưa" is 13:00), sáng (morning), đêm (night: "12 giờ đêm" is 00:00).
_AFTERNOON = frozenset({"PM", "CH", "CHIỀU", "TỐI"})
_MORNING = frozenset({"AM", "SA", "SÁNG", "ĐÊM"})
_NOON = "TRƯA"
_NOON_LAST_PM_HOUR = 5


def _hour(match: regex.Match[str]) -> int:
    hour = int(match.group("hh"))
    ampm = (match.group("ampm") or "").upper()
    if (ampm in _AFTERNOON or (ampm == _NOON and hour < _NOON_LAST_PM_HOUR)) and hour < 12:
        return hour + 12
    if ampm in _MORNING and hour == 12:
        return 0
    return hour


def _year(match: regex.Match[str]) -> int:
    """The year of a date match; a two-digit year is read in this century (a news page is not older)."""
    if match.group("yy"):
        return 2000 + int(match.group("yy"))
    return int(match.group("y") or match.group("y2"))


def _nearest_time(text: str, start: int, end: int) -> regex.Match[str] | None:
    """The time of day written right after the date, or failing that right before it."""
    after = _TIME_RE.search(text, end, min(len(text), end + _TIME_WINDOW + 12))
    if after is not None and not _NOT_TIME_JOIN_AFTER.search(text, end, after.start()):
        return after
    window_start = max(0, start - _TIME_WINDOW - 12)
    befores = list(_TIME_RE.finditer(text, window_start, start))
    if befores and not _NOT_TIME_JOIN_BEFORE.search(text[befores[-1].end() : start].replace("ngày", "")):
        return befores[-1]
    return None


def find_dates(text: str) -> list[DateMatch]:
    """Every day-first date in `text`, with the time of day written next to it.

    >>> [d.value.isoformat() for d in find_dates("Tin đăng lúc 15-07-2020")]
    ['2020-07-15T00:00:00+07:00']
    >>> find_dates("Thứ Năm, 21/11/2024 19:36:28 GMT+7")[0].value.isoformat()
    '2024-11-21T19:36:28+07:00'
    >>> find_dates("09:15 AM 14/03/2021 | Lượt xem: 512")[0].value.isoformat()
    '2021-03-14T09:15:00+07:00'
    >>> find_dates("Quyết định số 128/QĐ-UBND ngày 5 tháng 3 năm 2026")[0].value.date().isoformat()
    '2026-03-05'
    >>> find_dates("Cập nhật ngày 30/11/12 04:00 chiều")[0].value.isoformat()
    '2012-11-30T16:00:00+07:00'
    """
    found: list[DateMatch] = []
    if _DIGIT.search(text) is None or _DATE_HINT.search(text) is None:
        return found
    for match in _DATE.finditer(text):
        day = int(match.group("d") or match.group("d2"))
        month = int(match.group("m") or match.group("m2"))
        year = _year(match)
        if not _YEAR_MIN <= year <= _YEAR_MAX:
            continue
        time = _nearest_time(text, match.start(), match.end())
        tail_from = max(match.end(), time.end() if time else 0)
        zone = _ZONE_RE.match(text, tail_from) or _ZONE_RE.match(text, tail_from + 1)
        try:
            value = datetime(
                year,
                month,
                day,
                _hour(time) if time else 0,
                int(time.group("mi")) if time else 0,
                int(time.group("ss") or 0) if time else 0,
                tzinfo=_zone_from(zone),
            )
        except ValueError:
            continue
        start = min(match.start(), time.start()) if time else match.start()
        end = max(match.end(), time.end(), zone.end() if zone else 0) if time else match.end()
        found.append(
            DateMatch(value, start, end, has_time=time is not None, has_seconds=bool(time and time.group("ss")))
        )
    return found


def _parse_iso(text: str) -> datetime | None:
    match = _ISO.search(text)
    if match is None:
        return None
    zone = match.group("z")
    tz: tzinfo = VIETNAM_TZ
    if zone == "Z":
        tz = timezone.utc
    elif zone:
        digits = zone[1:].replace(":", "")
        minutes = int(digits[:2]) * 60 + int(digits[2:])
        tz = timezone(timedelta(minutes=minutes if zone[0] == "+" else -minutes))
    try:
        return datetime(
            int(match.group("y")),
            int(match.group("m")),
            int(match.group("d")),
            int(match.group("hh") or 0),
            int(match.group("mi") or 0),
            int(match.group("ss") or 0),
            tzinfo=tz,
        )
    except ValueError:
        return None


def _parse_rfc2822(text: str) -> datetime | None:
    try:
        value = email.utils.parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        return None
    return value if value.tzinfo else value.replace(tzinfo=VIETNAM_TZ)


def _parse_with_dateparser(text: str) -> datetime | None:
    import dateparser  # deferred: slow to import, and needed only for unusual forms

    value = dateparser.parse(
        text,
        languages=["vi", "en"],
        settings={"DATE_ORDER": "DMY", "PREFER_DAY_OF_MONTH": "first", "REQUIRE_PARTS": ["day", "month", "year"]},
    )
    if not isinstance(value, datetime) or not _YEAR_MIN <= value.year <= _YEAR_MAX:
        return None
    return value if value.tzinfo else value.replace(tzinfo=VIETNAM_TZ)


def parse_date(text: str | None) -> datetime | None:
    """Parse one date string from metadata or a date line; None when it holds no date.

    ISO 8601 (JSON-LD, ``article:published_time``) is tried first, then the Vietnamese day-first forms,
    then RFC 2822 (RSS), then dateparser.

    >>> parse_date("2026-03-07T08:52:11+07:00").isoformat()
    '2026-03-07T08:52:11+07:00'
    >>> parse_date("05/03/2026 14:30 GMT+7").isoformat()
    '2026-03-05T14:30:00+07:00'
    >>> parse_date("Thứ năm, 5/3/2026 - 14:30").isoformat()
    '2026-03-05T14:30:00+07:00'
    >>> parse_date("Lượt xem: 1746") is None
    True
    """
    if not text or not text.strip():
        return None
    text = text.strip()
    iso = _parse_iso(text)
    if iso is not None and _YEAR_MIN <= iso.year <= _YEAR_MAX:
        return iso
    found = find_dates(text)
    if found:
        return found[0].value
    if not _DIGIT.search(text) or len(text) > 80:
        return None
    return _parse_rfc2822(text) or _parse_with_dateparser(text)
