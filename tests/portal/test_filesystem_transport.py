"""The embedded default's broker folder: a worker never reads a message that is still being written."""

import os

import pytest
from celery import Celery
from kombu import Connection
from kombu.transport.virtual.base import Empty

from portal import filesystem_transport
from tests.portal.test_settings import _settings_value


@pytest.fixture
def channel(tmp_path):
    folders = {"data_folder_in": str(tmp_path), "data_folder_out": str(tmp_path)}
    with Connection(transport=filesystem_transport.Transport, transport_options=folders) as connection:
        yield connection.default_channel


def test_a_message_goes_through_whole(channel, tmp_path):
    channel._put("celery", {"task": "faults.sweep_outbox", "body": "x" * 10_000})

    assert channel._get("celery") == {"task": "faults.sweep_outbox", "body": "x" * 10_000}
    assert os.listdir(tmp_path) == []


def test_while_a_message_is_written_a_worker_finds_nothing_to_read(channel, tmp_path, monkeypatch):
    """kombu's own transport made the message's file first and wrote it after: a worker could
    take it empty, die of the JSONDecodeError, and the message was lost."""
    seen_while_writing = []
    real_replace = os.replace

    def replace_after_a_look(source, target):
        seen_while_writing.append(sorted(os.listdir(tmp_path)))
        with pytest.raises(Empty):
            channel._get("celery")  # a worker polling at that very moment
        real_replace(source, target)

    monkeypatch.setattr(filesystem_transport.os, "replace", replace_after_a_look)
    channel._put("celery", {"task": "faults.deliver_fault_report"})

    [[partial]] = seen_while_writing
    assert partial.startswith(".") and partial.endswith(".celery.msg.part")
    assert channel._get("celery") == {"task": "faults.deliver_fault_report"}


def test_the_file_broker_of_the_embedded_default_uses_it(tmp_path):
    transport = _settings_value(
        "s.CELERY_BROKER_TRANSPORT", CELERY_BROKER_URL="filesystem://", PORTAL_VAR_DIR=str(tmp_path)
    )

    assert transport == "portal.filesystem_transport:Transport"
    app = Celery(broker="filesystem://", set_as_current=False)
    app.conf.broker_transport = transport
    with app.connection_for_write() as connection:
        assert isinstance(connection.transport, filesystem_transport.Transport), "the setting beats the URL's scheme"
