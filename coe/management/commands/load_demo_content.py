from django.conf import settings
from django.core.management.base import BaseCommand

from coe.demo import load_demo_content


class Command(BaseCommand):
    help = "Adds demo people and feedback so a newcomer sees a living consultation (idempotent)."

    def handle(self, *args, **options):
        if not settings.DEBUG:
            self.stderr.write("Refusing to load demo content with DEBUG off.")
            return
        for line in load_demo_content():
            self.stdout.write(line)
