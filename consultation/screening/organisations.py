"""The organisation a participant names on their profile (or an import gives them) is shown
beside every comment they write, like their display name, so it gets the same stricter check:
the ordinary screening, plus a name tied to a child or a relative ("Carers of Kyrie", "Nan of
Jayden") and a private carer named in full ("Sandra Quinn Fostering, Gateshead").

Organisations named after people pass when nothing ties them to a child's care ("Smith & Jones
Consulting Ltd", "Barnardo's", "Coram").
"""

import unicodedata

from consultation.screening import KINDS, kinds_found, personal_data_reasons
from consultation.screening.display_names import HIDDEN_CATEGORIES, RELATION, names_a_carer
from consultation.screening.normalise import normalise


def organisation_name_problem(name: str) -> str:
    """A GOV.UK error message for what is wrong with an organisation name, or "" when nothing is.
    It names the kind of personal data, never the detail."""
    if not name:
        return ""
    if any(unicodedata.category(char) in HIDDEN_CATEGORIES for char in name):
        return "Organisation name must not contain hidden characters"
    if kinds_found(name):
        return f"Organisation name must not include {personal_data_reasons(name)[0]}"
    if RELATION.search(normalise(name)[0]) or names_a_carer(name):
        return f"Organisation name must not include {KINDS['name']}"
    return ""
