"""`extract()`: the pipeline end to end — decode → parse → segment → metadata → sections → metrics.

Each stage is a module of its own and data flows one way through them; this module only wires them
together and guarantees the error contract: whatever goes wrong, the caller sees an
`ExtractionError`, never an exception from deep inside a stage.
"""

from __future__ import annotations

import os
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Union

import lxml.etree
import lxml.html

from .blocks import Block, Role
from .deadline import check_deadline, deadline_scope
from .decode import MAX_INPUT_BYTES, decode_bytes, normalize_text
from .errors import (
    EmptyInputError,
    ExtractionError,
    InputTooLargeError,
    InternalExtractionError,
    UndecodableInputError,
    UnsupportedInputError,
)
from .metadata import Metadata, read_metadata
from .metrics.grammar import extract_within, number_budget
from .model import Article, Metric, Section
from .parse import Page, looks_like_html, parse_html, parse_text
from .sections import split_sections
from .segment import segment

if TYPE_CHECKING:
    from bs4 import BeautifulSoup

__all__ = ["Extraction", "Source", "extract", "run_pipeline"]

Source = Union[str, bytes, bytearray, "os.PathLike[str]", "BeautifulSoup", lxml.etree._Element]
"""What `extract()` reads: HTML or plain text as `str`, a raw page as `bytes`, a path, or a parsed
``bs4.BeautifulSoup`` / lxml element."""


def _read_path(path: os.PathLike[str]) -> str:
    try:
        size = os.path.getsize(path)
        if size > MAX_INPUT_BYTES:
            raise InputTooLargeError(f"{os.fspath(path)} is {size:,} bytes; the limit is {MAX_INPUT_BYTES:,}")
        with Path(path).open("rb") as file:  # bounded: a pipe or device (/dev/zero) reports size 0
            data = file.read(MAX_INPUT_BYTES + 1)
    except OSError as exc:
        raise UnsupportedInputError(f"cannot read {os.fspath(path)}: {exc.strerror or exc}") from exc
    return decode_bytes(data)


def _load(source: Source, url: str | None) -> Page:
    """Stages 1–2: turn any accepted source into a parsed `Page`."""
    if isinstance(source, lxml.etree._Element):
        # Serialised and parsed again: a caller's tree may be deeper than our parser allows (built with
        # huge_tree), and the later stages rely on parse_html's bounds.
        return parse_html(normalize_text(lxml.html.tostring(source, encoding="unicode")), url)
    if hasattr(source, "decode_contents"):  # a bs4 tree, without importing bs4 for everyone else
        return parse_html(normalize_text(str(source)), url)
    if isinstance(source, os.PathLike):
        text = _read_path(source)
    elif isinstance(source, bytes | bytearray):
        text = decode_bytes(bytes(source))
    elif isinstance(source, str):
        if len(source) > MAX_INPUT_BYTES:
            raise InputTooLargeError(f"input is {len(source):,} characters; the limit is {MAX_INPUT_BYTES:,}")
        text = normalize_text(source)
    else:
        raise UnsupportedInputError(f"extract() reads str, bytes, a path or a parsed tree, not {type(source).__name__}")
    if not text.strip():
        raise EmptyInputError("input holds no text")
    check_deadline("decode")
    return parse_html(text, url) if looks_like_html(text) else parse_text(text, url)


def _unique_captions(blocks: Iterable[Block]) -> tuple[str, ...]:
    seen: dict[str, None] = {}
    for block in blocks:
        if block.role is Role.CAPTION:
            seen.setdefault(block.text, None)
    return tuple(seen)


def _metric_key(metric: Metric) -> tuple[object, ...]:
    return (metric.value, metric.unit, metric.changes, metric.range_max)


