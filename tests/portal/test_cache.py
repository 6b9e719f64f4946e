"""portal/cache.py: one Redis client per process and server, whichever thread or cache asks."""

import threading

from portal.cache import SharedClientRedisCache

# No connection is made: a client connects when it first sends a command.
SERVER = "redis://127.0.0.1:1/0"


def cache(location: str = SERVER, **options) -> SharedClientRedisCache:
    return SharedClientRedisCache(location, {"OPTIONS": options} if options else {})


def test_every_operation_and_both_caches_share_one_client():
    default, sessions = cache(), cache()

    assert default._cache.get_client() is default._cache.get_client(write=True)
    assert default._cache.get_client() is sessions._cache.get_client()


def test_every_thread_shares_it():
    clients = []

    def ask():
        clients.append(cache()._cache.get_client())

    threads = [threading.Thread(target=ask) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert len({id(client) for client in clients}) == 1


def test_another_server_or_other_options_get_their_own():
    shared = cache()._cache.get_client()

    assert cache("redis://127.0.0.1:1/1")._cache.get_client() is not shared
    assert cache(socket_timeout=1)._cache.get_client() is not shared
