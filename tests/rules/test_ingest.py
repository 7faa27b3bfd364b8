"""The stream ingest traps as rules (codes ``ingest.*``): over StartStreamIngest / UpdateStreamIngest bodies through
the ingest pack, and over a preset's Target.IngestSources through the validator; each rule at its boundary."""

from __future__ import annotations

import copy
import json
from pathlib import Path

import pytest

from layout_studio import validate
from layout_studio.export.ingest_pack import START_PACK, UPDATE_PACK
from layout_studio.findings import Severity
from layout_studio.model import Preset
from layout_studio.model.ingest import IngestSource
from layout_studio.payload import build_request
from layout_studio.presets import load_preset, preset_to_json, save_preset
from layout_studio.rules import RULES
from layout_studio.rules.ingest import INGEST_RULES

ROOT = Path(__file__).resolve().parents[2]
START = {
    "SdkAppId": 1400188366,
    "RoomId": "295066",
    "RoomIdType": 1,
    "UserId": "clip_1",
    "UserSig": "sig-for-tests-0001",
    "StreamUrl": "https://media.example.com/a.mp4",
}


def codes(findings, severity=None):
    return {f.code for f in findings if severity is None or f.severity is severity}


def check(sending=True, region="ap-guangzhou", **fields):
    return START_PACK.check({**START, **fields}, sending=sending, region=region)


def test_a_complete_body_has_no_finding():
    assert check() == []
    assert UPDATE_PACK.check({"SdkAppId": 1, "TaskId": "t", "Volume": 100}, sending=True, region="ap-tokyo") == []


@pytest.mark.parametrize(
    "fields, code, severity",
    [
        ({"RepeatNum": 0}, "ingest.repeat-num.zero", Severity.ERROR),
        ({"RepeatNum": -2}, "ingest.repeat-num-range", Severity.ERROR),
        ({"RepeatNum": 1001}, "ingest.repeat-num-range", Severity.ERROR),
        ({"MaxDuration": 30}, "ingest.max-duration.ignored", Severity.WARNING),  # RepeatNum 1 by default
        ({"RepeatNum": 3, "MaxDuration": 30}, "ingest.max-duration.ignored", Severity.WARNING),
        ({"RepeatNum": -1}, "ingest.loop.endless", Severity.INFO),
        ({"RepeatNum": -1, "MaxDuration": 0}, "ingest.max-duration-range", Severity.ERROR),
        ({"RepeatNum": -1, "MaxDuration": 10081}, "ingest.max-duration-range", Severity.ERROR),
        ({"Volume": 101}, "ingest.volume.above-page", Severity.WARNING),
        ({"Volume": 201}, "ingest.volume-range", Severity.ERROR),
        ({"Tempo": 1.1}, "ingest.tempo", Severity.ERROR),
        ({"IdleTimeout": 601}, "ingest.idle-timeout-range", Severity.ERROR),
        ({"RoomId": "show-a"}, "ingest.room-id.integer", Severity.ERROR),
        ({"RoomId": "4294967296"}, "ingest.room-id.integer", Severity.ERROR),
        ({"StreamUrl": "https://a b/c.mp4"}, "ingest.stream-url", Severity.ERROR),
        ({"StreamUrl": "https:///c.mp4"}, "ingest.stream-url", Severity.ERROR),
        ({"StreamUrl": "srt://a.example.com:9000"}, "ingest.stream-url.scheme", Severity.WARNING),
        ({"StreamUrl": "/media/a.mp4"}, "ingest.stream-url.unreachable", Severity.ERROR),
        ({"StreamUrl": "file:///media/a.mp4"}, "ingest.stream-url.unreachable", Severity.ERROR),
    ],
)
def test_each_trap_at_its_boundary(fields, code, severity):
    found = check(**fields)
    assert code in codes(found, severity), [str(f) for f in found]


@pytest.mark.parametrize(
    "fields",
    [
        {"RepeatNum": 1},
        {"RepeatNum": 1000},
        {"RepeatNum": -1, "MaxDuration": 1},
        {"RepeatNum": -1, "MaxDuration": 10080},
        {"Volume": 0},
        {"Volume": 100},
        {"Tempo": 0.5},
        {"Tempo": 2.0},
        {"RoomId": "4294967295"},
        {"RoomId": "show-a", "RoomIdType": 0},
        {"StreamUrl": "rtmp://live.example.com/app/stream"},
    ],
)
def test_just_inside_each_boundary_is_clean(fields):
    assert check(**fields) == []


def test_when_sending_the_required_fields_and_the_region():
    body = {k: v for k, v in START.items() if k not in ("RoomIdType", "UserSig")}
    found = START_PACK.check(body, sending=True, region="ap-hongkong")
    assert {(f.code, f.path) for f in found} >= {
        ("ingest.required", "RoomIdType"),
        ("ingest.required", "UserSig"),
        ("ingest.region", ""),
    }
    assert "reverse of the mixing APIs" in next(f.message for f in found if f.path == "RoomIdType")
    assert codes(START_PACK.check(body, sending=False, region=None)) == set()  # a draft: nothing required
    assert "ingest.required" in codes(UPDATE_PACK.check({"SdkAppId": 1}, sending=True))


