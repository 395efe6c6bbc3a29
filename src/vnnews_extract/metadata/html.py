"""Metadata an HTML page declares: JSON-LD, OpenGraph and ``article:*`` meta, other meta tags, ``itemprop``,
``<time datetime>``, the canonical link, the visible breadcrumb and the visible tag box.

Each field is taken from the most trustworthy place that has it: JSON-LD first (written for search
engines, usually right), then OpenGraph / ``article:*``, then the older meta names and microdata. Values
that are the site rather than the writer ("VCCorp.vn", a Facebook URL, the site name as author) are
dropped. Category and tags come from what the reader sees (the breadcrumb, the tag box under the
article) before the page's declared keywords, which are often a longer SEO list.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from datetime import datetime

import lxml.html
import regex

from .dates import parse_date
from .fields import Metadata
from .jsonld import JsonLd, names_value, read_jsonld, text_value

__all__ = ["read_html_metadata"]

PUBLISHED_META: tuple[str, ...] = (
    "article:published_time",
    "og:published_time",
    "pubdate",
    "publishdate",
    "publish-date",
    "publish_date",
    "date",
    "dc.date.issued",
    "dc.date",
    "dcterms.created",
    "datepublished",
    "article.published",
    "sailthru.date",
    "datecreated",
)
"""Meta names/properties (lowercase) that carry the publication date, in order of trust."""

UPDATED_META: tuple[str, ...] = (
    "article:modified_time",
    "og:updated_time",
    "datemodified",
    "lastmod",
    "dc.date.modified",
)
"""Meta names/properties that carry the last-update date."""

AUTHOR_META: tuple[str, ...] = ("article:author", "author", "dc.creator", "sailthru.author")
"""Meta names/properties that may carry the writer's name (often the site's instead: filtered)."""

SECTION_META: tuple[str, ...] = ("article:section",)
"""Meta carrying the article's section."""

# Generic English section labels some CMSs put in article:section for every page.
_GENERIC_SECTIONS: frozenset[str] = frozenset({"news", "tin tuc", "tin tức", "article", "home"})
# Breadcrumb entries that are the site's root, not a section ("Trang chủ": home page).
_HOME_LABELS: frozenset[str] = frozenset({"trang chủ", "trang chu", "home", "trang nhất"})
# "Theo Lê Thu": "Theo" (by, according to) before a writer's name in author fields.
_AUTHOR_PREFIX = regex.compile(r"^\s*(?:Theo|Tác giả|Bài|By)\s*:?\s+", regex.IGNORECASE)
# "(Tuổi Trẻ/AFP)" after a name: the outlet, not part of the name.
_TRAILING_OUTLET = regex.compile(r"\s*\([^)]*\)\s*$")
# Something that is not a person's name: a URL, a domain, digits, a company or a newspaper's name.
_NOT_A_PERSON = regex.compile(
    r"https?:|www\.|\.(?:vn|com|net|org)\b|\d|^(?:báo|tạp chí|công ty|công nghệ|ban biên tập|tòa soạn)\b"
    r"|\b(?:news|team|admin|editor|seo)\b",
    regex.IGNORECASE,
)
_CAMEL = regex.compile(r"(?<=[a-z])(?=[A-Z])")
_TAG_BOX = regex.compile(r"(?<![a-z0-9])tag|tag(?:s|list|container|box|cloud)|keyword|tu-?khoa|hashtag")
# Links out of the site (share buttons, fan pages) or to scripts are never tags.
_NOT_A_TAG_LINK = regex.compile(
    r"^(?:javascript|mailto):|facebook\.|twitter\.|zalo\.|youtube\.|instagram\.|tiktok\.", regex.I
)
# "duong-dan" (path) and "chuyen-muc" (section): the Vietnamese names of the breadcrumb and section label.
_BREADCRUMB_BOX = regex.compile(r"crumb|duong[-_]?dan|chuyen[-_]?muc")
# Words one of which every tag box or breadcrumb name holds: a cheap test before the patterns above (one
# plain scan, ~0.23 µs, where testing each word in a loop took ~0.5 µs for each class/id pair not yet cached).
_BOX_WORDS = re.compile("tag|keyword|khoa|crumb|duong|chuyen")
# Tags `_Head` reads for their own sake (an <h1> for where the headline stands).
_HEAD_TAGS: frozenset[str] = frozenset({"meta", "script", "link", "time", "h1"})
# Widgets nested in a tag box or breadcrumb whose links are not part of it: menus, share bars.
_WIDGET = regex.compile(r"menu|drop|social|share|mxh|(?<![a-z])nav(?![a-z])")
# A tag box lists few, short links; more means a menu or a tag cloud.
_TAG_MAX_LINKS = 30
_TAG_MAX_WORDS = 10
_BREADCRUMB_MAX_LINKS = 8
# An <h1> of fewer words is a logo or a section name, not the headline.
_HEADLINE_MIN_WORDS = 3
# Labels inside tag boxes that are not tags: "Tags:", "Từ khóa:" (keywords), "Xem thêm chủ đề:" (more topics).
_TAG_LABEL = regex.compile(
    r"^(?:tags?|từ khóa|từ khoá|xem thêm(?: chủ đề| về)?|chủ đề|keywords?)\s*:?$", regex.IGNORECASE
)


