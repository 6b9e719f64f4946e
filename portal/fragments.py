"""``{% fragment %}``: a piece of a template rendered once per process for each set of inputs.

Much of every page is the same for every request of its kind: the site's navigation (its
links and translated labels) differs only by the section, the kind of account and the
language; the language choices in the footer only by the language. Rendering them — a
dozen ``{% url %}`` and some thirty ``{% translate %}`` — was most of the time base.html took
(README, Benchmarks: throughput). The tag renders its body once per name, active language and
inputs, and answers the kept HTML after that:

    {% fragment "site-nav" section=request.resolver_match.namespace staff=user.is_staff %}
      ... only section, staff, {% url %}, {% translate %}, {% static %} ...
    {% endfragment %}

The body sees nothing but its inputs (no request, user, csrf token or context processor), so
what is kept cannot carry one person's data, and a body that needs something else fails to
show it in every test instead of showing somebody else's. Inputs are plain values (text,
numbers, booleans, None), compared by value. At most 1024 pieces are kept per process.
"""

from django import template
from django.conf import settings
from django.template.base import Node, NodeList, Parser, Token, token_kwargs
from django.template.loader_tags import BlockNode
from django.urls import get_script_prefix, get_urlconf
from django.utils import translation

from portal.kept import Kept

register = template.Library()

PLAIN = (str, int, float, bool, type(None))


kept = Kept(size=1024)  # pieces of HTML


class FragmentNode(Node):
    # Its body is not searched for nodes: a page that extends base.html has Django look for
    # {% block %} tags through the whole of base.html on every render, and a body only ever
    # holds what is the same for every request, never a block (which would be kept too).
    child_nodelists = ()

    def __init__(self, name: str, inputs: dict, nodelist: NodeList):
        self.name = name
        self.inputs = inputs
        self.nodelist = nodelist

    def render(self, context) -> str:
        values = {name: value.resolve(context) for name, value in self.inputs.items()}
        for name, value in values.items():
            if not isinstance(value, PLAIN):
                raise template.TemplateSyntaxError(
                    f"fragment {self.name!r}: input {name!r} must be a plain value, not {type(value).__name__}"
                )
        # One tag always lists its inputs in the same order: no need to sort them for the key.
        inputs = tuple(values.items())
        key = (self.name, translation.get_language(), page_urls(context), inputs)
        html = kept.get(key)
        if html is None:
            html = self.nodelist.render(context.new(values))
            kept.keep(key, html)
        return html


def page_urls(context) -> tuple:
    """What {% url %} inside depends on: the request's URLconf and script prefix, looked up once per page.

    Both are set for the whole request before any template renders; asking asgiref's Local for
    them took most of the time of a fragment already kept, and a page has about ten.
    """
    urls = context.render_context.get(page_urls)
    if urls is None:
        urls = context.render_context[page_urls] = (get_urlconf() or settings.ROOT_URLCONF, get_script_prefix())
    return urls


def parse_named_body(parser: Parser, token: Token) -> tuple[str, dict, NodeList]:
    """``{% tag "name" a=b ... %}body{% endtag %}``: its name, its name=value inputs and its body."""
    bits = token.split_contents()
    tag = bits[0]
    if len(bits) < 2 or bits[1][0] not in "\"'" or bits[1][-1] != bits[1][0]:
        raise template.TemplateSyntaxError(f"{{% {tag} %}} takes a quoted name, then name=value inputs")
    inputs = token_kwargs(bits[2:], parser, support_legacy=False)
    if len(inputs) != len(bits) - 2:
        raise template.TemplateSyntaxError(f"{tag} {bits[1]}: inputs are name=value pairs")
    nodelist = parser.parse((f"end{tag}",))
    parser.delete_first_token()
    return bits[1][1:-1], inputs, nodelist


@register.tag
def fragment(parser: Parser, token: Token) -> FragmentNode:
    name, inputs, nodelist = parse_named_body(parser, token)
    if nodelist.get_nodes_by_type(BlockNode):
        # A page's {% block %} inside would be kept as the first page filled it, and a child
        # template's version never looked for (FragmentNode.child_nodelists).
        raise template.TemplateSyntaxError(f"fragment {name!r}: a {{% block %}} cannot be inside a fragment")
    return FragmentNode(name, inputs, nodelist)


@register.filter
def truthy(value) -> bool:
    """True or False, for a fragment's input: ``linked=user.customer_link|truthy``."""
    return bool(value)
