"""The editing session: the current Preset, its file, undo/redo, the dirty flag, the selection, live findings.

Every change goes through :meth:`EditSession.change`, which snapshots the design first (so undo covers it) and
rolls back if the change raises. Findings come from :func:`layout_studio.validation.validate` (the studio holds no
rules of its own) and are cached per version of the design.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from ..findings import Finding
from ..model import Preset
from .access import ElementRef, elements
from .history import History

T = TypeVar("T")


class EditSession:
    """One open design. ``path`` is the file it was opened from or last saved to (None for a new design)."""

    def __init__(self, preset: Preset, path: Path | None = None) -> None:
        self.preset = preset
        self.path = Path(path) if path else None
        self.history = History()
        self.selection: list[ElementRef] = []
        self.snap = True
        #: Users in the simulated room of a dynamic layout (None: :data:`layout_studio.mix.DEFAULT_DYNAMIC_USERS`).
        self.room_users: int | None = None
        self.version = 0
        self._saved_api = preset.to_api()
        self._dirty_cache: tuple[int, bool] = (0, False)
        self._findings_cache: tuple[int, list[Finding]] | None = None

    # -- files ---------------------------------------------------------------------------------------------------
    @classmethod
    def open(cls, path: Path | str) -> EditSession:
        """Load a preset file (raises :class:`~layout_studio.errors.LoadError` naming file and field)."""
        from ..presets import load_preset

        return cls(load_preset(Path(path)), Path(path))

    def save(self, path: Path | str | None = None) -> list[str]:
        """Write the design atomically to ``path`` (default: :attr:`path`) and mark it clean.

        Returns the secret paths that were stripped (UserSig, SecretKey, txSecret), to tell the user.
        Raises ValueError when there is no path, OSError when the file cannot be written."""
        from ..presets import save_preset

        target = Path(path) if path else self.path
        if target is None:
            raise ValueError("this design has no file yet: save it under a name")
        stripped = save_preset(self.preset, target)
        self.path = target
        self.mark_saved()
        return stripped

    def mark_saved(self) -> None:
        """Take the current design as the saved state (dirty becomes False)."""
        self._saved_api = self.preset.to_api()
        self._dirty_cache = (self.version, False)
        self.history.seal()

    @property
    def dirty(self) -> bool:
        """True when the design differs from what was opened or last saved (undoing back to it makes it clean)."""
        if self._dirty_cache[0] != self.version:
            self._dirty_cache = (self.version, self.preset.to_api() != self._saved_api)
        return self._dirty_cache[1]

    @property
    def bundled(self) -> bool:
        """True when :attr:`path` is one of the bundled presets (:func:`layout_studio.bundled.presets_dir`):
        those are shipped examples, so the studio saves a copy under a new name instead of overwriting them."""
        from .. import bundled

        if self.path is None:
            return False
        return self.path.resolve().parent == bundled.presets_dir().resolve()

    @property
    def title(self) -> str:
        """Preset Name, else file name, else "untitled"."""
        return self.preset.name or (self.path.name if self.path else "untitled")

    # -- changes -------------------------------------------------------------------------------------------------
    def change(self, label: str, fn: Callable[[Preset], T], *, coalesce: str | None = None) -> T:
        """Apply ``fn`` to the design as one undoable step named ``label`` and return its result.

        If ``fn`` raises, the design is restored and the exception propagates (no step is recorded)."""
        before = self.preset.model_copy(deep=True)
        try:
            result = fn(self.preset)
        except Exception:
            self.preset = before
            raise
        self.history.record(label, before, coalesce)
        self._bump()
        return result

    def replace(self, label: str, preset: Preset) -> None:
        """Replace the whole design (template, conversion, recovery) as one undoable step."""
        self.history.record(label, self.preset)
        self.preset = preset
        self._bump()

    def undo(self) -> str | None:
        """Undo the last change; returns its label, or None when there is nothing to undo."""
        got = self.history.undo(self.preset)
        return self._restore(got)

    def redo(self) -> str | None:
        """Redo the last undone change; returns its label, or None."""
        got = self.history.redo(self.preset)
        return self._restore(got)

    def _restore(self, got: tuple[Preset, str] | None) -> str | None:
        if got is None:
            return None
        self.preset, label = got
        self._bump()
        return label

    def _bump(self) -> None:
        self.version += 1
        valid = set(elements(self.preset))
        self.selection = [r for r in self.selection if r in valid]

    # -- selection -----------------------------------------------------------------------------------------------
    @property
    def primary(self) -> ElementRef | None:
        """The element the inspector shows (the last selected), or None."""
        return self.selection[-1] if self.selection else None

    def select(self, ref: ElementRef | None, *, extend: bool = False) -> None:
        """Select ``ref`` (None clears). With ``extend``, toggle it in a multi-selection (for align/distribute)."""
        if ref is None:
            self.selection = []
        elif extend:
            if ref in self.selection:
                self.selection.remove(ref)
            else:
                self.selection.append(ref)
        else:
            self.selection = [ref]

    def select_step(self, step: int) -> ElementRef | None:
        """Select the next (``step=1``) or previous (-1) element in stacking order, wrapping; returns it."""
        order = elements(self.preset)
        if not order:
            self.selection = []
            return None
        cur = self.primary
        i = order.index(cur) + step if cur in order else (0 if step > 0 else -1)
        self.selection = [order[i % len(order)]]
        return self.selection[0]

    # -- findings ------------------------------------------------------------------------------------------------
    def findings(self) -> list[Finding]:
        """The validator's findings for the design (design-only checks of a preset), cached per version."""
        if self._findings_cache is None or self._findings_cache[0] != self.version:
            self._findings_cache = (self.version, check(self.preset))
        return self._findings_cache[1]


def check(preset: Preset) -> list[Finding]:
    """:func:`layout_studio.validation.validate` of the preset (its design-only checks)."""
    from ..validation import validate

    return validate(preset)
