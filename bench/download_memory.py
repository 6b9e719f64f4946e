"""Peak memory of the portal process while a tenant downloads a 20+ MB document, against a 100 KB one.

    .venv/bin/python bench/download_memory.py [--rounds 3] [--max-extra-mb 8]

What it does, all on 127.0.0.1 and in a scratch folder that it removes again:

1. Builds the small demo company in a fresh SQLite database (migrate, sandbox_demo_data).
2. Starts two server processes from this checkout: the sandbox (the backend) and the
   portal, whose PM5_BASE_URL points at the sandbox. Only the portal is measured, so
   the backend's own work (making the scanned drawing on its first download, reading
   files) is not counted against the portal.
3. Logs in as demo customer 1 and opens the documents page (the session data is then
   cached), downloads each file once to warm up, and then, for each round and file,
   resets the portal's peak resident memory (Linux: /proc/PID/clear_refs) and downloads
   the file through the portal, reading it in 64 KB pieces and throwing them away.
4. Prints, per file, its size and how far the portal's peak rose above its resident
   memory before the download; and whether the large file stayed within --max-extra-mb
   of the small one (exit code 1 if not).

The portal streams: it hands the backend's answer on chunk by chunk, so the peak
should not depend on the size of the file.
"""

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

import requests

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
sys.path.insert(0, str(Path(__file__).resolve().parent))  # the shared bench/processes.py, however this is loaded
from processes import free_port, server  # noqa: E402

LOGIN = ("hyresgast@example.se", "Hyresgast-demo-1")
MIB = 1024 * 1024


@dataclass
class Sample:
    name: str
    size: int
    before_kib: int
    peak_kib: int
    seconds: float

    @property
    def rise_kib(self) -> int:
        return self.peak_kib - self.before_kib


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=3, help="downloads of each file to measure (default 3)")
    parser.add_argument("--max-extra-mb", type=float, default=8.0, help="allowed extra peak (MiB) for the large file")
    args = parser.parse_args()
    if not Path("/proc/self/status").exists():
        print("This benchmark reads /proc and runs on Linux only.", file=sys.stderr)
        return 2

    scratch = Path(tempfile.mkdtemp(prefix="mina-sidor-bench-"))
    env = os.environ | {
        "PORTAL_ENV": "demo",
        "DEBUG": "false",
        "PORTAL_VAR_DIR": str(scratch),
        "DJANGO_SETTINGS_MODULE": "portal.settings",
        "LOG_LEVEL": "WARNING",
    }
    env.pop("DATABASE_URL", None)
    env.pop("REDIS_URL", None)
    try:
        print(f"Building the small demo in {scratch} ...", flush=True)
        manage(env, "migrate", "--no-input", "-v", "0")
        manage(env, "sandbox_demo_data", "--size", "small")
        backend_port, portal_port = free_port(), free_port()
        env |= {"PM5_BASE_URL": f"http://127.0.0.1:{backend_port}/sandbox/pm5"}  # the portal calls the other process
        with server(env, backend_port), server(env, portal_port) as portal:
            samples = measure(portal, f"http://127.0.0.1:{portal_port}", args.rounds)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    return report(samples, args.max_extra_mb)


def measure(portal: subprocess.Popen, base: str, rounds: int) -> list[Sample]:
    browser = log_in(base)
    page = browser.get(f"{base}/dokument/", timeout=30)
    page.raise_for_status()
    files = {
        "Spis och ugn (bruksanvisning)": link_to(page.text, "Spis och ugn"),
        "Planritning (skannad)": link_to(page.text, "Planritning 142-043-01"),
    }
    for url in files.values():  # warm up: code paths, connections, and the backend makes the drawing
        download(browser, base + url)
    samples = []
    for _ in range(rounds):
        for name, url in files.items():
            before = reset_peak(portal.pid)
            started = time.perf_counter()
            sampler = PeakSampler(portal.pid)  # in case clear_refs is not allowed here
            with sampler:
                size = download(browser, base + url)
            peak = max(read_status(portal.pid)["VmHWM"], sampler.peak)
            samples.append(Sample(name, size, before, peak, time.perf_counter() - started))
    return samples


