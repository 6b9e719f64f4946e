"""The ID token the sandbox provider issues: RS256, the personnummer in the Swedish OIDC profile's claim."""

import time

import jwt
from django.utils.crypto import salted_hmac

from apps.sandbox.oidc.keys import key_id, signing_key

ID_TOKEN_SECONDS = 5 * 60
# The claim and level of assurance of the Swedish OIDC profile (Sweden Connect), as brokers send them.
PERSONNUMMER_CLAIM = "https://id.oidc.se/claim/personalIdentityNumber"
LOA3 = "http://id.elegnamnden.se/loa/1.0/loa3"


def id_token(*, issuer: str, client_id: str, personnummer: str, nonce: str, auth_time: int) -> str:
    now = int(time.time())
    claims = {
        "iss": issuer,
        # Pairwise, as brokers do: the same person has another sub at another client.
        "sub": salted_hmac("apps.sandbox.oidc.sub", f"{client_id}:{personnummer}", algorithm="sha256").hexdigest(),
        "aud": client_id,
        "iat": now,
        "exp": now + ID_TOKEN_SECONDS,
        "auth_time": auth_time,
        "acr": LOA3,
        PERSONNUMMER_CLAIM: personnummer,
    }
    if nonce:
        claims["nonce"] = nonce
    return jwt.encode(claims, signing_key(), algorithm="RS256", headers={"kid": key_id()})
