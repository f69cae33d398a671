"""Scores found themes against known ones: adjusted Rand index, normalised mutual information
and, per known theme, the share of its comments in its best-matching found theme and how many
found themes it is spread over. "No theme" (found) and off-topic (known) are one label each."""

import csv
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from sklearn.metrics import adjusted_rand_score, normalized_mutual_info_score

from consultation.themes import finding

NONE = "none"


@dataclass
class Quality:
    ari: float
    nmi: float
    found: int
    unthemed: int
    per_theme: dict  # known theme -> (size, best share, found themes it is spread over)

    def worst_split(self, min_size: int = 20) -> int:
        return max((spread for size, _, spread in self.per_theme.values() if size >= min_size), default=0)

    def report(self, name: str) -> list[str]:
        lines = [f"Themes on {name}: {sum(s for s, _, _ in self.per_theme.values())} known-theme comments, "
                 f"{self.found} themes found, {self.unthemed} comments with no theme; "
                 f"ARI {self.ari:.3f} (target 0.45), NMI {self.nmi:.3f} (target 0.65), "
                 f"largest spread of a 20+ theme {self.worst_split()} (target at most 2)"]
        for theme, (size, share, spread) in sorted(self.per_theme.items()):
            lines.append(f"  {theme:<26} {size:>3} comments, {share:>4.0%} in its best found theme, over {spread}")
        return lines


def spread_over(found: Counter, size: int) -> int:
    """Found themes holding a real part (a tenth, at least 2) of a known theme's comments."""
    return sum(1 for label, n in found.items() if label != -1 and n >= max(2, size / 10))


def measure(rows: list[tuple[str, str]], parameters: finding.Parameters | None = None) -> Quality:
    truth = [theme for theme, _ in rows]
    result = finding.find([text for _, text in rows], parameters)
    predicted = [int(label) for label in result.labels]
    per_theme = {}
    for theme in sorted(set(truth) - {NONE}):
        found = Counter(p for t, p in zip(truth, predicted, strict=True) if t == theme)
        size = sum(found.values())
        best = max((n for label, n in found.items() if label != -1), default=0)
        per_theme[theme] = (size, best / size, spread_over(found, size))
    return Quality(ari=adjusted_rand_score(truth, predicted), nmi=normalized_mutual_info_score(truth, predicted),
                   found=len(result.groups), unthemed=predicted.count(-1), per_theme=per_theme)


def read_csv(path: Path) -> list[tuple[str, str]]:
    """A held-out set: a CSV with a header row and the columns `theme` and `text`."""
    with path.open(newline="", encoding="utf-8") as handle:
        return [(row["theme"].strip() or NONE, row["text"]) for row in csv.DictReader(handle)]
