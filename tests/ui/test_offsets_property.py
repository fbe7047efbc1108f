"""The one crossing from code points to Qt positions agrees with UTF-16 for any text."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from composer.ui.editor.offsets import OffsetMap


@given(st.text(max_size=200))
def test_offsets_match_utf16_for_any_text(text: str) -> None:
    offsets = OffsetMap(text)
    for index in range(len(text) + 1):
        position = offsets.to_qt(index)
        assert position == len(text[:index].encode("utf-16-le")) // 2
        assert offsets.to_code_point(position) == index


@given(st.text(max_size=100), st.integers(min_value=-50, max_value=500))
def test_out_of_range_offsets_are_clamped(text: str, index: int) -> None:
    offsets = OffsetMap(text)
    assert 0 <= offsets.to_qt(index) <= len(text.encode("utf-16-le")) // 2
