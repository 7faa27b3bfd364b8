"""Palette commands that write files from the design: the preview PNG, the contact sheet, and an export to another
Tencent surface — without any user interface.

Each takes a copy of the design made when the command was given (a front end runs it off its UI thread while the
user goes on editing), writes atomically (:mod:`layout_studio.atomic`) and returns an :class:`Output`: the files
written and the line for the status bar (the news first, the file by its name: an 80-column line holds it; and,
for an export, the loss report). They change nothing in the session.
Errors: :class:`~layout_studio.errors.LayoutStudioError` (a file that cannot be written, a bad option) and OSError;
nothing is written then. Paths are the user's; a file already there is replaced (the front end asks first).

* :func:`write_png` — the full-size preview (``Renderer.render`` at scale 1, the renderer's findings summed up);
* :func:`write_sheet` — the contact sheet (:func:`layout_studio.sheet.build_sheet`: every room state, tiles flagged
  in red), saying how many tiles are flagged and why the first one is;
* :func:`export_design` — :func:`layout_studio.export.export` to a target, written with ``ExportResult.write``
  (the body and the text watermarks drawn beside it) unless the target's own rules find errors, which refuse it
  (nothing written; the findings say why).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..atomic import atomic_write_png
from ..findings import Finding, Severity, count_line, has_errors
from ..model import Preset

if TYPE_CHECKING:
    from ..render import Renderer


@dataclass
class Output:
    """What a command wrote: the ``files`` (none when refused), the status line ``message``, the ``findings`` to
    show (an export's loss report and the target's rules, errors first; the renderer's for a PNG or a sheet), and
    ``refused`` when the target's rules found errors and nothing was written."""

    files: list[Path]
    message: str
    findings: list[Finding] = field(default_factory=list)
    refused: bool = False


_UNSAFE = re.compile(r"[\x00-\x1f\x7f/\\:*?\"<>|]+")


def file_stem(title: str) -> str:
    """A file name stem for a design titled ``title`` (its Name): path separators and characters file systems refuse
    become ``_``; ``untitled`` when nothing is left."""
    stem = _UNSAFE.sub("_", title).strip(" ._")
    return stem or "untitled"


def default_path(title: str, suffix: str, folder: Path | None = None) -> Path:
    """``<folder or the working folder>/<file_stem(title)><suffix>`` (``.png``, ``.sheet.png``,
    ``.recording.json``)."""
    return (folder if folder is not None else Path.cwd()) / f"{file_stem(title)}{suffix}"


def _notes(findings: list[Finding]) -> str:
    """`` (2 render notes: <the first>)`` for the renderer's warnings, else nothing."""
    notes = [f for f in findings if f.severity is not Severity.INFO]
    return f" ({len(notes)} render note{'s' if len(notes) != 1 else ''}: {notes[0].message})" if notes else ""


def write_png(
    preset: Preset,
    path: Path,
    renderer: Renderer,
    *,
    users: int | None = None,
    sources: dict[str, Any] | None = None,
) -> Output:
    """Render ``preset`` at full size (canvas pixels) with ``renderer`` (its caches shared with the preview) and
    write it to ``path`` as PNG. ``users``: the simulated room of a dynamic layout (None: the renderer's default);
    ``sources``: UserId -> picture to show for that user (an ingest source's local picture)."""
    result = renderer.render(preset, users=users, sources=sources or {})
    atomic_write_png(path, result.image)
    size = f"{result.image.width}×{result.image.height}"
    return Output([path], f"wrote {path.name} ({size}){_notes(result.findings)}", list(result.findings))


def write_sheet(preset: Preset, path: Path, renderer: Renderer, users: tuple[int, int] | None = None) -> Output:
    """Build the contact sheet of ``preset`` (``users``: the room sizes, LOW-HIGH; None: every state the design goes
    through) with ``renderer`` and write it to ``path`` as PNG; the message says how many tiles are flagged and why
    the first one is."""
    from ..sheet import build_sheet

    sheet = build_sheet(preset, users=users, renderer=renderer)
    atomic_write_png(path, sheet.image)
    flagged = sheet.flagged
    text = f"{path.name}: {len(sheet.tiles)} room states, {len(flagged)} flagged"
    if flagged:
        text += f" (first: {flagged[0].state.caption}: {'; '.join(flagged[0].flags)})"
    return Output([path], text, list(sheet.findings))


def export_design(preset: Preset, target: str, path: Path) -> Output:
    """Export ``preset`` to ``target`` (a name of :func:`layout_studio.export.targets`) and write the body to
    ``path`` (with the text watermarks a client SDK cannot draw as PNG files beside it); refused, nothing written,
    when the target's rules find errors. The findings are the loss report and the target's rules."""
    from ..export import TARGETS, export

    spec = TARGETS[target]
    options = {"output": path} if "output" in spec.options else {}
    result = export(preset, target, **options)
    what = f"{result.action} ({target})" if result.action else target
    if has_errors(result.findings):
        message = f"not exported: {count_line(result.findings)} for {target} — fix the errors first"
        return Output([], message, list(result.findings), refused=True)
    files = result.write(path)
    beside = f" (+{len(files) - 1} text watermark PNG)" if len(files) > 1 else ""
    message = f"exported {path.name}{beside}: {what}; {count_line(result.findings)}"
    return Output(files, message, list(result.findings))
