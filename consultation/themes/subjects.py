"""What a subject's comments are, and what the subject is called.

Only published text is themed: comments and replies that `Comment.objects.public()` lets
anyone read, within the current consultation (the analysis Scope). Option reasons and
"anything else" answers are not published anywhere in the portal and are never screened for
personal data, so they are not themed (docs/decisions/0012).

A part of the paper (ideas/paper.py) is a subject too: its ref is the part's key.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Q

from consultation.analysis.scope import Scope
from consultation.comments.models import Comment
from consultation.themes.models import FoundTheme, SubjectKind
from ideas.models import FocusArea, Idea
from ideas.paper import PaperPart
from models_of_delivery.models import DeliveryOption

ROW_MODELS = {SubjectKind.FOCUS_AREA: FocusArea, SubjectKind.IDEA: Idea, SubjectKind.DELIVERY_OPTION: DeliveryOption}
MAX_ROW_ID = 2**63 - 1


def _is_row_id(ref: str) -> bool:
    """ASCII digits only ("²" passes isdigit but not int), no leading zero (one subject, one
    slug), and small enough for a database id."""
    return ref.isascii() and ref.isdigit() and ref == str(int(ref)) and 0 < int(ref) <= MAX_ROW_ID


@dataclass(frozen=True)
class Subject:
    kind: str
    ref: str = ""

    @property
    def key(self) -> tuple[str, str]:
        return (self.kind, self.ref)

    @property
    def slug(self) -> str:
        """For URLs: "all", "focus_area-12"."""
        return self.kind if self.kind == SubjectKind.ALL else f"{self.kind}-{self.ref}"

    @classmethod
    def from_slug(cls, slug: str) -> Subject | None:
        kind, _, ref = slug.partition("-")
        if kind not in SubjectKind.values or (kind == SubjectKind.ALL) != (ref == ""):
            return None
        if kind in ROW_MODELS and not _is_row_id(ref):
            return None
        if kind == SubjectKind.PAPER_PART and ref not in PaperPart.values:
            return None
        return cls(kind, ref)

    def as_filter(self) -> dict:
        return {"subject_kind": self.kind, "subject_ref": self.ref}


WHOLE = Subject(SubjectKind.ALL)


def subject_exists(subject: Subject) -> bool:
    """A subject's row is there, or it has themes (kept readable if its row was removed)."""
    model = ROW_MODELS.get(subject.kind)
    if model is None:
        return True  # the whole consultation and the parts of the paper: from_slug checked them
    return model.objects.filter(pk=subject.ref).exists() or FoundTheme.objects.filter(**subject.as_filter()).exists()


def _subject_q(subject: Subject) -> Q:
    if subject.kind == SubjectKind.ALL:
        return Q()
    if subject.kind == SubjectKind.FOCUS_AREA:
        return Q(focus_area_id=int(subject.ref))  # an idea's comments carry their focus area
    if subject.kind == SubjectKind.IDEA:
        return Q(idea_id=int(subject.ref))
    if subject.kind == SubjectKind.DELIVERY_OPTION:
        return Q(delivery_option_id=int(subject.ref))
    return Q(paper_part=subject.ref)


def subject_comments(subject: Subject, scope: Scope | None = None):
    """The published comments and replies on a subject, in the current consultation."""
    return Comment.objects.public().filter((scope or Scope()).comments_q()).filter(_subject_q(subject))


def subject_title(subject: Subject) -> str:
    if subject.kind == SubjectKind.ALL:
        return "The whole consultation"
    if subject.kind == SubjectKind.PAPER_PART:
        return PaperPart(subject.ref).label if subject.ref in PaperPart.values else subject.ref
    model = ROW_MODELS.get(subject.kind)
    if model is None:
        return f"{SubjectKind(subject.kind).label} {subject.ref}"
    row = model.objects.filter(pk=subject.ref).first()
    return str(row.title if row else f"{SubjectKind(subject.kind).label} {subject.ref}")


def subject_titles(subjects) -> dict[tuple[str, str], str]:
    """Titles for many subjects in three queries (for pages that list runs or themes)."""
    wanted: dict[str, set] = {}
    for kind, ref in subjects:
        wanted.setdefault(kind, set()).add(ref)
    titles = {(SubjectKind.ALL.value, ""): "The whole consultation"}
    titles.update({(SubjectKind.PAPER_PART.value, part.value): part.label for part in PaperPart})
    for kind, model in ((SubjectKind.FOCUS_AREA, FocusArea), (SubjectKind.IDEA, Idea),
                        (SubjectKind.DELIVERY_OPTION, DeliveryOption)):
        refs = [r for r in wanted.get(kind.value, ()) if r.isdigit()]
        for row in model.objects.filter(pk__in=refs).select_related(*(["focus_area"] if model is Idea else [])):
            titles[(kind.value, str(row.pk))] = str(row.title)
    return titles


def all_subjects() -> list[Subject]:
    """Every subject themes are built for: the whole consultation, then each focus area,
    idea, delivery option and part of the paper (beat builds those with enough comments)."""
    return [
        WHOLE,
        *(Subject(SubjectKind.FOCUS_AREA, str(pk)) for pk in FocusArea.objects.values_list("pk", flat=True)),
        *(Subject(SubjectKind.IDEA, str(pk)) for pk in Idea.objects.values_list("pk", flat=True)),
        *(Subject(SubjectKind.DELIVERY_OPTION, str(pk)) for pk in DeliveryOption.objects.values_list("pk", flat=True)),
        *(Subject(SubjectKind.PAPER_PART, part.value) for part in PaperPart),
    ]
