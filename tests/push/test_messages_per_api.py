"""Messages that name the right command or setting for the API of the task: `history`'s advice for an unresolved
`record start` / `ingest start` (the refusal is per room and robot UserId, lifted by that command's --force), and a
recording's ResourceNotFound (it ends after RecordParams.MaxIdleTime, not the mixing robot's AgentParams one)."""

from __future__ import annotations

from tests.push.applying import STORAGE, STORAGE_KEY
from tests.push.conftest import PRESET

CLIP = "https://media.example.com/clips/intro.mp4"


def test_history_names_the_command_that_refuses_an_unresolved_start(cmd, fake):
    fake.faults.append("504-after")
    assert cmd("record", "start", str(PRESET), *STORAGE, "--storage-secret-key", STORAGE_KEY)[0] == 1
    fake.faults.append("504-after")
    ingest = ["ingest", "start", "--room", "295066", "--sdk-app-id", "1400188366", "--user", "u1", "--url", CLIP]
    assert cmd(*ingest)[0] == 1
    code, out, err = cmd("history")
    assert code == 0, err
    assert "`record start --force`" in out and "`ingest start --force`" in out, out
    assert "room and robot UserId" in out and "`start` refuses its room" not in out, out


def test_a_recordings_resource_not_found_names_its_own_idle_setting(cmd, fake):
    fake.faults.append("error:ResourceNotFound")
    code, _, err = cmd("record", "stop", "rec-gone", "--sdk-app-id", "1400188366", "--yes")
    assert code == 1 and "RecordParams.MaxIdleTime" in err and "AgentParams" not in err, err
