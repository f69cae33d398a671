import pytest

from consultation.screening import personal_data_reasons

HELD = [
    ("Call me on 07700 900123 if you want to know more", "a phone number"),
    ("ring 07700900123", "a phone number"),
    ("Our office: 0161 496 0000", "a phone number"),
    ("Tel +44 20 7946 0018", "a phone number"),
    ("+44 (0) 113 496 0123 any time", "a phone number"),
    ("email jo.bloggs@council.gov.uk for the data", "an email address"),
    ("J.SMITH+cases@example.co.uk", "an email address"),
    ("The family moved to SW1A 1AA last year", "a postcode"),
    ("lives near m1 1ae", "a postcode"),
    ("B33 8TH", "a postcode"),
    ("NHS number 943 476 5919", "an NHS number"),
    ("9434765919 is on the referral", "an NHS number"),
    ("NHS no. 123-456-7890 (typed wrongly but still one)", "an NHS number"),
    ("The boy, born 12/03/2015, was placed", "a date of birth"),
    ("DOB: 3 March 2014", "a date of birth"),
    ("d.o.b 01.02.2010", "a date of birth"),
    ("the child was 4 on 12/03/2019", "a date of birth"),
    ("A girl aged 9 (14th February 2016) was moved", "a date of birth"),
]

NOT_HELD = [
    "Shared data quality tools would save every council weeks each year.",
    "There are 153 councils with children's services and 2024 returns to make.",
    "We met on 12/03/2024 to plan the next sprint.",
    "Version 1.2.3 of the tool was released in March 2025.",
    "A postcode lookup tool would help analysts.",
    "Our budget is 1234567890 pounds (I wish).",
    "The SSDA903 return is due in June.",
    "Use the @ sign in the filter expression.",
    "Around 70% of councils use one of three suppliers.",
    "Read https://example.org/report for the detail.",
    "Call the team about phone-based support models.",
    "The 2025-26 return has 14 tables.",
    "Her date of birth is in the file.",  # the words alone identify nobody
    "Born in Bradford is a great research cohort",
    "UK-born and unaccompanied asylum-seeking children",
    "From 01/04/2024 all children aged 16 and 17 must be in registered placements",
    "the M62 1st phase",
]


@pytest.mark.parametrize(("text", "reason"), HELD)
def test_looks_like_personal_data(text, reason):
    assert reason in personal_data_reasons(text)


@pytest.mark.parametrize("text", NOT_HELD)
def test_ordinary_comments_are_not_held(text):
    assert personal_data_reasons(text) == []


def test_the_reasons_name_everything_found_in_a_fixed_order():
    assert personal_data_reasons("jo@example.org, 07700 900123, SW1A 1AA") == [
        "an email address", "a phone number", "a postcode"]
    assert personal_data_reasons("Nothing personal here") == []
