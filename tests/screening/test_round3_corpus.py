"""The screening against the third round's corpus (24 November 2026): 156 longer comments (40 to
120 words) written before any change for them, with the personal detail buried mid-paragraph,
spread across sentences, given as initials, a nickname, a street or estate, a news event or a
village school; and as many hard clear texts (statistics with ages, ministers and authors,
published reviews such as "Child Q", places, systems, legal terms). docs/decisions/0008.

Scored first at 29 of 78 held (37.2 %), 2 of 78 clear texts held."""

from tests import summary
from tests.screening.corpus import CORPUS, load_rows, score_rows
from tests.screening.test_probe_corpus import _report

ROUND3 = CORPUS.with_name("round3_corpus.csv")
HELD_AT_LEAST = 75  # of 78; the three misses are listed in docs/decisions/0008
# Kinds where every text is held now: each rule was written for the kind, not for one text.
EVERY_ONE_HELD = {"initials", "nickname", "event", "court", "school_village", "parent"}


def test_the_round3_corpus_stays_at_what_the_rules_reached():
    rows = load_rows(ROUND3)
    result = score_rows(rows)
    _report("Round 3 corpus", result)
    summary.line(f"Screening round 3 corpus: recall {result['recall']:.1%}, "
                 f"{len(result['false_holds'])} of {result['clear']} clear texts held")
    assert len(rows) == 156 and result["to_hold"] == 78
    assert result["to_hold"] - len(result["misses"]) >= HELD_AT_LEAST
    for kind in EVERY_ONE_HELD:
        total, held = result["per_kind"][kind]
        assert held == total, f"{kind}: {held} of {total} held"
    assert result["false_holds"] == []


def test_published_review_letters_are_clear_but_a_letter_with_an_age_is_held():
    # The policy: "the Child Q review" names a publication; "child A, 6" is a child in the writer's case.
    rows = [row for row in load_rows(ROUND3) if row["kind"] in ("published_review", "initials")]
    result = score_rows(rows)
    assert result["misses"] == [] and result["false_holds"] == []
