"""Text written the way people text: no capitals ("agree, same with our lad kai 13 tho", "the
social worker for our jordan never turns up"). The name rules lean on capitals, so in such a
text the first names are given theirs back before the name rules read it ("kai" -> "Kai", and
"paul brennan" -> "Paul Brennan" when the second word is a common surname).

Only texts that do without capitals are recased, and only first names that are not also
everyday words ("will", "grace", "ash"); lengths do not change, so spans stay the writer's.
"""

import re

from consultation.screening.people_words import FAMILY, LOWER_CASE_WORDS, NOT_NAMES, known_name
from consultation.screening.words import surnames, words

# Titlecase words other than "I", "I'm", "I've": a text with none of them is written without capitals.
TITLED_WORD = re.compile(r"\b(?!I\b)[A-Z][a-z]")
SENTENCE_START = re.compile(r"(?:^|[.!?]\s+|\n\s*)([A-Za-z])")
WORD = re.compile(r"(?<![\w'’-])[a-z]{3,}(?:-[a-z]+)?(?![\w-])")
# Names in the list that are everyday words too, read as words when nothing is capitalised.
EVERYDAY = LOWER_CASE_WORDS | words(FAMILY.replace("|", " ")) | words(
    """ash bee era gay ion sun hue aide echo moon lean lore mica nova reed tiny opal fern fawn herb dick bong
    hang gala gale aura chin clay drew dung loan rosy wren isis min mac jay yen sol rod peg val del dev gus tad
    sid han lea coy cruz marx sha nana lala gigi mimi bibi lulu toni tory sang eden asia kobe cher trey lang
    hong hung mona neal reid ross rolf nell
    hai hain aur mein nahi bhi hum sab meri mera mere beta beti bachi saal acha bohat tha thi
    mae oed ydy mewn gyda nid syn jest nie ale lat lata""")  # Urdu, Welsh and Polish words among the names


def casual(text: str) -> bool:
    """Whether the writer does without capitals: no titled word, or most sentences start in lower case."""
    if not TITLED_WORD.search(text):
        return True
    starts = [match.group(1) for match in SENTENCE_START.finditer(text)]
    lower = sum(letter.islower() for letter in starts)
    return lower >= 2 and lower * 2 > len(starts)


def recased(text: str) -> str:
    """The text with its first names capitalised, when it is written without capitals."""
    if not casual(text):
        return text
    chars = list(text)
    previous_end = -2
    for match in WORD.finditer(text):
        word = match.group()
        is_name = word not in EVERYDAY and word not in NOT_NAMES and known_name(word)
        is_surname = match.start() == previous_end + 1 and word in surnames() and word not in EVERYDAY
        if is_name or is_surname:
            chars[match.start()] = word[0].upper()
            for position in (i for i, char in enumerate(word) if char == "-"):
                chars[match.start() + position + 1] = word[position + 1].upper()
            previous_end = match.end() if is_name else -2
    return "".join(chars)
