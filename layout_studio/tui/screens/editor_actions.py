"""Actions of the editor screen (bound to keys and listed in the command palette).

Every change to the design goes through :meth:`EditSession.change` / :meth:`EditSession.replace`, so each is one
undo step; the core operations are in :mod:`layout_studio.editing`.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from textual import work
from textual.widgets import ContentSwitcher
from textual.worker import get_current_worker

from ...atomic import atomic_write_png
from ...editing import geometry, ops, templates
from ...errors import LayoutStudioError
from ...paths import ensure_dir, user_presets_dir

if TYPE_CHECKING:  # pragma: no cover
    from .editor import EditorScreen


def _whole(text: str) -> int | None:
    """``text`` as an int, or None. ``str.isdigit`` is not enough: it accepts superscripts ``int`` refuses."""
    try:
        return int(text)
    except ValueError:
        return None


def _int_check(low: int, high: int) -> Callable[[str], str | None]:
    def check(text: str) -> str | None:
        n = _whole(text)
        if n is None or not low <= n <= high:
            return f"type a whole number from {low} to {high}"
        return None

    return check


def parse_size(text: str) -> tuple[int, int] | None:
    """``"1920x1080"`` -> (1920, 1080); None when malformed."""
    parts = text.lower().replace("×", "x").split("x")
    if len(parts) != 2:
        return None
    w, h = (_whole(p) for p in parts)
    return (w, h) if w is not None and h is not None and w > 0 and h > 0 else None


class EditorActions:
    """Mixin of :class:`~layout_studio.tui.screens.editor.EditorScreen` holding its actions."""

    def _edit(self: EditorScreen, label: str, fn, message: str | None = None):
        if not self.session.selection and label in ("Move", "Resize", "Duplicate", "Delete", "ZOrder"):
            self.update_status("nothing selected: press tab or click a region")
            return None
        result = self.session.change(label, fn)
        self.sync(message=message or label)
        return result

    # -- selection -----------------------------------------------------------------------------------------------
    def action_select_step(self: EditorScreen, step: int) -> None:
        if self.focused is not None and self.query_one("#inspector") in self.focused.ancestors:
            self.focus_next() if step > 0 else self.focus_previous()
            return
        self.session.select_step(step)
        self.sync(changed=False)

    def action_select_all(self: EditorScreen) -> None:
        from ...editing.access import elements

        self.session.selection = [r for r in elements(self.session.preset) if r.kind == "region"]
        self.sync(changed=False, message=f"{len(self.session.selection)} regions selected")

    def action_focus_canvas(self: EditorScreen) -> None:
        self.query_one("#view", ContentSwitcher).current = "canvas"
        self.query_one("#canvas").focus()

    def action_edit_field(self: EditorScreen) -> None:
        from ..widgets.inspector import Inspector

        if self.session.primary is not None:
            from ...editing import element_path

            self.query_one(Inspector).focus_field(element_path(self.session.primary) + ".LocationX")

    # -- element edits -------------------------------------------------------------------------------------------
    def action_nudge(self: EditorScreen, dx: int, dy: int) -> None:
        if self.focused_in_input():
            self.focus_next() if dy > 0 else self.focus_previous()
            return
        refs = list(self.session.selection)
        self._edit("Move", lambda p: [ops.nudge(p, r, dx, dy) for r in refs])

    def action_resize(self: EditorScreen, dw: int, dh: int) -> None:
        refs = list(self.session.selection)
        self._edit("Resize", lambda p: [ops.resize(p, r, dw, dh) for r in refs])

    def action_add_region(self: EditorScreen) -> None:
        ref = self._edit("Add region", ops.add_region)
        self.session.select(ref)
        self.sync(changed=False, message=f"added region #{ref.index}")

    def action_add_watermark(self: EditorScreen) -> None:
        ref = self._edit("Add text watermark", ops.add_text_watermark)
        self.session.select(ref)
        self.sync(changed=False, message=f"added text watermark WM{ref.index}")

    def action_duplicate(self: EditorScreen) -> None:
        ref = self.session.primary
        new = self._edit("Duplicate", lambda p: ops.duplicate(p, ref))
        if new is not None:
            self.session.select(new)
            self.sync(changed=False)

    def action_delete(self: EditorScreen) -> None:
        # Delete from the highest index down so earlier indexes stay valid.
        refs = sorted(self.session.selection, key=lambda r: r.index, reverse=True)
        self._edit("Delete", lambda p: [ops.delete(p, r) for r in refs])

    def action_shift_z(self: EditorScreen, step: int) -> None:
        refs = list(self.session.selection)
        self._edit("ZOrder", lambda p: [ops.shift_z(p, r, step) for r in refs])

    def action_align(self: EditorScreen, how: str) -> None:
        refs = list(self.session.selection)
        if not refs:
            self.update_status("select regions first (shift+click adds to the selection, ctrl+a selects all)")
            return
        self._edit(f"Align {how}", lambda p: geometry.align(p, refs, how))  # type: ignore[arg-type]

    def action_distribute(self: EditorScreen, axis: str) -> None:
        refs = list(self.session.selection)
        if len(refs) < 3:
            self.update_status("distribute needs at least three selected elements")
            return
        self._edit(f"Distribute {axis}", lambda p: geometry.distribute(p, refs, axis))  # type: ignore[arg-type]

    def action_template(self: EditorScreen, name: str, mode: str, n: int = 0) -> None:
        label = templates.TEMPLATES[name][0]
        self._edit(f"Template {label}", lambda p: templates.apply_template(p, name, mode, n or None))  # type: ignore[arg-type]

    # -- history and files ---------------------------------------------------------------------------------------
    def action_undo(self: EditorScreen) -> None:
        self._step_history(self.session.undo(), "undid", "nothing to undo")

    def action_redo(self: EditorScreen) -> None:
        self._step_history(self.session.redo(), "redid", "nothing to redo")

    def _step_history(self: EditorScreen, label: str | None, verb: str, nothing: str) -> None:
        """After an undo or redo: fields holding a refused value show the restored design again."""
        from ..widgets.inspector import Inspector

        self.query_one(Inspector).drop_refused()
        self.sync(message=f"{verb} {label}" if label else nothing)

    def action_toggle_snap(self: EditorScreen) -> None:
        self.session.snap = not self.session.snap
        self.update_status(f"snapping {'on' if self.session.snap else 'off'}")

    def action_save(self: EditorScreen) -> None:
        if self.session.path is None or self.session.bundled:
            self.save_as()
            return
        self.save_to(self.session.path)

    def save_to(self: EditorScreen, path: Path) -> bool:
        """Save atomically to ``path``; reports stripped secrets and errors in the status line."""
        old = self.session.path
        try:
            stripped = self.session.save(path)
        except (LayoutStudioError, OSError, ValueError) as err:
            self.notify(str(err), title="Not saved", severity="error")
            return False
        if old != self.session.path:
            self.autosaver.retarget(self.session.path)
        else:
            self.autosaver.discard()
        note = f"saved {path.name}" + (f"; secrets left out: {', '.join(stripped)}" if stripped else "")
        self.sync(changed=False, message=note)
        return True

    def action_save_as(self: EditorScreen) -> None:
        self.save_as()

    def save_as(self: EditorScreen, then: Callable[[], None] | None = None) -> None:
        """Ask for a file name and save there; ``then`` runs after a successful save. A bundled preset is never
        proposed as the target: the default is a file of the same name in the user's presets folder."""
        from .dialogs import PromptScreen

        path = self.session.path
        if path is not None and self.session.bundled:
            default = user_presets_dir() / path.name
            title = "Bundled presets are not overwritten: save a copy as"
        else:
            default = path or user_presets_dir() / f"{self.session.title}.json"
            title = "Save preset as"

        def done(value: str | None) -> None:
            if value:
                target = Path(value).expanduser()
                if target.parent == user_presets_dir():
                    ensure_dir(target.parent)
                if self.save_to(target) and then is not None:
                    then()

        self.app.push_screen(PromptScreen(title, str(default)), done)

    def action_open(self: EditorScreen) -> None:
        from .files import OpenScreen

        def done(path: Path | None) -> None:
            if path is not None:
                self.app.open_preset(path)  # type: ignore[attr-defined]

        self.app.push_screen(OpenScreen(), done)

    # -- canvas and layout mode ----------------------------------------------------------------------------------
    def action_resize_canvas(self: EditorScreen, scale: bool = True) -> None:
        from .dialogs import PromptScreen

        w, h = ops.canvas_of(self.session.preset)

        def done(value: str | None) -> None:
            size = parse_size(value or "")
            if size:
                self._edit(
                    f"Canvas {size[0]}×{size[1]}", lambda p: geometry.rescale_canvas(p, size, scale_elements=scale)
                )

        title = "Canvas size WxH (regions scale along)" if scale else "Canvas size WxH (regions stay)"
        self.app.push_screen(
            PromptScreen(title, f"{w}x{h}", check=lambda t: None if parse_size(t) else "type e.g. 1920x1080"), done
        )

    def action_grid_prompt(self: EditorScreen, mode: str) -> None:
        from .dialogs import PromptScreen

        def done(value: str | None) -> None:
            if value:
                self.action_template("grid", mode, int(value))

        self.app.push_screen(PromptScreen("Grid cells", "4", check=_int_check(1, 16)), done)

    def action_convert_dynamic(self: EditorScreen) -> None:
        from .dialogs import PromptScreen

        def done(value: str | None) -> None:
            if not value:
                return
            try:
                from ...mix import materialize

                preset = materialize(self.session.preset, int(value))
            except (ImportError, LayoutStudioError, ValueError) as err:
                self.notify(f"cannot convert: {err}", severity="error")
                return
            self.session.replace("Convert dynamic to custom", preset)
            self.sync(message=f"converted for {value} users: now MixLayoutMode 4")

        self.app.push_screen(PromptScreen("Convert for how many users?", "4", check=_int_check(1, 16)), done)

    # -- preview and push ----------------------------------------------------------------------------------------
    def action_toggle_view(self: EditorScreen) -> None:
        view = self.query_one("#view", ContentSwitcher)
        view.current = "preview" if view.current == "canvas" else "canvas"

    def action_refresh_preview(self: EditorScreen) -> None:
        from ..widgets.preview import PreviewPane

        self.query_one("#view", ContentSwitcher).current = "preview"
        self.query_one(PreviewPane).show_message("rendering…")
        if getattr(self.app, "renderer", None) is not None:  # r retries images that failed (network or URL fixed)
            self.app.renderer.forget_failures()
        self.render_preview(self.session.preset.model_copy(deep=True))

    @work(thread=True, exclusive=True, group="preview")
    def render_preview(self: EditorScreen, preset) -> None:
        """Render ``preset`` for the preview pane. The render itself runs in a daemon thread this worker waits on,
        checking for cancellation every 50 ms: a newer render or quitting cancels the wait at once, so the app never
        waits (up to 15 s) for an image download of an abandoned render at exit."""
        from ...render import Renderer
        from ..widgets.preview import PreviewPane, preview_scale

        worker = get_current_worker()
        pane = self.query_one(PreviewPane)
        app = self.app
        outcome: dict = {}
        done = threading.Event()

        def render() -> None:
            try:
                renderer = getattr(app, "renderer", None) or Renderer()
                app.renderer = renderer  # type: ignore[attr-defined]
                outcome["result"] = renderer.render(preset, scale=preview_scale(ops.canvas_of(preset)))
            except Exception as err:  # noqa: BLE001 - the preview must report, never crash the editor
                outcome["error"] = err
            finally:
                done.set()

        start = time.perf_counter()
        threading.Thread(target=render, name="layout-studio-preview", daemon=True).start()
        while not done.wait(0.05):
            if worker.is_cancelled:
                return
        if worker.is_cancelled:
            return
        if "error" in outcome:
            self.app.call_from_thread(pane.show_message, f"preview failed: {outcome['error']}")
            return
        ms = (time.perf_counter() - start) * 1000
        result = outcome["result"]
        self.app.call_from_thread(pane.show_result, result.image, result.findings, ms)

    def action_write_png(self: EditorScreen) -> None:
        from .dialogs import PromptScreen

        default = Path.cwd() / f"{self.session.title}.png"

        def done(value: str | None) -> None:
            if not value:
                return
            try:
                from ...render import render_preview

                atomic_write_png(Path(value).expanduser(), render_preview(self.session.preset))
            except Exception as err:  # noqa: BLE001
                self.notify(f"PNG not written: {err}", severity="error")
                return
            self.update_status(f"wrote {value}")

        self.app.push_screen(PromptScreen("Write the preview PNG to", str(default)), done)

    def action_push(self: EditorScreen) -> None:
        from .push import PushScreen

        self.app.push_screen(PushScreen(self.session))
