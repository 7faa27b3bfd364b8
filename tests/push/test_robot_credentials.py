"""The robots' credentials are credentials too: a UserSig (agent, feedback room, recording or ingest robot; given by
an option or the environment), the SDK secret key a UserSig is generated from, and a recording storage's SecretKey,
read with a Windows line ending or surrounding whitespace, are refused before anything is sent (exit 2), naming
where they came from and never showing them — as the API SecretKey and session token are. Sent as they were, the API
refuses the robot (or records nothing) only later, in the room."""

from __future__ import annotations

import re

import pytest

from tests.push.applying import STORAGE
from tests.push.conftest import PRESET
from tests.push.test_echo import _recording_preset

SIG = "eJyrVgrxCdZRsgpKLU4tykvMTXUyMDG1NDU1MTJVqgUAL8sHAQ-robot-sig"
KEY = "StorageOrSdkSecretKey0123456789abcdef"
FEEDBACK = ["--feedback-room", "630777:mix_back_1"]
INGEST = ["ingest", "start", "--room", "295066", "--sdk-app-id", "1400188366", "--user", "clip_1", "--url",
          "https://media.example.com/a.mp4"]  # fmt: skip


CASES = {
    "agent UserSig option": (["start", "{preset}", "--no-ingest", "--agent-usersig", SIG + "\r"], {}, "UserSig"),
    "agent UserSig environment": (["start", "{preset}", "--no-ingest"], {"TRTC_AGENT_USERSIG": SIG + "\r\n"},
                                  "TRTC_AGENT_USERSIG"),
    "SDK secret key": (["start", "{preset}", "--no-ingest"], {"TRTC_SDK_SECRET_KEY": KEY + "\r"},
                       "TRTC_SDK_SECRET_KEY"),
    "feedback UserSig": (["start", "{preset}", "--no-ingest", *FEEDBACK, "--feedback-usersig", SIG + " "], {},
                         "UserSig"),
    "start storage SecretKey": (["start", "{rec}", "--no-ingest", "--storage-secret-key", KEY + "\r"], {}, "SecretKey"),
    "recording storage SecretKey": (["record", "start", "{preset}", *STORAGE], {"TRTC_STORAGE_SECRET_KEY": KEY + "\r"},
                                    "SecretKey"),
    "recording robot UserSig": (["record", "start", "{preset}", *STORAGE, "--storage-secret-key", KEY,
                                 "--agent-usersig", " " + SIG], {}, "UserSig"),
    "ingest robot UserSig": ([*INGEST, "--usersig", SIG + "\r"], {}, "UserSig"),
    "push feedback UserSig": (["push", "{preset}", "--task-id", "task-f", "--sdk-app-id", "1400188366", *FEEDBACK,
                               "--feedback-usersig", SIG + "\r\n", "--yes"], {}, "UserSig"),
}  # fmt: skip


@pytest.mark.parametrize("case", sorted(CASES))
def test_a_robot_credential_with_a_line_break_or_whitespace_is_refused_before_sending(
    cmd, fake, monkeypatch, tmp_path, case
):
    argv, env, named = CASES[case]
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    paths = {"preset": str(PRESET), "rec": str(_recording_preset(tmp_path))}
    code, out, err = cmd(*[a.format(**paths) if a.startswith("{") else a for a in argv])
    assert code == 2, err
    assert named in err and "not shown" in err and "nothing was sent" in err, err
    assert SIG not in err + out and KEY not in err + out
    assert fake.seen() == [] and fake.arrivals == []


def test_a_batch_with_a_bad_feedback_usersig_is_one_error(cmd, fake, tmp_path):
    ids = tmp_path / "ids.txt"
    ids.write_text("task-a\ntask-b\ntask-c\n")
    code, out, err = cmd("push", str(PRESET), "--task-ids-from", str(ids), "--sdk-app-id", "1400188366", *FEEDBACK,
                         "--feedback-usersig", SIG + "\r", "--yes")  # fmt: skip
    assert code == 2, err
    assert err.count("layout-studio: error") == 1 and "not shown" in err, err
    assert fake.arrivals == []


@pytest.mark.parametrize(
    "argv, option",
    [
        (INGEST, "--usersig"),
        (["record", "start", "{preset}", "--vod"], "--agent-usersig"),
        (["start", "{ingest}", "--with-ingest", "--agent-usersig", SIG], None),
    ],
    ids=["ingest start", "record start", "start --with-ingest"],
)
def test_a_missing_robot_usersig_names_the_option_the_command_has(cmd, fake, monkeypatch, tmp_path, argv, option):
    """`ingest start` said "pass --agent-usersig", an option it does not have (its own is --usersig); `start
    --with-ingest` named --agent-usersig, the mixing robot's, for an ingest source's robot, which no option gives."""
    from tests.push.applying import preset_with

    monkeypatch.delenv("TRTC_SDK_SECRET_KEY")
    source = [{"UserId": "clip_intro", "StreamUrl": "https://media.example.com/a.mp4"}]
    paths = {"preset": str(PRESET), "ingest": str(preset_with(tmp_path, IngestSources=source))}
    argv = [a.format(**paths) if a.startswith("{") else a for a in argv]
    code, _, err = cmd(*argv)
    assert code == 2 and "is needed" in err and "TRTC_SDK_SECRET_KEY" in err, err
    named = re.findall(r"pass (--[a-z-]+)", err)
    assert named == ([option] if option else []), err
    if option:
        help_code, help_text, _ = cmd(*argv[: argv.index("start") + 1], "--help")
        assert help_code == 0 and option in help_text
    assert fake.seen() == []
