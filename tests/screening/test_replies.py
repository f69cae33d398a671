"""A reply read with the comment it answers (`kinds_found_in_reply`): what the two together reveal in
the reply's own words, and everything the reply holds on its own."""

import pytest

from consultation.screening import kinds_found, kinds_found_in_reply

PARENT = "We have a 14-year-old girl in Bury who has waited two years for CAMHS."


def test_the_parent_alone_is_clear_and_is_not_screened_again():
    assert kinds_found(PARENT) == []
    assert kinds_found_in_reply("Same here, our waits are two years too.", PARENT) == []
    assert kinds_found_in_reply("That is shocking.", PARENT) == []


def test_a_reply_that_names_the_parents_child_is_held():
    assert kinds_found_in_reply("That is Keeley Dawson, isn't it? I taught her.", PARENT) == ["name"]
    # On its own "Is that Kacey?" names nobody in particular; under the parent it names the girl.
    assert kinds_found("Is that Kacey? She was in my class.") == []
    assert kinds_found_in_reply("Is that Kacey? She was in my class.", PARENT) == ["name"]


def test_a_reply_that_adds_a_detail_to_the_parents_child_is_held():
    reply = "Same girl I mentioned last week, she's 14 now and still on the waiting list at the CAMHS in Bury"
    assert kinds_found_in_reply(reply, PARENT) == ["singled_out"]
    # "Her name is Amira" under a comment about a girl: the name is the reply's own words.
    assert kinds_found_in_reply("Her name is Amira.", PARENT) == ["name"]


def test_a_name_in_a_reply_to_a_comment_about_no_child_is_not_a_childs():
    assert kinds_found_in_reply("That is Jayden's point, and I agree.", PARENT) == []
    assert kinds_found_in_reply("That is Jayden", "Our data team is small and the returns take a month.") == []
    assert kinds_found_in_reply("Thanks Chloe, agreed.", PARENT) == []


@pytest.mark.parametrize("reply", [
    "Call me on 07700 900123", "@ellie_mae_2011", "Jayden (7) was placed last week", "LS11 5TH",
])
def test_everything_the_reply_holds_on_its_own_is_still_found(reply):
    assert set(kinds_found(reply)) <= set(kinds_found_in_reply(reply, PARENT))
    assert set(kinds_found(reply)) <= set(kinds_found_in_reply(reply, ""))


def test_findings_only_in_the_parent_do_not_count_against_the_reply():
    parent = "Jayden (7) lives at 12 Oak Road, LS6 2AB."
    assert kinds_found_in_reply("Agreed, the data is poor.", parent) == []
