"""A person's browser for e-ID login over real HTTP: the portal and the sandbox's provider on the live server."""

import html
import re

import requests

HIDDEN = re.compile(r'<input type="hidden" name="([^"]+)" value="([^"]*)">')
CSRF = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


class EidBrowser:
    def __init__(self, base_url: str):
        self.base_url = base_url
        self.http = requests.Session()
        self.visited: list[str] = []  # every URL the browser was sent to, redirects included

    def open_provider(self) -> requests.Response:
        """The login page, then its e-ID button: lands on the provider's identify page."""
        login_page = self._remember(self.http.get(f"{self.base_url}/konto/login/"))
        token = CSRF.search(login_page.text).group(1)
        return self._remember(self.http.post(f"{self.base_url}/konto/oidc/eid/login/", {"csrfmiddlewaretoken": token}))

    def identify(self, personnummer: str, **changed: str) -> requests.Response:
        """Identify on the provider's page (changed: request fields to tamper with) and follow back to the portal."""
        return self._answer_provider({"personnummer": personnummer}, changed)

    def cancel(self) -> requests.Response:
        return self._answer_provider({"cancel": ""}, {})

    def _answer_provider(self, answer: dict, changed: dict) -> requests.Response:
        page = self.open_provider()
        assert page.status_code == 200, page.text
        fields = {name: html.unescape(value) for name, value in HIDDEN.findall(page.text)}
        return self._remember(self.http.post(page.url, {**fields, **changed, **answer}))

    def _remember(self, response: requests.Response) -> requests.Response:
        self.visited += [r.url for r in response.history] + [response.url]
        return response
