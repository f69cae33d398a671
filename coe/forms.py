from django.forms.renderers import TemplatesSetting


class GovukFormRenderer(TemplatesSetting):
    """Renders every form and field with the GOV.UK Design System templates."""

    form_template_name = "components/forms/form.html"
    field_template_name = "components/forms/field.html"
