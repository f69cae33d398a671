"""The public, read-only API (django-ninja): the catalogue, published comments and aggregate
scores. Each endpoint reads through its owner (the catalogue's models, `Comment.objects.public()`
by way of consultation.analysis.open_data, the figures layer) in a fixed number of queries."""

from collections import defaultdict

from django.shortcuts import get_object_or_404
from ninja import NinjaAPI, Query
from ninja.errors import ValidationError

from consultation.analysis import open_data
from consultation.api import schemas
from consultation.api.comments import comments_page
from ideas.models import FocusArea

DESCRIPTION = """Read-only, anonymous access to the Centre of Excellence consultation: the
catalogue of ideas, published comments (without names) and aggregate scores (suppressed where
fewer than 5 people answered). Licence: Open Government Licence v3.0. Documentation for
people: /api/."""

api = NinjaAPI(
    title="Centre of Excellence consultation API",
    version="1",
    description=DESCRIPTION,
    urls_namespace="api",
    openapi_url="/openapi.json",
    docs_url=None,
)
ERRORS = {400: schemas.Problem, 429: schemas.Problem}


@api.exception_handler(ValidationError)
def bad_request(request, error):
    details = "; ".join(
        f"{'.'.join(str(part) for part in item.get('loc', [])[1:]) or 'request'}: {item.get('msg', 'invalid')}"
        for item in error.errors
    )
    return api.create_response(request, {"detail": details or "The request is not valid."}, status=400)


@api.get("/themes/", response={200: list[schemas.Theme], **ERRORS}, tags=["catalogue"],
         summary="The 6 themes")
def themes(request):
    areas = _area_slugs("theme__slug")
    return [{**theme, "focus_areas": areas[theme["slug"]]} for theme in open_data.themes()]


@api.get("/strands/", response={200: list[schemas.Strand], **ERRORS}, tags=["catalogue"],
         summary="The 3 delivery strands")
def strands(request):
    areas = _area_slugs("delivery_strand__slug")
    return [{**strand, "focus_areas": areas[strand["slug"]]} for strand in open_data.strands()]


@api.get("/focus-areas/", response={200: list[schemas.FocusArea], **ERRORS}, tags=["catalogue"],
         summary="The 13 focus areas with their ideas")
def focus_areas(request):
    ideas = defaultdict(list)
    for idea in open_data.ideas():
        ideas[idea.pop("focus_area")].append(idea)
    return [{**area, "ideas": ideas[area["slug"]]} for area in open_data.focus_areas()]


@api.get("/focus-areas/{slug}/", response={200: schemas.FocusArea, 404: schemas.Problem, **ERRORS},
         tags=["catalogue"], summary="One focus area with its ideas")
def focus_area(request, slug: str):
    area = get_object_or_404(FocusArea, slug=slug)
    ideas = [idea for idea in open_data.ideas() if idea.pop("focus_area") == area.slug]
    return next({**row, "ideas": ideas} for row in open_data.focus_areas() if row["slug"] == area.slug)


@api.get("/delivery-options/", response={200: list[schemas.DeliveryOption], **ERRORS},
         tags=["catalogue"], summary="The delivery options")
def delivery_options(request):
    return open_data.delivery_options()


@api.get("/comments/", response={200: schemas.CommentPage, **ERRORS}, tags=["comments"],
         summary="Published comments, oldest first, a page at a time")
def comments(request, filters: Query[schemas.CommentFilters]):
    page = comments_page(after=int(filters.cursor or 0), limit=filters.limit, subject=filters.subject, kind=filters.kind,
                         date_from=filters.date_from, date_to=filters.date_to)
    return {"results": page.results, "withheld": page.withheld, "next": page.next}


@api.get("/scores/focus-areas/", response={200: list[schemas.FocusAreaScore], **ERRORS},
         tags=["scores"], summary="Usefulness and likelihood per focus area")
def focus_area_scores(request):
    return open_data.focus_area_scores()


@api.get("/scores/delivery-options/", response={200: list[schemas.DeliveryOptionScore], **ERRORS},
         tags=["scores"], summary="How well each delivery option would work")
def delivery_option_scores(request):
    return open_data.delivery_option_scores()


def _area_slugs(by: str) -> dict[str, list[str]]:
    slugs = defaultdict(list)
    for key, slug in FocusArea.objects.order_by("position", "title").values_list(by, "slug"):
        slugs[key].append(slug)
    return slugs
