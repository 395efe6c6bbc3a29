"""One pass over the lxml tree: the page's visible text as raw blocks, each with what the tree says of it.

A block is the text between two block-level boundaries (a ``<p>``, a heading, a list item, a table cell,
a ``<br>``…). Each block keeps what later rules need and what its text alone cannot tell: the chain of
elements above it (for container scoring), how much of it is link text, whether it is all bold or italic,
its alignment, the nearest class/id hints (chrome family, caption, lead, author…), and whether an image
stands right before it. Data tables (rows of short cells) become one block per row, cells joined by
" | "; layout tables are walked like any other container.
"""

from __future__ import annotations

import functools
import html
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import NamedTuple, cast

import lxml.etree
import lxml.html
import regex

from ..parse import BLOCK_TAGS
from ..vocab import CHROME_PHRASES, chrome_reason, fold
from .hints import CHROME_HINTS, HIDDEN_CLASS, WEAK_FAMILIES, kinds_named

__all__ = ["RawBlock", "raw_blocks"]

# Elements whose content is never read text.
_SKIPPED_TAGS: frozenset[str] = frozenset(
    {
        "script",
        "style",
        "noscript",
        "template",
        "svg",
        "iframe",
        "object",
        "embed",
        "canvas",
        "video",
        "audio",
        "select",
        "option",
        "button",
        "input",
        "textarea",
        "head",
        "map",
        "math",
    }
)
_BOLD_TAGS: frozenset[str] = frozenset({"b", "strong"})
_ITALIC_TAGS: frozenset[str] = frozenset({"i", "em"})
_HEADING_TAGS: frozenset[str] = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
# Inline tags that change how their text is read even without attributes.
_INLINE_EFFECT_TAGS: frozenset[str] = _BOLD_TAGS | _ITALIC_TAGS | {"a", "font"}
_HIDDEN_STYLE = regex.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", regex.IGNORECASE)
_ALIGN_STYLE = regex.compile(r"text-align\s*:\s*(right|center|justify|left)", regex.IGNORECASE)
_BOLD_STYLE = regex.compile(r"font-weight\s*:\s*(?:bold|[6-9]00)", regex.IGNORECASE)
_ITALIC_STYLE = regex.compile(r"font-style\s*:\s*italic", regex.IGNORECASE)
# Inline typography that sets a line apart from the body text (captions are coloured, smaller, italic).
_SET_APART_STYLE = regex.compile(r"(?<![-\w])color\s*:|font-size\s*:|font-style\s*:\s*italic", regex.IGNORECASE)
_CAMEL = regex.compile(r"(?<=[a-z])(?=[A-Z])")
_ZERO_WIDTH_MARKS = ("\u200b", "\u200c", "\u200d", "\ufeff")
_ZERO_WIDTH_AS_SPACE = {ord(c): " " for c in _ZERO_WIDTH_MARKS}
# Longer lines are never only chrome phrases; not matching them saves most of the vocabulary work.
_CHROME_LINE_MAX_CHARS, _CHROME_LINE_MAX_WORDS = 100, 14
# An image table (picture row, caption row) has at most this many rows.
_FIGURE_TABLE_MAX_ROWS = 3
# The first word of every chrome phrase: a line opening with another word is not made of them.
_CHROME_FIRST_WORDS: frozenset[str] = frozenset(fold(p).split()[0] for ps in CHROME_PHRASES.values() for p in ps)
_FIRST_WORD = regex.compile(r"[\p{L}]+")
# A small inline script that writes a string into an element, and the markup inside such a string.
_WRITING_SCRIPT_MAX_CHARS = 400
_WRITE_BY_ID = regex.compile(
    r"""getElementById\(\s*["'](?P<id>[^"']{1,80})["']\s*\)\.innerHTML\s*=\s*"""
    r"""(?P<q>["'])(?P<text>(?:(?!(?P=q)).){1,200})(?P=q)"""
)
_MARKUP = regex.compile(r"<[^>]*>")
# Chrome families whose boxes are read as one block, and the tags that name a family by themselves.
PRUNED_FAMILIES: frozenset[str] = frozenset({"navigation", "footer", "comments", "related", "ad"})
_TAG_FAMILIES: dict[str, str] = {"nav": "navigation", "footer": "footer"}
_COARSE_MAX_CHARS = 300
# Elements whose text is code, never shown, also inside a coarse box.
_CODE_TAGS = ("script", "style")
_TEXT_NODES = lxml.etree.XPath(".//text()", smart_strings=False)
# A data table's cells are short; longer cells mean the table lays out an article or a box.
_DATA_CELL_MAX_CHARS = 200


