from urllib.parse import urlencode

from allauth.account.adapter import get_adapter
from allauth.account.views import signup as allauth_signup
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.urls import reverse

from consultation.people.access import safe_next
from consultation.people.forms import ProfileForm


@login_required
def profile(request):
    form = ProfileForm(
        request.POST if request.method == "POST" else None,
        initial=ProfileForm.initial_for(request.user),
        user=request.user,
    )
    if request.method == "POST" and form.is_valid():
        form.save_to(request.user)
        messages.success(request, "Your details have been saved")
        return redirect(safe_next(request, reverse("consultation:your_feedback")))
    return render(request, "consultation/profile.html", {"form": form, "next": request.GET.get("next", "")},
                  status=400 if form.errors else 200)


def staff_sign_in(request, extra_context=None):
    """The admin's own sign-in page, replaced: staff sign in through the one form everyone
    uses, so its limits on guessing and its even timing cover staff accounts too."""
    target = safe_next(request, reverse("admin:index"))
    if request.user.is_authenticated:
        if not request.user.is_staff:
            raise PermissionDenied  # signed in, but not staff: the 403 page, not a loop of sign-ins
        return redirect(target)
    return redirect(f"{reverse('account_login')}?{urlencode({'next': target})}")


def signup(request, *args, **kwargs):
    """allauth's sign-up, sent as one transaction (AccountAdapter.signup_in_one_transaction)."""
    if request.method != "POST":
        return allauth_signup(request, *args, **kwargs)
    return get_adapter(request).signup_in_one_transaction(request, allauth_signup, *args, **kwargs)
