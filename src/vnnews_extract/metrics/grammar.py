"""Stage 6: sentences → figures → metrics, tying each change to the figure it moves.

Per sentence, figures are read left to right. A value figure opens a metric; a change ("giảm 47,6%")
joins the open metric when nothing but verbs, "về …" aspects and "so với …" bases stand between them,
and otherwise opens a change-only metric. "lần lượt"/"tương ứng" spread a list of changes over the
figures before it; "về lượng"/"về trị giá" send a change to the figure it speaks of. After a breakdown
marker ("trong đó", "gồm", "riêng") each metric points to the total it breaks down. Bases missing on a
change come from the nearest stated basis in the sentence (never carried forward across ";" to a newly
quoted level), then from the parent. A change told once for listed places ("tăng 1.500 đồng tại A, B và
C") moves every level later quoted for one of them.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterator
from dataclasses import dataclass, field
from decimal import Decimal

import regex

from ..model import Basis, Change, Metric, Qualifier
from ..vocab import alternation
from .figures import Figure, find_figures, number_starts
from .numbers import english_separators
from .rules import (
    Role,
    aspect_after,
    basis_after,
    basis_before,
    classify,
    has_marker,
    has_verb,
    measured_noun,
    period_before,
    period_right_after,
    periods,
    qualifier_for,
    reference_basis,
)
from .subjects import is_generic, is_level_noun, is_measure_word, is_residue_empty, subject_before, with_measure
from .vocab import ANAPHORA, CHANGE_DOWN, CHANGE_UP, QUALIFIERS

__all__ = ["MAX_NUMBERS", "MIN_CHARS_PER_NUMBER", "extract", "extract_within", "number_budget"]

MAX_NUMBERS = 10_000
"""Numbers a text's figures are read from, at least: each costs tens of microseconds, and a text of bare
numbers ("1 1 1 …", "1% 1% …") would otherwise cost far more than a second per megabyte. Past the budget
(`number_budget`) the rest of the text gives no figure; no news page comes near it."""
MIN_CHARS_PER_NUMBER = 50
"""A longer text gets one more number of budget for each this many characters (prose has far fewer)."""

_F = regex.IGNORECASE
# Sentence ends: ".", "!", "?", "…" before a capital, digit or quote; line breaks always end one.
_SENTENCE_END_RE = regex.compile(r"(?<=[.!?…])\s+(?=[\p{Lu}\d\"“(‘])|\s*\n\s*")
# Each end is a whole run of spaces, right after a stop or around a line break: the pattern is tried at the
# start of those runs only, found from their rare characters (a stop with a space after it, a line break)
_END_HINT_RE = regex.compile(r"[.!?…](?=\s)|\n")
_SPACES_BEFORE_RE = regex.compile(r"\s*", regex.REVERSE)
_SENTENCE_BASIS_RE = regex.compile(r"^\W*(?:\p{L}+[\s,]+){0,3}?so\s+với\s+[^,]{1,50},", _F)
_FROM_END_RE = regex.compile(r"(?<!\p{L})từ(?:\s+\p{L}+){0,4}\s*$", _F)
_ANAPHORA_RE = regex.compile(r"^\W*(?:" + "|".join(regex.escape(a) for a in ANAPHORA) + r")(?!\p{L})", _F)
# "(tương đương 1,34 triệu bao)": the same quantity in another unit, never a total or a change target
_EQUIVALENT_END_RE = regex.compile(r"(?<!\p{L})tương\s+đương(?:\s+với)?\s*$", _F)
# nouns after a percent that name its reference, not its subject ("76% kế hoạch", "52,8% tổng kim ngạch")
_REFERENCE_NOUN_RE = regex.compile(r"(?:kế\s+hoạch|chỉ\s+tiêu|tổng|cùng\s+kỳ|mức|dự\s+toán)(?!\p{L})", _F)
_WITH_END_RE = regex.compile(
    r"(?<!\p{L})với(?:\s+(?:" + "|".join(regex.escape(q).replace(r"\ ", r"\s+") for q in QUALIFIERS) + r"))?\s*$", _F
)
_VERBS = alternation((*CHANGE_UP, *CHANGE_DOWN))
_DEMONSTRATIVE_RE = regex.compile(r"(?P<noun>\p{L}+(?:\s+\p{L}+)?)\s+(?:này|đó)$", _F)
_LOCATIVE_RE = regex.compile(r"(?:tại|ở)\s", _F)  # a place adjunct, not a subject of its own
# "Tại dự án Sun Square (quận …), giá căn hộ …": a place opening the sentence, where its figures hold
_PLACE_OPENING_RE = regex.compile(r"^\W*(?P<place>(?:tại|ở)\s+[^,;.]{1,80}?),", _F)
_GAP_BACK = 200  # how far back the clause before a change size may start
_MOVED_END_RE = regex.compile(r"(?<!\p{L})(?:" + _VERBS + r")\s*$", _F)
_OF = "của"  # "doanh thu của Nhóm thép": the holder of a share named before "với"
_CONTINUES_RE = regex.compile(r"^\W*còn(?!\p{L})", _F)
_TOKEN_RE = regex.compile(r"[\p{L}\d]+")
_MEASURE_KIND = {"lượng": ("physical", "count"), "trị giá": ("money",), "giá trị": ("money",), "kim ngạch": ("money",)}
# "(cùng kỳ năm 2021 tăng 4,2%)", "90% cùng kỳ năm trước": the same period of an earlier year
_SAME_PERIOD_START_RE = regex.compile(r"\W*(?:của\s+)?cùng\s+kỳ", _F)
_PLAN_START_RE = regex.compile(r"(?:kế\s+hoạch|chỉ\s+tiêu|dự\s+toán)", _F)
_PLAIN_JOIN_RE = regex.compile(r"^[\s,]*(?:và)?\s*$", _F)
_NOUNS_AND_RE = regex.compile(r"^\s*(?:\p{L}+\s+)*?và\s*$", _F)
_CONJUNCTS_RE = regex.compile(r"\s*(?:,|(?<!\p{L})và(?!\p{L}))\s*", _F)
# "tại Bắc Giang, Thái Bình và Nam Định": named places (capitalised words) listed after a change
_PLACE = r"(?-i:\p{Lu}\p{L}*(?:\s+\p{Lu}\p{L}*)*)"
_PLACES_RE = regex.compile(r"\s+(?:tại|ở)\s+(?P<places>" + _PLACE + r"(?:\s*(?:,|và)\s*" + _PLACE + r")+)", _F)
_PLACES_REACH = 120
_MIN_PLACES = 2
_LINKS = frozenset({"thuộc", "của"})  # "người dân thuộc … hộ nghèo": the noun goes on through the next count
_MAX_SUBJECT_WORDS = 24  # a subject is a noun phrase; one built on another is cut back to this
_MAX_RUN = 3  # the longest list of changes paired one-to-one with the levels after it
_MAX_CANDIDATES = 24  # a breakdown's total is among the last figures before its marker
_MAX_LOOKAHEAD = 48  # an announced change finds its price among the next figures
_CHANGE_UNIT = {"percent": "%", "pp": "pp", "point": "point", "times": "times"}


@dataclass
class _Draft:
    """A metric being built; becomes a frozen `Metric` at the end."""

    figure: Figure
    sentence: int
    value: Decimal | None
    unit: str | None
    subject: str | None = None
    qualifier: Qualifier | None = None
    period: str | None = None
    range_max: Decimal | None = None
    changes: list[tuple[Change, Basis | None]] = field(default_factory=list)
    basis: Basis | None = None
    parent: _Draft | None = None
    comparative: bool = False
    share: bool = False
    equivalent: bool = False
    candidates: list[_Draft] = field(default_factory=list)
    places: list[str] = field(default_factory=list)  # "tăng 1.500 đồng tại A, B và C": where a change holds
    told: str | None = None  # the subject that change was told of ("Giá lợn hơi")

    @property
    def change_only(self) -> bool:
        return self.value is None


def _sentence_ends(text: str) -> Iterator[regex.Match[str]]:
    """`_SENTENCE_END_RE.finditer(text)`, trying the pattern only at runs of spaces that may end a sentence."""
    resume = 0
    for hint in _END_HINT_RE.finditer(text):
        position = hint.start()
        if position < resume:
            continue
        if text[position] == "\n":
            spaces = _SPACES_BEFORE_RE.match(text, resume, position)  # always found, maybe empty
            position = spaces.start() if spaces else position  # where the run of spaces around the break starts
        else:
            position += 1  # the run of spaces right after the stop
        found = _SENTENCE_END_RE.match(text, position)
        if found:
            resume = found.end()
            yield found


def _sentences(text: str) -> list[tuple[int, int]]:
    r"""Where each sentence of `text` is.

    >>> t = "Giá tăng 2,5%. Lượng bán giảm.\nTheo Sở, ít hơn. v.v. và 1. Hết"
    >>> [t[s:e] for s, e in _sentences(t)]
    ['Giá tăng 2,5%.', 'Lượng bán giảm.', 'Theo Sở, ít hơn. v.v. và 1.', 'Hết']
    """
    spans: list[tuple[int, int]] = []
    start = 0
    for found in _sentence_ends(text):
        spans.append((start, found.start()))
        start = found.end()
    spans.append((start, len(text)))
    return [(s, e) for s, e in spans if e > s]


def _tokens(text: str | None) -> set[str]:
    return {t.lower() for t in _TOKEN_RE.findall(text or "")}


def _label(draft: _Draft) -> set[str]:
    return _tokens(draft.subject) | _tokens(draft.unit) | _tokens(draft.figure.label)


def _aspect_target(aspect: str, group: list[_Draft]) -> _Draft | None:
    """The figure a "về …"/"ở chiều …" aspect names: by shared words, else by kind ("lượng" → tonnes)."""
    wanted = _tokens(aspect)
    scored = [(len(wanted & _label(d)), i) for i, d in enumerate(group)]
    best, index = max(scored, default=(0, -1))
    if best:
        return group[index]
    for word, kinds in _MEASURE_KIND.items():
        if word in aspect.lower():
            for draft in reversed(group):
                if draft.figure.kind in kinds:
                    return draft
    return None


def _change_unit(figure: Figure, target: _Draft | None) -> str:
    unit = _CHANGE_UNIT.get(figure.kind or "", figure.unit or "")
    return _rate_unit(unit, target.unit if target is not None else None)


def _rate_unit(unit: str, level_unit: str | None) -> str:
    """An amount of the level's currency is a change of its rate: 1.000 đồng on "đồng/kg" is VND/kg."""
    return level_unit if level_unit and level_unit.startswith(unit + "/") else unit


