"""The processes a benchmark starts on this machine: a free port, a runserver, and stopping them.

Every benchmark that runs the portal as a process of its own uses these, so each one
starts, waits for and stops its servers the same way (loopback only).
"""

import signal
import socket
import subprocess
import sys
import time
from contextlib import contextmanager
from pathlib import Path

import requests

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextmanager
def server(env: dict, port: int, log: Path | None = None):
    """``manage.py runserver`` without the autoreloader: one process, whose pid is the server.

    Its output goes to ``log`` when given, else nowhere.
    """
    output = log.open("w") if log else subprocess.DEVNULL
    process = subprocess.Popen(
        [PYTHON, "manage.py", "runserver", "--noreload", f"127.0.0.1:{port}"],
        cwd=ROOT,
        env=env,
        stdout=output,
        stderr=output,
    )
    if log:
        output.close()  # the server holds its own copy
    try:
        wait_until_up(port, process)
        yield process
    finally:
        stop(process, signal.SIGINT)


def stop(process: subprocess.Popen, how: signal.Signals, timeout: float = 20.0) -> None:
    process.send_signal(how)
    try:
        process.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


def wait_until_up(port: int, process: subprocess.Popen, timeout: float = 60.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"the server on port {port} stopped (exit code {process.returncode})")
        try:
            requests.get(f"http://127.0.0.1:{port}/konto/login/", timeout=2)
            return
        except (requests.ConnectionError, requests.Timeout):  # a first answer can be slow on a busy machine
            time.sleep(0.2)
    raise RuntimeError(f"the server on port {port} did not start within {timeout:.0f} s")
