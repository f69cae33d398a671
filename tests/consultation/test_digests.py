"""The weekly digests: content on known data, exactly-once sending, opting out."""

from datetime import date, datetime, timedelta

import pytest
from django.core import mail
from django.core.management import call_command
from django.db import connection
from django.urls import reverse
from django.utils import timezone

from consultation.comments.models import Comment, Follow, OfficialResponse, Report
from consultation.digests import design_team, periods, sending
from consultation.digests.followers import build_followers_digest
from consultation.digests.models import DigestDelivery
from consultation.digests.tasks import send_digest, send_weekly_digests
from consultation.responses.models import FocusAreaScore, IdeaFlag, Response
from ideas.models import FocusArea, Idea
from tests.concurrency import at_once
from tests.factories import CommentFactory, UserFactory

pytestmark = pytest.mark.django_db
WEEK = date(2026, 11, 16)  # a Monday
LONDON = timezone.get_current_timezone()


def at(day: date, hour=12):
    return datetime(day.year, day.month, day.day, hour, tzinfo=LONDON)


def submit(person, consultation, when, scores, flags=()):
    response = Response.objects.create(respondent=person, consultation=consultation, status="submitted",
                                       submitted_at=when)
    for area, (usefulness, likelihood) in scores.items():
        FocusAreaScore.objects.create(response=response, focus_area=area, usefulness=usefulness, likelihood=likelihood)
    for idea in flags:
        IdeaFlag.objects.create(response=response, idea=idea)
    return response


@pytest.fixture
def consultation(consultation):
    """Open around WEEK, whatever today is: the shared fixture opens 30 days before today,
    which would leave WEEK outside the round a few weeks from now."""
    consultation.opens_at = at(WEEK - timedelta(days=60))
    consultation.closes_at = at(WEEK + timedelta(days=60))
    consultation.save()
    return consultation


@pytest.fixture
def areas(catalogue):
    return {area.slug: area for area in FocusArea.objects.all()}


@pytest.fixture
def staff(db):
    return UserFactory(is_staff=True, wants_design_team_digest=True, email="design@example.org")


# --- Periods --------------------------------------------------------------------


def test_the_digest_reports_the_last_complete_week():
    monday_morning = at(date(2026, 11, 23), hour=8)
    assert periods.last_complete_week(monday_morning) == WEEK
    assert periods.last_complete_week(at(date(2026, 11, 29), hour=23)) == WEEK
    start, end = periods.period_bounds(WEEK)
    assert (start.isoformat(), end.isoformat()) == ("2026-11-16T00:00:00+00:00", "2026-11-23T00:00:00+00:00")


# --- The design team's digest -------------------------------------------------------


def test_design_team_digest_on_known_data(consultation, areas, local_authorities):
    quality, works = areas["improving-data-quality"], areas["discovering-what-works"]
    leeds, kent = local_authorities.get(name="Leeds"), local_authorities.get(name="Kent")
    idea = Idea.objects.get(focus_area=quality, slug="defining")
    before, during, after = at(WEEK - timedelta(days=3)), at(WEEK + timedelta(days=2)), at(WEEK + timedelta(days=8))

    # The week before: one Leeds officer.
    submit(UserFactory(organisation=leeds, role="la_data"), consultation, before, {quality: (2, 2)}, [idea])
    # This week: another Leeds officer, a Kent leader and a supplier.
    submit(UserFactory(organisation=leeds, role="la_data"), consultation, during, {quality: (4, 3)}, [idea])
    submit(UserFactory(organisation=kent, role="la_leadership"), consultation, during, {quality: (3, None), works: (5, 5)})
    submit(UserFactory(role="supplier"), consultation, during, {works: (1, 1)}, [idea])
    # Next week: not counted.
    submit(UserFactory(organisation=kent), consultation, after, {quality: (1, 1)})
    # A draft is not a response.
    Response.objects.create(respondent=UserFactory(), consultation=consultation, status="draft")

    CommentFactory.create_batch(3, focus_area=quality, created_at=during, body="A useful point this week")
    CommentFactory(focus_area=quality, created_at=during, state=Comment.State.PENDING, body="Not yet public")
    CommentFactory(focus_area=works, created_at=before)
    reported = CommentFactory(focus_area=works, created_at=during)
    Report.objects.create(comment=reported, reporter=UserFactory(), reason="spam")

    digest = design_team.build_design_team_digest(WEEK)

    assert digest.new_responses == 3
    assert digest.new_comments == 4  # 3 on quality + the reported (still published) one on works
    by_slug = {a.area.slug: a for a in digest.areas}
    q = by_slug["improving-data-quality"]
    assert q.new_comments == 3 and q.respondents == 3
    assert q.usefulness_mean == 3.0 and q.usefulness_change == 1.0  # (2+4+3)/3 now, 2 before
    assert q.likelihood_mean == 2.5 and q.likelihood_change == 0.5  # (2+3)/2 now, 2 before
    assert q.usefulness_counts == [0, 1, 1, 1, 0]
    assert by_slug["discovering-what-works"].usefulness_change is None  # nothing the week before
    assert digest.top_flagged[0] == (idea, 3, 2)
    assert dict(digest.roles) == {"Local authority data professional": 1, "Local authority leadership": 1,
                                  "Data and digital supplier/partner": 1}
    assert dict(digest.regions)["No region (not a local authority)"] == 1  # the analysis pages' label
    assert (digest.councils_heard, digest.councils_total, digest.councils_new) == (2, 153, 1)
    assert (digest.pending, digest.reported) == (1, 1)
    assert [a.area.slug for a in digest.busy_areas][0] == "improving-data-quality"
    assert all(c.state == "published" for a in digest.busy_areas for c in a.recent_comments)
    assert "Not yet public" not in {c.body for a in digest.busy_areas for c in a.recent_comments}


