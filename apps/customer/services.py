"""The tenant's backend session: obtain the key, cache the data, renew on 401.

The PM5 session key lives only in the server-side Django session (database or
Redis), never in a cookie, a URL or a log line. The session data a page needs
is read once and cached for a short while, so a page costs at most one backend
call; a change the tenant makes calls forget() so the next page reads anew.
A page that must check an id from the browser against that data before it asks
the backend about the id (``data_beside``) asks both at once when the data is
not cached, and looks at the second answer only once the id is known to be
the tenant's.

Besides, the objects the tenant may report faults on are kept much longer
(``kept_for_outage``): only the fault-report wizard reads them, and only when
PM5 cannot answer, so a tenant can still report while it is down. They are
never shown as fresh data anywhere else.
"""

import hashlib
import logging
import pickle
import threading
from collections.abc import Callable
from concurrent.futures import Future
from dataclasses import astuple, dataclass, fields, replace
from datetime import date

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext

from apps.backends import parallel
from apps.backends.download import Download
from apps.backends.errors import BackendSessionExpired
from apps.backends.pm5 import Pm5Client, SessionParts, get_client
from apps.backends.pm5.types import Errand, Notice, PortalSession, TemporaryAddress
from portal import account_state
from portal.formatting import isodate
from portal.reversing import RowUrls

logger = logging.getLogger(__name__)

SESSION_KEY_NAME = "pm5_session_key"

# What the tenant pages read. One set, so every page shares one cached answer;
# only the invoice list asks again when the tenant wants more than 12 months.
STANDARD_PARTS = SessionParts(
    customer=True,
    contact_details=True,
    economy=True,
    notices=True,
    notice_months=12,
    temporary_addresses=True,
    documents=True,
    errands=True,
    errand_rows=True,
    objects=True,
    maintenance=True,  # small, and the overview shows what is planned (apps.home)
    messages=True,  # for the overview's count of unread messages and the inbox (apps/inbox)
)