def test_fixes_remove_their_findings():
    for fields in ({"RepeatNum": 0}, {"MaxDuration": 30}, {"Volume": 150}, {"RoomId": "show-a"}):
        body = {**START, **fields}
        for finding in check(**fields):
            for fix in finding.fixes:
                fixed = dict(body, **dict(fix.changes))
                left = START_PACK.check(fixed, sending=True, region="ap-guangzhou")
                assert finding.code not in codes(left), (finding, fix)


def test_the_ingest_rules_are_not_the_mixing_validator_s():
    assert not {r.code for r in INGEST_RULES} & set(RULES)
    assert all(r.code.startswith("ingest.") for r in INGEST_RULES)


# -- a preset's ingest sources ------------------------------------------------------------------------------------
def _preset(sources, **target):
    doc = json.loads((ROOT / "presets" / "two-up.json").read_text())
    doc["Target"]["IngestSources"] = sources
    doc["Target"].update(target)
    return doc


def test_the_validator_checks_a_presets_sources_at_their_paths():
    doc = _preset(
        [
            {"UserId": "trtc_partner_test_1", "StreamUrl": "https://a.example.com/a.mp4", "RepeatNum": 0},
            {"UserId": "clip", "StreamUrl": "cards/intro.png", "UserSig": "a-stored-usersig-0001"},
            {"UserId": "clip", "StreamUrl": "https://a.example.com/b.mp4", "MaxDuration": 5},
        ]
    )
    found = {(f.code, f.path) for f in validate(doc)}
    assert {
        ("ingest.repeat-num.zero", "IngestSources[0].RepeatNum"),
        ("ingest.user.clash", "IngestSources[0].UserId"),  # the mixing robot's UserId
        ("ingest.user.clash", "IngestSources[2].UserId"),  # another source's
        ("ingest.stream-url.local", "IngestSources[1].StreamUrl"),
        ("preset.secret", "IngestSources[1].UserSig"),
        ("ingest.max-duration.ignored", "IngestSources[2].MaxDuration"),
        ("ingest.user.not-shown", "IngestSources[1].UserId"),
    } <= found
    assert ("ingest.user.not-shown", "IngestSources[0].UserId") in found  # the robot is in no region either
    assert not [f for f in validate(doc) if f.code.startswith("schema.")]


def test_a_source_shown_by_a_region_is_not_noted():
    doc = _preset([{"UserId": "Trtc_User_0", "StreamUrl": "https://a.example.com/a.mp4"}])
    assert not [f for f in validate(doc) if f.code.startswith(("ingest.", "preset.secret"))]


def test_the_sources_and_the_storage_never_reach_a_mixing_body():
    doc = _preset(
        [{"UserId": "clip", "StreamUrl": "https://a.example.com/a.mp4"}],
        StorageParams={"CloudVod": {"TencentVod": {"ExpireTime": 0}}},
    )
    preset = Preset.model_validate(doc)
    body = build_request(preset, "start", user_sig="sig")
    assert "IngestSources" not in body and "StorageParams" not in body and "Region" not in body
    with pytest.raises(TypeError):
        build_request(preset, "start", ingest_sources=[])


def test_saving_strips_a_sources_usersig_and_the_storage_secret_key(tmp_path):
    doc = _preset(
        [{"UserId": "clip", "StreamUrl": "https://a.example.com/a.mp4", "UserSig": "a-stored-usersig-0001"}],
        StorageParams={"CloudStorage": {"Vendor": 0, "Region": "r", "Bucket": "b", "AccessKey": "k", "SecretKey": "s"}},
    )
    path = tmp_path / "p.json"
    save_preset(Preset.model_validate(copy.deepcopy(doc)), path)
    text = path.read_text()
    assert "a-stored-usersig-0001" not in text and "SecretKey" not in text
    assert load_preset(path).target.ingest_sources[0].user_id == "clip"
    assert "UserSig" not in preset_to_json(load_preset(path))


def test_the_studio_finds_a_regions_source_and_its_local_picture(tmp_path):
    doc = _preset(
        [
            {"UserId": "Trtc_User_0", "StreamUrl": "cards/intro.png"},
            {"UserId": "clip", "StreamUrl": "https://a.example.com/b.png"},
            {"UserId": "song", "StreamUrl": "file:///media/song.mp3"},
        ]
    )
    preset = Preset.model_validate(doc)
    source = preset.ingest_source("Trtc_User_0")
    assert source is not None and source.preview_image(tmp_path) == tmp_path / "cards" / "intro.png"
    assert preset.ingest_source("clip").preview_image(tmp_path) is None  # a network URL: no local picture
    assert preset.ingest_source("song").preview_image() is None  # not a picture
    assert preset.ingest_source("nobody") is None and preset.ingest_source(None) is None
    assert IngestSource(user_id="x", stream_url="/abs/a.JPG").preview_image(tmp_path) == Path("/abs/a.JPG")