class Hints(NamedTuple):
    """What the class/id names above a block say: for each kind, the path depth of the nearest element
    that names it (None = no element does). Depths let a rule ignore names on the container's ancestors.

    A named tuple, not a frozen dataclass: one is made for every named element the walk meets, and a
    frozen dataclass takes ~3 µs to make, this ~1 µs (~60 a page: ~0.1 ms)."""

    chrome: str | None = None
    chrome_at: int | None = None
    caption: int | None = None
    lead: int | None = None
    title: int | None = None
    author: int | None = None
    source: int | None = None
    date: int | None = None
    breadcrumb: int | None = None
    subheading: int | None = None
    content: int | None = None


@dataclass(slots=True)
class RawBlock:
    """A run of visible text and what the tree says about it.

    Its words are counted from its spaces, the cut text of a coarse box included:

    >>> box, line = raw_blocks(lxml.html.fromstring(f"<div><nav>{'Tin ' * 80}</nav><p> Giá \\n xăng</p></div>"))
    >>> (box.text[-4:], box.words), (line.text, line.words)
    (('Tin ', 75), ('Giá xăng', 2))
    """

    text: str  # whitespace collapsed (`clean_text`); a coarse block's cut may end in a space
    tag: str  # the nearest block-level element's tag, "tr" for a data-table row
    path: tuple[lxml.html.HtmlElement, ...]  # block-level ancestors, outermost first
    link_chars: int
    bold: bool  # the whole text is bold
    italic: bool
    styled: bool  # the whole text has its own colour, size or slant
    align: str | None
    hints: Hints
    in_heading: str | None = None  # h1…h6 when inside one
    list_at: int | None = None  # path depth of the nearest enclosing <li>
    in_quote: bool = False
    in_figure: bool = False
    after_image: bool = False  # an image stands between the previous block and this one
    image_near: bool = False  # the image stands in this block's <figure>, or in a row above it in a small table
    repeats_alt: bool = False  # the text repeats that image's alt text
    coarse: bool = False  # a whole chrome box read at once (its text may be cut short)
    index: int = 0
    # Read from the text once when the block is made: the rules of the segmenter ask for them again and again.
    words: int = field(init=False)  # how many words the text has
    chrome_phrase: str | None = field(init=False)  # the chrome family when the text is only chrome phrases
    link_density: float = field(init=False)  # the share of the text that is link text

    def __post_init__(self) -> None:
        text = self.text
        # The text is whitespace-collapsed (a coarse block's cut may leave one space at its end): its words
        # are its spaces plus one. Counting them in C makes no list of words (`split`: ~0.06 ms a page).
        self.words = text.count(" ") + (not text.endswith(" ")) if text else 0
        self.chrome_phrase = _chrome_phrase(self.text)
        self.link_density = self.link_chars / len(self.text) if self.text else 0.0

    @property
    def owner(self) -> lxml.html.HtmlElement:
        return self.path[-1]


def _chrome_phrase(text: str) -> str | None:
    """The chrome family when `text` is only chrome phrases ("Tin liên quan", "Chia sẻ").

    >>> _chrome_phrase("Tin liên quan"), _chrome_phrase("Giá xăng tăng")
    ('related', None)
    """
    if len(text) > _CHROME_LINE_MAX_CHARS or text.count(" ") >= _CHROME_LINE_MAX_WORDS:
        return None
    return _short_chrome_phrase(text)


