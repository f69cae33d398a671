"""Names people can trust (issue 14): a display name must not pose as the portal, hide
characters, mix look-alike alphabets, carry personal data, or imitate another participant.

`name_skeleton` follows Unicode's confusable "skeleton" (TR39) with the data shipped in
`confusable_homoglyphs`: two names whose skeletons match look the same on screen.
"""

import re
import unicodedata
from functools import cache

from confusable_homoglyphs import confusables

from consultation.screening import KINDS, kinds_found, personal_data_reasons
from consultation.screening.normalise import look_alike_groups, normalise
from consultation.screening.people_words import NOT_NAMES, known_name

# Words that would make a participant look like the portal speaking.
RESERVED = re.compile(r"design\s*team|moderat|\bstaff\b|\badmin(?:istrator)?s?\b|former\s*participant|^a\s*participant$|"
                      r"centre\s*of\s*excellence|\bofficial\b")
# A name tied to a relative: "Nan of Jayden Okafor", "Oluwaseun's mum", "Mum of Ellie-Mae", "Stacey Green (mum)"
# ("Jane (foster carer)" describes the participant's role, and stays).
# A display name is read beside every comment its owner writes: it names the child in all of them.
_RELATIVE = (r"mum|mummy|mother|mam|dad|daddy|father|nan|nana|nanna|gran|granny|grandma|grandad|grandpa|"
             r"grandmother|grandfather|aunt|auntie|aunty|uncle|sister|brother|son|daughter|stepmum|stepdad|"
             r"foster mum|foster dad")
_CARER = r"carers?|foster carers?|adopters?|adoptive parents?|special guardians?|guardians?|kinship carers?"
RELATION = re.compile(
    rf"(?i:\b(?:{_RELATIVE}|{_CARER})\s+(?:of|to|for)\s+)(?!\d|one\b|two\b|three\b|four\b|five\b|twins\b)[A-Za-z]"
    rf"|[A-Za-z][\w-]*['’]s\s+(?i:{_RELATIVE}|carer|foster carer)\b"
    rf"|[A-Za-z]\s*\(\s*(?i:{_RELATIVE})\s*\)"
)
# A private adult named in full with the care they give ("Sandra Quinn, foster carer Gateshead", "Special
# guardian Tariq Mahmood", "Sandra Quinn Fostering"): read beside every comment, it points to a foster home
# and the children in it. A first name with a role stays ("Jane (foster carer)"), as does "The Fostering Network".
CARE_GIVEN = re.compile(r"\b(?:foster\w*|adopt\w*|special guardian\w*|kinship|carers?|childminder|childminding|"
                        r"guardians?|supported lodgings)\b", re.IGNORECASE)
FULL_NAME = re.compile(r"(?<![\w'’-])(?P<first>[A-Z][a-z]+(?:-[A-Z][a-z]+)?)\s+(?:[A-Z]\.?\s+)?"
                       r"(?P<surname>(?:O['’]|Mc|Mac)?[A-Z][a-z]+(?:-[A-Z][a-z]+)?)(?![\w'’-])")


def names_a_carer(name: str) -> bool:
    """Whether a short name (a display or organisation name) gives a person's full name with the care they give."""
    plain = normalise(name)[0]
    if not CARE_GIVEN.search(plain):
        return False
    return any(known_name(m["first"].lower()) and m["surname"].lower() not in NOT_NAMES
               and not CARE_GIVEN.fullmatch(m["surname"]) for m in FULL_NAME.finditer(plain))


# Control, format (bidirectional overrides, zero-width), private-use, unassigned and line/paragraph separators.
HIDDEN_CATEGORIES = {"Cc", "Cf", "Co", "Cn", "Cs", "Zl", "Zp"}


@cache
def _look_alikes() -> dict[str, str]:
    """Each character that looks like another, mapped to one plain letter or digit of its group
    ("I", "l", "1" and Cyrillic "І" all to "1")."""
    mapping = {}
    for members in look_alike_groups():
        plain = sorted(char for char in members if char.isascii() and char.isalnum())
        if plain:
            mapping.update(dict.fromkeys(members, plain[0]))
    return mapping


def _canonical(char: str) -> str:
    return _look_alikes().get(char, char)


def name_skeleton(name: str) -> str:
    """What a name looks like: look-alike characters, case, accents, spaces and punctuation folded."""
    decomposed = unicodedata.normalize("NFKD", name)
    letters = (char for char in decomposed if char.isalnum())
    # "I" and "l" look alike in most fonts, and "i" is "I" in capitals: all four become "1".
    # "O" and "0" likewise, and "o" is "O" in capitals: all three become "0". Folding case
    # only after the look-alikes left "BOB" ("b0b") and "bob" apart.
    return "".join(_canonical(char) for char in letters).casefold().replace("i", "1").replace("o", "0")


def display_name_problem(name: str, *, may_use_reserved: bool = False) -> str:
    """A GOV.UK error message for what is wrong with a display name, or "" when nothing is."""
    if any(unicodedata.category(char) in HIDDEN_CATEGORIES and not _joins_emoji(name, i)
           for i, char in enumerate(name)):
        return "Display name must not contain hidden characters, such as zero-width spaces or direction marks"
    if not any(char.isalpha() for char in name):
        return "Display name must include at least one letter"
    if confusables.is_dangerous("".join(char for char in name if char.isalpha())):  # letters, not emoji
        return "Display name must use letters from one alphabet"
    plain = unicodedata.normalize("NFKC", name).casefold()
    skeleton_words = " ".join(name_skeleton(word) for word in plain.split())
    if not may_use_reserved and any(RESERVED.search(text) for text in (plain, *_unconfused(skeleton_words))):
        return ("Display name must not suggest that you speak for the consultation, "
                "for example 'design team', 'moderator', 'staff' or 'admin'")
    # `screen` reads the name as a reader sees it: "Ｋｅｌｌｙ ０７７００９００１２３" is a phone number.
    if kinds_found(name):
        return f"Display name must not include {personal_data_reasons(name)[0]}"
    if RELATION.search(normalise(name)[0]) or names_a_carer(name):
        return f"Display name must not include {KINDS['name']}"
    return ""


def _joins_emoji(name: str, index: int) -> bool:
    """A zero-width joiner between two pictographs builds one emoji (👩‍💻): it hides nothing."""
    if name[index] != "\u200d" or not 0 < index < len(name) - 1:
        return False
    return all(unicodedata.category(name[i]) in ("So", "Sk", "Mn") for i in (index - 1, index + 1))


def _unconfused(skeleton: str) -> tuple[str, str]:
    # Skeletons fold "l", "I" and "i" to "1" and "o" to "0": read digits back as letters for the word check.
    return skeleton.translate(str.maketrans("10534", "iosea")), skeleton.translate(str.maketrans("10534", "losea"))
