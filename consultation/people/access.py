"""Who may take part, and when: the rules every page that writes relies on."""

from functools import wraps
from urllib.parse import urlencode, urlsplit

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme

from consultation.people.models import Consultation
from consultation.people.selectors import current_consultation


class ConsultationClosed(Exception):
    """Raised when someone writes outside the consultation window."""


def ensure_open(consultation: Consultation | None) -> None:
    """Every write's check of the window, read from the database rather than the cached copy
    pages show: a closing the cache missed (Redis away) must not let writes through."""
    window = Consultation.objects.filter(pk=consultation.pk).first() if consultation is not None else None
    if window is None or not window.is_open():
        raise ConsultationClosed


UNSAVED_WORDS = "unsaved_words"


def participant_required(view):
    """Signed in, with a role and display name; writes also need the consultation open."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not request.user.is_authenticated:
            if request.method != "POST":
                return redirect_to_login(request.get_full_path())
            # Signed out while writing (the session ran out): keep the words for after sign-in,
            # and come back to the page the form was on, not to an address that only takes posts.
            words = (request.POST.get("body") or "").strip()
            if words:
                request.session[UNSAVED_WORDS] = words[:10000]
            referer = request.headers.get("referer", "")
            back = "/"
            if url_has_allowed_host_and_scheme(referer, allowed_hosts={request.get_host()},
                                               require_https=request.is_secure()):
                parts = urlsplit(referer)
                back = parts.path + (f"?{parts.query}" if parts.query else "")
            return redirect_to_login(back)
        if not request.user.has_profile:
            query = urlencode({"next": request.get_full_path()})
            return redirect(f"{reverse('consultation:profile')}?{query}")
        try:
            # The cached copy turns most writes away at no cost; the write itself checks the
            # database (ensure_open), and a closing the cache missed lands here too.
            if request.method == "POST":
                consultation = current_consultation()
                if consultation is None or not consultation.is_open():
                    raise ConsultationClosed
            return view(request, *args, **kwargs)
        except ConsultationClosed:
            return render(request, "consultation/closed.html", {"consultation": current_consultation()}, status=403)

    return wrapper


def safe_next(request, fallback: str) -> str:
    """The `next` address if it stays on this site, else the fallback."""
    target = request.POST.get("next") or request.GET.get("next")
    if target and url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        return target
    return fallback


def unsaved_words_show(request, **kwargs) -> None:
    """On sign-in (user_logged_in): the words someone wrote while signed out, shown back once
    so they can post them again."""
    words = request.session.pop(UNSAVED_WORDS, None) if hasattr(request, "session") else None
    if words:
        messages.warning(request, "You were signed out before your comment was posted, so it was not saved. "
                                  f"This is what you wrote, to post again: {words}")
