"""Server-rendered SVG charts for the analysis pages.

Each chart is an <svg role="img"> with a <title> and a <desc> that says what it shows in
words; the page puts a data table with the same numbers beside it. No script, no inline
style (the Content Security Policy forbids both): only SVG presentation attributes.
Colours are from the GOV.UK palette; each respondent group also has its own marker shape,
so colour is never the only cue, and every marker has a dark outline for contrast.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from django.utils.html import escape, format_html
from django.utils.safestring import mark_safe

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


def group_means_chart(chart_id: str, title: str, description: str, rows: list[dict]):
    """One row per group: its mean on the 1 to 5 scale as a marker, with the 95 % interval.

    rows: {"group", "label", "distribution"}; rows without a mean are written as "no answers".
    """
    label_w, width, row_h, top = 210, 640, 36, 30
    plot_l, plot_r = label_w + 10, width - 130
    height = top + row_h * len(rows) + 40
    body = []
    for value in range(1, 6):
        x = _scale(value, 1, 5, plot_l, plot_r)
        body.append(f'<line x1="{x:.1f}" y1="{top - 8}" x2="{x:.1f}" y2="{top + row_h * len(rows)}" stroke="{GRID}" stroke-width="1"/>')
        body.append(_text(x, top + row_h * len(rows) + 18, str(value), size=12, colour=MUTED))
    body.append(_text((plot_l + plot_r) / 2, height - 4, "Mean score (1 to 5), with its 95% confidence interval", size=12))
    for index, row in enumerate(rows):
        y = top + row_h * index + row_h / 2
        style = group_style(row["group"])
        dist = row["distribution"]
        body.append(_text(label_w, y + 5, style["label"], anchor="end", size=13))
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
        caution = " *" if dist.caution else ""
        body.append(_text(plot_r + 14, y + 5, f"{dist.mean:.2f} (n={dist.n}){caution}", anchor="start", size=13))
    return _svg(chart_id, title, description, width, height, body)


def axis_range(points: list[dict]) -> tuple[float, float]:
    """The same range on both axes, in half points, around every mean plotted (at least 1 wide)."""
    values = []
    for point in points:
        if point.get("overall"):
            values += point["overall"][:2]
        for u, _, v, _ in point["groups"].values():
            values += [u, v]
    if not values:
        return 1.0, 5.0
    low = max(1.0, math.floor((min(values) - 0.1) * 2) / 2)
    high = min(5.0, math.ceil((max(values) + 0.1) * 2) / 2)
    while high - low < 1:
        low, high = max(1.0, low - 0.5), min(5.0, high + 0.5)
    return low, high


@dataclass
class _Plot:
    """A square plot of the 1 to 5 scale zoomed to [low, high] on both axes."""

    left: float
    top: float
    side: float
    low: float
    high: float

    def x(self, value: float) -> float:
        return _scale(value, self.low, self.high, self.left, self.left + self.side)

    def y(self, value: float) -> float:
        return _scale(value, self.low, self.high, self.top + self.side, self.top)

    def clamp(self, value: float) -> float:
        return max(self.low, min(self.high, value))

    def line(self, u1, v1, u2, v2, colour, width=1.0) -> str:
        return (f'<line x1="{self.x(u1):.1f}" y1="{self.y(v1):.1f}" x2="{self.x(u2):.1f}" y2="{self.y(v2):.1f}" '
                f'stroke="{colour}" stroke-width="{width:g}"/>')

    def whiskers(self, u, v, u_ci, v_ci, colour) -> list[str]:
        """The 95 % intervals of a point, cut at the plot's edge."""
        lines = []
        if u_ci:
            lines.append(self.line(self.clamp(u_ci[0]), v, self.clamp(u_ci[1]), v, colour, 1.5))
        if v_ci:
            lines.append(self.line(u, self.clamp(v_ci[0]), u, self.clamp(v_ci[1]), colour, 1.5))
        return lines