def _same_unit(a: str | None, b: str | None) -> bool:
    if a is None or b is None:
        return False
    return a == b or ("/" not in a and "/" not in b and a.split()[0] == b.split()[0])


def _choose_parent(draft: _Draft, candidates: list[_Draft]) -> _Draft | None:
    """The total a breakdown item belongs to: same unit, most shared subject words, latest."""
    pool = [c for c in candidates[-_MAX_CANDIDATES:] if not c.comparative and c is not draft]
    if draft.change_only:
        return next((c for c in reversed(pool) if c.changes or c.change_only), None)
    same = [c for c in pool if _same_unit(c.unit, draft.unit)]
    if same:
        words = _tokens(draft.subject)
        return max(reversed(same), key=lambda c: len(words & _tokens(c.subject)))
    return next((c for c in reversed(pool) if c.change_only), None)


class _Reader:
    """Reads one text sentence by sentence, keeping the state that crosses sentences."""

    def __init__(self, text: str, budget: int) -> None:
        self.text = text
        self.drafts: list[_Draft] = []
        self.previous_sentence: list[_Draft] = []
        self.previous_candidates: list[_Draft] = []
        self.period: str | None = None  # the period told last, as of the sentences in `unread`
        self.unread: list[tuple[int, int]] = []  # sentences without figures since, their periods not read yet
        self.english = english_separators(text)  # "1,320" is 1320 only where the whole text writes so
        self.sentence_start = 0
        self.spans = _sentences(text)  # where each sentence is; a metric quotes the sentence it was read in
        self.number_starts = number_starts(text)[:budget]  # found once for the text, not once a sentence

    def read(self) -> list[_Draft]:
        for number, (start, end) in enumerate(self.spans):
            self._sentence(number, start, end)
        return self.drafts

    def _period_told(self) -> str | None:
        """The period told last before this sentence, for a figure that tells none: the sentences without
        figures are read for it only now, latest first, and most of them never (7% of the stage)."""
        while self.unread:
            start, end = self.unread.pop()
            found = periods(self.text, start, end)
            if found:
                self.period, self.unread = found[-1][1], []
        return self.period

    def _subject(self, figure: Figure, role: Role, gap_start: int, noun: str, fallback: str | None) -> str | None:
        """The subject of a new metric: the clause before it, the noun after it, or the one before."""
        subject = subject_before(self.text, gap_start, figure.start)
        if role.comparative or (subject and _ANAPHORA_RE.match(subject)):
            return fallback or subject
        named = self._named_before(subject)
        if named:
            return named
        if is_level_noun(subject) and fallback and subject and not fallback.lower().startswith(subject.lower()):
            return with_measure(subject, fallback)
        if is_level_noun(subject) and subject and not fallback:
            return with_measure(subject, self._moved_before(gap_start, figure.start))
        if figure.kind == "count" and figure.unit:
            holder = None if is_generic(subject) else subject
            if holder and holder[0].isupper() and not noun:
                return holder  # a named holder ("Hàn Quốc hơn 3,36 triệu lượt") is the subject
            counted = " ".join(p for p in (holder, figure.unit, noun) if p)
            return counted if holder or noun or not fallback else f"{counted} {fallback}"
        if noun and not _REFERENCE_NOUN_RE.match(noun) and role.name not in {"share", "change"}:
            if figure.kind == "percent":
                # "X đóng góp … với 93% doanh thu": the share of X's revenue
                return self._holder_share(noun, subject, self.text[gap_start : figure.start], fallback)
            if figure.kind in {"money", "physical"}:
                return f"{noun} {subject}" if subject else noun
        if subject is None:
            return fallback
        if is_measure_word(subject) and fallback and subject.lower() not in fallback.lower():
            return with_measure(subject, fallback)
        return subject

    def _named_before(self, subject: str | None) -> str | None:
        """ "Chính phủ đã ước tính sản lượng này là 80.000 tấn": "sản lượng này" (this output) is the
        latest subject that names "sản lượng"."""
        if not subject or not subject.endswith(("này", "đó")):
            return None
        found = _DEMONSTRATIVE_RE.search(subject)
        if not found:
            return None
        words = found.group("noun").lower().split()
        for size in range(len(words), 0, -1):
            noun = " ".join(words[-size:])
            for draft in reversed(self.drafts[-_MAX_CANDIDATES:]):
                if draft.subject and noun in draft.subject.lower():
                    return draft.subject
        return None

    def _moved_before(self, gap_start: int, end: int) -> str | None:
        """ "giá đất nền … cùng nhích lên, tỷ lệ tăng bình quân chừng 4%": what the clause before
        says moved, for a change size named on its own."""
        comma = self.text.rfind(",", gap_start, end)
        if comma < 0:
            comma = self.text.rfind(",", max(self.sentence_start, gap_start - _GAP_BACK), gap_start)
        if comma < 0:
            return None
        start = self.text.rfind(",", max(self.sentence_start, comma - _GAP_BACK), comma) + 1
        start = max(start, self.sentence_start)
        if not _MOVED_END_RE.search(self.text, start, comma):
            return None
        return subject_before(self.text, start, comma)

    @staticmethod
    def _holder_share(noun: str, subject: str | None, gap: str, fallback: str | None) -> str:
        """ "X đóng góp … với 71% doanh thu và 64% lợi nhuận": X's revenue, then X's profit."""
        if subject and "với" in gap and _WITH_END_RE.search(gap):
            return f"{noun} {_OF} {subject}"
        if fallback and _plain_join(gap) and f" {_OF} " in fallback:
            return f"{noun} {_OF} {fallback.split(f' {_OF} ', 1)[1]}"
        return noun

    def _sentence(self, number: int, start: int, end: int) -> None:
        text = self.text
        self.sentence_start = start
        first = bisect.bisect_left(self.number_starts, start)
        starts = self.number_starts[first : bisect.bisect_left(self.number_starts, end, first)]
        figures = find_figures(text, start, end, self.english, starts) if starts else []
        sentence_text = text[start:end]
        if not figures:  # most sentences: only the breakdown a "còn …" sentence continues is carried on
            self.unread.append((start, end))
            if self.previous_candidates and not _CONTINUES_RE.match(sentence_text):
                self.previous_candidates = []
            return
        found_periods = periods(text, start, end)
        period = period_before(found_periods, figures[0].start)
        if period:
            self.period, self.unread = period, []
        anaphor = _ANAPHORA_RE.match(sentence_text)
        opening = _PLACE_OPENING_RE.match(sentence_text)
        place = " ".join(opening.group("place").split()) if opening else None
        group: list[_Draft] = list(self.previous_sentence) if anaphor else []
        open_draft: _Draft | None = group[-1] if group else None
        mine: list[_Draft] = []
        candidates: list[_Draft] | None = list(self.previous_candidates) if _CONTINUES_RE.match(sentence_text) else None
        last_subject = self.previous_sentence[-1].subject if self.previous_sentence else None
        # each figure's clause starts after the previous figure and the noun it measures
        nouns: list[str] = []
        gap_starts = [start + (anaphor.end() if anaphor else 0)]
        for i, figure in enumerate(figures):
            next_start = figures[i + 1].start if i + 1 < len(figures) else end
            noun, length = measured_noun(text[figure.end : next_start], figure.kind == "count", i + 1 < len(figures))
            if figure.kind != "count" and i + 1 < len(figures) and not text[figure.end + length : next_start].strip():
                noun, length = "", 0  # "240 triệu đồng giúp 1.150 người": a verb and its object, not a noun
            nouns.append(noun)
            gap_starts.append(figure.end + length)
        _link_counts(text, nouns, figures, gap_starts)
        roles: list[Role] = []
        previous_role: Role | None = None
        for i, figure in enumerate(figures):
            gap = text[gap_starts[i] : figure.start]
            role = classify(gap, figure.kind, figure.sign, previous_role, figure.range_max is not None)
            if role.name == "skip" and figure.kind == "times" and nouns[i]:
                role = Role("value")  # "không vượt quá 2 lần hạn mức": a multiple of the named reference
            roles.append(role)
            previous_role = role
        run_lengths = _run_lengths(roles, figures, text)
        last_change_based = False
        entries: list[tuple[_Draft, int]] = []  # every change read in this sentence, in text order
        pending: _Draft | None = None  # the last change-only metric, which a new level may take over
        pending_run: list[_Draft] = []  # change-only metrics listed one after another ("1.000 đồng và 500 đồng")
        queued: list[_Draft] = []  # the rest of such a list, for the levels listed after the first
        drafted: dict[int, _Draft] = {}  # figure index → the metric it opened
        for i, (figure, role) in enumerate(zip(figures, roles, strict=True)):
            gap_start = gap_starts[i]
            gap = text[gap_start : figure.start]
            after_end = figures[i + 1].start if i + 1 < len(figures) else end
            after = text[figure.end : after_end]
            marker = has_marker(gap)
            if marker:
                before = [d for d in mine if not d.comparative]
                candidates = before or [d for d in self.previous_sentence if not d.comparative]
            breaks = ";" in gap or marker
            here_period = (
                period_right_after(found_periods, text, figure.end)
                or period_before(found_periods, figure.start)
                or self._period_told()
            )
            if role.name == "skip" or (figure.fraction and role.name != "change"):
                continue  # a contribution; or "½" that is not the size of a change
            if role.name == "change" and not role.comparative:
                attach = open_draft is not None and not breaks and is_residue_empty(gap)
                if attach and open_draft is not None and open_draft.change_only:
                    attach = last_change_based or role.restated or aspect_after(after) is not None
                if attach and open_draft is not None and figure.kind == "count" and open_draft.unit != figure.unit:
                    attach = False  # "12 phà …, tăng 80 chuyến/ngày": a count changes only a count of its noun
                if attach:
                    unit = _CHANGE_UNIT.get(figure.kind or "", "")
                    target = self._target(open_draft, group, run_lengths, i, after, unit)
                    change = Change(role.direction or "up", figure.value, _change_unit(figure, target))
                    basis = basis_after(after) or basis_before(gap)
                    target.changes.append((change, basis))
                    entries.append((target, len(target.changes) - 1))
                    if figure.range_max is not None and target.change_only:
                        target.range_max = figure.range_max
                    last_change_based = basis is not None
                    continue
            draft = _Draft(figure=figure, sentence=number, value=None, unit=None, period=here_period)
            if role.name == "change":
                change = Change(role.direction or "up", figure.value, _change_unit(figure, None))
                basis = None if role.comparative else (basis_after(after) or basis_before(gap))
                draft.changes.append((change, basis))
                entries.append((draft, 0))
                draft.comparative = role.comparative or _SAME_PERIOD_START_RE.match(gap.split("(")[-1]) is not None
                draft.places = _listed_places(text, figure.end)
                draft.range_max = figure.range_max
                last_change_based = basis is not None
            else:
                draft.value, draft.unit, draft.range_max = figure.value, figure.unit, figure.range_max
                draft.equivalent = bool(_EQUIVALENT_END_RE.search(gap))
                if role.name == "ratio":
                    draft.basis = reference_basis(after) or "plan"
                elif figure.kind == "percent":
                    draft.basis = _reference(after)
                # a share or a percent of a reference is not what a following relative change moves
                draft.share = role.name in {"share", "ratio"} or draft.basis is not None
            draft.qualifier = (
                qualifier_for(gap, gap, after)
                or ("about" if figure.approximate else None)
                or self._listed_qualifier(gap, mine, role, figure.kind)
            )
            draft.subject = _capped(_placed(self._subject(figure, role, gap_start, nouns[i], last_subject), place))
            last_subject = draft.subject or last_subject
            if role.name == "level" and pending is not None:
                if 1 < len(pending_run) <= _MAX_RUN and pending_run[-1] is pending:
                    # "tăng lần lượt 2.000 đồng và 1.500 đồng lên 61.000 đồng và 63.500 đồng/kg": in order
                    self._absorb(pending_run[0], draft, mine, entries, checked=False)
                    queued = pending_run[1:]
                else:
                    self._absorb(pending, draft, mine, entries)
                pending, pending_run = None, []
            elif queued and role.name == "value" and _plain_join(gap):
                self._absorb(queued.pop(0), draft, mine, entries, checked=False)
            elif draft.change_only and not draft.comparative:
                pending_run = [*pending_run, draft] if pending is not None and _plain_join(gap) else [draft]
                pending, queued = draft, []
            if candidates is not None and not draft.comparative:
                draft.candidates = candidates
            if breaks and not role.comparative:
                group = []
            if not draft.comparative and not draft.equivalent:
                group.append(draft)
                open_draft = draft
            mine.append(draft)
            self.drafts.append(draft)
            drafted[i] = draft
        _fill_bases(entries, _sentence_basis(sentence_text), text, start)
        _share_out_subjects(drafted, roles, figures, text, gap_starts)
        self.previous_sentence = mine or self.previous_sentence
        self.previous_candidates = candidates or [d for d in mine if not d.comparative]

    def _listed_qualifier(self, gap: str, mine: list[_Draft], role: Role, kind: str | None) -> Qualifier | None:
        """ "… 42.000 tỷ đồng doanh thu và 3.600 tỷ đồng lợi nhuận": a framing word covers the list."""
        if not mine or role.name != "value" or not _NOUNS_AND_RE.match(gap) or has_verb(gap):
            return None
        last = mine[-1]
        same_kind = last.figure.kind == kind
        framed = last.qualifier in {"estimate", "target"} and not last.change_only
        return last.qualifier if same_kind and framed else None

    def _target(
        self,
        open_draft: _Draft | None,
        group: list[_Draft],
        run_lengths: dict[int, tuple[int, int]],
        i: int,
        after: str,
        unit: str,
    ) -> _Draft:
        assert open_draft is not None
        values = [d for d in group if not d.change_only]
        if i in run_lengths:
            position, length = run_lengths[i]
            if len(values) >= length:
                return values[len(values) - length + position]
        aspect = aspect_after(after)
        if aspect:
            found = _aspect_target(aspect, group)
            if found is not None:
                return found
        if unit == "pp":  # percentage points move a share or a rate
            return next((d for d in reversed(group) if d.unit == "%"), open_draft)
        if open_draft.share:  # a relative change is the total's, not its share's
            return next((d for d in reversed(group) if not d.share and not d.change_only), open_draft)
        return open_draft

    def _absorb(
        self,
        change_only: _Draft,
        level: _Draft,
        mine: list[_Draft],
        entries: list[tuple[_Draft, int]],
        checked: bool = True,
    ) -> None:
        """ "tăng 60%, từ 40 triệu đồng/m2 lên 64 triệu đồng/m2": the change belongs to the new level.

        Unless `checked` is off (a listed pairing), only a "từ A" figure may stand between the two."""
        between = mine[-_MAX_RUN:]
        if change_only not in between:
            return
        between = between[between.index(change_only) + 1 :]
        start = between[0].figure.start if between else 0
        if checked and (
            len(between) > 1 or (between and not _FROM_END_RE.search(self.text, max(0, start - 60), start))
        ):
            return
        offset = len(level.changes)
        entries[:] = [(level, offset + k) if d is change_only else (d, k) for d, k in entries]
        level.changes.extend(
            (Change(c.direction, c.value, _rate_unit(c.unit, level.unit)), b) for c, b in change_only.changes
        )
        level.qualifier = level.qualifier or change_only.qualifier
        level.places, level.told = change_only.places, change_only.subject
        if change_only.subject and not level.subject:
            level.subject = change_only.subject
        elif change_only.subject and level.subject and _LOCATIVE_RE.match(level.subject):
            level.subject = f"{change_only.subject} {level.subject}"  # "giá cà phê … tại các tỉnh Tây Nguyên"
        _drop_recent(mine, change_only)
        _drop_recent(self.drafts, change_only)


