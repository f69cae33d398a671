"""The public page of one part of the paper, with its discussion. Writing a comment is the
lifecycle's (consultation/moderation/paper_views.py)."""

from django.http import Http404

from coe.cache import cache_anonymous_page
from coe.shells import render_page
from ideas.paper import PaperPart


@cache_anonymous_page
def paper_part(request, part):
    if part not in PaperPart.values:
        raise Http404("No such part of the paper")
    return render_page(request, "consultation/paper/part.html", {"part": PaperPart(part)})
