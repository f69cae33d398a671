"""The screening against the privacy probe's corpus (November 2026: 268 realistic texts, 189 to
hold, 79 clear) and against a held-out set written afterwards and scored once before any change
for it (docs/decisions/0008)."""

import re

from tests.screening.corpus import (
    HELD_OUT,
    PROBE_CORPUS,
    held_short,
    load_rows,
    report,
    score_rows,
    scored_corpus,
)

RECALL_OVERALL = 0.95
# Kinds where every text must be held: each is one child, one family or one record.
EVERY_ONE_HELD = {"name_child", "ni_number", "upn", "case_ref", "social", "school", "address", "age_dob"}
FALSE_HOLDS = 3  # of the 79 clear texts; public helplines and a work email are held by policy (0008)
# "Cumbria (4), East Sussex (5)", "Selby, 4, and Crawley, 3": places or ratings with counts.
COUNTS = re.compile(r"[A-Z][a-z]+\s*\(\d{1,2}\)|[A-Z][a-z]+,\s*\d{1,2},")


def test_the_probe_corpus_meets_the_targets_per_kind():
    rows, result = scored_corpus("Probe corpus", PROBE_CORPUS)
    assert len(rows) == 268 and result["to_hold"] == 189
    assert result["recall"] >= RECALL_OVERALL
    assert held_short(result, EVERY_ONE_HELD) == []
    assert len(result["false_holds"]) <= FALSE_HOLDS


def test_places_and_ratings_with_counts_are_never_held():
    rows = [row for row in load_rows(PROBE_CORPUS) if row["expect_hold"] == "no" and COUNTS.search(row["text"])]
    assert len(rows) >= 5
    assert [row["text"] for row in rows if score_rows([row])["false_holds"]] == []


def test_the_held_out_set_stays_at_its_first_score():
    # Written after the rules, scored once (36 of 40 held, 0 of 21 clear texts held) and not tuned to:
    # a floor against regressions, not a target. Its misses are listed in docs/decisions/0008.
    result = score_rows(load_rows(HELD_OUT))
    report("Held-out set", result)
    assert result["recall"] >= 0.90
    assert result["false_holds"] == []
