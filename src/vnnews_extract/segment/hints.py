"""Class/id hints and vocabularies the HTML segmenter reads, as named data.

Vietnamese CMSs name their boxes in Vietnamese without tone marks ("binh-luan" comments, "tin-lien-quan"
related news, "quang-cao" ads, "chu-thich" caption, "tac-gia" author) or in English ("related", "share",
"sapo"). Each family below is matched against an element's lowercased ``class`` and ``id``; substrings are
used for words long enough not to occur inside other names, token starts for short ones ("ad", "tag").

`KNOWN_CMS_CONTAINERS` is the only per-site knowledge: the article container of CMSs we know, used as a
boost to container scoring, never as the only way in. The generic path must stand without it (the
benchmark measures both).
"""

from __future__ import annotations

import re

import regex

from ..vocab import alternation

__all__ = [
    "AUTHOR_HINT",
    "BREADCRUMB_HINT",
    "CAPTION_HINT",
    "CHROME_HINTS",
    "CONTENT_HINT",
    "DATE_HINT",
    "FUNCTION_WORDS",
    "HIDDEN_CLASS",
    "HINT_KINDS",
    "KNOWN_CMS_CONTAINERS",
    "LEAD_HINT",
    "SOURCE_HINT",
    "SUBHEADING_HINT",
    "TITLE_HINT",
    "WEAK_FAMILIES",
    "chrome_hint",
    "hint_pattern",
    "kinds_named",
]


def hint_pattern(
    substrings: tuple[str, ...] = (), prefixes: tuple[str, ...] = (), words: tuple[str, ...] = ()
) -> regex.Pattern[str]:
    """One pattern for a family: `substrings` anywhere, `prefixes` at a name's start, `words` whole.

    Names are split by spaces, "-" and "_": the prefix "tag" matches "tags", "tag-pos" and "tagArticle"
    but not "stage"; the word "ad" matches "ad" and "header-ad" but not "adm-mainsection".

    >>> tag = hint_pattern(prefixes=("tag",))
    >>> bool(tag.search("box tagarticle")), bool(tag.search("stage"))
    (True, False)
    >>> ad = hint_pattern(words=("ad",))
    >>> bool(ad.search("header-ad")), bool(ad.search("adm-mainsection"))
    (True, False)
    """
    parts = [regex.escape(s) for s in substrings]
    if prefixes:
        parts.append(r"(?<![a-z0-9])(?:" + "|".join(regex.escape(t) for t in prefixes) + r")")
    if words:
        parts.append(r"(?<![a-z0-9])(?:" + "|".join(regex.escape(t) for t in words) + r")(?![a-z0-9])")
    pattern = regex.compile("|".join(parts))
    _PATTERN_LITERALS[pattern] = (*substrings, *prefixes, *words)
    return pattern


# The plain words each pattern made by `hint_pattern` looks for, its lookarounds aside (see `kinds_named`).
_PATTERN_LITERALS: dict[regex.Pattern[str], tuple[str, ...]] = {}


