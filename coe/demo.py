"""Demo content for `make run`: a few people and their feedback. Safe to run repeatedly."""

import uuid

from django.contrib.auth.models import Group
from django.utils import timezone

from consultation.comments.models import Comment
from consultation.moderation import lifecycle
from consultation.people import staff_groups
from consultation.people.models import Organisation, User
from consultation.people.selectors import current_consultation
from consultation.responses import services
from ideas.models import FocusArea

DEMO_PASSWORD = "demo-password-123"  # noqa: S105 (demo accounts on a laptop only)
# A fixed namespace makes each demo comment's submission key stable, so reruns add nothing.
DEMO_NAMESPACE = uuid.UUID("8f1d2c3e-0000-4000-8000-00000000c0e1")

PEOPLE = [
    ("amira@example.org", "Amira (demo)", "la_data", "Leeds"),
    ("ben@example.org", "Ben (demo)", "la_leadership", "Kent"),
    ("chloe@example.org", "Chloe (demo)", "cg_digital", None),
    ("dev@example.org", "Dev (demo)", "supplier", None),
]

COMMENTS = [
    ("amira@example.org", "improving-data-quality", None, "enthusiastic",
     "Shared data quality tools would save every council weeks each year. We rebuild the same "
     "validation checks for every return."),
    ("ben@example.org", "improving-data-quality", 0, "general",
     "Agreed, but standards only stick if leaders see them as theirs, not as another demand."),
    ("chloe@example.org", "curating-technical-standards", None, "unsure",
     "How would this sit alongside the cross-government standards work already under way?"),
    ("dev@example.org", "making-sense-of-case-management-systems", None, "specific_issue",
     "Procurement frameworks make it hard for smaller suppliers to offer councils anything new."),
    ("amira@example.org", "discovering-what-works", None, "enthusiastic",
     "A map of who is trying what would stop us all piloting the same thing in parallel."),
]


def _person(email, name, role, council):
    organisation = Organisation.objects.filter(name=council).first() if council else None
    person, created = User.objects.get_or_create(
        email=email,
        defaults={"display_name": name, "role": role, "organisation": organisation,
                  "organisation_name": "" if organisation else "Demo organisation"},
    )
    if created:
        person.set_password(DEMO_PASSWORD)
        person.save()
        # allauth requires a verified address before sign-in.
        person.emailaddress_set.create(email=email, verified=True, primary=True)
    return person


# email, display name, superuser, staff group (consultation/people/staff_groups.py)
STAFF = [
    ("staff@example.org", "Design team", True, None),
    ("moderator@example.org", "Moira (demo moderator)", False, staff_groups.MODERATORS),
    ("analyst@example.org", "Anil (demo analyst)", False, staff_groups.ANALYSTS),
]


def _staff_member(email, name, superuser, group):
    person, created = User.objects.get_or_create(
        email=email,
        defaults={"display_name": name, "is_staff": True, "is_superuser": superuser, "role": "cg_leadership",
                  # so that `send_digest --dry-run` has someone to print the design team's digest for
                  "wants_design_team_digest": True},
    )
    if created:
        person.set_password(DEMO_PASSWORD)
        person.save()
        person.emailaddress_set.create(email=email, verified=True, primary=True)
    if group:
        person.groups.add(Group.objects.get(name=group))
    return person


def load_demo_content():
    staff, *_ = [_staff_member(*row) for row in STAFF]
    consultation = current_consultation()
    people = {email: _person(email, name, role, council) for email, name, role, council in PEOPLE}
    if consultation is None or not consultation.is_open():
        yield "The consultation is not open: no demo comments or responses were added."
    else:
        threads = []
        for number, (email, slug, reply_to, kind, body) in enumerate(COMMENTS):
            area = FocusArea.objects.get(slug=slug)
            comment, _ = lifecycle.comment_create(
                author=people[email], consultation=consultation, focus_area=area,
                parent=threads[reply_to] if reply_to is not None else None, body=body,
                reflection_kind=kind, submission_key=uuid.uuid5(DEMO_NAMESPACE, str(number)),
            )
            threads.append(comment)
            if comment.state == Comment.State.PENDING:
                # New accounts' first comments are held by default: the demo moderator lets them through.
                lifecycle.comment_moderate(comment=comment, moderator=staff, to_state=Comment.State.PUBLISHED)
        areas = list(FocusArea.objects.prefetch_related("ideas"))
        for index, person in enumerate(people.values()):
            scores = {area: ((index + n) % 5 + 1, (index * 2 + n) % 5 + 1) for n, area in enumerate(areas)}
            services.response_save(
                respondent=person, consultation=consultation, scores=scores,
                flagged_ideas=[area.ideas.all()[index % 3] for area in areas[::2]],
                anything_else="", submit=index != 0,
            )
        yield f"{Comment.objects.count()} comments; demo responses from {len(people)} people"
    yield f"Sign in with password {DEMO_PASSWORD} as:"
    yield "  amira@example.org, ben@example.org, chloe@example.org, dev@example.org (participants)"
    yield "  moderator@example.org (Moderators: the comment queue at /admin/)"
    yield "  analyst@example.org (Analysts: /analysis/ and exports)"
    yield "  staff@example.org (superuser: everything, /admin/)"
    yield f"Demo content loaded {timezone.localtime():%d %B %Y %H:%M}"
