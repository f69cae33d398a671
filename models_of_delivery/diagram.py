"""Places the hub-and-spoke picture's boxes: plain arithmetic, no queries."""

import math
import textwrap
from dataclasses import dataclass

WIDTH, HEIGHT = 640, 380
HUB_X, HUB_Y, HUB_RADIUS = WIDTH / 2, HEIGHT / 2, 62
BOX_WIDTH, BOX_HEIGHT = 188, 58
ORBIT_X, ORBIT_Y = 210, 128


@dataclass
class SpokeBox:
    x: float  # the box's top-left corner
    y: float
    centre_x: float
    centre_y: float
    lines: list[tuple[str, float]]  # each line of the label with its baseline


def spoke_boxes(titles: list[str]) -> list[SpokeBox]:
    """Spreads the boxes round the hub, starting at the top left, one per title."""
    boxes = []
    count = max(len(titles), 1)
    for index, title in enumerate(titles):
        angle = math.radians(225 + index * 360 / count)
        centre_x = HUB_X + ORBIT_X * math.cos(angle)
        centre_y = HUB_Y + ORBIT_Y * math.sin(angle)
        wrapped = textwrap.wrap(title, 22)[:2] or [""]
        first = centre_y + 6 - 10 * (len(wrapped) - 1)
        boxes.append(
            SpokeBox(
                x=round(centre_x - BOX_WIDTH / 2, 1),
                y=round(centre_y - BOX_HEIGHT / 2, 1),
                centre_x=round(centre_x, 1),
                centre_y=round(centre_y, 1),
                lines=[(line, round(first + 20 * n, 1)) for n, line in enumerate(wrapped)],
            )
        )
    return boxes


def hub_and_spoke(titles: list[str]) -> dict:
    return {
        "width": WIDTH,
        "height": HEIGHT,
        "hub_x": HUB_X,
        "hub_y": HUB_Y,
        "hub_radius": HUB_RADIUS,
        "box_width": BOX_WIDTH,
        "box_height": BOX_HEIGHT,
        "boxes": spoke_boxes(titles),
    }
