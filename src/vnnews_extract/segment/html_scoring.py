"""Main-content detection: which element of the tree holds the article body.

Every raw block is weighed as prose: long, few link characters, dense in Vietnamese function words
("của", "và", "được"…), not a chrome phrase and not inside a chrome-named box. Menus, link lists, tag
rows and related-news titles weigh little. Each element scores the prose inside it minus the link text
and chrome labels inside it; the best element is then narrowed to the child that still holds nearly
all of its prose, so a wrapper around the article and its sidebar does not win over the article itself.
A known CMS container (`hints.KNOWN_CMS_CONTAINERS`) adds a boost and stops the narrowing; it is never
required.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from dataclasses import dataclass

import lxml.html
import regex

from ..vocab import END_OF_ARTICLE_REASONS
from . import hints
from .html_blocks import RawBlock

__all__ = ["Container", "find_container", "prose_weight"]

# Link share above which a block is a link (menu item, related title), not prose.
_LINK_DENSITY_MAX = 0.4
# Share of function words in running Vietnamese prose is ~0.2–0.35; titles and labels fall below this.
_FUNCTION_WORD_SHARE = 0.12
# Blocks of fewer words than this weigh nothing on their own (labels, counters, buttons).
_MIN_WORDS = 4
# Chrome families whose boxes count against the elements that hold them.
_HEAVY_FAMILIES: frozenset[str] = frozenset({"comments", "related", "ad", "share", "tags"})
# When the prose outside chrome-named boxes is below this share of all prose, the names are not trusted.
_TRUSTED_NAMES_SHARE = 0.35
# A child holding at least this share of its parent's prose is the tighter container.
_NARROW_SHARE = 0.85
# A sibling after the container continues the article when it holds this much prose and at most this
# share of link/label words; a sibling with more link/label words than the gap allows ends the search.
_CONTINUATION_MIN_PROSE = 10.0
_CONTINUATION_CHROME_SHARE = 0.2
_GAP_MAX_CHROME = 8.0
# How much a known CMS container's score is raised.
_CMS_BOOST = 1.3


@dataclass(frozen=True)
class Container:
    """The chosen article container and the prose weight of every block (same order as the blocks)."""

    element: lxml.html.HtmlElement
    depth: int  # index of `element` in the path of the blocks under it
    weights: tuple[float, ...]
    members: frozenset[int] = frozenset()  # ids of `element` and the siblings that continue the article

    def holds(self, path: Sequence[lxml.html.HtmlElement]) -> bool:
        """True when a block with this path is part of the article container."""
        return len(path) > self.depth and (path[self.depth] is self.element or id(path[self.depth]) in self.members)


def function_word_share(text: str) -> float:
    """Share of the words of `text` that are Vietnamese function words.

    >>> round(function_word_share("Giá xăng của Việt Nam đã tăng trong tháng này"), 2)
    0.4
    >>> function_word_share("Trang chủ Thời sự Kinh doanh")
    0.0
    """
    words = text.lower().split()
    if not words:
        return 0.0
    return sum(1 for w in words if w.strip(",.;:!?()\"'“”") in hints.FUNCTION_WORDS) / len(words)


def prose_weight(block: RawBlock, trust_names: bool = True) -> float:
    """How much a block reads as article prose: its word count, discounted for links and labels.

    With `trust_names`, text in boxes named as comments, related news, ads, share bars or tags weighs
    nothing.
    """
    if block.coarse:
        return 0.0
    words = len(block.text.split())
    if words < _MIN_WORDS or block.link_density >= _LINK_DENSITY_MAX:
        return 0.0
    if trust_names and block.hints.chrome in _HEAVY_FAMILIES:
        return 0.0
    if block.chrome_phrase is not None:
        return 0.0
    share = function_word_share(block.text)
    return words * (1.0 - block.link_density) * min(1.0, share / _FUNCTION_WORD_SHARE)


def _chrome_weight(block: RawBlock) -> float:
    """How much a block counts against the elements holding it: its link words and chrome labels.

    Text in chrome-named boxes (comments, related) weighs nothing either way: the role tagger drops
    those boxes anyway, and a comment box inside the article container must not push the choice down
    to a single paragraph.
    """
    if block.coarse:
        return 0.0
    words = len(block.text.split())
    if block.chrome_phrase is not None:
        return float(words)
    return words * block.link_density


def _is_known_cms(element: lxml.html.HtmlElement) -> bool:
    cls, ident = element.get("class"), element.get("id")
    if cls is None and ident is None:
        return False
    return _names_known_cms(f"{cls or ''} {ident or ''}".lower(), hints.KNOWN_CMS_CONTAINERS)


@functools.lru_cache(maxsize=4096)
def _names_known_cms(names: str, table: tuple[regex.Pattern[str], ...]) -> bool:
    """Cached per class/id string and table (the benchmark swaps the table to measure the generic path)."""
    return any(p.search(names) for p in table)


def find_container(blocks: Sequence[RawBlock]) -> Container | None:
    """The element holding the article body, or None when the page has no prose at all."""
    weights = tuple(prose_weight(b) for b in blocks)
    if sum(weights) < _TRUSTED_NAMES_SHARE * sum(prose_weight(b, trust_names=False) for b in blocks):
        # the chrome names hide most of the page's prose: a site naming its article box "binh-luan"
        # (commentary) or "box-ads-…"; weigh the text alone
        weights = tuple(prose_weight(b, trust_names=False) for b in blocks)
    # Totals start at each block's owner and are then carried up the tree once, deepest first.
    prose: dict[int, float] = {}
    chrome: dict[int, float] = {}
    parent: dict[int, int | None] = {}
    elements: dict[int, tuple[lxml.html.HtmlElement, int]] = {}
    ended_in: set[int] = set()  # elements holding a comments/related/footer label
    for block, weight in zip(blocks, weights, strict=True):
        path = block.path
        key = id(path[-1])
        if key not in elements:
            for depth in range(len(path) - 1, -1, -1):
                k = id(path[depth])
                if k in elements:
                    break
                elements[k] = (path[depth], depth)
                parent[k] = id(path[depth - 1]) if depth else None
                prose[k] = chrome[k] = 0.0
        prose[key] += weight
        chrome[key] += _chrome_weight(block)
        if block.chrome_phrase in END_OF_ARTICLE_REASONS:
            ended_in.update(id(element) for element in path)
    if not elements:
        return None
    child_prose: dict[int, dict[int, float]] = {}  # element → its children → their prose
    for key in sorted(elements, key=lambda k: elements[k][1], reverse=True):
        up = parent[key]
        if up is not None:
            prose[up] += prose[key]
            chrome[up] += chrome[key]
            if prose[key]:
                child_prose.setdefault(up, {})[key] = prose[key]
    if max(prose.values()) <= 0:
        return None
    known = {k for k, (element, _) in elements.items() if _is_known_cms(element)}

    def score(key: int) -> float:
        value = prose[key] - chrome[key]
        return value * _CMS_BOOST if value > 0 and key in known else value

    best = max(prose, key=score)
    while best not in known and best in child_prose:
        children = child_prose[best]
        child = max(children, key=children.__getitem__)
        if children[child] < _NARROW_SHARE * prose[best]:
            break
        best = child
    element, depth = elements[best]
    members = _continuations(element, prose, chrome, ended_in)
    return Container(element, depth, weights, frozenset(members))


def _unnamed(element: lxml.html.HtmlElement) -> bool:
    """True unless the element's class/id says it is chrome or a metadata box (author, source, date)."""
    names = f"{element.get('class') or ''} {element.get('id') or ''}".lower()
    return not names.strip() or not (
        hints.chrome_hint(names)
        or hints.AUTHOR_HINT.search(names)
        or hints.SOURCE_HINT.search(names)
        or hints.DATE_HINT.search(names)
    )


def _continuations(
    element: lxml.html.HtmlElement, prose: dict[int, float], chrome: dict[int, float], ended_in: set[int]
) -> set[int]:
    """The container and the siblings after it that carry on the article: sites split the text around an
    ad slot or a picture box into several boxes, and narrowing keeps only the biggest. A sibling joins
    when it is mostly prose; the search stops at a link list or a comments/related/footer label."""
    members = {id(element)}
    parent = element.getparent()
    if parent is None:
        return members
    seen = False
    for sibling in parent:
        key = id(sibling)
        if not seen:
            seen = sibling is element
            continue
        if key in ended_in:
            break
        text, links = prose.get(key, 0.0), chrome.get(key, 0.0)
        if text >= _CONTINUATION_MIN_PROSE and links <= _CONTINUATION_CHROME_SHARE * text and _unnamed(sibling):
            members.add(key)
        elif links > _GAP_MAX_CHROME:
            break
    return members
