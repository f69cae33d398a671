"""Abuse limits on commenting and reporting, allauth's limits on the same page, the honeypot."""

import logging
import uuid

import pytest
from django.test import Client
from django.urls import reverse

from coe.rate_limits import parse_rates, rate_limit_consume
from consultation.comments.models import Comment, Report
from tests.factories import CommentFactory, UserFactory

# Every test counts attempts in a window: its clock stands still at a window's start.
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("frozen_rate_clock")]


def post_comment(client, area, body="A comment worth reading.", **extra):
    data = {"body": body, "submission_key": str(uuid.uuid4()), **extra}
    return client.post(reverse("consultation:comment_on_focus_area", args=[area.slug]), data)


def signed_in(user, ip="10.0.0.1"):
    client = Client(REMOTE_ADDR=ip)
    client.force_login(user)
    return client


def assert_too_many_attempts_page(response):
    assert response.status_code == 429
    assert response.templates[0].name == "429.html"
    content = response.content.decode()
    assert "Sorry, there have been too many attempts" in content
    assert "Try again later" in content
    assert "govuk-heading-l" in content
    assert int(response["Retry-After"]) > 0


def test_the_limits_come_from_settings_in_allauths_notation(settings):
    assert parse_rates(settings.CONSULTATION_RATE_LIMITS["comment"]) == parse_rates("10/m/user,60/h/user")
    assert [(r.amount, r.seconds, r.per) for r in parse_rates("20/h/user,5/10m/ip")] == [
        (20, 3600, "user"), (5, 600, "ip"),
    ]
    assert parse_rates("") == []


def test_comments_per_account_per_minute(settings, consultation, participant, other_participant, area):
    settings.CONSULTATION_RATE_LIMITS = {"comment": "3/m/user"}
    client = signed_in(participant)
    for _ in range(3):
        assert post_comment(client, area).status_code == 302
    response = post_comment(client, area, body="One too many.")
    assert_too_many_attempts_page(response)
    assert Comment.objects.filter(author=participant).count() == 3
    assert not Comment.objects.filter(body="One too many.").exists()
    # Someone else, from the same address, is not affected.
    assert post_comment(signed_in(other_participant), area).status_code == 302


def test_a_form_sent_again_does_not_count_towards_the_limit(settings, consultation, participant, area):
    settings.CONSULTATION_RATE_LIMITS = {"comment": "2/m/user"}
    client = signed_in(participant)
    key = str(uuid.uuid4())
    for _ in range(4):  # a double click, then the back button and send again, twice
        assert post_comment(client, area, submission_key=key).status_code == 302
    assert Comment.objects.filter(author=participant).count() == 1
    assert post_comment(client, area, body="A second comment.").status_code == 302
    assert_too_many_attempts_page(post_comment(client, area, body="A third comment."))


def test_the_wait_is_until_the_window_ends_and_then_the_count_starts_again(
        settings, consultation, participant, area, frozen_rate_clock):
    settings.CONSULTATION_RATE_LIMITS = {"comment": "2/m/user"}
    client = signed_in(participant)
    for _ in range(2):
        assert post_comment(client, area).status_code == 302
    refused = post_comment(client, area)
    assert_too_many_attempts_page(refused)
    assert refused["Retry-After"] == "59"  # the clock stands one second into the minute
    frozen_rate_clock.advance(59)
    assert post_comment(client, area).status_code == 302
    assert Comment.objects.filter(author=participant).count() == 3


def test_replies_count_towards_the_same_limit(settings, consultation, participant, other_participant, area):
    settings.CONSULTATION_RATE_LIMITS = {"comment": "2/m/user"}
    parent = CommentFactory(author=other_participant, focus_area=area)
    client = signed_in(participant)
    reply_url = reverse("consultation:reply", args=[parent.pk])
    assert post_comment(client, area).status_code == 302
    assert client.post(reply_url, {"body": "A first reply.", "submission_key": str(uuid.uuid4())}).status_code == 302
    response = client.post(reply_url, {"body": "A second reply.", "submission_key": str(uuid.uuid4())})
    assert_too_many_attempts_page(response)
    assert not Comment.objects.filter(body="A second reply.").exists()


