"""Command palette entries (ctrl+p) for every action of the studio, as a Textual command :class:`Provider`.

Each entry runs an action of the editor screen (or the app), so the palette and the key bindings do the same thing.
"""

from __future__ import annotations

from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Provider

from ..editing.templates import TEMPLATES

#: (title, action on the editor screen, help). Actions prefixed ``app.`` run on the app.
ACTIONS: list[tuple[str, str, str]] = [
    ("Add region", "add_region", "Append an auto-filled region and select it (a)"),
    ("Add text watermark", "add_watermark", "Append a text watermark (w)"),
    ("Duplicate selection", "duplicate", "Copy the selected element, 10 px lower right (d)"),
    ("Delete selection", "delete", "Remove the selected elements (delete)"),
    ("Raise ZOrder", "shift_z(1)", "Bring the selection one level up (])"),
    ("Lower ZOrder", "shift_z(-1)", "Send the selection one level down ([)"),
    ("Select next element", "select_step(1)", "tab"),
    ("Select previous element", "select_step(-1)", "shift+tab"),
    ("Select all regions", "select_all", "For align and distribute"),
    ("Undo", "undo", "ctrl+z"),
    ("Redo", "redo", "ctrl+y"),
    ("Save", "save", "Save the preset atomically (ctrl+s)"),
    ("Save as…", "save_as", "Save under a new name (default: your presets folder)"),
    ("Open preset…", "open", "Open a bundled preset, one of yours, or a file"),
    ("Refresh preview", "refresh_preview", "Render with the Pillow renderer (r)"),
    ("Toggle canvas / preview", "toggle_view", "v"),
    ("Write preview PNG…", "write_png", "Render at full size and write a PNG file"),
    ("Toggle snapping", "toggle_snap", "Snap to canvas edges, centre lines and other regions while dragging (s)"),
    ("Resize canvas, scaling regions…", "resize_canvas(True)", "Change VideoEncode Width×Height, regions follow"),
    ("Resize canvas only…", "resize_canvas(False)", "Change VideoEncode Width×Height, regions stay"),
    ("Convert dynamic layout to custom…", "convert_dynamic", "Materialise MixLayoutMode 1/2/3 as editable regions"),
    ("Push to a live task…", "push", "Show the request and the changes, then UpdatePublishCdnStream"),
    ("Quit", "app.quit", "ctrl+q (asks when there are unsaved changes)"),
]
for _how in ("left", "right", "top", "bottom", "hcenter", "vcenter"):
    ACTIONS.append((f"Align {_how}", f"align('{_how}')", "One element: to the canvas; several: to their bounds"))
ACTIONS += [
    ("Distribute horizontally", "distribute('x')", "Equal gaps between three or more selected elements"),
    ("Distribute vertically", "distribute('y')", "Equal gaps between three or more selected elements"),
]
for _mode, _verb in (("replace", "replace layout"), ("fill", "fill existing regions")):
    ACTIONS.append((f"Template: grid N — {_verb}…", f"grid_prompt('{_mode}')", "Ask for the number of cells"))
    for _key, (_title, _fn) in TEMPLATES.items():
        if _key != "grid":
            ACTIONS.append((f"Template: {_title} — {_verb}", f"template('{_key}', '{_mode}')", "MixLayoutMode 4"))
    for _n in (4, 9, 16):
        ACTIONS.append((f"Template: grid {_n} — {_verb}", f"template('grid', '{_mode}', {_n})", "MixLayoutMode 4"))


class StudioCommands(Provider):
    """Every studio action, searchable by title."""

    def _run(self, action: str) -> None:
        from .screens.editor import EditorScreen

        editor = self.app.editor  # type: ignore[attr-defined]
        if action.startswith("app."):
            self.app.call_later(self.app.run_action, action[4:])
        elif isinstance(editor, EditorScreen):
            self.app.call_later(editor.run_action, action)

    async def discover(self) -> Hits:
        for title, action, help_text in ACTIONS:
            yield DiscoveryHit(title, partial(self._run, action), help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for title, action, help_text in ACTIONS:
            score = matcher.match(title)
            if score > 0:
                yield Hit(score, matcher.highlight(title), partial(self._run, action), help=help_text)
