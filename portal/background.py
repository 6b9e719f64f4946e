"""Background work sent by task name, so that a service never imports the tasks that call it.

Tasks are thin wrappers around services (tasks import services); a service that
queues work names its task instead of importing it, which would close a circle.
The task is found in Celery's registry and sent with ``delay`` as ever: with a
broker it goes to a worker, without one (CELERY_TASK_ALWAYS_EAGER) it runs right
here, on the same code path.
"""

from functools import partial
from typing import Any

from celery import Task
from django.db import transaction

from portal.celery import app


def send(task_name: str, *args: Any) -> None:
    """Send the task now: for work outside any transaction, such as the outbox sweep."""
    registered(task_name).delay(*args)


def send_on_commit(task_name: str, *args: Any) -> None:
    """Send the task once the current transaction has committed, and never if it rolls back."""
    transaction.on_commit(partial(send, task_name, *args))


def registered(task_name: str) -> Task:
    if task_name not in app.tasks:
        # A web process imports no tasks module by itself (a worker has imported them all).
        app.autodiscover_tasks(force=True)
    return app.tasks[task_name]
