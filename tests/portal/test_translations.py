"""The catalogues: every message translated, compiled, and up to date with the code."""

import re
import shutil
import subprocess
import sys
from collections import Counter
from pathlib import Path

import polib
import pytest

ROOT = Path(__file__).resolve().parents[2]
LANGUAGES = ["sv", "en", "nb"]
# What a translation must carry over unchanged: %(name)s, {name} and HTML tags.
PLACEHOLDER = re.compile(r"%\(\w+\)[sdif]|%[sdif]|\{\w*\}|<[^>]+>")


def catalogue(language: str) -> polib.POFile:
    return polib.pofile(str(ROOT / "locale" / language / "LC_MESSAGES" / "django.po"))


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_message_is_translated(language):
    po = catalogue(language)
    untranslated = [e.msgid for e in po.untranslated_entries()]
    fuzzy = [e.msgid for e in po.fuzzy_entries()]
    assert not untranslated, f"untranslated in {language}: {untranslated[:10]}"
    assert not fuzzy, f"fuzzy in {language}: {fuzzy[:10]}"


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_compiled_catalogue_matches_its_source(language):
    po = catalogue(language)
    mo = polib.mofile(str(ROOT / "locale" / language / "LC_MESSAGES" / "django.mo"))
    compiled = {(e.msgctxt, e.msgid): (e.msgstr, e.msgstr_plural) for e in mo}
    stale = [
        e.msgid for e in po.translated_entries() if compiled.get((e.msgctxt, e.msgid)) != (e.msgstr, e.msgstr_plural)
    ]
    assert not stale, f"run `make messages`: {language}.mo is older than its .po for {stale[:5]}"


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_translation_keeps_the_placeholders_and_markup_of_its_message(language):
    mismatched = []
    for entry in catalogue(language).translated_entries():
        if entry.msgid_plural:
            pairs = [(entry.msgid if n == 0 else entry.msgid_plural, text) for n, text in entry.msgstr_plural.items()]
        else:
            pairs = [(entry.msgid, entry.msgstr)]
        mismatched += [(source, text) for source, text in pairs if _placeholders(source) != _placeholders(text)]
    assert not mismatched, f"{language}: a placeholder or tag differs in {mismatched[:5]}"


def test_the_placeholder_check_sees_a_lost_placeholder_and_a_changed_tag():
    assert _placeholders("Hej %(name)s!") != _placeholders("Hei!")
    assert _placeholders('<a href="{url}">Logga in</a>') != _placeholders('<a href="{link}">Logg inn</a>')
    assert _placeholders("<strong>%(email)s</strong> väntar") == _placeholders("<strong>%(email)s</strong> venter")


def _placeholders(text: str) -> Counter:
    return Counter(PLACEHOLDER.findall(text))


@pytest.fixture(scope="module")
def fresh_catalogue(tmp_path_factory) -> polib.POFile:
    """The messages of the code as makemessages finds them now, extracted in a copy of the project."""
    if shutil.which("xgettext") is None:
        pytest.skip("gettext is installed by scripts/system-deps")
    copy = tmp_path_factory.mktemp("messages") / "project"
    shutil.copytree(
        ROOT,
        copy,
        ignore=shutil.ignore_patterns(".venv", "var", ".git", "__pycache__", "test-artifacts", "node_modules"),
    )
    subprocess.run(
        [
            sys.executable,
            "manage.py",
            "makemessages",
            "-l",
            "en",
            "--no-obsolete",
            "--no-location",
            "--ignore=.venv",
            "--ignore=var",
            "--ignore=tests",
            "--ignore=bench",
        ],
        cwd=copy,
        check=True,
        capture_output=True,
    )
    return polib.pofile(str(copy / "locale" / "en" / "LC_MESSAGES" / "django.po"))


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_catalogue_holds_every_message_of_the_code(language, fresh_catalogue):
    ours = {(e.msgctxt, e.msgid) for e in catalogue(language)}
    missing = sorted(e.msgid for e in fresh_catalogue if (e.msgctxt, e.msgid) not in ours)
    assert not missing, f"run `make messages` and translate: {missing[:10]}"
