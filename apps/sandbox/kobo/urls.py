"""Kobo Bolig API V1 paths exactly as in seed 004 (K32): /kobobolig without, /fdvusystem/ with a trailing slash."""

from django.urls import path

from apps.sandbox.kobo import views

base = "kobobolig/<str:kobo_id>"
urlpatterns = [
    path("token", views.token, name="kobo-token"),
    path("kobobolig", views.units_view, name="kobo-units"),
    path(base, views.unit_view, name="kobo-unit"),
    path(f"{base}/sak/<str:reference>/reservasjon", views.reservation_view, name="kobo-reservation"),
    path(f"{base}/tildeling", views.allocation_view, name="kobo-allocation"),
    path(f"{base}/leieforhold", views.lease_view, name="kobo-lease"),
    path(f"{base}/leieforhold/oppsigelse", views.notice_view, name="kobo-notice"),
    path("fdvusystem/", views.fdvu_system_view, name="kobo-fdvu-system"),
]
