"""`layout-studio record start|update|status|stop` against the loopback API: signed requests, bodies the SDK decodes
with no unknown field, journal rows with their action, the plan of an update, the storage SecretKey never stored or
shown, and the commands refusing a task of another API."""

from __future__ import annotations

import json

from layout_studio.push.journal import Journal
from tests.push.applying import STORAGE, STORAGE_KEY, assert_sdk_round_trip, preset_with
from tests.push.conftest import OTHER, PRESET


def _start(cmd, *extra):
    return cmd("record", "start", str(PRESET), *STORAGE, "--storage-secret-key", STORAGE_KEY, *extra)


def test_start_status_update_stop(cmd, fake):
    code, out, err = _start(cmd)
    assert code == 0, err
    task = out.strip()
    assert task == "rec-00001" and "started" in err
    [body] = fake.recordings[task]
    assert body["RoomId"] == "295066" and body["RoomIdType"] == 1  # the preset's integer room, in the recording's 1
    assert body["UserId"] == "recording_295066" and body["UserSig"]  # generated from TRTC_SDK_SECRET_KEY
    assert body["RecordParams"]["RecordMode"] == 2
    assert body["MixTranscodeParams"]["VideoParams"]["BitRate"] % 1000 == 0  # kbps -> bps
    assert body["StorageParams"]["CloudStorage"]["SecretKey"] == STORAGE_KEY
    assert body["StorageParams"]["CloudStorage"]["Vendor"] == 0

    code, out, err = cmd("record", "status", task)
    assert code == 0 and "recording (InProgress)" in out and "rec-00001.m3u8" in out, err
    code, out, _ = cmd("record", "status", task, "--format", "json")
    assert json.loads(out)["running"] is True

    code, out, err = cmd("record", "update", str(OTHER), "--task-id", task, "--yes")
    assert code == 0 and "updated" in out, err
    assert "MixLayoutParams.MixLayoutList[2]" in err  # the plan, shown before it is sent
    modify = fake.recordings[task][1]
    assert set(modify) <= {"SdkAppId", "TaskId", "MixLayoutParams", "SubscribeStreamUserIds"}
    assert len(modify["MixLayoutParams"]["MixLayoutList"]) == 4

    code, out, err = cmd("record", "stop", task, "--yes")
    assert code == 0 and "stopped" in out, err
    assert task in fake.ended
    assert_sdk_round_trip(fake)
    assert {a for _t, a, _b in fake.seen()} == {
        "CreateCloudRecording",
        "DescribeCloudRecording",
        "ModifyCloudRecording",
        "DeleteCloudRecording",
    }

    with Journal(cmd.journal) as journal:
        rows = journal.entries(task)
        assert [(e.action, e.status) for e in rows] == [
            ("CreateCloudRecording", "ok"),
            ("ModifyCloudRecording", "ok"),
            ("DeleteCloudRecording", "ok"),
        ]  # a describe changes nothing: not journaled
        assert "SecretKey" not in json.dumps(rows[0].body) and "UserSig" not in rows[0].body
        assert rows[0].stripped == ["UserSig", "StorageParams.CloudStorage.SecretKey"]
        record = journal.task(task)
        assert record.canvas == (1280, 720) and record.region == "ap-guangzhou" and record.stopped_at
    code, out, _ = cmd("history", task)
    assert "record start" in out and "record update" in out and "record stop" in out


def test_plan_detects_a_recording_from_the_journal_and_push_refuses_it(cmd, fake):
    task = _start(cmd)[1].strip()
    code, out, err = cmd("plan", str(OTHER), "--task-id", task)
    assert code == 0, err
    assert "compared with #1 CreateCloudRecording" in out and "MixLayoutParams.MixLayoutList[2]" in out
    code, out, _ = cmd("plan", str(OTHER), "--task-id", task, "--format", "json")
    plan = json.loads(out)
    assert set(plan["body"]) == {"SdkAppId", "TaskId", "MixLayoutParams"} and plan["base"] == 1

    code, out, err = cmd("push", str(OTHER), "--task-id", task, "--yes")
    assert code == 2 and "cloud recording" in err and "record update" in err, err
    code, out, err = cmd("stop", "--task-id", task, "--yes")
    assert code == 2 and "record update/status/stop" in err
    assert len(fake.seen()) == 1  # nothing else was sent


def test_plan_of_an_unknown_recording_with_the_flag_checks_against_the_design(cmd, fake):
    code, out, err = cmd("plan", str(PRESET), "--task-id", "rec-elsewhere", "--recording", "--sdk-app-id", "1400188366")
    assert code == 0, err
    assert "no record of what it received" in out and "checked against 1280x720" in out


