from consultation.people.selectors import current_consultation


def consultation_window(request):
    """The current consultation, for the open/closed banner on every page (cached)."""
    consultation = current_consultation()
    return {
        "consultation": consultation,
        "consultation_is_open": bool(consultation and consultation.is_open()),
    }
