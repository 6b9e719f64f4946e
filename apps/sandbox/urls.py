"""The sandbox's APIs, one facade per seed, each under its own prefix."""

from django.urls import include, path

from apps.sandbox.oidc.urls import pm5_urlpatterns as pm5_eid_urlpatterns

urlpatterns = [
    path("pm5/", include(pm5_eid_urlpatterns)),  # e-ID's one addition to PM5 (apps/sandbox/oidc/person_session.py)
    path("pm5/", include("apps.sandbox.pm5.urls")),
    path("fast2/", include("apps.sandbox.fast2.urls")),
    path("errands/", include("apps.sandbox.errands_v2.urls")),
    path("oidc/", include("apps.sandbox.oidc.urls")),
    path("cashservices/", include("apps.sandbox.cashservices.urls")),
    path("kobo/", include("apps.sandbox.kobo.urls")),
]
