"""The status line: the design's file as the user would type it, shortened from the left (whole folders first) so
that its name, the unsaved mark, the canvas and the message fit; ``(new)`` for a file not written yet."""

from __future__ import annotations

from pathlib import Path

from rich.cells import cell_len

from layout_studio.editing import EditSession, ops
from layout_studio.editing.ops import new_preset
from layout_studio.tui.widgets.status import fit_left, shown_path, status_text


def test_a_file_is_shown_relative_to_the_working_folder_or_home(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert shown_path(tmp_path / "shows" / "a.json") == "shows/a.json"
    assert shown_path(Path.home() / "presets" / "a.json") == "~/presets/a.json"


def test_folders_give_way_before_the_name():
    assert fit_left("~/work/shows/weekend/live.json", 40) == "~/work/shows/weekend/live.json"
    assert fit_left("~/work/shows/weekend/live.json", 20) == "…/weekend/live.json"
    assert fit_left("~/work/shows/weekend/live.json", 11) == "…/live.json"
    assert fit_left("~/work/shows/weekend/live.json", 8) == "…ve.json"  # not even the name: its end
    assert cell_len(fit_left("~/a-very-long-name-of-a-show.json", 12)) == 12


def test_untitled_new_and_unsaved(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    session = EditSession(new_preset())
    assert status_text(session, 80).startswith(" untitled │ 1280×720 │ mode 4 │ snap on")
    session = EditSession(new_preset(), tmp_path / "new.json")
    assert status_text(session, 80).startswith(" new.json (new) │")
    session.change("Add region", ops.add_region)
    assert status_text(session, 80).startswith(" new.json (new) ● │")


def test_a_narrow_line_keeps_name_mark_canvas_and_the_start_of_the_message(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    session = EditSession(new_preset(), tmp_path / "deep" / "folders" / "show.json")
    session.change("Add region", ops.add_region)
    line = status_text(session, 60, "LocationX: '100.5' not applied (esc)")
    assert cell_len(line) <= 60
    assert line.startswith(" …/show.json (new) ● │ 1280×720 │ LocationX")
    line = status_text(session, 40, "a message much longer than what is left of the line")
    assert cell_len(line) <= 40 and "show.json" in line and line.endswith("…")


def test_the_hint_gives_way_before_snapping_and_the_mode(tmp_path, monkeypatch):
    """The QA report: after d (an unsaved mark appears) the 80-column line dropped "snap on" to keep the hint."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "presets").mkdir()
    session = EditSession(new_preset(), tmp_path / "presets" / "two-up.json")
    session.change("Duplicate", ops.add_region)
    hint = "?: keys, ctrl+p: all commands"
    line = status_text(session, 80, None, hint)
    assert "mode 4 │ snap on │ ?: keys" in line and cell_len(line) <= 80, line
    assert status_text(session, 200, None, hint).endswith(hint)


def test_after_d_at_80_columns_the_status_line_keeps_snap_on(preset_file, monkeypatch):
    import asyncio

    from layout_studio.tui.app import StudioApp

    from .keys import settle

    monkeypatch.chdir(preset_file.parent.parent)
    app = StudioApp(EditSession.open(preset_file), offer_recovery=False)
    lines: list[str] = []

    async def scenario():
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.press("tab", "d")
            await settle(pilot, lambda: app.session.dirty)
            for _ in range(3):
                await pilot.pause(0.05)
            lines.append(app.screen.query_one("#status").render_line(0).text)

    asyncio.run(scenario())
    assert "●" in lines[0] and "snap on" in lines[0], lines
