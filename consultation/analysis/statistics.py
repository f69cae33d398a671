"""Statistics on the 1 to 5 scale: weighted distributions, means with Student's t
intervals, medians and divergence (definitions: consultation/analysis/scope.py)."""

from __future__ import annotations

import math
import statistics
from dataclasses import dataclass, field

from consultation.analysis.scope import CAUTION_BELOW, SCALE

# Two-sided 95 % critical values of Student's t for 1 to 30 degrees of freedom.
_T_975 = [
    12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228,
    2.201, 2.179, 2.160, 2.145, 2.131, 2.120, 2.110, 2.101, 2.093, 2.086,
    2.080, 2.074, 2.069, 2.064, 2.060, 2.056, 2.052, 2.048, 2.045, 2.042,
]
_Z_975 = statistics.NormalDist().inv_cdf(0.975)


def t_critical(df: float) -> float:
    """t(0.975, df): the table up to 30 (rounding df down, so never too narrow), then the
    Cornish-Fisher expansion around the normal quantile (error below 0.001)."""
    if df < 1:
        raise ValueError("at least one degree of freedom is needed")
    if df <= 30:
        return _T_975[math.floor(df) - 1]
    z = _Z_975
    return (
        z
        + (z**3 + z) / (4 * df)
        + (5 * z**5 + 16 * z**3 + 3 * z) / (96 * df**2)
        + (3 * z**7 + 19 * z**5 + 17 * z**3 - 15 * z) / (384 * df**3)
    )


@dataclass
class Distribution:
    """Answers on the 1 to 5 scale: people and weight per value, and the statistics."""

    people: dict[int, int] = field(default_factory=lambda: dict.fromkeys(SCALE, 0))
    weight: dict[int, float] = field(default_factory=lambda: dict.fromkeys(SCALE, 0.0))
    weight_squared: float = 0.0

    def add(self, value: int, people: int, weight: float, weight_squared: float) -> None:
        self.people[value] += people
        self.weight[value] += weight
        self.weight_squared += weight_squared

    @classmethod
    def of(cls, values) -> Distribution:
        """From plain answers, each weighing 1 (for tests and small uses)."""
        distribution = cls()
        for value in values:
            distribution.add(value, 1, 1.0, 1.0)
        return distribution

    @property
    def n(self) -> int:
        return sum(self.people.values())

    @property
    def total_weight(self) -> float:
        return sum(self.weight.values())

    @property
    def caution(self) -> bool:
        return self.n < CAUTION_BELOW

    @property
    def effective_n(self) -> float:
        """Kish's effective sample size; equal to n when every weight is 1."""
        return self.total_weight**2 / self.weight_squared if self.weight_squared else 0.0

    @property
    def mean(self) -> float | None:
        total = self.total_weight
        if not total:
            return None
        return sum(value * w for value, w in self.weight.items()) / total

    @property
    def median(self) -> float | None:
        total = self.total_weight
        if not total:
            return None
        half, running = total / 2, 0.0
        present = [value for value in SCALE if self.weight[value] > 0]
        for index, value in enumerate(present):
            running += self.weight[value]
            if math.isclose(running, half, rel_tol=1e-9, abs_tol=1e-12):
                return (value + present[index + 1]) / 2
            if running > half:
                return float(value)
        return float(present[-1])  # pragma: no cover (rounding)

    @property
    def sd(self) -> float | None:
        """Standard deviation, with the n/(n−1) correction (on the effective n when weighted)."""
        n_eff, mean = self.effective_n, self.mean
        if mean is None or n_eff <= 1:
            return None
        variance = sum(w * (value - mean) ** 2 for value, w in self.weight.items()) / self.total_weight
        return math.sqrt(variance * n_eff / (n_eff - 1))

    @property
    def ci(self) -> tuple[float, float] | None:
        """95 % confidence interval of the mean (Student's t), cut to the 1 to 5 scale (a mean
        cannot leave it). None below CAUTION_BELOW answers: from two or three answers the
        interval is wider than the scale and says nothing a reader can use."""
        sd, n_eff = self.sd, self.effective_n
        if sd is None or self.n < CAUTION_BELOW:
            return None
        half_width = t_critical(n_eff - 1) * sd / math.sqrt(n_eff)
        low, high = SCALE[0], SCALE[-1]
        return (max(low, self.mean - half_width), min(high, self.mean + half_width))

    def bars(self) -> list[dict]:
        """Per value: people, weight and share of the total weight (0 to 1)."""
        total = self.total_weight
        return [
            {
                "value": value,
                "people": self.people[value],
                "weight": self.weight[value],
                "share": (self.weight[value] / total) if total else 0.0,
            }
            for value in SCALE
        ]


def divergence(by_group: dict[str, Distribution]) -> float | None:
    """Highest minus lowest group mean, among groups with at least CAUTION_BELOW answers."""
    means = [d.mean for d in by_group.values() if d.n >= CAUTION_BELOW]
    if len(means) < 2:
        return None
    return max(means) - min(means)


def largest(*values):
    present = [v for v in values if v is not None]
    return max(present) if present else None


