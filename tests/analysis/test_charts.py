"""The charts stay readable with few answers: numbered rings never hide each other, and the
means chart says in words when answers are few."""

import math

from consultation.analysis.statistics import Distribution
from consultation.analysis.svg import group_means_chart
from consultation.analysis.svg_matrix import RING, priority_matrix_chart, spread


def test_rings_that_would_overlap_are_moved_apart_and_the_first_stays_in_place():
    places = [(100.0, 100.0)] * 13 + [(104.0, 98.0), (300.0, 300.0)]
    spots = spread(places)
    assert spots[0] == (100.0, 100.0) and spots[-1] == (300.0, 300.0)
    for i, a in enumerate(spots):
        for b in spots[i + 1:]:
            assert math.dist(a, b) >= 2 * RING  # no ring covers another's number


def test_the_matrix_draws_every_number_once_with_a_line_to_where_moved_rings_belong():
    points = [{"number": n, "overall": (3.5, 4.0, None, None), "groups": {}} for n in range(1, 14)]
    svg = str(priority_matrix_chart("m", "Matrix", "All at one place", points, ["local_authority"]))
    for n in range(1, 14):
        assert f'font-weight="bold">{n}</text>' in svg
    assert svg.count('r="2.5"') == 12  # a dot at the true place of each of the twelve moved rings


def test_few_answers_are_said_in_words_and_get_no_interval():
    few, enough = Distribution.of([1, 5, 3]), Distribution.of([4, 4, 5, 3, 4, 4])
    svg = str(group_means_chart("g", "Means", "d", [
        {"group": "all", "label": "Few", "distribution": few},
        {"group": "all", "label": "Enough", "distribution": enough},
    ]))
    assert "3.00 (n=3, few)" in svg and "4.00 (n=6)" in svg
    assert "fewer than 5 answers, so no interval is drawn" in svg
    assert few.ci is None and enough.ci is not None
