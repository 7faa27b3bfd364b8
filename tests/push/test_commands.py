"""start, plan, push, stop, history and rollback through the command line, against the loopback API."""

from __future__ import annotations

import json
import sqlite3

import pytest

from layout_studio.push.journal import Journal
from tests.push.conftest import OTHER, PRESET
from tests.push.conftest import run_main as _main

TARGET = ["--sdk-app-id", "1400188366", "--region", "ap-guangzhou"]


def test_start_prints_and_records_the_task_id(cli, fake, started):
    assert started == "task-00001"
    actions = [a for _, a, _ in fake.seen()]
    assert actions == ["StartPublishCdnStream"]
    body = fake.seen()[0][2]
    assert body["AgentParams"]["UserSig"]  # generated from TRTC_SDK_SECRET_KEY, sent, never stored
    with Journal(cli.journal) as journal:
        task = journal.task(started)
        assert task.canvas == (1280, 720) and task.region == "ap-guangzhou" and task.sdk_app_id == 1400188366
        assert "UserSig" not in journal.entries(started)[0].body["AgentParams"]
    assert fake.violations == []


def test_plan_lists_field_changes_against_what_the_task_received(cli, started):
    code, out, _ = cli("plan", str(OTHER), "--task-id", started)
    assert code == 0
    assert '~ VideoParams.BackGroundColor: "0xFF0000" -> "0x101820"' in out
    assert "+ VideoParams.LayoutParams.MixLayoutList[2]" in out
    code, out, _ = cli("plan", str(PRESET), "--task-id", started)
    assert "no changes" in out and "sends it again" in out  # not "already has": a push does send it


def test_plan_warns_about_a_cdn_url_change(cli, started):
    code, out, _ = cli("plan", str(PRESET), "--task-id", started, "--cdn-url", "rtmp://other.example.com/live/x")
    assert code == 0
    assert "PublishCdnParams[0].PublishCdnUrl" in out and "push.plan.cdn-url-change" in out


def test_push_updates_with_increasing_sequence_numbers(cli, fake, started):
    for preset in (OTHER, PRESET, OTHER):
        code, out, err = cli("push", str(preset), "--task-id", started, "--yes")
        assert code == 0, err
        assert "updated, SequenceNumber" in out
    seqs = [b["SequenceNumber"] for b in fake.tasks[started]]
    assert len(seqs) == 3 and seqs == sorted(set(seqs))
    assert fake.violations == []


def test_push_refuses_without_yes_when_stdin_is_not_a_terminal(cli, fake, started):
    code, _, err = cli("push", str(OTHER), "--task-id", started)
    assert code == 2 and "--yes" in err
    assert len(fake.seen("UpdatePublishCdnStream")) == 0


def test_push_refuses_a_design_with_errors(cli, fake, started, tmp_path):
    broken = json.loads(OTHER.read_text())
    broken["VideoParams"]["LayoutParams"]["MixLayoutList"][0]["LocationX"] = 5000
    path = tmp_path / "broken.json"
    path.write_text(json.dumps(broken))
    code, _, err = cli("push", str(path), "--task-id", started, "--yes")
    assert code == 1
    assert "LocationX" in err and "nothing was sent" in err
    assert fake.seen("UpdatePublishCdnStream") == []


def test_a_refused_push_names_each_finding_once(cli, fake, started, tmp_path):
    broken = json.loads(OTHER.read_text())
    broken["VideoParams"]["VideoEncode"]["Gop"] = 99
    path = tmp_path / "broken.json"
    path.write_text(json.dumps(broken))
    code, _, err = cli("push", str(path), "--task-id", started, "--yes")
    assert code == 1 and err.count("[video.encode.gop-range]") == 1, err


def test_dry_run_prints_the_request_and_sends_nothing(cli, fake, started):
    before = len(fake.seen())
    code, out, _ = cli("push", str(OTHER), "--task-id", started, "--dry-run")
    assert code == 0
    assert "X-TC-Action: UpdatePublishCdnStream" in out and "Signature=***" in out
    assert '"SequenceNumber"' in out
    assert len(fake.seen()) == before
    with Journal(cli.journal) as journal:
        assert [e.action for e in journal.entries(started)] == ["StartPublishCdnStream"]


def test_stop_and_history(cli, fake, started):
    code, out, _ = cli("stop", "--task-id", started, "--yes")
    assert code == 0 and "stopped" in out
    assert started in fake.stopped
    code, out, _ = cli("history", started)
    lines = out.strip().splitlines()
    assert lines[0].startswith("#") and "start" in lines[1] and "stop" in lines[2] and "ok" in lines[2]
    code, out, _ = cli("history", "--format", "json")
    rows = json.loads(out)
    assert [r["action"] for r in rows] == ["StartPublishCdnStream", "StopPublishCdnStream"]


