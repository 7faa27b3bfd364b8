"""A picture made of terminal cells: a grid of characters and styles that the canvas draws into back to front (fills,
frames, text), then turns into Textual strips.

Styles are kept as small integers into a table of Rich styles, so filling a row is one slice assignment and
merging equal neighbours into segments compares integers; a style drawn over another (``keep_bg``: a frame or a
label over a filled box) is their combination, computed once per pair. Coordinates are cells; anything outside the
picture is clipped. :func:`cell_aspect` is the shape of a cell, for drawing at the right aspect ratio.
"""

from __future__ import annotations

from functools import cache

from rich.segment import Segment
from rich.style import Style
from textual.strip import Strip
from textual_image._terminal import get_cell_size  # textual-image exports it nowhere public

LIGHT = ("┌", "┐", "└", "┘", "─", "│")
HEAVY = ("┏", "┓", "┗", "┛", "━", "┃")
DASHED = ("┌", "┐", "└", "┘", "┄", "┆")
DOTTED = ("·", "·", "·", "·", "┈", "┊")


@cache
def cell_aspect() -> float:
    """Height of a terminal cell over its width, as the terminal reports it (textual-image asks it once, before
    the app starts); 2.0 when it does not say (no terminal: tests, pipes)."""
    try:
        size = get_cell_size()
    except Exception:  # noqa: BLE001 - no terminal to ask
        return 2.0
    return size.height / size.width if size.width > 0 and size.height > 0 else 2.0


class Picture:
    """``width`` x ``height`` cells of ``background`` style, spaces."""

    def __init__(self, width: int, height: int, background: Style) -> None:
        self.width, self.height = width, height
        self._table: list[Style] = [background]
        self._ids: dict[Style, int] = {background: 0}
        self._over: dict[tuple[int, int], int] = {}
        self.chars = [[" "] * width for _ in range(height)]
        self.styles = [[0] * width for _ in range(height)]

    def style(self, style: Style) -> int:
        """The id of ``style`` in this picture's table (added when new)."""
        sid = self._ids.get(style)
        if sid is None:
            sid = self._ids[style] = len(self._table)
            self._table.append(style)
        return sid

    def _on(self, under: int, over: int) -> int:
        """The id of style ``over`` drawn over ``under`` (its unset parts, e.g. the background, from ``under``)."""
        key = (under, over)
        sid = self._over.get(key)
        if sid is None:
            sid = self._over[key] = self.style(self._table[under] + self._table[over])
        return sid

    def fill(self, x0: int, y0: int, x1: int, y1: int, ch: str, sid: int) -> None:
        """Cells x0..x1-1, y0..y1-1 become ``ch`` in style ``sid``."""
        a, b = max(x0, 0), min(x1, self.width)
        if a >= b:
            return
        chars, styles = [ch] * (b - a), [sid] * (b - a)
        for yy in range(max(y0, 0), min(y1, self.height)):
            self.chars[yy][a:b] = chars
            self.styles[yy][a:b] = styles

    def hline(self, x0: int, x1: int, y: int, ch: str, sid: int, keep_bg: bool = False) -> None:
        """Cells x0..x1-1 of row ``y`` become ``ch``; with ``keep_bg`` the style is drawn over what is there."""
        a, b = max(x0, 0), min(x1, self.width)
        if a >= b or not 0 <= y < self.height:
            return
        self.chars[y][a:b] = [ch] * (b - a)
        row = self.styles[y]
        row[a:b] = [self._on(s, sid) for s in row[a:b]] if keep_bg else [sid] * (b - a)

    def put(self, x: int, y: int, ch: str, sid: int, keep_bg: bool = False) -> None:
        """One cell."""
        if 0 <= y < self.height and 0 <= x < self.width:
            self.chars[y][x] = ch
            self.styles[y][x] = self._on(self.styles[y][x], sid) if keep_bg else sid

    def vline(self, x: int, y0: int, y1: int, ch: str, sid: int, keep_bg: bool = False) -> None:
        """Cells y0..y1-1 of column ``x``."""
        if not 0 <= x < self.width:
            return
        for yy in range(max(y0, 0), min(y1, self.height)):
            self.put(x, yy, ch, sid, keep_bg)

    def frame(
        self, x0: int, y0: int, x1: int, y1: int, glyphs: tuple[str, ...], sid: int, keep_bg: bool = False
    ) -> None:
        """Outline cells x0..x1-1, y0..y1-1 (one row: ``[──]``; one column: a vertical line). Only cells on screen
        are visited, whatever the size of the box."""
        tl, tr, bl, br, hz, vt = glyphs
        right, bottom = x1 - 1, y1 - 1
        if bottom <= y0:
            self.hline(x0 + 1, right, y0, hz, sid, keep_bg)
            self.put(x0, y0, "[", sid, keep_bg)
            if right > x0:
                self.put(right, y0, "]", sid, keep_bg)
            return
        if right <= x0:
            self.vline(x0, y0, y1, vt, sid, keep_bg)
            return
        self.hline(x0 + 1, right, y0, hz, sid, keep_bg)
        self.hline(x0 + 1, right, bottom, hz, sid, keep_bg)
        self.vline(x0, y0 + 1, bottom, vt, sid, keep_bg)
        self.vline(right, y0 + 1, bottom, vt, sid, keep_bg)
        for xx, yy, ch in ((x0, y0, tl), (right, y0, tr), (x0, bottom, bl), (right, bottom, br)):
            self.put(xx, yy, ch, sid, keep_bg)

    def text(self, x0: int, y: int, x1: int, text: str, sid: int, keep_bg: bool = False) -> None:
        """``text`` from cell ``x0`` on row ``y``, cut at ``x1`` (one cell per character)."""
        for i, ch in enumerate(text[: max(0, x1 - x0)]):
            self.put(x0 + i, y, ch, sid, keep_bg)

    def strips(self) -> list[Strip]:
        """One strip per row, neighbouring cells of one style joined into one segment."""
        table, width = self._table, self.width
        out = []
        for chars, ids in zip(self.chars, self.styles):
            segments = []
            start, cur = 0, ids[0] if ids else 0
            for i in range(1, width):
                sid = ids[i]
                if sid != cur:
                    segments.append(Segment("".join(chars[start:i]), table[cur]))
                    start, cur = i, sid
            if width:
                segments.append(Segment("".join(chars[start:]), table[cur]))
            out.append(Strip(segments, width))
        return out