def test_design_team_digest_queries_do_not_grow_with_the_data(consultation, areas, django_assert_max_num_queries):
    def measure():
        with django_assert_max_num_queries(30) as captured:
            design_team.build_design_team_digest(WEEK)
        return len(captured.captured_queries)

    people = UserFactory.create_batch(20)
    submit(people[0], consultation, at(WEEK + timedelta(days=1)), {areas["improving-data-quality"]: (2, 2)},
           Idea.objects.all()[:1])
    CommentFactory(author=people[0], focus_area=areas["improving-data-quality"], created_at=at(WEEK + timedelta(days=1)))
    measure()  # warms the cached current consultation
    small = measure()
    people = people[1:]
    for person in people:
        submit(person, consultation, at(WEEK + timedelta(days=1)), dict.fromkeys(areas.values(), (3, 4)),
               Idea.objects.all()[:6])
    Comment.objects.bulk_create(CommentFactory.build(author=people[n % 19], focus_area=areas["improving-data-quality"],
                                                     created_at=at(WEEK + timedelta(days=1))) for n in range(300))
    assert measure() == small


# --- The followers' digest ----------------------------------------------------------


def test_followers_digest_has_only_new_published_content_on_what_they_follow(areas, participant):
    quality, works = areas["improving-data-quality"], areas["discovering-what-works"]
    idea = Idea.objects.get(focus_area=works, slug="mapping")
    Follow.objects.create(follower=participant, focus_area=quality)
    Follow.objects.create(follower=participant, idea=idea)
    during = at(WEEK + timedelta(days=1))
    CommentFactory(focus_area=quality, created_at=during, body="New on quality")
    CommentFactory(focus_area=quality, created_at=during, state=Comment.State.HIDDEN, body="Hidden one")
    CommentFactory(focus_area=quality, created_at=during, author=participant, body="My own words")
    CommentFactory(focus_area=quality, created_at=at(WEEK - timedelta(days=1)), body="Last week's")
    CommentFactory(focus_area=works, idea=idea, created_at=during, body="New on mapping")
    CommentFactory(focus_area=works, created_at=during, body="On works but not on the idea")
    OfficialResponse.objects.create(focus_area=quality, author=UserFactory(is_staff=True), body="We heard you",
                                    published_at=during)

    items = build_followers_digest(participant, WEEK)
    found = {str(item.subject): ([c.body for c in item.comments], [o.body for o in item.official_responses])
             for item in items}
    assert found == {
        "Improving data quality": (["New on quality"], ["We heard you"]),
        str(idea): (["New on mapping"], []),
    }


def test_no_followers_email_when_nothing_is_new(areas, participant):
    Follow.objects.create(follower=participant, focus_area=areas["improving-data-quality"])
    assert build_followers_digest(participant, WEEK) == []
    send_weekly_digests(WEEK.isoformat())
    assert mail.outbox == []
    assert DigestDelivery.objects.get().status == DigestDelivery.Status.SKIPPED


