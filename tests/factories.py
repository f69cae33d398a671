"""One factory for every model of the portal (tests/test_factories.py checks each builds a
valid row, and that no model is left without one)."""

import uuid
from datetime import date, timedelta

import factory
from django.utils import timezone

from consultation.analysis.models import ExportRecord
from consultation.comments.models import Comment, Follow, OfficialResponse, Report
from consultation.digests.models import DigestDelivery
from consultation.imports.models import ImportedRecord, ImportRun, StaffRecord
from consultation.moderation.models import ModerationDecision, ModerationSettings
from consultation.people.models import Consultation, Organisation, User
from consultation.people.roles import Role
from consultation.responses.models import FocusAreaScore, IdeaFlag, OptionRating, Response
from consultation.themes.models import (
    FoundTheme,
    ResponseLink,
    SubjectKind,
    ThemeAssignment,
    ThemeChange,
    ThemeRun,
)
from ideas.models import DeliveryStrand, FocusArea, Idea, Theme
from models_of_delivery.models import (
    AnalogousOrganisation,
    CentreAim,
    Consideration,
    DeliveryOption,
    InitialFunction,
    OptionAssessment,
    SpokeArrangement,
)

# --- The catalogue (ideas) ----------------------------------------------------------


class ThemeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Theme

    slug = factory.Sequence(lambda n: f"extra-theme-{n}")
    title = factory.Sequence(lambda n: f"Extra theme {n}")
    summary = "A theme of the paper."
    position = factory.Sequence(lambda n: 100 + n)


class DeliveryStrandFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = DeliveryStrand

    slug = factory.Sequence(lambda n: f"extra-strand-{n}")
    title = factory.Sequence(lambda n: f"Extra strand {n}")
    summary = "A delivery strand."
    position = factory.Sequence(lambda n: 100 + n)


class FocusAreaFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = FocusArea

    slug = factory.Sequence(lambda n: f"extra-focus-area-{n}")
    title = factory.Sequence(lambda n: f"Extra focus area {n}")
    theme = factory.SubFactory(ThemeFactory)
    delivery_strand = factory.SubFactory(DeliveryStrandFactory)
    summary = "What this focus area is about."
    source_url = "https://data-to-insight.github.io/centre-of-excellence/"
    position = factory.Sequence(lambda n: 100 + n)


class IdeaFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Idea

    focus_area = factory.SubFactory(FocusAreaFactory)
    slug = factory.Sequence(lambda n: f"extra-idea-{n}")
    verb = "Exploring"
    title = factory.Sequence(lambda n: f"Exploring idea {n}")
    summary = factory.Sequence(lambda n: f"an idea worth exploring, number {n}")
    position = factory.Sequence(lambda n: 100 + n)


# --- Models of delivery ---------------------------------------------------------------


class DeliveryOptionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = DeliveryOption

    slug = factory.Sequence(lambda n: f"extra-option-{n}")
    title = factory.Sequence(lambda n: f"Extra option {n}")
    summary = "A summary."
    description = "A description."
    examples = "One example\nAnother example"
    strengths = "A strength"
    risks = "A risk"
    position = factory.Sequence(lambda n: 100 + n)


class AnalogousOrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = AnalogousOrganisation

    name = factory.Sequence(lambda n: f"Extra organisation {n}")
    slug = factory.Sequence(lambda n: f"extra-organisation-{n}")
    kind = factory.Iterator(["Charities", "A new kind"])
    url = "https://example.org/"
    summary = "Does things."
    position = factory.Sequence(lambda n: 100 + n)


class ConsiderationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Consideration

    slug = factory.Sequence(lambda n: f"extra-consideration-{n}")
    title = factory.Sequence(lambda n: f"Extra consideration {n}")
    description = "Something to weigh."
    position = factory.Sequence(lambda n: 100 + n)


class OptionAssessmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = OptionAssessment

    option = factory.SubFactory(DeliveryOptionFactory)
    consideration = factory.SubFactory(ConsiderationFactory)
    text = "How this option fares against this consideration, in a sentence or two."


class CentreAimFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CentreAim

    text = factory.Sequence(lambda n: f"an extra aim, number {n}")
    position = factory.Sequence(lambda n: 100 + n)


class InitialFunctionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = InitialFunction

    slug = factory.Sequence(lambda n: f"extra-function-{n}")
    title = factory.Sequence(lambda n: f"Extra function {n}")
    summary = "What the centre would do first."
    position = factory.Sequence(lambda n: 100 + n)


class SpokeArrangementFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SpokeArrangement

    slug = factory.Sequence(lambda n: f"extra-spoke-{n}")
    title = factory.Sequence(lambda n: f"Extra spoke {n}")
    summary = "One way a spoke could be run."
    position = factory.Sequence(lambda n: 100 + n)


# --- People and the consultation round --------------------------------------------------


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation

    name = factory.Sequence(lambda n: f"Organisation {n}")
    kind = Organisation.Kind.OTHER


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"person{n}@example.org")
    display_name = factory.Sequence(lambda n: f"Participant {n}")
    role = Role.LA_DATA
    password = factory.PostGenerationMethodCall("set_password", "correct-horse-battery")

    @factory.post_generation
    def _save(obj, create, extracted, **kwargs):  # noqa: N805
        if create:
            obj.save()


class ConsultationFactory(factory.django.DjangoModelFactory):
    """A round open now. Being the latest to open, it becomes the current consultation."""

    class Meta:
        model = Consultation

    title = factory.Sequence(lambda n: f"Consultation round {n}")
    opens_at = factory.LazyFunction(lambda: timezone.now() - timedelta(days=30))
    closes_at = factory.LazyAttribute(lambda o: o.opens_at + timedelta(days=60))


def _current_consultation():
    """Responses belong to the current round: the one already there, else a new one."""
    return Consultation.objects.first() or ConsultationFactory()


# --- Comments and following -----------------------------------------------------------


class CommentFactory(factory.django.DjangoModelFactory):
    """A published comment on a new focus area, unless given its subject: on an idea it
    carries the idea's focus area, on a delivery option or a part of the paper no focus area
    (comment_has_one_subject)."""

    class Meta:
        model = Comment

    author = factory.SubFactory(UserFactory)
    idea = None
    delivery_option = None
    paper_part = ""
    focus_area = factory.Maybe(
        "paper_part",
        yes_declaration=None,
        no_declaration=factory.Maybe(
            "delivery_option",
            yes_declaration=None,
            no_declaration=factory.Maybe(
                "idea",
                yes_declaration=factory.SelfAttribute("idea.focus_area"),
                no_declaration=factory.SubFactory(FocusAreaFactory),
            ),
        ),
    )
    body = factory.Sequence(lambda n: f"A considered comment number {n}.")
    submission_key = factory.LazyFunction(uuid.uuid4)


class ReportFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Report

    comment = factory.SubFactory(CommentFactory)
    reporter = factory.SubFactory(UserFactory)
    reason = Report.Reason.SPAM


class FollowFactory(factory.django.DjangoModelFactory):
    """Following a new focus area, unless given an idea (follow_exactly_one_subject)."""

    class Meta:
        model = Follow

    follower = factory.SubFactory(UserFactory)
    idea = None
    focus_area = factory.Maybe("idea", yes_declaration=None, no_declaration=factory.SubFactory(FocusAreaFactory))


class OfficialResponseFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = OfficialResponse

    focus_area = factory.SubFactory(FocusAreaFactory)
    body = "We listened, and this is what we changed."
    author = factory.SubFactory(UserFactory, is_staff=True)


# --- Moderation -----------------------------------------------------------------------


class ModerationSettingsFactory(factory.django.DjangoModelFactory):
    """The one settings row the portal reads (pk 1, `ModerationSettings.current()`), set to
    these values: a second row would be ignored by the product."""

    class Meta:
        model = ModerationSettings

    policy = ModerationSettings.Policy.PUBLISH
    first_comments_to_hold = 1
    report_threshold = 3

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        row, _ = model_class.objects.update_or_create(pk=1, defaults=kwargs)
        return row


class ModerationDecisionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ModerationDecision

    comment = factory.SubFactory(CommentFactory)
    moderator = factory.SubFactory(UserFactory, is_staff=True)
    from_state = Comment.State.PUBLISHED
    to_state = Comment.State.HIDDEN
    reason = "Off topic"
    revision = factory.SelfAttribute("comment.revision")