class CustomerSession:
    """The backend session of the customer linked to the logged-in account."""

    def __init__(self, request: HttpRequest, customer_number: str):
        self.request = request
        self.customer_number = customer_number

    def data(self, parts: SessionParts = STANDARD_PARTS) -> PortalSession:
        session = self._known(parts)
        return session if session is not None else self._fetched(parts)

    def data_beside[T](
        self, operation: Callable[[Pm5Client, str], T], parts: SessionParts = STANDARD_PARTS
    ) -> "tuple[PortalSession, Beside[T]]":
        """The session data, and ``operation`` (as for ``call``) asked beside it if the data has to be read.

        For a page given an id by the browser, which it may ask the backend about only
        once the session data shows the id is the tenant's. With the data cached, the
        operation waits for ``Beside.result()``: another tenant's id costs no call. Without,
        both go out at once, with one session key, and the page waits one round trip rather
        than two; the operation's answer stays unread in its ``Beside`` until the caller has
        checked the id, and is dropped (a download closed) if the caller never takes it:

            session, file = customer.data_beside(lambda client, key: client.document_file(key, file_id))
            with file:  # whatever is not taken by the end is dropped
                if not owned(session, file_id):
                    raise Http404
                return file.result()
        """
        session = self._known(parts)
        if session is not None:
            return session, Beside(self, operation)
        # One key for both: the session's, or one opened now, before either call goes out.
        key = self.request.session.get(SESSION_KEY_NAME) or self._open(get_client())
        beside = Beside(self, operation, parallel.read(lambda: operation(get_client(), key)))
        try:
            return self._fetched(parts), beside
        except BaseException:
            beside.discard()  # the data failed: nothing the other call answers is kept
            raise

    def cached_beside(self, key: str, parts: SessionParts = STANDARD_PARTS) -> object | None:
        """The cache entry ``key`` (None if there is none), read with the session data in one cache round trip.

        For a page that shows something cached on its own beside the session data: ``data()`` and
        ``data_beside()`` then find the data read already, and ask the cache no more.
        """
        if parts in self._read_in_this_request():
            return cache.get(key)
        return self._read_cache(parts, key).get(key)

    def _known(self, parts: SessionParts) -> PortalSession | None:
        """The data read already while serving this request, or cached; None if it has to be read.

        Read and decoded at most once per request, however many parts of the page ask.
        """
        read = self._read_in_this_request()
        if parts not in read:
            self._read_cache(parts)
        return read.get(parts)

    def _read_cache(self, parts: SessionParts, *keys: str) -> dict:
        """The cached session data (kept as read in this request if found) and ``keys``, in one cache round trip.

        The account's stamp comes along (portal/account_state.py): the page's own rows need no read of their own.
        """
        user = getattr(self.request, "user", None)
        stamp_keys = account_state.keys_to_read_with(user) if user is not None else []
        data_key = self._cache_key(parts)
        found = cache.get_many([data_key, *keys, *stamp_keys])
        if stamp_keys:
            account_state.read_with(user, found)
        if data_key in found:
            self._read_in_this_request()[parts] = found[data_key]
        return found

    def _fetched(self, parts: SessionParts) -> PortalSession:
        session = self.call(lambda client, key: client.get_session(key, parts))
        cache.set(self._cache_key(parts), CachedSession.packing(session), settings.CUSTOMER_SESSION_CACHE_SECONDS)
        if session.objects is not None:
            # Only the objects: the rest (economy, addresses, errands) is not needed to report a fault,
            # and personal data kept for weeks should be no more than that purpose needs.
            # Meter data and maintenance plans are not needed to report a fault either.
            objects = tuple(replace(o, maintenance=None, meter_installations=None) for o in session.objects)
            kept = PortalSession(None, None, None, None, None, None, objects=objects)
            cache.set(self._kept_key(), kept, settings.FAULT_OUTAGE_COPY_SECONDS)
        self._read_in_this_request()[parts] = session
        return session

    def kept_for_outage(self) -> PortalSession | None:
        """The last session data read with the objects in it, for the fault-report wizard while PM5 is down.

        Only ``objects`` is filled. Never use it to show the tenant their data as it is now.
        """
        return cache.get(self._kept_key())

    def forget(self) -> None:
        """Drop the cached data after a change, so the next page shows it."""
        cache.delete_many([self._cache_key(_with_months(months)) for months in (12, 24, 36)])
        read = self._read_in_this_request()
        for session in read.values():
            decoded.drop(session)
        read.clear()

    def call[T](self, operation: Callable[[Pm5Client, str], T]) -> T:
        """Run one backend operation with the session key, renewing the key once on 401.

        The operation gets the client and the key: ``call(lambda client, key: client.x(key, ...))``.
        """
        client = get_client()
        key = self.request.session.get(SESSION_KEY_NAME) or self._open(client)
        try:
            return operation(client, key)
        except BackendSessionExpired:
            logger.info("PM5 session key expired; obtaining a new one")
            return operation(client, self._open(client))

    def _open(self, client) -> str:
        key = client.open_session(customer_number=self.customer_number)
        self.request.session[SESSION_KEY_NAME] = key
        return key

    def _read_in_this_request(self) -> dict[SessionParts, PortalSession]:
        """This customer's session data already read while serving the request, by parts."""
        if self.request is None:
            return {}
        read = self.request.__dict__.setdefault("_customer_session_data", {})
        return read.setdefault(self.customer_number, {})

    def _cache_key(self, parts: SessionParts) -> str:
        # Per customer and per set of parts; hashed so the customer number is not a cache key in clear.
        raw = f"{self.customer_number}|{astuple(parts)}".encode()
        # "-parts": entries in CachedSession's form; the whole pickles an older release cached are not read.
        return "customer-session-parts:" + hashlib.sha256(raw).hexdigest()

    def _kept_key(self) -> str:
        return "customer-session-kept:" + hashlib.sha256(self.customer_number.encode()).hexdigest()


