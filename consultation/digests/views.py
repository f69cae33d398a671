from django.shortcuts import render
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from consultation.digests.models import DigestDelivery
from consultation.digests.sending import UnsubscribeLinkExpired, digest_unsubscribe


@csrf_exempt  # the signed token is the authority; mail clients POST here (RFC 8058)
@require_http_methods(["GET", "POST"])
def unsubscribe(request, token):
    """One-click unsubscribe from a digest, no sign-in needed. GET asks; POST does it."""
    if request.method == "POST":
        try:
            outcome = digest_unsubscribe(token)
        except UnsubscribeLinkExpired:
            return render(request, "consultation/unsubscribe.html", {"expired": True}, status=410)
        if outcome is None:
            return render(request, "consultation/unsubscribe.html", {"invalid": True}, status=400)
        _, kind = outcome
        return render(request, "consultation/unsubscribe.html",
                      {"done": True, "kind_label": DigestDelivery.Kind(kind).label})
    return render(request, "consultation/unsubscribe.html", {"token": token})
