"""The statistics on known numbers: mean, median, spread, intervals, weights and divergence."""

import math

import pytest

from consultation.analysis.scope import add_weights as _weights
from consultation.analysis.statistics import Distribution, divergence, t_critical


def test_mean_median_and_95_percent_t_interval_of_one_to_five():
    scores = Distribution.of([1, 2, 3, 4, 5])
    assert scores.n == 5
    assert scores.mean == 3
    assert scores.median == 3
    assert scores.sd == pytest.approx(math.sqrt(2.5))
    # mean ± t(0.975, 4) · s / √n = 3 ± 2.776 · 1.5811 / 2.2361
    low, high = scores.ci
    assert low == pytest.approx(3 - 1.96293, abs=1e-4)
    assert high == pytest.approx(3 + 1.96293, abs=1e-4)


def test_median_of_an_even_number_is_halfway_between_the_middle_two():
    assert Distribution.of([1, 2, 3, 4]).median == 2.5
    assert Distribution.of([2, 2, 5, 5]).median == 3.5
    assert Distribution.of([4, 4, 4, 1]).median == 4


def test_no_interval_below_five_answers_and_a_zero_width_one_when_all_agree():
    assert Distribution.of([4]).ci is None
    assert Distribution.of([2, 4, 5, 1]).ci is None
    assert Distribution.of([]).mean is None
    assert Distribution.of([]).median is None
    assert Distribution.of([5, 5, 5, 5, 5]).ci == (5, 5)


def test_the_interval_is_cut_to_the_scale():
    # mean 1.8, s = √3.2: the t interval runs from about −0.42 to 4.02; a mean cannot be below 1
    low, high = Distribution.of([1, 1, 1, 1, 5]).ci
    assert low == 1
    assert high == pytest.approx(1.8 + 2.776 * math.sqrt(3.2) / math.sqrt(5), abs=1e-3)


@pytest.mark.parametrize(("df", "expected"), [(1, 12.706), (4, 2.776), (30, 2.042), (40, 2.021), (60, 2.000), (120, 1.980), (10_000, 1.960)])
def test_t_critical_values(df, expected):
    assert t_critical(df) == pytest.approx(expected, abs=0.001)


def test_shares_add_up_to_one():
    bars = Distribution.of([1, 1, 2, 5]).bars()
    assert [bar["people"] for bar in bars] == [2, 1, 0, 0, 1]
    assert [bar["share"] for bar in bars] == [0.5, 0.25, 0, 0, 0.25]


def test_caution_below_five_answers():
    assert Distribution.of([3, 3, 3, 3]).caution
    assert not Distribution.of([3, 3, 3, 3, 3]).caution


def test_a_councils_respondents_share_one_weight_in_each_partition():
    rows = [
        {"area": 1, "council": 7, "n": 3},  # three officers of one council
        {"area": 1, "council": None, "n": 2},  # two people outside councils
        {"area": 2, "council": 7, "n": 1},  # one of its officers answered on area 2
    ]
    _weights(rows, partition=lambda row: row["area"])
    assert [row["w"] for row in rows] == [1.0, 2.0, 1.0]
    assert rows[0]["w2"] == pytest.approx(3 * (1 / 3) ** 2)


def test_weighted_mean_median_and_effective_sample_size():
    scores = Distribution()
    scores.add(5, people=3, weight=1.0, weight_squared=1 / 3)  # one council's three officers
    scores.add(1, people=2, weight=2.0, weight_squared=2.0)  # two others
    assert scores.n == 5
    assert scores.total_weight == 3
    assert scores.mean == pytest.approx(7 / 3)
    assert scores.median == 1
    assert scores.effective_n == pytest.approx(9 / (7 / 3))


def test_divergence_is_the_range_of_group_means_among_groups_with_five_answers():
    groups = {
        "local_authority": Distribution.of([5, 5, 4, 4, 4]),  # mean 4.4
        "central_government": Distribution.of([2, 2, 2, 2, 2]),  # mean 2
        "supplier": Distribution.of([1, 1, 1, 1]),  # too few to count
        "other": Distribution(),
    }
    assert divergence(groups) == pytest.approx(2.4)
    del groups["central_government"]
    assert divergence(groups) is None
