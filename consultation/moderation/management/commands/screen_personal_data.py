"""`manage.py screen_personal_data FILE` (or `-` for standard input): one text a line; prints
for each line `held` or `clear`, a tab, and the kinds found, comma-separated. Staff use it to
screen text that arrives by email before adding it. Keep this interface stable."""

import sys

from django.core.management.base import BaseCommand, CommandError

from consultation.screening import kinds_found


class Command(BaseCommand):
    help = "Screen text for personal data: one text a line; prints held or clear, a tab and the kinds found."

    def add_arguments(self, parser):
        parser.add_argument("file", help="A text file, one text a line, or - for standard input")

    def handle(self, *args, file, **options):
        try:
            stream = sys.stdin if file == "-" else open(file, encoding="utf-8")  # noqa: SIM115
        except OSError as error:
            raise CommandError(f"Cannot read {file}: {error.strerror}") from error
        with stream:
            try:
                for line in stream:
                    kinds = kinds_found(line.rstrip("\r\n"))
                    self.stdout.write(f"{'held' if kinds else 'clear'}\t{','.join(kinds)}")
            except UnicodeDecodeError as error:
                raise CommandError(f"{file} is not UTF-8 text: {error.reason}") from error
