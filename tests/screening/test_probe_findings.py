"""What the privacy probe of November 2026 found the screening missing or holding wrongly
(docs/decisions/0008, "Second round"): new kinds, names in full and in lower case, disguised
text, and the counts and services that must stay clear."""

import pytest

from consultation.screening import KINDS, kinds_found, screen
from consultation.screening.display_names import display_name_problem
from consultation.screening.normalise import normalise


@pytest.mark.parametrize(("text", "kind", "span"), [
    ("Her NI number is QQ 12 34 56 C.", "ni_number", "QQ 12 34 56 C"),
    ("national insurance: jh 56 78 90 a", "ni_number", "jh 56 78 90 a"),
    ("UPN A123456789012 moved schools three times.", "upn", "A123456789012"),
    ("upn k 8012 0000 1001", "upn", "k 8012 0000 1001"),
    ("Case ref LCS-204481 has been open since 2019.", "case_reference", "LCS-204481"),
    ("Our ref: SCS/2023/11945 (the Doncaster sibling group).", "case_reference", "SCS/2023/11945"),
    ("Her Instagram is @ellie_mae_2011 and she posts", "social_media", "@ellie_mae_2011"),
    ("See facebook.com/stacey.green.7 for what mum posts.", "social_media", "facebook.com/stacey.green.7"),
    ("Snapchat: jaydenxo09", "social_media", "jaydenxo09"),
    ("Jayden attends Oakwood Academy, Year 9.", "school", "Oakwood Academy"),
    ("The only foster carers in Rutland with a wheelchair user", "singled_out", "The only foster carers"),
    ("Tommy Evans from Year 10 was excluded again.", "name", "Tommy Evans"),
    ("Mum is Agnieszka Nowak and she speaks no English.", "name", "Agnieszka Nowak"),
    ("Maisie's review was cancelled three times.", "name", "Maisie"),
    ("Grace is in Year 5 and has been excluded twice.", "name", "Grace"),
    ("Gran (Maureen) has been caring for the kids since 2019.", "name", "Maureen"),
    ("the jones family were evicted in january", "name", "the jones family"),
    ("The Smiths in Barnsley foster three boys and one has autism.", "name",
     "The Smiths in Barnsley foster"),
    ("Jayden 7yo, no school place since September.", "name", "Jayden"),
    ("DOB 12-Mar-2015", "date_of_birth", "12-Mar-2015"),
    ("Date of birth 20150312", "date_of_birth", "20150312"),
    ("14 Acacia Av, Leeds LS6", "address", "14 Acacia Av"),
])
def test_each_new_rule_returns_the_span_it_found(text, kind, span):
    assert [text[f.start:f.end] for f in screen(text) if f.kind == kind] == [span]


@pytest.mark.parametrize(("text", "kind", "span"), [
    ("stacey.green\uff20gmail.com", "email", "stacey.green\uff20gmail.com"),
    ("stacey.green&#64;gmail.com", "email", "stacey.green&#64;gmail.com"),
    ("Call 077\u200b00 900\u200b123", "phone", "077\u200b00 900\u200b123"),
    ("Call mum on \uff10\uff17\uff17\uff10\uff10 \uff19\uff10\uff10\uff11\uff12\uff13", "phone",
     "\uff10\uff17\uff17\uff10\uff10 \uff19\uff10\uff10\uff11\uff12\uff13"),
    ("Her postcode is LS6&nbsp;2AB", "postcode", "LS6&nbsp;2AB"),
    ("J\u0430yden (7) has had three social workers.", "name", "J\u0430yden"),
    ("Ph: o77oo 9oo123", "phone", "o77oo 9oo123"),
    ("Call mum on 0 7 7 0 0 - 9 0 0 - 1 2 3.", "phone", "0 7 7 0 0 - 9 0 0 - 1 2 3"),
])
def test_disguised_text_is_read_as_shown_and_the_span_marks_what_was_written(text, kind, span):
    # The moderator's highlight marks the original characters, entity and hidden ones included.
    assert [text[f.start:f.end] for f in screen(text) if f.kind == kind] == [span]


def test_normalising_plain_text_changes_nothing_and_costs_no_map():
    assert normalise("Tommy, aged 7") == ("Tommy, aged 7", None)
    assert normalise("Zo\u00eb &amp; J\u0430y\u200b")[0] == "Zoe & Jay"


@pytest.mark.parametrize("text", [
    "Responses by council: Cumbria (4), East Sussex (5), West Berkshire (3), Isle of Wight (2).",
    "Kensington and Chelsea (2), Hammersmith and Fulham (3), Barking and Dagenham (4).",
    "St Helens (3) and Brighton and Hove (6) gave the most answers.",
    "Selby, 4, and Crawley, 3, were the smallest returns.",
    "RAG ratings: Red (2), Amber (5), Green (12).",
    "Mosaic is 15 years old and creaking.",
    "Willow is our residential home for disabled children.",
    "Our analyst Sam is 3 weeks into the job.",
    "Dev is 2 days behind on the return.",
    "Max is 10 per team in our staffing model.",
    "We held 6 Market Place sessions for parents.",
    "Munro's review (2011) still matters.",
    "Isabelle Trowler was Chief Social Worker for a decade.",
    "Muhammad Ali once visited a children's home in Leeds.",
    "Summer is when most placement moves happen.",
    "Oakwood Academy runs a nurture group for Year 7.",
    "This is the only family hub in Rutland.",
])
def test_counts_services_and_public_figures_stay_clear(text):
    assert kinds_found(text) == []


def test_a_child_with_a_place_name_still_counts_when_the_list_is_of_children():
    assert kinds_found("Kayden (14) and Kai (11) were placed together.") == ["name"]
    assert kinds_found("Amber, 15, was placed 40 miles away.") == ["name"]


def test_every_kind_has_words_for_the_author():
    assert {"ni_number", "upn", "case_reference", "social_media", "school", "singled_out"} <= set(KINDS)
    assert all(label and label[0].islower() for label in KINDS.values())


@pytest.mark.parametrize(("name", "message"), [
    ("\uff2b\uff45\uff4c\uff4c\uff59 \uff10\uff17\uff17\uff10\uff10\uff19\uff10\uff10\uff11\uff12\uff13",
     "must not include a phone number"),
    ("Nan of Jayden Okafor", "must not include a person's name with details about them"),
    ("Oluwaseun's mum", "must not include a person's name with details about them"),
    ("Mum of Ellie-Mae", "must not include a person's name with details about them"),
    ("Stacey Green (mum)", "must not include a person's name with details about them"),
    ("@ellie_mae_2011", "must not include a social media account"),
])
def test_display_names_that_name_a_child_or_a_handle_are_refused(name, message):
    assert message in display_name_problem(name)


@pytest.mark.parametrize("name", ["Sam Okafor", "Jane Smith-Jones", "Mum of three", "Dad of 2", "Priya Sharma"])
def test_ordinary_display_names_are_accepted(name):
    assert display_name_problem(name) == ""
