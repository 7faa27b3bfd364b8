"""Unit tests of the editing commands and of saving (layout_studio.editing.commands / .saving), with no Textual:
what each command changes, the undo step it makes, what it tells the user, and what it refuses."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from layout_studio import paths
from layout_studio.editing import EditSession, ElementRef, commands, saving, set_path
from layout_studio.editing.access import box, elements
from layout_studio.editing.autosave import Autosaver, pending
from layout_studio.editing.commands import Effect, Outcome
from layout_studio.editing.fields import REGION_FIELDS, FieldError
from layout_studio.model import Preset
from layout_studio.presets import bundled_presets

FIXTURES = Path(__file__).parent / "fixtures"
R0, R1, W0 = ElementRef("region", 0), ElementRef("region", 1), ElementRef("watermark", 0)


def regions_api(session: EditSession) -> list[dict]:
    return session.preset.to_api()["VideoParams"]["LayoutParams"]["MixLayoutList"]


@pytest.mark.parametrize(
    "run",
    [
        lambda s: commands.nudge(s, 1, 0),
        lambda s: commands.resize(s, 10, 0),
        lambda s: commands.shift_z(s, 1),
        commands.delete,
        commands.duplicate,
    ],
    ids=["nudge", "resize", "shift_z", "delete", "duplicate"],
)
def test_commands_on_the_selection_refuse_when_nothing_is_selected(session, raw, run):
    assert run(session) == Outcome(Effect.NONE, commands.NOTHING_SELECTED)
    assert session.preset.to_api() == raw and not session.history.can_undo


def test_nudge_and_resize_move_every_selected_element_as_one_undo_step(session):
    session.select(R0)
    session.select(W0, extend=True)
    # the message is the primary (last selected) element's new box, for the status line
    assert commands.nudge(session, 5, -3) == Outcome(Effect.DESIGN, "WM0 X 25 Y 17 W 160 H 60 (+1 more)")
    assert box(session.preset, R0) == (5, 177, 640, 360) and box(session.preset, W0) == (25, 17, 160, 60)
    assert commands.resize(session, -1000, 10) == Outcome(Effect.DESIGN, "WM0 X 25 Y 17 W 1 H 70 (+1 more)")
    assert box(session.preset, R0) == (5, 177, 1, 370)  # never below 1 px
    assert len(session.history) == 2
    assert commands.undo(session) == Outcome(Effect.DESIGN, "undid Resize")
    assert commands.redo(session) == Outcome(Effect.DESIGN, "redid Resize")


def test_undo_and_redo_with_nothing_to_do_change_nothing(session):
    assert commands.undo(session) == Outcome(Effect.NONE, "nothing to undo")
    assert commands.redo(session) == Outcome(Effect.NONE, "nothing to redo")


def test_add_region_and_text_watermark_select_what_they_add(session):
    assert commands.add_region(session) == Outcome(Effect.DESIGN, "added region #2")
    assert session.selection == [ElementRef("region", 2)]
    assert commands.add_text_watermark(session) == Outcome(Effect.DESIGN, "added text watermark WM1")
    assert session.selection == [ElementRef("watermark", 1)]
    assert len(session.history) == 2


def test_duplicate_selects_the_copy_and_shows_no_message(session):
    session.select(R1)
    assert commands.duplicate(session) == Outcome(Effect.DESIGN)
    assert session.selection == [ElementRef("region", 2)]
    assert box(session.preset, ElementRef("region", 2)) == (650, 190, 640, 360)
    assert regions_api(session)[2]["ZOrder"] == 3  # on top of the LIVE watermark (ZOrder 2)


def test_delete_removes_every_selected_element(session):
    session.select(R0)
    session.select(R1, extend=True)
    session.select(W0, extend=True)
    assert commands.delete(session) == Outcome(Effect.DESIGN, "Delete")
    assert elements(session.preset) == [] and session.selection == []
    commands.undo(session)
    assert len(elements(session.preset)) == 3


def test_shift_z_never_goes_below_zero(session):
    session.select(R0)
    commands.shift_z(session, -1)
    assert regions_api(session)[0]["ZOrder"] == 0
    commands.shift_z(session, 2)
    assert regions_api(session)[0]["ZOrder"] == 2


def test_select_step_wraps_and_select_all_takes_the_regions(session):
    assert commands.select_step(session, 1) == Outcome(Effect.SESSION)
    assert session.primary == W0  # the watermark (ZOrder 2) is on top
    commands.select_step(session, -1)
    assert session.primary == R0  # wraps to the bottom of the stack
    assert commands.select_all_regions(session) == Outcome(Effect.SESSION, "2 regions selected")
    assert session.selection == [R1, R0] and not session.history.can_undo


def test_align_needs_a_selection_and_distribute_three(session):
    assert commands.align(session, "left") == Outcome(Effect.NONE, commands.SELECT_TO_ALIGN)
    session.select(R1)
    assert commands.align(session, "left") == Outcome(Effect.DESIGN, "Align left")
    assert box(session.preset, R1)[0] == 0
    session.select(R0, extend=True)
    assert commands.distribute(session, "x") == Outcome(Effect.NONE, commands.TOO_FEW_TO_DISTRIBUTE)
    session.select(W0, extend=True)
    assert commands.distribute(session, "y") == Outcome(Effect.DESIGN, "Distribute y")


def test_template_canvas_and_conversion(session):
    assert commands.apply_template(session, "grid", "fill", 4) == Outcome(Effect.DESIGN, "Template Grid")
    assert [r.get("UserMediaStream") is not None for r in regions_api(session)] == [True, True, False, False]
    with pytest.raises(KeyError):
        commands.apply_template(session, "no-such-template", "replace")
    assert commands.resize_canvas(session, (1920, 1080), scale=True) == Outcome(Effect.DESIGN, "Canvas 1920×1080")
    assert box(session.preset, ElementRef("region", 3)) == (960, 540, 960, 540)
    commands.resize_canvas(session, (640, 360), scale=False)
    assert session.preset.canvas == (640, 360) and box(session.preset, ElementRef("region", 3))[0] == 960
    assert session.history.can_undo and len(session.history) == 3


def test_convert_to_custom_is_one_undo_step():
    dynamic = EditSession.open(next(p for p in bundled_presets() if "dynamic" in p.name))
    outcome = commands.convert_to_custom(dynamic, 4)
    assert outcome == Outcome(Effect.DESIGN, "converted for 4 users: now MixLayoutMode 4")
    lp = dynamic.preset.video_params.layout_params
    assert lp.mix_layout_mode == 4 and len(lp.mix_layout_list) == 4
    commands.undo(dynamic)
    assert dynamic.preset.video_params.layout_params.mix_layout_mode != 4


def test_drag_steps_of_one_gesture_are_one_undo_step(session):
    for x in (10, 20, 30):
        assert commands.drag(session, R1, x, 0, gesture=1) == Outcome(Effect.DESIGN, f"#1 X {x} Y 0 W 640 H 360")
    session.history.seal()
    commands.drag(session, R1, 40, 0, gesture=2)
    assert len(session.history) == 2 and box(session.preset, R1)[:2] == (40, 0)


def test_set_field_applies_values_and_refuses_text_that_is_not_one(session, raw):
    spec = next(s for s in REGION_FIELDS if s.path == "LocationX")
    base = "VideoParams.LayoutParams.MixLayoutList[1]"
    with pytest.raises(FieldError):
        commands.set_field(session, base, spec, "64x")
    assert session.preset.to_api() == raw and not session.history.can_undo
    for text in ("6", "64", "640"):
        assert commands.set_field(session, base, spec, text) == Outcome(Effect.DESIGN)
    commands.set_field(session, base, spec, "641", done=True)
    commands.set_field(session, base, spec, "642")
    assert box(session.preset, R1)[0] == 642 and len(session.history) == 2  # enter closed the first step


def test_toggle_snap_says_so(session):
    assert commands.toggle_snap(session) == Outcome(Effect.NONE, "snapping off")
    assert commands.toggle_snap(session) == Outcome(Effect.NONE, "snapping on")


# -- saving -------------------------------------------------------------------------------------------------------
def test_a_bundled_preset_or_a_new_design_is_saved_under_a_new_name(bundled, tmp_path):
    opened = EditSession.open(bundled)
    assert saving.save_target(opened) is None
    assert saving.proposed_path(opened) == paths.user_presets_dir() / "two_up.json"
    new = EditSession(Preset(name="Show"))
    assert saving.save_target(new) is None
    assert saving.proposed_path(new) == paths.user_presets_dir() / "Show.json"
    own = EditSession.open(shutil.copy(FIXTURES / "two_up.json", tmp_path / "mine.json"))
    assert saving.save_target(own) == saving.proposed_path(own) == tmp_path / "mine.json"


def test_save_names_the_file_and_the_secrets_left_out_and_moves_the_autosave(tmp_path):
    source = Path(shutil.copy(FIXTURES / "two_up.json", tmp_path / "show.json"))
    session = EditSession.open(source)
    autosaver = Autosaver(source)
    commands.add_region(session)
    autosaver.write(session.preset)
    set_path(session.preset, "Target.AgentParams.UserSig", "very-secret")
    target = paths.user_presets_dir() / "copy.json"
    outcome = saving.save(session, autosaver, target)
    assert outcome.effect is Effect.SESSION
    assert outcome.message is not None and outcome.message.startswith("saved copy.json; secrets left out: ")
    assert "very-secret" not in target.read_text() and not session.dirty and session.path == target
    assert pending(source) == [] and autosaver.file == Autosaver(target).file


def test_recover_puts_the_autosave_in_the_session_as_one_undo_step(tmp_path):
    source = Path(shutil.copy(FIXTURES / "two_up.json", tmp_path / "show.json"))
    edited = EditSession.open(source)
    commands.add_region(edited)
    Autosaver(source).write(edited.preset)
    session = EditSession(Preset())
    outcome = saving.recover(session, pending(source)[0])
    assert outcome == Outcome(Effect.DESIGN, "recovered the autosave: save to keep it")
    assert session.preset.to_api() == edited.preset.to_api() and session.path == source and session.dirty
    commands.undo(session)
    assert session.preset.to_api() == {}
