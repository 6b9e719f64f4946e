"""The boundaries of DESIGN.md, checked on every run."""

import re
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


# Coded values the backends send; outside apps.backends they are enums (apps/backends/*/codes.py).
BACKEND_CODES = (
    '"Avi"',
    '"Faktura"',
    "brev.direkt",
    "kund.post",
    "kund.besok",
    '"Epost"',
    '"Mobiltelefonnummer"',
    '"Telefonnummer"',
    '"MAK"',
    '"REG"',
)
# Words shown to people, which may spell the same as a code: _("Faktura"), {% translate "Faktura" %}.
UI_TEXT = re.compile(r'_\("[^"]*"\)|translate "[^"]*"')


def test_no_feature_app_or_template_compares_a_backend_code():
    outside = [
        path
        for path in (ROOT / "apps").rglob("*")
        if path.suffix in (".py", ".html")
        and path.relative_to(ROOT).parts[1] not in ("backends", "sandbox")
        and "migrations" not in path.parts
    ]
    found = [
        f"{path.relative_to(ROOT)}: {code}"
        for path in outside
        for code in BACKEND_CODES
        if code in UI_TEXT.sub("", path.read_text(encoding="utf-8"))
    ]
    assert not found, found
