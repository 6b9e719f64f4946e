"""Model instances → PM5 wire dictionaries, one module per part of the session."""

from apps.sandbox.pm5.serializers.session import portal_session

__all__ = ["portal_session"]
