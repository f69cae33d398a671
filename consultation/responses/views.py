"""The response in steps: the task list, one page per step, check your answers, submitted.
When the consultation is not open no form is shown: the task list says what happens next
(a POST that races the close still gets the "consultation has closed" page, nothing saved)."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse

from consultation.comments.selectors import own_comments
from consultation.people.access import participant_required
from consultation.people.selectors import current_consultation
from consultation.responses import selectors, services, steps
from consultation.responses.forms import form_for_step
from ideas.selectors import focus_areas_for_listing


def _is_open(consultation) -> bool:
    return bool(consultation and consultation.is_open())


@participant_required
def your_response(request):
    consultation = current_consultation()
    response = selectors.response_of(request.user, consultation)
    tasks = [(step, steps.step_status(step, response)) for step in steps.response_steps()]
    return render(request, "consultation/response_task_list.html", {
        "response": response, "tasks": tasks, "is_open": _is_open(consultation),
        "completed_count": sum(status == steps.COMPLETED for _, status in tasks),
    })


@participant_required
def response_step(request, slug):
    consultation = current_consultation()
    if not _is_open(consultation):
        return redirect("consultation:your_response")
    step = next((step for step in steps.response_steps() if step.slug == slug), None)
    if step is None:
        raise Http404("No such step")
    response = selectors.response_of(request.user, consultation)
    form = form_for_step(step, response, request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        services.response_save(
            respondent=request.user, consultation=consultation, section=step.slug,
            section_completed=form.is_completed(), **form.save_kwargs(),
        )
        where = "your submitted response" if response and response.is_submitted else "a draft"
        messages.success(request, f"Your answers to “{step.title}” have been saved to {where}")
        return redirect("consultation:your_response")
    return render(request, "consultation/response_form.html", {"form": form, "step": step, "response": response},
                  status=400 if form.is_bound else 200)


def response_area(request, slug):
    """From a focus area's page to the step that scores it."""
    step = steps.step_for_area(steps.response_steps(), slug)
    if step is None:
        raise Http404("No such focus area")
    return redirect(reverse("consultation:response_step", args=[step.slug]) + f"#area-{slug}")


@participant_required
def response_check(request):
    consultation = current_consultation()
    response = selectors.response_of(request.user, consultation)
    all_steps = steps.response_steps()
    summary = steps.check_answers(all_steps, response)
    error = None
    if request.method == "POST":
        if response is None or not summary["has_answers"]:
            error = "Answer at least one question before you submit your response"
        else:
            services.response_save(respondent=request.user, consultation=consultation, submit=True)
            return redirect("consultation:response_submitted")
    return render(request, "consultation/response_check.html", {
        "response": response, "summary": summary, "error": error, "is_open": _is_open(consultation),
    }, status=400 if error else 200)


@participant_required
def response_submitted(request):
    response = selectors.response_of(request.user, current_consultation())
    if response is None or not response.is_submitted:
        return redirect("consultation:your_response")
    return render(request, "consultation/response_submitted.html", {"response": response})


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
