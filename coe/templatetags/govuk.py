"""Template helpers that give Django form fields the GOV.UK Design System markup."""

from django import template

register = template.Library()

INPUT_CLASSES = {
    "textarea": "govuk-textarea",
    "select": "govuk-select",
    "checkbox": "govuk-checkboxes__input",
}
GROUPED_WIDGETS = {"radioselect", "checkboxselectmultiple"}


@register.filter
def govuk_kind(field) -> str:
    """Which GOV.UK pattern renders this field: radios, checkboxes, checkbox, or input."""
    widget_type = field.widget_type
    if widget_type == "radioselect":
        return "radios"
    if widget_type == "checkboxselectmultiple":
        return "checkboxes"
    if widget_type == "checkbox":
        return "checkbox"
    if widget_type == "hidden":
        return "hidden"
    return "input"


@register.filter
def govuk_anchor(field) -> str:
    """The id an error summary link should point at (the first option, for groups)."""
    if field.widget_type in GROUPED_WIDGETS:
        return f"{field.auto_id}_0"
    return field.auto_id


@register.simple_tag
def govuk_widget(field, extra_classes=""):
    """Renders the field's widget with GOV.UK classes and the hint and error ids described."""
    css = INPUT_CLASSES.get(field.widget_type, "govuk-input")
    if field.errors:
        css += {"textarea": " govuk-textarea--error", "select": " govuk-select--error"}.get(
            field.widget_type, " govuk-input--error" if css == "govuk-input" else ""
        )
    if extra_classes:
        css += " " + extra_classes
    described_by = []
    if field.help_text:
        described_by.append(f"{field.auto_id}_helptext")
    if field.errors:
        described_by.append(f"{field.auto_id}-error")
    attrs = {"class": css}
    if described_by:
        attrs["aria-describedby"] = " ".join(described_by)
    existing = field.field.widget.attrs.get("class")
    if existing:
        attrs["class"] = f"{css} {existing}"
    return field.as_widget(attrs=attrs)