def test_edits_count_towards_the_same_limit(settings, consultation, participant, area):
    settings.CONSULTATION_RATE_LIMITS = {"comment": "3/m/user"}
    own = CommentFactory(author=participant, focus_area=area, body="First words.")
    client = signed_in(participant)
    edit = reverse("consultation:comment_edit", args=[own.pk])
    for n in range(3):
        assert client.post(edit, {"body": f"Words, take {n}."}).status_code == 302
    assert_too_many_attempts_page(client.post(edit, {"body": "One edit too many."}))
    own.refresh_from_db()
    assert own.body == "Words, take 2."


def test_follows_have_a_limit_of_their_own(settings, participant, catalogue):
    settings.CONSULTATION_RATE_LIMITS = {"follow": "4/m/user"}
    client = signed_in(participant)
    url = reverse("consultation:follow_focus_area", args=["improving-data-quality"])
    for n in range(4):
        assert client.post(url, {"follow": str(n % 2)}).status_code == 302
    assert_too_many_attempts_page(client.post(url, {"follow": "1"}))


def test_the_default_hourly_limit_per_account(consultation, participant, area, settings):
    settings.CONSULTATION_RATE_LIMITS = {"comment": "60/h/user"}
    client = signed_in(participant)
    for _ in range(60):
        post_comment(client, area)
    assert_too_many_attempts_page(post_comment(client, area))
    assert Comment.objects.count() == 60


def test_comments_per_address(settings, consultation, area):
    settings.CONSULTATION_RATE_LIMITS = {"comment": "2/m/ip"}
    people = [UserFactory() for _ in range(3)]
    assert post_comment(signed_in(people[0], "192.0.2.7"), area).status_code == 302
    assert post_comment(signed_in(people[1], "192.0.2.7"), area).status_code == 302
    assert_too_many_attempts_page(post_comment(signed_in(people[2], "192.0.2.7"), area))
    assert Comment.objects.count() == 2
    # The same person from another address is fine.
    assert post_comment(signed_in(people[2], "198.51.100.1"), area).status_code == 302


def test_reports_per_account(settings, consultation, participant, area):
    settings.CONSULTATION_RATE_LIMITS = {"report": "2/h/user"}
    comments = CommentFactory.create_batch(3, focus_area=area, state=Comment.State.PUBLISHED)
    client = signed_in(participant)
    for comment in comments[:2]:
        response = client.post(reverse("consultation:comment_report", args=[comment.pk]), {"reason": "spam"})
        assert response.status_code == 302
    response = client.post(reverse("consultation:comment_report", args=[comments[2].pk]), {"reason": "spam"})
    assert_too_many_attempts_page(response)
    assert Report.objects.count() == 2
    assert not Report.objects.filter(comment=comments[2]).exists()
    # Reading the report form is not an attempt; another reader can still report.
    assert client.get(reverse("consultation:comment_report", args=[comments[2].pk])).status_code == 200
    other = signed_in(UserFactory())
    assert other.post(reverse("consultation:comment_report", args=[comments[2].pk]),
                      {"reason": "spam"}).status_code == 302


def test_the_default_limits_let_a_person_comment_normally(consultation, participant, area):
    client = signed_in(participant)
    for _ in range(10):
        assert post_comment(client, area).status_code == 302
    assert_too_many_attempts_page(post_comment(client, area))


class BrokenCache:
    def add(self, *args, **kwargs):
        raise ConnectionError("Redis is down")

    incr = add


def test_a_broken_cache_lets_comments_through(monkeypatch, settings, consultation, participant, area, caplog):
    settings.CONSULTATION_RATE_LIMITS = {"comment": "1/m/user"}
    monkeypatch.setattr("coe.rate_limits.cache", BrokenCache())
    client = signed_in(participant)
    with caplog.at_level(logging.WARNING, logger="coe.rate_limits"):
        for _ in range(3):
            assert post_comment(client, area).status_code == 302
    assert Comment.objects.count() == 3
    assert "cache unavailable" in caplog.text


