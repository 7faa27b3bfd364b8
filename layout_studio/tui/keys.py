"""The editor's keys: its bindings, each with a description (the footer's short label, and a ``tooltip`` for the
help screen where the label is too short to say what the key does), and which of them the footer shows where.

:data:`EDITOR_BINDINGS` is the editor screen's ``BINDINGS``. :func:`shown` adjusts Textual's active bindings for
the footer and the help screen: a key that a focused text field takes as typing is left out (there ``a`` types an
"a"), F1 stands in for ``?`` while typing, and Textual's ctrl+c ("Copy selected text", which copies only text
selected with the mouse and otherwise says how to quit) is described as what it does in the studio, last. The footer
shows the elements list's key only in a wide terminal and on the canvas (the list's title names it). Below
:data:`PALETTE_KEY_MIN_WIDTH` columns the footer leaves out the ZOrder keys and says "Undo" for the undo/redo pair,
and away from the canvas it leaves out the element keys (:data:`ELEMENT_ACTIONS`; they still work on the
selection), so that the area's own keys fit in 80 columns. The help screen lists every active key whatever the
width.
"""

from __future__ import annotations

from dataclasses import replace

from textual.binding import ActiveBinding, Binding, BindingType
from textual.keys import REPLACED_KEYS, key_to_character
from textual.widget import Widget

#: The footer shows ``[`` and ``]`` as "[] ZOrder" and ctrl+z/ctrl+y as "^z^y Undo/Redo" (narrow: "^z^y Undo").
ZORDER_KEYS = Binding.Group("ZOrder", compact=True)
HISTORY_KEYS = Binding.Group("Undo/Redo", compact=True)
HISTORY_KEYS_NARROW = Binding.Group("Undo", compact=True)
#: From this many columns the footer shows every key (and the palette key); below, the status line names ctrl+p.
PALETTE_KEY_MIN_WIDTH = 120
#: The key that focuses the findings panel.
FINDINGS_KEY = "f"
#: The key that focuses the elements list (its title names it; the footer only on the canvas, when wide).
ELEMENTS_KEY = "e"
#: Actions of the keys that change elements: in a narrow footer they are shown only while the canvas is shown and has
#: the focus (not over the preview, where the footer has esc and r to show).
ELEMENT_ACTIONS = frozenset({"add_region", "add_watermark", "duplicate", "delete"})

_MOVE = "Move the selection 1 px (in a field, ↑ ↓: previous, next field)"
_MOVE_10 = "Move the selection 10 px"
_ARROWS = (("left", -1, 0), ("right", 1, 0), ("up", 0, -1), ("down", 0, 1))
_RESIZE = "Narrower / wider / shorter / taller by 10 px"
_HELP = "Every key of the focused area (F1 also in a field, where ? types a ?)"
_ROOM = "One user more / less in a dynamic layout's simulated room"
#: What Textual's ctrl+c does, in the studio's words, by action (the screen's, a text field's).
COPY_ACTIONS = {
    "screen.copy_text": "Copy the text selected with the mouse (a finding, a message); it does not quit: ctrl+q does",
    "copy": "Copy the text selected in the field",
}

