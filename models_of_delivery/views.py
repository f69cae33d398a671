from django.shortcuts import render

from models_of_delivery import diagram, selectors

SECTION = {"nav_section": "delivery"}


def overview(request):
    content = selectors.overview()
    picture = diagram.hub_and_spoke([spoke.title for spoke in content["spokes"]])
    return render(
        request, "models_of_delivery/overview.html", {**content, "diagram": picture, **SECTION}
    )


def option_detail(request, slug):
    option, assessments = selectors.option_with_assessments(slug)
    return render(
        request,
        "models_of_delivery/option.html",
        {"option": option, "assessments": assessments, **SECTION},
    )


def comparison(request):
    return render(request, "models_of_delivery/compare.html", {**selectors.comparison(), **SECTION})


def organisations(request):
    return render(
        request,
        "models_of_delivery/organisations.html",
        {"groups": selectors.organisations_by_kind(), **SECTION},
    )
