"""Errands v2 routes: GET /v2/errands/{id}; a trailing slash is accepted, as on the FAST2 facade."""

from django.urls import re_path

from apps.sandbox.errands_v2 import views

urlpatterns = [
    re_path(r"^v2/errands/(?P<errand_id>[^/]+)/?$", views.errand, name="errands-v2-errand"),
]