@functools.lru_cache(maxsize=4096)
def _short_chrome_phrase(text: str) -> str | None:
    """`_chrome_phrase` of a short line, cached: menus, share bars and labels repeat the same few lines."""
    first = _FIRST_WORD.search(text)
    if first is None or _folded_word(first.group(0)) not in _CHROME_FIRST_WORDS:
        return None
    return chrome_reason(text)


@functools.lru_cache(maxsize=4096)
def _folded_word(word: str) -> str:
    """`fold` of one word, cached: pages open many lines with the same few words."""
    return fold(word)


def clean_text(text: str) -> str:
    """Collapse whitespace (zero-width marks included) to single spaces.

    >>> clean_text("  Giá\\u00a0 xăng\\ufeff\\n tăng ")
    'Giá xăng tăng'
    """
    if any(map(text.__contains__, _ZERO_WIDTH_MARKS)):
        text = text.translate(_ZERO_WIDTH_AS_SPACE)
    return " ".join(text.split())


def _names(attrs: dict[str, str]) -> str:
    """The names an element gives itself: class, id, and the ``data-role``/``type`` some CMSs use
    ("data-role=sapo", "type=RelatedNewsBox"), lowercased with camelCase split ("tagArticle" → "tag-article")."""
    cls, ident = attrs.get("class"), attrs.get("id")
    role, kind = attrs.get("data-role"), attrs.get("type")
    if cls is None and ident is None and role is None and kind is None:
        return ""
    return _lower_names(f"{cls or ''} {ident or ''} {role or ''} {kind or ''}")


@functools.lru_cache(maxsize=4096)
def _lower_names(raw: str) -> str:
    lowered = raw.lower()
    if lowered == raw:  # three names in four have no capital, so no camelCase to split (~1.1 µs saved)
        return lowered.strip()
    return _CAMEL.sub("-", raw).lower().strip()


def _is_hidden(el: lxml.html.HtmlElement, attrs: dict[str, str], names: str) -> bool:
    if attrs.get("hidden") is not None or (attrs.get("aria-hidden") == "true" and el.tag != "span"):
        return True
    style = attrs.get("style")
    if style and _HIDDEN_STYLE.search(style):
        return True
    return (
        bool(names)
        and ("hid" in names or "none" in names or "sr-only" in names)
        and HIDDEN_CLASS.search(names) is not None
    )


def _align(attrs: dict[str, str]) -> str | None:
    align = attrs.get("align")
    if align:
        return str(align).lower()
    style = attrs.get("style")
    if style:
        match = _ALIGN_STYLE.search(style)
        if match:
            return str(match.group(1)).lower()
    return None


@dataclass(frozen=True)
class _Named:
    """What one class/id string names (computed once per distinct string: CMSs repeat their names)."""

    chrome: str | None
    caption: bool
    lead: bool
    title: bool
    author: bool
    source: bool
    date: bool
    breadcrumb: bool
    subheading: bool
    content: bool


@functools.lru_cache(maxsize=4096)
def _named(names: str) -> _Named:
    kinds = kinds_named(names)
    return _named_kinds(kinds) if kinds else _NOTHING_NAMED  # any kind named sets a field: never "nothing"


def _named_kinds(kinds: frozenset[str]) -> _Named:
    family = next((family for family, _ in CHROME_HINTS if family in kinds), None)
    content = "content" in kinds
    if family in WEAK_FAMILIES and content:  # "content_detail … block_ads_connect": the content name wins
        family = None
    return _Named(
        chrome=family,
        caption="caption" in kinds,
        lead="lead" in kinds,
        title="title" in kinds,
        author="author" in kinds,
        source="source" in kinds,
        date="date" in kinds,
        breadcrumb="breadcrumb" in kinds,
        subheading="subheading" in kinds,
        content=content,
    )


