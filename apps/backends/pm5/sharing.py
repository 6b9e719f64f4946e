"""Sharing an errand: Hämta ett ärende by Delningsnyckel (000:711), and where a key comes from.

The seed reads an errand by share key but never says how a key is made or
withdrawn (contract A30). The two key endpoints here are the sandbox's own,
the smallest that could work, and marked as such in the README.
"""

from urllib.parse import quote

from apps.backends.pm5 import sharing_parse
from apps.backends.pm5.base import Pm5Base
from apps.backends.pm5.sharing_types import SharedErrand
from apps.backends.wire import Wire


class SharingApi(Pm5Base):
    def create_share_key(self, key: str, errand_id: int) -> str:
        """POST /session/{key}/arende/{ÄrendeId}/delningsnyckel → {"Delningsnyckel": …} (sandbox-defined).

        A new key each time. Not retried: a repeated POST would make a second key.
        """
        path = self._session_path(key, "arende", str(int(errand_id)), "delningsnyckel")
        data = self._json("POST", path, "create share key")
        return Wire(data, "Delning").required_text("Delningsnyckel")

    def revoke_share_key(self, key: str, errand_id: int, share_key: str) -> None:
        """DELETE /session/{key}/arende/{ÄrendeId}/delningsnyckel/{Delningsnyckel} (sandbox-defined)."""
        path = self._session_path(key, "arende", str(int(errand_id)), "delningsnyckel", quote(share_key, safe=""))
        self._send("DELETE", path, "revoke share key").close()

    def shared_errand(self, share_key: str) -> SharedErrand:
        """GET /arende/{Delningsnyckel}: no session key; an unknown or withdrawn key is BackendNotFound."""
        data = self._json("GET", "/arende/" + quote(share_key, safe=""), "get shared errand")
        return sharing_parse.shared_errand(data)
