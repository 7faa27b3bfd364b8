"""Findings: what the validator (and the renderer, and the push planner) reports about a design.

A finding has a stable ``code`` (``layout.region.outside-canvas``), a ``severity`` (error, warning, info), a
``path`` in API names from the request root (``VideoParams.LayoutParams.MixLayoutList[1].LocationX``; empty for
the whole body), a ``message`` giving the offending value, the limit and the fix, and a ``source`` naming the
public document the rule comes from, in the forms of :mod:`layout_studio.sources` (``SDK models.McuLayout.LocationX;
Data Types McuLayout``), and ``fixes``: the ways to remove it that a program can apply (:class:`Fix`; none when no
value can be computed, e.g. a missing UserId).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

#: A value a fix sets: a JSON integer or string (the API's field types).
FixValue = int | str


class Severity(StrEnum):
    """How bad a finding is. ``error`` blocks a push and makes ``validate`` exit 1; the others do not."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


@dataclass(frozen=True, slots=True)
class Fix:
    """One way to remove a finding: set every API path of ``changes`` (from the request root, as in
    :attr:`Finding.path`) to its value, together. A finding's message states the same numbers, so what a person reads
    and what a program applies agree; applying a fix removes that finding (it may reveal another one)."""

    changes: tuple[tuple[str, FixValue], ...]

    @classmethod
    def of(cls, changes: Mapping[str, FixValue]) -> Fix:
        """``Fix.of({"VideoParams.LayoutParams.MixLayoutList[1].LocationX": 640})``."""
        return cls(tuple(changes.items()))

    def to_dict(self) -> dict[str, FixValue]:
        """``{path: value}``, in the order the changes were given."""
        return dict(self.changes)


@dataclass(frozen=True, slots=True)
class Finding:
    """One problem (or note) about one place in a design; ``fixes`` are alternatives, each enough on its own."""

    code: str
    severity: Severity
    path: str
    message: str
    source: str
    fixes: tuple[Fix, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        """JSON shape used by ``validate --format json``: code, severity, path, message, source, and fixes (a list
        of ``{path: value}`` objects, each one way to remove the finding; empty when none is computed)."""
        return {
            "code": self.code,
            "severity": self.severity.value,
            "path": self.path,
            "message": self.message,
            "source": self.source,
            "fixes": [fix.to_dict() for fix in self.fixes],
        }

    def __str__(self) -> str:
        where = self.path or "(body)"
        return f"{self.severity.value}: {where}: {self.message} [{self.code}]"


def has_errors(findings: Iterable[Finding]) -> bool:
    """True when any finding has severity ``error`` (what blocks a push and makes ``validate`` exit 1)."""
    return any(f.severity is Severity.ERROR for f in findings)


def errors_in(findings: Iterable[Finding]) -> list[Finding]:
    """The findings of severity ``error``, in their order."""
    return [f for f in findings if f.severity is Severity.ERROR]


SEVERITY_ORDER = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.INFO: 2}


def sort_findings(findings: Iterable[Finding]) -> list[Finding]:
    """Errors first, then warnings, then infos; within a severity by path, then code."""
    return sorted(findings, key=lambda f: (SEVERITY_ORDER[f.severity], f.path, f.code))


def count_line(findings: Iterable[Finding], severities: tuple[Severity, ...] = tuple(Severity)) -> str:
    """``"1 error, 2 warnings, 0 infos"``: the count of each of ``severities``, in that order."""
    found = list(findings)
    counts = [(s.value, sum(1 for f in found if f.severity is s)) for s in severities]
    return ", ".join(f"{n} {name}{'' if n == 1 else 's'}" for name, n in counts)
