"""HTML segmentation: find the article in the tree and tag every block with its role.

The page is read once into raw blocks (`html_blocks`), the article container is chosen by prose
weight (`html_scoring`), and each block is then given a role from where it stands and what it says:

- the headline is the heading the document title and ``og:title`` start with (sites append their name
  to ``<title>``, and some mark the logo as ``<h1>``), else the ``<h1>`` nearest above the body, else
  the nearest bold or "tieu-de" line above it (portals);
- between the headline and the container ("the article zone") stand the sapo, the date line, the
  byline and the section trail; outside the zone everything is chrome;
- inside the container, chrome is recognised by class/id hints and by Vietnamese chrome phrases, and
  once the body has begun a comments/related/footer marker ends it; link-dense blocks are related news;
- captions are caption-named boxes, ``figcaption``, and short centred or italic lines right under an
  image; a short bold or right-aligned name closing the article is the byline.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import lxml.html
import regex

from ..blocks import Block, Role
from ..metadata.dates import find_dates
from ..vocab import AUTHOR_LABELS, CAPTION_CREDIT, END_OF_ARTICLE_REASONS, SOURCE_LINE, VIEWS, chrome_reason, fold
from .html_blocks import RawBlock, clean_text, raw_blocks
from .html_scoring import Container, find_container, function_word_share

__all__ = ["segment_html"]

# Longest text a caption, a date line, a byline or a heading made of one bold line can have (words).
_CAPTION_MAX_WORDS = 80
_NAMED_CAPTION_MAX_WORDS = 300  # a figcaption may tell a whole photo story
_DATELINE_MAX_WORDS = 16
_BYLINE_MAX_WORDS = 8
_BOLD_HEADING_MAX_WORDS = 25
# A sapo written as a plain heading right under the headline is at least this long (words).
_LEAD_MIN_WORDS = 12
# How many blocks below the headline the sapo may stand (date line, byline, share bar, picture between).
_SAPO_REACH = 8
# Share of function words above which a block in the headline area reads as prose.
_SAPO_FUNCTION_SHARE = 0.1
# Link share above which a block in the article is a link to another article.
_RELATED_LINK_DENSITY = 0.5
# ">> Xem tiếp …", "» Tin liên quan": an arrow opening a line marks a link to another article.
_RELATED_ARROW = regex.compile(r"^\s*(?:>>|»|►|▶|→)")
# A document title a heading merely starts with must be this long (spaces) to count as a cut headline.
_CUT_TITLE_MIN_SPACES = 5
# A headline has at least this many words, at most that many, and stands this few blocks above the body.
_TITLE_MIN_WORDS, _TITLE_MAX_WORDS, _TITLE_REACH = 3, 40, 6
# A related-news card: a linked headline of at most this many words, a summary of at most that many,
# in a box of at most this many blocks.
_CARD_LINK_DENSITY, _CARD_TITLE_MAX_WORDS, _CARD_SUMMARY_MAX_WORDS, _CARD_MAX_BLOCKS = 0.8, 25, 60, 3
# Roles that mean the article text has begun.
_TEXT_ROLES: frozenset[Role] = frozenset({Role.PARAGRAPH, Role.LIST_ITEM, Role.TABLE_ROW, Role.QUOTE})
# Markers that end the article wherever they stand, and the share of the body's prose that may still
# follow a related-news marker for it to end the article.
_ALWAYS_ENDS: frozenset[str] = frozenset({"comments", "footer"})
_TAIL_PROSE_SHARE = 0.25
# "Minh Sơn (Theo Reuters)": the writer's name, then the outlet the article draws on.
_NAME_WITH_CREDIT = regex.compile(r"^(?P<name>[^()]{2,60}?)\s*\(\s*(?P<credit>(?:Theo|Nguồn)\b[^()]{2,60})\)\s*$")
# A credit line opens with "Theo" (according to) or "Nguồn" (source).
_CREDIT_OPENING = regex.compile(r"^\(?\s*(?:Theo|Nguồn)\b", regex.IGNORECASE)
_SOURCE_MAX_WORDS = 14
# Share links printed after a credit line are at most this many words ("Copy link", "Link bài gốc").
_TRAILING_CHROME_WORDS = 3
# How many blocks after the headline a date line outside the article zone may stand.
_DATELINE_REACH = 3
# A sentence ends with one of these; a heading and a name do not.
_SENTENCE_END = regex.compile(r"[.!?…:;”\"')]\s*$")
# A person's name or initials: "Papai", "K. Miên", "Quang Phong - Tùng Nguyên", "H.V.".
_NAME_LIKE = regex.compile(r"^(?:[\p{Lu}][\p{L}.]*\.?\s*(?:[-–,&]\s*)?){1,8}$")


def _fold_title(text: str) -> str:
    return fold(regex.sub(r"[\p{P}\p{S}]+", " ", text))


def _document_titles(tree: lxml.html.HtmlElement) -> list[str]:
    found = [clean_text(t.text_content()) for t in tree.iterfind(".//title")][:1]
    for meta in tree.iterfind(".//meta"):
        if (meta.get("property") or meta.get("name") or "").lower() in ("og:title", "twitter:title"):
            found.append(clean_text(meta.get("content") or ""))
    return [_fold_title(t) for t in found if t]


def _title_rank(block: RawBlock, titles: Sequence[str]) -> tuple[int, int, int] | None:
    """How well a heading matches the document titles: (match kind, heading level, length)."""
    key = _fold_title(block.text)
    if len(key) < 8:
        return None
    level = 7 - int(block.in_heading[1]) if block.in_heading else 0
    best = 0
    for title in titles:
        if title == key:
            best = max(best, 3)
        elif title.startswith(key) or (key.startswith(title) and title.count(" ") >= _CUT_TITLE_MIN_SPACES):
            best = max(best, 2)  # the second case: a <title> cut short, not a logo that opens with the site name
        elif title.endswith(key):
            best = max(best, 1)
    return (best, level, len(key)) if best else None


def _find_title(blocks: Sequence[RawBlock], tree: lxml.html.HtmlElement, container: Container | None) -> int | None:
    """Index of the headline block."""
    titles = _document_titles(tree)
    candidates = [
        b
        for b in blocks
        if (b.in_heading or b.hints.title is not None) and b.link_density < 0.5 and b.hints.chrome is None
    ]
    ranked = [(rank, -b.index, b.index) for b in candidates if (rank := _title_rank(b, titles)) is not None]
    if ranked:
        return max(ranked)[2]
    start = _first_index_in(blocks, container)
    before = [b for b in candidates if start is None or b.index <= start]
    h1s = [b for b in before if b.in_heading == "h1" and len(b.text.split()) >= _TITLE_MIN_WORDS]
    if h1s:  # the one nearest the body: a site logo printed as <h1> comes first
        return h1s[-1].index
    return _headline_above(blocks, start)


def _headline_above(blocks: Sequence[RawBlock], start: int | None) -> int | None:
    """A page without a matching heading (portals print the headline as a bold or "tieu-de" cell):
    the nearest short, heading-like line above the body."""
    if start is None:
        return None
    for b in reversed(blocks[max(0, start - _TITLE_REACH) : start]):
        words = len(b.text.split())
        heading_like = b.in_heading or b.hints.title is not None or b.bold
        if (
            heading_like
            and _TITLE_MIN_WORDS <= words <= _TITLE_MAX_WORDS
            and b.link_density < 0.5
            and b.chrome_phrase is None
            and not b.text.endswith((".", ":"))
            and not find_dates(b.text)
        ):
            return b.index
    return None


def _first_index_in(blocks: Sequence[RawBlock], container: Container | None) -> int | None:
    if container is None:
        return None
    return next((b.index for b in blocks if _inside(b, container)), None)


def _inside(block: RawBlock, container: Container) -> bool:
    return container.holds(block.path)


def _zone(blocks: Sequence[RawBlock], container: Container, title: int | None) -> tuple[lxml.html.HtmlElement, int]:
    """The article zone: the lowest common ancestor of the container and the headline."""
    if title is None:
        return container.element, container.depth
    title_path = blocks[title].path
    depth = 0
    for a, b in zip(
        title_path, blocks[_first_index_in(blocks, container) or 0].path[: container.depth + 1], strict=False
    ):
        if a is not b:
            break
        depth += 1
    depth -= 1
    if depth <= 1:  # only <html>/<body> hold both: the zone is the container itself
        return container.element, container.depth
    return title_path[depth], depth


def _named(depth: int | None, below: int) -> bool:
    """True when a class/id hint was found on an element below path depth `below` (not on the
    container or zone element or their ancestors, whose names speak for the whole page)."""
    return depth is not None and depth > below


def _chrome_of(block: RawBlock, below: int = -1) -> str | None:
    """The chrome family of a block from its hints (below depth `below` only) or its text."""
    if block.hints.chrome is not None and _named(block.hints.chrome_at, below):
        return block.hints.chrome
    if block.chrome_phrase is not None:
        return block.chrome_phrase
    if VIEWS.search(block.text) and len(block.text.split()) <= _DATELINE_MAX_WORDS:
        return "views"
    return None


def _is_dateline(block: RawBlock, below: int = -1) -> bool:
    words = len(block.text.split())
    if words > _DATELINE_MAX_WORDS or block.link_density > 0.5:
        return False
    found = find_dates(block.text)
    if not found:
        return False
    covered = sum(d.end - d.start for d in found)
    return _named(block.hints.date, below) or covered >= 0.3 * len(block.text) or words <= 8


def _is_caption(block: RawBlock, below: int = -1) -> bool:
    words = len(block.text.split())
    if block.in_heading or block.in_quote:
        return False
    if _named(block.hints.caption, below) or block.tag == "figcaption" or block.in_figure:
        return words <= _NAMED_CAPTION_MAX_WORDS
    if words > _CAPTION_MAX_WORDS:
        return False
    if CAPTION_CREDIT.search(block.text) and words <= 30 and (block.after_image or block.align == "center"):
        return True
    if not block.after_image:
        return False
    return block.image_near or block.repeats_alt or block.italic or (block.align == "center" and block.styled)


def _is_bold_heading(block: RawBlock) -> bool:
    words = len(block.text.split())
    return (
        block.bold
        and 1 <= words <= _BOLD_HEADING_MAX_WORDS
        and not block.text.rstrip().endswith((".", ";", ","))
        and block.align != "right"
    )


def _is_byline(block: RawBlock, below: int = -1) -> bool:
    text = _NAME_WITH_CREDIT.sub(r"\g<name>", AUTHOR_LABELS.sub("", block.text).strip())
    words = len(text.split())
    if not 1 <= words <= _BYLINE_MAX_WORDS or not text[0].isupper():
        return False
    if _named(block.hints.author, below):  # the name is often a link to the writer's page
        return True
    set_apart = block.bold or block.align == "right" or text != block.text.strip()  # styled, or labelled
    return block.link_density <= 0.6 and set_apart and _NAME_LIKE.match(text) is not None


def _is_source(block: RawBlock, below: int = -1) -> bool:
    """A credit line of a republished article: "Theo Enternews", "Nguồn: Bộ Công Thương", or a line
    opening with "Theo" in a box named for the source (whose outlet may be a domain name)."""
    if _CREDIT_OPENING.match(block.text) is None:
        return False
    text = _source_text(block.text)
    if len(text.split()) > _SOURCE_MAX_WORDS or text.endswith(":"):
        return False
    return SOURCE_LINE.match(text) is not None or _named(block.hints.source, below)


def _source_text(text: str) -> str:
    """A credit line without the share links printed after it ("Theo Tiền Phong Copy link").

    >>> _source_text("Theo Tiền Phong Copy link"), _source_text("Nguồn: Bộ Tài chính")
    ('Theo Tiền Phong', 'Nguồn: Bộ Tài chính')
    """
    words = text.split()
    for size in range(min(_TRAILING_CHROME_WORDS, len(words) - 2), 0, -1):
        if chrome_reason(" ".join(words[-size:])) is not None:
            return " ".join(words[:-size])
    return text


def _body_role(block: RawBlock, depth: int) -> Role:
    words = len(block.text.split())
    if (
        block.in_heading
        or _is_bold_heading(block)
        or (_named(block.hints.subheading, depth) and words <= _BOLD_HEADING_MAX_WORDS)
    ):
        return Role.HEADING
    if block.tag == "tr":
        return Role.TABLE_ROW
    if block.in_quote:
        return Role.QUOTE
    if _named(block.list_at, depth):
        return Role.LIST_ITEM
    return Role.PARAGRAPH


def _reads_as_sapo(block: RawBlock) -> bool:
    """A long prose block between the headline and the body is the sapo, whatever its markup."""
    return len(block.text.split()) >= _LEAD_MIN_WORDS and function_word_share(block.text) >= _SAPO_FUNCTION_SHARE


def _metadata_role(block: RawBlock, below: int, dates_allowed: bool) -> Role | None:
    """DATELINE, BYLINE or SOURCE for a line that states when, who or from where, else None.

    Checked before chrome hints: sites put the date line inside the share bar ("email-print",
    "sharemxh") and the author inside link boxes.
    """
    if block.coarse:
        return None
    if dates_allowed and _is_dateline(block, below):
        return Role.DATELINE
    author_at, chrome_at = block.hints.author, block.hints.chrome_at
    in_chrome_box = chrome_at is not None and author_at is not None and chrome_at >= author_at
    if _named(author_at, below) and not in_chrome_box and _is_byline(block, below):
        return Role.BYLINE
    if _is_source(block, below):
        return Role.SOURCE
    return None


def _bold_sapo(block: RawBlock) -> bool:
    """The first paragraph of the body printed all in bold and long is the sapo (a common portal style)."""
    return block.bold and not block.in_heading and _reads_as_sapo(block) and block.text.rstrip()[-1:] in ".!?…"


def _labelled_or_bare_name(block: RawBlock) -> bool:
    """Above the body a byline must say so ("Bài và ảnh: …", "PV: …") or be a bare two-word-or-longer
    name that links nowhere: a one-word bold line there is more often a section label."""
    return AUTHOR_LABELS.match(block.text) is not None or (block.link_density == 0 and len(block.text.split()) >= 2)


def _header_role(block: RawBlock, zone_depth: int, may_lead: bool, where: str) -> tuple[Role, str | None]:
    """Role of a block in the article zone outside the container: `where` is "above" (the headline
    area: sapo, date line, byline) or "below" (the article's foot: signature, source, tags)."""
    role = _metadata_role(block, zone_depth, dates_allowed=where == "above")
    if role is not None:
        return role, None
    family = _chrome_of(block, zone_depth)
    if family is not None:
        return Role.CHROME, family
    if _is_byline(block, zone_depth) and (where == "below" or _labelled_or_bare_name(block)):
        return Role.BYLINE, None
    if _named(block.hints.breadcrumb, zone_depth) or block.link_density >= _RELATED_LINK_DENSITY:
        return Role.CHROME, "navigation"
    if _is_caption(block, zone_depth):
        return Role.CAPTION, None
    if where == "above" and may_lead and (_named(block.hints.lead, zone_depth) or _reads_as_sapo(block)):
        return Role.LEAD, None
    return Role.CHROME, "article_header" if where == "above" else "article_footer"


def _tag_blocks(blocks: Sequence[RawBlock], container: Container, title: int | None) -> list[Block]:
    zone, zone_depth = _zone(blocks, container, title)
    first_inside = _first_index_in(blocks, container) or 0
    prose_after = _prose_after(blocks, container)
    cards = _card_summaries(blocks, container)
    out: list[Block] = []
    state = _State()
    for block in blocks:
        in_zone = (len(block.path) > zone_depth and block.path[zone_depth] is zone) or container.holds(block.path)
        since_title = block.index - title if title is not None else None
        if since_title == 0:
            out.append(Block(block.text, Role.TITLE))
            continue
        if not in_zone:
            out.append(_outside(block, title))
            continue
        inside = _inside(block, container)
        if not inside or (since_title is not None and since_title < 0):
            # the headline area (also inside a container that holds the headline) or the article's foot
            where = "below" if block.index > first_inside and not inside else "above"
            may_lead = not state.has_lead and (since_title is None or 0 < since_title <= _SAPO_REACH)
            role, reason = _header_role(block, zone_depth if not inside else container.depth, may_lead, where)
        elif block.index in cards:
            role, reason = Role.CHROME, "related"
        else:
            role, reason = _container_role(block, container, state, since_title)
            if role in (Role.CHROME, Role.SOURCE) and state.body_started and block.hints.chrome is None:
                marker = reason or "source"
                if (marker in END_OF_ARTICLE_REASONS or role is Role.SOURCE) and _ends_article(
                    marker, prose_after[block.index], prose_after[first_inside]
                ):
                    state.ended = state.ended or marker
            state.body_started = state.body_started or role in _TEXT_ROLES
        state.has_lead = state.has_lead or role is Role.LEAD
        out.append(Block(_source_text(block.text) if role is Role.SOURCE else block.text, role, reason))
    _mark_closing_byline(out, blocks)
    return out


@dataclass
class _State:
    """How far the reading of the article has come."""

    has_lead: bool = False
    body_started: bool = False
    ended: str | None = None  # the marker that ended the article text ("comments", "related", "source"…)


def _card_summaries(blocks: Sequence[RawBlock], container: Container) -> set[int]:
    """Blocks that summarise another article in a card inside the body: a small box (a few blocks)
    holding a linked headline and, right after it, a short unlinked summary. Cards without a telling
    class name are still related news."""
    found: set[int] = set()
    for prev, block in itertools.pairwise(blocks):
        if not (
            prev.link_density >= _CARD_LINK_DENSITY
            and len(prev.text.split()) <= _CARD_TITLE_MAX_WORDS
            and len(block.text.split()) <= _CARD_SUMMARY_MAX_WORDS
            and block.link_density < _RELATED_LINK_DENSITY
            and _inside(block, container)
        ):
            continue
        shared = next(
            (d for d in range(min(len(prev.path), len(block.path)) - 1, -1, -1) if prev.path[d] is block.path[d]), 0
        )
        if shared <= container.depth:
            continue
        box = block.path[shared]
        size = sum(
            1
            for b in blocks[max(0, prev.index - _CARD_MAX_BLOCKS) : block.index + _CARD_MAX_BLOCKS]
            if len(b.path) > shared and b.path[shared] is box
        )
        if size <= _CARD_MAX_BLOCKS:
            found.add(block.index)
    return found


def _prose_after(blocks: Sequence[RawBlock], container: Container) -> list[float]:
    """For each block, the prose weight of the container's blocks after it."""
    after = [0.0] * (len(blocks) + 1)
    for i in range(len(blocks) - 1, -1, -1):
        inside = _inside(blocks[i], container)
        after[i] = after[i + 1] + (container.weights[i + 1] if i + 1 < len(blocks) and inside else 0.0)
    return after


def _ends_article(reason: str, prose_left: float, prose_total: float) -> bool:
    """Whether a comments/related/footer marker inside the body ends the article.

    Comments and the footer always do. A "Tin liên quan" / "Về đầu trang" line ends it only when little
    prose follows: sites also print a related-links box in the middle of an article, and the text goes on.
    """
    if reason in _ALWAYS_ENDS:
        return True
    return prose_left <= _TAIL_PROSE_SHARE * prose_total


def _outside(block: RawBlock, title: int | None) -> Block:
    """Blocks outside the article zone: chrome, except a date line standing just after the headline.
    A date line above the headline is the site's clock (the day the page was saved, not published)."""
    if title is not None and 0 < block.index - title <= _DATELINE_REACH and _is_dateline(block):
        return Block(block.text, Role.DATELINE)
    family = _chrome_of(block)
    if family is None and (title is None or block.index < title) and _is_dateline(block):
        family = "clock"
    return Block(block.text, Role.CHROME, family or "outside")


def _container_role(
    block: RawBlock, container: Container, state: _State, since_title: int | None
) -> tuple[Role, str | None]:
    depth = container.depth
    near_title = since_title is not None and 0 < since_title <= _DATELINE_REACH
    role = _metadata_role(block, depth, dates_allowed=not state.body_started or near_title)
    if role is not None:
        return role, None
    family = _chrome_of(block, depth)
    if family is not None:
        return Role.CHROME, family
    if _is_caption(block, depth):
        return Role.CAPTION, None
    if state.ended is not None:
        return Role.CHROME, state.ended
    if block.link_density >= _RELATED_LINK_DENSITY or _RELATED_ARROW.match(block.text):
        return Role.CHROME, "related"
    if not state.has_lead and not state.body_started and _opens_as_sapo(block, depth, since_title):
        return Role.LEAD, None
    return _body_role(block, depth), None


def _opens_as_sapo(block: RawBlock, depth: int, since_title: int | None) -> bool:
    """The first block of the body is the sapo when named so, printed all bold, or printed as a long
    heading right under the headline ("<h2 class=Lead>" with its class stripped is still the sapo)."""
    if _named(block.hints.lead, depth) or _bold_sapo(block):
        return True
    near = since_title is not None and 0 < since_title <= _SAPO_REACH
    return near and block.in_heading is not None and _reads_as_sapo(block)


def _mark_closing_byline(out: list[Block], blocks: Sequence[RawBlock]) -> None:
    """The short bold or right-aligned name after the last paragraph is the author, not body."""
    for i in range(len(out) - 1, -1, -1):
        block = out[i]
        if block.role in (Role.CHROME, Role.SOURCE, Role.CAPTION, Role.BYLINE, Role.DATELINE, Role.HEADING):
            continue  # a heading after the last paragraph titles a box under the article
        if block.role not in (Role.PARAGRAPH, Role.HEADING):
            return
        raw = blocks[i]
        if CAPTION_CREDIT.search(raw.text) and len(raw.text.split()) <= 8:
            out[i] = Block(block.text, Role.CHROME, "credit")
            continue
        name = _NAME_WITH_CREDIT.sub(r"\g<name>", raw.text)
        if (_is_byline(raw) and function_word_share(name) == 0) or _is_signature(raw):
            out[i] = Block(block.text, Role.BYLINE)
        return


def _is_signature(block: RawBlock) -> bool:
    """A short right-aligned bold line closing the article signs it, even when it names an office
    ("Phòng Chăn nuôi và Thú y") rather than a person."""
    words = len(block.text.split())
    return (
        block.align == "right"
        and block.bold
        and 1 <= words <= _BYLINE_MAX_WORDS
        and block.text[0].isupper()
        and not _SENTENCE_END.search(block.text)
    )


def _split_credits(blocks: Iterable[Block]) -> list[Block]:
    """ "Minh Sơn (Theo Reuters)" as a byline is two lines in one: the writer, and the credit."""
    out: list[Block] = []
    for block in blocks:
        credited = _NAME_WITH_CREDIT.match(block.text) if block.role is Role.BYLINE else None
        if credited:
            out += [Block(credited.group("name"), Role.BYLINE), Block(credited.group("credit"), Role.SOURCE)]
        else:
            out.append(block)
    return out


def _without_container(blocks: Sequence[RawBlock], title: int | None) -> list[Block]:
    out = []
    for block in blocks:
        if block.index == title:
            out.append(Block(block.text, Role.TITLE))
        else:
            out.append(Block(block.text, Role.CHROME, _chrome_of(block) or "outside"))
    return out


def _drop_repeats(blocks: Iterable[Block]) -> list[Block]:
    """A body block repeating the headline, the sapo or the block before it is a second print of it
    (a header block that shows the headline and sapo again above the text): chrome."""
    out: list[Block] = []
    seen: set[str] = set()
    for block in blocks:
        if block.is_body and (block.text in seen or (out and out[-1].text == block.text)):
            out.append(Block(block.text, Role.CHROME, "repeat"))
            continue
        if block.role in (Role.TITLE, Role.LEAD):
            seen.add(block.text)
        out.append(block)
    return out


def _drop_trailing_headings(blocks: list[Block]) -> list[Block]:
    """Headings after the last paragraph head no text: they title the boxes under the article."""
    last_text = max((i for i, b in enumerate(blocks) if b.is_body and b.role is not Role.HEADING), default=-1)
    return [
        Block(b.text, Role.CHROME, "related") if b.role is Role.HEADING and i > last_text else b
        for i, b in enumerate(blocks)
    ]


def segment_html(tree: lxml.html.HtmlElement) -> tuple[Block, ...]:
    """Role-tagged blocks of an HTML page, in document order, chrome included with its reason."""
    blocks = raw_blocks(tree)
    container = find_container(blocks)
    title = _find_title(blocks, tree, container)
    if container is None:
        return tuple(_without_container(blocks, title))
    return tuple(_split_credits(_drop_trailing_headings(_drop_repeats(_tag_blocks(blocks, container, title)))))
