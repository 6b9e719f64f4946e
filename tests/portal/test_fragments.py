"""{% fragment %}: pieces of a template rendered once per language and inputs, seeing nothing else."""

import pytest
from django.template import Context, Template, TemplateSyntaxError
from django.utils import translation

from portal import fragments


@pytest.fixture(autouse=True)
def _nothing_kept():
    fragments.kept.clear()
    yield
    fragments.kept.clear()


def render(source: str, **context) -> str:
    return Template(source).render(Context(context))


def test_it_renders_its_body_once_for_the_same_inputs():
    source = '{% fragment "counted" section=section %}{{ section }}-{{ counter.next }}{% endfragment %}'
    counter = iter(range(100))
    counting = type("Counter", (), {"next": property(lambda self: next(counter))})()

    first = render(source, section="invoices", counter=counting)
    again = render(source, section="invoices", counter=counting)

    assert first == again == "invoices-"  # the body sees only its inputs: counter is not one of them
    assert len(fragments.kept) == 1


def test_other_inputs_render_anew():
    source = (
        '{% fragment "nav" section=section staff=staff %}{{ section }}{% if staff %} staff{% endif %}{% endfragment %}'
    )

    assert render(source, section="invoices", staff=False) == "invoices"
    assert render(source, section="faults", staff=False) == "faults"
    assert render(source, section="faults", staff=True) == "faults staff"


def test_the_body_never_sees_the_request_or_the_user():
    source = '{% fragment "private" %}[{{ user.email }}{{ request.path }}{{ csrf_token }}]{% endfragment %}'

    html = render(source, user={"email": "alice@example.se"}, request={"path": "/fakturor/"}, csrf_token="secret")

    assert html == "[]"


def test_each_language_gets_its_own_piece():
    source = '{% load i18n %}{% fragment "language" %}{% translate "Språk" %}{% endfragment %}'

    with translation.override("sv"):
        swedish = render(source)
    with translation.override("en"):
        english = render(source)

    assert swedish == "Språk"
    assert english == "Language"


def test_an_input_must_be_a_plain_value():
    source = '{% fragment "nav" user=user %}{% endfragment %}'

    with pytest.raises(TemplateSyntaxError, match="plain value"):
        render(source, user=object())


def test_truthy_turns_an_object_into_a_plain_input():
    source = '{% fragment "linked" linked=link|truthy %}{{ linked }}{% endfragment %}'

    assert render(source, link=object()) == "True"
    assert render(source, link=None) == "False"


@pytest.mark.parametrize(
    "source",
    [
        "{% fragment %}{% endfragment %}",
        "{% fragment nav %}{% endfragment %}",
        '{% fragment "nav" section %}{% endfragment %}',
    ],
)
def test_it_wants_a_quoted_name_and_named_inputs(source):
    with pytest.raises(TemplateSyntaxError):
        Template(source)


def test_it_keeps_a_bounded_number_of_pieces(monkeypatch):
    monkeypatch.setattr(fragments.kept, "size", 3)
    source = '{% fragment "numbered" number=number %}{{ number }}{% endfragment %}'

    for number in range(10):
        assert render(source, number=number) == str(number)

    assert len(fragments.kept) == 3


def test_a_language_switched_within_the_page_gets_its_own_piece():
    source = (
        '{% load i18n %}{% fragment "language" %}{% translate "Språk" %}{% endfragment %}'
        '{% language "en" %}/{% fragment "language" %}{% translate "Språk" %}{% endfragment %}{% endlanguage %}'
    )

    with translation.override("sv"):
        assert render(source) == "Språk/Language"


def test_another_script_prefix_gets_its_own_piece():
    from django.urls import get_script_prefix, set_script_prefix

    source = '{% fragment "link" %}{% url "accessibility" %}{% endfragment %}'
    before = get_script_prefix()
    try:
        set_script_prefix("/portal/")
        mounted = render(source)
    finally:
        set_script_prefix(before)

    assert mounted == "/portal/tillganglighet/"
    assert render(source) == "/tillganglighet/"


def test_a_block_cannot_be_inside_one():
    """A child template's block would never replace it: the page would show the first filling to everybody."""
    with pytest.raises(TemplateSyntaxError, match="block"):
        Template('{% fragment "head" %}{% block title %}{% endblock %}{% endfragment %}')


def test_a_changed_setting_forgets_every_kept_piece(settings):
    """What a piece shows may come from settings ({% static %}, {% url %}); tests change them, a process never does."""
    render('{% fragment "nav" %}x{% endfragment %}')

    settings.STATIC_URL = "/elsewhere/"

    assert len(fragments.kept) == 0