# Chrome families by class/id; the family is the reason the block is removed (same names as
# vocab.CHROME_PHRASES). Checked in this order: the first family that matches wins.
CHROME_HINTS: tuple[tuple[str, regex.Pattern[str]], ...] = (
    # reader comments: "binh-luan"/"binhluan" (comments), "y-kien" (opinions), "cmt"
    ("comments", hint_pattern(("comment", "binh-luan", "binhluan", "y-kien", "ykien", "disqus"), words=("cmt",))),
    # other articles: "tin-lien-quan"/"lienquan" (related), "cung-chuyen-muc" (same section), "xem-them" (see more)
    (
        "related",
        hint_pattern(
            (
                "related",
                "relate",
                "lienquan",
                "lien-quan",
                "lien_quan",
                "cungchuyenmuc",
                "cung-chuyen-muc",
                "xemthem",
                "xem-them",
                "tinkhac",
                "tin-khac",
                "othernews",
                "other-news",
                "morenews",
                "more-news",
                "readmore",
                "read-more",
                "mostread",
                "most-read",
                "docnhieu",
                "doc-nhieu",
                "suggest",
                "recommend",
                "link-content-footer",
            ),
        ),
    ),
    # share, print, like bars; "mxh" is mạng xã hội (social network)
    (
        "share",
        hint_pattern(("share", "social", "sharing", "addthis", "fb-like", "like-button", "print"), words=("mxh",)),
    ),
    # ads: "quang-cao"/"quangcao" (advertising), "qc"
    (
        "ad",
        hint_pattern(
            ("quangcao", "quang-cao", "quang_cao", "banner", "advert", "adsbygoogle", "sponsor", "adzone"),
            prefixes=("dfp", "google-ad"),
            words=("ad", "ads", "adv", "qc"),
        ),
    ),
    # topic tags: "tu-khoa" (keywords)
    ("tags", hint_pattern(("keyword", "tukhoa", "tu-khoa", "hashtag"), prefixes=("tag",))),
    # rating widgets: "binh-chon" (vote), "danh-gia" (rating)
    ("rating", hint_pattern(("rating", "binhchon", "binh-chon", "danhgia", "danh-gia"), words=("vote", "poll"))),
    ("navigation", hint_pattern(("breadcrumb", "navbar", "pagination", "paging"), prefixes=("nav", "menu"))),
    ("footer", hint_pattern(words=("footer", "copyright"))),
)

WEAK_FAMILIES: frozenset[str] = frozenset({"ad", "share", "tags", "rating", "navigation", "footer"})
"""Families a CMS also writes as modifiers on a content box ("block_ads_connect", "has-share")."""

CONTENT_HINT = hint_pattern(
    ("content", "detail", "article", "noidung", "noi-dung", "chitiet", "chi-tiet", "entry", "story"),
    prefixes=("body", "post", "main"),
)
"""Names of the box that holds the article: "noi-dung" (content), "chi-tiet" (detail)."""

CAPTION_HINT = hint_pattern(
    ("caption", "chu-thich", "chuthich", "chu_thich", "img-desc", "image-desc", "photo-desc", "desc_image"),
    words=("image", "img-text", "legend"),
)
"""Captions: "chu-thich" (caption), "PhotoCMS_Caption", "tplCaption", the VnExpress-family ``td.Image``."""

LEAD_HINT = hint_pattern(
    ("sapo", "lead", "summary", "description", "tom-tat", "tomtat", "chapeau", "chappeau", "excerpt")
)
"""The sapo (lead paragraph): "sapo", "lead", "tom-tat" (summary)."""

TITLE_HINT = hint_pattern(("title", "tieude", "tieu-de", "headline"))
"""The headline: "tieu-de" (title)."""

AUTHOR_HINT = hint_pattern(("author", "tacgia", "tac-gia", "byline", "writer", "nguoi-viet"))
"""The byline: "tac-gia" (author)."""

SUBHEADING_HINT = hint_pattern(("subtitle", "sub-title", "subhead", "intertitle", "crosshead"))
"""An in-article subheading written as a styled paragraph ("p.subtitle", "p.pSubTitle")."""

SOURCE_HINT = hint_pattern(("nguon", "source", "link-source"))
"""The credit of a republished article: "nguon" (source)."""

DATE_HINT = hint_pattern(("date", "time", "ngay-dang", "publish"))
"""The date line."""

BREADCRUMB_HINT = hint_pattern(
    ("crumb", "duong-dan", "duong_dan", "duongdan", "chuyen-muc", "chuyenmuc", "category"), words=("cate",)
)
"""The section trail: "duong-dan" (path), "chuyen-muc" (section)."""

HIDDEN_CLASS = regex.compile(r"(?<![a-z0-9-])(?:hidden|d-none|hide|display-none|sr-only)(?![a-z0-9-])")
"""Class names that hide an element from the reader."""

_FUNCTION_WORDS_TEXT = """
    của và là có được cho các những trong với này đã không người một để khi từ theo về thì đến tại
    cũng như sẽ nhưng vì ra nên do bị năm đang còn mà hơn rất nhiều vào lại nếu đó đây sau trước
    chỉ vẫn nhằm qua trên dưới giữa cùng hay hoặc tôi chúng ta họ mình anh chị ông bà em
"""
FUNCTION_WORDS: frozenset[str] = frozenset(_FUNCTION_WORDS_TEXT.split())
"""Vietnamese function words: running prose is dense with them, titles, menus and link lists are not."""