_NOTHING_NAMED = _Named(None, False, False, False, False, False, False, False, False, False)


def _hints_for(names: str, depth: int, above: Hints) -> Hints:
    if not names:
        return above
    n = _named(names)
    if n is _NOTHING_NAMED:
        return above
    # Positional, in field order (~0.4 µs a call less than keywords)
    return Hints(
        n.chrome or above.chrome,  # chrome
        depth if n.chrome else above.chrome_at,  # chrome_at
        depth if n.caption else above.caption,  # caption
        depth if n.lead else above.lead,  # lead
        depth if n.title else above.title,  # title
        depth if n.author else above.author,  # author
        depth if n.source else above.source,  # source
        depth if n.date else above.date,  # date
        depth if n.breadcrumb else above.breadcrumb,  # breadcrumb
        depth if n.subheading else above.subheading,  # subheading
        depth if n.content else above.content,  # content
    )


def _rows(table: lxml.html.HtmlElement) -> list[lxml.html.HtmlElement]:
    rows: list[lxml.html.HtmlElement] = []
    for child in table:
        if child.tag == "tr":
            rows.append(child)
        elif child.tag in ("tbody", "thead", "tfoot"):
            rows.extend(r for r in child if r.tag == "tr")
    return rows


def _cells(row: lxml.html.HtmlElement) -> list[str]:
    return [clean_text(c.text_content()) for c in row if c.tag in ("td", "th")]


def _is_small_table(table: lxml.html.HtmlElement) -> bool:
    """A table of a few rows and no nested table: the frame of one picture and its caption."""
    return table.find(".//table") is None and len(table.findall(".//tr")) <= _FIGURE_TABLE_MAX_ROWS


def data_table_rows(table: lxml.html.HtmlElement) -> list[str] | None:
    """The rows of a data table as "cell | cell" lines, or None for a layout table.

    A data table has at least two rows of at least two non-empty cells, every cell short, no image and
    no nested table: a table holding an image beside its text, or whole paragraphs, lays out a page.

    >>> rows = "<tr><th>Mặt hàng</th><th>Giá</th></tr><tr><td>Gạo</td><td>12.000</td></tr>"
    >>> data_table_rows(lxml.html.fromstring(f"<table>{rows}</table>"))
    ['Mặt hàng | Giá', 'Gạo | 12.000']
    >>> step = "<tr><td><img src=a.jpg></td><td>Bước 1: trộn bột</td></tr>"
    >>> data_table_rows(lxml.html.fromstring(f"<table>{step}</table>")) is None
    True
    """
    if table.find(".//table") is not None or table.find(".//img") is not None:
        return None
    rows = [cells for cells in (_cells(r) for r in _rows(table)) if any(cells)]
    wide = [cells for cells in rows if sum(1 for c in cells if c) >= 2]
    if len(wide) < 2 or len(wide) < len(rows) / 2:
        return None
    if any(len(c) > _DATA_CELL_MAX_CHARS for cells in rows for c in cells):
        return None
    return [" | ".join(c for c in cells if c) for cells in rows]


@dataclass
class _Walk:
    """Mutable state of the single pass over the tree."""

    blocks: list[RawBlock] = field(default_factory=list)
    parts: list[str] = field(default_factory=list)
    link_chars: int = 0
    bold_chars: int = 0
    italic_chars: int = 0
    styled_chars: int = 0
    image_pending: bool = False
    image_owner: lxml.html.HtmlElement | None = None
    image_row: lxml.html.HtmlElement | None = None
    image_alt: str = ""
    written: dict[str, str] = field(default_factory=dict)  # element id → text a script writes into it

    def add_text(self, text: str | None, ctx: _Context) -> None:
        if not text:
            return
        self.parts.append(text)
        if not (ctx.in_link or ctx.bold or ctx.italic or ctx.styled):
            return
        size = len(text.strip())
        if ctx.in_link:
            self.link_chars += size
        if ctx.bold:
            self.bold_chars += size
        if ctx.italic:
            self.italic_chars += size
        if ctx.styled or ctx.italic:
            self.styled_chars += size


