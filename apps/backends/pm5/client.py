"""The PM5 'Mina sidor' session API client: one method per endpoint, one module per area."""

from django.conf import settings

from apps.backends.pm5.addresses import AddressesApi
from apps.backends.pm5.economy import EconomyApi
from apps.backends.pm5.errands import ErrandsApi
from apps.backends.pm5.general import GeneralApi
from apps.backends.pm5.messages import MessagesApi
from apps.backends.pm5.offers import OffersApi
from apps.backends.pm5.session import SessionApi
from apps.backends.pm5.sharing import SharingApi


class Pm5Client(SessionApi, EconomyApi, ErrandsApi, AddressesApi, GeneralApi, OffersApi, MessagesApi, SharingApi):
    pass


def get_client() -> Pm5Client:
    return Pm5Client(
        base_url=settings.PM5_BASE_URL,
        client_id=settings.PM5_CLIENT_ID,
        client_secret=settings.PM5_CLIENT_SECRET,
        timeout=(settings.PM5_CONNECT_TIMEOUT, settings.PM5_READ_TIMEOUT),
    )