# --- Sending exactly once ---------------------------------------------------------


@pytest.fixture
def followers(areas):
    people = UserFactory.create_batch(4)
    for person in people:
        Follow.objects.create(follower=person, focus_area=areas["improving-data-quality"])
    CommentFactory(focus_area=areas["improving-data-quality"], created_at=at(WEEK + timedelta(days=1)),
                   body="Something new to tell followers")
    return people


def sent_to():
    return sorted(address for message in mail.outbox for address in message.to)


def test_sending_twice_sends_each_person_one_email(followers, staff):
    send_weekly_digests(WEEK.isoformat())
    send_weekly_digests(WEEK.isoformat())
    call_command("send_digest", "--kind", "followers", "--week", WEEK.isoformat())
    assert sent_to() == sorted([p.email for p in followers] + [staff.email])
    assert DigestDelivery.objects.filter(status="sent").count() == 5


def test_a_crash_half_way_through_then_a_rerun_sends_the_rest_once(followers, settings):
    settings.EMAIL_BACKEND = "tests.consultation.flaky_mail.FailAfterTwoBackend"
    from tests.consultation import flaky_mail

    flaky_mail.sent.clear()
    send_weekly_digests(WEEK.isoformat())  # two get through, then the mail server goes away
    assert len(flaky_mail.sent) == 2
    assert DigestDelivery.objects.filter(status="pending").exclude(last_error="").count() == 2
    flaky_mail.healthy = True
    send_weekly_digests(WEEK.isoformat())
    assert sorted(flaky_mail.sent) == sorted(p.email for p in followers)


def test_mail_failures_retry_then_stay_visible_and_others_still_go(followers, settings):
    settings.EMAIL_BACKEND = "tests.consultation.flaky_mail.RefuseOneAddressBackend"
    from tests.consultation import flaky_mail

    flaky_mail.sent.clear()
    flaky_mail.refused = followers[0].email
    send_weekly_digests(WEEK.isoformat())
    assert sorted(flaky_mail.sent) == sorted(p.email for p in followers[1:])  # the rest went
    stuck = DigestDelivery.objects.get(recipient=followers[0])
    assert stuck.status == DigestDelivery.Status.PENDING and "SMTPRecipientsRefused" in stuck.last_error

    # Run in-process without propagating, Celery follows each retry the task asks for
    # (each with a longer backoff) until the last allowed attempt gives up and leaves the
    # failure on the row for staff to see.
    settings.CELERY_TASK_EAGER_PROPAGATES = False
    assert send_digest.apply(args=[stuck.pk]).get() == "failed"
    stuck.refresh_from_db()
    assert stuck.status == DigestDelivery.Status.FAILED
    assert stuck.attempts == 1 + 1 + send_digest.max_retries  # the weekly run, then 1 + 6 retries
    assert flaky_mail.sent.count(followers[0].email) == 0


def test_an_error_that_is_not_the_mail_servers_fails_the_row_once_not_for_ever(followers, settings, monkeypatch):
    """A mistake in a template or a setting: retrying fails the same way, so the sweep must
    not queue the row again every ten minutes."""
    settings.CELERY_TASK_EAGER_PROPAGATES = False
    monkeypatch.setattr(sending, "digest_message", lambda delivery: 1 / 0)
    send_weekly_digests(WEEK.isoformat())
    rows = DigestDelivery.objects.filter(recipient__in=followers)
    assert {row.status for row in rows} == {DigestDelivery.Status.FAILED}
    assert all("ZeroDivisionError" in row.last_error for row in rows)
    assert sending.deliveries_waiting(before=timezone.now() + timedelta(days=1)) == []


@pytest.mark.django_db(transaction=True)
def test_concurrent_senders_send_each_person_one_email(catalogue, settings):
    if connection.vendor != "postgresql":
        pytest.skip("row locks need PostgreSQL (the suite runs on it under CI)")
    area = FocusArea.objects.get(slug="improving-data-quality")
    people = UserFactory.create_batch(6)
    for person in people:
        Follow.objects.create(follower=person, focus_area=area)
    CommentFactory(focus_area=area, created_at=at(WEEK + timedelta(days=1)))
    ids = sending.digest_plan("followers", WEEK)
    per_worker, errors = at_once(lambda: [send_digest.apply(args=[pk]).get() for pk in ids], times=3)
    assert errors == []
    results = [result for worker in per_worker for result in worker]
    assert sorted(sent_to()) == sorted(p.email for p in people)
    assert results.count("sent") == 6 and results.count("nothing to do") == 12


