"""Settings read from the environment: what `make demo` relies on."""

import os
import subprocess
import sys
from pathlib import Path

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