# Tags that change the context of the text under them by themselves (with attributes or not).
_CONTEXT_TAGS: frozenset[str] = (
    _BOLD_TAGS | _ITALIC_TAGS | _HEADING_TAGS | {"a", "font", "li", "blockquote", "figure", "figcaption", "table", "tr"}
)


@dataclass(slots=True)
class _Context:
    """What holds for the text under an element; never changed once made (a child that changes any of it
    gets a new one). The path of block-level elements above is passed beside it, not kept in it: one
    block element in two changes nothing else and shares its parent's context (-4 % of the walk)."""

    hints: Hints
    align: str | None = None
    in_link: bool = False
    bold: bool = False
    italic: bool = False
    styled: bool = False
    heading: str | None = None
    list_at: int | None = None
    in_quote: bool = False
    in_figure: bool = False
    figure: lxml.html.HtmlElement | None = None  # the nearest <figure> or small table, to tie captions to images
    row: lxml.html.HtmlElement | None = None


def _flush(walk: _Walk, path: tuple[lxml.html.HtmlElement, ...], ctx: _Context) -> None:
    if not walk.parts:
        return
    joined = "".join(walk.parts)
    # Four boundaries in five hold only the whitespace between tags: `isspace` (in C) skips cleaning them.
    text = "" if joined.isspace() else clean_text(joined)
    if text:
        visible = len(text) - text.count(" ") or 1  # the characters other than spaces (text is clean)
        # Positional, in field order: ~0.6 µs a block less than keywords (~0.04 ms a page)
        walk.blocks.append(
            RawBlock(
                text,  # text
                path[-1].tag if path else "body",  # tag
                path,  # path
                min(walk.link_chars, len(text)),  # link_chars
                walk.bold_chars >= 0.9 * visible,  # bold
                walk.italic_chars >= 0.9 * visible,  # italic
                walk.styled_chars >= 0.9 * visible,  # styled
                ctx.align,  # align
                ctx.hints,  # hints
                ctx.heading,  # in_heading
                ctx.list_at,  # list_at
                ctx.in_quote,  # in_quote
                ctx.in_figure,  # in_figure
                walk.image_pending,  # after_image
                walk.image_pending  # image_near
                and walk.image_owner is not None
                and walk.image_owner is ctx.figure
                and (ctx.figure.tag == "figure" or walk.image_row is not ctx.row),
                walk.image_pending and bool(walk.image_alt) and clean_text(walk.image_alt) == text,  # repeats_alt
                False,  # coarse
                len(walk.blocks),  # index
            )
        )
        walk.image_pending = False
    walk.parts.clear()
    walk.link_chars = walk.bold_chars = walk.italic_chars = walk.styled_chars = 0


def _child_context(
    el: lxml.html.HtmlElement, tag: str, attrs: dict[str, str], names: str, depth: int, ctx: _Context
) -> _Context:
    """The context of the text under `el`, whose parent stands at path depth `depth`: `ctx` itself when
    `el` changes nothing (~80 elements of ~250 a page: a <div> or <p> with neither style nor a telling name)."""
    hints = _hints_for(names, depth, ctx.hints) if names else ctx.hints
    style = attrs.get("style") or ""
    if hints is ctx.hints and tag not in _CONTEXT_TAGS and not style and not attrs.get("align"):
        return ctx
    # Positional, in field order: a context is made for ~170 elements a page, and passing 12 keywords
    # cost ~0.4 µs more a call.
    return _Context(
        hints,  # hints
        (_align(attrs) if attrs else None) or ctx.align,  # align
        ctx.in_link or tag == "a",  # in_link
        ctx.bold or tag in _BOLD_TAGS or tag in _HEADING_TAGS or bool(style and _BOLD_STYLE.search(style)),  # bold
        ctx.italic or tag in _ITALIC_TAGS or bool(style and _ITALIC_STYLE.search(style)),  # italic
        ctx.styled  # styled
        or bool(style and _SET_APART_STYLE.search(style))
        or (tag == "font" and (attrs.get("color") is not None or attrs.get("size") is not None)),
        tag if tag in _HEADING_TAGS else ctx.heading,  # heading
        depth if tag == "li" else ctx.list_at,  # list_at
        ctx.in_quote or tag == "blockquote",  # in_quote
        ctx.in_figure or tag in ("figure", "figcaption"),  # in_figure
        el if tag == "figure" or (tag == "table" and _is_small_table(el)) else ctx.figure,  # figure
        el if tag == "tr" else ctx.row,  # row
    )


