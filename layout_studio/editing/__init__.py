"""Editing a preset, without any user interface: the session (current Preset, undo/redo, dirty flag, selection),
element operations (add, duplicate, delete, ZOrder, nudge, resize), geometry (snapping, align, distribute, canvas
rescale), layout templates, inspector field specs, autosave, and the commands a front end runs over a session
(:mod:`.commands`: one undo step each, returning what changed and what to tell the user; :mod:`.saving`: where a
design is saved, and recovering an autosave; :mod:`.outputs`: the preview PNG, contact sheet and exports written
from the design; :mod:`.ingest`: the regions that show a Target's ingest sources).

The Textual studio (:mod:`layout_studio.tui`) drives this package; everything here is plain Python so it can be
tested without a terminal. Nothing here imports Textual.
"""

from .access import ElementRef, element_path, get_path, set_path
from .history import History
from .session import EditSession

__all__ = ["EditSession", "ElementRef", "History", "element_path", "get_path", "set_path"]
