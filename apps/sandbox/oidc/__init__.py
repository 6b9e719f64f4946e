"""A minimal OpenID Connect provider standing in for an e-ID broker (BankID, Freja eID).

Sandbox-defined, not any real broker's API: discovery, an authorize page where the
demo tenant "identifies" with a test personnummer, a token endpoint issuing an RS256
ID token with the personnummer in the Swedish OIDC profile's claim, and the JWKS.
Also the one PM5 addition e-ID login needs: a session for a personnummer alone.
"""
