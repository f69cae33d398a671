"""The analysts' theme pages (in the analysis area) and the public "You said, we did" page.

Reading needs `analysis.view_analysis`; changing themes needs `themes.edit_themes`; writing
an official response from a theme also needs `comments.add_officialresponse`."""

from functools import wraps

from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from coe.cache import cache_anonymous_page
from coe.shells import render_page
from consultation.analysis import exports
from consultation.themes import forms, selectors, services
from consultation.themes.models import FoundTheme
from consultation.themes.subjects import (
    Subject,
    all_subjects,
    subject_exists,
    subject_title,
    subject_titles,
)

VIEW = "analysis.view_analysis"
EDIT = "themes.edit_themes"
RESPOND = "comments.add_officialresponse"


def _needs(permission):
    def decorator(view):
        @wraps(view)
        @never_cache
        @login_required
        @permission_required(permission, raise_exception=True)
        def wrapped(request, *args, **kwargs):
            return view(request, *args, **kwargs)

        return wrapped

    return decorator


def _subject_choices():
    subjects = all_subjects()
    titles = subject_titles(s.key for s in subjects)
    return [("", "Choose")] + [(s.slug, f"{s.kind.replace('_', ' ').capitalize()}: {titles.get(s.key, s.ref)}"
                                 if s.ref else titles[s.key]) for s in subjects]


@_needs(VIEW)
def index(request):
    form = None
    if request.method == "POST":
        if not request.user.has_perm(EDIT):
            raise PermissionDenied
        form = forms.BuildForm(request.POST, subjects=_subject_choices())
        if form.is_valid():
            subject = Subject.from_slug(form.cleaned_data["subject"])
            _, created = services.theme_run_request(subject, request.user)
            if created:
                messages.success(request, f"Finding themes in {subject_title(subject)}: refresh this page in a minute")
            else:
                messages.success(request, f"Finding themes in {subject_title(subject)} is already under way: "
                                          "refresh this page in a minute")
            return redirect("themes:index")
    page = render_page(request, "themes/index.html", lambda: {
        "form": form or forms.BuildForm(subjects=_subject_choices()), "subjects": selectors.subjects_overview(),
        "runs": selectors.recent_runs(), "nav_section": "analysis",
    }, variant=(request.user.has_perm(EDIT),))
    if form is not None:  # sent and not valid: shown again with its errors (a POST is never a shell)
        page.status_code = 400
    return page


def _subject_or_404(slug: str) -> Subject:
    subject = Subject.from_slug(slug)
    if subject is None or not subject_exists(subject):
        raise Http404("No such subject")
    return subject


@_needs(VIEW)
def subject_page(request, slug):
    subject = _subject_or_404(slug)
    themes = list(selectors.current_themes(subject))
    breakdown = selectors.theme_breakdown(subject)
    tables = []
    for name, caption in (("role", "role"), ("region", "region"), ("reflection_kind", "reflection kind")):
        columns = sorted({label for counts in breakdown[name].values() for label in counts})
        rows = [(theme, [breakdown[name].get(theme.pk, {}).get(c, 0) for c in columns]) for theme in themes]
        tables.append({"caption": f"Comments in each theme by {caption}", "columns": columns, "rows": rows})
    return render(request, "themes/subject.html", {
        "subject": subject, "title": subject_title(subject), "themes": themes, "tables": tables,
        "unthemed": selectors.unthemed_count(subject), "nav_section": "analysis"})


def _theme_context(request, theme: FoundTheme, **bound):
    subject = Subject(theme.subject_kind, theme.subject_ref)
    members = list(selectors.theme_comments(theme))
    others = [t for t in selectors.current_themes(subject) if t.pk != theme.pk]
    can_edit = request.user.has_perm(EDIT) and theme.is_current
    return {
        "theme": theme, "subject": subject, "subject_title": subject_title(subject), "members": members,
        "changes": theme.changes.select_related("person")[:20], "history": selectors.comment_history(theme),
        "responses": selectors.responses_for([theme]).get(theme.pk, []), "can_edit": can_edit,
        "changed_quotes": selectors.quotes_changed_since_sign_off(theme),
        "can_respond": can_edit and request.user.has_perm(RESPOND), "nav_section": "analysis", "others": others,
        "edit_form": bound.get("edit") or forms.ThemeEditForm(initial={"label": theme.label, "description": theme.description}),
        "merge_form": bound.get("merge") or forms.MergeForm(others=others),
        "split_form": bound.get("split") or forms.SplitForm(members=members),
        "move_form": bound.get("move") or forms.MoveForm(members=members, others=others),
        "response_form": bound.get("respond") or forms.ResponseForm(initial=_response_initial(theme)),
    }


