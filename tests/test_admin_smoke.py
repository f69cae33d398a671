"""Every admin changelist and add page opens for a superuser."""

import pytest
from django.contrib import admin
from django.urls import reverse

pytestmark = pytest.mark.django_db


@pytest.fixture
def superuser(db):
    from consultation.people.models import User

    return User.objects.create_superuser(email="root@example.org", password="x-long-password-1")


@pytest.mark.parametrize(
    "model", list(admin.site._registry), ids=lambda m: f"{m._meta.app_label}.{m._meta.model_name}"
)
def test_admin_pages_open(client, superuser, catalogue, consultation, model):
    client.force_login(superuser)
    info = (model._meta.app_label, model._meta.model_name)
    assert client.get(reverse("admin:{}_{}_changelist".format(*info))).status_code == 200
    model_admin = admin.site._registry[model]
    if model_admin.has_add_permission(type("R", (), {"user": superuser})()):
        assert client.get(reverse("admin:{}_{}_add".format(*info))).status_code == 200


def test_admin_pages_name_the_sites_icon(admin_client):
    """Without it every admin page asked for /favicon.ico and logged a 404 in the console."""
    page = admin_client.get("/admin/").content.decode()
    assert '<link rel="icon" sizes="48x48" href="/assets/images/favicon.ico">' in page
    assert admin_client.get("/assets/images/favicon.ico").status_code == 200
