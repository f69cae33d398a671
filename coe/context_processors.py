from django.conf import settings


def service(request):
    """What every page's layout needs: the service name, phase and contact address."""
    return {
        "service_name": settings.SERVICE_NAME,
        "service_phase": settings.SERVICE_PHASE,
        "feedback_email": settings.FEEDBACK_EMAIL,
        "site_url": settings.SITE_URL,  # for the links in allauth's emails
    }
