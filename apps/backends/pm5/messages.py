"""Messages from the landlord: Hämta en bilaga (000:560-577). The messages themselves come with the session."""

from apps.backends.download import Download
from apps.backends.pm5.base import Pm5Base
from apps.backends.pm5.wrapped_file import WrappedFile

JSON = "application/json"


class MessagesApi(Pm5Base):
    def message_attachment(self, key: str, message_id: int, external_id: int) -> Download:
        """GET /session/{key}/notifieringBilagaFil/{MeddelandeId}/{ExterntId}, streamed.

        ``message_id`` is NotifieringBilaga.MeddelandeUtgåendeId, ``external_id`` its
        ExterntId. The answer is a NotifieringBilagaFil, JSON with the bytes in base64
        (A28), decoded as it arrives; a backend that sends the raw bytes with their
        Content-Type instead, as its other file endpoints do, is read as they are.
        An attachment that is not the session customer's is BackendNotFound.
        """
        endpoint = "get message attachment"
        path = self._session_path(key, "notifieringBilagaFil", str(int(message_id)), str(int(external_id)))
        response = self._send("GET", path, endpoint, accept=f"{JSON}, */*;q=0.5", stream=True)
        download = Download(response, where=f"PM5 {endpoint}")
        if download.mime_type != JSON:
            return download
        return WrappedFile(response, where=f"PM5 {endpoint}")
