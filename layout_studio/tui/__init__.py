"""The studio: a Textual terminal app to design a mix interactively.

``run(path=None)`` opens the studio on a preset file (or a new design); ``StudioApp`` is the application
(:mod:`layout_studio.tui.app`), built from screens (:mod:`.screens`), widgets (:mod:`.widgets`), the command
palette provider (:mod:`.commands`), the messages screens post to the app (:mod:`.messages`) and styles
(``styles/*.tcss``). The editing logic itself is in :mod:`layout_studio.editing`, which imports no Textual: a key,
a click or a palette entry runs an action of a screen, which runs a command of :mod:`layout_studio.editing.commands`
(or, for the files it writes besides the preset, :mod:`layout_studio.editing.outputs` in a worker:
:mod:`.background`) and shows its outcome.
"""

from __future__ import annotations

from pathlib import Path


def run(path: Path | None = None) -> int:
    """Open the studio on ``path`` (a preset file; a path that does not exist yet opens a new design saved there)
    or a new design; returns the exit code.

    Raises :class:`~layout_studio.errors.LoadError` when the file cannot be opened (naming file and field)."""
    # textual-image asks the terminal for its cell size and graphics support: it must do so before Textual starts.
    import textual_image.widget  # noqa: F401

    from ..editing.saving import open_session
    from .app import StudioApp

    StudioApp(open_session(path)).run()
    return 0
