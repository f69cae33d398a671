"""What the analysis counts, and how: the Scope (filters and weighting) and the grouped
queries every figure is built from.

Every figure is built from a few grouped queries whose number does not depend on how much
feedback there is: the database returns small aggregate rows (one per focus area, value,
role and, under "one council, one voice", council), and the statistics are computed here in
Python from those rows.

Definitions, also shown on the pages:

- Only submitted responses to the current consultation count.
- A respondent's group is the group of their role (``consultation.roles.role_group``).
- A *council respondent* is someone whose organisation is one of the local authorities.
- **One council, one voice** (``weighting=council``): within each figure, the respondents of
  one local authority share a total weight of 1 (each of k respondents weighs 1/k); everyone
  else weighs 1. For scores the k respondents are those of the council who answered that
  question; for counts of respondents and flags they are the council's respondents in scope.
- **Mean, median and distribution** are weighted by those weights (all weights are 1 in the
  raw view). The median is the middle value, halfway between two values when the weight
  splits exactly.
- **95 % confidence interval** of a mean: Student's t interval, mean ± t(0.975, n−1) · s/√n.
  Under the council weighting n is Kish's effective sample size (Σw)²/Σw² and s the weighted
  standard deviation. It is cut to the scale (1 to 5), and given only from ``CAUTION_BELOW``
  answers up.
- **Divergence** of a focus area on a measure: the range of the group means (highest minus
  lowest) among the respondent groups in which at least ``CAUTION_BELOW`` people answered;
  none when fewer than two groups qualify. A focus area's divergence is the larger of its
  two ranges.
- A **caution** is shown wherever fewer than ``CAUTION_BELOW`` people answered.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date

from django.db.models import Case, Count, F, IntegerField, Q, Value, When

from consultation.people.models import Organisation
from consultation.people.roles import RoleGroup, roles_in_group
from consultation.people.selectors import current_consultation
from consultation.people.sources import Source
from consultation.responses.selectors import counted_responses_q

SCALE = (1, 2, 3, 4, 5)
CAUTION_BELOW = 5
ALL = "all"
GROUPS = list(RoleGroup)
NO_REGION = "No region (not a local authority)"


# --- Scope: what the filters and the weighting switch ask for -------------------------------


def group_q(group: str, prefix: str) -> Q:
    return Q(**{f"{prefix}role__in": roles_in_group(group)}) if group else Q()


def region_q(region: str, prefix: str) -> Q:
    return Q(**{f"{prefix}organisation__region": region}) if region else Q()


def organisation_type_q(kind: str, prefix: str) -> Q:
    """'local_authority': the person's organisation is a council; 'other': anything else."""
    is_council = Q(**{f"{prefix}organisation__kind": Organisation.Kind.LOCAL_AUTHORITY})
    if kind == Organisation.Kind.LOCAL_AUTHORITY:
        return is_council
    if kind == Organisation.Kind.OTHER:
        return ~is_council | Q(**{f"{prefix}organisation__isnull": True})
    return Q()


def source_q(source: str, prefix: str) -> Q:
    """Where the feedback came from: online, imported from the old forms, recorded by staff."""
    return Q(**{f"{prefix}source": source}) if source else Q()


def period_q(field_name: str, date_from: date | None, date_to: date | None) -> Q:
    q = Q()
    if date_from:
        q &= Q(**{f"{field_name}__date__gte": date_from})
    if date_to:
        q &= Q(**{f"{field_name}__date__lte": date_to})
    return q