def test_a_recording_canvas_differing_from_the_design_is_a_warning(cmd, fake, tmp_path):
    task = _start(cmd)[1].strip()
    doc = json.loads(OTHER.read_text())
    doc["VideoParams"]["VideoEncode"].update(Width=640, Height=360)
    for i, region in enumerate(doc["VideoParams"]["LayoutParams"]["MixLayoutList"]):
        region.update(LocationX=(i % 2) * 320, LocationY=(i // 2) * 180, ImageWidth=320, ImageHeight=180)
    for mark in doc["VideoParams"].get("WaterMarkList", []):
        for body in mark.values():
            if isinstance(body, dict):
                body.update(LocationX=0, LocationY=0)
    small = tmp_path / "small.json"
    small.write_text(json.dumps(doc))
    code, out, err = cmd("plan", str(small), "--task-id", task)
    assert "push.plan.recording-canvas" in out and "640x360 differs from the recording's 1280x720" in out, out


def test_a_layout_outside_the_recording_canvas_refuses_the_update(cmd, fake, tmp_path):
    task = _start(cmd)[1].strip()
    doc = json.loads(OTHER.read_text())
    doc["VideoParams"]["LayoutParams"]["MixLayoutList"][3]["LocationX"] = 1200
    wide = tmp_path / "wide.json"
    wide.write_text(json.dumps(doc))
    code, _, err = cmd("record", "update", str(wide), "--task-id", task, "--yes")
    assert code == 1 and "recording.window.outside-canvas" in err and "nothing was sent" in err, err
    assert len(fake.recordings[task]) == 1


def test_storage_from_the_preset_target_and_vod(cmd, fake, tmp_path):
    cloud = {"CloudStorage": {"Vendor": 1, "Region": "us-east-1", "Bucket": "b", "AccessKey": "AKIAexample"}}
    preset = preset_with(tmp_path, StorageParams=cloud)
    code, _, err = cmd("record", "start", str(preset), "--storage-secret-key", STORAGE_KEY)
    assert code == 0, err
    assert fake.seen()[-1][2]["StorageParams"]["CloudStorage"] == {**cloud["CloudStorage"], "SecretKey": STORAGE_KEY}

    code, _, err = cmd("record", "start", str(PRESET), "--vod", "--vod-expire-time", "0", "--robot-user-id", "rec_2")
    assert code == 0, err
    assert fake.seen()[-1][2]["StorageParams"] == {"CloudVod": {"TencentVod": {"ExpireTime": 0}}}
    assert_sdk_round_trip(fake)


def test_what_a_recording_start_needs_is_named_and_nothing_is_sent(cmd, fake, monkeypatch):
    code, _, err = cmd("record", "start", str(PRESET))
    assert code == 2 and "no StorageParams" in err and "--storage-" in err
    code, _, err = cmd("record", "start", str(PRESET), *STORAGE)
    assert code == 2 and "--storage-secret-key" in err and "TRTC_STORAGE_SECRET_KEY" in err
    code, _, err = cmd("record", "start", str(PRESET), "--vod", "--robot-user-id", "trtc_partner_test_1")
    assert code == 2 and "mixing robot" in err
    monkeypatch.delenv("TRTC_SDK_SECRET_KEY")
    monkeypatch.setenv("TRTC_AGENT_USERSIG", "the-mixing-robots-usersig-0001")  # not the recording robot's
    code, _, err = cmd("record", "start", str(PRESET), "--vod")
    assert code == 2 and "UserSig (recording robot)" in err
    code, _, err = cmd("record", "start", str(PRESET), "--vod", region="ap-hongkong")
    assert code == 2 and "ap-hongkong" in err  # not a recording region: refused by the option
    assert fake.seen() == []


def test_the_storage_secret_key_from_the_environment_goes_in_the_request_only(cmd, fake, monkeypatch, tmp_path):
    monkeypatch.setenv("TRTC_STORAGE_SECRET_KEY", STORAGE_KEY)
    code, out, err = cmd("record", "start", str(PRESET), *STORAGE, "--dry-run")
    assert code == 0 and STORAGE_KEY not in out + err and '"SecretKey": "***"' in out, out
    assert fake.seen() == []
    code, out, err = cmd("record", "start", str(PRESET), *STORAGE)
    assert code == 0 and fake.seen()[0][2]["StorageParams"]["CloudStorage"]["SecretKey"] == STORAGE_KEY
    assert STORAGE_KEY.encode() not in cmd.journal.read_bytes() and STORAGE_KEY not in out + err


def test_an_integer_room_of_letters_is_caught_before_sending(cmd, fake):
    code, _, err = cmd("record", "start", str(PRESET), "--vod", "--room-id", "show-a", "--room-type", "int")
    assert code == 1 and "recording.room-id.integer" in err and "nothing was sent" in err, err
    code, _, err = cmd("record", "start", str(PRESET), "--vod", "--room-id", "show-a", "--robot-user-id", "rec_a")
    assert code == 0, err
    body = fake.seen()[-1][2]
    assert body["RoomId"] == "show-a" and body["RoomIdType"] == 0  # a string room is 0 here


def test_status_of_a_gone_recording_says_so(cmd, fake):
    task = _start(cmd)[1].strip()
    assert cmd("record", "stop", task, "--yes")[0] == 0
    code, out, err = cmd("record", "status", task)
    assert code == 1 and "ResourceNotFound" in err