# --- Responses ------------------------------------------------------------------------


class ResponseFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Response

    respondent = factory.SubFactory(UserFactory)
    consultation = factory.LazyFunction(_current_consultation)


class FocusAreaScoreFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = FocusAreaScore

    response = factory.SubFactory(ResponseFactory)
    focus_area = factory.SubFactory(FocusAreaFactory)
    usefulness = 4
    likelihood = 3


class OptionRatingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = OptionRating

    response = factory.SubFactory(ResponseFactory)
    option = factory.SubFactory(DeliveryOptionFactory)
    score = 4
    reason = "It would suit a council like ours."


class IdeaFlagFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = IdeaFlag

    response = factory.SubFactory(ResponseFactory)
    idea = factory.SubFactory(IdeaFactory)


# --- Analysis and digests -------------------------------------------------------------


class ExportRecordFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ExportRecord

    taken_by = factory.SubFactory(UserFactory, is_staff=True)
    kind = "responses"
    file_format = "csv"
    filters = factory.LazyFunction(dict)
    row_count = 0


class DigestDeliveryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = DigestDelivery

    kind = DigestDelivery.Kind.FOLLOWERS
    period_start = date(2026, 11, 16)  # a Monday
    recipient = factory.SubFactory(UserFactory)


# --- Themes -----------------------------------------------------------------------------


class ThemeRunFactory(factory.django.DjangoModelFactory):
    """A finished run over the whole consultation."""

    class Meta:
        model = ThemeRun

    subject_kind = SubjectKind.ALL
    subject_ref = ""
    status = ThemeRun.Status.DONE
    method = "tfidf-lsa-kmeans"


class FoundThemeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = FoundTheme

    run = factory.SubFactory(ThemeRunFactory)
    subject_kind = factory.SelfAttribute("run.subject_kind")
    subject_ref = factory.SelfAttribute("run.subject_ref")
    label = factory.Sequence(lambda n: f"Recording burden {n}")
    key_phrases = factory.LazyFunction(lambda: ["recording", "forms"])


class ThemeAssignmentFactory(factory.django.DjangoModelFactory):
    """The machine placing a comment in a theme of the whole consultation."""

    class Meta:
        model = ThemeAssignment

    theme = factory.SubFactory(FoundThemeFactory)
    subject_kind = factory.SelfAttribute("theme.subject_kind")
    subject_ref = factory.SelfAttribute("theme.subject_ref")
    comment = factory.SubFactory(CommentFactory)
    made_by = ThemeAssignment.MadeBy.MACHINE
    run = factory.SelfAttribute("theme.run")


class ThemeChangeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ThemeChange

    theme = factory.SubFactory(FoundThemeFactory)
    action = ThemeChange.Action.RENAME
    person = factory.SubFactory(UserFactory, is_staff=True)
    detail = factory.LazyFunction(dict)


class ResponseLinkFactory(factory.django.DjangoModelFactory):
    """An official response answering a theme."""

    class Meta:
        model = ResponseLink

    response = factory.SubFactory(OfficialResponseFactory)
    theme = factory.SubFactory(FoundThemeFactory)
    comment = None
    linked_by = factory.SubFactory(UserFactory, is_staff=True)
class OutgoingEmailFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "coe.OutgoingEmail"

    to = factory.Sequence(lambda n: f"someone{n}@example.org")
    subject = "Confirm your email address"
    body = "Follow the link to confirm your email address."
# --- Imported and recorded feedback ----------------------------------------------------


class ImportRunFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ImportRun

    file_name = "main-feedback.jsonl"


class ImportedRecordFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ImportedRecord

    fingerprint = factory.Sequence(lambda n: f"{n:064x}")
    run = factory.SubFactory(ImportRunFactory)
    line = factory.Sequence(lambda n: n + 1)
    form = "MainFeedback"


class StaffRecordFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = StaffRecord

    channel = StaffRecord.Channel.EMAIL
    received_on = date(2026, 11, 2)
    recorded_by = factory.SubFactory(UserFactory, is_staff=True)
    respondent = factory.SubFactory(UserFactory, imported=True, is_active=False)
