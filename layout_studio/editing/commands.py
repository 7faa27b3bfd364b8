"""Editing commands: what a key, a mouse gesture or a palette entry does to an :class:`EditSession`, with no user
interface.

Each command takes the session (and its arguments), makes at most one undo step (through
:meth:`EditSession.change` or :meth:`EditSession.replace`) and returns an :class:`Outcome`: what it changed
(:class:`Effect`) and the line for the status bar. A front end calls the command and shows the outcome; it holds no
editing logic of its own. Commands on the selection refuse when nothing is selected: a message, no undo step.

Geometry commands (nudge, resize, drag, handle resize) give the primary element's new box as their message
(``#1 X 640 Y 180 W 640 H 360``), so a front end shows X/Y/W/H live while an element moves.

To add a command: a function here taking the session first, changing the design only through
:meth:`EditSession.change` or :meth:`EditSession.replace` (one undo step; a ``coalesce`` key joins the steps of one
gesture), returning an :class:`Outcome`; then a key or palette entry in the front end that calls it.

Sizes and offsets are canvas pixels. Errors: :func:`set_field` raises
:class:`~layout_studio.editing.fields.FieldError` for text that is not a value of the field, and ValueError or
KeyError when the model refuses the value; :func:`convert_to_custom` raises
:class:`~layout_studio.errors.LayoutStudioError` or ValueError; the design is unchanged then.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum
from typing import Any, Literal

from ..mix import DEFAULT_DYNAMIC_USERS, MAX_PLACES, MODE_NAMES, coerce, materialize
from ..model import Preset
from . import geometry, ops, templates
from .access import Box, ElementRef, box, elements, set_box
from .fields import InspectorField, parse_value, write_field
from .geometry import AlignHow
from .session import EditSession


class Effect(Enum):
    """What a command changed, so that the front end redraws (and autosaves) only as much as needed."""

    #: Nothing changed; only the message is news (a refusal, snapping on or off).
    NONE = "none"
    #: The session changed (the selection, the file, the saved state), not the design.
    SESSION = "session"
    #: The design changed: one undo step was recorded (or undone, or redone).
    DESIGN = "design"


@dataclass(frozen=True)
class Outcome:
    """The result of a command: its :class:`Effect` and the message for the status line (None: no message)."""

    effect: Effect
    message: str | None = None


NOTHING_SELECTED = "nothing selected: press tab or click a region"
SELECT_TO_ALIGN = "select regions first (ctrl+a selects all regions, shift+click adds one)"
TOO_FEW_TO_DISTRIBUTE = "distribute needs three selected elements or more (ctrl+a selects all regions)"


def _on_selection(session: EditSession, label: str, edit: Callable[[Preset, ElementRef], Any]) -> Outcome:
    """Apply ``edit`` to every selected element as one undo step named ``label``."""
    if not session.selection:
        return Outcome(Effect.NONE, NOTHING_SELECTED)
    refs = list(session.selection)

    def each(preset: Preset) -> None:
        for ref in refs:
            edit(preset, ref)

    session.change(label, each)
    return Outcome(Effect.DESIGN, label)


def geometry_line(session: EditSession, ref: ElementRef | None = None) -> str | None:
    """``ref`` (default: the primary selected element) and its box, ``#1 X 640 Y 180 W 640 H 360`` (``WM0 …`` for a
    watermark, ``(+2 more)`` when more are selected); None when there is no such element."""
    ref = session.primary if ref is None else ref
    b = box(session.preset, ref) if ref is not None else None
    if ref is None or b is None:
        return None
    name = f"#{ref.index}" if ref.kind == "region" else f"WM{ref.index}"
    more = f" (+{len(session.selection) - 1} more)" if len(session.selection) > 1 and ref in session.selection else ""
    return f"{name} X {b[0]} Y {b[1]} W {b[2]} H {b[3]}{more}"


def _with_geometry(session: EditSession, outcome: Outcome, ref: ElementRef | None = None) -> Outcome:
    """``outcome`` with the box of ``ref`` (default: the primary selection) as its message
    (:func:`geometry_line`): the box is the news, and it must fit an 80-column status line."""
    line = geometry_line(session, ref)
    if outcome.effect is not Effect.DESIGN or line is None:
        return outcome
    return Outcome(outcome.effect, line)


# -- selection -----------------------------------------------------------------------------------------------------
def select_step(session: EditSession, step: int) -> Outcome:
    """Select the next (``step`` 1) or previous (-1) element in stacking order, wrapping around."""
    session.select_step(step)
    return Outcome(Effect.SESSION)


def select_all_regions(session: EditSession) -> Outcome:
    """Select every region (for align and distribute), top of the stack first."""
    session.selection = [r for r in elements(session.preset) if r.kind == "region"]
    return Outcome(Effect.SESSION, f"{len(session.selection)} regions selected")


# -- elements ------------------------------------------------------------------------------------------------------
def nudge(session: EditSession, dx: int, dy: int) -> Outcome:
    """Move the selected elements by (dx, dy) pixels (undo step "Move"); the message is the new box. Refused, with
    a message and no undo step, when it would take an element wholly off the canvas, where it would not be seen
    (:func:`~layout_studio.editing.geometry.leaves_canvas`); a typed LocationX/LocationY can still put it there."""
    gone = [r for r in session.selection if geometry.leaves_canvas(session.preset, r, dx, dy)]
    if gone:
        what = f"region #{gone[0].index}" if gone[0].kind == "region" else f"WM{gone[0].index}"
        return Outcome(Effect.NONE, f"not moved: {what} would leave the canvas (type its X/Y to put it there)")
    return _with_geometry(session, _on_selection(session, "Move", lambda p, r: ops.nudge(p, r, dx, dy)))


def resize(session: EditSession, dw: int, dh: int) -> Outcome:
    """Grow (positive) or shrink the selected elements by (dw, dh) pixels, never below 1 px (undo step "Resize");
    the message is the new box."""
    return _with_geometry(session, _on_selection(session, "Resize", lambda p, r: ops.resize(p, r, dw, dh)))


def shift_z(session: EditSession, step: int) -> Outcome:
    """Raise (``step`` > 0) or lower the ZOrder of the selected elements, not below 0 (undo step "ZOrder")."""
    return _on_selection(session, "ZOrder", lambda p, r: ops.shift_z(p, r, step))


def delete(session: EditSession) -> Outcome:
    """Remove the selected elements (undo step "Delete")."""
    if not session.selection:
        return Outcome(Effect.NONE, NOTHING_SELECTED)
    doomed = sorted(session.selection, key=lambda r: r.index, reverse=True)  # highest first: indexes stay valid

    def remove(preset: Preset) -> None:
        for ref in doomed:
            ops.delete(preset, ref)

    session.change("Delete", remove)
    return Outcome(Effect.DESIGN, "Delete")


def add_region(session: EditSession) -> Outcome:
    """Append an auto-filled region (:func:`~layout_studio.editing.ops.add_region`) and select it."""
    ref = session.change("Add region", ops.add_region)
    session.select(ref)
    return Outcome(Effect.DESIGN, f"added region #{ref.index}")


def add_text_watermark(session: EditSession) -> Outcome:
    """Append a text watermark (:func:`~layout_studio.editing.ops.add_text_watermark`) and select it."""
    ref = session.change("Add text watermark", ops.add_text_watermark)
    session.select(ref)
    return Outcome(Effect.DESIGN, f"added text watermark WM{ref.index}")


def duplicate(session: EditSession) -> Outcome:
    """Copy the primary selected element 10 px lower right, on top of the stack, and select the copy (the status
    line then shows no message: the selected copy is the news)."""
    ref = session.primary
    if ref is None:
        return Outcome(Effect.NONE, NOTHING_SELECTED)
    new = session.change("Duplicate", lambda p: ops.duplicate(p, ref))
    if new is None:
        return Outcome(Effect.DESIGN, "Duplicate")
    session.select(new)
    return Outcome(Effect.DESIGN)


def drag(session: EditSession, ref: ElementRef, x: int, y: int, gesture: int) -> Outcome:
    """Put ``ref``'s top-left corner at (x, y) pixels; every step of one mouse ``gesture`` is one undo step "Drag"
    (seal the history when the gesture ends). The message is the new box."""
    session.change("Drag", lambda p: ops.move_to(p, ref, x, y), coalesce=f"drag-{gesture}")
    return _with_geometry(session, Outcome(Effect.DESIGN, "Move"), ref)


def resize_to(session: EditSession, ref: ElementRef, new: Box, gesture: int) -> Outcome:
    """Give ``ref`` the box ``new`` (x, y, width, height in pixels; width and height at least 1) while one of its
    edges or corners is dragged; every step of one mouse ``gesture`` is one undo step "Resize" (seal the history
    when the gesture ends). The message is the new box."""
    x, y, w, h = new
    session.change("Resize", lambda p: set_box(p, ref, (x, y, max(1, w), max(1, h))), coalesce=f"resize-{gesture}")
    return _with_geometry(session, Outcome(Effect.DESIGN, "Resize"), ref)


def set_field(session: EditSession, base: str, spec: InspectorField, text: str, *, done: bool = False) -> Outcome:
    """Write the text typed into field ``spec`` under the API path ``base``. Typing into one field is one undo step
    "Edit <label>"; ``done`` (enter pressed) closes it. Raises FieldError for text that is not a value of the field,
    ValueError or KeyError when the model refuses the value (the design is unchanged then)."""
    value = parse_value(spec, text)
    session.change(
        f"Edit {spec.label}", lambda p: write_field(p, base, spec, value), coalesce=f"field:{base}.{spec.path}"
    )
    if done:
        session.history.seal()
    return Outcome(Effect.DESIGN)


# -- arrangement ---------------------------------------------------------------------------------------------------
def align(session: EditSession, how: AlignHow) -> Outcome:
    """Align the selected elements (one: to the canvas; several: to their bounds), undo step "Align <how>"."""
    refs = list(session.selection)
    if not refs:
        return Outcome(Effect.NONE, SELECT_TO_ALIGN)
    label = f"Align {how}"
    session.change(label, lambda p: geometry.align(p, refs, how))
    return Outcome(Effect.DESIGN, label)


def distribute(session: EditSession, axis: Literal["x", "y"]) -> Outcome:
    """Equal gaps between three or more selected elements along ``axis``, undo step "Distribute <axis>"."""
    refs = list(session.selection)
    if len(refs) < 3:
        return Outcome(Effect.NONE, TOO_FEW_TO_DISTRIBUTE)
    label = f"Distribute {axis}"
    session.change(label, lambda p: geometry.distribute(p, refs, axis))
    return Outcome(Effect.DESIGN, label)


def apply_template(
    session: EditSession,
    name: str,
    mode: Literal["replace", "fill"],
    n: int | None = None,
    corner: templates.Corner | None = None,
) -> Outcome:
    """Apply layout template ``name`` (a key of :data:`~layout_studio.editing.templates.TEMPLATES`) with ``n``
    regions where it takes a count and ``corner`` where it takes one; raises KeyError for an unknown template and
    ValueError for a count or corner it does not take (the design is unchanged then)."""
    label = f"Template {templates.TEMPLATES[name].title}"
    session.change(label, lambda p: templates.apply_template(p, name, mode, n, corner))
    return Outcome(Effect.DESIGN, label)


def resize_canvas(session: EditSession, size: tuple[int, int], *, scale: bool, scale_text: bool = False) -> Outcome:
    """Set VideoEncode Width×Height to ``size`` pixels (SDK models.VideoEncode); with ``scale``, regions and
    watermarks scale along, and with ``scale_text`` the text watermarks' FontSize too
    (:func:`~layout_studio.editing.geometry.scaled_font_size`)."""
    label = f"Canvas {size[0]}×{size[1]}"
    session.change(label, lambda p: geometry.rescale_canvas(p, size, scale_elements=scale, scale_text=scale_text))
    return Outcome(Effect.DESIGN, label + (", text sizes scaled" if scale and scale_text else ""))


def convert_to_custom(session: EditSession, users: int) -> Outcome:
    """Replace a dynamic layout (MixLayoutMode 1, 2 or 3) by the custom layout (MixLayoutMode 4) the MCU would show
    for ``users`` users (SDK models.McuLayoutParams.MixLayoutMode; :func:`layout_studio.mix.materialize`), as one
    undo step. Raises LayoutStudioError or ValueError when the design cannot be converted."""
    session.replace("Convert dynamic to custom", materialize(session.preset, users))
    return Outcome(Effect.DESIGN, f"converted for {users} users: now MixLayoutMode 4")


# -- dynamic layouts ----------------------------------------------------------------------------------------------
def is_dynamic(session: EditSession) -> bool:
    """True when the design uses a dynamic template (MixLayoutMode 1, 2 or 3: the MCU places the users and ignores
    MixLayoutList; SDK models.McuLayoutParams.MixLayoutMode)."""
    return not coerce(session.preset).custom


def room_size(session: EditSession) -> int:
    """Users in the simulated room of a dynamic layout (:attr:`EditSession.room_users`, default
    :data:`~layout_studio.mix.DEFAULT_DYNAMIC_USERS`)."""
    return DEFAULT_DYNAMIC_USERS if session.room_users is None else session.room_users


def room_line(session: EditSession) -> str:
    """``grid layout, 4 users (+/- to change)``: what the canvas and the preview simulate for a dynamic layout."""
    mode = coerce(session.preset).mode
    n = room_size(session)
    return f"{MODE_NAMES.get(mode, f'mode {mode}')} layout, {n} user{'s' if n != 1 else ''} (+/- to change)"


def change_room(session: EditSession, step: int) -> Outcome:
    """Add ``step`` users to (or, negative, remove them from) the simulated room of a dynamic layout, within 1 to
    :data:`~layout_studio.mix.MAX_PLACES` (at most 16 users take a place: SDK models.McuLayoutParams.MixLayoutMode).
    A custom layout is refused with a message: its regions say who is shown where."""
    if not is_dynamic(session):
        return Outcome(Effect.NONE, "+/- set the users of a dynamic layout (MixLayoutMode 1-3); this one is custom")
    n = min(max(room_size(session) + step, 1), MAX_PLACES)
    if n == room_size(session):
        return Outcome(Effect.NONE, f"the simulated room holds 1 to {MAX_PLACES} users")
    session.room_users = n
    return Outcome(Effect.SESSION, f"simulated room: {n} user{'s' if n != 1 else ''}")


# -- history and modes ---------------------------------------------------------------------------------------------
def undo(session: EditSession) -> Outcome:
    """Undo the last change."""
    label = session.undo()
    return Outcome(Effect.DESIGN, f"undid {label}") if label else Outcome(Effect.NONE, "nothing to undo")


def redo(session: EditSession) -> Outcome:
    """Redo the last undone change."""
    label = session.redo()
    return Outcome(Effect.DESIGN, f"redid {label}") if label else Outcome(Effect.NONE, "nothing to redo")


def toggle_snap(session: EditSession) -> Outcome:
    """Turn snapping while dragging on or off."""
    session.snap = not session.snap
    return Outcome(Effect.NONE, f"snapping {'on' if session.snap else 'off'}")
