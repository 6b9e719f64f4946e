"""/sandbox/oidc/: the e-ID broker stand-in. pm5_urlpatterns: its one addition under /sandbox/pm5/."""

from django.urls import path

from apps.sandbox.oidc import person_session, views

urlpatterns = [
    path(".well-known/openid-configuration", views.discovery, name="sandbox-oidc-discovery"),
    path("authorize", views.authorize, name="sandbox-oidc-authorize"),
    path("token", views.token, name="sandbox-oidc-token"),
    path("jwks", views.jwks, name="sandbox-oidc-jwks"),
]

pm5_urlpatterns = [
    path("e-legitimation/session", person_session.open_session_for_person, name="sandbox-pm5-person-session"),
]
