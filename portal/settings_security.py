"""Security settings: HTTPS, HSTS, cookies and the Content-Security-Policy.

Star-imported by portal.settings, so `manage.py check --deploy` sees them as settings.
Production is strict by default; a relaxation is one documented variable (README,
"Operations"). The demo and the tests send the same Content-Security-Policy, so every
test and browser journey runs under the policy production sends.
"""

from django.utils.csp import CSP

from portal.env import env_bool, env_int, portal_env

_PRODUCTION = portal_env() == "production"

# The portal runs behind a TLS-terminating proxy, which must set X-Forwarded-Proto
# (and strip any the client sent). Django then knows a request came over https.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https") if _PRODUCTION else None
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", default=_PRODUCTION)
# Load balancers and orchestrators probe over plain http inside the network.
SECURE_REDIRECT_EXEMPT = [r"^healthz$", r"^readyz$"]

# HSTS: one year, subdomains, preload. These are the values hstspreload.org asks for;
# the header alone submits nothing. A landlord whose other subdomains still serve
# plain http sets SECURE_HSTS_INCLUDE_SUBDOMAINS=false and SECURE_HSTS_PRELOAD=false
# (check --deploy then warns, on purpose).
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 365 * 24 * 60 * 60 if _PRODUCTION else 0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", default=_PRODUCTION)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", default=_PRODUCTION)

SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

# Cookies: https only in production, never readable by scripts (htmx sends the CSRF
# token from <body hx-headers>, not from the cookie). The __Host- prefix makes the
# browser refuse them unless Secure, without Domain and for Path=/ (no subdomain can
# set or shadow them); it needs https, so the demo keeps the plain names.
_COOKIE_PREFIX = "__Host-" if _PRODUCTION else ""
SESSION_COOKIE_NAME = f"{_COOKIE_PREFIX}sessionid"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
SESSION_COOKIE_SECURE = _PRODUCTION
CSRF_COOKIE_NAME = f"{_COOKIE_PREFIX}csrftoken"
CSRF_COOKIE_HTTPONLY = True
CSRF_COOKIE_SECURE = _PRODUCTION
LANGUAGE_COOKIE_NAME = f"{_COOKIE_PREFIX}language"
LANGUAGE_COOKIE_HTTPONLY = True
LANGUAGE_COOKIE_SAMESITE = "Lax"
LANGUAGE_COOKIE_SECURE = _PRODUCTION

# Content-Security-Policy on every response (django.middleware.csp). No inline script,
# style or on* handler anywhere: scripts and styles are our own static files.
# - script-src: a nonce is there for an inline script that cannot be avoided
#   (<script {% csp_nonce_attr %}>); today there is none, so no nonce is sent.
# - style-src 'self': htmx is told not to inject its indicator styles
#   (<meta name="htmx-config"> in base.html); portal.css carries them instead.
# - img-src data:: allauth draws the TOTP set-up QR code as a data: URI image.
#   An image cannot run code; this is the one relaxation.
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF, CSP.NONCE],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF, "data:"],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.NONE],
    "frame-ancestors": [CSP.NONE],
    "form-action": [CSP.SELF],
}
