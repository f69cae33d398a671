"""What the Django admin's comment change form posts besides its own fields."""


def inline_management() -> dict:
    """The empty management forms of the audit-trail and report inlines (read-only)."""
    data = {}
    for prefix in ("decisions", "reports"):
        data.update({f"{prefix}-TOTAL_FORMS": "0", f"{prefix}-INITIAL_FORMS": "0",
                     f"{prefix}-MIN_NUM_FORMS": "0", f"{prefix}-MAX_NUM_FORMS": "1000"})
    return data