def test_the_database_refuses_a_second_record_for_the_same_week(staff):
    from django.db import IntegrityError

    DigestDelivery.objects.create(kind="design_team", period_start=WEEK, recipient=staff)
    with pytest.raises(IntegrityError):
        DigestDelivery.objects.create(kind="design_team", period_start=WEEK, recipient=staff)


# --- Opting out ---------------------------------------------------------------


def test_emails_carry_one_click_unsubscribe_headers_and_a_text_and_html_part(followers):
    send_weekly_digests(WEEK.isoformat())
    message = mail.outbox[0]
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert message.extra_headers["List-Unsubscribe"].startswith("<http://")
    assert "Something new to tell followers" in message.body
    html = message.alternatives[0][0]
    assert "Something new to tell followers" in html and 'href="http://' in html


def test_unsubscribe_through_the_link(client, followers):
    person = followers[0]
    url = reverse("consultation:unsubscribe", args=[sending.unsubscribe_token(person, "followers")])
    page = client.get(url)
    assert page.status_code == 200 and b"Unsubscribe" in page.content
    person.refresh_from_db()
    assert person.wants_followers_digest  # looking is not unsubscribing
    done = client.post(url)
    assert b"You have unsubscribed" in done.content
    person.refresh_from_db()
    assert not person.wants_followers_digest
    send_weekly_digests(WEEK.isoformat())
    assert person.email not in sent_to()


def test_unsubscribe_through_the_mail_clients_one_click_post(client, followers, staff):
    token = sending.unsubscribe_token(staff, "design_team")
    response = client.post(reverse("consultation:unsubscribe", args=[token]),
                           data="List-Unsubscribe=One-Click", content_type="application/x-www-form-urlencoded")
    assert response.status_code == 200
    staff.refresh_from_db()
    assert not staff.wants_design_team_digest
    send_weekly_digests(WEEK.isoformat())
    assert staff.email not in sent_to() and len(mail.outbox) == len(followers)


def test_a_forged_or_damaged_token_changes_nothing(client, followers):
    person = followers[0]
    token = sending.unsubscribe_token(person, "followers")
    forged = token.replace(str(person.pk), str(followers[1].pk), 1)
    assert client.post(reverse("consultation:unsubscribe", args=[forged + "x"])).status_code == 400
    assert all(p.wants_followers_digest for p in type(person).objects.filter(pk__in=[p.pk for p in followers]))


def test_preferences_on_the_profile(client, participant, staff):
    client.force_login(staff)
    page = client.get(reverse("consultation:profile")).content.decode()
    assert "Send me the design team&#x27;s weekly digest" in page
    client.force_login(participant)
    assert 'name="wants_design_team_digest"' not in client.get(reverse("consultation:profile")).content.decode()
    client.post(reverse("consultation:profile"), {"display_name": "P", "role": "la_data"})
    participant.refresh_from_db()
    assert not participant.wants_followers_digest and not participant.wants_design_team_digest


# --- Tooling ------------------------------------------------------------------------


def test_dry_run_prints_and_sends_nothing(capsys, followers, staff):
    call_command("send_digest", "--kind", "design_team", "--week", WEEK.isoformat(), "--dry-run")
    out = capsys.readouterr().out
    assert f"To: {staff.email}" in out and "Design team digest" in out
    assert mail.outbox == [] and not DigestDelivery.objects.exists()


def test_staff_preview_this_weeks_digest_in_the_admin(client, staff, areas):
    staff.is_superuser = True
    staff.save()
    client.force_login(staff)
    page = client.get(reverse("admin:digests_digest_preview"))
    assert page.status_code == 200
    email = client.get(reverse("admin:digests_digest_preview_email"))
    assert b"Design team digest" in email.content
    assert "unsafe-inline" in email["Content-Security-Policy"] and "frame-ancestors 'self'" in email["Content-Security-Policy"]


def test_participants_cannot_preview(client, participant):
    client.force_login(participant)
    assert client.get(reverse("admin:digests_digest_preview")).status_code == 302


