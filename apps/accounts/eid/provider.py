"""allauth's OpenID Connect provider, made strict about the ID token and silent about the personnummer.

Two differences from allauth's own (named in SOCIALACCOUNT_PROVIDERS' provider_class):

* Every ID token's signature is checked against the provider's JWKS. allauth skips
  that for a token fetched from the token endpoint, which OIDC allows over TLS;
  the sandbox speaks plain HTTP, and a broker's key is cheap to check.
* The personnummer claim never reaches SocialAccount: the uid is a keyed hash of it
  (so one person is one SocialAccount whatever the broker's sub looks like, and some
  brokers' sub is the personnummer), and extra_data keeps only claims that say nothing
  about the person. The personnummer travels on the SocialLogin object, in memory.
"""

import re

from allauth.socialaccount.internal import jwtkit
from allauth.socialaccount.models import SocialApp
from allauth.socialaccount.providers.oauth2.views import OAuth2CallbackView, OAuth2LoginView
from allauth.socialaccount.providers.openid_connect.provider import OpenIDConnectProvider
from allauth.socialaccount.providers.openid_connect.views import OpenIDConnectOAuth2Adapter
from django.conf import settings
from django.contrib.auth.decorators import login_not_required
from django.http import Http404, HttpRequest
from django.utils.crypto import salted_hmac

# Claims about the login, not the person: enough for support to see when and how.
KEPT_CLAIMS = ("iss", "aud", "iat", "exp", "auth_time", "acr", "amr")
PERSONNUMMER = re.compile(r"(\d{8})-?(\d{4})")


class EidOAuth2Adapter(OpenIDConnectOAuth2Adapter):
    def _decode_id_token(self, app, id_token: str) -> dict:
        return jwtkit.verify_and_decode(
            credential=id_token,
            keys_url=self.openid_config["jwks_uri"],
            issuer=self.openid_config["issuer"],
            audience=app.client_id,
            lookup_kid=jwtkit.lookup_kid_jwk,
            verify_signature=True,
        )


class EidProvider(OpenIDConnectProvider):
    oauth2_adapter_class = EidOAuth2Adapter

    @classmethod
    def get_package(cls) -> str:
        return "apps.accounts.eid"  # our urls.py, so that the callback uses EidOAuth2Adapter

    def sociallogin_from_response(self, request: HttpRequest, response: dict):
        claims = response.get("id_token") or {}
        sociallogin = super().sociallogin_from_response(request, {"id_token": claims})
        personnummer = read_personnummer(claims)
        sociallogin.account.uid = personnummer_hash(personnummer) if personnummer else ""
        sociallogin.account.extra_data = {"id_token": {k: claims[k] for k in KEPT_CLAIMS if k in claims}}
        sociallogin.email_addresses = []  # a broker's e-mail is not one the tenant confirmed to us
        sociallogin.personnummer = personnummer  # not a model field: never saved or serialized
        return sociallogin


def read_personnummer(claims: dict) -> str:
    """The twelve digits of the verified personnummer claim, or "" when there is none."""
    value = claims.get(settings.EID_PERSONNUMMER_CLAIM)
    match = PERSONNUMMER.fullmatch(value.strip()) if isinstance(value, str) else None
    return "".join(match.groups()) if match else ""


def personnummer_hash(personnummer: str) -> str:
    return salted_hmac("apps.accounts.eid.uid", personnummer, algorithm="sha256").hexdigest()


@login_not_required
def login(request: HttpRequest, provider_id: str):
    return _view(OAuth2LoginView, request, provider_id)


@login_not_required
def callback(request: HttpRequest, provider_id: str):
    return _view(OAuth2CallbackView, request, provider_id)


def _view(view_class, request: HttpRequest, provider_id: str):
    try:
        return view_class.adapter_view(EidOAuth2Adapter(request, provider_id))(request)
    except SocialApp.DoesNotExist:
        raise Http404 from None
