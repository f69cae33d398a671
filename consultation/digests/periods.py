"""A digest covers one week, Monday 00:00 to Monday 00:00 Europe/London, named by its Monday."""

from datetime import date, datetime, time, timedelta

from django.utils import timezone


def week_start(day: date) -> date:
    return day - timedelta(days=day.weekday())


def last_complete_week(now: datetime | None = None) -> date:
    """The Monday of the week that ended most recently (the one a Monday digest reports)."""
    today = timezone.localdate(now or timezone.now())
    return week_start(today) - timedelta(days=7)


def period_bounds(period_start: date) -> tuple[datetime, datetime]:
    zone = timezone.get_current_timezone()
    start = datetime.combine(period_start, time.min, tzinfo=zone)
    return start, datetime.combine(period_start + timedelta(days=7), time.min, tzinfo=zone)
