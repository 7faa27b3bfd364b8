"""The canvas view: the mix drawn to scale with Rich segments, one region a coloured box.

Each region shows its index, its user (or ``auto #n`` for an unnamed slot), its ZOrder, and ``ingest`` when its
user is one of the Target's ingest sources (:mod:`layout_studio.editing.ingest`); elements are drawn bottom to top
by ZOrder; watermarks are outlined; the selection gets a heavy yellow outline; regions with an error finding are
filled in the error colour. The canvas keeps its aspect ratio (for the terminal's cell shape,
:func:`~.picture.cell_aspect`, the preview's too) and is centred in the widget.

Labels are placed once every box is drawn, so that none is written over another (:mod:`.labels`).

A dynamic layout (MixLayoutMode 1-3) shows **ghost slots**: the places the MCU would give the users of the
simulated room (:func:`layout_studio.mix.placements`, the geometry of the preview and of ``sei``), dotted and
dimmed, under a line naming the template and the room size (``+``/``-`` change it).

Mouse: dragging a region moves it (snapping to canvas edges, centre lines and other elements when the session's
snap is on); dragging an edge or a corner of the selected element resizes it (:mod:`layout_studio.editing.handles`),
keeping its aspect ratio while shift or ctrl is held (when the terminal reports the modifier with mouse events).
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from typing import Any

from rich.style import Style
from textual import events
from textual.message import Message
from textual.strip import Strip
from textual.widget import Widget

from ...editing import EditSession, ElementRef
from ...editing.access import Box, box, element_model, elements, regions, watermarks
from ...editing.commands import is_dynamic, room_line, room_size
from ...editing.geometry import other_boxes, snap_lines, snap_position
from ...editing.handles import Edges, handle_edges, resize_box
from ...editing.ingest import ingest_users
from ...editing.ops import canvas_of
from ...mix import placements
from .labels import Label, label_rows, mark_outline, place_labels
from .picture import DASHED, DOTTED, HEAVY, LIGHT, Picture, cell_aspect

REGION_COLOURS = ("#2d5f8b", "#3b7a57", "#7a5c2e", "#6b3f7a", "#2e7a78", "#7a3f52", "#55602c", "#4a4f8c")
GHOST_COLOURS = ("#1c2f40", "#1f3a2b", "#3a2e1a", "#33223a", "#1a3a39", "#3a2029", "#2b301a", "#25283f")
ERROR_BG = "#a01c1c"
SELECT_FG = "#ffd700"
WATERMARK_FG = "#e0e0e0"
GHOST_FG = "#9a9a9a"
GUIDE_FG = "#00d7ff"
HEADER_FG = "#ffd75f"
OUTSIDE_BG = "#101010"
#: A terminal cell's height over its width when the terminal does not say (:func:`~.picture.cell_aspect`).
CELL_ASPECT = 2.0

Cells = tuple[int, int, int, int]

#: The mouse gestures of the canvas, for the help screen: (gesture, what it does).
MOUSE: tuple[tuple[str, str], ...] = (
    ("click", "Select the element under the pointer (empty canvas: select nothing)"),
    ("shift+click, ctrl+click", "Add the element to the selection, or take it out (for align and distribute)"),
    ("drag an element", "Move it (snapping to edges, centre lines and other elements while snapping is on: s)"),
    ("drag an edge or corner", "Resize the selected element (its outline cells are the handles)"),
    ("  … with shift or ctrl", "Keep its aspect ratio (when the terminal passes the modifier on with the mouse)"),
)


def parse_colour(value: str | None, default: str = "#000000") -> str:
    """``0xRRGGBB`` (the API's colour format) as ``#rrggbb``; ``default`` when absent or malformed."""
    if value and len(value) == 8 and value[:2].lower() == "0x":
        try:
            int(value[2:], 16)
            return "#" + value[2:].lower()
        except ValueError:
            pass
    return default


@dataclass
class Mapping:
    """Canvas pixels <-> widget cells: ``scale`` pixels per column, origin cell (``ox``, ``oy``), cells ``aspect``
    times as high as wide."""

    scale: float
    ox: int
    oy: int
    cols: int
    rows: int
    aspect: float = CELL_ASPECT

    def cell_x(self, px: float) -> int:
        return self.ox + round(px / self.scale)

    def cell_y(self, px: float) -> int:
        return self.oy + round(px / (self.scale * self.aspect))

    def px_dx(self, cells: int) -> int:
        return round(cells * self.scale)

    def px_dy(self, cells: int) -> int:
        return round(cells * self.scale * self.aspect)

    def cells(self, b: Box) -> Cells:
        """Cells (x0, y0, x1, y1) covered by box ``b`` (pixels), at least one."""
        x, y, w, h = b
        x0, y0 = self.cell_x(x), self.cell_y(y)
        return x0, y0, max(self.cell_x(x + w), x0 + 1), max(self.cell_y(y + h), y0 + 1)


def fit(canvas: tuple[int, int], width: int, height: int, margin: int = 1, aspect: float = CELL_ASPECT) -> Mapping:
    """The largest cell mapping of ``canvas`` (pixels) into ``width`` x ``height`` cells less ``margin`` cells on
    each side (where off-canvas parts of regions show), centred, for cells ``aspect`` times as high as wide."""
    cw, ch = canvas
    inner_w, inner_h = max(width - 2 * margin, 1), max(height - 2 * margin, 1)
    scale = max(cw / inner_w, ch / (inner_h * aspect), 1e-6)
    cols = min(inner_w, max(1, round(cw / scale)))
    rows = min(inner_h, max(1, round(ch / (scale * aspect))))
    return Mapping(scale, (width - cols) // 2, (height - rows) // 2, cols, rows, aspect)


@dataclass
class _Gesture:
    """A mouse gesture in progress: the element, where it started (cell), its box then, the edges a handle moves
    (empty: the whole element moves), and the gesture's number (one undo step per gesture)."""

    ref: ElementRef
    sx: int
    sy: int
    start: Box
    edges: Edges
    number: int


class CanvasView(Widget, can_focus=True):
    """Draws an :class:`EditSession`'s design. Call :meth:`refresh_view` after any change."""

    DEFAULT_CSS = "CanvasView { width: 1fr; height: 1fr; }"

    class Selected(Message):
        """An element was clicked (``extend``: shift/ctrl held, toggles it in the selection); ``ref`` None when
        the click hit no element."""

        def __init__(self, ref: ElementRef | None, extend: bool) -> None:
            super().__init__()
            self.ref, self.extend = ref, extend

    class Dragged(Message):
        """An element is being dragged to (x, y) canvas pixels; ``drag`` numbers the gesture, ``done`` at the end."""

        def __init__(self, ref: ElementRef, x: int, y: int, drag: int, done: bool = False) -> None:
            super().__init__()
            self.ref, self.x, self.y, self.drag, self.done = ref, x, y, drag, done

    class Resized(Message):
        """An edge or corner of an element is being dragged: its new ``box`` (pixels); ``drag`` numbers the
        gesture, ``done`` at the end."""

        def __init__(self, ref: ElementRef, new: Box, drag: int, done: bool = False) -> None:
            super().__init__()
            self.ref, self.box, self.drag, self.done = ref, new, drag, done

    def __init__(self, session: EditSession, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.session = session
        self.error_refs: set[ElementRef] = set()
        self.guides: tuple[float | None, float | None] = (None, None)
        self._lines: list[Strip] | None = None
        self._map: Mapping | None = None
        self._gesture: _Gesture | None = None
        self._drag_ids = itertools.count(1)

    # -- drawing -------------------------------------------------------------------------------------------------
    def refresh_view(self) -> None:
        """Forget the drawn lines and repaint."""
        self._lines = None
        self.refresh()

    def on_resize(self, event: events.Resize) -> None:
        self.refresh_view()

    def render_line(self, y: int) -> Strip:
        if self._lines is None or len(self._lines) != self.size.height:
            self._lines = self._draw(self.size.width, self.size.height)
        return self._lines[y] if 0 <= y < len(self._lines) else Strip.blank(self.size.width)

    def _draw(self, width: int, height: int) -> list[Strip]:
        preset = self.session.preset
        m = self._map = fit(canvas_of(preset), width, height, aspect=cell_aspect())
        pic = Picture(width, height, Style(bgcolor=OUTSIDE_BG))
        vp = preset.video_params
        canvas_bg = Style(bgcolor=parse_colour(vp.back_ground_color if vp else None), color="#3a3a3a")
        pic.fill(m.ox, m.oy, m.ox + m.cols, m.oy + m.rows, "·", pic.style(canvas_bg))
        dynamic = is_dynamic(self.session)
        if dynamic:
            self._draw_ghosts(pic, m)
        auto: dict[int, int] = {}
        for i, region in enumerate(regions(preset)):
            if region.user_id is None:
                auto[i] = len(auto) + 1
        owner = [[-1] * width for _ in range(height)]
        outline = [[-1] * width for _ in range(height)]
        labels: list[Label] = []
        ingest = ingest_users(preset)
        for rank, ref in enumerate(reversed(elements(preset))):
            label = self._draw_element(pic, m, ref, auto, (owner, outline), rank, ingest)
            if label is not None:
                labels.append(label)
        selected = pic.style(Style(color=SELECT_FG, bold=True))
        for ref in self.session.selection:
            cells = self._cells(m, ref)
            if cells is not None:
                pic.frame(*cells, HEAVY, selected, keep_bg=True)
        gx, gy = self.guides
        guide = pic.style(Style(color=GUIDE_FG, bold=True))
        if gx is not None:
            pic.vline(m.cell_x(gx), m.oy, m.oy + m.rows, "┊", guide, keep_bg=True)
        if gy is not None:
            pic.hline(m.ox, m.ox + m.cols, m.cell_y(gy), "┈", guide, keep_bg=True)
        place_labels(pic, labels, owner, outline)
        if dynamic and m.oy > 0:
            header = pic.style(Style(color=HEADER_FG, bgcolor=OUTSIDE_BG))
            pic.text(m.ox, m.oy - 1, width, room_line(self.session), header)
        return pic.strips()

    def _draw_ghosts(self, pic: Picture, m: Mapping) -> None:
        """The places a dynamic layout gives the users of the simulated room, bottom first, dotted and dimmed."""
        frame = pic.style(Style(color=GHOST_FG))
        for slot in placements(self.session.preset, users=room_size(self.session)):
            x0, y0, x1, y1 = m.cells(slot.box)
            colour = GHOST_COLOURS[slot.index % len(GHOST_COLOURS)]
            pic.fill(x0, y0, x1, y1, " ", pic.style(Style(bgcolor=colour)))
            pic.frame(x0, y0, x1, y1, DOTTED, frame, keep_bg=True)
            label = pic.style(Style(bgcolor=colour, color=GHOST_FG, italic=True))
            text = f"{slot.user_id or 'empty'} z{slot.z_order}"
            pic.text(x0 + 1, y0 + (1 if y1 - y0 > 2 else 0), x1 - 1, text, label)

    def _cells(self, m: Mapping, ref: ElementRef) -> Cells | None:
        """Cells (x0, y0, x1, y1) covered by an element, at least one; None for a watermark without the body its
        WaterMarkType names (nothing to draw; the validator reports it)."""
        b = box(self.session.preset, ref)
        return None if b is None else m.cells(b)

    def _draw_element(
        self,
        pic: Picture,
        m: Mapping,
        ref: ElementRef,
        auto: dict[int, int],
        grids: tuple[list[list[int]], list[list[int]]],
        rank: int,
        ingest: set[str],
    ) -> Label | None:
        """Draw the box of ``ref`` (``rank``: its place in the drawing order; a region marks its cells in the first
        of ``grids``, a watermark its outline in the second) and return its label, to be placed once every box is
        drawn (:func:`place_labels`)."""
        owner, outline = grids
        cells = self._cells(m, ref)
        if cells is None:
            return None
        x0, y0, x1, y1 = cells
        error = ref in self.error_refs
        model = element_model(self.session.preset, ref)
        z = model.eff("z_order") if model is not None else 0
        if ref.kind == "region":
            colour = ERROR_BG if error else REGION_COLOURS[ref.index % len(REGION_COLOURS)]
            pic.fill(x0, y0, x1, y1, " ", pic.style(Style(bgcolor=colour, color="#ffffff")))
            pic.frame(x0, y0, x1, y1, LIGHT, pic.style(Style(bgcolor=colour, color="#d0d0d0")))
            a, b = max(x0, 0), min(x1, pic.width)
            if a < b:
                for row in owner[max(y0, 0) : min(y1, pic.height)]:
                    row[a:b] = [rank] * (b - a)
            user = regions(self.session.preset)[ref.index].user_id
            source = " ingest" if user is not None and user in ingest else ""
            label = f"{'!' if error else ''}#{ref.index} {user or f'auto #{auto.get(ref.index, 0)}'} z{z}{source}"
            text = pic.style(Style(bgcolor=colour, color="#ffffff", bold=True))
            rows = label_rows(y0, y1, [y0 + 1 if y1 - y0 > 2 else y0])
            return Label(label, text, False, rows, x0 + 1, x1 - 1, rank, True)
        style = pic.style(Style(color=ERROR_BG if error else WATERMARK_FG))
        pic.frame(x0, y0, x1, y1, DASHED, style, keep_bg=True)
        mark_outline(outline, x0, y0, x1, y1, rank)
        wm = watermarks(self.session.preset)[ref.index]
        what = "img"
        if wm.eff("water_mark_type") == 1 and wm.water_mark_text:
            what = "'" + " ".join(str(wm.water_mark_text.text or "").split()) + "'"  # one line: no line breaks
        label = f"{'!' if error else ''}WM{ref.index} {what} z{z}"
        return Label(label, style, True, label_rows(y0, y1, [y0]), x0 + 1, x1 - 1, rank, False)

    # -- mouse ---------------------------------------------------------------------------------------------------
    def element_at(self, cx: int, cy: int) -> ElementRef | None:
        """The topmost element drawn at cell (cx, cy), or None."""
        if self._map is None:
            return None
        for ref in elements(self.session.preset):
            cells = self._cells(self._map, ref)
            if cells is not None and cells[0] <= cx < cells[2] and cells[1] <= cy < cells[3]:
                return ref
        return None

    def handle_at(self, cx: int, cy: int) -> Edges:
        """The edges a drag from cell (cx, cy) would move: the outline cells of the primary selected element are
        its handles (a corner moves two edges); empty when (cx, cy) is not on them. An element less than three
        cells wide (high) has no left/right (top/bottom) handles: dragging it moves it."""
        ref = self.session.primary
        if self._map is None or ref is None:
            return frozenset()
        cells = self._cells(self._map, ref)
        if cells is None:
            return frozenset()
        x0, y0, x1, y1 = cells
        if not (x0 <= cx < x1 and y0 <= cy < y1):
            return frozenset()
        wide, tall = x1 - x0 >= 3, y1 - y0 >= 3
        return handle_edges(wide and cx == x0, wide and cx == x1 - 1, tall and cy == y0, tall and cy == y1 - 1)

    def on_mouse_down(self, event: events.MouseDown) -> None:
        edges = self.handle_at(event.x, event.y)
        primary = self.session.primary
        if edges and primary is not None:
            start = box(self.session.preset, primary)
            if start is not None:
                self._gesture = _Gesture(primary, event.x, event.y, start, edges, next(self._drag_ids))
                self.capture_mouse()
                return
        ref = self.element_at(event.x, event.y)
        self.post_message(self.Selected(ref, extend=event.shift or event.ctrl))
        start = box(self.session.preset, ref) if ref is not None else None
        if ref is not None and start is not None and not (event.shift or event.ctrl):
            self._gesture = _Gesture(ref, event.x, event.y, start, frozenset(), next(self._drag_ids))
            self.capture_mouse()

    def on_mouse_move(self, event: events.MouseMove) -> None:
        g, m = self._gesture, self._map
        if g is None or m is None:
            return
        dx, dy = m.px_dx(event.x - g.sx), m.px_dy(event.y - g.sy)
        threshold = m.scale * m.aspect
        others = other_boxes(self.session.preset, [g.ref])
        canvas = canvas_of(self.session.preset)
        if g.edges:
            snap = snap_lines(canvas, others) if self.session.snap else None
            keep = event.shift or event.ctrl
            new = resize_box(g.start, g.edges, dx, dy, keep_aspect=keep, snap=snap, threshold=threshold)
            self.post_message(self.Resized(g.ref, new, g.number))
            return
        x, y, w, h = g.start
        nx, ny = x + dx, y + dy
        if self.session.snap:
            nx, ny, gx, gy = snap_position((nx, ny, w, h), canvas, others, threshold)
            self.guides = (gx, gy)
        self.post_message(self.Dragged(g.ref, nx, ny, g.number))

    def on_mouse_up(self, event: events.MouseUp) -> None:
        g = self._gesture
        if g is None:
            return
        self._gesture = None
        self.release_mouse()
        self.guides = (None, None)
        end = box(self.session.preset, g.ref)
        if end is None:
            return
        if g.edges:
            self.post_message(self.Resized(g.ref, end, g.number, done=True))
        else:
            self.post_message(self.Dragged(g.ref, end[0], end[1], g.number, done=True))
