"""Server-rendered SVG charts for the analysis pages.

Each chart is an <svg role="img"> with a <title> and a <desc> that says what it shows in
words; the page puts a data table with the same numbers beside it. No script, no inline
style (the Content Security Policy forbids both): only SVG presentation attributes.
Colours are from the GOV.UK palette; each respondent group also has its own marker shape,
so colour is never the only cue, and every marker has a dark outline for contrast.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.html import escape, format_html
from django.utils.safestring import mark_safe

from consultation.analysis.scope import CAUTION_BELOW
from consultation.people.roles import RoleGroup

TEXT = "#0b0c0c"
GRID = "#b1b4b6"
MUTED = "#505a5f"
BLUE = "#1d70b8"

GROUP_STYLES = {
    "all": {"colour": "#ffffff", "shape": "ring", "label": "All respondents"},
    RoleGroup.LOCAL_AUTHORITY.value: {"colour": "#1d70b8", "shape": "circle", "label": "Local authority"},
    RoleGroup.CENTRAL_GOVERNMENT.value: {"colour": "#f47738", "shape": "square", "label": "Central government"},
    RoleGroup.SUPPLIER.value: {"colour": "#00703c", "shape": "triangle", "label": "Supplier or consultant"},
    RoleGroup.OTHER.value: {"colour": "#4c2c92", "shape": "diamond", "label": "Other"},
}
SHAPE_NAMES = {"ring": "white circle", "circle": "circle", "square": "square", "triangle": "triangle", "diamond": "diamond"}


def group_style(group: str) -> dict:
    style = dict(GROUP_STYLES[group])
    style["shape_name"] = SHAPE_NAMES[style["shape"]]
    return style


def marker(shape: str, x: float, y: float, colour: str, size: float = 6) -> str:
    outline = f'stroke="{TEXT}" stroke-width="1.5"'
    if shape in ("circle", "ring"):
        return f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{size:.1f}" fill="{colour}" {outline}/>'
    if shape == "square":
        s = size * 0.9
        return f'<rect x="{x - s:.1f}" y="{y - s:.1f}" width="{2 * s:.1f}" height="{2 * s:.1f}" fill="{colour}" {outline}/>'
    if shape == "triangle":
        s = size * 1.2
        points = f"{x:.1f},{y - s:.1f} {x + s:.1f},{y + s * 0.8:.1f} {x - s:.1f},{y + s * 0.8:.1f}"
        return f'<polygon points="{points}" fill="{colour}" {outline}/>'
    s = size * 1.25  # diamond
    points = f"{x:.1f},{y - s:.1f} {x + s:.1f},{y:.1f} {x:.1f},{y + s:.1f} {x - s:.1f},{y:.1f}"
    return f'<polygon points="{points}" fill="{colour}" {outline}/>'


def _svg(chart_id: str, title: str, description: str, width: int, height: int, body: list[str]):
    head = format_html(
        '<svg xmlns="http://www.w3.org/2000/svg" class="coe-chart__svg" viewBox="0 0 {} {}" '
        'role="img" aria-labelledby="{}-title {}-desc" focusable="false" '
        'font-family="&quot;GDS Transport&quot;, arial, sans-serif">'
        '<title id="{}-title">{}</title><desc id="{}-desc">{}</desc>',
        width, height, chart_id, chart_id, chart_id, title, chart_id, description,
    )
    return mark_safe(head + "".join(body) + "</svg>")  # noqa: S308 (body built from numbers and escaped text)


def _text(x, y, content, anchor="middle", size=13, colour=TEXT, weight="normal") -> str:
    return (
        f'<text x="{x:.1f}" y="{y:.1f}" text-anchor="{anchor}" font-size="{size}" '
        f'fill="{colour}" font-weight="{weight}">{escape(content)}</text>'
    )


@dataclass
class Bar:
    label: str
    value: float
    text: str


def column_chart(chart_id: str, title: str, description: str, bars: list[Bar], *, max_value: float,
                 axis_format=lambda v: f"{v:g}", x_label: str = "", colour: str = BLUE):
    """Vertical bars with their value written above each; axis from 0 to max_value."""
    width, height = 640, 280
    left, right, top, bottom = 48, 12, 24, 56
    plot_w, plot_h = width - left - right, height - top - bottom
    max_value = max_value or 1
    body = []
    for step in range(5):
        value = max_value * step / 4
        y = top + plot_h - plot_h * step / 4
        body.append(f'<line x1="{left}" y1="{y:.1f}" x2="{width - right}" y2="{y:.1f}" stroke="{GRID}" stroke-width="1"/>')
        body.append(_text(left - 6, y + 4, axis_format(value), anchor="end", size=12, colour=MUTED))
    slot = plot_w / max(len(bars), 1)
    bar_w = min(slot * 0.7, 80)
    label_size = 13 if len(bars) <= 12 else 10
    for index, bar in enumerate(bars):
        x = left + slot * index + (slot - bar_w) / 2
        h = plot_h * min(bar.value / max_value, 1)
        y = top + plot_h - h
        body.append(f'<rect x="{x:.1f}" y="{y:.1f}" width="{bar_w:.1f}" height="{h:.1f}" fill="{colour}"/>')
        body.append(_text(x + bar_w / 2, y - 6, bar.text, size=label_size))
        body.append(_text(x + bar_w / 2, top + plot_h + 18, bar.label, size=label_size))
    body.append(f'<line x1="{left}" y1="{top + plot_h}" x2="{width - right}" y2="{top + plot_h}" stroke="{TEXT}" stroke-width="1.5"/>')
    if x_label:
        body.append(_text(left + plot_w / 2, height - 10, x_label, size=13))
    return _svg(chart_id, title, description, width, height, body)


def share_bar_chart(chart_id: str, title: str, description: str, rows: list[Bar]):
    """Horizontal bars of a share (0 to 1), each labelled with its text."""
    label_w, width, row_h, top = 200, 640, 30, 10
    plot_w = width - label_w - 120
    height = top * 2 + row_h * len(rows) + 20
    body = []
    for step in range(5):
        x = label_w + plot_w * step / 4
        body.append(f'<line x1="{x:.1f}" y1="{top}" x2="{x:.1f}" y2="{top + row_h * len(rows)}" stroke="{GRID}" stroke-width="1"/>')
        body.append(_text(x, height - 8, f"{step * 25}%", size=12, colour=MUTED))
    for index, row in enumerate(rows):
        y = top + row_h * index
        w = plot_w * max(0.0, min(row.value, 1.0))
        body.append(_text(label_w - 8, y + row_h / 2 + 5, row.label, anchor="end", size=13))
        body.append(f'<rect x="{label_w}" y="{y + 5:.1f}" width="{plot_w}" height="{row_h - 10}" fill="#f3f2f1" stroke="{GRID}" stroke-width="1"/>')
        body.append(f'<rect x="{label_w}" y="{y + 5:.1f}" width="{w:.1f}" height="{row_h - 10}" fill="{BLUE}"/>')
        body.append(_text(label_w + plot_w + 8, y + row_h / 2 + 5, row.text, anchor="start", size=13))
    return _svg(chart_id, title, description, width, height, body)


def _scale(value: float, low: float, high: float, start: float, end: float) -> float:
    return start + (value - low) / (high - low) * (end - start)


def _wrapped(x, y, content: str, width_chars: int = 26, **kwargs) -> str:
    """A label on one line, or on two when it is long (the second below the first)."""
    if len(content) <= width_chars:
        return _text(x, y, content, **kwargs)
    cut = content.rfind(" ", 0, width_chars + 1)
    cut = cut if cut > 0 else width_chars
    first, second = content[:cut], content[cut:].strip()
    if len(second) > width_chars:
        second = second[: width_chars - 1] + "…"
    return _text(x, y - 8, first, **kwargs) + _text(x, y + 8, second, **kwargs)


def group_means_chart(chart_id: str, title: str, description: str, rows: list[dict]):
    """One row per group (or option): its mean on the 1 to 5 scale as a marker, with the 95 %
    interval when there is one (from CAUTION_BELOW answers up, cut to the scale).

    rows: {"group", "distribution"} and optionally "label" and "style" (shape, colour); rows
    without a mean are written as "no answers". Few answers are said in words under the chart.
    """
    label_w, width, row_h, top = 210, 640, 40, 30
    plot_l, plot_r = label_w + 10, width - 130
    cautions = any(row["distribution"].caution and row["distribution"].n for row in rows)
    height = top + row_h * len(rows) + 40 + (22 if cautions else 0)
    bottom = top + row_h * len(rows)
    body = []
    for value in range(1, 6):
        x = _scale(value, 1, 5, plot_l, plot_r)
        body.append(f'<line x1="{x:.1f}" y1="{top - 8}" x2="{x:.1f}" y2="{bottom}" stroke="{GRID}" stroke-width="1"/>')
        body.append(_text(x, bottom + 18, str(value), size=12, colour=MUTED))
    body.append(_text((plot_l + plot_r) / 2, bottom + 36, "Mean score (1 to 5), with its 95% confidence interval", size=12))
    if cautions:
        body.append(_text(12, bottom + 58, f"“few”: fewer than {CAUTION_BELOW} answers, so no interval is drawn and the "
                          "mean could move a lot", anchor="start", size=12, colour=MUTED))
    for index, row in enumerate(rows):
        y = top + row_h * index + row_h / 2
        style = row.get("style") or group_style(row["group"])
        dist = row["distribution"]
        body.append(_wrapped(label_w, y + 5, row.get("label") or style["label"], anchor="end", size=13))
        if dist.mean is None:
            body.append(_text(plot_l, y + 5, "no answers", anchor="start", size=13, colour=MUTED))
            continue
        ci = dist.ci
        if ci:
            x1, x2 = (_scale(max(1, min(5, v)), 1, 5, plot_l, plot_r) for v in ci)
            body.append(f'<line x1="{x1:.1f}" y1="{y:.1f}" x2="{x2:.1f}" y2="{y:.1f}" stroke="{TEXT}" stroke-width="2"/>')
            for x in (x1, x2):
                body.append(f'<line x1="{x:.1f}" y1="{y - 6:.1f}" x2="{x:.1f}" y2="{y + 6:.1f}" stroke="{TEXT}" stroke-width="2"/>')
        body.append(marker(style["shape"], _scale(dist.mean, 1, 5, plot_l, plot_r), y, style["colour"], size=7))
        caution = ", few" if dist.caution else ""
        body.append(_text(plot_r + 14, y + 5, f"{dist.mean:.2f} (n={dist.n}{caution})", anchor="start", size=13))
    return _svg(chart_id, title, description, width, height, body)
