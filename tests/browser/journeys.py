"""Helpers for the service journeys: each page at a width, axe on it, a screenshot kept."""

from pathlib import Path

from tests.browser.conftest import assert_accessible

SHOTS = Path("/tmp/shots/service")
WIDTHS = [1280, 320]


def check(page, name: str, width: int) -> None:
    """Axe finds nothing on the page, and a full-page screenshot is kept to look at."""
    page.evaluate("document.fonts.ready")
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}-{width}.png"), full_page=True)
    assert_accessible(page)
    # Reflows at 320 px: nothing wider than the window makes the page scroll sideways.
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1"), f"{name} scrolls sideways"


def open_consultation():
    from datetime import timedelta

    from django.utils import timezone

    from consultation.moderation.models import ModerationSettings
    from consultation.people.models import Consultation

    now = timezone.now()
    Consultation.objects.all().delete()
    ModerationSettings.objects.update_or_create(pk=1, defaults={"policy": ModerationSettings.Policy.PUBLISH})
    return Consultation.objects.create(title="Round one", opens_at=now - timedelta(days=1),
                                       closes_at=now + timedelta(days=30))
