"""Who an imported or recorded piece of feedback belongs to. Nobody gets a login and
nobody is emailed: either the person already has an account with that verified address, or
they become an imported respondent (a row with no password, inactive, at an address that
cannot receive mail), so analysis by role and organisation still works."""

import hashlib
import hmac

from allauth.account.models import EmailAddress
from django.conf import settings
from django.contrib.auth.hashers import make_password
from django.core.exceptions import ValidationError
from django.core.validators import validate_email

from consultation.people.models import Organisation, User
from consultation.screening.organisations import organisation_name_problem

IMPORTED_DOMAIN = "imported.invalid"  # .invalid is reserved: no mail can ever reach it


def _placeholder(key: str) -> str:
    return f"imported-{key}@{IMPORTED_DOMAIN}"


def email_key(email: str) -> str:
    """Stands for an address without keeping it: the same person's records meet, the address
    cannot be read back."""
    digest = hmac.new(settings.SECRET_KEY.encode(), email.strip().lower().encode(), hashlib.sha256)
    return digest.hexdigest()[:32]


def verified_account(email: str) -> User | None:
    """The account whose owner proved they hold this address, if any."""
    email = (email or "").strip()
    try:
        validate_email(email)
    except ValidationError:
        return None
    found = (EmailAddress.objects.filter(email__iexact=email, verified=True)
             .select_related("user").first())
    return found.user if found else None


def verified_accounts() -> dict[str, int]:
    """Every verified address → its account id, read once for a whole import."""
    return {email.lower(): user_id for email, user_id in
            EmailAddress.objects.filter(verified=True).values_list("email", "user_id")}


def respondent_for(*, email: str, fallback_key: str, role: str, organisation: Organisation | None,
                   organisation_name: str, accounts: dict[str, int] | None = None) -> tuple[User, bool]:
    """(the person, whether they are an existing account). An existing account keeps its own
    role and organisation; an imported respondent gets the ones given (`just_created` says
    whether this call made them). `accounts` (from verified_accounts) saves a query a record."""
    email = (email or "").strip()
    if accounts is None:
        account = verified_account(email)
    else:
        account_id = accounts.get(email.lower()) if email else None
        account = User.objects.get(pk=account_id) if account_id else None
    if account is not None:
        account.just_created = False
        return account, True
    if organisation is None and organisation_name_problem(organisation_name or ""):
        organisation_name = ""  # shown beside comments: never keep an address, a number or a carer's name there
    fields = {
        "role": role, "organisation": organisation,
        "organisation_name": "" if organisation else organisation_name[:200],
        "imported": True, "is_active": False, "wants_followers_digest": False,
        "password": make_password(None),  # unusable: no password can ever match
    }
    if email:  # the same address again is the same person
        person, created = User.objects.get_or_create(email=_placeholder(email_key(email)), defaults=fields)
    else:  # a key of its own (the record's fingerprint): always a new person
        person, created = User.objects.create(email=_placeholder(fallback_key), **fields), True
    person.just_created = created
    return person, False