class Beside[T]:
    """An operation asked beside the session data (``CustomerSession.data_beside``), not looked at until taken.

    ``result()`` is its answer, or its error; asked now when it was not sent beside the
    data. Used as a context manager, whatever was not taken by the end is dropped: an
    operation not yet started never starts, and a download that arrives is closed.
    """

    def __init__(self, customer: CustomerSession, operation: Callable[[Pm5Client, str], T], sent: Future | None = None):
        self._customer = customer
        self._operation = operation
        self._sent = sent
        self._done = False

    def result(self) -> T:
        if self._done:
            raise RuntimeError("taken or dropped already")  # never asked again behind the caller's back
        sent, self._sent, self._done = self._sent, None, True
        if sent is None:
            return self._customer.call(self._operation)
        try:
            return sent.result()
        except BackendSessionExpired:
            # Sent with a key that had expired; the session data's call may have renewed it already.
            logger.info("PM5 session key expired; asking again")
            return self._customer.call(self._operation)

    def discard(self) -> None:
        sent, self._sent, self._done = self._sent, None, True
        if sent is not None and not sent.cancel():
            sent.add_done_callback(_close_download)

    def __enter__(self) -> "Beside[T]":
        return self

    def __exit__(self, *exc_info) -> None:
        if not self._done:
            self.discard()


def _close_download(sent: Future) -> None:
    if not sent.cancelled() and sent.exception() is None and isinstance(answer := sent.result(), Download):
        answer.close()


class CachedSession(PortalSession):
    """Session data as the cache keeps it: each part pickled on its own, decoded when a page first reads it.

    A page reads some parts only: the contact details page the customer and the contact
    details, the overview neither the documents nor the contact details. Decoding the whole
    answer (12 months of notices, every errand with its rows) took about as long as the rest
    of a cached page's own work, so a part nobody reads is never decoded.

    Each part is kept with a digest of its pickle, taken once when the data is fetched. A
    process keeps the parts it decoded lately by digest (``decoded``): the next request that
    reads the same data, this tenant's next page, finds the part already decoded. Only equal
    pickles have equal digests, so what a process keeps never outlives the data it came from:
    refreshed data has new digests, and forgotten data is fetched anew. The parts are frozen
    dataclasses and tuples, safe to share between requests.
    """

    @classmethod
    def packing(cls, session: PortalSession) -> "CachedSession":
        packed = {}
        for part in fields(PortalSession):
            data = pickle.dumps(getattr(session, part.name), pickle.HIGHEST_PROTOCOL)
            packed[part.name] = (hashlib.blake2b(data, digest_size=16).digest(), data)
        return cls._of(packed)

    @classmethod
    def _of(cls, packed: dict[str, tuple[bytes, bytes] | bytes]) -> "CachedSession":
        cached = cls.__new__(cls)
        object.__setattr__(cached, "_packed", packed)
        return cached

    def __reduce__(self):
        # Into the cache as the packed parts only, never the decoded ones.
        return (CachedSession._of, (self.__dict__["_packed"],))

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, PortalSession):
            return NotImplemented
        return all(getattr(self, part.name) == getattr(other, part.name) for part in fields(PortalSession))

    __hash__ = PortalSession.__hash__


class DecodedParts:
    """The parts this process decoded lately, by their pickle's digest; at most ``size``, the oldest go first."""

    def __init__(self, size: int):
        self.size = size
        self._parts: dict[bytes, object] = {}
        self._lock = threading.Lock()

    def get(self, digest: bytes, data: bytes) -> object:
        try:
            return self._parts[digest]
        except KeyError:
            pass
        value = pickle.loads(data)
        with self._lock:
            while len(self._parts) >= self.size:
                self._parts.pop(next(iter(self._parts)), None)
            self._parts[digest] = value
        return value

    def drop(self, session: PortalSession) -> None:
        """Forget the parts of this session data (after a change to it)."""
        packed = session.__dict__.get("_packed", {})
        with self._lock:
            for part in packed.values():
                if isinstance(part, tuple):
                    self._parts.pop(part[0], None)

    def __len__(self) -> int:
        return len(self._parts)


# Eight parts a tenant: the last 64 tenants' data.
decoded = DecodedParts(size=512)


class _Packed:
    """One part of a CachedSession, decoded from its pickle when a page first reads it.

    A descriptor on the class rather than ``__getattr__``: a part with a default (``messages``)
    is a class attribute of the dataclass, which ``__getattr__`` would never be asked about.
    Not a data descriptor, so once decoded the value in the instance is read directly.
    """

    def __init__(self, name: str):
        self.name = name

    def __get__(self, instance, owner=None):
        if instance is None:
            return self
        packed = instance.__dict__["_packed"][self.name]
        # A bare pickle: cached by a release before the digests (read until it expires).
        value = decoded.get(*packed) if isinstance(packed, tuple) else pickle.loads(packed)
        instance.__dict__[self.name] = value
        return value


