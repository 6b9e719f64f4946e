"""Cash-services routes: /Token at the API root, every resource under /api (paths case-insensitive, A1).

The seed writes /api/providers/ with a trailing slash and /api/Providers/{id}
without one and capitalised: both are served.
"""

from django.urls import re_path

from apps.sandbox.cashservices import views

urlpatterns = [
    re_path(r"^[Tt][Oo][Kk][Ee][Nn]/?$", views.token, name="cash-token"),
    re_path(r"^[Aa][Pp][Ii]/(?P<name>[A-Za-z]+)/?$", views.collection, name="cash-collection"),
    re_path(r"^[Aa][Pp][Ii]/(?P<name>[A-Za-z]+)/(?P<item_id>[^/]+)/?$", views.item, name="cash-item"),
]
