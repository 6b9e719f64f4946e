from django.http import HttpRequest, HttpResponse  # noqa: F401
