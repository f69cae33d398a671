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


def test_demo_content_refuses_to_load_with_debug_off(settings, capsys):
    settings.DEBUG = False
    call_command("load_demo_content")
    assert "Refusing" in capsys.readouterr().err
    assert not User.objects.filter(email="staff@example.org").exists()