def test_beat_schedule_declares_the_weekly_digest_once():
    from celery.schedules import crontab

    from coe.celery import app

    app.loader.import_default_modules()
    entries = [e for e in app.conf.beat_schedule.values() if e["task"] == "consultation.tasks.send_weekly_digests"]
    assert len(entries) == 1
    assert entries[0]["schedule"] == crontab(day_of_week="mon", hour=8, minute=0)
    tasks = {entry["task"] for entry in app.conf.beat_schedule.values()}
    assert tasks == {"consultation.tasks.send_weekly_digests", "consultation.tasks.send_waiting_notices",
                     "consultation.tasks.send_waiting_digests",
                     "consultation.tasks.enforce_retention", "coe.tasks.send_waiting_account_emails",
                     "consultation.tasks.build_themes_nightly", "consultation.tasks.assign_new_comments",
                     "consultation.tasks.build_waiting_theme_runs"}
    assert all(task in app.tasks for task in tasks)


def test_a_busy_followed_area_shows_the_newest_few_and_how_many_more(areas, participant, django_assert_max_num_queries):
    area = areas["improving-data-quality"]
    Follow.objects.create(follower=participant, focus_area=area)
    authors = UserFactory.create_batch(3)
    for n in range(12):
        CommentFactory(focus_area=area, author=authors[n % 3], body=f"Busy comment {n:02}",
                       created_at=at(WEEK + timedelta(days=1), hour=8) + timedelta(minutes=n))
    with django_assert_max_num_queries(8):
        (item,) = build_followers_digest(participant, WEEK)
    assert [c.body for c in item.comments] == [f"Busy comment {n:02}" for n in range(7, 12)]
    assert (item.total_comments, item.more_comments) == (12, 7)
    message = sending.digest_message(DigestDelivery(kind="followers", period_start=WEEK, recipient=participant))
    assert "and 7 more" in message.body


def test_the_design_team_digest_is_built_once_for_all_staff(monkeypatch, areas):
    for n in range(3):
        UserFactory(is_staff=True, wants_design_team_digest=True, email=f"staff{n}@example.org")
    builds = []
    real_build = design_team.build_design_team_digest
    monkeypatch.setattr(design_team, "build_design_team_digest", lambda period: builds.append(period) or real_build(period))
    send_weekly_digests(WEEK.isoformat())
    assert builds == [WEEK]
    assert sorted(m.to[0] for m in mail.outbox) == ["staff0@example.org", "staff1@example.org", "staff2@example.org"]


def test_design_team_digest_has_the_options_week_on_week_and_the_paper_parts(consultation, areas, staff):
    from django.template.loader import render_to_string

    from consultation.responses.models import OptionRating
    from ideas.paper import PaperPart
    from models_of_delivery.models import DeliveryOption
    from tests.models_of_delivery.conftest import load_if_empty

    load_if_empty()
    option = DeliveryOption.objects.get(slug="local-authority-hosting")
    before, during = at(WEEK - timedelta(days=3)), at(WEEK + timedelta(days=2))
    for when, score in [(before, 2), (during, 4), (during, 5)]:
        response = submit(UserFactory(), consultation, when, {})
        OptionRating.objects.create(response=response, option=option, score=score, reason="")
    CommentFactory(delivery_option=option, created_at=during)
    CommentFactory(paper_part=PaperPart.MISSING_SYSTEM, created_at=during, body="Nothing on data sharing")
    CommentFactory(paper_part=PaperPart.COST, created_at=during, state=Comment.State.PENDING)

    digest = design_team.build_design_team_digest(WEEK)

    row = next(r for r in digest.options if r.option == option)
    assert (row.respondents, row.mean, row.change, row.new_comments) == (3, 3.67, 1.67, 1)
    assert row.counts == [0, 1, 0, 1, 1]
    assert [(r["part"], r["public"]) for r in digest.paper_parts] == [(PaperPart.MISSING_SYSTEM, 1)]
    assert digest.new_comments == 2  # the option's and the paper part's; the pending one waits

    text = render_to_string("emails/digest_design_team.txt", {"digest": digest, "site_url": "https://x.example"})
    assert "Local authority hosting: 3 respondents; mean 3.67 (+1.67); 1 new comments" in text
    assert "0, 1, 0, 1 and 1 people gave 1 to 5" in text
    assert "Something missing from how our system works: 1  https://x.example/paper/missing-how-our-system-works/" in text
    assert "[" not in text  # no Python lists
