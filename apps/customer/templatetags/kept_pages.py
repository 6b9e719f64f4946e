"""``{% kept %}``: a tenant page's main content rendered once per process for each set of its inputs.

Most of a cached tenant page's own time went to rendering what its session data shows, and the
same data renders the same HTML: the tenant's next look at the page differs in nothing but the
layout's CSRF token and messages, which stay outside. The view computes the page's key with
``apps.customer.services.page_key`` from everything the content depends on (the digest of the
session data it read, today's date, and whatever else it shows: the draft to resume, the count of
unread messages, the months of the list); the tag adds the language and the URLconf, and answers
the kept HTML while the key is the same:

    {% kept "overview" key=kept_key overview=page.overview draft=draft %}
      ... only overview, draft, {% url %}, {% translate %} ...
    {% endkept %}

As with ``{% fragment %}`` the body sees nothing but its inputs (no request, user, CSRF token or
context processor), so nothing outside the key can slip in; the inputs are resolved only when the
body is rendered, so a page whose content is kept does not compute them. A key of None (session
data read from the backend in this very request, without a digest) renders the body every time.
Two tenants share a kept piece only if their keys are equal, which takes equal session data. At
most 256 pieces are kept per process, the oldest go first.
"""

from django import template
from django.template.base import Node, NodeList, Parser, Token
from django.utils import translation

from portal.fragments import page_urls, parse_named_body
from portal.kept import Kept

register = template.Library()

kept_pages = Kept(size=256)  # whole page contents, 5–30 KB each


class KeptNode(Node):
    def __init__(self, name: str, key, inputs: dict, nodelist: NodeList):
        self.name = name
        self.key = key
        self.inputs = inputs
        self.nodelist = nodelist

    def render(self, context) -> str:
        key = self.key.resolve(context)
        if key is not None:
            if not isinstance(key, tuple):
                raise template.TemplateSyntaxError(f"kept {self.name!r}: key must be a tuple from page_key()")
            key = (self.name, translation.get_language(), page_urls(context), key)
            html = kept_pages.get(key)
            if html is not None:
                return html
        html = self.nodelist.render(context.new({name: value.resolve(context) for name, value in self.inputs.items()}))
        if key is not None:
            kept_pages.keep(key, html)
        return html


@register.tag
def kept(parser: Parser, token: Token) -> KeptNode:
    name, inputs, nodelist = parse_named_body(parser, token)
    if "key" not in inputs:
        raise template.TemplateSyntaxError(f"kept {name!r}: takes key=... besides its inputs")
    return KeptNode(name, inputs.pop("key"), inputs, nodelist)
