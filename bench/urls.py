"""The portal's own URLs plus the ceiling view: used only by bench.settings."""

from django.urls import path

from bench.views import ceiling
from coe.urls import handler400, handler403, handler404, handler500
from coe.urls import urlpatterns as portal_urls

urlpatterns = [path("bench/ceiling", ceiling, name="bench_ceiling"), *portal_urls]

__all__ = ["handler400", "handler403", "handler404", "handler500", "urlpatterns"]
