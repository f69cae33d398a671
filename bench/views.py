from django.http import HttpResponse


def ceiling(request):
    """The framework's own ceiling: the full middleware stack, no database, a short body."""
    return HttpResponse("ok", content_type="text/plain")
