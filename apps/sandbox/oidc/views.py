"""The provider's endpoints: discovery, authorize (the page where the tenant identifies), token, JWKS.

Authorization codes live a minute in the shared cache, keyed by the code, and are
used once; the personnummer stays in the cache and the POST bodies, never in a URL.
"""

import base64
import hashlib
import secrets
import time
from pathlib import Path
from urllib.parse import urlencode, urlsplit

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect, JsonResponse
from django.template import Context, Template
from django.urls import reverse

from apps.sandbox.behaviour import sandbox_api
from apps.sandbox.models import Customer
from apps.sandbox.oidc import keys, tokens
from apps.sandbox.oidc.person_session import PERSONNUMMER

CODE_SECONDS = 60
LOOPBACK = {"localhost", "127.0.0.1", "::1"}
# What the authorize page needs to carry from its GET to its POST.
REQUEST_FIELDS = ("client_id", "redirect_uri", "scope", "state", "nonce", "code_challenge", "code_challenge_method")
PAGE = Template((Path(__file__).parent / "authorize.html").read_text(encoding="utf-8"))


def oauth_error(status: int, code: str, message: str) -> HttpResponse:
    """RFC 6749's error body, the shape every OIDC client reads."""
    return JsonResponse({"error": code, "error_description": message}, status=status)


oidc_api = sandbox_api(oauth_error)


@oidc_api
def discovery(request: HttpRequest) -> HttpResponse:
    issuer = _issuer(request)
    return JsonResponse(
        {
            "issuer": issuer,
            "authorization_endpoint": f"{issuer}/authorize",
            "token_endpoint": f"{issuer}/token",
            "jwks_uri": f"{issuer}/jwks",
            "response_types_supported": ["code"],
            "grant_types_supported": ["authorization_code"],
            "subject_types_supported": ["pairwise"],
            "id_token_signing_alg_values_supported": ["RS256"],
            "scopes_supported": ["openid", "https://id.oidc.se/scope/naturalPersonNumber"],
            "claims_supported": ["sub", "auth_time", "acr", tokens.PERSONNUMMER_CLAIM],
            "token_endpoint_auth_methods_supported": ["client_secret_basic", "client_secret_post"],
            "code_challenge_methods_supported": ["S256"],
        }
    )


@oidc_api
def jwks(request: HttpRequest) -> HttpResponse:
    return JsonResponse(keys.jwks())


@oidc_api
def authorize(request: HttpRequest) -> HttpResponse:
    """GET: the page where the demo tenant picks or types a test personnummer. POST: the answer."""
    if request.method not in ("GET", "POST"):
        return oauth_error(405, "invalid_request", "Endast GET och POST stöds här.")
    asked = {name: (request.GET if request.method == "GET" else request.POST).get(name, "") for name in REQUEST_FIELDS}
    problem = _invalid_request(request, asked)
    if problem:
        # Never redirect to a redirect_uri we have not accepted: say so here.
        return HttpResponse(problem, status=400, content_type="text/plain; charset=utf-8")
    if request.method == "GET":
        return _page(asked)
    if "cancel" in request.POST:
        return _back_to_client(asked, {"error": "access_denied"})
    match = PERSONNUMMER.fullmatch(request.POST.get("personnummer", "").strip())
    if match is None:
        return _page(asked, error="Skriv personnumret som ÅÅÅÅMMDDNNNN, tolv siffror.", status=400)
    code = secrets.token_urlsafe(32)
    grant = {**asked, "personnummer": "".join(match.groups()), "auth_time": int(time.time())}
    cache.set(_code_key(code), grant, CODE_SECONDS)
    return _back_to_client(asked, {"code": code})


