"""The boundaries of DESIGN.md, checked on every run."""

import subprocess
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def sandbox_contract() -> dict:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text())
    contracts = config["tool"]["importlinter"]["contracts"]
    return next(c for c in contracts if c["forbidden_modules"] == ["apps.sandbox"])


def test_every_app_but_the_sandbox_is_forbidden_to_import_it():
    apps = {f"apps.{p.name}" for p in (ROOT / "apps").iterdir() if (p / "__init__.py").exists()}
    guarded = set(sandbox_contract()["source_modules"])
    assert apps - {"apps.sandbox"} <= guarded, "add the new app to the import contract in pyproject.toml"
    assert "portal" in guarded


def test_no_app_imports_the_sandbox():
    lint_imports = Path(sys.executable).parent / "lint-imports"
    result = subprocess.run([str(lint_imports)], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