def _drop_recent(drafts: list[_Draft], draft: _Draft) -> None:
    """Remove `draft`, one of the last few of `drafts` (without scanning a long list from its start)."""
    for index in range(len(drafts) - 1, max(-1, len(drafts) - 2 - _MAX_RUN), -1):
        if drafts[index] is draft:
            del drafts[index]
            return


def _reference(after: str) -> Basis | None:
    """ "76% kế hoạch năm", "90% cùng kỳ năm trước": a percent of a named reference."""
    phrase = after.lstrip()
    if _PLAN_START_RE.match(phrase):
        return "plan"
    if _SAME_PERIOD_START_RE.match(phrase):
        return "same_period_last_year"
    return None


def _link_counts(text: str, nouns: list[str], figures: list[Figure], gap_starts: list[int]) -> None:
    """ "9.020 người dân thuộc 2.410 hộ cận nghèo ở vùng núi": a count whose noun runs into the next
    count through "thuộc"/"của" (of) is described by that count's noun too (right to left, so chains hold)."""
    for i in range(len(figures) - 2, -1, -1):
        following = figures[i + 1]
        words = nouns[i].split()
        if (
            figures[i].kind == "count"
            and following.kind == "count"
            and words
            and words[-1].lower() in _LINKS
            and not text[gap_starts[i + 1] : following.start].strip()
        ):
            nouns[i] = " ".join(p for p in (nouns[i], following.unit, nouns[i + 1]) if p)


def _placed(subject: str | None, place: str | None) -> str | None:
    """ "Tại dự án X, giá căn hộ từ 10 tỷ đồng": the price at X (a named holder keeps its own words)."""
    if not subject or not place or not subject[0].islower() or place.lower() in subject.lower():
        return subject
    return f"{subject} {place[0].lower()}{place[1:]}"


def _capped(subject: str | None) -> str | None:
    """A subject of at most `_MAX_SUBJECT_WORDS` words: subjects built on the one before stay bounded."""
    if subject is None or subject.count(" ") < _MAX_SUBJECT_WORDS:
        return subject
    return " ".join(subject.split(" ", _MAX_SUBJECT_WORDS)[:_MAX_SUBJECT_WORDS])


def _sentence_basis(sentence: str) -> Basis | None:
    """ "So với cùng kỳ, doanh số … giảm 3%, …": one basis for the whole sentence."""
    found = _SENTENCE_BASIS_RE.match(sentence)
    return basis_after(found.group(0)) if found else None


def _run_lengths(roles: list[Role], figures: list[Figure], text: str) -> dict[int, tuple[int, int]]:
    """For "lần lượt/tương ứng tăng 7% và 33%": each change's (position, run length) in its list."""
    runs: dict[int, tuple[int, int]] = {}
    i = 0
    while i < len(roles):
        if roles[i].name == "change" and roles[i].respectively:
            j = i + 1
            while (
                j < len(roles)
                and roles[j].name == "change"
                and _plain_join(text[figures[j - 1].end : figures[j].start])
            ):
                j += 1
            if j - i >= 2:
                for k in range(i, j):
                    runs[k] = (k - i, j - i)
            i = j
        else:
            i += 1
    return runs


def _share_out_subjects(
    drafted: dict[int, _Draft], roles: list[Role], figures: list[Figure], text: str, gap_starts: list[int]
) -> None:
    """ "Xuất khẩu và nhập khẩu lần lượt đạt 305,6 tỷ USD và 283,5 tỷ USD": one subject each, in order."""
    i = 0
    while i < len(figures):
        first = drafted.get(i)
        if first is None or roles[i].name != "value" or not roles[i].respectively or not first.subject:
            i += 1
            continue
        j = i + 1
        while j < len(figures) and j in drafted and _plain_join(text[gap_starts[j] : figures[j].start]):
            j += 1
        parts = [p for p in _CONJUNCTS_RE.split(first.subject) if p]
        if j - i >= 2 and len(parts) == j - i:
            for k, part in zip(range(i, j), parts, strict=True):
                drafted[k].subject = part
        i = j


def _plain_join(gap: str) -> bool:
    return bool(_PLAIN_JOIN_RE.match(gap))


def _fill_bases(entries: list[tuple[_Draft, int]], sentence_basis: Basis | None, text: str, start: int) -> None:
    """Give every change without a stated basis the nearest one stated in the sentence, else the sentence's
    opening basis; a basis told for one quote does not carry forward to a level quoted after a semicolon."""
    entries = [(d, k) for d, k in entries if not d.comparative and k < len(d.changes)]
    # a ";"-clause that quotes a new level takes no basis from the clause before it (a basis at the end of a
    # list still covers the list: "A đạt …, tăng 6%; B đạt …, tăng 5% so với cùng kỳ")
    clauses = [text.count(";", start, d.figure.start) if not d.change_only else -1 for d, _ in entries]
    stated = [d.changes[k][1] for d, k in entries]
    later: list[Basis | None] = [None] * len(stated)
    for index in range(len(stated) - 2, -1, -1):
        later[index] = stated[index + 1] or later[index + 1]
    earlier: Basis | None = None
    for index, (draft, k) in enumerate(entries):
        if index and -1 not in {clauses[index], clauses[index - 1]} and clauses[index] != clauses[index - 1]:
            earlier = None
        if stated[index] is not None:
            earlier = stated[index]
            continue
        basis = later[index] or earlier or sentence_basis
        change, _ = draft.changes[k]
        draft.changes[k] = (change, basis)


def _listed_places(text: str, position: int) -> list[str]:
    """ "tăng 2.000 đồng tại Bắc Giang, Thái Bình và Nam Định": the places one change is told for."""
    found = _PLACES_RE.match(text, position, position + _PLACES_REACH)
    places = [p for p in _CONJUNCTS_RE.split(found.group("places")) if p] if found else []
    return places if len(places) >= _MIN_PLACES else []


def _spread_listed_changes(text: str, drafts: list[_Draft]) -> None:
    """A change told once for several places moves every level of its sentence quoted for one of them
    ("… tăng 1.500 đồng tại A, B và C; A và B đạt 53.500 đồng/kg, còn C … là 55.000 đồng/kg")."""
    for position, first in enumerate(drafts):
        if not first.places or first.change_only or not first.changes:
            continue
        if first.told and first.subject and first.subject.startswith(tuple(first.places)):
            first.subject = f"{first.told} {first.subject}"  # "Tuyên Quang và Vĩnh Phúc đạt …": the price there
        previous_end = first.figure.end
        for other in drafts[position + 1 : position + 1 + _MAX_LOOKAHEAD]:
            if other.sentence != first.sentence or other.change_only or other.changes or other.unit != first.unit:
                break
            place = next((p for p in first.places if p in text[previous_end : other.figure.start]), None)
            if place is not None:
                other.changes.extend(first.changes)
                if first.told and other.subject and other.subject.startswith(place):
                    other.subject = f"{first.told} {place}"  # "còn Hà Nam chạm mức …": the price in Hà Nam
            previous_end = other.figure.end


def _merge_announced_changes(drafts: list[_Draft]) -> None:
    """ "dầu diesel giảm 410 đồng/lít. … dầu diesel tối đa 19.860 đồng/lít": a change of an amount told
    before the price it moves (the fuel-price report shape) joins the later price of the same subject;
    in one sentence ("giá cà phê tăng 1.200 đồng/kg, dao động 118.500 - 119.800 đồng/kg") the next price."""
    positions = {id(d): i for i, d in enumerate(drafts)}
    merged: set[int] = set()
    for draft in drafts:
        if not draft.change_only or len(draft.changes) != 1 or draft.comparative:
            continue
        change, basis = draft.changes[0]
        if change.unit in _CHANGE_UNIT.values():
            continue
        words = _tokens(draft.subject)
        position = positions[id(draft)]
        later = drafts[position + 1 : position + 1 + _MAX_LOOKAHEAD]
        numerator = change.unit.split("/")[0]
        match = next(
            (
                d
                for k, d in enumerate(later)
                if not d.change_only
                and not d.changes
                and d.unit is not None
                and (d.unit == change.unit or d.unit.startswith(numerator + "/"))
                and (
                    (d.sentence > draft.sentence and words and words <= _tokens(d.subject))
                    or (k == 0 and d.sentence == draft.sentence and "/" in d.unit)
                )
            ),
            None,
        )
        if match is None:
            continue
        match.changes.append((Change(change.direction, change.value, match.unit or change.unit), basis))
        match.places, match.told = draft.places, draft.subject
        merged.add(id(draft))
        for other in later:
            if other.parent is draft:
                other.parent = match
    drafts[:] = [d for d in drafts if id(d) not in merged]