def test_a_dead_redis_fails_open(monkeypatch, settings, rf, participant):
    """The real cache backend pointed at a port nothing listens on."""
    from django.core.cache import caches

    settings.CACHES = {**settings.CACHES, "default": {
        "BACKEND": "coe.cache_backend.ResilientRedisCache", "LOCATION": "redis://127.0.0.1:1/0",
        "OPTIONS": {"socket_connect_timeout": 0.2, "socket_timeout": 0.2},
    }}
    settings.CONSULTATION_RATE_LIMITS = {"comment": "1/m/user,1/m/ip"}
    monkeypatch.setattr("coe.rate_limits.cache", caches.create_connection("default"))
    request = rf.post("/")
    request.user = participant
    assert [rate_limit_consume(request, "comment") for _ in range(3)] == [None, None, None]


def test_allauth_rate_limit_uses_the_same_page(client, settings):
    UserFactory(email="reset@example.org")
    url = reverse("account_reset_password")
    for _ in range(5):  # ACCOUNT_RATE_LIMITS["reset_password"]: 5 a minute for one address
        assert client.post(url, {"email": "reset@example.org"}).status_code == 302
    response = client.post(url, {"email": "reset@example.org"})
    assert_too_many_attempts_page(response)


def test_the_honeypot_is_hidden_from_everyone(client, consultation, participant, area):
    client.force_login(participant)
    html = client.get(area.get_absolute_url()).content.decode()
    start = html.index('name="website"')
    wrapper = html[html.rindex("<div", 0, start):html.index("</div>", start)]
    assert "hidden" in wrapper and 'aria-hidden="true"' in wrapper
    field = html[html.rindex("<input", 0, start):html.index(">", start)]
    assert 'tabindex="-1"' in field and 'autocomplete="off"' in field and 'type="text"' in field
    assert "govuk-visually-hidden" not in wrapper


@pytest.mark.parametrize("kind", ["comment", "reply"])
def test_a_filled_honeypot_discards_the_comment_quietly(client, consultation, participant, other_participant,
                                                         area, kind, caplog):
    client.force_login(participant)
    data = {"body": "Buy cheap things here", "submission_key": str(uuid.uuid4()),
            "website": "http://spam.example"}
    if kind == "comment":
        url = reverse("consultation:comment_on_focus_area", args=[area.slug])
    else:
        url = reverse("consultation:reply", args=[CommentFactory(author=other_participant, focus_area=area).pk])
    with caplog.at_level(logging.WARNING, logger="consultation.moderation.views"):
        response = client.post(url, data)
    assert response.status_code == 302
    assert response["Location"] == area.get_absolute_url()
    assert not Comment.objects.filter(author=participant).exists()
    assert "Honeypot" in caplog.text


def test_an_empty_honeypot_is_no_obstacle(client, consultation, participant, area):
    client.force_login(participant)
    assert post_comment(client, area, website="").status_code == 302
    assert Comment.objects.filter(author=participant).count() == 1


# --- Sign-in failures, by account and by the real client's address ----------------------


def verified_person(email, password="correct-horse-battery"):
    from allauth.account.models import EmailAddress

    person = UserFactory(email=email)
    EmailAddress.objects.create(user=person, email=email, verified=True, primary=True)
    return person


def sign_in(client, email, password="correct-horse-battery"):
    """Through the real sign-in form (allauth's view, its limits and our adapter)."""
    return client.post(reverse("account_login"), {"login": email, "password": password})


def test_failures_from_behind_the_proxy_count_by_the_real_address(settings):
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = 1
    settings.ACCOUNT_RATE_LIMITS = {**settings.ACCOUNT_RATE_LIMITS, "login_failed": "3/m/ip,50/5m/key"}
    verified_person("officer@council.example")
    attacker = Client(REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR="203.0.113.9")
    for n in range(3):
        assert sign_in(attacker, f"guess{n}@example.org", "wrong").status_code == 200
    refused = sign_in(attacker, "officer@council.example", "wrong")
    assert "You have tried to sign in too many times" in refused.content.decode()
    # The same proxy, another visitor: not affected.
    visitor = Client(REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR="198.51.100.20")
    assert sign_in(visitor, "officer@council.example").status_code == 302


