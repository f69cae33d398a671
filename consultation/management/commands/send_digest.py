from datetime import date

from django.core.management.base import BaseCommand, CommandError

from consultation import digests
from consultation.models import DigestDelivery
from consultation.tasks import send_digest


class Command(BaseCommand):
    help = "Builds or sends a weekly digest. Sending is exactly-once per person and week."

    def add_arguments(self, parser):
        parser.add_argument("--kind", choices=DigestDelivery.Kind.values, default=DigestDelivery.Kind.DESIGN_TEAM)
        parser.add_argument("--week", help="The Monday the week begins (YYYY-MM-DD); default: last complete week")
        parser.add_argument("--dry-run", action="store_true", help="Print the digest(s); send and record nothing")

    def handle(self, *args, kind, week, dry_run, **options):
        try:
            period = digests.week_start(date.fromisoformat(week)) if week else digests.last_complete_week()
        except ValueError as error:
            raise CommandError(f"--week must be a date like 2026-11-16: {error}") from error
        if dry_run:
            for person in digests.recipients(kind):
                message = digests.digest_message(DigestDelivery(kind=kind, period_start=period, recipient=person))
                if message is None:
                    self.stdout.write(f"--- {person.email}: nothing new, no email")
                    continue
                self.stdout.write(f"--- To: {person.email}\nSubject: {message.subject}\n\n{message.body}")
            return
        ids = digests.digest_plan(kind, period)
        for delivery_id in ids:
            send_digest.delay(delivery_id)
        self.stdout.write(f"Week of {period}: {len(ids)} {kind} digest(s) queued")