def _response_initial(theme: FoundTheme) -> dict:
    if theme.subject_kind == "focus_area":
        return {"focus_area": theme.subject_ref}
    return {}


@_needs(VIEW)
def theme_page(request, pk):
    theme = get_object_or_404(FoundTheme.objects.select_related("run", "merged_into", "split_from", "signed_off_by"), pk=pk)
    return render(request, "themes/theme.html", _theme_context(request, theme))


ACTIONS = {"edit", "merge", "split", "move", "sign-off", "respond"}


@require_POST
@_needs(EDIT)
def theme_action(request, pk, action):
    if action not in ACTIONS:
        raise Http404("No such action")
    theme = get_object_or_404(FoundTheme.objects.exclude(state=FoundTheme.State.RETIRED), pk=pk)
    context = _theme_context(request, theme)
    form = None
    if action == "edit":
        form = forms.ThemeEditForm(request.POST)
        if form.is_valid():
            if form.cleaned_data["label"] != theme.label:
                services.theme_rename(theme_id=pk, label=form.cleaned_data["label"], person=request.user)
            if form.cleaned_data["description"] != theme.description:
                services.theme_describe(theme_id=pk, description=form.cleaned_data["description"], person=request.user)
            messages.success(request, "Theme saved")
            return redirect("themes:theme", pk=pk)
    elif action == "merge":
        form = forms.MergeForm(request.POST, others=context["others"])
        if form.is_valid():
            target = services.theme_merge(theme_id=pk, into_id=form.cleaned_data["into"], person=request.user)
            messages.success(request, f"“{theme.label}” merged into this theme")
            return redirect("themes:theme", pk=target.pk)
    elif action == "split":
        form = forms.SplitForm(request.POST, members=context["members"])
        if form.is_valid():
            new = services.theme_split(theme_id=pk, comment_ids=form.cleaned_data["comments"],
                                       label=form.cleaned_data["label"], person=request.user)
            messages.success(request, f"New theme “{new.label}” made from {len(form.cleaned_data['comments'])} comment(s)")
            return redirect("themes:theme", pk=new.pk)
    elif action == "move":
        form = forms.MoveForm(request.POST, members=context["members"], others=context["others"])
        if form.is_valid():
            to = form.cleaned_data["to"]
            services.comment_theme_move(comment_id=form.cleaned_data["comment"], subject=context["subject"],
                                        theme_id=None if to == forms.NO_THEME else int(to), person=request.user)
            messages.success(request, "Comment moved")
            return redirect("themes:theme", pk=pk)
    elif action == "sign-off":
        services.theme_sign_off(theme_id=pk, person=request.user)
        messages.success(request, "Theme signed off: it shows on “You said, we did”")
        return redirect("themes:theme", pk=pk)
    elif action == "respond":
        if not request.user.has_perm(RESPOND):
            raise PermissionDenied
        form = forms.ResponseForm(request.POST)
        if form.is_valid():
            services.theme_response_write(theme_id=pk, person=request.user, **form.cleaned_data)
            messages.success(request, "Official response published and linked to this theme")
            return redirect("themes:theme", pk=pk)
    context.update({f"{action}_form": form, "error_form": form})
    return render(request, "themes/theme.html", context, status=400 if form is not None and form.errors else 200)


@cache_anonymous_page
def you_said_we_did(request):
    """Public: signed-off themes with their counts, published quotes and the responses."""
    return render(request, "themes/you_said_we_did.html", {"subjects": selectors.you_said_we_did()})


@_needs("analysis.export_data")
def comment_themes_csv(request):
    """The comments export's companion: each comment's current themes, joined on comment_id.
    Written by the exports' CSV writer, which defuses labels a spreadsheet would run as formulas."""
    rows = ([comment_id, theme_id, label] for comment_id, themes in sorted(selectors.comment_themes().items())
            for theme_id, label in themes)
    return exports.streamed(exports.csv_stream(["comment_id", "theme_id", "theme_label"], rows),
                            "text/csv; charset=utf-8", "comment-themes.csv")

