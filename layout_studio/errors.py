"""Exceptions raised to users of the library and turned into clear messages (exit 2) by the command line.

Every exception carries a message that names the file, the field and the fix; none carries a secret: the text is
redacted with the run's secret registry when it is shown (:mod:`layout_studio.redaction`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .redaction import redact

if TYPE_CHECKING:
    from .findings import Finding


class LayoutStudioError(Exception):
    """Base of the errors a user can cause. ``str(err)`` is the whole message to show (secrets masked)."""

    def __str__(self) -> str:
        return redact(super().__str__())


class LoadError(LayoutStudioError):
    """A file could not be read or is not a JSON object of a known shape.

    ``file`` is the path as given, ``line`` and ``column`` (1-based) point at the problem when known.
    """

    def __init__(
        self, message: str, *, file: str | None = None, line: int | None = None, column: int | None = None
    ) -> None:
        self.file = file
        self.line = line
        self.column = column
        self.detail = message
        where = file or "<input>"
        if line is not None:
            where += f":{line}" + (f":{column}" if column is not None else "")
        super().__init__(f"{where}: {message}")


class InvalidDesignError(LayoutStudioError):
    """A design or request has findings of severity ``error``; nothing was built or sent.

    ``findings`` holds every finding (errors and the rest), so callers can show them all.
    """

    def __init__(self, message: str, findings: list[Finding]) -> None:
        self.findings = findings
        super().__init__(message)