def _matrix_legend(groups: list[str], left: float, top: float) -> list[str]:
    body = []
    for index, group in enumerate(["all", *groups]):  # two columns
        style = group_style(group)
        lx, ly = left + (index % 2) * 280, top + 14 + (index // 2) * 30
        body.append(marker(style["shape"], lx + 8, ly, style["colour"], size=7))
        body.append(_text(lx + 24, ly + 5, f"{style['label']} ({style['shape_name']})", anchor="start", size=13))
    return body


def _matrix_axes(plot: _Plot, height: float) -> list[str]:
    body, low, high = [], plot.low, plot.high
    step = 0.5 if high - low > 1.5 else 0.25
    value = low
    while value <= high + 1e-9:
        body.append(plot.line(value, low, value, high, GRID))
        body.append(plot.line(low, value, high, value, GRID))
        body.append(_text(plot.x(value), plot.top + plot.side + 20, f"{value:g}", size=12, colour=MUTED))
        body.append(_text(plot.left - 10, plot.y(value) + 4, f"{value:g}", anchor="end", size=12, colour=MUTED))
        value += step
    middle = plot.top + plot.side / 2
    body.append(_text(plot.left + plot.side / 2, height - 12,
                      f"Mean usefulness (scale 1 to 5; axes show {low:g} to {high:g})", size=13))
    body.append(
        f'<text x="16" y="{middle:.1f}" text-anchor="middle" font-size="13" fill="{TEXT}" '
        f'transform="rotate(-90 16 {middle:.1f})">Mean likelihood of use (scale 1 to 5; axes show {low:g} to {high:g})</text>'
    )
    body.append(_text(plot.left + plot.side - 6, plot.top + 16, "Valued and would be used", anchor="end", size=12,
                      colour=MUTED))
    return body


def _matrix_points(plot: _Plot, points: list[dict], groups: list[str], group_intervals: bool) -> list[str]:
    spokes, whiskers, markers, labels = [], [], [], []
    for point in points:
        overall = point.get("overall")
        for group in groups:
            values = point["groups"].get(group)
            if not values:
                continue
            u, u_ci, v, v_ci = values
            style = group_style(group)
            if overall:
                spokes.append(plot.line(overall[0], overall[1], u, v, MUTED))
            if group_intervals:
                whiskers += plot.whiskers(u, v, u_ci, v_ci, style["colour"])
            markers.append(marker(style["shape"], plot.x(u), plot.y(v), style["colour"], size=5))
        if overall:
            u, v = overall[:2]
            if len(overall) > 2:
                whiskers += plot.whiskers(u, v, overall[2], overall[3], TEXT)
            labels.append(marker("ring", plot.x(u), plot.y(v), "#ffffff", size=10))
            labels.append(_text(plot.x(u), plot.y(v) + 4, str(point["number"]), size=11, weight="bold"))
    return spokes + whiskers + markers + labels


def priority_matrix_chart(chart_id: str, title: str, description: str, points: list[dict], groups: list[str],
                          group_intervals: bool = False):
    """Scatter of mean usefulness (x) against mean likelihood of use (y), both 1 to 5.

    points: {"number", "overall": (u, l) or None, "groups": {group: (u, u_ci, l, l_ci)}}.
    Each area's overall point is a numbered white circle with its intervals; its group points
    are joined to it by a thin line, so long spokes show where groups part ways. The groups'
    own intervals are drawn when one group is shown (with all four they hide each other).
    Both axes show the same range, zoomed to the means plotted.
    """
    size, margin_l, margin_b, margin_t, legend_h = 640, 64, 56, 16, 34 * ((len(groups) + 1 + 1) // 2)
    side = size - margin_l - 24
    height = margin_t + legend_h + side + margin_b
    plot = _Plot(margin_l, margin_t + legend_h, side, *axis_range(points))
    body = [*_matrix_legend(groups, margin_l, margin_t), *_matrix_axes(plot, height),
            *_matrix_points(plot, points, groups, group_intervals)]
    return _svg(chart_id, title, description, size, height, body)


# --- Figures of the analysis pages --------------------------------------------------------------
