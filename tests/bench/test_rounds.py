"""The throughput benchmark's count of round trips (bench/rounds.py): pure, so tested here."""

import importlib.util
from pathlib import Path

SCRIPT = Path(__file__).resolve().parents[2] / "bench" / "rounds.py"
spec = importlib.util.spec_from_file_location("rounds", SCRIPT)
rounds = importlib.util.module_from_spec(spec)
spec.loader.exec_module(rounds)


def test_calls_at_once_are_one_round_however_long_each_takes():
    assert rounds.rounds([(0, 120), (1, 60), (2, 300)]) == 1
    assert rounds.most_at_once([(0, 120), (1, 60), (2, 300)]) == 3


def test_a_call_after_another_ended_is_a_round_of_its_own():
    # The work order, then the rest at once: two rounds, whatever the second round's spread.
    work_order_then_rest = [(0, 50), (51, 200), (52, 120), (53, 310)]
    assert rounds.rounds(work_order_then_rest) == 2
    assert rounds.rounds([(0, 10), (10, 20), (20, 30)]) == 3  # back to back is one after another


def test_the_longest_chain_counts_not_the_number_of_calls():
    # A long call alongside a chain of three short ones: three rounds, four calls.
    assert rounds.rounds([(0, 100), (0, 10), (11, 20), (21, 30)]) == 3
    assert rounds.most_at_once([(0, 100), (0, 10), (11, 20), (21, 30)]) == 2


def test_no_call_no_round():
    assert rounds.rounds([]) == 0 and rounds.most_at_once([]) == 0
