"""The PM5 economy endpoints' file type: the shared streamed Download (kept under its old import path)."""

from apps.backends.download import Download

__all__ = ["Download"]
