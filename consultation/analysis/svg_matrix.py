"""The priority matrix as server-rendered SVG (the shared parts are in svg.py)."""

from __future__ import annotations

import math
from dataclasses import dataclass

from consultation.analysis.svg import GRID, MUTED, TEXT, _scale, _svg, _text, group_style, marker


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
    labels = _numbered_rings(plot, [p for p in points if p.get("overall")])
    return spokes + whiskers + markers + labels


RING = 10


def spread(places: list[tuple[float, float]], gap: float = 2 * RING + 2) -> list[tuple[float, float]]:
    """Where to draw each numbered ring so that none hides another: a ring that would overlap
    one already placed moves to the nearest free spot on circles around its true place."""
    placed: list[tuple[float, float]] = []
    for x, y in places:
        spot = (x, y)
        for distance in (0, gap, 2 * gap, 3 * gap):
            tries = [(x, y)] if distance == 0 else [
                (x + distance * math.cos(math.radians(a)), y - distance * math.sin(math.radians(a)))
                for a in range(45, 405, 45)
            ]
            free = [t for t in tries if all(math.dist(t, other) >= gap for other in placed)]
            if free:
                spot = free[0]
                break
        placed.append(spot)
    return placed


def _numbered_rings(plot, points: list[dict]) -> list[str]:
    """Each area's number in a white ring at its means; a ring moved aside to stay readable
    keeps a thin line to a dot at its true place."""
    true = [(plot.x(p["overall"][0]), plot.y(p["overall"][1])) for p in points]
    leaders, rings = [], []  # every leader line first, so no line crosses a ring's number
    for point, (tx, ty), (x, y) in zip(points, true, spread(true), strict=True):
        if (x, y) != (tx, ty):
            leaders.append(f'<line x1="{tx:.1f}" y1="{ty:.1f}" x2="{x:.1f}" y2="{y:.1f}" stroke="{TEXT}" stroke-width="1"/>')
            leaders.append(f'<circle cx="{tx:.1f}" cy="{ty:.1f}" r="2.5" fill="{TEXT}"/>')
        rings.append(marker("ring", x, y, "#ffffff", size=RING))
        rings.append(_text(x, y + 4, str(point["number"]), size=11, weight="bold"))
    return leaders + rings


def priority_matrix_chart(chart_id: str, title: str, description: str, points: list[dict], groups: list[str],
                          group_intervals: bool = False):
    """Scatter of mean usefulness (x) against mean likelihood of use (y), both 1 to 5.

    points: {"number", "overall": (u, l) or None, "groups": {group: (u, u_ci, l, l_ci)}}.
    Each area's overall point is a numbered white circle with its intervals; its group points
    are joined to it by a thin line, so long spokes show where groups part ways. The groups'
    own intervals are drawn when one group is shown (with all four they hide each other).
    Both axes show the same range, zoomed to the means plotted. Rings that would hide each
    other are moved aside, with a line to a dot at their true place (see `spread`).
    """
    size, margin_l, margin_b, margin_t, legend_h = 640, 64, 56, 16, 34 * ((len(groups) + 1 + 1) // 2)
    side = size - margin_l - 24
    height = margin_t + legend_h + side + margin_b
    plot = _Plot(margin_l, margin_t + legend_h, side, *axis_range(points))
    body = [*_matrix_legend(groups, margin_l, margin_t), *_matrix_axes(plot, height),
            *_matrix_points(plot, points, groups, group_intervals)]
    return _svg(chart_id, title, description, size, height, body)
