"""The one colour parser and the one WxH parser (layout_studio.values)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from layout_studio.values import ValueFormatError, format_color, normalize_color, parse_color, parse_range, parse_size


@given(st.tuples(st.integers(0, 255), st.integers(0, 255), st.integers(0, 255)))
def test_a_colour_round_trips_through_its_api_form(rgb):
    assert parse_color(format_color(rgb)) == rgb


@pytest.mark.parametrize("text", ["#FF0000", "FF0000", "red", "0xFF00", "0xFF00000", " 0xFF0000", "", None, 16711680])
def test_only_0xrrggbb_is_an_api_colour(text):
    with pytest.raises(ValueFormatError):
        parse_color(text)


def test_a_hash_colour_is_refused_with_the_form_to_write():
    with pytest.raises(ValueFormatError, match=r"write 0xFF0000"):
        parse_color("#ff0000")


@pytest.mark.parametrize(("typed", "api"), [("#ff0000", "0xFF0000"), ("ff0000", "0xFF0000"), ("0Xab12cd", "0xAB12CD")])
def test_typed_colours_are_normalized_to_the_api_form(typed, api):
    assert normalize_color(typed) == api


@pytest.mark.parametrize("typed", ["red", "#f00", "0xGG0000", "rgb(1,2,3)"])
def test_colour_names_and_short_forms_are_refused(typed):
    with pytest.raises(ValueFormatError, match="0xRRGGBB"):
        normalize_color(typed)


@pytest.mark.parametrize(("text", "size"), [("1280x720", (1280, 720)), ("720 × 1280", (720, 1280)), ("1X1", (1, 1))])
def test_sizes_are_read(text, size):
    assert parse_size(text) == size


@pytest.mark.parametrize("text", ["1280", "0x720", "1921x1080", "1280x7²0", "-1x5", "1280x720x3", "ax b"])
def test_bad_sizes_are_refused(text):
    with pytest.raises(ValueFormatError, match="WIDTHxHEIGHT"):
        parse_size(text)


def test_the_canvas_cap_can_be_lifted():
    assert parse_size("4000x3000", max_side=None) == (4000, 3000)


@pytest.mark.parametrize(("text", "span"), [("1-16", (1, 16)), (" 4 ", (4, 4)), ("0 – 3", (0, 3)), ("16-16", (16, 16))])
def test_ranges_are_read(text, span):
    assert parse_range(text, low=0, high=16) == span


@pytest.mark.parametrize("text", ["", "a", "5-2", "0-17", "1-2-3", "-1", "1-", "²-3"])
def test_bad_ranges_are_refused(text):
    with pytest.raises(ValueFormatError, match="LOW-HIGH"):
        parse_range(text, low=0, high=16)
