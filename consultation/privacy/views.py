"""Pages for a person's own data: the privacy notice, downloading it, deleting the account."""

import json

from django.conf import settings
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_GET, require_http_methods

from consultation.people.selectors import current_consultation
from consultation.privacy import services
from consultation.privacy.data import person_data_export
from consultation.privacy.forms import AccountDeleteForm

DELETED_SESSION_KEY = "privacy:account_deleted"


@require_GET
def privacy_notice(request):
    consultation = current_consultation()
    return render(request, "privacy.html", {
        "feedback_email": settings.FEEDBACK_EMAIL,
        "retention_days": consultation.retention_days if consultation else None,
        "retention_ends_at": services.retention_ends_at(consultation) if consultation else None,
    })


@require_GET
@never_cache
@login_required
def data_export(request):
    data = person_data_export(request.user)
    response = HttpResponse(
        json.dumps(data, indent=2, ensure_ascii=False), content_type="application/json; charset=utf-8"
    )
    filename = f"centre-of-excellence-consultation-your-data-{timezone.localdate():%Y-%m-%d}.json"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@require_http_methods(["GET", "POST"])
@never_cache
@sensitive_post_parameters("password")
@login_required
def account_delete(request):
    """Always the signed-in person's own account: there is no id to change."""
    form = AccountDeleteForm(request.POST if request.method == "POST" else None, request=request)
    if request.method == "POST" and form.is_valid():
        services.account_delete(request.user, remove_comments=form.remove_comments)
        logout(request)
        request.session[DELETED_SESSION_KEY] = "removed" if form.remove_comments else "kept"
        return redirect("consultation:account_deleted")
    return render(request, "consultation/privacy/account_delete.html", {"form": form},
                  status=400 if form.errors else 200)


@require_GET
def account_deleted(request):
    comments = request.session.get(DELETED_SESSION_KEY)
    if comments is None:
        return redirect("start")  # only the person who just deleted their account sees this
    return render(request, "consultation/privacy/account_deleted.html", {"comments": comments})