def _clean(text: str | None) -> str | None:
    if not text:
        return None
    value = " ".join(text.split())
    return value or None


def _names(el: lxml.html.HtmlElement) -> str:
    """Lowercased class and id, camelCase split: "tagArticle" → "tag-article"."""
    raw = f"{el.get('class') or ''} {el.get('id') or ''}"
    return _CAMEL.sub("-", raw).lower() if raw.strip() else ""


def person_name(value: str | None, site_name: str | None = None) -> str | None:
    """A writer's name from an author field, or None when the field names the site or a URL.

    >>> person_name("Theo Lê Thu"), person_name("Theo Minh Châu (Tuổi Trẻ/AFP)")
    ('Lê Thu', 'Minh Châu')
    >>> person_name("VCCorp.vn"), person_name("https://www.facebook.com/vietnamnet.vn"), person_name("baodantri")
    (None, None, None)
    >>> person_name("VietNamNet News", site_name="VietNamNet News") is None
    True
    """
    text = _clean(value)
    if text is None:
        return None
    text = _TRAILING_OUTLET.sub("", _AUTHOR_PREFIX.sub("", text)).strip(" ,.-")
    if not text or _NOT_A_PERSON.search(text) or len(text.split()) > 6:
        return None
    if not all(w[0].isupper() or not w[0].isalpha() for w in text.split()):  # names are capitalised
        return None
    if site_name and text.casefold() in site_name.casefold():
        return None
    return text


@functools.lru_cache(maxsize=4096)
def _box_kind(cls: str | None, ident: str | None) -> str | None:
    """ "tags" or "breadcrumb" when a class/id pair names a tag box or a breadcrumb, else None.

    Cached per pair: CMSs repeat their class names, and this runs for every element of the page.

    >>> _box_kind("box-tag", None), _box_kind(None, "BreadCrumb"), _box_kind("p", None)
    ('tags', 'breadcrumb', None)
    """
    low = f"{cls} {ident}".lower()
    if _BOX_WORDS.search(low) is None:
        return None
    raw = f"{cls or ''} {ident or ''}"
    names = _CAMEL.sub("-", raw).lower() if raw.strip() else ""
    if _TAG_BOX.search(names):
        return "tags"
    if _BREADCRUMB_BOX.search(names):
        return "breadcrumb"
    return None


