"""A reply read with the comment it answers. A reply is shown under its parent, so a reader
joins them: "That is Keeley Dawson, isn't it? I taught her." under "We have a 14-year-old girl in
Bury who has waited two years for CAMHS" names the child the parent described.

The parent is already published (screened on its own), so only what touches the reply's own
words counts: the two are screened as one text and findings wholly inside the parent dropped;
and a name the reply gives for the parent's child ("That's Jayden", "Is that Kacey?") counts
when the parent describes a child in a case.
"""

import re

from consultation.screening.findings import Finding
from consultation.screening.people_words import CHILD_WORDS, NOT_NAMES, SENTENCE_CONTEXT, known_name

# The reply is set apart from the parent as a new paragraph, so no sentence runs across the join.
JOIN = "\n\n"
# "That is Keeley Dawson", "that's little Jayden", "Is that Kacey?", "sounds like Tyler-James": the reply
# says who the parent's child is ("That's Sarah's point" is the writer quoting a participant).
IDENTIFIED = re.compile(
    r"\b(?i:that(?:['’]s| is| was| must be| will be| sounds like| could be)|is that|isn['’]t that|sounds like|"
    r"it['’]s|it must be|you mean)\s+(?:(?i:little|young|our|my|the)\s+)?"
    r"(?P<name>[A-Z][a-z]+(?:-[A-Z][a-z]+)?)(?:\s+(?P<surname>[A-Z][a-z]+(?:-[A-Z][a-z]+)?))?(?!['’]s\b|\w)")


def reply_findings(reply: str, parent: str) -> list[Finding]:
    """The findings in the reply (spans in the reply's own text) when it is read under its parent."""
    from consultation.screening import screen

    offset = len(parent) + len(JOIN)
    found = [Finding(f.kind, max(0, f.start - offset), f.end - offset, f.confidence)
             for f in screen(parent + JOIN + reply) if f.end > offset]
    if parent and (CHILD_WORDS.search(parent) or SENTENCE_CONTEXT.search(parent)):
        for match in IDENTIFIED.finditer(reply):
            first = match["name"].lower()
            if first not in NOT_NAMES and (known_name(first) or match["surname"]):
                found.append(Finding("name", match.start("name"), match.end(), 0.7))
    return found
