"""A child tied to a named street or estate is held whatever the street is called: the rule's
quick first look once knew only Road, Street, Avenue, Lane and Close."""

import pytest

from consultation.screening import kinds_found


@pytest.mark.parametrize("text", [
    "There is a 3 year old on Cranbrook Road who waits.",
    "There is a 3 year old on Cranbrook Drive who waits.",
    "the 9-year-old boy on Ashfield Grove was known to us",
    "a 15-year-old boy from the Marsh Farm estate placed in Cornwall",
])
def test_a_child_at_a_named_street_or_estate_is_held(text):
    assert "singled_out" in kinds_found(text)


@pytest.mark.parametrize("text", [
    "Our family hub on Cranbrook Drive is open to everyone.",
    "The council offices moved to Station Road last year.",
])
def test_a_service_at_a_named_street_is_not(text):
    assert kinds_found(text) == []