class _Head:
    """Meta values, JSON-LD texts, the canonical link, ``<time>`` values, microdata, and the tag and
    breadcrumb boxes, read in one pass over the tree.

    The pass visits every element (~760 a page), so it is kept lean: the few tags read for their own
    sake are dispatched from one set test, and class/id pairs are judged by the cached `_box_kind`
    (~0.45 ms a page instead of ~0.65 ms). The three attributes read on every element are named in
    bytes, which lxml takes as they are where it encodes a `str` name on each call (~20 ns a call,
    ~0.045 ms a page).
    """

    def __init__(self, tree: lxml.html.HtmlElement) -> None:
        self.meta: dict[str, str] = {}
        self.itemprops: dict[str, str] = {}
        self.scripts: list[str] = []
        self.canonical: str | None = None
        self.times: list[str] = []  # <time datetime> values, nearest the headline first
        self.tag_boxes: list[lxml.html.HtmlElement] = []
        self.breadcrumbs: list[lxml.html.HtmlElement] = []
        self.headline_seen = False
        self._headline_at = 0
        self._timed: list[tuple[int, str]] = []
        for position, el in enumerate(tree.iter()):
            tag = el.tag
            if tag in _HEAD_TAGS:
                self._head_tag(el, tag, position)
            elif not isinstance(tag, str):  # a comment or processing instruction
                continue
            if tag != "meta" and el.get(b"itemprop"):
                self._itemprop(el)
            cls, ident = el.get(b"class"), el.get(b"id")
            if cls is None and ident is None:
                continue
            box = _box_kind(cls, ident)
            if box == "tags":
                self.tag_boxes.append(el)
            elif box == "breadcrumb":
                self.breadcrumbs.append(el)
        # the article's own <time> stands next to its headline; tickers and related lists stand apart
        self.times = [value for _, value in sorted(self._timed, key=lambda t: abs(t[0] - self._headline_at))]

    def _head_tag(self, el: lxml.html.HtmlElement, tag: str, position: int) -> None:
        if tag == "meta":
            self._meta(el)
        elif tag == "script":
            if (el.get("type") or "").lower() == "application/ld+json" and el.text:
                self.scripts.append(el.text)
        elif tag == "link":
            if (el.get("rel") or "").lower() == "canonical" and el.get("href") and self.canonical is None:
                self.canonical = el.get("href")
        elif tag == "time":
            if el.get("datetime"):
                self._timed.append((position, el.get("datetime")))
        elif not self.headline_seen and len(el.text_content().split()) >= _HEADLINE_MIN_WORDS:  # an <h1>
            self.headline_seen = True
            self._headline_at = position
            self.tag_boxes.clear()  # tag clouds above the headline are the site's, not the article's

    def _meta(self, el: lxml.html.HtmlElement) -> None:
        content = el.get("content")
        if content is None or not content.strip():
            return
        for attr in ("property", "name", "itemprop"):
            key = el.get(attr)
            if key:
                self.meta.setdefault(key.strip().lower(), content.strip())
                if attr == "itemprop":
                    self.itemprops.setdefault(key.strip(), content.strip())

    def _itemprop(self, el: lxml.html.HtmlElement) -> None:
        key = el.get("itemprop")
        if (
            key in ("datePublished", "dateModified", "author", "headline", "articleSection")
            and key not in self.itemprops
        ):
            if key == "author":
                name = el.find('.//*[@itemprop="name"]')
                value = (name.get("content") or name.text_content()) if name is not None else el.text_content()
            else:
                value = el.get("content") or el.get("datetime") or el.text_content()
            if value and value.strip():
                self.itemprops[key] = " ".join(value.split())

    def first(self, keys: Iterable[str]) -> str | None:
        return next((self.meta[k] for k in keys if k in self.meta), None)


def _first_date(values: Iterable[str | None]) -> datetime | None:
    for value in values:
        parsed = parse_date(value) if value else None
        if parsed is not None:
            return parsed
    return None