def test_rollback_resends_the_earlier_design_with_a_new_sequence_number(cli, fake, started):
    assert cli("push", str(OTHER), "--task-id", started, "--yes")[0] == 0
    code, out, err = cli("rollback", started, "--yes")
    assert code == 0, err
    first, rolled = fake.tasks[started]
    assert rolled["SequenceNumber"] > first["SequenceNumber"]
    start_body = fake.seen("StartPublishCdnStream")[0][2]
    assert rolled["VideoParams"] == start_body["VideoParams"]
    code, out, _ = cli("plan", str(PRESET), "--task-id", started)
    assert "no changes" in out


def test_rollback_to_an_entry_of_another_task_is_refused(cli, started):
    code, _, err = cli("rollback", "task-99999", "--to", "1", "--yes")
    assert code == 2 and "not a request of task" in err


def test_update_is_validated_against_the_canvas_the_task_started_with(cli, fake, started, tmp_path):
    # a 1920x1080 design whose regions fit 1920x1080 but not the task's 1280x720 canvas, sent without VideoEncode
    wide = json.loads(OTHER.read_text())
    wide["VideoParams"].pop("VideoEncode")
    wide["VideoParams"]["LayoutParams"]["MixLayoutList"][3]["LocationX"] = 1200
    path = tmp_path / "wide.json"
    path.write_text(json.dumps(wide))
    code, _, err = cli("push", str(path), "--task-id", started, "--yes")
    assert code == 1 and "MixLayoutList[3]" in err
    assert fake.seen("UpdatePublishCdnStream") == []


def test_journal_is_sqlite_in_wal_mode(cli, started):
    db = sqlite3.connect(cli.journal)
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert db.execute("SELECT COUNT(*) FROM requests").fetchone()[0] == 1


def test_an_update_without_video_encode_keeps_the_canvas_and_is_not_video_removed(cli, fake, started, tmp_path):
    design = json.loads(PRESET.read_text())
    del design["VideoParams"]["VideoEncode"]
    design["VideoParams"]["BackGroundColor"] = "0x000000"
    path = tmp_path / "no-encode.json"
    path.write_text(json.dumps(design))
    code, out, err = cli("plan", str(path), "--task-id", started)
    assert code == 0, err
    assert "VideoEncode" not in out and "push.plan.video-removed" not in out
    assert '~ VideoParams.BackGroundColor: "0xFF0000" -> "0x000000"' in out
    code, _, err = cli("push", str(path), "--task-id", started, "--yes")
    assert code == 0, err
    code, out, _ = cli("plan", str(PRESET), "--task-id", started)  # the task still has its 1280x720 encode
    assert "VideoEncode" not in out and '~ VideoParams.BackGroundColor: "0x000000" -> "0xFF0000"' in out


def test_a_task_id_with_surrounding_spaces_is_the_same_task(cli, fake, started):
    """A TaskId pasted with a space around it must not be taken for an unknown task (or sent as ' T')."""
    code, out, err = cli("push", str(OTHER), "--task-id", f" {started}\t", "--dry-run")
    assert code == 0, err
    assert f'"TaskId": "{started}"' in out


@pytest.mark.parametrize("command", ["push", "plan", "stop"])
@pytest.mark.parametrize("value, words", [("", "empty"), ("   ", "empty"), ("task-a task-b", "whitespace")])
def test_an_empty_or_spaced_task_id_is_bad_usage(cli, fake, command, value, words):
    argv = {"push": ["push", str(OTHER), "--yes"], "plan": ["plan", str(OTHER)], "stop": ["stop", "--yes"]}[command]
    code, _, err = cli(*argv, "--task-id", value, "--sdk-app-id", "1400188366", "--region", "ap-guangzhou")
    assert code == 2 and "--task-id" in err and words in err
    assert fake.seen() == []


DASH_TASK = "-m97l2ZUdWLd"  # real TaskIds often start with '-' (the API's examples do)


