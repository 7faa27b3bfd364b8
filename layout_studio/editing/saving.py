"""Opening, saving a design and recovering an autosave, with no user interface.

What ``layout-studio edit [PATH]`` opens (:func:`open_session`): the preset in PATH; a new design when there is no
PATH, or when PATH does not exist yet — the design then saves there. Where a design is saved: to the file it came
from, except that a design with no file yet, or opened from the bundled presets (shipped examples, never
overwritten), needs a name first; the name proposed is in the user's presets folder (``<data dir>/presets``). After
a save the session's autosave follows: it is removed, or moved to the key of the new file. Both return an
:class:`~layout_studio.editing.commands.Outcome` like every command."""

from __future__ import annotations

from pathlib import Path

from ..errors import LoadError
from ..paths import ensure_dir, user_presets_dir
from .autosave import Autosave, Autosaver
from .commands import Effect, Outcome
from .ops import new_preset
from .session import EditSession


def open_session(path: Path | None) -> EditSession:
    """The session on ``path``: its preset when the file exists; else a new design (:func:`~.ops.new_preset`,
    named after the file) whose file is ``path``, so the first save writes it there; a new untitled design when
    ``path`` is None. Raises :class:`~layout_studio.errors.LoadError` when the file cannot be read, or when the
    folder to create it in does not exist."""
    if path is None:
        return EditSession(new_preset())
    if path.exists():
        return EditSession.open(path)
    folder = path.parent
    if not folder.is_dir():
        raise LoadError(
            f"no folder {folder} to create the file in: create the folder first, or give another path",
            file=str(path),
        )
    preset = new_preset()
    preset.name = path.stem
    return EditSession(preset, path)


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