def _in_widget(link: lxml.html.HtmlElement, box: lxml.html.HtmlElement) -> bool:
    """True when a link sits in a menu or share bar nested inside the box (a breadcrumb that also
    holds the section drop-down, or the share buttons)."""
    for el in link.iterancestors():
        if el is box:
            return False
        names = _names(el)
        if names and _WIDGET.search(names):
            return True
    return False


def _links(box: lxml.html.HtmlElement) -> list[str]:
    texts = (
        _clean(a.text_content())
        for a in box.iter("a")
        if not _NOT_A_TAG_LINK.search(a.get("href") or "") and not _in_widget(a, box)
    )
    return [t.strip("#,;| ") for t in texts if t and t.strip("#,;| ")]


def _outermost(elements: list[lxml.html.HtmlElement]) -> list[lxml.html.HtmlElement]:
    chosen = set(elements)
    return [el for el in elements if not any(a in chosen for a in el.iterancestors())]


def _visible_tags(head: _Head) -> tuple[str, ...]:
    """The tags of the first tag box after the headline ("Từ khóa: …", "Tags: …")."""
    for box in _outermost(head.tag_boxes):
        links = [t for t in _links(box) if not _TAG_LABEL.match(t)]
        if 0 < len(links) <= _TAG_MAX_LINKS and all(len(t.split()) <= _TAG_MAX_WORDS for t in links):
            return tuple(dict.fromkeys(links))
    return ()


def _leaf(trail: Iterable[str], title: str | None) -> str | None:
    items = [t for t in trail if t.casefold() not in _HOME_LABELS and (title is None or t != title)]
    return items[-1] if items else None


def _visible_category(head: _Head, title: str | None) -> str | None:
    """The deepest section of the visible breadcrumb ("Trang chủ › Kinh doanh › Tài chính" → "Tài chính")."""
    for box in _outermost(head.breadcrumbs):
        links = _links(box)
        if 0 < len(links) <= _BREADCRUMB_MAX_LINKS:
            leaf = _leaf(links, title)
            if leaf:
                return leaf
    return None


def _section(ld: JsonLd, head: _Head, title: str | None) -> str | None:
    trail = _leaf(ld.breadcrumb, title)
    if trail:
        return trail
    for value in (
        text_value(ld.article.get("articleSection")) if ld.article else None,
        head.itemprops.get("articleSection"),
        head.first(SECTION_META),
    ):
        section = _clean(value.split(",")[0]) if value else None
        if section and section.casefold() not in _GENERIC_SECTIONS:
            return section
    return None


def read_html_metadata(tree: lxml.html.HtmlElement) -> Metadata:
    """Everything the page's markup declares about the article (visible lines are read elsewhere)."""
    head = _Head(tree)
    ld = read_jsonld(head.scripts)
    article = ld.article or {}
    site_name = _clean(head.first(("og:site_name", "application-name"))) or text_value(article.get("publisher"))
    title = text_value(article.get("headline")) or _clean(head.first(("og:title", "twitter:title")))
    published = _first_date(
        (
            text_value(article.get("datePublished")),
            head.first(PUBLISHED_META),
            head.itemprops.get("datePublished"),
            *head.times[:1],
        )
    )
    updated = _first_date(
        (text_value(article.get("dateModified")), head.first(UPDATED_META), head.itemprops.get("dateModified"))
    )
    people = [n for value in names_value(article.get("author")) if (n := person_name(value, site_name))]
    author = " - ".join(people) or next(
        (
            name
            for value in (head.itemprops.get("author"), head.first(AUTHOR_META))
            if (name := person_name(value, site_name))
        ),
        None,
    )
    url = head.first(("og:url",)) or head.canonical or text_value(article.get("url") or article.get("mainEntityOfPage"))
    return Metadata(
        title=title,
        published=published,
        updated=updated,
        author=author,
        site_name=site_name,
        url=_clean(url),
        category=_visible_category(head, title) or _section(ld, head, title),
        tags=_visible_tags(head),
    )
