"""Editing a preset, without any user interface: the session (current Preset, undo/redo, dirty flag, selection),
element operations (add, duplicate, delete, ZOrder, nudge, resize), geometry (snapping, align, distribute, canvas
rescale), layout templates, inspector field specs, and autosave/recovery.

The Textual studio (:mod:`layout_studio.tui`) drives this package; everything here is plain Python so it can be
tested without a terminal. Nothing here imports Textual.
"""

from .access import ElementRef, element_path, get_path, set_path
from .history import History
from .session import EditSession

__all__ = ["EditSession", "ElementRef", "History", "element_path", "get_path", "set_path"]
