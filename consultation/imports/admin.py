"""Staff record feedback received elsewhere, and read what each import run did."""

from django.contrib import admin, messages
from django.core.exceptions import ValidationError

from coe.admin import ReadOnlyAdmin
from consultation.imports.forms import StaffRecordForm
from consultation.imports.models import ImportRun, StaffRecord
from consultation.imports.respondents import verified_account
from consultation.imports.services import staff_record_create
from consultation.people.selectors import current_consultation
from consultation.people.sources import Source
from consultation.responses.models import Response
from consultation.screening import personal_data_error

WHO = ("The person", {"fields": ["role", "organisation", "organisation_name", "email"]})


class CheckedStaffRecordForm(StaffRecordForm):
    def clean(self):
        data = super().clean()
        self.consultation = current_consultation()
        if self.consultation is None:
            raise ValidationError("There is no consultation to record feedback for")
        account = verified_account(data.get("email", ""))
        if data.get("kind") == "response" and account is not None and Response.objects.filter(
                respondent=account, consultation=self.consultation, source=Source.ONLINE).exists():
            self.add_error("kind", "They have already responded online: record this as a comment instead")
        return data


@admin.register(StaffRecord)
class StaffRecordAdmin(admin.ModelAdmin):
    list_display = ["received_on", "channel", "respondent_role", "what", "recorded_by", "created_at"]
    list_filter = ["channel", "received_on"]
    list_select_related = ["respondent", "recorded_by"]
    readonly_fields = ["channel", "received_on", "recorded_by", "respondent", "response", "comment", "created_at"]

    class Media:
        css = {"all": ["imports/admin.css"]}

    def get_fieldsets(self, request, obj=None):
        if obj is not None:
            return [(None, {"fields": self.readonly_fields})]
        scores = StaffRecordForm().score_names()
        return [
            ("Where it came from", {"fields": ["channel", "received_on", "submission_key"]}),
            WHO,
            ("What they said", {"fields": ["kind", "subject", "reflection_kind", "body"]}),
            ("Or their structured response", {"fields": [*scores, "flagged_ideas", "anything_else"],
                                              "classes": ["collapse"]}),
        ]

    def get_form(self, request, obj=None, change=False, **kwargs):
        if obj is None:
            kwargs["form"] = CheckedStaffRecordForm
            kwargs["fields"] = None
        return super().get_form(request, obj, change=change, **kwargs)

    def get_readonly_fields(self, request, obj=None):
        return self.readonly_fields if obj is not None else []

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def save_model(self, request, obj, form, change):
        data = form.cleaned_data
        record = staff_record_create(
            submission_key=data["submission_key"], recorded_by=request.user, consultation=form.consultation, channel=data["channel"],
            received_on=data["received_on"], role=data["role"], organisation=data["organisation"],
            organisation_name=data["organisation_name"].strip(), email=data["email"],
            comment=form.comment(), response=form.response(),
        )
        obj.pk, obj.respondent, obj.comment, obj.response = record.pk, record.respondent, record.comment, record.response
        obj.recorded_by, obj.created_at = record.recorded_by, record.created_at
        obj._state.adding = False
        if record.comment is not None:
            messages.info(request, "The comment waits in the moderation queue: "
                                   f"{record.comment.get_held_reason_display()}")
        warning = personal_data_error("The answer", data.get("anything_else", ""))
        if warning:
            messages.warning(request, f"{warning}. It is for analysts only; remove the detail if it is not needed.")

    @admin.display(description="role")
    def respondent_role(self, record):
        return record.respondent.get_role_display()

    @admin.display(description="recorded as")
    def what(self, record):
        return "comment" if record.comment_id else "structured response"


@admin.register(ImportRun)
class ImportRunAdmin(ReadOnlyAdmin):
    list_display = ["file_name", "started_at", "finished_at", "read", "imported", "duplicates"]
    readonly_fields = ["file_name", "dry_run", "started_at", "finished_at", "read", "imported", "duplicates",
                       "rejected", "unmatched_councils"]
