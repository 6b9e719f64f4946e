"""The shared JSON reader's lists: forgiving where a backend may send one object for a list, strict where not."""

import pytest

from apps.backends.errors import BackendInvalid
from apps.backends.fast2 import parse as fast2
from apps.backends.wire import Wire, each, items, read_list


def test_a_list_may_be_null_or_a_single_object_unless_it_must_be_an_array():
    assert items(None, "x") == [] and items({"a": 1}, "x") == [{"a": 1}] and items([1, 2], "x") == [1, 2]
    with pytest.raises(BackendInvalid, match="x: expected a list"):
        items({"a": 1}, "x", strict=True)


def test_each_object_is_read_and_named_by_its_place():
    def reader(w: Wire) -> str:
        return w.where

    assert read_list([{}, {}], reader, "Rader") == ("Rader[0]", "Rader[1]")
    with pytest.raises(BackendInvalid, match=r"Rader\[1\]: expected an object"):
        read_list([{}, "no object"], reader, "Rader")


@pytest.mark.parametrize("data", [None, {"id": 1}, "[]"])
def test_an_array_the_api_promises_is_nothing_else_not_even_null(data):
    with pytest.raises(BackendInvalid, match="FAST2 statuslista: expected a list"):
        fast2.statuses(data)
    with pytest.raises(BackendInvalid, match="where: expected a list"):
        each(data, str, "where")


def test_each_item_of_an_array_is_parsed():
    assert each([1, 2], str, "where") == ["1", "2"]
    assert each([], str, "where") == []


def test_plain_values_read_as_texts_and_whole_numbers():
    w = Wire({"Namn": [" a ", "b"], "Ids": [1, "2"], "One": 3, "Bad": ["x"]}, "w")

    assert w.texts("namn") == ("a", "b") and w.texts("missing") == ()
    assert w.integers("ids") == (1, 2) and w.integers("one") == (3,)
    with pytest.raises(BackendInvalid, match="w: Bad are not whole numbers"):
        w.integers("Bad")
