"""The recognisers: spans, kinds and confidence, on the examples issue 13 names."""

import pytest

from consultation.screening import KINDS, Finding, kinds_found, personal_data_reasons, screen
from consultation.screening.findings import HOLD_AT


@pytest.mark.parametrize(("text", "kind", "span"), [
    ("Tommy, aged 7, in care since 2021, has had four placements", "name", "Tommy"),
    ("Mason (age 3) and his sister Lily (age 6) were separated", "name", "Mason|Lily"),
    ("our foster child, Ruby aged 11", "name", "Ruby"),
    ("the Jones twins were placed apart", "name", "the Jones twins"),
    ("They live at 12 Acacia Avenue", "address", "12 Acacia Avenue"),
    ("Flat 3, 27 Station Road", "address", "Flat 3, 27 Station Road"),
    ("jane dot doe at council dot gov dot uk", "email", "jane dot doe at council dot gov dot uk"),
    ("j.smith (at) leeds.gov.uk", "email", "j.smith (at) leeds.gov.uk"),
    ("a phone written (020) 7946 0958", "phone", "(020) 7946 0958"),
    ("or 0044 7700 900123 from abroad", "phone", "0044 7700 900123"),
    ("the family are at ls1  1ur now", "postcode", "ls1  1ur"),
    ("NHS number 943 476 5919", "nhs_number", "943 476 5919"),
    ("The boy, born 12/03/2015, was placed", "date_of_birth", "12/03/2015"),
])
def test_each_recogniser_returns_the_span_it_found(text, kind, span):
    findings = [f for f in screen(text) if f.kind == kind]
    assert [text[f.start:f.end] for f in findings] == span.split("|")
    assert all(HOLD_AT <= f.confidence <= 1 for f in findings)


@pytest.mark.parametrize("text", [
    "Born in Bradford is a great research cohort",
    "UK-born and unaccompanied asylum-seeking children",
    "From 01/04/2024 all children aged 16 and 17 must be placed in registered homes",
    "the M62 1st phase",
    "Josh MacAlister's care review recommended a national data strategy",
    "The SSDA903 return and the CIN census are due in July",
    "Leeds (12), Kent (8) and Bradford (5) replied",
    "Children born after 1 September 2020 are in the first cohort",
    "We met on 12/03/2024 to plan the next sprint",
    "published at leeds.gov.uk last week",
])
def test_ordinary_text_is_clear(text):
    assert screen(text) == []


def test_context_words_decide_a_disguised_address():
    # "at" between two words is everyday English; a mailbox-like name or an email word makes it an address.
    assert kinds_found("figures published at leeds.gov.uk") == []
    assert kinds_found("email sam at leeds.gov.uk") == ["email"]


@pytest.mark.parametrize(("text", "kind"), [
    ("my email is jdoe at gmail", "email"),
    ("jane(dot)doe(at)council(dot)gov(dot)uk", "email"),
    ("call 0 7 7 0 0 9 0 0 1 2 3", "phone"),
    ("+44 (0)7700 900 333", "phone"),
    ("postcode sw1a1aa", "postcode"),
    ("tommy aged 7 has been moved again", "name"),
    ("Dylan, aged fifteen, was found in a car", "name"),
    ("She was born in March 2015 and placed at two", "date_of_birth"),
])
def test_disguises_and_informal_writing_are_found(text, kind):
    assert kind in kinds_found(text)


def test_a_checksum_makes_ten_digits_an_nhs_number_without_the_label():
    assert kinds_found("9434765919 is on the referral") == ["nhs_number"]
    assert kinds_found("9434765918 is on the referral") == []  # the check digit is wrong


def test_findings_are_ordered_and_one_string_is_one_kind():
    text = "NHS 943 476 5919; call 07700 900123 or write to jo@example.org"
    findings = screen(text)
    assert [f.kind for f in findings] == ["nhs_number", "phone", "email"]
    assert findings == sorted(findings, key=lambda f: f.start)
    assert all(isinstance(f, Finding) for f in findings)


def test_personal_data_reasons_keeps_its_meaning():
    assert personal_data_reasons("") == []
    assert personal_data_reasons("Tommy, aged 7, lives at 12 Acacia Avenue") == [KINDS["address"], KINDS["name"]]
