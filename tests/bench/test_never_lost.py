"""The never-lost benchmark's count (bench/never_lost.py), the one part of it that is pure."""

import importlib.util
from pathlib import Path

SCRIPT = Path(__file__).resolve().parents[2] / "bench" / "never_lost.py"
spec = importlib.util.spec_from_file_location("never_lost", SCRIPT)
never_lost = importlib.util.module_from_spec(spec)
spec.loader.exec_module(never_lost)


def test_it_finds_the_report_tags_in_the_backends_row_descriptions():
    rows = [
        (7, "Trasigt. [never-lost 15555-1]"),
        (8, "Trasigt. [never-lost 15555-1]"),
        (9, "Droppar."),
        (10, "[never-lost 15561-2]"),
    ]
    assert never_lost.tags_in(rows) == {"15555-1": {7, 8}, "15561-2": {10}}


def test_it_counts_each_report_once_as_delivered_duplicated_lost_or_misrecorded():
    errands = {"a": {1}, "b": {2, 3}, "d": {4}}
    outbox = {
        "a": ("delivered", 1),
        "b": ("delivered", 2),  # and a second errand: duplicated
        "c": ("queued", None),  # no errand yet: waiting
        "d": ("delivered", 1),  # a's errand, its own is 4: misrecorded
        "e": ("draft", None),  # refused, no errand: lost
    }
    counted = never_lost.tally(["a", "b", "c", "d", "e"], errands, outbox)
    assert counted == never_lost.Tally(submitted=5, delivered=3, duplicated=1, lost=1, waiting=1, misrecorded=1)
    assert not counted.sound


def test_a_run_where_every_report_is_one_errand_is_sound():
    counted = never_lost.tally(["a", "b"], {"a": {1}, "b": {2}}, {"a": ("delivered", 1), "b": ("delivered", 2)})
    assert counted.sound
    assert (counted.delivered, counted.duplicated, counted.lost) == (2, 0, 0)
