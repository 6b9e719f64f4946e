"""The sandbox provider's RS256 signing key, derived from SECRET_KEY.

Derived, not generated and stored: every web process of the demo gets the same key
without a table or a file, and it stays the same across restarts, so an ID token
signed by one process verifies against the JWKS another one serves. A demo key only:
whoever holds SECRET_KEY can sign with it.
"""

import functools
import hashlib
import json
import math
import random

from cryptography.hazmat.primitives.asymmetric import rsa
from django.conf import settings
from django.utils.crypto import salted_hmac
from jwt.algorithms import RSAAlgorithm

KEY_BITS = 2048
PUBLIC_EXPONENT = 65537
_SMALL_PRIMES = [p for p in range(3, 2000) if all(p % d for d in range(2, math.isqrt(p) + 1))]


def signing_key() -> rsa.RSAPrivateKey:
    return _derived_key(settings.SECRET_KEY)


def key_id() -> str:
    """Names the key in the JWKS and in every token's header: a hash of the public key."""
    public = signing_key().public_key().public_numbers()
    return hashlib.sha256(f"{public.n}:{public.e}".encode()).hexdigest()[:16]


def jwks() -> dict:
    jwk = json.loads(RSAAlgorithm.to_jwk(signing_key().public_key()))
    return {"keys": [{**jwk, "kid": key_id(), "use": "sig", "alg": "RS256"}]}


@functools.cache
def _derived_key(secret: str) -> rsa.RSAPrivateKey:
    seed = salted_hmac("apps.sandbox.oidc.signing-key", "rsa", secret=secret, algorithm="sha256").digest()
    rng = random.Random(seed)  # a demo key: reproducible matters here, not unpredictability
    p = _prime(rng, KEY_BITS // 2)
    q = _prime(rng, KEY_BITS // 2)
    d = pow(PUBLIC_EXPONENT, -1, (p - 1) * (q - 1))
    numbers = rsa.RSAPrivateNumbers(
        p=p,
        q=q,
        d=d,
        dmp1=rsa.rsa_crt_dmp1(d, p),
        dmq1=rsa.rsa_crt_dmq1(d, q),
        iqmp=rsa.rsa_crt_iqmp(p, q),
        public_numbers=rsa.RSAPublicNumbers(PUBLIC_EXPONENT, p * q),
    )
    return numbers.private_key()  # cryptography checks the numbers make a valid key


def _prime(rng: random.Random, bits: int) -> int:
    while True:
        # Top two bits set: p·q has exactly KEY_BITS bits.
        candidate = rng.getrandbits(bits) | (0b11 << (bits - 2)) | 1
        if (
            all(candidate % small for small in _SMALL_PRIMES)
            and math.gcd(PUBLIC_EXPONENT, candidate - 1) == 1
            and _probably_prime(candidate, rng)
        ):
            return candidate


def _probably_prime(n: int, rng: random.Random, rounds: int = 40) -> bool:
    """Miller–Rabin; 40 rounds leave a chance of error below 2^-80."""
    d, s = n - 1, 0
    while d % 2 == 0:
        d, s = d // 2, s + 1
    for _ in range(rounds):
        x = pow(rng.randrange(2, n - 1), d, n)
        if x in (1, n - 1):
            continue
        for _ in range(s - 1):
            x = pow(x, 2, n)
            if x == n - 1:
                break
        else:
            return False
    return True