@dataclass(frozen=True)
class Scope:
    """The filters in force (all optional) and the weighting."""

    date_from: date | None = None
    date_to: date | None = None
    group: str = ""
    region: str = ""
    organisation_type: str = ""
    weighting: str = "raw"
    source: str = ""
    consultation: object = None  # the current consultation unless given

    @property
    def by_council(self) -> bool:
        return self.weighting == "council"

    def describe(self) -> str:
        """The filters in words, for the page and for printouts."""
        parts = [f"the {RoleGroup(self.group).label.lower()} group" if self.group else "all respondent groups"]
        if self.region:
            parts.append(f"people in a local authority in {self.region}")
        if self.organisation_type == Organisation.Kind.LOCAL_AUTHORITY:
            parts.append("people in a local authority")
        elif self.organisation_type == Organisation.Kind.OTHER:
            parts.append("people not in a local authority")
        if self.source:
            parts.append(f"feedback {Source(self.source).label.lower()}")
        if self.date_from:
            parts.append(f"from {self.date_from:%-d %B %Y}")
        if self.date_to:
            parts.append(f"to {self.date_to:%-d %B %Y}")
        return ", ".join(parts)

    def people_q(self, prefix: str) -> Q:
        return (
            group_q(self.group, prefix)
            & region_q(self.region, prefix)
            & organisation_type_q(self.organisation_type, prefix)
        )

    def responses_q(self, prefix: str = "") -> Q:
        """Submitted responses to the current consultation, within the filters."""
        return (
            counted_responses_q(self.consultation, prefix)
            & period_q(f"{prefix}submitted_at", self.date_from, self.date_to)
            & source_q(self.source, prefix)
            & self.people_q(f"{prefix}respondent__")
        )

    def comments_q(self, prefix: str = "") -> Q:
        """Comments written during the consultation, in the period, by people within the
        filters (any moderation state)."""
        consultation = self.consultation or current_consultation()
        window = Q(**{f"{prefix}created_at__gte": consultation.opens_at,
                      f"{prefix}created_at__lt": consultation.closes_at}) if consultation else Q(pk__in=[])
        return (window & period_q(f"{prefix}created_at", self.date_from, self.date_to)
                & source_q(self.source, prefix) & self.people_q(f"{prefix}author__"))


def council_of(prefix: str):
    """The person's local authority id, or None for everyone who is not in one."""
    return Case(
        When(
            **{f"{prefix}organisation__kind": Organisation.Kind.LOCAL_AUTHORITY},
            then=F(f"{prefix}organisation_id"),
        ),
        default=Value(None),
        output_field=IntegerField(),
    )


def region_of(prefix: str):
    """The region of the person's local authority, or "" for everyone who is not in one."""
    return Case(
        When(**{f"{prefix}organisation__kind": Organisation.Kind.LOCAL_AUTHORITY},
             then=F(f"{prefix}organisation__region")),
        default=Value(""),
    )


def organisation_type_of(prefix: str):
    """'local_authority' or 'other' (no organisation included), as organisation_type_q splits them."""
    return Case(
        When(**{f"{prefix}organisation__kind": Organisation.Kind.LOCAL_AUTHORITY},
             then=Value(Organisation.Kind.LOCAL_AUTHORITY.value)),
        default=Value(Organisation.Kind.OTHER.value),
    )


def group_of(prefix: str):
    """The person's respondent group, worked out in SQL from the same rule as role_group()."""
    whens = [
        When(**{f"{prefix}role__in": roles_in_group(group)}, then=Value(group.value))
        for group in GROUPS if group != RoleGroup.OTHER
    ]
    return Case(*whens, default=Value(RoleGroup.OTHER.value))


def grouped(queryset, scope: Scope, person: str, *keys, by_role=False, **named):
    """`values(...).annotate(n=Count)`: adds the person's group (or role), and their council
    when weighting. Grouping by the four groups, not the 14 roles, keeps the rows few."""
    if by_role:
        named["role"] = F(f"{person}role")
    else:
        named["group"] = group_of(person)
    if scope.by_council:
        named["council"] = council_of(person)
    return queryset.values(*keys, **named).annotate(n=Count("pk")).order_by()


def add_weights(rows, partition) -> None:
    """Gives each aggregate row its total weight `w` and sum of squared weights `w2`.

    A council's k people in one partition weigh 1/k each; everyone else weighs 1.
    """
    totals: dict = defaultdict(int)
    for row in rows:
        if row.get("council") is not None:
            totals[(partition(row), row["council"])] += row["n"]
    for row in rows:
        council = row.get("council")
        if council is None:
            row["w"], row["w2"] = float(row["n"]), float(row["n"])
        else:
            k = totals[(partition(row), council)]
            row["w"], row["w2"] = row["n"] / k, row["n"] / (k * k)