def test_a_task_id_starting_with_a_dash_is_taken_as_written_by_every_command(cli, fake):
    """`--task-id -m97...` (push, plan, stop) and `history -m97...` / `rollback -m97...` need no '=' or '--'."""
    for preset in (OTHER, PRESET):
        code, _, err = cli("push", str(preset), "--task-id", DASH_TASK, *TARGET, "--yes")
        assert code == 0, err
    code, out, err = cli("plan", str(OTHER), "--task-id", DASH_TASK)
    assert code == 0 and "VideoParams" in out, err
    code, out, err = cli("history", DASH_TASK)
    assert code == 0 and out.count(DASH_TASK) == 2, err
    code, _, err = cli("rollback", DASH_TASK, "--yes")
    assert code == 0, err
    code, _, err = cli("stop", "--task-id", DASH_TASK, "--yes")
    assert code == 0, err
    sent = [(action, body["TaskId"]) for _, action, body in fake.seen()]
    assert sent == [("UpdatePublishCdnStream", DASH_TASK)] * 3 + [("StopPublishCdnStream", DASH_TASK)]
    assert fake.tasks[DASH_TASK][-1]["VideoParams"] == fake.tasks[DASH_TASK][0]["VideoParams"]  # rolled back


@pytest.mark.parametrize(
    "argv, named",
    [
        (["history", "--formt", "json"], "--formt"),
        (["rollback", DASH_TASK, "--yse"], "--yse"),
        (["history", "-limit", "3"], "-limit"),
        (["stop", "--task-id", "--yes"], "--yes"),
    ],
)
def test_a_mistyped_option_next_to_a_dash_task_id_is_still_bad_usage(cli, fake, argv, named):
    """Reading '-m97...' as a TaskId must not turn a mistyped option (or a forgotten value) into one."""
    code, _, err = cli(*argv)
    assert code == 2 and named in err and "Traceback" not in err, err
    assert fake.seen() == []


def test_a_task_id_starting_with_a_dash_works_written_with_equals(cli, fake, started):
    code, _, err = cli("push", str(OTHER), f"--task-id={DASH_TASK}", *TARGET, "--yes")
    assert code == 0, err
    assert fake.seen("UpdatePublishCdnStream")[0][2]["TaskId"] == DASH_TASK
    code, out, err = _main("history", "--journal", str(cli.journal), "--", DASH_TASK)  # `--` still ends the options
    assert code == 0 and DASH_TASK in out, err


def test_an_update_goes_to_the_region_and_app_the_task_was_started_in(cli, fake, started, tmp_path):
    """A task lives in one region and one application, which the journal recorded at its start; a design
    preset saved with another Target (from another deployment) must not send the update elsewhere."""
    preset = json.loads(PRESET.read_text())
    preset["Target"]["Region"] = "ap-hongkong"
    preset["Target"]["SdkAppId"] = 1400000001
    other = tmp_path / "elsewhere.json"
    other.write_text(json.dumps(preset))
    code, out, err = cli("push", str(other), "--task-id", started, "--dry-run")
    assert code == 0, err
    assert "X-TC-Region: ap-guangzhou" in out and '"SdkAppId": 1400188366' in out
    assert "ap-hongkong" in err and "1400000001" in err  # the difference is shown
    code, out, err = cli(
        "push", str(other), "--task-id", started, "--dry-run", "--region", "ap-hongkong", "--sdk-app-id", "1400000001"
    )
    assert "X-TC-Region: ap-hongkong" in out and '"SdkAppId": 1400000001' in out  # the options still win


def test_history_reads_without_creating_or_changing_the_journal(cli, tmp_path, started):
    """`history` only reads: no journal (or folder) is created where none was, and an existing one is opened
    read-only (so a journal on a read-only disk, or a copy kept for an audit, can be listed)."""
    missing = tmp_path / "nowhere" / "journal.sqlite3"
    code, out, err = _main("history", "--journal", str(missing))
    assert code == 0 and "no requests recorded" in out, err
    assert not missing.parent.exists()
    code, out, _ = cli("history", started)
    assert code == 0 and started in out
    with sqlite3.connect(f"file:{cli.journal}?mode=ro", uri=True) as db:
        assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_plan_and_dry_runs_only_read_the_journal(cli, fake, tmp_path, started):
    """plan and --dry-run send and record nothing, so they open the journal read-only: they work on a journal
    that cannot be written (a read-only disk) and create none where there is none."""
    missing = tmp_path / "nowhere" / "journal.sqlite3"
    for argv in (
        ["plan", str(OTHER), "--task-id", started],
        ["push", str(OTHER), "--task-id", started, "--dry-run"],
        ["stop", "--task-id", started, "--dry-run"],
        ["start", str(PRESET), "--dry-run"],
    ):
        code, _, err = _main(
            *argv,
            "--journal",
            str(missing),
            "--sdk-app-id",
            "1400188366",
            "--region",
            "ap-guangzhou",
            "--endpoint",
            fake.endpoint,
        )
        assert code == 0, (argv, err)
    assert not missing.parent.exists()
    assert [a for _, a, _ in fake.seen()] == ["StartPublishCdnStream"]  # only the fixture's start


