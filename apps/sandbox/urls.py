"""The sandbox's APIs, one facade per seed, each under its own prefix."""

from django.urls import include, path

urlpatterns = [
    path("pm5/", include("apps.sandbox.pm5.urls")),
    path("fast2/", include("apps.sandbox.fast2.urls")),
    path("errands/", include("apps.sandbox.errands_v2.urls")),
    path("cashservices/", include("apps.sandbox.cashservices.urls")),
]
