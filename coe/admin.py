"""Admin building blocks every app's admin shares."""

from django.contrib import admin


class ReadOnlyInline(admin.TabularInline):
    """Shows history on a page; nobody adds to it or changes it there."""

    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


class ReadOnlyAdmin(admin.ModelAdmin):
    """A record kept for the audit: it can be read, never added, changed or deleted here."""

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
