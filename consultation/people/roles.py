"""The 14 respondent roles of the consultation's feedback instrument, and their groups.

Analysis splits respondents into four groups; each role belongs to exactly one.
"""

from django.db import models


class RoleGroup(models.TextChoices):
    LOCAL_AUTHORITY = "local_authority", "Local authority"
    CENTRAL_GOVERNMENT = "central_government", "Central government"
    SUPPLIER = "supplier", "Supplier or consultant"
    OTHER = "other", "Other"


class Role(models.TextChoices):
    LA_DATA = "la_data", "Local authority data professional"
    LA_DIGITAL = "la_digital", "Local authority digital professional"
    LA_SOCIAL_CARE = "la_social_care", "Local authority children's social care professional"
    LA_LEADERSHIP = "la_leadership", "Local authority leadership"
    CG_DATA = "cg_data", "Central government data professional"
    CG_DIGITAL = "cg_digital", "Central government digital professional"
    CG_SOCIAL_CARE = "cg_social_care", "Central government social care professional"
    CG_LEADERSHIP = "cg_leadership", "Central government leadership"
    OTHER_PUBLIC = "other_public", "Other public sector professional role"
    SUPPLIER = "supplier", "Data and digital supplier/partner"
    CONSULTANT = "consultant", "Data and digital consultant"
    OTHER_PRIVATE = "other_private", "Other private sector professional role"
    LIVED_EXPERIENCE = "lived_experience", (
        "Person with current or previous social care involvement as a service user"
    )
    NO_LIVED_EXPERIENCE = "no_lived_experience", (
        "Person without current or previous social care involvement as a service user"
    )


def role_group(role: str) -> RoleGroup:
    if role.startswith("la_"):
        return RoleGroup.LOCAL_AUTHORITY
    if role.startswith("cg_"):
        return RoleGroup.CENTRAL_GOVERNMENT
    if role in (Role.SUPPLIER, Role.CONSULTANT):
        return RoleGroup.SUPPLIER
    return RoleGroup.OTHER


def roles_in_group(group: str) -> list[str]:
    return [role for role in Role.values if role_group(role) == group]
