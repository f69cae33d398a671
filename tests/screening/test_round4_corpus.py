"""The screening against the fourth round's corpus (24 November 2026): 169 short texts to hold in
styles the earlier corpora did not have (text-message replies, typos and no capitals, form-like
notes, quoted speech, a child known only by who they are to someone, ages in words, dates, Welsh
places, flats and blocks, wards and GP surgeries, named social workers and carers, care leavers
about themselves, Polish, Urdu and Welsh), and 170 hard clear texts professionals write (guidance,
statistics, roles, public figures, councils, national services, datasets, events). docs/decisions/0008.

Scored first at 95 of 169 held (56.2 %), 3 of 170 clear texts held. A second, smaller set
(`round4_fresh.csv`, 30 to hold and 30 clear) was written after the rules and scored once, not tuned
to: it is the honest figure for the next fresh style."""

from consultation.screening import kinds_found, screen
from consultation.screening.casual import recased
from tests.screening.corpus import CORPUS, held_short, load_rows, report, score_rows, scored_corpus

ROUND4 = CORPUS.with_name("round4_corpus.csv")
FRESH = CORPUS.with_name("round4_fresh.csv")
HELD_AT_LEAST = 164  # of 169; the five misses are listed in docs/decisions/0008
# Kinds where every text is held now: each rule was written for the kind, not for one text.
EVERY_ONE_HELD = {"typos", "structured", "quoted", "relationship", "flat_block", "ward_gp", "adult_pro", "welsh",
                  "mixed_lang"}


def test_the_round4_corpus_stays_at_what_the_rules_reached():
    rows, result = scored_corpus("Round 4 corpus", ROUND4)
    assert len(rows) == 339 and result["to_hold"] == 169
    assert result["to_hold"] - len(result["misses"]) >= HELD_AT_LEAST
    assert held_short(result, EVERY_ONE_HELD) == []
    assert result["false_holds"] == []


def test_the_fresh_round4_set_stays_at_its_first_score():
    # Written after the rules, scored once (28 of 30 held, 1 of 30 clear texts held; the engine before
    # this round held 11 and 0) and not tuned to: a floor against regressions, not a target.
    result = score_rows(load_rows(FRESH))
    report("Round 4 fresh set", result)
    assert result["to_hold"] == 30 and result["clear"] == 30
    assert result["to_hold"] - len(result["misses"]) >= 28
    assert len(result["false_holds"]) <= 1


def test_text_written_without_capitals_is_read_with_its_names():
    # The root cause of most misses in casual writing: the name rules lean on capitals.
    rows = [row for row in load_rows(ROUND4) if row["kind"] in ("textspeak", "typos", "textspeak_clear",
                                                                  "lowercase_clear")]
    result = score_rows(rows)
    assert len(result["misses"]) <= 1 and result["false_holds"] == []


def test_recasing_keeps_the_writers_spans_and_leaves_written_capitals_alone():
    text = "agree, same with our lad kai 13 tho"
    assert len(recased(text)) == len(text) and "Kai" in recased(text)
    assert [text[f.start:f.end] for f in screen(text)] == ["kai"]
    assert recased("Our lad kai is 13. He will grace us.") == "Our lad kai is 13. He will grace us."
    assert recased("grace and will came with ash") == "grace and will came with ash"  # names that are words


def test_a_child_known_by_a_relationship_is_held_but_a_neighbouring_council_is_not():
    assert kinds_found("my neighbour's youngest, the one with cerebral palsy at St Anne's") == ["singled_out"]
    assert kinds_found("our neighbour authority has a better local offer") == []
    assert kinds_found("Professor Harriet Ward's work on infants in care is still cited.") == []
