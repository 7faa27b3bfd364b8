"""Saving a design and recovering an autosave, with no user interface.

Where a design is saved: to the file it came from, except that a design with no file yet, or opened from the
bundled presets (shipped examples, never overwritten), needs a name first; the name proposed is in the user's
presets folder (``<data dir>/presets``). After a save the session's autosave follows: it is removed, or moved to the
key of the new file. Both return an :class:`~layout_studio.editing.commands.Outcome` like every command.
"""

from __future__ import annotations

from pathlib import Path

from ..paths import ensure_dir, user_presets_dir
from .autosave import Autosave, Autosaver
from .commands import Effect, Outcome
from .session import EditSession


def save_target(session: EditSession) -> Path | None:
    """The file a save writes to: the design's own, or None when saving must ask for a name first (the design has
    no file yet, or it is a bundled preset)."""
    return None if session.path is None or session.bundled else session.path


def proposed_path(session: EditSession) -> Path:
    """The file name to propose when asking: the design's own file, except that a bundled preset (or a design with
    no file) is proposed under its file name (or its title) in the user's presets folder."""
    if session.path is not None and session.bundled:
        return user_presets_dir() / session.path.name
    return session.path or user_presets_dir() / f"{session.title}.json"


def save(session: EditSession, autosaver: Autosaver, path: Path) -> Outcome:
    """Save the design atomically to ``path`` (creating the user's presets folder when that is where it goes) and
    let the autosave follow. The message names the file and the secrets left out of it (UserSig, SecretKey,
    txSecret). Raises LayoutStudioError, OSError or ValueError when the file cannot be written."""
    if path.parent == user_presets_dir():
        ensure_dir(path.parent)
    old = session.path
    stripped = session.save(path)
    if old != session.path:
        autosaver.retarget(session.path)
    else:
        autosaver.discard()
    note = f"saved {path.name}" + (f"; secrets left out: {', '.join(stripped)}" if stripped else "")
    return Outcome(Effect.SESSION, note)


def recover(session: EditSession, autosave: Autosave) -> Outcome:
    """Put the autosaved design in the session as one undo step (the session stays unsaved); a new design takes
    the autosave's source file. Raises ValueError (pydantic.ValidationError) when the autosave no longer loads."""
    session.replace("Recover autosave", autosave.load())
    if autosave.source and not session.path:
        session.path = autosave.source
    return Outcome(Effect.DESIGN, "recovered the autosave: save to keep it")
