from django.urls import path

from consultation.privacy import views

urlpatterns = [
    path("privacy/", views.privacy_notice, name="privacy"),
    path("your-account/download-your-data/", views.data_export, name="data_export"),
    path("your-account/delete/", views.account_delete, name="account_delete"),
    path("your-account/deleted/", views.account_deleted, name="account_deleted"),
]
