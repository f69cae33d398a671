import pytest
from django.core.management import call_command

from coe.demo import load_demo_content
from consultation.comments.models import Comment
from consultation.people.models import User
from consultation.responses.models import Response

pytestmark = pytest.mark.django_db


def test_demo_content_is_a_living_consultation_and_safe_to_rerun(catalogue, local_authorities, consultation):
    list(load_demo_content())
    list(load_demo_content())
    assert Comment.objects.count() == 5
    assert set(Comment.objects.values_list("state", flat=True)) == {"published"}
    assert Comment.objects.filter(parent__isnull=False).count() == 1
    assert Response.objects.filter(status="submitted").count() == 3
    assert User.objects.filter(email="staff@example.org", is_staff=True).exists()
    moderator = User.objects.get(email="moderator@example.org")
    analyst = User.objects.get(email="analyst@example.org")
    assert moderator.is_staff and not moderator.is_superuser and moderator.has_perm("comments.change_comment")
    assert not moderator.has_perm("analysis.view_analysis")
    assert analyst.is_staff and analyst.has_perm("analysis.view_analysis") and analyst.has_perm("analysis.export_data")
    assert not analyst.has_perm("comments.change_comment")
    assert moderator.emailaddress_set.get().verified and analyst.check_password("demo-password-123")


def test_the_readme_lists_every_demo_sign_in_near_the_top():
    from pathlib import Path

    from coe.demo import PEOPLE, STAFF

    readme = Path(__file__).resolve().parents[1].joinpath("README.md").read_text()
    top = readme[: readme.index("## Configuration")]
    for email in [row[0] for row in PEOPLE] + [row[0] for row in STAFF]:
        assert email in top, email


def test_demo_content_refuses_to_load_with_debug_off(settings, capsys):
    settings.DEBUG = False
    call_command("load_demo_content")
    assert "Refusing" in capsys.readouterr().err
    assert not User.objects.filter(email="staff@example.org").exists()
