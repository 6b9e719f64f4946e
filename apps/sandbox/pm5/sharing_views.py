"""Hämta ett ärende by Delningsnyckel (000:711), and the sandbox's own endpoints that make and withdraw a key.

The seed reads an errand by share key without a session, but never says how a
key comes about (A30). The sandbox defines, not part of PM5:

    POST   /session/{key}/arende/{ÄrendeId}/delningsnyckel                  → {"Delningsnyckel": "…"}
    DELETE /session/{key}/arende/{ÄrendeId}/delningsnyckel/{Delningsnyckel} → Felmeddelande, fields null

An errand that is not the session customer's, or a key that is not that
errand's, is 404 (A02). A withdrawn key reads as unknown: 404.
"""

from django.http import HttpRequest, HttpResponse
from django.utils import timezone

from apps.sandbox.http import json_response
from apps.sandbox.models import Errand, ErrandShareKey, SessionKey
from apps.sandbox.pm5.auth import session_required
from apps.sandbox.pm5.serializers.errands import single_errand
from apps.sandbox.pm5.wire import PM5, SUCCESS, felmeddelande


@PM5.endpoint
@PM5.allow("POST")
@session_required
def create_share_key(request: HttpRequest, session: SessionKey, errand_id: str) -> HttpResponse:
    errand = Errand.objects.filter(pk=int(errand_id), customer=session.customer).first()
    if errand is None:
        return felmeddelande(404, "ArendeSaknas", "Det finns inget sådant ärende.")
    share = ErrandShareKey.objects.create(errand=errand)
    return json_response({"Delningsnyckel": share.key})


@PM5.endpoint
@PM5.allow("DELETE")
@session_required
def revoke_share_key(request: HttpRequest, session: SessionKey, errand_id: str, share_key: str) -> HttpResponse:
    revoked = ErrandShareKey.objects.filter(
        key=share_key, errand_id=int(errand_id), errand__customer=session.customer, revoked_at__isnull=True
    ).update(revoked_at=timezone.now())
    if not revoked:
        return felmeddelande(404, "DelningSaknas", "Det finns ingen sådan delning.")
    return json_response(SUCCESS)


@PM5.endpoint
@PM5.allow("GET")
def shared_errand(request: HttpRequest, share_key: str) -> HttpResponse:
    """GET /arende/{Delningsnyckel}: the bare Ärende (A10), as Hämta ett ärende answers it."""
    share = ErrandShareKey.objects.filter(key=share_key, revoked_at__isnull=True).select_related("errand").first()
    if share is None:
        return felmeddelande(404, "ArendeSaknas", "Det finns inget sådant ärende.")
    return json_response(single_errand(share.errand))
