"""The screening against the fifth round's corpus (24 November 2026): 421 texts from an independent
tester (206 to hold, 215 clear; `round5_corpus.csv`, labelled only held or clear): a name and its
detail in different sentences or in a quoted email, rare combinations without a name, adopters,
special guardians and youth justice workers named in a case, names that are words (Will, Bill), new
ways of giving an age, references without a label, news links about a child, postcodes and flats
written loosely; and clear replies that @-mention other participants, public and fictional figures
with an age, and homes and colleges named like people. docs/decisions/0008.

Scored first at 159 of 206 held (77.2 %) and 16 of 215 clear texts held (7.4 %). A second set
(`round5_fresh.csv`, 20 to hold and 20 clear) was written before the rules and scored once at the
end, not tuned to: the honest figure for the next fresh style."""

from consultation.screening import kinds_found
from tests.screening.corpus import CORPUS, load_rows, report, score_rows, scored_corpus

ROUND5 = CORPUS.with_name("round5_corpus.csv")
FRESH = CORPUS.with_name("round5_fresh.csv")
HELD_AT_LEAST = 206  # of 206
# Held by policy on purpose (docs/decisions/0008): organisations' own numbers, addresses, accounts and emails.
POLICY_KINDS = {"phone", "postcode", "email", "social_media"}
# Its one scoring at the end of the round: 19 of 20 held, 3 of 20 clear texts held (two public figures
# and a fictional one named with an age or fame; a nickname after "knew him as" was missed).
FRESH_HELD_AT_LEAST = 19
FRESH_FALSE_HOLDS_AT_MOST = 3


def test_the_round5_corpus_stays_at_what_the_rules_reached():
    rows, result = scored_corpus("Round 5 corpus", ROUND5)
    assert len(rows) == 421 and result["to_hold"] == 206
    assert result["to_hold"] - len(result["misses"]) >= HELD_AT_LEAST
    # The seven left are the policy holds: a switchboard, a head office, @ONS, a design team's email.
    assert len(result["false_holds"]) <= 7
    assert all(set(found) <= POLICY_KINDS for _, found in result["false_holds"])


def test_the_fresh_round5_set_stays_at_its_first_score():
    # Written before the rules (the engine before this round held 8 of 20 and 7 of 20 clear texts), scored
    # once after them and not tuned to: a floor against regressions, not a target.
    result = score_rows(load_rows(FRESH))
    report("Round 5 fresh set", result)
    assert result["to_hold"] == 20 and result["clear"] == 20
    assert result["to_hold"] - len(result["misses"]) >= FRESH_HELD_AT_LEAST
    assert len(result["false_holds"]) <= FRESH_FALSE_HOLDS_AT_MOST


def test_a_mention_of_another_participant_is_not_a_handle():
    for reply in ("@Ben great point about the data dictionary.", "Thanks @Chloe, agreed.",
                  "Replying to @Dev: the procurement point is right."):
        assert kinds_found(reply) == []
    # A handle has digits or underscores, is no first name, or has a platform beside it.
    assert kinds_found("she's @ellie_mae_2011 on there") == ["social_media"]
    assert kinds_found("find her on insta @Chloe") == ["social_media"]
    assert kinds_found("Follow @CSWEngland for updates") == ["social_media"]


def test_names_that_are_words_are_names_with_an_age_and_words_otherwise():
    for text in ("Bill is 15 and the placement is breaking down.", "Will, 12, has been excluded twice.",
                 "Will's school say he has been excluded again."):
        assert kinds_found(text) == ["name"]
    for text in ("Will the Centre publish this by region?", "The Bill (2025) changes the duty.",
                 "River crossings in London affect travel times to placements.",
                 "King's College London does good research on child mental health."):
        assert kinds_found(text) == []


def test_a_name_told_in_another_sentence_from_the_child_is_held():
    text = "Last year a girl of 13 in our care moved nine times. Her name was Maisie-Jo."
    assert kinds_found(text) == ["name"]
    assert kinds_found("a girl of 13 in our care, Maisie-Jo, moved nine times") == ["name"]


def test_a_public_or_fictional_figure_with_an_age_is_not_a_child_in_a_case():
    assert kinds_found("Greta Thunberg was 15 when she started her school strike.") == []
    assert kinds_found("Tracy Beaker, aged 10, did more for public understanding of care than any campaign.") == []
    assert kinds_found("Tommy Evans, aged 10, was excluded twice.") == ["name"]


def test_a_rare_combination_singles_out_a_child_but_a_common_one_does_not():
    assert kinds_found("In Lydd there's a boy of 9 with a tracheostomy whose mum does the care alone.") == [
        "singled_out"]
    assert kinds_found("Children with autism in Leeds wait two years for an assessment.") == []


def test_a_news_link_about_a_child_is_held_and_a_policy_link_is_not():
    assert kinds_found("See https://www.examplenews.co.uk/news/boy-13-stabbed-oldham-school") == ["singled_out"]
    assert kinds_found("https://www.bbc.co.uk/news/education-6712345 covers the sufficiency gap.") == []
