"""The benchmarks' count of the HTTP requests the portal sends, whichever backend they go to."""

import requests


class Calls:
    def __init__(self):
        self.count = 0
        real = requests.Session.request

        def counting(session, method, url, *args, **kwargs):
            self.count += 1
            return real(session, method, url, *args, **kwargs)

        requests.Session.request = counting

    def during(self, action) -> tuple[int, object]:
        before = self.count
        result = action()
        return self.count - before, result
