"""Django's Redis cache, with one Redis client per process and server instead of one per operation.

Django's RedisCache builds a new ``redis.Redis`` object for every get and set, and each
thread's copy of each cache (``caches`` is per thread) keeps a connection pool of its own:
with gthread workers that is a client object per cache operation and a pool per thread and
cache. Building a client is not free (redis-py fills a table of about 170 response callbacks
each time); the profile of a cached tenant page showed four of them per request. Here every
thread and both caches (the default and the sessions') of one process share one client and its
pool per server, which redis-py makes thread-safe and fork-safe (a pool checks its pid and
starts afresh in a forked child).
"""

import threading

from django.core.cache.backends.redis import RedisCache, RedisCacheClient

_clients: dict[tuple, object] = {}
_lock = threading.Lock()


class SharedClientRedisCacheClient(RedisCacheClient):
    def __init__(self, servers, serializer=None, pool_class=None, parser_class=None, **options):
        super().__init__(servers, serializer, pool_class, parser_class, **options)
        # Two caches share a client only when they would build the same pool.
        self._sharing = (repr(pool_class), repr(parser_class), repr(sorted(options.items())))

    def get_client(self, key=None, *, write=False):
        server = self._servers[self._get_connection_pool_index(write)]
        shared = (server, *self._sharing)
        client = _clients.get(shared)
        if client is None:
            with _lock:
                client = _clients.get(shared)
                if client is None:
                    pool = self._pool_class.from_url(server, **self._pool_options)
                    client = _clients[shared] = self._client(connection_pool=pool)
        return client


class SharedClientRedisCache(RedisCache):
    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = SharedClientRedisCacheClient
