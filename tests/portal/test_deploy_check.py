"""`manage.py check --deploy` with production settings: no error and no warning."""

import os
import subprocess
import sys

from tests.portal.test_security import PRODUCTION_ENV, ROOT


def test_the_deployment_checklist_is_clean_with_production_settings(tmp_path):
    env = {key: value for key, value in os.environ.items() if not key.startswith("DJANGO_")}
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env={**env, **PRODUCTION_ENV, "PORTAL_VAR_DIR": str(tmp_path)},
        capture_output=True,
        text=True,
    )

    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout
