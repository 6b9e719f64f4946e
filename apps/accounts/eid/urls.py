"""allauth's OpenID Connect paths (konto/oidc/<provider_id>/login/…), served by our strict views.

allauth includes this module in place of its own, because EidProvider names this package.
"""

from allauth.socialaccount import app_settings
from django.urls import include, path

from apps.accounts.eid import provider

urlpatterns = [
    path(
        f"{app_settings.OPENID_CONNECT_URL_PREFIX}/<str:provider_id>/",
        include(
            [
                path("login/", provider.login, name="openid_connect_login"),
                path("login/callback/", provider.callback, name="openid_connect_callback"),
            ]
        ),
    )
]
