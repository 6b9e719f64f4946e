"""Settings read from the environment: what `make demo` relies on."""

import json
import os
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parents[2]


def _settings_value(expression: str, **env: str) -> str:
    code = f"import portal.settings as s; print({expression})"
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env={**os.environ, **env},
        capture_output=True,
        text=True,
        check=True,
    )
    return result.stdout.strip()


def test_the_file_broker_keeps_every_folder_under_the_var_directory(tmp_path):
    options = _settings_value(
        "s.CELERY_BROKER_TRANSPORT_OPTIONS", CELERY_BROKER_URL="filesystem://", PORTAL_VAR_DIR=str(tmp_path)
    )

    # kombu would otherwise create control/ in the working directory (the checkout).
    assert f"'control_folder': '{tmp_path}/celery/control'" in options
    assert (tmp_path / "celery" / "control").is_dir()


def test_the_test_profile_points_every_backend_nowhere_whatever_the_environment_says():
    code = "import json, portal.settings_test as s; print(json.dumps({n: getattr(s, n) for n in dir(s) if n.endswith('_BASE_URL')}))"
    exported = {"PM5_BASE_URL": "http://127.0.0.1:8000/sandbox/pm5", "FAST2_BASE_URL": "http://127.0.0.1:8000/x"}
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env={**os.environ, **exported}, capture_output=True, text=True
    )
    urls = json.loads(result.stdout)

    assert {"PM5_BASE_URL", "FAST2_BASE_URL", "ERRANDS_BASE_URL"} <= urls.keys()
    # A new backend's URL must be added to portal/settings_test.py too: .invalid never resolves.
    assert all(urlsplit(url).hostname.endswith(".invalid") for url in urls.values()), urls


def test_every_settings_part_is_imported_by_the_entry_point_and_listed_in_its_map():
    import portal.settings

    entry = (ROOT / "portal" / "settings.py").read_text()
    parts = sorted(p.stem for p in (ROOT / "portal").glob("settings_*.py") if p.stem != "settings_test")

    # A part portal/settings.py does not import is never read; one its docstring omits is hard to find.
    assert all(f"from portal.{part} import *" in entry for part in parts), parts
    assert all(f"portal/{part}.py" in portal.settings.__doc__ for part in parts), parts