def report(samples: list[Sample], max_extra_mb: float) -> int:
    print()
    print(f"{'file':<32} {'size':>11} {'RSS before':>13} {'peak':>13} {'peak rise':>12} {'time':>7}")
    for s in samples:
        print(
            f"{s.name:<32} {s.size / MIB:>8.2f} MiB {s.before_kib / 1024:>9.1f} MiB {s.peak_kib / 1024:>9.1f} MiB "
            f"{s.rise_kib / 1024:>8.2f} MiB {s.seconds:>6.2f}s"
        )
    by_name: dict[str, list[Sample]] = {}
    for s in samples:
        by_name.setdefault(s.name, []).append(s)
    (small_name, small), (large_name, large) = sorted(by_name.items(), key=lambda item: item[1][0].size)
    small_rise = max(s.rise_kib for s in small) / 1024
    large_rise = max(s.rise_kib for s in large) / 1024
    extra = large_rise - small_rise
    ratio = large[0].size / small[0].size
    print()
    print(
        f"The large file is {ratio:.0f} times the small one ({large[0].size / MIB:.1f} MiB vs {small[0].size / 1024:.0f} KiB)."
    )
    print(f"Largest peak rise: {small_rise:.2f} MiB for the small file, {large_rise:.2f} MiB for the large one.")
    within = extra <= max_extra_mb
    verdict = "within" if within else "NOT within"
    print(f"The large download costs {extra:+.2f} MiB more: {verdict} the allowed {max_extra_mb:.1f} MiB.")
    return 0 if within else 1


# --- the servers ---------------------------------------------------------------------------


def manage(env: dict, *args: str) -> None:
    subprocess.run([PYTHON, "manage.py", *args], cwd=ROOT, env=env, check=True, stdout=subprocess.DEVNULL)


# --- the browser ---------------------------------------------------------------------------


def log_in(base: str) -> requests.Session:
    browser = requests.Session()
    page = browser.get(f"{base}/konto/login/", timeout=30)
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text).group(1)
    response = browser.post(
        f"{base}/konto/login/",
        data={"login": LOGIN[0], "password": LOGIN[1], "csrfmiddlewaretoken": token},
        headers={"Referer": f"{base}/konto/login/"},
        timeout=30,
    )
    if "/konto/login/" in response.url:
        raise RuntimeError("could not log in as the demo tenant")
    return browser


def link_to(html: str, label: str) -> str:
    match = re.search(rf'<a href="(/dokument/\d+/)">{re.escape(label)}</a>', html)
    if match is None:
        raise RuntimeError(f"no download link for {label!r} on the documents page")
    return match.group(1)


def download(browser: requests.Session, url: str) -> int:
    """Read the file as a browser saving it would, piece by piece; return its size."""
    size = 0
    with browser.get(url, stream=True, timeout=120) as response:
        response.raise_for_status()
        for chunk in response.iter_content(64 * 1024):
            size += len(chunk)
    return size


# --- the measurement -------------------------------------------------------------------------


def read_status(pid: int) -> dict[str, int]:
    """VmRSS (resident now) and VmHWM (peak resident) of a process, in KiB."""
    values = {}
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        name, _, rest = line.partition(":")
        if name in ("VmRSS", "VmHWM"):
            values[name] = int(rest.split()[0])
    return values


def reset_peak(pid: int) -> int:
    """Set the process's peak back to its resident memory now (Linux 4.0+); returns that, in KiB."""
    try:
        Path(f"/proc/{pid}/clear_refs").write_text("5")
    except OSError:
        pass  # PeakSampler still sees the peak, a little less exactly
    return read_status(pid)["VmRSS"]


class PeakSampler:
    """Reads the process's resident memory every millisecond while the download runs."""

    def __init__(self, pid: int):
        self.pid = pid
        self.peak = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        while not self._stop.is_set():
            self.peak = max(self.peak, read_status(self.pid)["VmRSS"])
            time.sleep(0.001)

    def __enter__(self):
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._thread.join()


if __name__ == "__main__":
    sys.exit(main())
