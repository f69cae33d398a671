from django.shortcuts import render

from coe.cache import cache_anonymous_page
from coe.shells import render_page
from models_of_delivery import diagram, selectors

SECTION = {"nav_section": "delivery"}


@cache_anonymous_page
def overview(request):
    content = selectors.overview()
    picture = diagram.hub_and_spoke([spoke.title for spoke in content["spokes"]])
    return render(
        request, "models_of_delivery/overview.html", {**content, "diagram": picture, **SECTION}
    )


@cache_anonymous_page
def option_detail(request, slug):
    def page():
        option, assessments = selectors.option_with_assessments(slug)
        return {"option": option, "assessments": assessments, **SECTION}

    return render_page(request, "models_of_delivery/option.html", page)


@cache_anonymous_page
def comparison(request):
    content = selectors.comparison()
    return render(request, "models_of_delivery/compare.html", {**content, **SECTION})


@cache_anonymous_page
def organisations(request):
    return render(
        request,
        "models_of_delivery/organisations.html",
        {"groups": selectors.organisations_by_kind(), **SECTION},
    )
