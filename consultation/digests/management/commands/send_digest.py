from datetime import date

from django.core.management.base import BaseCommand, CommandError

from consultation.digests import periods, sending, tasks
from consultation.digests.models import DigestDelivery


class Command(BaseCommand):
    help = "Builds or sends a weekly digest. Sending is exactly-once per person and week."

    def add_arguments(self, parser):
        parser.add_argument("--kind", choices=DigestDelivery.Kind.values, default=DigestDelivery.Kind.DESIGN_TEAM)
        parser.add_argument("--week", help="The Monday the week begins (YYYY-MM-DD); default: last complete week")
        parser.add_argument("--dry-run", action="store_true", help="Print the digest(s); send and record nothing")

    def handle(self, *args, kind, week, dry_run, **options):
        try:
            period = periods.week_start(date.fromisoformat(week)) if week else periods.last_complete_week()
        except ValueError as error:
            raise CommandError(f"--week must be a date like 2026-11-16: {error}") from error
        if dry_run:
            people = list(sending.recipients(kind))
            if not people:
                label = DigestDelivery.Kind(kind).label
                self.stdout.write(f"Week of {period}: nobody has opted in to the {label}, so no email would go")
            for person in people:
                message = sending.digest_message(DigestDelivery(kind=kind, period_start=period, recipient=person))
                if message is None:
                    self.stdout.write(f"--- {person.email}: nothing new, no email")
                    continue
                self.stdout.write(f"--- To: {person.email}\nSubject: {message.subject}\n\n{message.body}")
            return
        queued = tasks.digests_queue(kind, period)
        self.stdout.write(f"Week of {period}: {queued} {kind} digest(s) queued")
