"""Undo/redo history of a design: a stack of Preset snapshots with a cursor.

Every change to the design goes through :meth:`History.record`, so undo covers every change. Consecutive changes
that share a ``coalesce`` key (typing into one field, one mouse drag) make one undo step.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..model import Preset


@dataclass
class _Step:
    label: str
    before: Preset
    coalesce: str | None


class History:
    """Snapshots (deep copies) of the Preset before each change; ``limit`` steps are kept (oldest dropped)."""

    def __init__(self, limit: int = 500) -> None:
        self.limit = limit
        self._undo: list[_Step] = []
        self._redo: list[_Step] = []

    def record(self, label: str, before: Preset, coalesce: str | None = None) -> None:
        """Record that ``before`` (the design as it was) is about to change by ``label``. Clears the redo stack.

        When ``coalesce`` is given and equals the previous step's key, no new step is made (the earlier ``before``
        is the state to return to)."""
        self._redo.clear()
        if coalesce is not None and self._undo and self._undo[-1].coalesce == coalesce:
            return
        self._undo.append(_Step(label, before.model_copy(deep=True), coalesce))
        if len(self._undo) > self.limit:
            del self._undo[0]

    def seal(self) -> None:
        """End coalescing: the next change makes a new step even with the same key."""
        if self._undo:
            self._undo[-1].coalesce = None

    @property
    def can_undo(self) -> bool:
        return bool(self._undo)

    @property
    def can_redo(self) -> bool:
        return bool(self._redo)

    def undo(self, current: Preset) -> tuple[Preset, str] | None:
        """The design before the last change and that change's label, or None; ``current`` goes to redo."""
        if not self._undo:
            return None
        step = self._undo.pop()
        self._redo.append(_Step(step.label, current.model_copy(deep=True), None))
        return step.before, step.label

    def redo(self, current: Preset) -> tuple[Preset, str] | None:
        """The design after the last undone change and its label, or None; ``current`` goes back to undo."""
        if not self._redo:
            return None
        step = self._redo.pop()
        self._undo.append(_Step(step.label, current.model_copy(deep=True), None))
        return step.before, step.label

    def __len__(self) -> int:
        return len(self._undo)
