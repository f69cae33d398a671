"""How well the themes found match known themes, on the evaluation set written for this
project, on a second set written independently of the method and of the first set
(independent_set.csv: 415 comments, 13 themes of its writer's choosing, written without
reading the first set or the method), and on a held-out set given in THEMES_HELD_OUT_CSV
(columns theme and text).

The issue's targets are NMI >= 0.65, ARI >= 0.45 and no known theme of 20+ comments spread
over more than two found themes. The method reaches ARI 0.33 and NMI 0.47 on this set, short
of them (docs/decisions/0012 has the figures, and why sentence embeddings did not do
better here); the asserts below hold today's level so that a change that makes it worse
fails, and the printed figures say how far from the targets it is."""

import os
from pathlib import Path

import pytest

from tests import summary
from tests.themes import quality
from tests.themes.evaluation_set import labelled

FLOOR_ARI, FLOOR_NMI, FLOOR_SPREAD = 0.28, 0.42, 4
# The independent set scores lower (ARI 0.22, NMI 0.37 today): its floor is its own.
INDEPENDENT_FLOOR_ARI, INDEPENDENT_FLOOR_NMI = 0.18, 0.33


def test_themes_found_on_the_evaluation_set_match_the_known_themes():
    measured = quality.measure(labelled())
    for line in measured.report("the evaluation set"):
        print(line)
        summary.line(line)
    assert len(labelled()) >= 400 and len(measured.per_theme) >= 12
    assert measured.ari >= FLOOR_ARI and measured.nmi >= FLOOR_NMI
    assert measured.worst_split() <= FLOOR_SPREAD
    assert 8 <= measured.found <= 30


def test_themes_found_on_a_set_written_independently():
    rows = quality.read_csv(Path(__file__).with_name("independent_set.csv"))
    measured = quality.measure(rows)
    for line in measured.report("the independent set"):
        print(line)
        summary.line(line)
    assert len(rows) >= 400 and len(measured.per_theme) >= 12
    assert measured.ari >= INDEPENDENT_FLOOR_ARI and measured.nmi >= INDEPENDENT_FLOOR_NMI


@pytest.mark.skipif(not os.environ.get("THEMES_HELD_OUT_CSV"), reason="no held-out set given (THEMES_HELD_OUT_CSV)")
def test_themes_found_on_a_held_out_set():
    measured = quality.measure(quality.read_csv(Path(os.environ["THEMES_HELD_OUT_CSV"])))
    for line in measured.report("the held-out set"):
        print(line)
        summary.line(line)
    assert measured.ari >= FLOOR_ARI and measured.nmi >= FLOOR_NMI