KNOWN_CMS_CONTAINERS: tuple[regex.Pattern[str], ...] = tuple(
    regex.compile(p)
    for p in (
        r"(?<![a-z])detail-content(?![a-z])",  # the VCCorp CMS (cafef, genk, soha) and baochinhphu
        r"(?<![a-z])fck_detail(?![a-z])",  # vnexpress (2015–)
        r"(?<![a-z])maincontent(?![a-z])",  # vietnamnet
        r"(?<![a-z])article__body(?![a-z])",  # tienphong and other "article__" BEM themes
        r"(?<![a-z])cxtleft(?![a-z])",  # vnexpress (2010–2014)
        r"(?<![a-z])dtcontent(?![a-z])",  # vnexpress iOne / ngoisao (2012)
        r"(?<![a-z])newsdetail_wrapper(?![a-z])",  # zing (2012)
        r"(?<![a-z])text-conent(?![a-z])",  # 24h (sic)
    )
)
"""Article containers of known CMSs, matched on lowercased class/id: a scoring boost only."""


def chrome_hint(names: str) -> str | None:
    """The chrome family a lowercased "class id" string names, or None.

    >>> chrome_hint("box-tinlienquan clearfix"), chrome_hint("fb-comments"), chrome_hint("detail-content")
    ('related', 'comments', None)
    >>> chrome_hint("box quang-cao"), chrome_hint("header-ad"), chrome_hint("loading")
    ('ad', 'ad', None)
    """
    if not names:
        return None
    for family, pattern in CHROME_HINTS:
        if pattern.search(names):
            return family
    return None


HINT_KINDS: tuple[tuple[str, regex.Pattern[str]], ...] = (
    *CHROME_HINTS,
    ("content", CONTENT_HINT),
    ("caption", CAPTION_HINT),
    ("lead", LEAD_HINT),
    ("title", TITLE_HINT),
    ("author", AUTHOR_HINT),
    ("source", SOURCE_HINT),
    ("date", DATE_HINT),
    ("breadcrumb", BREADCRUMB_HINT),
    ("subheading", SUBHEADING_HINT),
)
"""Every kind of hint a class/id string can give: the chrome families in their order, then the others."""

_ALL_LITERALS: tuple[str, ...] = tuple(
    sorted({w for _, pattern in HINT_KINDS for w in _PATTERN_LITERALS[pattern]}, key=lambda w: (-len(w), w))
)
# Each word, and the kinds that own it or a word it begins with.
_OWNERS: dict[str, frozenset[str]] = {
    word: frozenset(kind for kind, p in HINT_KINDS if any(word.startswith(w) for w in _PATTERN_LITERALS[p]))
    for word in _ALL_LITERALS
}
# At each position the longest of those words that starts there (a lookahead, so every position is tried),
# compiled by `re`: ~1.5 µs a string where `regex` takes ~4.
_ANY_WORD = re.compile("(?=(" + alternation(_ALL_LITERALS) + "))")


def kinds_named(names: str) -> frozenset[str]:
    """The kinds of `HINT_KINDS` a lowercased "class id" string names.

    Asking each of the 17 patterns costs ~12 µs a string, and a page of a site not met before has 100–200
    strings not yet cached (1–2 ms). One scan instead finds, at each position, the longest word any kind
    looks for; a kind that matches there owns that word or a word it begins with, so only those kinds
    are then asked, with their own pattern (which also checks where a word must start or end).

    >>> sorted(kinds_named("box-tinlienquan clearfix")), sorted(kinds_named("detail-content tac-gia"))
    (['related'], ['author', 'content'])
    >>> kinds_named("row col-md-8")
    frozenset()
    """
    candidates: set[str] = set()
    for word in _ANY_WORD.findall(names):
        candidates |= _OWNERS[word]
    return frozenset(kind for kind, pattern in HINT_KINDS if kind in candidates and pattern.search(names))
