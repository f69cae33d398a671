"""Render once, personalise cheaply, for whole signed-in pages (docs/decisions/0016).

Two signed-in readers of the same page see the same page but for a few places: the CSRF
token in its forms, a fresh submission key, and the *slots* a template tag marks (the
discussion's threads with this reader's own links and comments, their Follow button). So
the page is rendered once per path, content version and *variant* (what the navigation and
the page show differently: staff or not, the consultation open or closed, a permission) and
kept as a shell (`coe.cache.cached_fragment`); each request fills in its token, key and
slots. A page with a flash message to show, and every page while the page cache is off, is
rendered whole as before.

A slot is filled by the function its app registered for its kind (`slot_filler`), from the
plain data the tag recorded, so a shell cached by one process can be filled by another.
The token and the key are filled as whole attribute values (text a person wrote is escaped,
so it never holds a raw quote), before the slots, and the slots in one pass: nothing a
reader wrote can be taken for a mark.
"""

import hashlib
import re
import uuid
from collections.abc import Callable

from django.conf import settings
from django.contrib import messages
from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe

from coe.cache import cached_fragment, room_for_variant

CSRF_MARK = "coe-shell-csrf-token"
SUBMISSION_KEY_MARK = "00000000-0000-4000-8000-00000000c0e1"  # a form's placeholder submission key
# Each mark is filled only as a whole attribute value: text a person wrote reaches a shell
# escaped, so it can hold the words of a mark but never a raw quote around them.
CSRF_VALUE = f'value="{CSRF_MARK}"'
SUBMISSION_KEY_VALUE = re.compile(re.escape(f'value="{SUBMISSION_KEY_MARK}"'))
SLOT = re.compile(r"<!--coe:slot:(\d+)-->")
VARIES_ON = ("consultation_is_open",)  # context processors' values that change what a page shows
_fillers: dict[str, Callable[..., str]] = {}


def slot_filler(kind: str):
    """Registers the function that fills slots of this kind: (request, **params) -> HTML."""

    def register(function):
        _fillers[kind] = function
        return function

    return register


def in_shell(context) -> bool:
    """Whether this render is a shell's (render_page), which readers will share."""
    return context.get("shell_slots") is not None


def slot(context, kind: str, **params) -> str | None:
    """Inside a shell's render: records a slot and returns the mark to put in its place.
    Otherwise None: the tag renders the part itself, as on any other page."""
    if not in_shell(context):
        return None
    slots = context["shell_slots"]
    slots.append((kind, params))
    return mark_safe(f"<!--coe:slot:{len(slots) - 1}-->")  # noqa: S308 (our own mark)


def render_page(request, template: str, context: dict | Callable[[], dict], *, variant: tuple = ()) -> HttpResponse:
    """The page for this request: from its shell for a signed-in reader, whole otherwise.
    `context` may be a function, so that what only the render needs is computed only on a
    miss; `variant` names whatever the template shows differently to different readers
    beyond staff or not and the consultation's window."""
    if not _shell_wanted(request):
        return render(request, template, context() if callable(context) else context)
    variant = (request.user.is_staff, *_processor_variant(request), *variant)
    path = hashlib.sha256(request.get_full_path().encode()).hexdigest()[:32]
    name = f"shell:{template}:{path}:{':'.join(str(part) for part in variant)}"

    def build() -> dict:
        slots: list = []
        values = context() if callable(context) else context
        html = render_to_string(template, {**values, "shell_slots": slots, "csrf_token": CSRF_MARK}, request)
        return {"html": html, "slots": slots}

    shell = cached_fragment(name, build, may_store=lambda: room_for_variant(request))
    return HttpResponse(fill(request, shell))


def csrf_token(request) -> str:
    """The request's masked CSRF token, masked once however many forms the page has."""
    if not hasattr(request, "_shell_csrf_token"):
        request._shell_csrf_token = get_token(request)
    return request._shell_csrf_token


def fill(request, shell: dict) -> str:
    html = shell["html"]
    if CSRF_VALUE in html:
        html = html.replace(CSRF_VALUE, f'value="{csrf_token(request)}"')
    if SUBMISSION_KEY_MARK in html:
        html = SUBMISSION_KEY_VALUE.sub(lambda _: f'value="{uuid.uuid4()}"', html)  # each form its own key
    if not shell["slots"]:
        return html
    parts = SLOT.split(html)  # text, slot number, text, slot number, ..., text
    for index in range(1, len(parts), 2):
        kind, params = shell["slots"][int(parts[index])]
        parts[index] = _fillers[kind](request, **params)
    return "".join(parts)


def _shell_wanted(request) -> bool:
    return (settings.PAGE_CACHE_ENABLED and request.method == "GET" and request.user.is_authenticated
            and not len(messages.get_messages(request)))


def _processor_variant(request) -> tuple:
    """The context processors' values that pages show differently (the open/closed banner and
    forms): run as for any render, and cheap (each reads its value from the cache)."""
    from django.template import engines

    values = {}
    for processor in engines["django"].engine.template_context_processors:
        values.update(processor(request))
    return tuple(values.get(name) for name in VARIES_ON)
