"""Command palette entries (ctrl+p) for every action of the studio, as a Textual command :class:`Provider`.

Each entry names an action of the editor screen (or, prefixed ``app.``, of the app), so the palette and the key
bindings run the same code. To add an entry: a :class:`PaletteCommand` row in :data:`ACTIONS` (title, action
string as in a Binding, help text naming the key if there is one).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING, NamedTuple, cast

from textual.command import DiscoveryHit, Hit, Hits, Provider

from ..editing.templates import TEMPLATES

if TYPE_CHECKING:
    from .app import StudioApp


class PaletteCommand(NamedTuple):
    """One palette entry: the ``title`` searched and shown, the ``action`` it runs, and a ``help`` line."""

    title: str
    action: str
    help: str


#: Every palette entry, in the order shown. Actions prefixed ``app.`` run on the app, the others on the editor.
ACTIONS: list[PaletteCommand] = [
    PaletteCommand("Add region", "add_region", "Append an auto-filled region and select it (a)"),
    PaletteCommand("Add text watermark", "add_watermark", "Append a text watermark (w)"),
    PaletteCommand("Duplicate selection", "duplicate", "Copy the selected element, 10 px lower right (d)"),
    PaletteCommand("Delete selection", "delete", "Remove the selected elements (delete)"),
    PaletteCommand("Raise ZOrder", "shift_z(1)", "Bring the selection one level up (])"),
    PaletteCommand("Lower ZOrder", "shift_z(-1)", "Send the selection one level down ([)"),
    PaletteCommand("Select next element", "select_step(1)", "tab"),
    PaletteCommand("Select previous element", "select_step(-1)", "shift+tab"),
    PaletteCommand("Select all regions", "select_all", "For align and distribute (ctrl+a)"),
    PaletteCommand("Undo", "undo", "ctrl+z"),
    PaletteCommand("Redo", "redo", "ctrl+y"),
    PaletteCommand("Save", "save", "Save the preset atomically (ctrl+s)"),
    PaletteCommand("Save as…", "save_as", "Save under a new name (default: your presets folder)"),
    PaletteCommand("Open preset…", "open", "Open a bundled preset, one of yours, or a file"),
    PaletteCommand("Refresh preview", "refresh_preview", "Render now, fetching the images again (r)"),
    PaletteCommand("Toggle canvas / preview", "toggle_view", "v (the preview re-renders itself after edits)"),
    PaletteCommand("Write preview PNG…", "write_png", "Render at full size and write a PNG file"),
    PaletteCommand(
        "Contact sheet…", "contact_sheet", "Every room state on one PNG, flagged tiles in red (layout-studio sheet)"
    ),
    PaletteCommand("Export…", "export", "To cloud recording, the legacy MCU API or a client SDK; shows what is lost"),
    PaletteCommand(
        "Toggle snapping", "toggle_snap", "Snap to canvas edges, centre lines and other regions while dragging (s)"
    ),
    PaletteCommand(
        "Resize canvas, scaling regions…", "resize_canvas(True)", "Change VideoEncode Width×Height, regions follow"
    ),
    PaletteCommand("Resize canvas only…", "resize_canvas(False)", "Change VideoEncode Width×Height, regions stay"),
    PaletteCommand(
        "Convert dynamic layout to custom…", "convert_dynamic", "Materialise MixLayoutMode 1/2/3 as editable regions"
    ),
    PaletteCommand("Push to a live task…", "push", "Show the request and the changes, then UpdatePublishCdnStream"),
    PaletteCommand(
        "Start recording…", "record", "Show the CreateCloudRecording request, then start recording the design"
    ),
    PaletteCommand("Quit", "app.quit", "ctrl+q (asks when there are unsaved changes)"),
]
for _how in ("left", "right", "top", "bottom", "hcenter", "vcenter"):
    ACTIONS.append(
        PaletteCommand(f"Align {_how}", f"align('{_how}')", "One element: to the canvas; several: to their bounds")
    )
ACTIONS += [
    PaletteCommand("Distribute horizontally", "distribute('x')", "Equal gaps between three or more selected elements"),
    PaletteCommand("Distribute vertically", "distribute('y')", "Equal gaps between three or more selected elements"),
]
for _mode, _verb in (("replace", "replace layout"), ("fill", "fill existing regions")):
    for _key, _template in TEMPLATES.items():
        if _template.corner:
            _help = "Ask for the corner (MixLayoutMode 4)"
        elif _template.n_range:
            _low, _high = _template.n_range
            _extra = f"; N + {_template.extra} regions in all" if _template.extra else ""
            _help = f"Ask how many {_template.counts}: {_low} to {_high}{_extra} (MixLayoutMode 4)"
        else:
            ACTIONS.append(
                PaletteCommand(
                    f"Template: {_template.title} — {_verb}", f"template('{_key}', '{_mode}')", "MixLayoutMode 4"
                )
            )
            continue
        title = "grid N" if _key == "grid" else _template.title
        ACTIONS.append(PaletteCommand(f"Template: {title} — {_verb}…", f"template_prompt('{_key}', '{_mode}')", _help))
    for _n in (4, 9, 16):
        ACTIONS.append(
            PaletteCommand(f"Template: grid {_n} — {_verb}", f"template('grid', '{_mode}', {_n})", "MixLayoutMode 4")
        )
ACTIONS += [
    PaletteCommand("Help: every key", "help", "? or F1: the keys of the focused area, the mouse, every command"),
    PaletteCommand("Read the findings", "focus_findings", "f: each finding in full; enter goes to its field"),
    PaletteCommand("Go to the elements list", "focus_elements", "↑/↓ select an element, enter edits it, esc back (e)"),
    PaletteCommand("Simulated room: one user more", "change_room(1)", "+ (dynamic layouts: canvas ghosts and preview)"),
    PaletteCommand(
        "Simulated room: one user less", "change_room(-1)", "- (dynamic layouts: canvas ghosts and preview)"
    ),
]


class StudioCommands(Provider):
    """Every studio action, searchable by title, run on the editor screen (the palette opens over the editor only:
    :meth:`~layout_studio.tui.app.StudioApp.check_action`), then Textual's own commands the studio keeps
    (:meth:`~layout_studio.tui.app.StudioApp.get_system_commands`: theme, screenshot, maximize), so that the
    studio's come first in the list."""

    def _run(self, action: str) -> None:
        app = cast("StudioApp", self.app)
        if action.startswith("app."):
            app.call_later(app.run_action, action[4:])
        else:
            app.call_later(app.editor.run_action, action)

    def _entries(self) -> list[tuple[str, Callable[[], object], str]]:
        """(title, what it runs, help) of every entry, the studio's first."""
        entries: list[tuple[str, Callable[[], object], str]] = [
            (title, partial(self._run, action), help_text) for title, action, help_text in ACTIONS
        ]
        entries += [(c.title, c.callback, c.help) for c in self.app.get_system_commands(self.screen)]
        return entries

    async def discover(self) -> Hits:
        for title, run, help_text in self._entries():
            yield DiscoveryHit(title, run, help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for title, run, help_text in self._entries():
            score = matcher.match(title)
            if score > 0:
                yield Hit(score, matcher.highlight(title), run, help=help_text)