def test_a_request_with_fewer_forwarded_addresses_than_proxies_is_not_an_error(settings):
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = 2
    verified_person("direct@example.org")
    response = sign_in(Client(REMOTE_ADDR="192.0.2.44", HTTP_X_FORWARDED_FOR="192.0.2.44"), "direct@example.org")
    assert response.status_code == 302


def test_guessing_from_an_office_address_does_not_lock_its_people_out(settings):
    settings.ACCOUNT_RATE_LIMITS = {**settings.ACCOUNT_RATE_LIMITS, "login_failed": "3/m/ip,5/5m/key"}
    verified_person("amy@council.example")
    amy = Client(REMOTE_ADDR="192.0.2.10")
    assert sign_in(amy, "amy@council.example").status_code == 302  # her browser, on Monday
    amy.post(reverse("account_logout"))
    attacker = Client(REMOTE_ADDR="192.0.2.10")  # the same office address
    for n in range(5):
        sign_in(attacker, f"someone{n}@council.example", "wrong")
    assert "You have tried to sign in too many times" in sign_in(attacker, "amy@council.example").content.decode()
    # Amy's browser has signed her in before: the address's limit does not apply to it.
    assert sign_in(amy, "amy@council.example").status_code == 302


def test_failures_on_one_account_are_limited_from_any_address(settings):
    settings.ACCOUNT_RATE_LIMITS = {**settings.ACCOUNT_RATE_LIMITS, "login_failed": "100/m/ip,3/5m/key"}
    verified_person("target@example.org")
    verified_person("bystander@example.org")
    for n in range(3):
        assert sign_in(Client(REMOTE_ADDR=f"198.51.100.{n}"), "target@example.org", "wrong").status_code == 200
    refused = sign_in(Client(REMOTE_ADDR="198.51.100.99"), "target@example.org")
    assert refused.status_code == 200 and "You have tried to sign in too many times" in refused.content.decode()
    assert sign_in(Client(REMOTE_ADDR="198.51.100.0"), "bystander@example.org").status_code == 302


def test_comment_limits_count_the_client_behind_the_proxy(settings, consultation, area):
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = 1
    settings.CONSULTATION_RATE_LIMITS = {"comment": "1/m/ip"}
    first, second = UserFactory(), UserFactory()
    behind = {"REMOTE_ADDR": "10.0.0.2"}
    one = Client(**behind, HTTP_X_FORWARDED_FOR="203.0.113.1")
    one.force_login(first)
    two = Client(**behind, HTTP_X_FORWARDED_FOR="203.0.113.2")
    two.force_login(second)
    assert post_comment(one, area).status_code == 302
    assert post_comment(two, area).status_code == 302
    assert_too_many_attempts_page(post_comment(one, area))


def test_log_lines_name_the_client_behind_the_proxy(settings, consultation, participant, area):
    from coe.middleware import ClientAddressFilter

    settings.ALLAUTH_TRUSTED_PROXY_COUNT = 1
    settings.CONSULTATION_RATE_LIMITS = {"comment": "1/m/user"}
    records = []
    handler = logging.Handler()
    handler.addFilter(ClientAddressFilter())  # as settings.LOGGING's console handler has it
    handler.emit = records.append
    for name in ("coe.rate_limits", "django.request"):
        logging.getLogger(name).addHandler(handler)
    try:
        client = Client(REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR="203.0.113.7")
        client.force_login(participant)
        post_comment(client, area)
        assert_too_many_attempts_page(post_comment(client, area))
    finally:
        for name in ("coe.rate_limits", "django.request"):
            logging.getLogger(name).removeHandler(handler)
    assert {r.name for r in records if r.client_ip == "203.0.113.7"} == {"coe.rate_limits", "django.request"}
