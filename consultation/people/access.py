"""Who may take part, and when: the rules every page that writes relies on."""

from functools import wraps
from urllib.parse import urlencode

from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme

from consultation.people.models import Consultation
from consultation.people.selectors import current_consultation


class ConsultationClosed(Exception):
    """Raised when someone writes outside the consultation window."""


def ensure_open(consultation: Consultation | None) -> None:
    if consultation is None or not consultation.is_open():
        raise ConsultationClosed


def participant_required(view):
    """Signed in, with a role and display name; writes also need the consultation open."""

    @login_required
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not request.user.has_profile:
            query = urlencode({"next": request.get_full_path()})
            return redirect(f"{reverse('consultation:profile')}?{query}")
        if request.method == "POST":
            consultation = current_consultation()
            if consultation is None or not consultation.is_open():
                return render(request, "consultation/closed.html", {"consultation": consultation}, status=403)
        return view(request, *args, **kwargs)

    return wrapper


def safe_next(request, fallback: str) -> str:
    """The `next` address if it stays on this site, else the fallback."""
    target = request.POST.get("next") or request.GET.get("next")
    if target and url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        return target
    return fallback
