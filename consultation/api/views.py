"""The pages for people: the API's documentation and the open-data downloads."""

import json

from django.http import Http404, HttpResponse, StreamingHttpResponse
from django.shortcuts import render

from coe.cache import cache_anonymous_page
from consultation.analysis import open_data
from consultation.api import data_package
from consultation.api.comments import SUBJECTS
from consultation.api.http import public_read
from consultation.comments.models import ReflectionKind
from ideas.paper import PaperPart

CSV = "text/csv; charset=utf-8"


@cache_anonymous_page
def documentation(request):
    return render(request, "api/documentation.html", {
        "subjects": list(SUBJECTS),
        "reflection_kinds": ReflectionKind.choices,
        "paper_parts": PaperPart.values,
        "min_people": open_data.MIN_PEOPLE,
    })


@cache_anonymous_page
def open_data_page(request):
    return render(request, "open_data/index.html", {
        "tables": data_package.TABLES,
        "counts": open_data.comment_counts(),
        "min_people": open_data.MIN_PEOPLE,
        "licence": open_data.LICENCE,
    })


@public_read
def descriptor(request):
    body = json.dumps(data_package.descriptor(), indent=2, ensure_ascii=False)
    return HttpResponse(body, content_type="application/json; charset=utf-8")


@public_read
def table(request, name):
    table = data_package.BY_NAME.get(name)
    if table is None or name == "comments":
        raise Http404("No such file")
    return HttpResponse("".join(table.csv()), content_type=CSV)


@public_read(cache=False)
def comments_table(request):
    """The largest file is streamed, not cached whole: it grows with the consultation."""
    return StreamingHttpResponse(data_package.BY_NAME["comments"].csv(), content_type=CSV)
