"""Download your data (UK GDPR): everything the portal holds about one person."""

from datetime import datetime

from allauth.account.models import EmailAddress
from django.conf import settings
from django.utils import timezone

from consultation.analysis.models import ExportRecord
from consultation.comments.models import Comment, Follow, OfficialResponse, Report
from consultation.digests.models import DigestDelivery
from consultation.moderation.models import ModerationDecision
from consultation.people.models import User
from consultation.responses.models import Response


def _when(value: datetime | None) -> str | None:
    return value.isoformat() if value else None


def _subject(comment) -> dict:
    if comment.idea_id:
        return {"kind": "idea", "title": comment.idea.title, "focus_area": comment.focus_area.title}
    if comment.delivery_option_id:
        return {"kind": "delivery option", "title": comment.delivery_option.title}
    if comment.paper_part:
        return {"kind": "part of the paper", "title": comment.get_paper_part_display()}
    return {"kind": "focus area", "title": comment.focus_area.title}


def _decision(decision: ModerationDecision) -> dict:
    # Who moderated is not the person's data: "a moderator" or "the portal" (automatic).
    return {
        "at": _when(decision.created_at),
        "from_state": decision.get_from_state_display(),
        "to_state": decision.get_to_state_display(),
        "by": "a moderator" if decision.moderator_id else "the portal (automatic check)",
        "reason": decision.reason,
    }


def _account(user: User) -> dict:
    return {
        "email": user.email,
        "email_addresses": [
            {"email": address.email, "verified": address.verified, "primary": address.primary}
            for address in EmailAddress.objects.filter(user=user).order_by("-primary", "email")
        ],
        "display_name": user.display_name,
        "role": user.get_role_display() if user.role else "",
        "organisation": user.organisation.name if user.organisation_id else "",
        "organisation_name": user.organisation_name,
        "preferences": {
            "weekly_email_about_what_i_follow": user.wants_followers_digest,
            "design_team_weekly_digest": user.wants_design_team_digest,
        },
        "staff": user.is_staff,
        "staff_groups": sorted(user.groups.values_list("name", flat=True)),
        "date_joined": _when(user.date_joined),
        "last_sign_in": _when(user.last_login),
    }


def _responses(user: User) -> list[dict]:
    responses = (
        Response.objects.filter(respondent=user)
        .select_related("consultation")
        .prefetch_related("scores__focus_area", "flags__idea__focus_area", "option_ratings__option",
                          "important_considerations")
        .order_by("created_at")
    )
    return [
        {
            "consultation": response.consultation.title,
            "status": response.get_status_display(),
            "created_at": _when(response.created_at),
            "updated_at": _when(response.updated_at),
            "submitted_at": _when(response.submitted_at),
            "focus_area_scores": [
                {"focus_area": score.focus_area.title, "usefulness": score.usefulness,
                 "likelihood": score.likelihood}
                for score in sorted(response.scores.all(), key=lambda s: s.focus_area.title)
            ],
            "ideas_to_explore_further": [
                {"idea": flag.idea.title, "focus_area": flag.idea.focus_area.title}
                for flag in response.flags.all()
            ],
            "delivery_option_ratings": [
                {"option": rating.option.title, "score": rating.score, "reason": rating.reason}
                for rating in response.option_ratings.all()
            ],
            "important_considerations": [c.title for c in response.important_considerations.all()],
            "anything_else": response.anything_else,
        }
        for response in responses
    ]


def _comments(user: User) -> list[dict]:
    comments = (
        Comment.objects.filter(author=user)
        .select_related("focus_area", "idea", "delivery_option")
        .prefetch_related("decisions")
        .order_by("created_at", "pk")
    )
    return [
        {
            "id": comment.pk,
            "address": settings.SITE_URL + comment.get_absolute_url(),
            "on": _subject(comment),
            "in_reply_to_comment": comment.parent_id,
            "kind_of_comment": comment.get_reflection_kind_display() if comment.reflection_kind else "",
            "text": comment.body,
            "state": comment.get_state_display(),
            "moderator_reason": comment.moderation_reason,
            "why_held_for_review": comment.held_reason,
            "created_at": _when(comment.created_at),
            "edited_at": _when(comment.edited_at),
            "withdrawn_at": _when(comment.withdrawn_at),
            "moderation_history": [_decision(d) for d in sorted(comment.decisions.all(),
                                                                key=lambda d: (d.created_at, d.pk))],
        }
        for comment in comments
    ]


def _reports(user: User) -> list[dict]:
    return [
        {
            "comment": report.comment_id,
            "address": settings.SITE_URL + report.comment.get_absolute_url(),
            "reason": report.get_reason_display(),
            "note": report.note,
            "created_at": _when(report.created_at),
        }
        for report in Report.objects.filter(reporter=user).select_related("comment").order_by("created_at")
    ]


def _follows(user: User) -> list[dict]:
    follows = Follow.objects.filter(follower=user).select_related("focus_area", "idea").order_by("created_at")
    return [
        {"kind": "idea" if follow.idea_id else "focus area",
         "title": follow.idea.title if follow.idea_id else follow.focus_area.title,
         "since": _when(follow.created_at)}
        for follow in follows
    ]


def _digests(user: User) -> list[dict]:
    return [
        {"kind": delivery.get_kind_display(), "week_beginning": delivery.period_start.isoformat(),
         "status": delivery.get_status_display(), "sent_at": _when(delivery.sent_at)}
        for delivery in DigestDelivery.objects.filter(recipient=user).order_by("period_start", "kind")
    ]


def _staff_work(user: User) -> dict:
    """What a member of staff did in the portal: also data about them."""
    return {
        "exports_taken": [
            {"kind": record.kind, "format": record.file_format, "filters": record.filters,
             "rows": record.row_count, "taken_at": _when(record.taken_at)}
            for record in ExportRecord.objects.filter(taken_by=user).order_by("taken_at")
        ],
        "moderation_decisions": [
            {"comment": decision.comment_id, **_decision(decision), "by": "you"}
            for decision in ModerationDecision.objects.filter(moderator=user).order_by("created_at", "pk")
        ],
        "official_responses": [
            {"title": response.title, "focus_area": response.focus_area.title,
             "published": response.is_published, "published_at": _when(response.published_at)}
            for response in OfficialResponse.objects.filter(author=user).select_related("focus_area")
        ],
    }


def person_data_export(user: User) -> dict:
    """Everything the portal holds about one person, and nothing about anyone else
    (not who reported their comments, not which moderator decided)."""
    data = {
        "service": settings.SERVICE_NAME,
        "exported_at": timezone.now().isoformat(),
        "about": "Everything this portal holds about you. Questions: " + settings.FEEDBACK_EMAIL,
        "account": _account(user),
        "responses": _responses(user),
        "comments": _comments(user),
        "reports_you_made": _reports(user),
        "following": _follows(user),
        "digest_emails": _digests(user),
    }
    if user.is_staff:
        data["staff_work"] = _staff_work(user)
    return data
