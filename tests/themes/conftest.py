import pytest
from django.contrib.auth.models import Permission

from consultation.themes import runs
from consultation.themes.models import FoundTheme, SubjectKind, ThemeRun
from consultation.themes.subjects import Subject
from tests.factories import CommentFactory, UserFactory
from tests.themes.evaluation_set import THEMES

EDIT = ("themes", "edit_themes")
VIEW = ("analysis", "view_analysis")


def grant(user, *permissions):
    for app_label, codename in permissions:
        user.user_permissions.add(Permission.objects.get(content_type__app_label=app_label, codename=codename))
    return user


@pytest.fixture
def theme_analyst(db):
    return grant(UserFactory(is_staff=True, display_name="Theme analyst"), VIEW, EDIT)


@pytest.fixture
def viewer(db):
    return grant(UserFactory(is_staff=True, display_name="Reader of analysis"), VIEW)


def publish(area, texts, **extra):
    """Published comments on a focus area, one author each."""
    return [CommentFactory(focus_area=area, body=text, **extra) for text in texts]


@pytest.fixture
def three_themes(consultation, area):
    """36 published comments on one focus area, 12 from each of three known themes."""
    chosen = ("recording_burden", "data_sharing", "funding")
    return {name: publish(area, THEMES[name][:12]) for name in chosen}


@pytest.fixture
def built(three_themes, area):
    """The three themes' comments built into themes of their focus area: (subject, themes)."""
    subject = Subject(SubjectKind.FOCUS_AREA, str(area.pk))
    run = ThemeRun.objects.create(**subject.as_filter())
    runs.theme_build(run.pk)
    themes = list(FoundTheme.objects.filter(**subject.as_filter()).order_by("pk"))
    return subject, themes
