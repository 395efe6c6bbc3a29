"""The explain report: one self-contained HTML file showing what was extracted from a page and why.

Blocks come in page order. Removed ones are greyed and labelled with the reason the segment stage gave;
kept ones are grouped under their section, with each figure highlighted in the text and its typed
fields beside it; the metadata table says where each field came from. No script, font, image or style
sheet is loaded from anywhere: the file opens the same offline, in a mail attachment or a CI artefact.
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Sequence

from .blocks import Block, Role
from .explain import Explanation
from .model import Article, Metric
from .sections import enumeration_marker

__all__ = ["render_report"]

_CSS = """
body{font:15px/1.5 system-ui,sans-serif;margin:0;color:#1b1b1b;background:#fafafa}
header,main{max-width:1100px;margin:auto;padding:0 16px}
h1{font-size:22px;margin:16px 0 4px}
table.meta{border-collapse:collapse;margin:8px 0 16px;font-size:13px}
table.meta td,table.meta th{border:1px solid #ddd;padding:3px 8px;text-align:left;vertical-align:top}
.origin{color:#555;font-style:italic}
.block{display:grid;grid-template-columns:minmax(0,3fr) minmax(0,2fr);gap:12px;margin:6px 0;padding:6px 8px;
  border-left:4px solid #4a7;background:#fff}
.block.removed{border-left-color:#bbb;background:#f0f0f0;color:#8a8a8a}
.block.meta-line{border-left-color:#69c}
.block.caption{border-left-color:#c9a227}
.label{display:inline-block;font-size:11px;padding:0 6px;margin-right:6px;border-radius:3px;background:#4a7;color:#fff}
.removed .label{background:#999}
.meta-line .label{background:#69c}
.caption .label{background:#c9a227}
.section-head{margin:18px 0 4px;padding:2px 8px;font-weight:600;border-bottom:2px solid #4a7}
mark.metric{background:#ffe08a;padding:0 2px;border-radius:2px}
.metrics{font-size:12px}
.metric-card{border:1px solid #e3c96b;background:#fffaf0;border-radius:4px;padding:4px 6px;margin-bottom:4px}
.metric-card dt{float:left;clear:left;width:70px;color:#6b5a1e}
.metric-card dd{margin:0 0 0 74px}
"""

_ROLE_LABELS: dict[Role, str] = {
    Role.TITLE: "title",
    Role.LEAD: "lead",
    Role.HEADING: "heading",
    Role.PARAGRAPH: "paragraph",
    Role.QUOTE: "quote",
    Role.LIST_ITEM: "list item",
    Role.TABLE_ROW: "table row",
    Role.CAPTION: "caption",
    Role.BYLINE: "byline",
    Role.DATELINE: "date line",
    Role.SOURCE: "source",
}
_META_FIELDS = ("title", "published", "updated", "author", "source", "site_name", "url", "category", "tags", "views")


def _e(text: object) -> str:
    return html.escape("" if text is None else str(text))


def _metric_card(index: int, metric: Metric) -> str:
    changes = ", ".join(f"{c.direction} {c.value} {c.unit}" for c in metric.changes)
    fields = (
        ("value", metric.value),
        ("unit", metric.unit),
        ("changes", changes or None),
        ("basis", metric.basis),
        ("qualifier", metric.qualifier),
        ("period", metric.period),
        ("range max", metric.range_max),
        ("subject", metric.subject),
        ("parent", f"#{metric.parent}" if metric.parent is not None else None),
    )
    rows = "".join(f"<dt>{_e(k)}</dt><dd>{_e(v)}</dd>" for k, v in fields if v is not None)
    return f'<div class="metric-card" id="metric-{index}"><b>#{index}</b> «{_e(metric.text)}»<dl>{rows}</dl></div>'


def _highlight(text: str, metrics: Sequence[tuple[int, Metric]]) -> str:
    """Escape `text`, wrapping the first unclaimed occurrence of each metric's words in a <mark>."""
    spans: list[tuple[int, int, int]] = []
    for index, metric in metrics:
        start = text.find(metric.text) if metric.text else -1
        while start >= 0 and any(s < start + len(metric.text) and start < e for s, e, _ in spans):
            start = text.find(metric.text, start + 1)
        if start >= 0:
            spans.append((start, start + len(metric.text), index))
    out, at = [], 0
    for start, end, index in sorted(spans):
        out.append(_e(text[at:start]))
        out.append(f'<mark class="metric" data-metric="{index}" title="metric #{index}">{_e(text[start:end])}</mark>')
        at = end
    out.append(_e(text[at:]))
    return "".join(out)


def _metrics_by_block(blocks: Sequence[Block], metrics: Sequence[Metric]) -> dict[int, list[tuple[int, Metric]]]:
    """Each metric placed in the first block holding its sentence and an unclaimed occurrence of its words.

    Body blocks come first, since a caption that repeats a body figure is not where the metric was read;
    a figure the lead and the body both state is placed once in each.
    """
    body = [i for i, b in enumerate(blocks) if b.is_body]
    kept = body + [i for i, b in enumerate(blocks) if b.role is Role.CAPTION]
    placed: dict[int, list[tuple[int, Metric]]] = {}
    for index, metric in enumerate(metrics):
        for i in kept:
            text = blocks[i].text
            if not metric.text or (metric.sentence and metric.sentence[:40] not in text):
                continue
            claimed = sum(m.text == metric.text for _, m in placed.get(i, []))
            if text.count(metric.text) > claimed:
                placed.setdefault(i, []).append((index, metric))
                break
    return placed


def _block_html(block: Block, metrics: Sequence[tuple[int, Metric]]) -> str:
    if block.role is Role.CHROME:
        css, label = "block removed", f"removed: {block.reason or 'chrome'}"
    elif block.role in (Role.TITLE, Role.BYLINE, Role.DATELINE, Role.SOURCE):
        css, label = "block meta-line", _ROLE_LABELS[block.role]
    elif block.role is Role.CAPTION:
        css, label = "block caption", "caption"
    else:
        css, label = "block kept", _ROLE_LABELS[block.role]
    if block.reason and block.role is not Role.CHROME:
        label += f" ({block.reason})"
    cards = "".join(_metric_card(i, m) for i, m in metrics)
    return (
        f'<div class="{css}" data-role="{block.role.value}"><div><span class="label">{_e(label)}</span>'
        f'{_highlight(block.text, metrics)}</div><div class="metrics">{cards}</div></div>'
    )


def _section_starts(blocks: Sequence[Block]) -> dict[int, str]:
    """Where a new section begins, as the section stage decides it (headings, enumeration markers)."""
    starts: dict[int, str] = {}
    for i, block in enumerate(blocks):
        if block.role is Role.HEADING:
            starts[i] = f"section: {block.text}"
        elif block.role is Role.PARAGRAPH and (marker := enumeration_marker(block.text)):
            starts[i] = f"section: {marker}"
    return starts


def _meta_table(article: Article, origins: dict[str, str]) -> str:
    rows = []
    for name in _META_FIELDS:
        value = getattr(article, name)
        shown = ", ".join(value) if isinstance(value, tuple) else value
        rows.append(f"<tr><th>{name}</th><td>{_e(shown)}</td><td class='origin'>{_e(origins.get(name, ''))}</td></tr>")
    return "<table class='meta'><tr><th>field</th><th>value</th><th>from</th></tr>" + "".join(rows) + "</table>"


def _blocks_html(blocks: Sequence[Block], metrics: Sequence[Metric]) -> Iterable[str]:
    placed = _metrics_by_block(blocks, metrics)
    starts = _section_starts(blocks)
    for i, block in enumerate(blocks):
        if i in starts:
            yield f'<div class="section-head">{_e(starts[i])}</div>'
        yield _block_html(block, placed.get(i, []))


def render_report(explanation: Explanation) -> str:
    """The explain report of one extraction, as a complete HTML document."""
    article = explanation.article
    kept = sum(b.is_body for b in explanation.blocks)
    removed = sum(b.role is Role.CHROME for b in explanation.blocks)
    summary = (
        f"{len(explanation.blocks)} blocks: {kept} kept as body, {removed} removed as chrome; "
        f"{len(article.sections)} sections, {len(article.captions)} captions, {len(article.metrics)} metrics"
    )
    return "\n".join(
        [
            "<!DOCTYPE html>",
            '<html lang="vi"><head><meta charset="utf-8">',
            f"<title>vnnews_extract explain: {_e(article.title or 'untitled')}</title>",
            f"<style>{_CSS}</style></head><body>",
            f"<header><h1>{_e(article.title or '(no title found)')}</h1><p>{_e(summary)}</p>",
            _meta_table(article, dict(explanation.origins)),
            "</header><main>",
            *_blocks_html(explanation.blocks, article.metrics),
            "</main></body></html>",
        ]
    )