def _script_text(code: str | None, pattern: regex.Pattern[str]) -> regex.Match[str] | None:
    if not code or len(code) > _WRITING_SCRIPT_MAX_CHARS or "innerHTML" not in code:
        return None
    return pattern.search(code)


def _unmarked(text: str) -> str:
    return clean_text(html.unescape(_MARKUP.sub(" ", text)))


def _written_into_ids(tree: lxml.html.HtmlElement) -> dict[str, str]:
    """Texts that small inline scripts write into elements by id (``getElementById("x").innerHTML =
    "…"``): some CMSs print the date line that way, and the reader sees it where the element stands."""
    written: dict[str, str] = {}
    for script in tree.iter("script"):
        match = _script_text(script.text, _WRITE_BY_ID)
        if match is not None:
            written[match.group("id")] = _unmarked(match.group("text"))
    return written


def _prunable(el: lxml.html.HtmlElement, tag: str, names: str, path: tuple[lxml.html.HtmlElement, ...]) -> str | None:
    """The chrome family of a box read as one coarse block instead of element by element: menus,
    footers, comments, related lists and ads, as long as nothing says the box holds the article (a
    content name beside the chrome one, or the headline inside it). A bare ``<footer>`` or ``<nav>``
    inside an ``<article>`` is the article's own (byline, source, tags) and is read normally."""
    family = _TAG_FAMILIES.get(tag)
    if family is not None and any(a.tag == "article" for a in path):
        family = None
    if names:
        named = _named(names)
        if named.content:
            return None
        family = named.chrome or family
    if family not in PRUNED_FAMILIES or el.find(".//h1") is not None:
        return None
    return family


def _box_text(box: lxml.html.HtmlElement) -> str:
    """The opening `_COARSE_MAX_CHARS` characters of a box's shown text, whitespace collapsed.

    Read lazily and cut as soon as enough is read (cleaning piece by piece gives the same text as
    cleaning the whole): menus, comment threads and footers can be long, and only their opening is
    kept. The text nodes of a box without code are listed by one XPath in C. One XPath testing each
    text node for a script ancestor cost ~30 µs a box (~0.4 ms a page); this ~13 µs.

    >>> _box_text(lxml.html.fromstring("<div><b>Tin  mới</b><script>var x;</script> nhất<!-- c --></div>"))
    'Tin mới nhất'
    """
    code = next(box.iter(*_CODE_TAGS), None) is not None
    texts = _shown_texts(box) if code else cast(list[str], _TEXT_NODES(box))
    kept: list[str] = []
    size = 0
    for text in texts:
        part = "" if text.isspace() else clean_text(text)
        if part:
            kept.append(part)
            size += len(part) + 1
            if size > _COARSE_MAX_CHARS:
                break
    return " ".join(kept)[:_COARSE_MAX_CHARS]


