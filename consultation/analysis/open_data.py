"""The open-data JSON of published comments: no personal data (see exports.py's notes).

Which comments are published is `Comment.objects.public()`; which count, the Scope of the
figures layer (the current consultation unless asked otherwise)."""

import json
import re
from collections.abc import Iterable, Iterator

from django.http import StreamingHttpResponse
from django.utils import timezone

from consultation.analysis.exports import (
    CHUNK_SIZE,
    counted,
    export_record_create,
    filename,
    streamed,
)
from consultation.analysis.scope import Scope
from consultation.comments.models import Comment
from consultation.people.models import Organisation
from consultation.people.roles import role_group

OPEN_DATA_KIND = "open_data_comments"
OPEN_DATA_LICENCE = "Open Government Licence v3.0"
EMAIL_PATTERN = re.compile(r"[\w.+-]+@[\w-]+(\.[\w-]+)+")


def scrub(text: str) -> str:
    return EMAIL_PATTERN.sub("[email address removed]", text)


def open_data_comments(scope: Scope | None = None) -> Iterator[dict]:
    """Published, not withdrawn, comments, without personal data (see the module's notes)."""
    comments = (
        Comment.objects.public().filter((scope or Scope()).comments_q())
        .order_by("pk")
        .values_list(
            "pk", "created_at", "focus_area__slug", "idea__slug", "parent_id", "reflection_kind", "body",
            "author__role", "author__organisation__kind", "author__organisation__region",
        )
    )
    for pk, created, area, idea, parent, kind, body, role, org_kind, region in comments.iterator(chunk_size=CHUNK_SIZE):
        in_council = org_kind == Organisation.Kind.LOCAL_AUTHORITY
        yield {
            "id": pk,
            "date": timezone.localtime(created).date().isoformat(),
            "focus_area": area,
            "idea": idea,
            "reply_to": parent,
            "reflection_kind": kind or None,
            "text": scrub(body),
            "respondent_group": role_group(role or "").value,
            "organisation_type": "local_authority" if in_council else "other",
            "region": region if in_council and region else None,
        }


def json_stream(items: Iterable[dict]) -> Iterator[str]:
    meta = {
        "title": "Comments on the Centre of Excellence ideas",
        "licence": OPEN_DATA_LICENCE,
        "generated_at": timezone.now().isoformat(timespec="seconds"),
        "notes": "Published comments only. No names, email addresses, account numbers, roles or "
                 "organisation names. Region is given only for people in a local authority.",
    }
    yield json.dumps(meta)[:-1] + ', "comments": ['
    for index, item in enumerate(items):
        yield ("," if index else "") + "\n" + json.dumps(item, ensure_ascii=False)
    yield "\n]}\n"


def open_data_export(*, user) -> StreamingHttpResponse:
    record = export_record_create(user=user, kind=OPEN_DATA_KIND, file_format="json", filters={})
    content = json_stream(counted(open_data_comments(), record))
    return streamed(content, "application/json; charset=utf-8", filename("comments-open-data", "json"))
