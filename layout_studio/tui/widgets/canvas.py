"""The canvas view: the mix drawn to scale with Rich segments, one region a coloured box.

Each region shows its index, its user (or ``auto #n`` for an unnamed slot) and its ZOrder; elements are drawn
bottom to top by ZOrder; watermarks are outlined; the selection gets a heavy yellow outline; regions with an
error finding are filled in the error colour. The canvas keeps its aspect ratio (a terminal cell is taken as
twice as tall as it is wide) and is centred in the widget. Dragging a region with the mouse moves it (snapping
to canvas edges, centre lines and other elements when the session's snap is on).
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from typing import Any

from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.message import Message
from textual.strip import Strip
from textual.widget import Widget

from ...editing import EditSession, ElementRef
from ...editing.access import Box, box, element_model, elements, regions, watermarks
from ...editing.geometry import other_boxes, snap_position
from ...editing.ops import canvas_of

REGION_COLOURS = ("#2d5f8b", "#3b7a57", "#7a5c2e", "#6b3f7a", "#2e7a78", "#7a3f52", "#55602c", "#4a4f8c")
ERROR_BG = "#a01c1c"
SELECT_FG = "#ffd700"
WATERMARK_FG = "#e0e0e0"
GUIDE_FG = "#00d7ff"
OUTSIDE_BG = "#101010"
CELL_ASPECT = 2.0  # a terminal cell is about twice as tall as wide

LIGHT = ("┌", "┐", "└", "┘", "─", "│")
HEAVY = ("┏", "┓", "┗", "┛", "━", "┃")
DASHED = ("┌", "┐", "└", "┘", "┄", "┆")

#: The picture being drawn: one character and one style per cell, a list of rows.
Chars = list[list[str]]
Styles = list[list[Style]]
Cells = tuple[int, int, int, int]


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
    """Canvas pixels <-> widget cells: ``scale`` pixels per column, origin cell (``ox``, ``oy``)."""

    scale: float
    ox: int
    oy: int
    cols: int
    rows: int

    def cell_x(self, px: float) -> int:
        return self.ox + round(px / self.scale)

    def cell_y(self, px: float) -> int:
        return self.oy + round(px / (self.scale * CELL_ASPECT))

    def px_dx(self, cells: int) -> int:
        return round(cells * self.scale)

    def px_dy(self, cells: int) -> int:
        return round(cells * self.scale * CELL_ASPECT)


def fit(canvas: tuple[int, int], width: int, height: int, margin: int = 1) -> Mapping:
    """The largest cell mapping of ``canvas`` (pixels) into ``width`` x ``height`` cells less ``margin`` cells on
    each side (where off-canvas parts of regions show), centred."""
    cw, ch = canvas
    inner_w, inner_h = max(width - 2 * margin, 1), max(height - 2 * margin, 1)
    scale = max(cw / inner_w, ch / (inner_h * CELL_ASPECT), 1e-6)
    cols = min(inner_w, max(1, round(cw / scale)))
    rows = min(inner_h, max(1, round(ch / (scale * CELL_ASPECT))))
    return Mapping(scale, (width - cols) // 2, (height - rows) // 2, cols, rows)


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

    def __init__(self, session: EditSession, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.session = session
        self.error_refs: set[ElementRef] = set()
        self.guides: tuple[float | None, float | None] = (None, None)
        self._lines: list[Strip] | None = None
        self._map: Mapping | None = None
        self._drag: tuple[ElementRef, int, int, Box, int] | None = None
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
        canvas = canvas_of(preset)
        m = self._map = fit(canvas, width, height)
        bg = Style(bgcolor=OUTSIDE_BG)
        chars = [[" "] * width for _ in range(height)]
        styles = [[bg] * width for _ in range(height)]
        vp = preset.video_params
        canvas_bg = Style(bgcolor=parse_colour(vp.back_ground_color if vp else None), color="#3a3a3a")
        self._fill(chars, styles, m.ox, m.oy, m.ox + m.cols, m.oy + m.rows, "·", canvas_bg)
        auto: dict[int, int] = {}
        for i, region in enumerate(regions(preset)):
            if region.user_id is None:
                auto[i] = len(auto) + 1
        for ref in reversed(elements(preset)):
            self._draw_element(chars, styles, m, ref, auto)
        for ref in self.session.selection:
            cells = self._cells(m, ref)
            if cells is None:
                continue
            x0, y0, x1, y1 = cells
            self._frame(chars, styles, x0, y0, x1, y1, HEAVY, Style(color=SELECT_FG, bold=True), keep_bg=True)
        gx, gy = self.guides
        guide = Style(color=GUIDE_FG, bold=True)
        if gx is not None:
            cx = m.cell_x(gx)
            for yy in range(m.oy, m.oy + m.rows):
                self._put(chars, styles, cx, yy, "┊", guide, keep_bg=True)
        if gy is not None:
            cy = m.cell_y(gy)
            for xx in range(m.ox, m.ox + m.cols):
                self._put(chars, styles, xx, cy, "┈", guide, keep_bg=True)
        return [self._strip(row_c, row_s) for row_c, row_s in zip(chars, styles)]

    def _cells(self, m: Mapping, ref: ElementRef) -> Cells | None:
        """Cells (x0, y0, x1, y1) covered by an element, at least one; None for a watermark without the body its
        WaterMarkType names (nothing to draw; the validator reports it)."""
        b = box(self.session.preset, ref)
        if b is None:
            return None
        x, y, w, h = b
        x0, y0 = m.cell_x(x), m.cell_y(y)
        return x0, y0, max(m.cell_x(x + w), x0 + 1), max(m.cell_y(y + h), y0 + 1)

    def _draw_element(self, chars: Chars, styles: Styles, m: Mapping, ref: ElementRef, auto: dict[int, int]) -> None:
        cells = self._cells(m, ref)
        if cells is None:
            return
        x0, y0, x1, y1 = cells
        error = ref in self.error_refs
        model = element_model(self.session.preset, ref)
        z = model.eff("z_order") if model is not None else 0
        if ref.kind == "region":
            colour = ERROR_BG if error else REGION_COLOURS[ref.index % len(REGION_COLOURS)]
            fill = Style(bgcolor=colour, color="#ffffff")
            self._fill(chars, styles, x0, y0, x1, y1, " ", fill)
            self._frame(chars, styles, x0, y0, x1, y1, LIGHT, Style(bgcolor=colour, color="#d0d0d0"))
            user = regions(self.session.preset)[ref.index].user_id
            label = f"{'!' if error else ''}#{ref.index} {user or f'auto #{auto.get(ref.index, 0)}'} z{z}"
            self._text(
                chars,
                styles,
                x0 + 1,
                y0 + (1 if y1 - y0 > 2 else 0),
                x1 - 1,
                label,
                Style(bgcolor=colour, color="#ffffff", bold=True),
            )
        else:
            style = Style(color=ERROR_BG if error else WATERMARK_FG)
            self._frame(chars, styles, x0, y0, x1, y1, DASHED, style, keep_bg=True)
            wm = watermarks(self.session.preset)[ref.index]
            what = f"'{wm.water_mark_text.text}'" if wm.eff("water_mark_type") == 1 and wm.water_mark_text else "img"
            self._text(
                chars,
                styles,
                x0 + 1,
                y0,
                x1 - 1,
                f"{'!' if error else ''}WM{ref.index} {what} z{z}",
                style,
                keep_bg=True,
            )

    @staticmethod
    def _put(chars: Chars, styles: Styles, x: int, y: int, ch: str, style: Style, keep_bg: bool = False) -> None:
        if 0 <= y < len(chars) and 0 <= x < len(chars[0]):
            chars[y][x] = ch
            styles[y][x] = styles[y][x] + style if keep_bg else style

    def _fill(self, chars: Chars, styles: Styles, x0: int, y0: int, x1: int, y1: int, ch: str, style: Style) -> None:
        for yy in range(max(y0, 0), min(y1, len(chars))):
            for xx in range(max(x0, 0), min(x1, len(chars[0]))):
                chars[yy][xx] = ch
                styles[yy][xx] = style

    def _frame(
        self,
        chars: Chars,
        styles: Styles,
        x0: int,
        y0: int,
        x1: int,
        y1: int,
        glyphs: tuple[str, ...],
        style: Style,
        keep_bg: bool = False,
    ) -> None:
        """Outline cells x0..x1-1, y0..y1-1. Only on-screen cells are visited: a region millions of pixels wide
        (typed into the inspector) must not be walked cell by cell."""
        tl, tr, bl, br, hz, vt = glyphs
        x1, y1 = x1 - 1, y1 - 1
        xs = range(max(x0, -1), min(x1, len(chars[0])) + 1)  # x0..x1 clipped to the screen (edges just outside)
        ys = range(max(y0, -1), min(y1, len(chars)) + 1)
        if y1 <= y0:  # one row: [────]
            for xx in xs:
                ch = "[" if xx == x0 else "]" if xx == x1 else hz
                self._put(chars, styles, xx, y0, ch, style, keep_bg)
            return
        if x1 <= x0:  # one column
            for yy in ys:
                self._put(chars, styles, x0, yy, vt, style, keep_bg)
            return
        for xx in xs:
            if xx in (x0, x1):
                continue
            self._put(chars, styles, xx, y0, hz, style, keep_bg)
            self._put(chars, styles, xx, y1, hz, style, keep_bg)
        for yy in ys:
            if yy in (y0, y1):
                continue
            self._put(chars, styles, x0, yy, vt, style, keep_bg)
            self._put(chars, styles, x1, yy, vt, style, keep_bg)
        for xx, yy, ch in ((x0, y0, tl), (x1, y0, tr), (x0, y1, bl), (x1, y1, br)):
            self._put(chars, styles, xx, yy, ch, style, keep_bg)

    def _text(
        self, chars: Chars, styles: Styles, x0: int, y: int, x1: int, text: str, style: Style, keep_bg: bool = False
    ) -> None:
        for i, ch in enumerate(text[: max(0, x1 - x0)]):
            self._put(chars, styles, x0 + i, y, ch, style, keep_bg)

    @staticmethod
    def _strip(row_chars: list[str], row_styles: list[Style]) -> Strip:
        segments = []
        start = 0
        for i in range(1, len(row_chars) + 1):
            if i == len(row_chars) or row_styles[i] != row_styles[start]:
                segments.append(Segment("".join(row_chars[start:i]), row_styles[start]))
                start = i
        return Strip(segments, len(row_chars))

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

    def on_mouse_down(self, event: events.MouseDown) -> None:
        ref = self.element_at(event.x, event.y)
        self.post_message(self.Selected(ref, extend=event.shift or event.ctrl))
        start = box(self.session.preset, ref) if ref is not None else None
        if ref is not None and start is not None and not (event.shift or event.ctrl):
            self._drag = (ref, event.x, event.y, start, next(self._drag_ids))
            self.capture_mouse()

    def on_mouse_move(self, event: events.MouseMove) -> None:
        if self._drag is None or self._map is None:
            return
        ref, sx, sy, (x, y, w, h), drag = self._drag
        nx, ny = x + self._map.px_dx(event.x - sx), y + self._map.px_dy(event.y - sy)
        if self.session.snap:
            threshold = self._map.scale * CELL_ASPECT
            others = other_boxes(self.session.preset, [ref])
            nx, ny, gx, gy = snap_position((nx, ny, w, h), canvas_of(self.session.preset), others, threshold)
            self.guides = (gx, gy)
        self.post_message(self.Dragged(ref, nx, ny, drag))

    def on_mouse_up(self, event: events.MouseUp) -> None:
        if self._drag is not None:
            ref, *_rest, drag = self._drag
            self._drag = None
            self.release_mouse()
            self.guides = (None, None)
            end = box(self.session.preset, ref)
            if end is not None:
                self.post_message(self.Dragged(ref, end[0], end[1], drag, done=True))
