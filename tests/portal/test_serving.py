"""The production server: gunicorn with gthread workers, configured in portal/gunicorn.conf.py."""

import os
import signal
import socket
import subprocess
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
GUNICORN = str(ROOT / ".venv" / "bin" / "gunicorn")


def gunicorn_config(**env: str) -> dict[str, str]:
    result = subprocess.run(
        [GUNICORN, "--print-config", "-c", "portal/gunicorn.conf.py"],
        cwd=ROOT,
        env={**os.environ, **env},
        capture_output=True,
        text=True,
        check=True,
    )
    pairs = (line.split("=", 1) for line in result.stdout.splitlines() if "=" in line)
    return {name.strip(): value.strip() for name, value in pairs}


def test_it_serves_with_threads_and_recycles_its_processes():
    config = gunicorn_config()

    assert config["worker_class"] == "gthread"
    assert config["wsgi_app"] == "portal.wsgi:application"
    assert int(config["threads"]) > 1
    assert int(config["max_requests"]) > 0 and int(config["max_requests_jitter"]) > 0
    assert int(config["graceful_timeout"]) >= 30
    # Several on one machine: no shared control socket; the portal logs requests itself.
    assert config["control_socket_disable"] == "True"
    assert config["accesslog"] == "None"


def test_its_timeout_outlasts_a_backend_call_and_its_retry():
    config = gunicorn_config(PM5_CONNECT_TIMEOUT="5", PM5_READ_TIMEOUT="30")

    assert int(config["timeout"]) > 2 * (5 + 30)


def test_it_is_configured_from_the_environment():
    config = gunicorn_config(WEB_WORKERS="3", WEB_THREADS="4", WEB_BIND="127.0.0.1:9000")

    assert (config["workers"], config["threads"], config["bind"]) == ("3", "4", "['127.0.0.1:9000']")


def test_gunicorn_serves_the_portal_and_stops_cleanly_on_sigterm(tmp_path):
    with socket.create_server(("127.0.0.1", 0)) as probe:
        port = probe.getsockname()[1]
    env = {**os.environ, "PORTAL_ENV": "demo", "PORTAL_VAR_DIR": str(tmp_path), "WEB_WORKERS": "1"}
    env.pop("DJANGO_SETTINGS_MODULE", None)
    server = subprocess.Popen(
        [GUNICORN, "-c", "portal/gunicorn.conf.py", "--bind", f"127.0.0.1:{port}"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        body = _get_when_up(f"http://127.0.0.1:{port}/healthz")
        assert body == b'{"status": "ok"}'
    finally:
        server.send_signal(signal.SIGTERM)
        assert server.wait(timeout=30) == 0


def test_serve_knows_its_roles():
    result = subprocess.run([str(ROOT / "scripts" / "serve"), "nonsense"], capture_output=True, text=True)

    assert result.returncode == 2
    assert "usage: scripts/serve [all|release|web|worker|beat]" in result.stderr


def _get_when_up(url: str, timeout: float = 30.0) -> bytes:
    deadline = time.monotonic() + timeout
    while True:
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                return response.read()
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.2)