def number_budget(chars: int) -> int:
    """How many numbers a text of `chars` characters is read for (see `MAX_NUMBERS`).

    >>> number_budget(3_000), number_budget(2_000_000)
    (10000, 40000)
    """
    return max(MAX_NUMBERS, chars // MIN_CHARS_PER_NUMBER)


def extract(text: str) -> tuple[Metric, ...]:
    """Every figure in `text` as a `Metric`, in order of appearance (see the module docstring), within
    the text's own `number_budget`."""
    return extract_within(text, number_budget(len(text)))[0]


def extract_within(text: str, budget: int) -> tuple[tuple[Metric, ...], int]:
    """The metrics of `text` read from at most its first `budget` numbers, and how many numbers it held
    up to that many (what is left of a page's budget for its next passage is `budget` minus that)."""
    reader = _Reader(text, budget)
    drafts = reader.read()
    _merge_announced_changes(drafts)
    _spread_listed_changes(text, drafts)
    for draft in drafts:
        if draft.candidates:
            draft.parent = _choose_parent(draft, draft.candidates)
    for draft in drafts:
        if draft.changes and draft.basis is None:
            draft.basis = next((b for _, b in draft.changes if b is not None), None)
        if draft.changes and draft.basis is None and draft.parent is not None:
            draft.basis = draft.parent.basis
    index = {id(d): i for i, d in enumerate(drafts)}
    sentences = {number: text[slice(*reader.spans[number])].strip() for number in {d.sentence for d in drafts}}
    metrics = tuple(
        Metric(
            subject=d.subject,
            value=d.value,
            unit=d.unit,
            changes=tuple(c for c, _ in d.changes),
            basis=d.basis,
            qualifier=d.qualifier,
            period=d.period,
            range_max=d.range_max,
            parent=None if d.parent is None else index.get(id(d.parent)),
            text=text[d.figure.start : d.figure.end],
            sentence=sentences[d.sentence],
        )
        for d in drafts
    )
    return metrics, len(reader.number_starts)
