import os

from celery import Celery

import portal.request_id  # noqa: F401  connects the signals that carry the request id to tasks

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings")

app = Celery("portal")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
