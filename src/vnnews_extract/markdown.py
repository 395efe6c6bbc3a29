"""`Article` → Markdown: title, lead, sections with their headings, captions, and a table of metrics."""

from __future__ import annotations

from .model import Article, Metric

__all__ = ["to_markdown"]

_METRIC_COLUMNS = ("#", "subject", "value", "unit", "changes", "basis", "qualifier", "period", "parent")


def _cell(value: object) -> str:
    text = "" if value is None else str(value)
    return " ".join(text.replace("|", "\\|").split())


def _metric_row(index: int, metric: Metric) -> str:
    changes = ", ".join(f"{'+' if c.direction == 'up' else '−'}{c.value} {c.unit}" for c in metric.changes)
    cells = (
        index,
        metric.subject,
        metric.value,
        metric.unit,
        changes,
        metric.basis,
        metric.qualifier,
        metric.period,
        metric.parent,
    )
    return "| " + " | ".join(_cell(c) for c in cells) + " |"


def to_markdown(article: Article) -> str:
    """Render an article as Markdown.

    >>> from vnnews_extract.model import Section
    >>> print(to_markdown(Article(title="Tiêu đề", lead="Mở đầu.", sections=(Section("Ý chính", ("Đoạn.",)),))))
    # Tiêu đề
    <BLANKLINE>
    **Mở đầu.**
    <BLANKLINE>
    ## Ý chính
    <BLANKLINE>
    Đoạn.
    <BLANKLINE>
    """
    out: list[str] = []
    if article.title:
        out += [f"# {article.title}", ""]
    byline = [x for x in (article.published and article.published.isoformat(), article.author, article.source) if x]
    if byline:
        out += ["*" + " · ".join(byline) + "*", ""]
    if article.lead:
        out += [f"**{article.lead}**", ""]
    for section in article.sections:
        if section.heading and not section.repeats_heading:
            out += [f"## {section.heading}", ""]
        for paragraph in section.paragraphs:
            out += [paragraph, ""]
    if article.captions:
        out += ["## Chú thích ảnh (captions)", ""] + [f"- {c}" for c in article.captions] + [""]
    if article.metrics:
        out += [
            "## Số liệu (metrics)",
            "",
            "| " + " | ".join(_METRIC_COLUMNS) + " |",
            "|" + "---|" * len(_METRIC_COLUMNS),
        ]
        out += [_metric_row(i, m) for i, m in enumerate(article.metrics)] + [""]
    return "\n".join(out)