for _part in fields(PortalSession):
    setattr(CachedSession, _part.name, _Packed(_part.name))


PLAIN = (str, int, float, bool, bytes, date, type(None))


def page_key(session: PortalSession, today: date, *inputs) -> tuple | None:
    """The key a page's main content is kept under (``{% kept %}``): the session data's digest, ``today``, ``inputs``.

    ``today`` is the day the page works its content out for (the one it hands its services), so a
    page rendered around midnight is not kept under the next day's key.

    ``inputs`` is everything else the content shows that the session data does not hold (a draft's
    id, a count of read messages, the months of a list), as plain values. None when the data was not
    read from the cache in this request (so has no digest): the content is then rendered as usual.
    """
    digest = data_digest(session)
    if digest is None:
        return None
    for value in inputs:
        if not isinstance(value, PLAIN):
            raise TypeError(f"page_key: inputs must be plain values, not {type(value).__name__}")
    return (digest, today, *inputs)


def data_digest(session: PortalSession) -> bytes | None:
    """One digest of all the parts of cached session data: equal only for equal data. None if not cached."""
    packed = session.__dict__.get("_packed") if isinstance(session, CachedSession) else None
    if packed is None or not all(isinstance(part, tuple) for part in packed.values()):
        return None  # fetched in this request, or cached by a release before the digests
    return b"".join(packed[part.name][0] for part in fields(PortalSession))


def _with_months(months: int) -> SessionParts:
    return replace(STANDARD_PARTS, notice_months=months)


def open_backend_session(request: HttpRequest, customer_number: str) -> None:
    """At login: obtain the key now, so the first page does not wait for it."""
    CustomerSession(request, customer_number)._open(get_client())


# --- the overview ---------------------------------------------------------------


@dataclass(frozen=True)
class Overview:
    name: str
    customer_number: str
    rent_balance: object
    invoice_balance: object
    next_notice: Notice | None
    overdue_count: int
    open_errands: tuple[Errand, ...]
    active_address: TemporaryAddress | None
    can_report_fault: bool


def overview(session: PortalSession, today: date | None = None) -> Overview:
    today = today or timezone.localdate()
    customer = session.customer
    economy = session.economy
    notices = economy.notices or () if economy else ()
    unpaid = [n for n in notices if n.amount_due > 0 and n.due_date is not None]
    upcoming = sorted((n for n in unpaid if n.due_date >= today), key=lambda n: n.due_date)
    overdue = [n for n in unpaid if n.due_date < today]
    errands = tuple(e for e in session.errands or () if e.is_open)
    addresses = session.temporary_addresses or ()
    return Overview(
        name=customer.full_name if customer else "",
        customer_number=customer.customer_number if customer else "",
        rent_balance=economy.rent_balance if economy else None,
        invoice_balance=economy.invoice_balance if economy else None,
        next_notice=upcoming[0] if upcoming else None,
        overdue_count=len(overdue),
        open_errands=tuple(sorted(errands, key=lambda e: e.received_at or timezone.now(), reverse=True)),
        active_address=next((a for a in addresses if a.is_active_on(today)), None),
        can_report_fault=any(o.can_report_fault for o in session.objects or ()),
    )


def open_errand_rows(overview: Overview) -> tuple[dict[str, object], ...]:
    """The overview's open errands with every cell written, for the card's list (plain dicts: one lookup a cell)."""
    errand_url, received = RowUrls("faults:errand"), gettext("Mottaget")
    rows = []
    for errand in overview.open_errands:
        subject = errand.rows[0].subject if errand.rows else None
        rows.append(
            {
                "url": errand_url(errand.errand_id),
                "number": errand.number,
                "has_subject": bool(subject),
                "subject": subject.label if subject else "",
                "status": errand.status_label or received,
                "received": isodate(errand.received_at),
            }
        )
    return tuple(rows)