def _shown_texts(el: lxml.html.HtmlElement) -> Iterator[str]:
    """The texts under `el` in document order, those inside scripts and styles (and comments) left out."""
    if el.text:
        yield el.text
    for child in el:
        if isinstance(child.tag, str) and child.tag not in _CODE_TAGS:
            yield from _shown_texts(child)
        if child.tail:
            yield child.tail


def _add_coarse(
    walk: _Walk, el: lxml.html.HtmlElement, family: str, path: tuple[lxml.html.HtmlElement, ...], ctx: _Context
) -> None:
    text = _box_text(el)
    if text:
        hints = ctx.hints._replace(chrome=family, chrome_at=len(path))
        walk.blocks.append(
            RawBlock(
                text=text,
                tag=el.tag,
                path=(*path, el),
                link_chars=0,
                bold=False,
                italic=False,
                styled=False,
                align=None,
                hints=hints,
                coarse=True,
                index=len(walk.blocks),
            )
        )


def _walk(el: lxml.html.HtmlElement, path: tuple[lxml.html.HtmlElement, ...], ctx: _Context, walk: _Walk) -> None:
    """Read the children of `el`, whose block-level ancestors (itself included when a block) are `path`."""
    for child in el:
        tag = child.tag
        if not isinstance(tag, str):  # comment or processing instruction: only its tail is text
            walk.add_text(child.tail, ctx)
            continue
        tag = tag.lower()
        if tag in _SKIPPED_TAGS:
            walk.add_text(child.tail, ctx)
            continue
        if tag == "br":
            if ctx.heading == "h1":  # a headline broken over two lines is still one headline
                walk.parts.append(" ")
            else:
                _flush(walk, path, ctx)
            walk.add_text(child.tail, ctx)
            continue
        if tag == "img":
            _flush(walk, path, ctx)
            walk.image_pending, walk.image_owner, walk.image_row = True, ctx.figure, ctx.row
            walk.image_alt = child.get("alt") or ""
            walk.add_text(child.tail, ctx)
            continue
        block = tag in BLOCK_TAGS
        # the attributes read once, for the rules below (class, id, style, align, hidden…)
        attrs = dict(child.items())
        if not block and tag not in _INLINE_EFFECT_TAGS and not attrs:
            inner = ctx  # a bare <span>, <u>, <sup>…: nothing about the text changes
        else:
            names = _names(attrs) if attrs else ""
            if attrs and _is_hidden(child, attrs, names):
                walk.add_text(child.tail, ctx)
                continue
            # only a named box or a <nav>/<footer> can be pruned: the test saves a call for most elements
            family = _prunable(child, tag, names, path) if block and (names or tag in _TAG_FAMILIES) else None
            if family is not None:
                _flush(walk, path, ctx)
                _add_coarse(walk, child, family, path, ctx)
                walk.add_text(child.tail, ctx)
                continue
            inner = _child_context(child, tag, attrs, names, len(path), ctx)
        inner_path = (*path, child) if block else path
        if block:
            _flush(walk, path, ctx)
        if walk.written and not child.text and len(child) == 0:
            walk.add_text(walk.written.get(attrs.get("id") or ""), inner)
        rows = data_table_rows(child) if tag == "table" else None
        if rows is not None:
            for row in rows:
                walk.parts.append(row)
                _flush(walk, inner_path, _Context(hints=inner.hints, align=inner.align))
                walk.blocks[-1].tag = "tr"
        else:
            walk.add_text(child.text, inner)
            _walk(child, inner_path, inner, walk)
            if block:
                _flush(walk, inner_path, inner)
        walk.add_text(child.tail, ctx)


def raw_blocks(tree: lxml.html.HtmlElement) -> list[RawBlock]:
    """Every visible text block of the page's body, in document order."""
    body = tree.find("body")
    root = body if body is not None else tree
    walk = _Walk(written=_written_into_ids(tree))
    path, ctx = (root,), _Context(hints=Hints())
    walk.add_text(root.text, ctx)
    _walk(root, path, ctx, walk)
    _flush(walk, path, ctx)
    return walk.blocks
