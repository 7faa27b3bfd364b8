"""Preset files: atomic saves without secrets, stable text, loading, listing; the bundled designs."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest

from layout_studio import bundled, paths
from layout_studio.errors import LayoutStudioError, LoadError
from layout_studio.findings import has_errors
from layout_studio.model import Preset
from layout_studio.presets import (
    BUNDLED_SCHEMA_REF,
    SCHEMA_FILE,
    bundled_presets,
    load_preset,
    preset_to_json,
    save_preset,
    user_presets,
)
from layout_studio.validation import validate

SECRETIVE = {
    "Format": "layout-studio/preset@1",
    "Name": "with secrets",
    "VideoParams": {"VideoEncode": {"Width": 640, "Height": 360, "Fps": 15, "BitRate": 800, "Gop": 2}},
    "Target": {
        "AgentParams": {"UserId": "robot", "UserSig": "AGENT-SIG-123"},
        "PublishCdnParams": [{"PublishCdnUrl": "rtmp://p.example.com/live/s?bizid=1&txSecret=CDNSECRET9&txTime=6"}],
        "FeedBackRoomParams": [{"RoomId": "2", "RoomIdType": 0, "UserId": "back", "UserSig": "FEEDBACK-SIG-456"}],
        "RecordParams": {"McuStorageParams": {"CloudStorage": {"AccessKey": "ak", "SecretKey": "STORAGE-KEY-789"}}},
    },
}


def test_save_then_load_gives_the_same_design(tmp_path):
    preset = load_preset(bundled_presets()[0])
    target = tmp_path / "copy.json"
    assert save_preset(preset, target) == []
    again = load_preset(target)
    assert {k: v for k, v in again.to_api().items() if k != "$schema"} == {
        k: v for k, v in preset.to_api().items() if k != "$schema"
    }


def test_save_strips_every_secret_and_says_which(tmp_path):
    target = tmp_path / "p.json"
    removed = save_preset(Preset.model_validate(SECRETIVE), target)
    assert sorted(removed) == sorted(
        [
            "Target.AgentParams.UserSig",
            "Target.PublishCdnParams[0].PublishCdnUrl (txSecret)",
            "Target.FeedBackRoomParams[0].UserSig",
            "Target.RecordParams.McuStorageParams.CloudStorage.SecretKey",
        ]
    )
    text = target.read_text()
    for secret in ("AGENT-SIG-123", "CDNSECRET9", "FEEDBACK-SIG-456", "STORAGE-KEY-789", "UserSig", "SecretKey"):
        assert secret not in text
    saved = json.loads(text)
    assert saved["Target"]["PublishCdnParams"][0]["PublishCdnUrl"] == "rtmp://p.example.com/live/s?bizid=1&txTime=6"
    assert saved["Target"]["AgentParams"] == {"UserId": "robot"}


def test_a_failing_replace_leaves_the_old_file_intact(tmp_path, monkeypatch):
    target = tmp_path / "p.json"
    target.write_text("OLD CONTENT")
    monkeypatch.setattr(os, "replace", lambda *a, **k: (_ for _ in ()).throw(OSError(28, "No space left")))
    with pytest.raises(LayoutStudioError, match="p.json: cannot write the file: No space left"):
        save_preset(load_preset(bundled_presets()[0]), target)
    assert target.read_text() == "OLD CONTENT"
    assert [p.name for p in tmp_path.iterdir()] == ["p.json"]  # no temp file left behind


def test_a_failing_write_leaves_the_old_file_intact(tmp_path, monkeypatch):
    target = tmp_path / "p.json"
    target.write_text("OLD CONTENT")
    monkeypatch.setattr(os, "fsync", lambda fd: (_ for _ in ()).throw(OSError(5, "Input/output error")))
    with pytest.raises(LayoutStudioError, match="Input/output error"):
        save_preset(load_preset(bundled_presets()[0]), target)
    assert target.read_text() == "OLD CONTENT"
    assert [p.name for p in tmp_path.iterdir()] == ["p.json"]


def test_save_into_a_missing_directory_is_a_clear_error(tmp_path):
    with pytest.raises(LayoutStudioError, match="cannot write"):
        save_preset(load_preset(bundled_presets()[0]), tmp_path / "missing" / "p.json")


def test_save_keeps_the_mode_of_an_existing_file(tmp_path):
    target = tmp_path / "p.json"
    target.write_text("{}")
    target.chmod(0o600)
    save_preset(load_preset(bundled_presets()[0]), target)
    assert target.stat().st_mode & 0o777 == 0o600


def test_saved_schema_reference_resolves_from_anywhere(tmp_path):
    target = tmp_path / "deep" / "p.json"
    target.parent.mkdir()
    save_preset(load_preset(bundled_presets()[0]), target)
    ref = json.loads(target.read_text())["$schema"]
    assert (target.parent / ref).resolve() == SCHEMA_FILE


def test_a_schema_reference_that_resolves_is_kept_so_saving_an_unchanged_preset_changes_nothing(tmp_path):
    """A preset in another checkout (or beside its own copy of the schema) keeps its ``$schema``: saving it
    unchanged must not rewrite it to point at wherever the package is installed."""
    folder = tmp_path / "presets"
    (folder / "schema").mkdir(parents=True)
    (folder / "schema" / "preset.schema.json").write_text("{}")
    original = bundled_presets()[0].read_text(encoding="utf-8")
    target = folder / "show.json"
    target.write_text(original, encoding="utf-8")
    save_preset(load_preset(target), target)
    assert target.read_text(encoding="utf-8") == original
    (folder / "schema" / "preset.schema.json").unlink()  # no longer resolves: re-pointed at the packaged one
    save_preset(load_preset(target), target)
    ref = json.loads(target.read_text())["$schema"]
    assert (folder / ref).resolve() == SCHEMA_FILE


def test_preset_json_is_stable_and_ordered():
    preset = load_preset(bundled_presets()[0])
    text = preset_to_json(preset)
    assert text == preset_to_json(load_preset(bundled_presets()[0]))
    assert text.endswith("}\n") and text.startswith('{\n  "$schema": ')
    keys = list(json.loads(text))
    assert keys[:4] == ["$schema", "Format", "Name", "Description"]


def test_load_preset_refuses_a_request_body(tmp_path):
    body = tmp_path / "body.json"
    body.write_text(json.dumps({"SdkAppId": 1, "RoomId": "1"}))
    with pytest.raises(LoadError, match="layout-studio import"):
        load_preset(body)


def test_load_preset_reports_malformed_json_with_position(tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text('{\n  "Format": "layout-studio/preset@1",\n  "Name" 1\n}')
    with pytest.raises(LoadError) as info:
        load_preset(bad)
    assert (info.value.line, info.value.column) == (3, 10)


def test_user_presets_lists_saved_files():
    assert user_presets() == []
    directory = paths.ensure_dir(paths.user_presets_dir())
    save_preset(load_preset(bundled_presets()[0]), directory / "mine.json")
    assert [p.name for p in user_presets()] == ["mine.json"]


# ------------------------------------------------------------------------------------------- the bundled designs
def test_at_least_eight_bundled_presets_with_kebab_case_names():
    names = [p.name for p in bundled_presets()]
    assert len(names) >= 8
    assert all(re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*\.json", n) for n in names)


@pytest.mark.parametrize("path", bundled_presets(), ids=lambda p: p.stem)
def test_bundled_preset_is_valid_canonical_and_secret_free(path):
    preset = load_preset(path)
    findings = validate(preset)
    assert not has_errors(findings), [str(f) for f in findings]
    assert validate(json.loads(path.read_text())) == findings  # raw file and model agree
    assert path.read_text() == preset_to_json(preset)  # committed in the canonical format
    assert preset.schema_ == BUNDLED_SCHEMA_REF and (path.parent / BUNDLED_SCHEMA_REF).resolve() == SCHEMA_FILE
    for secret in ("UserSig", "SecretKey", "txSecret"):
        assert secret not in path.read_text()


def _designs() -> dict[str, Preset]:
    return {p.stem: load_preset(p) for p in bundled_presets()}


def test_bundled_presets_cover_the_required_designs():
    designs = _designs()
    for name in (
        "two-up",
        "speaker-pip",
        "grid-2x2",
        "grid-3x3",
        "speaker-strip",
        "screen-share",
        "live-commerce",
        "cross-room-pk",
    ):
        assert name in designs
    regions = {n: d.video_params.layout_params.mix_layout_list or [] for n, d in designs.items()}
    assert designs["two-up"].canvas == (1280, 720) and [r.box for r in regions["two-up"]] == [
        (0, 0, 640, 720),
        (640, 0, 640, 720),
    ]
    assert len(regions["grid-2x2"]) == 4 and len(regions["grid-3x3"]) == 9
    assert len(regions["speaker-strip"]) == 7
    assert any(r.user_media_stream and r.user_media_stream.stream_type == 1 for r in regions["screen-share"])
    assert designs["live-commerce"].canvas == (720, 1280)
    pk = designs["cross-room-pk"]
    assert len({r.user_media_stream.user_info.room_id for r in regions["cross-room-pk"]}) == 2
    assert len(pk.audio_params.subscribe_audio_list) == 2


def test_bundled_presets_use_watermarks_placeholders_sei_and_targets():
    designs = list(_designs().values())
    marks = [m for d in designs for m in (d.video_params.water_mark_list or [])]
    assert any(m.eff("water_mark_type") == 0 for m in marks)
    assert any(m.eff("water_mark_type") == 1 for m in marks)
    assert any(r.background_image_url for d in designs for r in d.video_params.layout_params.mix_layout_list or [])
    assert sum(d.sei_params is not None for d in designs) >= 2
    assert sum(d.target is not None for d in designs) >= 2
    urls = [m.body.water_mark_url for m in marks if m.eff("water_mark_type") == 0]
    assert all(u.startswith("https://") for u in urls)


def test_bundled_presets_are_found_by_path():
    assert all(Path(p).parent == bundled.presets_dir() for p in bundled_presets())
