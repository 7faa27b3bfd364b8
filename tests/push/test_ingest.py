"""`layout-studio ingest start|status|update|stop` and `start PRESET --with-ingest` against the loopback API: the
traps caught before sending (RepeatNum 0, MaxDuration without a loop, the reversed RoomIdType, the regions), journal
rows with their action, and the preset's ingest sources started before the mix."""

from __future__ import annotations

import json

import pytest

from layout_studio.push.journal import Journal
from tests.push.applying import assert_sdk_round_trip, preset_with

ROOM = ["--room", "295066", "--sdk-app-id", "1400188366"]
CLIP = "https://media.example.com/clips/intro.mp4"
SOURCES = [
    {"UserId": "clip_intro", "StreamUrl": CLIP, "RepeatNum": -1, "MaxDuration": 30},
    {"UserId": "clip_music", "StreamUrl": "https://media.example.com/music.mp3", "Volume": 60},
]


def _start(cmd, *extra, **options):
    return cmd("ingest", "start", *ROOM, "--user", "clip_1", "--url", CLIP, *extra, **options)


def test_start_status_update_stop(cmd, fake):
    code, out, err = _start(cmd, "--repeat", "-1", "--max-duration", "90", "--volume", "80")
    assert code == 0, err
    task = out.strip()
    [body] = fake.ingests[task]
    assert body["RoomIdType"] == 1 and body["RoomId"] == "295066"  # an integer room is 1 here (the reverse)
    assert body["RepeatNum"] == -1 and body["MaxDuration"] == 90 and body["Volume"] == 80 and body["UserSig"]
    assert "ingest.loop.endless" not in err  # MaxDuration ends the loop

    code, out, _ = cmd("ingest", "status", task)
    assert code == 0 and "playing into the room (InProgress)" in out
    code, out, err = cmd("ingest", "update", task, "--url", "https://media.example.com/b.mp4", "--pause", "--yes")
    assert code == 0 and "updated" in out, err
    assert fake.ingests[task][1] == {
        "SdkAppId": 1400188366,
        "TaskId": task,
        "StreamUrl": "https://media.example.com/b.mp4",
        "IsPause": True,
    }
    code, out, err = cmd("ingest", "stop", task, "--yes")
    assert code == 0 and "stopped" in out, err
    code, out, _ = cmd("ingest", "status", task)
    assert code == 0 and "not running" in out and "NotExist" in out
    assert_sdk_round_trip(fake)

    with Journal(cmd.journal) as journal:
        rows = journal.entries(task)
        assert [(e.action, e.status) for e in rows] == [
            ("StartStreamIngest", "ok"),
            ("UpdateStreamIngest", "ok"),
            ("StopStreamIngest", "ok"),
        ]
        assert "UserSig" not in rows[0].body and rows[0].stripped == ["UserSig"]
    code, out, _ = cmd("history", task)
    assert "ingest start" in out and "ingest stop" in out


def test_a_string_room_is_roomidtype_0(cmd, fake):
    code, out, err = cmd(
        "ingest", "start", "--room", "show-a", "--sdk-app-id", "1400188366", "--user", "c", "--url", CLIP
    )
    assert code == 0, err
    assert fake.seen()[0][2]["RoomIdType"] == 0


@pytest.mark.parametrize(
    "extra, code",
    [
        (["--repeat", "0"], "ingest.repeat-num.zero"),
        (["--repeat", "2000"], "ingest.repeat-num-range"),
        (["--max-duration", "0", "--repeat", "-1"], "ingest.max-duration-range"),
        (["--volume", "300"], "ingest.volume-range"),
        (["--tempo", "3"], "ingest.tempo"),
        (["--room-type", "int", "--room", "show-a"], "ingest.room-id.integer"),
    ],
)
def test_the_traps_refuse_the_start_and_nothing_is_sent(cmd, fake, extra, code):
    exit_code, _, err = _start(cmd, *extra)
    assert exit_code == 1 and f"[{code}]" in err and "nothing was sent" in err, err
    assert fake.seen() == []


def test_max_duration_without_a_loop_is_a_warning_that_names_the_fix(cmd, fake):
    code, _, err = _start(cmd, "--max-duration", "30")
    assert code == 0 and "[ingest.max-duration.ignored]" in err and "RepeatNum -1" in err, err


def test_a_local_file_or_a_region_without_ingest_is_refused(cmd, fake, tmp_path):
    code, _, err = cmd("ingest", "start", *ROOM, "--user", "c", "--url", str(tmp_path / "a.png"))
    assert code == 1 and "ingest.stream-url.unreachable" in err
    code, _, err = _start(cmd, region="ap-hongkong")
    assert code == 2 and "ap-hongkong" in err  # not an ingest region
    code, _, err = _start(cmd, region=None)
    assert code == 2 and "no region" in err and "ap-bangkok" in err
    assert fake.seen() == []


def test_the_ingest_robot_usersig_is_not_the_mixing_robots(cmd, fake, monkeypatch):
    monkeypatch.delenv("TRTC_SDK_SECRET_KEY")
    monkeypatch.setenv("TRTC_AGENT_USERSIG", "the-mixing-robots-usersig-0001")
    code, _, err = _start(cmd)
    assert code == 2 and "UserSig (ingest robot)" in err
    code, _, err = _start(cmd, "--usersig", "the-clip-robots-usersig-0002")
    assert code == 0 and fake.seen()[0][2]["UserSig"] == "the-clip-robots-usersig-0002"