@oidc_api
def token(request: HttpRequest) -> HttpResponse:
    """The authorization code grant: client authentication, the code once, PKCE, then the ID token."""
    if request.method != "POST":
        return oauth_error(405, "invalid_request", "Endast POST stöds här.")
    client_id = _authenticated_client(request)
    if client_id is None:
        return oauth_error(401, "invalid_client", "Okänd klient eller fel hemlighet.")
    if request.POST.get("grant_type") != "authorization_code":
        return oauth_error(400, "unsupported_grant_type", "Endast authorization_code stöds.")
    key = _code_key(request.POST.get("code", ""))
    grant = cache.get(key)
    if grant is None or not cache.delete(key):  # the delete that succeeds is the one use
        return oauth_error(400, "invalid_grant", "Koden är okänd, använd eller för gammal.")
    if grant["client_id"] != client_id or grant["redirect_uri"] != request.POST.get("redirect_uri"):
        return oauth_error(400, "invalid_grant", "Koden hör till en annan klient eller redirect_uri.")
    if grant["code_challenge"] and not _pkce_matches(grant["code_challenge"], request.POST.get("code_verifier", "")):
        return oauth_error(400, "invalid_grant", "code_verifier stämmer inte med code_challenge.")
    id_token = tokens.id_token(
        issuer=_issuer(request),
        client_id=client_id,
        personnummer=grant["personnummer"],
        nonce=grant["nonce"],
        auth_time=grant["auth_time"],
    )
    answer = {
        "access_token": secrets.token_urlsafe(32),
        "token_type": "Bearer",
        "expires_in": tokens.ID_TOKEN_SECONDS,
        "id_token": id_token,
    }
    return JsonResponse(answer, headers={"Cache-Control": "no-store"})


def _issuer(request: HttpRequest) -> str:
    return request.build_absolute_uri(reverse("sandbox-oidc-jwks")).removesuffix("/jwks")


def _invalid_request(request: HttpRequest, asked: dict) -> str:
    if not secrets.compare_digest(asked["client_id"].encode(), settings.SANDBOX_OIDC_CLIENT_ID.encode()):
        return "Okänd client_id."
    target = urlsplit(asked["redirect_uri"])
    # The sandbox serves the portal that runs it: a redirect only back to this host, or to this
    # machine (the demo opened as localhost while EID_SERVER_URL says 127.0.0.1).
    here = urlsplit(f"//{request.get_host()}")
    same_host = target.netloc == here.netloc or (
        target.hostname in LOOPBACK and here.hostname in LOOPBACK and target.port == here.port
    )
    if target.scheme not in ("http", "https") or not same_host:
        return "redirect_uri ska gå till samma värd som sandlådan."
    if "openid" not in asked["scope"].split():
        return "scope ska innehålla openid."
    if not asked["state"]:
        return "state saknas."
    if asked["code_challenge"] and asked["code_challenge_method"] != "S256":
        return "Endast code_challenge_method S256 stöds."
    return ""


def _page(asked: dict, *, error: str = "", status: int = 200) -> HttpResponse:
    customers = Customer.objects.order_by("customer_number")
    html = PAGE.render(Context({"asked": asked, "customers": customers, "error": error}))
    response = HttpResponse(html, status=status)
    response["Cache-Control"] = "no-store"
    return response


def _back_to_client(asked: dict, answer: dict) -> HttpResponse:
    separator = "&" if urlsplit(asked["redirect_uri"]).query else "?"
    return HttpResponseRedirect(asked["redirect_uri"] + separator + urlencode({**answer, "state": asked["state"]}))


def _authenticated_client(request: HttpRequest) -> str | None:
    """client_secret_basic or client_secret_post, compared in constant time."""
    scheme, _, encoded = request.headers.get("Authorization", "").partition(" ")
    if scheme.lower() == "basic":
        try:
            client_id, _, secret = base64.b64decode(encoded, validate=True).decode().partition(":")
        except ValueError:
            return None
    else:
        client_id, secret = request.POST.get("client_id", ""), request.POST.get("client_secret", "")
    id_ok = secrets.compare_digest(client_id.encode(), settings.SANDBOX_OIDC_CLIENT_ID.encode())
    secret_ok = secrets.compare_digest(secret.encode(), settings.SANDBOX_OIDC_CLIENT_SECRET.encode())
    return client_id if id_ok and secret_ok else None


def _pkce_matches(challenge: str, verifier: str) -> bool:
    digest = hashlib.sha256(verifier.encode()).digest()
    expected = base64.urlsafe_b64encode(digest).rstrip(b"=").decode()
    return bool(verifier) and secrets.compare_digest(expected, challenge)


def _code_key(code: str) -> str:
    return "sandbox-oidc-code:" + hashlib.sha256(code.encode()).hexdigest()
