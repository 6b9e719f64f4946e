"""Kobo's error answers. The seed names Bolig401/404/502/503Response without their bodies (K2):
the sandbox answers ``{"status", "feilkode", "melding"}``, and clients rely on the status code."""

from django.http import HttpResponse

from apps.sandbox.http import Api, json_response


def error(status: int, code: str, message: str) -> HttpResponse:
    return json_response({"status": status, "feilkode": code, "melding": message}, status=status)


KOBO = Api(
    error,
    wrong_method_code="METODE_IKKE_TILLATT",
    wrong_method_message="Bare {methods} er støttet her.",
    bad_request_code="UGYLDIG_FORESPORSEL",
    not_json_message="Kroppen er ikke JSON.",
    not_an_object_message="Kroppen må være et JSON-objekt.",
)
