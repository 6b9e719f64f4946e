"""Logging in: passwords, allauth's accounts and MFA, linking an account to its customer,
e-ID login through an OpenID Connect broker.

Part of portal.settings (its docstring lists the parts).
"""

from urllib.parse import urlsplit

from django.core.exceptions import ImproperlyConfigured

from portal.env import env_int, env_list, env_str
from portal.settings_base import PORTAL_ENV, PRODUCTION, SANDBOX_ENABLED, TESTING
from portal.settings_security import SECURE_CSP

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
# Django's and allauth's, each loading the account with its customer link in one query.
AUTHENTICATION_BACKENDS = [
    "apps.accounts.backends.ModelBackend",
    "apps.accounts.backends.AuthenticationBackend",
]

# allauth: log in by e-mail and password; the e-mail must be verified.
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
ACCOUNT_SESSION_REMEMBER = None
ACCOUNT_LOGIN_BY_CODE_ENABLED = False
ACCOUNT_ADAPTER = "apps.accounts.adapter.AccountAdapter"
ACCOUNT_USER_DISPLAY = "apps.accounts.adapter.user_display"
# Links in e-mails (verification, password reset) are https in production, even behind a proxy.
ACCOUNT_DEFAULT_HTTP_PROTOCOL = "https" if PRODUCTION else "http"
ACCOUNT_FORMS = {
    "signup": "apps.accounts.forms.LinkCustomerSignupForm",
    # allauth's own forms with our Swedish labels and hints, without placeholders.
    "login": "apps.accounts.forms.LoginForm",
    "reauthenticate": "apps.accounts.forms.ReauthenticateForm",
    "reset_password": "apps.accounts.forms.ResetPasswordForm",
    "reset_password_from_key": "apps.accounts.forms.ResetPasswordKeyForm",
    "change_password": "apps.accounts.forms.ChangePasswordForm",
    "add_email": "apps.accounts.forms.AddEmailForm",
}
# False switches allauth's rate limits off; a dict is merged into its defaults.
ACCOUNT_RATE_LIMITS = (
    False
    if PORTAL_ENV == "test"
    else {
        "login_failed": "10/m/ip,5/5m/key",
        "signup": "20/m/ip",
        "reset_password": "20/m/ip,5/m/key",
    }
)
# Linking an account to its customer (apps/accounts/linking.py): attempts per hour, counted in
# the shared cache, and the sender of the one-time code when it goes by SMS (apps/accounts/sms.py).
LINK_ATTEMPTS_PER_CUSTOMER_PER_HOUR = env_int("LINK_ATTEMPTS_PER_CUSTOMER_PER_HOUR", 5)
LINK_ATTEMPTS_PER_IP_PER_HOUR = env_int("LINK_ATTEMPTS_PER_IP_PER_HOUR", 20)
# Production has no default: the console sender would write codes to the log. Without a sender
# no code goes by SMS, only by e-mail.
SMS_SENDER = env_str("SMS_SENDER", "" if PRODUCTION else "apps.accounts.sms.ConsoleSmsSender")
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "customer:overview"
ACCOUNT_LOGOUT_REDIRECT_URL = "account_login"
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = env_str("MFA_TOTP_ISSUER", "Mina sidor")
MFA_FORMS = {
    "activate_totp": "apps.accounts.forms.ActivateTOTPForm",
    "authenticate": "apps.accounts.forms.AuthenticateForm",
    "reauthenticate": "apps.accounts.forms.MfaReauthenticateForm",
}

# e-ID login (BankID, Freja eID) through an OpenID Connect broker: apps/accounts/eid. Off when
# EID_SERVER_URL is empty; the demo uses the sandbox's provider at /sandbox/oidc/.
EID_SERVER_URL = env_str("EID_SERVER_URL", "http://127.0.0.1:8000/sandbox/oidc" if SANDBOX_ENABLED else "").rstrip("/")
EID_CLIENT_ID = env_str("EID_CLIENT_ID", "mina-sidor-demo" if SANDBOX_ENABLED else "")
EID_CLIENT_SECRET = env_str("EID_CLIENT_SECRET", "sandbox-oidc-secret" if SANDBOX_ENABLED else "")
# The claim that carries the verified personnummer; the default is the Swedish OIDC profile's.
EID_PERSONNUMMER_CLAIM = env_str("EID_PERSONNUMMER_CLAIM", "https://id.oidc.se/claim/personalIdentityNumber")
EID_SCOPES = env_list("EID_SCOPES", ["openid", "https://id.oidc.se/scope/naturalPersonNumber"])
if EID_SERVER_URL and not (EID_CLIENT_ID and EID_CLIENT_SECRET):
    raise ImproperlyConfigured("EID_SERVER_URL needs EID_CLIENT_ID and EID_CLIENT_SECRET")
if EID_SERVER_URL and PRODUCTION:
    # The e-ID button posts to us and is redirected to the broker: browsers apply the
    # policy's form-action to that redirect too, so the broker's origin must be allowed.
    # (The demo's broker is the sandbox, on the portal's own origin.)
    _broker = urlsplit(EID_SERVER_URL)
    SECURE_CSP["form-action"] = [*SECURE_CSP["form-action"], f"{_broker.scheme}://{_broker.netloc}"]


def eid_providers(server_url: str) -> dict:
    """allauth's OpenID Connect provider with the one app "eid", or none when server_url is empty."""
    app = {
        "provider_id": "eid",
        "name": "BankID / Freja eID",
        "client_id": EID_CLIENT_ID,
        "secret": EID_CLIENT_SECRET,
        # The ID token carries what we need; no userinfo call.
        "settings": {"server_url": server_url, "fetch_userinfo": False, "token_auth_method": "client_secret_basic"},
    }
    return {
        "openid_connect": {
            # Ours verifies every ID token's signature and keeps no personnummer (apps/accounts/eid/provider.py).
            "provider_class": "apps.accounts.eid.provider.EidProvider",
            "OAUTH_PKCE_ENABLED": True,
            "SCOPE": EID_SCOPES,
            "APPS": [app] if server_url else [],
        }
    }


SOCIALACCOUNT_PROVIDERS = eid_providers(EID_SERVER_URL)
SOCIALACCOUNT_ADAPTER = "apps.accounts.eid.adapter.EidAdapter"
# The e-ID proved the person; an account made by it has no e-mail to confirm yet.
SOCIALACCOUNT_EMAIL_VERIFICATION = "none"
SOCIALACCOUNT_STORE_TOKENS = False

# The test profile hashes with MD5: tests sign in thousands of times, and nothing is at stake.
if TESTING:
    PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
