"""Email built from templates: a subject, a plain-text part and a GOV.UK-style HTML part,
all rendered from one context, with absolute links."""

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string


def absolute(path: str) -> str:
    return settings.SITE_URL + path


def build_email(*, to: str, template: str, context: dict, headers: dict | None = None):
    context = {"site_url": settings.SITE_URL, "service_name": settings.SERVICE_NAME, **context}
    # Subject templates turn autoescape off (a subject is not HTML); one line, or mail refuses it.
    subject = " ".join(render_to_string(f"emails/{template}_subject.txt", context).split())
    text = render_to_string(f"emails/{template}.txt", context)
    html = render_to_string(f"emails/{template}.html", context)
    message = EmailMultiAlternatives(subject, text, settings.DEFAULT_FROM_EMAIL, [to], headers=headers)
    message.attach_alternative(html, "text/html")
    return message
