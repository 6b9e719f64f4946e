"""htmx helpers for forms that check each field as the tenant types, and work without JavaScript."""

from django import forms
from django.http import HttpRequest


def check_fields_on_change(form: forms.Form, url: str) -> None:
    """htmx: a field that changes is checked by the server and comes back with its message.

    The request carries the whole form (htmx includes the enclosing form's values), so
    rules that compare fields work; only the changed field is answered. Without
    JavaScript the attributes do nothing and the form is checked when sent.
    """
    for field in form.fields.values():
        field.widget.attrs.update(
            {"hx-post": url, "hx-trigger": "change", "hx-target": "closest .field", "hx-swap": "outerHTML"}
        )


def is_field_check(request: HttpRequest) -> bool:
    """An htmx per-field check: it only reads what was typed, and never saves."""
    return request.method == "POST" and bool(request.htmx) and bool(request.htmx.trigger_name)


def field_to_check(request: HttpRequest, form: forms.Form) -> str | None:
    """The field an htmx per-field check is about, or None for an ordinary request."""
    name = request.htmx.trigger_name if is_field_check(request) else None
    return name if name in form.fields else None


def focus_first_field(form: forms.Form) -> None:
    """A form swapped in place by htmx takes the focus (htmx honours autofocus in new content),
    so keyboard and screen-reader users land in it instead of on a link that is gone."""
    first = next(iter(form.fields.values()))
    first.widget.attrs["autofocus"] = True
