"""{% kept %}: a tenant page's content rendered once per process for each key, seeing nothing but its inputs."""

from datetime import date

import pytest
from django.template import Context, Template, TemplateSyntaxError
from django.utils import translation

from apps.backends.pm5.types import CustomerInfo, PortalSession
from apps.customer.services import CachedSession, page_key
from apps.customer.templatetags import kept_pages

TODAY = date(2026, 12, 4)


@pytest.fixture(autouse=True)
def _nothing_kept():
    kept_pages.kept_pages.clear()
    yield
    kept_pages.kept_pages.clear()


def render(source: str, **context) -> str:
    return Template("{% load i18n kept_pages %}" + source).render(Context(context))


class Counted:
    """A value that counts how often a template reads it."""

    def __init__(self):
        self.reads = 0

    @property
    def value(self) -> int:
        self.reads += 1
        return self.reads


def test_it_renders_its_body_once_for_the_same_key_and_never_works_out_its_inputs_again():
    source = '{% kept "page" key=key counted=counted %}[{{ counted.value }}]{% endkept %}'
    counted = Counted()

    first = render(source, key=("digest", TODAY), counted=counted)
    again = render(source, key=("digest", TODAY), counted=counted)

    assert first == again == "[1]"
    assert counted.reads == 1


def test_another_key_renders_anew():
    source = '{% kept "page" key=key counted=counted %}[{{ counted.value }}]{% endkept %}'
    counted = Counted()

    assert render(source, key=("digest", TODAY), counted=counted) == "[1]"
    assert render(source, key=("other digest", TODAY), counted=counted) == "[2]"


def test_without_a_key_it_renders_every_time_and_keeps_nothing():
    source = '{% kept "page" key=key counted=counted %}[{{ counted.value }}]{% endkept %}'
    counted = Counted()

    assert render(source, key=None, counted=counted) == "[1]"
    assert render(source, key=None, counted=counted) == "[2]"
    assert not len(kept_pages.kept_pages)


def test_the_body_never_sees_the_request_the_user_or_anything_not_given_to_it():
    source = '{% kept "private" key=key %}[{{ user.email }}{{ request.path }}{{ csrf_token }}]{% endkept %}'

    html = render(
        source, key=("digest",), user={"email": "alice@example.se"}, request={"path": "/"}, csrf_token="secret"
    )

    assert html == "[]"


def test_each_language_gets_its_own_copy():
    source = '{% kept "language" key=key %}{% translate "Språk" %}{% endkept %}'

    with translation.override("sv"):
        swedish = render(source, key=("digest",))
    with translation.override("en"):
        english = render(source, key=("digest",))

    assert (swedish, english) == ("Språk", "Language")


def test_it_keeps_at_most_max_kept_pieces(monkeypatch):
    monkeypatch.setattr(kept_pages.kept_pages, "size", 3)
    for number in range(5):
        render('{% kept "page" key=key %}x{% endkept %}', key=(number,))

    assert len(kept_pages.kept_pages) == 3


def session(name: str) -> PortalSession:
    first, last = name.split()
    return PortalSession(CustomerInfo(first, last, "15555"), None, None, None, None, None, None)


def cached(data: PortalSession) -> CachedSession:
    """As a page reads it from the cache: packed, with a digest a part."""
    import pickle

    return pickle.loads(pickle.dumps(CachedSession.packing(data)))


def test_the_key_is_the_same_only_for_the_same_session_data_and_inputs():
    alice, bob = session("Alice Andersson"), session("Bob Berg")

    assert page_key(cached(alice), TODAY, 12) == page_key(cached(alice), TODAY, 12)
    assert page_key(cached(alice), TODAY, 12) != page_key(cached(bob), TODAY, 12)
    assert page_key(cached(alice), TODAY, 12) != page_key(cached(alice), TODAY, 36)
    assert page_key(cached(alice), TODAY, 12) != page_key(cached(alice), date(2026, 12, 5), 12)


def test_data_read_from_the_backend_in_this_request_has_no_key():
    assert page_key(session("Alice Andersson"), TODAY) is None


def test_a_key_takes_plain_values_only():
    with pytest.raises(TypeError):
        page_key(cached(session("Alice Andersson")), TODAY, ["not", "plain"])


def test_a_changed_setting_forgets_every_kept_piece(settings):
    render('{% kept "page" key=key %}x{% endkept %}', key=("digest",))

    settings.LANDLORD_NAME = "Bostadsbolaget AB"

    assert not len(kept_pages.kept_pages)


@pytest.mark.parametrize(
    "source",
    [
        '{% kept "overview" overview=overview %}{% endkept %}',  # no key: it would be kept for everybody
        "{% kept overview key=key %}{% endkept %}",
        '{% kept "overview" key %}{% endkept %}',
    ],
)
def test_it_wants_a_quoted_name_a_key_and_named_inputs(source):
    with pytest.raises(TemplateSyntaxError):
        Template("{% load kept_pages %}" + source)
