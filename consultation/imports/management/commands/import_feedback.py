"""manage.py import_feedback FILE [--dry-run]: the old forms' records into the portal."""

import sys
import time
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db import connection

from consultation.imports.importing import Importer, shown
from consultation.imports.reading import read_records
from consultation.people.selectors import current_consultation

PROGRESS_EVERY = 2.0  # seconds
PROBLEMS_SHOWN = 200  # the rest are counted in the summary


class Command(BaseCommand):
    help = "Import feedback from the consultation's old forms (JSON lines or CSV). Emails nobody."

    def add_arguments(self, parser):
        parser.add_argument("file", help="A .jsonl/.json file (one object a line) or a .csv export")
        parser.add_argument("--dry-run", action="store_true", help="Check and report; write nothing")

    def handle(self, *args, file, dry_run, **options):
        path = Path(file)
        if not path.is_file():
            raise CommandError(f"No such file: {file}")
        try:
            path.open("rb").close()
        except OSError as error:
            raise CommandError(f"Cannot read {file}: {error.strerror}") from None
        consultation = current_consultation()
        if consultation is None:
            raise CommandError("There is no consultation to import into: add one in the admin first")
        self.shown = 0
        if connection.vendor == "postgresql":
            # This session only: a commit returns before its WAL reaches disk (3x faster here).
            # A crash can lose the last moments' records with their fingerprints, atomically,
            # so rerunning the file imports exactly those again.
            with connection.cursor() as cursor:
                cursor.execute("SET synchronous_commit TO off")
        # A file name that is not UTF-8 cannot be stored as it is: its odd bytes become "?".
        file_name = path.name.encode(errors="replace").decode()
        importer = Importer(consultation=consultation, file_name=file_name, dry_run=dry_run,
                            on_problem=self.problem)
        started = last = time.monotonic()
        rows = read_records(path)

        def with_progress():
            nonlocal last
            for row in rows:
                yield row
                now = time.monotonic()
                if now - last >= PROGRESS_EVERY:
                    last = now
                    done = importer.report.read
                    self.stderr.write(f"… {done:,} records read ({done / (now - started):,.0f} a second)")

        try:
            report = importer.feed(with_progress())
        except KeyboardInterrupt:
            # Every record is its own transaction: what was written stands, and running the
            # file again carries on where this stopped (the written records are duplicates).
            importer.finish()
            report = importer.report
            self.stderr.write(f"Interrupted after {report.read:,} records")
        self.summary(report, dry_run, time.monotonic() - started)

    def problem(self, line, message):
        self.shown += 1
        if self.shown <= PROBLEMS_SHOWN:
            self.stderr.write(f"line {line}: {message}")

    def summary(self, report, dry_run, seconds):
        rows = [("Read", report.read), ("Imported" + (" (dry run: nothing written)" if dry_run else ""),
                                        report.imported),
                ("Duplicates (already imported)", report.duplicates), ("Rejected", report.rejected_total)]
        rows += [(f"  {reason}", n) for reason, n in report.rejected.most_common()]
        rows += [("Organisations not matched to a council (kept as free text)", len(report.unmatched_councils))]
        rows += [(f"  {shown(name, 60)}", n) for name, n in sorted(report.unmatched_councils.items())]
        rows += [("Texts that may hold personal data (comments held)", report.personal_data)]
        width = max(len(label) for label, _ in rows) + 2
        out = self.stdout
        out.write("")
        out.write("Import summary" + (" (dry run)" if dry_run else ""))
        for label, n in rows:
            out.write(f"{label:<{width}}{n:>10,}")
        rate = report.read / seconds if seconds else 0
        out.write(f"{'Time':<{width}}{seconds:>9.1f}s ({rate:,.0f} records a second)")
        sys.stdout.flush()
