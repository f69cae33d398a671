"""/api/ (documentation), /api/v1/ (the API, every endpoint wrapped by http.public_read)
and /open-data/ (the data package). Included at the root under the namespace "api", which
is also django-ninja's (it reverses "api:api-root" for the OpenAPI document)."""

from django.urls import path
from django.views.generic import RedirectView

from consultation.api import views
from consultation.api.endpoints import api
from consultation.api.http import public_read

app_name = "api"
urlpatterns = [
    path("api/", views.documentation, name="documentation"),
    # django-ninja reverses "api-root" to find the API's address; people are sent to the docs.
    path("api/v1/", RedirectView.as_view(pattern_name="api:documentation"), name="api-root"),
    *[path(f"api/v1/{p.pattern}", public_read(p.callback), name=p.name)
      for p in api.urls[0] if p.name != "api-root"],
    path("open-data/", views.open_data_page, name="open_data"),
    path("open-data/datapackage.json", views.descriptor, name="datapackage"),
    path("open-data/comments.csv", views.comments_table, name="open_data_comments"),
    path("open-data/<slug:name>.csv", views.table, name="open_data_table"),
]
