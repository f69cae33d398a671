from django.shortcuts import render

from coe.page_cache import cache_anonymous_page
from consultation.selectors import attach_option_activity
from consultation.views import discussion_context
from models_of_delivery import diagram, selectors

SECTION = {"nav_section": "delivery"}


@cache_anonymous_page
def overview(request):
    content = selectors.overview()
    attach_option_activity(content["options"])
    picture = diagram.hub_and_spoke([spoke.title for spoke in content["spokes"]])
    return render(
        request, "models_of_delivery/overview.html", {**content, "diagram": picture, **SECTION}
    )


@cache_anonymous_page
def option_detail(request, slug):
    option, assessments = selectors.option_with_assessments(slug)
    attach_option_activity([option])
    return render(
        request,
        "models_of_delivery/option.html",
        {"option": option, "assessments": assessments, **SECTION,
         **discussion_context(request, delivery_option=option)},
    )


@cache_anonymous_page
def comparison(request):
    content = selectors.comparison()
    attach_option_activity(content["options"])
    return render(request, "models_of_delivery/compare.html", {**content, **SECTION})


@cache_anonymous_page
def organisations(request):
    return render(
        request,
        "models_of_delivery/organisations.html",
        {"groups": selectors.organisations_by_kind(), **SECTION},
    )
