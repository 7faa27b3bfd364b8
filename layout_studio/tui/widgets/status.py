"""The editor's status line: the design's file and its unsaved mark, the canvas size, the layout mode, snapping,
and the last message (or a hint).

The file is shown as the user would type it (``~`` for the home folder, relative to the working folder when it is
inside it) and shortened from the left, whole folders first (``…/presets/show.json``), so the name stays; a file
that does not exist yet says ``(new)``, a design with no file ``untitled``. When the line is too narrow, the
folders of the file give way first, then a hint (it is cut, then left out; a message is not), then snapping, then
the layout mode, then the end of the message: the file's name (or its last :data:`MIN_FILE_CELLS` cells), the
unsaved mark and the canvas size stay.
"""

from __future__ import annotations

from pathlib import Path

from rich.cells import cell_len, set_cell_size

from ...editing import EditSession

#: The file is never shortened below this many cells (or its whole name when shorter).
MIN_FILE_CELLS = 16
#: A hint is cut to no fewer cells than this (``?: keys…``); with less room it is left out.
MIN_HINT_CELLS = 8
SEP = " │ "


def shown_path(path: Path) -> str:
    """``path`` as the user would type it: relative to the working folder when inside it, else with ``~`` for the
    home folder, else absolute."""
    path = path.expanduser().absolute()
    for base, prefix in ((Path.cwd(), ""), (Path.home(), "~/")):
        try:
            return prefix + str(path.relative_to(base))
        except ValueError:
            continue
    return str(path)


def fit_left(text: str, cells: int) -> str:
    """``text`` in at most ``cells`` cells: whole, else ``…`` and its end, cut after a ``/`` when one is near."""
    if cell_len(text) <= cells:
        return text
    if cells <= 1:
        return "…"[:cells]
    parts = text.split("/")
    for k in range(len(parts) - 1, 0, -1):  # keep the last k parts: folders go first, the name stays
        candidate = "…/" + "/".join(parts[-k:])
        if cell_len(candidate) <= cells:
            return candidate
    tail = text[::-1]
    return "…" + set_cell_size(tail, cells - 1)[::-1].lstrip()


def fit_right(text: str, cells: int) -> str:
    """``text`` in at most ``cells`` cells, ending with ``…`` when cut."""
    if cell_len(text) <= cells:
        return text
    if cells <= 1:
        return "…"[:cells]
    return set_cell_size(text, cells - 1).rstrip() + "…"


def file_label(session: EditSession) -> str:
    """The design's file as shown (``(new)`` when it does not exist yet), or ``untitled``."""
    if session.path is None:
        return "untitled"
    label = shown_path(session.path)
    return label if session.path.exists() else f"{label} (new)"


def status_text(session: EditSession, width: int, message: str | None = None, hint: str | None = None) -> str:
    """The status line for ``session`` in ``width`` cells: file, unsaved mark ``●``, canvas, mode, snap, and
    ``message`` (else ``hint``)."""
    canvas = session.preset.canvas
    lp = session.preset.video_params.layout_params if session.preset.video_params else None
    mode = lp.eff("mix_layout_mode") if lp else 1
    optional = [
        f"{canvas[0]}×{canvas[1]}" if canvas else "no canvas",
        f"mode {mode}",
        f"snap {'on' if session.snap else 'off'}",
    ]
    label = file_label(session)
    mark = " ●" if session.dirty else ""
    name_cells = min(cell_len(label), max(MIN_FILE_CELLS, cell_len("…/" + Path(label).name)))
    news = message or ""
    if not message and hint:  # a hint gives way before snapping and the mode: it is cut, or left out
        left = width - 1 - cell_len(mark) - cell_len("".join(SEP + part for part in optional)) - name_cells
        left -= cell_len(SEP)
        news = hint if cell_len(hint) <= left else fit_right(hint, left) if left >= MIN_HINT_CELLS else ""
    tail = cell_len(SEP + news) if news else 0
    keep = 1
    for k in (3, 2):
        if width - 1 - cell_len(mark) - cell_len("".join(SEP + part for part in optional[:k])) - tail >= name_cells:
            keep = k
            break
    fixed = "".join(SEP + part for part in optional[:keep])
    room = max(width - 1 - cell_len(mark) - cell_len(fixed) - tail, name_cells)  # else the message is cut
    head = f" {fit_left(label, room)}{mark}{fixed}"
    if news:
        head += SEP + fit_right(news, max(1, width - cell_len(head) - cell_len(SEP)))
    return head
