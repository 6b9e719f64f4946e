"""portal/unavailable.py: a backend error becomes the page's calm 503, or one part left out."""

import pytest
from django.http import Http404, HttpResponse
from django.test import RequestFactory

from apps.backends.errors import BackendNotFound, BackendRefused, BackendUnavailable
from portal.unavailable import part_of_page, unavailable_page

PAGE = "documents/unavailable.html"


def failing(error: Exception):
    def view(request, **kwargs):
        raise error

    return view


def test_an_unavailable_backend_gives_the_calm_page_with_when_to_try_again(settings):
    settings.BACKEND_BREAKER_COOLDOWN_SECONDS = 30
    response = unavailable_page(PAGE)(failing(BackendUnavailable("PM5 x: HTTP 503")))(RequestFactory().get("/"))
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    assert "Vi kan inte visa dina dokument just nu" in response.content.decode()


def test_any_backend_error_gives_the_calm_page_as_before():
    response = unavailable_page(PAGE)(failing(BackendRefused("no")))(RequestFactory().get("/"))
    assert response.status_code == 503


def test_not_found_may_be_a_404():
    view = unavailable_page(PAGE, not_found_is_404=True)(failing(BackendNotFound("x")))
    with pytest.raises(Http404):
        view(RequestFactory().get("/"))


def test_the_context_may_come_from_the_views_arguments():
    seen = {}

    def context(work_order_id):
        seen["id"] = work_order_id
        return {}

    unavailable_page(PAGE, context)(failing(BackendUnavailable("x")))(RequestFactory().get("/"), work_order_id=7)
    assert seen == {"id": 7}


def test_a_working_view_is_left_alone():
    view = unavailable_page(PAGE)(lambda request: HttpResponse("ok"))
    assert view(RequestFactory().get("/")).content == b"ok"


def test_a_part_of_a_page_is_left_out_when_its_backend_fails():
    assert part_of_page(lambda: (), "part").value == ()

    def down():
        raise BackendUnavailable("PM5 x: HTTP 503")

    missing = part_of_page(down, "part")
    assert missing.unavailable and missing.value is None