def test_a_task_of_another_api_is_refused(cmd, fake):
    task = _start(cmd)[1].strip()
    code, _, err = cmd("record", "stop", task, "--yes")
    assert code == 2 and "stream ingest" in err and "ingest status/update/stop" in err
    code, _, err = cmd("ingest", "update", task, "--yes")
    assert code == 2 and "nothing to update" in err


# -- the preset's ingest sources ----------------------------------------------------------------------------------
def test_start_with_ingest_starts_the_sources_then_the_mix(cmd, fake, tmp_path):
    preset = preset_with(tmp_path, IngestSources=SOURCES)
    code, out, err = cmd("start", str(preset), "--with-ingest")
    assert code == 0, err
    assert out.strip() == "task-00001", out  # only the mix's TaskId on stdout
    actions = [a for _t, a, _b in fake.seen()]
    assert actions == ["StartStreamIngest", "StartStreamIngest", "StartPublishCdnStream"]
    first, second = (b for _t, a, b in fake.seen() if a == "StartStreamIngest")
    assert (first["UserId"], first["RoomIdType"], first["MaxDuration"]) == ("clip_intro", 1, 30)
    assert (second["UserId"], second["Volume"]) == ("clip_music", 60)
    assert "ingest source clip_intro started" in err and "ingest source clip_music started" in err
    assert "IngestSources" not in fake.seen()[-1][2]  # never in the mixing body
    assert_sdk_round_trip(fake)

    code, out, err = cmd("start", str(preset), "--with-ingest", "--force")  # the sources play already
    assert code == 0 and err.count("FailedOperation.TaskExist") == 2, err


def test_no_ingest_starts_the_mix_only_and_a_script_must_choose(cmd, fake, tmp_path, monkeypatch):
    preset = preset_with(tmp_path, IngestSources=SOURCES)
    monkeypatch.setattr("sys.stdin.isatty", lambda: False, raising=False)
    code, _, err = cmd("start", str(preset))
    assert code == 2 and "--with-ingest" in err and "--no-ingest" in err and "clip_intro" in err
    assert fake.seen() == []
    code, out, err = cmd("start", str(preset), "--no-ingest")
    assert code == 0 and [a for _t, a, _b in fake.seen()] == ["StartPublishCdnStream"], err


def test_on_a_terminal_start_asks(cmd, fake, tmp_path, monkeypatch):
    preset = preset_with(tmp_path, IngestSources=SOURCES[:1])
    monkeypatch.setattr("sys.stdin.isatty", lambda: True, raising=False)
    monkeypatch.setattr("builtins.input", lambda: "y")
    code, _, err = cmd("start", str(preset))
    assert code == 0 and "Start them first" in err
    assert [a for _t, a, _b in fake.seen()] == ["StartStreamIngest", "StartPublishCdnStream"]


def test_a_source_with_errors_starts_nothing(cmd, fake, tmp_path):
    preset = preset_with(tmp_path, IngestSources=[SOURCES[0], {"UserId": "bad", "StreamUrl": CLIP, "RepeatNum": 0}])
    code, _, err = cmd("start", str(preset), "--with-ingest")
    assert code == 1 and "IngestSources[1].RepeatNum" in err and "nothing was sent" in err, err
    assert fake.seen() == []


def test_a_failing_source_leaves_the_mix_unstarted_and_names_those_started(cmd, fake, tmp_path):
    preset = preset_with(tmp_path, IngestSources=SOURCES)
    fake.faults.extend([None, "error:InvalidParameter.StreamUrl"])
    code, out, err = cmd("start", str(preset), "--with-ingest")
    assert code == 1 and out == "", err
    assert "InvalidParameter.StreamUrl" in err and "clip_intro as task ing-" in err and "mix was not started" in err
    assert [a for _t, a, _b in fake.seen()] == ["StartStreamIngest"]


def test_dry_run_shows_every_request_and_sends_nothing(cmd, fake, tmp_path):
    preset = preset_with(tmp_path, IngestSources=SOURCES)
    code, out, err = cmd("start", str(preset), "--dry-run")
    assert code == 0, err
    assert out.count("X-TC-Action: StartStreamIngest") == 2 and out.count("X-TC-Action: StartPublishCdnStream") == 1
    assert '"UserSig": "***"' in out
    assert fake.seen() == []


def test_validate_reports_the_sources_traps(tmp_path, capsys):
    from layout_studio.cli import main

    preset = preset_with(tmp_path, IngestSources=[{"UserId": "trtc_partner_test_1", "StreamUrl": CLIP, "RepeatNum": 0}])
    assert main(["validate", str(preset), "--format", "json"]) == 1
    found = {(f["code"], f["path"]) for f in json.loads(capsys.readouterr().out)["files"][0]["findings"]}
    assert {
        ("ingest.repeat-num.zero", "IngestSources[0].RepeatNum"),
        ("ingest.user.clash", "IngestSources[0].UserId"),
    } <= found
