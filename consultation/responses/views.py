from django.contrib import messages
from django.shortcuts import redirect, render

from consultation.comments.selectors import own_comments
from consultation.people.access import participant_required
from consultation.people.selectors import current_consultation
from consultation.responses import selectors, services
from consultation.responses.forms import ResponseForm
from ideas.selectors import focus_areas_for_listing
from models_of_delivery.models import DeliveryOption


@participant_required
def your_response(request):
    consultation = current_consultation()
    areas = list(focus_areas_for_listing())
    response = selectors.response_of(request.user, consultation)
    form_kwargs = {"focus_areas": areas, "options": list(DeliveryOption.objects.all())}
    if request.method == "POST":
        form = ResponseForm(request.POST, **form_kwargs)
        if form.is_valid():
            submit = "submit" in request.POST
            services.response_save(
                respondent=request.user, consultation=consultation, scores=form.scores(),
                flagged_ideas=form.flagged_ideas(), anything_else=form.cleaned_data["anything_else"],
                submit=submit, option_ratings=form.option_ratings(),
                considerations=form.cleaned_data["considerations"],
            )
            if submit:
                messages.success(request, "Your response has been submitted. You can change it until the consultation closes.")
                return redirect("consultation:your_feedback")
            messages.success(request, "Your draft has been saved. Come back to finish it at any time before the consultation closes.")
            return redirect("consultation:your_response")
        status = 400
    else:
        form = ResponseForm(initial=ResponseForm.initial_for(response, areas), **form_kwargs)
        status = 200
    return render(request, "consultation/response_form.html",
                  {"form": form, "response": response, "consultation": consultation}, status=status)


@participant_required
def your_feedback(request):
    consultation = current_consultation()
    response = selectors.response_of(request.user, consultation)
    scores = []
    if response:
        by_area = {score.focus_area_id: score for score in response.scores.all()}
        flagged = {flag.idea_id for flag in response.flags.all()}
        for area in focus_areas_for_listing():
            score = by_area.get(area.pk)
            ideas = [idea for idea in area.ideas.all() if idea.pk in flagged]
            if score or ideas:
                scores.append((area, score, ideas))
    return render(request, "consultation/your_feedback.html", {
        "response": response, "scores": scores,
        "ratings": selectors.option_ratings_of(response) if response else [], "comments": own_comments(request.user),
        "consultation": consultation,
    })
