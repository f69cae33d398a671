from django.core.management.base import BaseCommand

from consultation.privacy.services import retention_enforce


class Command(BaseCommand):
    help = ("Anonymises every non-staff account that took part in a consultation whose retention "
            "period (Consultation.retention_days after it closes) is over. Safe to rerun.")

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="Say what would be done; change nothing.")

    def handle(self, *args, dry_run=False, **options):
        run = retention_enforce(dry_run=dry_run)
        for consultation, ends_at in run.expired:
            self.stdout.write(f"{consultation}: closed {consultation.closes_at:%Y-%m-%d}, retention "
                              f"{consultation.retention_days} days, ended {ends_at:%Y-%m-%d %H:%M}.")
        for consultation in run.kept:
            if consultation.retention_days is None:
                self.stdout.write(f"{consultation}: no retention period set; its accounts are kept.")
            else:
                self.stdout.write(f"{consultation}: retention period not over; its accounts are kept.")
        ids = ", ".join(str(pk) for pk in run.account_ids)
        count = len(run.account_ids)
        noun = "account" if count == 1 else "accounts"
        if not count:
            self.stdout.write("No accounts to anonymise.")
        elif dry_run:
            self.stdout.write(f"Dry run: would anonymise {count} {noun} (ids {ids}). Nothing was changed.")
        else:
            self.stdout.write(self.style.SUCCESS(
                f"Anonymised {count} {noun} (ids {ids}): email, name and organisation removed; "
                "comments kept as \u201ca former participant\u201d."))
