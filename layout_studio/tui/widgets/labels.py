"""Where the canvas writes its labels: once every box is drawn, the top of the stack first, so that none is written
over another.

A label goes on the first row of its box where it fits whole on cells no other label holds and, for a region, where
its own box shows (no region above covers it) — first where it crosses no outline of a watermark above it (a small
watermark stays visible), else over such outlines; a watermark's label prefers its top edge, a region's its second
row (:func:`label_rows`). Where no row has room, the label is cut on the row with the most room (its start, the
element's name, stays). The canvas marks, while it draws, the region filling each cell and the watermark outline
passing each (:func:`mark_outline`), by rank in the drawing order (0: the bottom; -1: none).
"""

from __future__ import annotations

from dataclasses import dataclass

from .picture import Picture

#: One row of the canvas's cells: the rank of the region filling each, of the watermark outline passing each.
Row = tuple[list[int], list[int]]


@dataclass
class Label:
    """A label to place once every box is drawn: ``text`` in style ``sid`` (``keep_bg``: over what is there) on one
    of ``rows``, from column ``x0`` to before ``x1``; ``rank`` is its element's place in the drawing order (0: the
    bottom), ``region`` whether the element is a region (its label goes only where its own box shows)."""

    text: str
    sid: int
    keep_bg: bool
    rows: list[int]
    x0: int
    x1: int
    rank: int
    region: bool


def mark_outline(grid: list[list[int]], x0: int, y0: int, x1: int, y1: int, rank: int) -> None:
    """Mark the outline cells of box x0..x1-1, y0..y1-1 with ``rank`` in ``grid`` (cells off the grid skipped)."""
    height = len(grid)
    width = len(grid[0]) if grid else 0
    a, b = max(x0, 0), min(x1, width)
    for row in {y0, y1 - 1}:
        if 0 <= row < height and a < b:
            grid[row][a:b] = [rank] * (b - a)
    for col in {x0, x1 - 1}:
        if 0 <= col < width:
            for row in range(max(y0, 0), min(y1, height)):
                grid[row][col] = rank


def label_rows(y0: int, y1: int, first: list[int]) -> list[int]:
    """Rows ``first`` then the inner rows of a box spanning rows y0..y1-1, then its edges, each once."""
    out: list[int] = []
    for row in [*first, *range(y0 + 1, y1 - 1), y0, y1 - 1]:
        if y0 <= row < y1 and row not in out:
            out.append(row)
    return out


def _room(label: Label, row: int, cells: Row, taken: bytearray, clean: bool) -> int:
    """How many cells of ``label`` fit on ``row`` from its start: cells no other label holds, where its own region
    shows (a region's label) or no region above it covers (a watermark's), and — when ``clean`` — no outline of a
    watermark above it passes (``cells``: the row's owners and outlines)."""
    owner, outline = cells
    free = 0
    for x in range(label.x0, min(label.x1, label.x0 + len(label.text))):
        if 0 <= x < len(owner):
            mine = owner[x] == label.rank if label.region else owner[x] < label.rank
            crossed = outline[x] > label.rank or (label.region and outline[x] == label.rank)
            if taken[x] or not mine or (clean and crossed):
                break
        free += 1
    return free


def place_labels(pic: Picture, labels: list[Label], owner: list[list[int]], outline: list[list[int]]) -> None:
    """Write ``labels`` into ``pic``, the last (the top of the stack) first, each on the first of its rows where it
    fits whole (module docstring): first where it crosses no outline of a watermark above it, else over such
    outlines; ``owner``: per cell, the rank of the topmost region filling it, ``outline``: of the topmost watermark
    outline passing there (-1: none)."""
    taken = [bytearray(pic.width) for _ in range(pic.height)]
    for label in reversed(labels):
        rows = [row for row in label.rows if 0 <= row < pic.height]
        best: tuple[int, int] | None = None  # (row, cells free from x0)
        for clean in (True, False):
            for row in rows:
                free = _room(label, row, (owner[row], outline[row]), taken[row], clean)
                if free >= len(label.text):
                    best = (row, free)
                    break
                if not clean and (best is None or free > best[1]):
                    best = (row, free)
            if best is not None and best[1] >= len(label.text):
                break
        if best is None:
            continue
        row, free = best
        text = label.text[:free]
        pic.text(label.x0, row, label.x0 + len(text), text, label.sid, keep_bg=label.keep_bg)
        for x in range(max(label.x0, 0), min(label.x0 + len(text), pic.width)):
            taken[row][x] = 1
