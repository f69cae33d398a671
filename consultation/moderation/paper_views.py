"""Writing feedback on a part of the paper: "Tell us what's missing, or about another part of
the paper" (the part chosen on the form) and the comment form on each part's page. Both go
through the same lifecycle, moderation and screening as any other comment (views._create)."""

from django.http import Http404
from django.shortcuts import render
from django.views.decorators.http import require_POST

from consultation.comments.forms import CommentForm
from consultation.comments.paper import PaperCommentForm, public_comments_per_paper_part
from consultation.moderation.views import _create
from consultation.people.access import participant_required
from ideas.paper import PaperPart, parts_by_group


def _index(request, form, status=200):
    counts = public_comments_per_paper_part()
    groups = [(group, [(part, counts.get(part.value, 0)) for part in parts]) for group, parts in parts_by_group()]
    return render(request, "consultation/paper/index.html", {"form": form, "groups": groups}, status=status)


def paper_feedback(request):
    """The page anyone may read; posting needs a participant while the consultation is open."""
    if request.method == "POST":
        return _post_paper_feedback(request)
    return _index(request, PaperCommentForm() if request.user.is_authenticated else None)


@participant_required
def _post_paper_feedback(request):
    form = PaperCommentForm(request.POST)
    if form.is_from_a_bot():
        return _create(request, form, paper_part=PaperPart.ANYTHING_ELSE)
    if not form.is_valid():
        return _index(request, form, status=400)
    return _create(request, form, paper_part=PaperPart(form.cleaned_data["paper_part"]))


@require_POST
@participant_required
def comment_on_paper_part(request, part):
    if part not in PaperPart.values:
        raise Http404("No such part of the paper")
    return _create(request, CommentForm(request.POST), paper_part=PaperPart(part))