EDITOR_BINDINGS: list[BindingType] = [
    Binding("question_mark", "help", "Help", key_display="?", tooltip=_HELP),
    Binding("f1", "help", "Help", show=False, tooltip=_HELP),
    Binding("enter", "edit_field", "Edit", tooltip="Edit the selected element's fields in the inspector"),
    Binding("escape", "focus_canvas", "Canvas", tooltip="Back to the canvas"),
    Binding("tab", "select_step(1)", "Select the next element (in the inspector: the next field)", show=False),
    Binding("shift+tab", "select_step(-1)", "Select the previous element (inspector: previous field)", show=False),
    *(Binding(key, f"nudge({dx}, {dy})", _MOVE, show=False) for key, dx, dy in _ARROWS),
    *(Binding(f"shift+{key}", f"nudge({10 * dx}, {10 * dy})", _MOVE_10, show=False) for key, dx, dy in _ARROWS),
    *(Binding(f"ctrl+{key}", f"resize({10 * dx}, {10 * dy})", _RESIZE, show=False) for key, dx, dy in _ARROWS),
    Binding("ctrl+a", "select_all", "Select all regions (then align or distribute with ctrl+p)", show=False),
    Binding("a", "add_region", "Region", tooltip="Add a region (a dynamic layout offers to convert first)"),
    Binding("w", "add_watermark", "Text", tooltip="Add a text watermark"),
    Binding("d", "duplicate", "Dup", tooltip="Duplicate the selected element, 10 px lower right"),
    Binding("delete", "delete", "Del", tooltip="Delete the selected elements"),
    Binding(
        "left_square_bracket", "shift_z(-1)", "Lower", key_display="[", group=ZORDER_KEYS, tooltip="Lower the ZOrder"
    ),
    Binding(
        "right_square_bracket", "shift_z(1)", "Raise", key_display="]", group=ZORDER_KEYS, tooltip="Raise the ZOrder"
    ),
    Binding("ctrl+z", "undo", "Undo", group=HISTORY_KEYS, tooltip="Undo the last change"),
    Binding("ctrl+y", "redo", "Redo", group=HISTORY_KEYS, tooltip="Redo the last undone change"),
    Binding("ctrl+s", "save", "Save", tooltip="Save the preset (atomically)"),
    Binding("r", "refresh_preview", "Preview", tooltip="Show the preview and render it now, fetching its images again"),
    Binding("v", "toggle_view", "Switch between the canvas and the preview", show=False),
    Binding("s", "toggle_snap", "Snapping on / off while dragging", show=False),
    Binding(FINDINGS_KEY, "focus_findings", "Read the findings (enter on one goes to its field)", show=False),
    Binding(
        ELEMENTS_KEY,
        "focus_elements",
        "Elements",
        tooltip="Go to the elements list: ↑/↓ select an element at once, enter edits it, esc back to the canvas",
    ),
    Binding("plus", "change_room(1)", _ROOM, show=False),
    Binding("minus", "change_room(-1)", _ROOM, show=False),
]


def typed_character(key: str) -> str | None:
    """The character that key ``key`` types (``plus``: ``+``, ``minus``: ``-``), None for a key that types none."""
    return key_to_character(key) or key_to_character(REPLACED_KEYS.get(key, key))


def shown(
    active: dict[str, ActiveBinding], focused: Widget | None, *, typing: bool, wide: bool, on_canvas: bool
) -> dict[str, ActiveBinding]:
    """``active`` (Textual's active bindings of a screen) as the footer and the help screen show them: see the
    module docstring. ``typing``: ``focused`` is a text field; ``on_canvas``: the canvas has the focus."""
    out: dict[str, ActiveBinding] = {}
    last: dict[str, ActiveBinding] = {}
    for key, entry in active.items():
        binding = entry.binding
        if typing and focused is not None and entry.node is not focused:
            if focused.check_consume_key(key, typed_character(key)):
                continue
        if binding.action in COPY_ACTIONS:
            what = COPY_ACTIONS[binding.action]
            last[key] = entry._replace(binding=replace(binding, description=what, tooltip=what))
            continue
        if binding.action == "focus_elements":  # in the footer only where it has room: wide, on the canvas
            binding = replace(binding, show=wide and on_canvas)
        elif binding.action == "help":
            binding = replace(binding, show=(key == "f1") == typing)
        elif not wide and (binding.group is ZORDER_KEYS or (binding.action in ELEMENT_ACTIONS and not on_canvas)):
            binding = replace(binding, show=False)
        elif not wide and binding.group is HISTORY_KEYS:
            binding = replace(binding, group=HISTORY_KEYS_NARROW)
        out[key] = entry if binding is entry.binding else entry._replace(binding=binding)
    out.update(last)
    return out