@pytest.mark.parametrize("option", ["--timeout", "--rate", "--backoff"])
@pytest.mark.parametrize("value", ["nan", "inf"])
def test_a_non_finite_number_option_is_bad_usage_and_nothing_is_sent(cli, fake, started, option, value):
    """float() accepts 'nan' and 'inf': --timeout nan sent the update and recorded four 'unknown' attempts."""
    code, _, err = _main(
        "push",
        str(OTHER),
        "--task-id",
        started,
        "--yes",
        "--endpoint",
        fake.endpoint,
        "--journal",
        str(cli.journal),
        option,
        value,
    )
    assert code == 2 and option in err and "Traceback" not in err, err
    assert fake.seen("UpdatePublishCdnStream") == []


def test_plan_and_push_say_when_the_journal_recorded_the_task_as_stopped(cli, fake, started):
    code, _, _ = cli("stop", "--task-id", started, "--yes")
    assert code == 0
    code, out, _ = cli("plan", str(OTHER), "--task-id", started)
    assert "as stopped" in out and "ResourceNotFound" in out


def test_the_confirmation_question_goes_to_stderr_so_a_redirected_stdout_does_not_hide_it(
    cli, fake, started, monkeypatch
):
    """`push ... > log.txt` on a terminal: a question on stdout lands in the file and the command seems to hang."""
    import io

    class Terminal(io.StringIO):
        def isatty(self):
            return True

    monkeypatch.setattr("sys.stdin", Terminal("y\n"))
    code, out, err = cli("push", str(OTHER), "--task-id", started)
    assert code == 0, err
    assert f"Apply 2x2 grid to task {started}? [y/N]" in err and "[y/N]" not in out
    assert len(fake.seen("UpdatePublishCdnStream")) == 1
    monkeypatch.setattr("sys.stdin", Terminal("\n"))
    code, out, err = cli("stop", "--task-id", started)
    assert code == 1 and "not stopped" in err and "[y/N]" in err


@pytest.mark.parametrize("value", ["0", "-3"])
def test_history_limit_must_be_positive(cli, value):
    """--limit 0 and --limit -3 listed the whole journal."""
    code, _, err = cli("history", "--limit", value)
    assert code == 2 and "--limit" in err


HUGE = "99999999999999999999"  # beyond SQLite's INTEGER and any signed 64-bit number


@pytest.mark.parametrize(
    "argv, option",
    [
        (["rollback", "{task}", "--to", HUGE, "--yes"], "--to"),
        (["rollback", "{task}", "--to", "0", "--yes"], "--to"),
        (["history", "{task}", "--limit", HUGE], "--limit"),
        (["stop", "--task-id", "{task}", "--sdk-app-id", HUGE, "--yes"], "--sdk-app-id"),
        (["push", str(OTHER), "--task-id", "{task}", "--sdk-app-id", HUGE, "--yes"], "--sdk-app-id"),
        (["record", "status", "{task}", "--sdk-app-id", HUGE], "--sdk-app-id"),
        (["ingest", "status", "{task}", "--sdk-app-id", HUGE], "--sdk-app-id"),
        (["ingest", "start", "--room", "1", "--user", "u", "--url", "https://a/b.mp4", "--seek", HUGE], "--seek"),
        (["record", "start", str(PRESET), "--vod", "--vod-expire-time", HUGE], "--vod-expire-time"),
        (["record", "start", str(PRESET), "--vod", "--vod-sub-app-id", HUGE], "--vod-sub-app-id"),
        (["payload", str(PRESET), "--action", "update", "--task-id", "{task}", "--sequence", HUGE], "--sequence"),
        (["payload", str(PRESET), "--action", "start", "--sdk-app-id", HUGE], "--sdk-app-id"),
        (["export", str(PRESET), "--to", "recording", "--sdk-app-id", HUGE], "--sdk-app-id"),
    ],
)
def test_an_integer_option_beyond_64_bits_is_one_line_of_bad_usage(cli, fake, started, argv, option):
    """`rollback T --to 99999999999999999999` was an OverflowError traceback from SQLite; an --sdk-app-id that long
    went into dry-run and stop bodies."""
    argv = [word.replace("{task}", started) for word in argv]
    code, out, err = cli(*argv)
    assert code == 2 and f"Invalid value for '{option}'" in err and "Traceback" not in err, err
    assert err.splitlines()[-1].startswith("layout-studio ") and "give at" in err.splitlines()[-1]
    assert [a for _, a, _ in fake.seen()] == ["StartPublishCdnStream"]  # only the fixture's start