def _article_metrics(lead: str | None, sections: tuple[Section, ...], captions: tuple[str, ...]) -> tuple[Metric, ...]:
    """Metrics of the lead, each section and the captions, each figure once, within the page's budget of
    numbers (`metrics.grammar.MAX_NUMBERS`).

    A caption usually repeats a figure of the body ("Tổng kim ngạch … 1.320 triệu USD"); the body's
    version is kept. `parent` indexes are shifted from each passage's own tuple into the article's.
    """
    passages: list[tuple[str, int | None]] = [(lead, None)] if lead else []
    passages += [("\n".join(s.paragraphs), i) for i, s in enumerate(sections)]
    passages += [(c, None) for c in captions]
    result: list[Metric] = []
    seen: set[tuple[object, ...]] = set()
    budget = number_budget(sum(len(text) for text, _ in passages))  # numbers read on the whole page
    for text, section in passages:
        check_deadline("metrics")
        found, numbers = extract_within(text, budget)
        budget -= numbers
        index_map: dict[int, int] = {}
        for i, metric in enumerate(found):
            key = _metric_key(metric)
            if key in seen and section is None:
                continue
            seen.add(key)
            parent = index_map.get(metric.parent) if metric.parent is not None else None
            index_map[i] = len(result)
            result.append(replace(metric, section=section, parent=parent))
    return tuple(result)


@dataclass(frozen=True, eq=False)
class Extraction:
    """Everything one run of the pipeline produced: the parsed page, its blocks, its metadata, the article.

    `extract()` hands back only the article; `explain()` also needs the blocks and the metadata.
    """

    page: Page
    blocks: tuple[Block, ...]
    metadata: Metadata
    article: Article


def _composed(blocks: tuple[Block, ...]) -> tuple[Block, ...]:
    """The blocks with NFC text. The decode stage made the page NFC, but a block joins the text of several
    elements, and a combining mark opening one (``Gia<b>\\u0301</b>``) composes with the letter before it
    only once they are joined."""
    if all(unicodedata.is_normalized("NFC", b.text) for b in blocks):
        return blocks
    return tuple(Block(unicodedata.normalize("NFC", b.text), b.role, b.reason) for b in blocks)


def _run(source: Source, url: str | None) -> Extraction:
    page = _load(source, url)
    check_deadline("parse")
    blocks = _composed(segment(page))
    check_deadline("segment")
    meta = read_metadata(page, blocks)
    check_deadline("metadata")
    lead, sections = split_sections(blocks)
    captions = _unique_captions(blocks)
    metrics = _article_metrics(lead, sections, captions)
    check_deadline("metrics")
    article = Article(
        title=meta.title,
        lead=lead,
        published=meta.published,
        updated=meta.updated,
        author=meta.author,
        source=meta.source,
        site_name=meta.site_name,
        url=meta.url,
        category=meta.category,
        tags=meta.tags,
        views=meta.views,
        sections=sections,
        captions=captions,
        metrics=metrics,
    )
    return Extraction(page, blocks, meta, article)


def run_pipeline(source: Source, *, url: str | None = None, timeout: float | None = None) -> Extraction:
    """Run every stage under the error contract: only `ExtractionError`s escape (see `extract`)."""
    try:
        with deadline_scope(timeout):
            return _run(source, url)
    except ExtractionError:
        raise
    except UnicodeError as exc:
        raise UndecodableInputError(f"input could not be decoded: {exc}") from exc
    except RecursionError as exc:
        raise InternalExtractionError("the page is nested too deeply to process") from exc
    except Exception as exc:  # the contract: nothing but our errors escapes
        raise InternalExtractionError(f"unexpected {type(exc).__name__} while extracting: {exc}") from exc


def extract(source: Source, *, url: str | None = None, timeout: float | None = None) -> Article:
    """Extract the article from one page.

    `source` is HTML or plain text (`str`; which one is detected), a raw page (`bytes`: decoded by BOM,
    declared charset or sniffing), a path to a file, or an already parsed ``bs4.BeautifulSoup`` or lxml
    element. `url` is used when the page declares no canonical URL. `timeout` is a budget in seconds
    (None: none): past it, `ExtractionTimeoutError` is raised. It is checked between stages and inside
    long loops, so it may be overrun by one stage (see `vnnews_extract.deadline`).

    Raises an `ExtractionError` subclass (see `vnnews_extract.errors`) and nothing else.

    >>> a = extract("Giá xăng tăng mạnh\\n\\nGiá xăng RON 95 tăng 500 đồng/lít từ 15h chiều nay.")
    >>> a.title, a.lead
    ('Giá xăng tăng mạnh', 'Giá xăng RON 95 tăng 500 đồng/lít từ 15h chiều nay.')
    """
    return run_pipeline(source, url=url, timeout=timeout).article
