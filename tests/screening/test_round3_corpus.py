"""The screening against the third round's corpus (24 November 2026): 156 longer comments (40 to
120 words) written before any change for them, with the personal detail buried mid-paragraph,
spread across sentences, given as initials, a nickname, a street or estate, a news event or a
village school; and as many hard clear texts (statistics with ages, ministers and authors,
published reviews such as "Child Q", places, systems, legal terms). docs/decisions/0008.

Scored first at 29 of 78 held (37.2 %), 2 of 78 clear texts held."""

from tests.screening.corpus import CORPUS, held_short, load_rows, score_rows, scored_corpus

ROUND3 = CORPUS.with_name("round3_corpus.csv")
HELD_AT_LEAST = 75  # of 78; the three misses are listed in docs/decisions/0008
# Kinds where every text is held now: each rule was written for the kind, not for one text.
EVERY_ONE_HELD = {"initials", "nickname", "event", "court", "school_village", "parent"}


def test_the_round3_corpus_stays_at_what_the_rules_reached():
    rows, result = scored_corpus("Round 3 corpus", ROUND3)
    assert len(rows) == 156 and result["to_hold"] == 78
    assert result["to_hold"] - len(result["misses"]) >= HELD_AT_LEAST
    assert held_short(result, EVERY_ONE_HELD) == []
    assert result["false_holds"] == []


def test_published_review_letters_are_clear_but_a_letter_with_an_age_is_held():
    # The policy: "the Child Q review" names a publication; "child A, 6" is a child in the writer's case.
    rows = [row for row in load_rows(ROUND3) if row["kind"] in ("published_review", "initials")]
    result = score_rows(rows)
    assert result["misses"] == [] and result["false_holds"] == []
