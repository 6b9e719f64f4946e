"""Files on S3 when the environment says so; Celery settings that lose no task."""

import pytest
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from storages.backends.s3 import S3Storage

from portal.storage import FILESYSTEM, default_storage_from_env


def test_files_go_to_the_file_system_by_default(monkeypatch):
    monkeypatch.delenv("STORAGE_BACKEND", raising=False)

    assert default_storage_from_env() == FILESYSTEM


def test_files_go_to_s3_compatible_storage_when_asked(monkeypatch):
    monkeypatch.setenv("STORAGE_BACKEND", "s3")
    monkeypatch.setenv("AWS_STORAGE_BUCKET_NAME", "minasidor-files")
    monkeypatch.setenv("AWS_S3_ENDPOINT_URL", "https://s3.nordic-cloud.example")
    monkeypatch.setenv("AWS_S3_REGION_NAME", "se-sto-1")
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", "portal")
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "secret")

    storage = default_storage_from_env()

    assert storage["BACKEND"] == "storages.backends.s3.S3Storage"
    # django-storages takes every option (it refuses unknown ones) and keeps the objects private.
    s3 = S3Storage(**storage["OPTIONS"])
    assert (s3.bucket_name, s3.endpoint_url, s3.region_name) == (
        "minasidor-files",
        "https://s3.nordic-cloud.example",
        "se-sto-1",
    )
    assert (s3.default_acl, s3.file_overwrite, s3.querystring_auth) == ("private", False, True)


def test_s3_without_a_bucket_stops_the_start(monkeypatch):
    monkeypatch.setenv("STORAGE_BACKEND", "s3")
    monkeypatch.delenv("AWS_STORAGE_BUCKET_NAME", raising=False)

    with pytest.raises(ImproperlyConfigured, match="AWS_STORAGE_BUCKET_NAME"):
        default_storage_from_env()


def test_an_unknown_storage_backend_stops_the_start(monkeypatch):
    monkeypatch.setenv("STORAGE_BACKEND", "ftp")

    with pytest.raises(ImproperlyConfigured, match="filesystem or s3"):
        default_storage_from_env()


def test_a_task_is_acknowledged_only_once_it_has_run_and_survives_a_dying_worker():
    assert settings.CELERY_TASK_ACKS_LATE is True
    assert settings.CELERY_TASK_REJECT_ON_WORKER_LOST is True
    assert settings.CELERY_WORKER_PREFETCH_MULTIPLIER == 1


def test_the_broker_waits_longer_than_the_longest_task_and_its_retry():
    from apps.faults.services.delivery import LEASE

    assert settings.CELERY_TASK_SOFT_TIME_LIMIT < settings.CELERY_TASK_TIME_LIMIT <= LEASE.total_seconds()
    visibility = settings.CELERY_BROKER_TRANSPORT_OPTIONS["visibility_timeout"]
    assert visibility > settings.FAULT_RETRY_MAX_SECONDS + settings.CELERY_TASK_TIME_LIMIT
