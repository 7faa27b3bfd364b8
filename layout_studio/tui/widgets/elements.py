"""The element list: every region and watermark in stacking order (top of the stack first).

Highlighting an entry selects that element: moving the highlight with a key calls the screen's ``on_pick`` at
once, in the key's own turn, so a key typed right after it (``down``, ``d``) acts on the element now highlighted; a
highlight by other means reaches the screen as :class:`OptionList.OptionHighlighted`. Enter on an entry runs the
screen's ``edit_element`` action (select it and edit its fields), a click posts :class:`OptionList.OptionSelected`.
Entries show the index, the user (or ``auto #n``), the ZOrder, and ``!`` for an element with an error finding, on
one line: a long UserId or watermark text is shortened with ``…``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from textual.binding import Binding
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from ...editing import EditSession, ElementRef
from ...editing.access import elements, regions, watermarks, z_order


def ref_id(ref: ElementRef) -> str:
    """Option id of an element: ``region-3``, ``watermark-0``."""
    return f"{ref.kind}-{ref.index}"


def ref_from_id(option_id: str | None) -> ElementRef | None:
    """The element of an option id made by :func:`ref_id`, or None."""
    if not option_id or "-" not in option_id:
        return None
    kind, index = option_id.rsplit("-", 1)
    if kind == "region":
        return ElementRef("region", int(index))
    if kind == "watermark":
        return ElementRef("watermark", int(index))
    return None


#: The most characters of a UserId and of a watermark's text an entry shows (the list is about 36 columns wide).
USER_CHARS = 16
TEXT_CHARS = 12


def short(text: str, limit: int) -> str:
    """``text`` on one line (line breaks and runs of spaces as one space) in at most ``limit`` characters, cut with
    ``…``."""
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def element_label(session: EditSession, ref: ElementRef, error: bool) -> str:
    """One line describing an element: ``▣ #1 alice z2`` / ``T WM0 'Live' z5``."""
    preset = session.preset
    mark = "!" if error else " "
    z = z_order(preset, ref)
    if ref.kind == "region":
        items = regions(preset)
        auto = sum(1 for r in items[: ref.index + 1] if r.user_id is None)
        user = short(items[ref.index].user_id or "", USER_CHARS) or f"auto #{auto}"
        return f"{mark}▣ #{ref.index} {user} z{z}"
    wm = watermarks(preset)[ref.index]
    if wm.eff("water_mark_type") == 1:
        text = wm.water_mark_text.text if wm.water_mark_text else ""
        return f"{mark}T WM{ref.index} '{short(text or '', TEXT_CHARS)}' z{z}"
    return f"{mark}▨ WM{ref.index} image z{z}"


class ElementList(OptionList):
    """The list of elements; :meth:`sync` rebuilds it only when an entry changed."""

    DEFAULT_CSS = "ElementList { height: 8; }"
    #: enter runs the screen's ``edit_element`` at once (a message would reach it after the keys typed ahead).
    BINDINGS = [
        Binding(
            "enter", "screen.edit_element", "Edit", tooltip="Edit the highlighted element's fields in the inspector"
        )
    ]

    def __init__(
        self, session: EditSession, on_pick: Callable[[ElementRef], None] | None = None, **kwargs: Any
    ) -> None:
        super().__init__(**kwargs)
        self.session = session
        self.on_pick = on_pick
        self._shown: list[tuple[str, str]] = []
        self.border_title = "Elements (e)"  # the key that focuses the list

    def _follow(self) -> None:
        """Hand the highlighted element to ``on_pick`` now (the highlight's message would reach the screen after
        the keys typed ahead)."""
        option = self.highlighted_option
        ref = ref_from_id(option.id) if option is not None else None
        if ref is not None and self.on_pick is not None:
            self.on_pick(ref)

    def action_cursor_up(self) -> None:
        super().action_cursor_up()
        self._follow()

    def action_cursor_down(self) -> None:
        super().action_cursor_down()
        self._follow()

    def action_first(self) -> None:
        super().action_first()
        self._follow()

    def action_last(self) -> None:
        super().action_last()
        self._follow()

    def action_page_up(self) -> None:
        super().action_page_up()
        self._follow()

    def action_page_down(self) -> None:
        super().action_page_down()
        self._follow()

    def sync(self, error_refs: set[ElementRef]) -> None:
        """Show the session's elements and highlight its primary selection."""
        wanted = [(ref_id(r), element_label(self.session, r, r in error_refs)) for r in elements(self.session.preset)]
        if wanted != self._shown:
            self._shown = wanted
            with self.prevent(OptionList.OptionHighlighted):
                self.clear_options()
                self.add_options([Option(label, id=oid) for oid, label in wanted])
        primary = self.session.primary
        index = next((i for i, (oid, _) in enumerate(wanted) if primary and oid == ref_id(primary)), None)
        if index != self.highlighted:
            with self.prevent(OptionList.OptionHighlighted):
                self.highlighted = index
