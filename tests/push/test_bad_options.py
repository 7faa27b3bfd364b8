"""Options of `record`, `ingest` and the sending commands that used to be taken silently: an incomplete CloudStorage
(the API requires Vendor, Region, Bucket, AccessKey and SecretKey), an empty id, URL or UserSig (which fell back
to a default: the preset's room with the wrong RoomIdType, a generated UserSig), `--pause --resume` together (the
last won) and a huge `--retries`. Each is exit 2 and nothing is sent."""

from __future__ import annotations

import pytest

from tests.push.applying import STORAGE, STORAGE_KEY, preset_with
from tests.push.conftest import PRESET

CLIP = "https://media.example.com/clips/intro.mp4"
ROOM = ["--room", "295066", "--sdk-app-id", "1400188366"]


@pytest.mark.parametrize(
    ("options", "missing"),
    [
        (["--storage-vendor", "cos"], "Region, Bucket, AccessKey"),
        (["--storage-bucket", "b-1250000000"], "Vendor, Region, AccessKey"),
        (STORAGE[:6], "AccessKey"),
    ],
)
def test_an_incomplete_cloud_storage_is_refused(cmd, fake, options, missing):
    code, _, err = cmd("record", "start", str(PRESET), *options, "--storage-secret-key", STORAGE_KEY)
    assert code == 2 and f"lacks {missing}" in err and "--storage-" in err and "nothing was sent" in err, err
    assert STORAGE_KEY not in err and "Traceback" not in err
    assert fake.seen() == []


def test_an_incomplete_cloud_storage_of_the_preset_is_refused(cmd, fake, tmp_path):
    preset = preset_with(tmp_path, StorageParams={"CloudStorage": {"Vendor": 0, "Bucket": "b-1250000000"}})
    code, _, err = cmd("record", "start", str(preset), "--storage-secret-key", STORAGE_KEY)
    assert code == 2 and "Target.StorageParams.CloudStorage.Region" in err and "AccessKey" in err, err
    assert fake.seen() == []


def test_the_recording_pack_requires_every_cloud_storage_member():
    from layout_studio.export.recording_pack import CREATE_PACK

    body = {"StorageParams": {"CloudStorage": {"Vendor": 0, "Bucket": "b"}}}
    paths = {f.path for f in CREATE_PACK.check(body, sending=True, region="ap-guangzhou") if f.severity == "error"}
    assert {f"StorageParams.CloudStorage.{m}" for m in ("Region", "AccessKey", "SecretKey")} <= paths


@pytest.mark.parametrize(
    "argv",
    [
        ["record", "start", str(PRESET), "--vod", "--room-id", ""],
        ["record", "start", str(PRESET), "--vod", "--robot-user-id", " "],
        ["record", "start", str(PRESET), "--vod", "--agent-usersig", ""],
        ["record", "start", str(PRESET), *STORAGE[:6], "--storage-access-key", "", "--storage-secret-key", "k"],
        ["ingest", "start", "--room", "", "--sdk-app-id", "1400188366", "--user", "u1", "--url", CLIP],
        ["ingest", "start", *ROOM, "--user", "", "--url", CLIP],
        ["ingest", "start", *ROOM, "--user", "u1", "--url", ""],
        ["ingest", "start", *ROOM, "--user", "u1", "--url", CLIP, "--usersig", ""],
        ["start", str(PRESET), "--no-ingest", "--agent-usersig", ""],
    ],
)
def test_an_empty_value_is_bad_usage(cmd, fake, argv):
    code, _, err = cmd(*argv)
    assert code == 2 and "empty value" in err, err
    assert fake.seen() == []


def test_pause_and_resume_together_are_bad_usage(cmd, fake):
    code, out, err = cmd("ingest", "start", *ROOM, "--user", "u1", "--url", CLIP)
    assert code == 0, err
    task = out.strip()
    code, _, err = cmd("ingest", "update", task, "--pause", "--resume", "--yes")
    assert code == 2 and "--pause or --resume, not both" in err, err
    assert [a for _t, a, _b in fake.seen()] == ["StartStreamIngest"]
    code, _, err = cmd("ingest", "update", task, "--resume", "--yes")
    assert code == 0 and fake.ingests[task][-1]["IsPause"] is False, err


@pytest.mark.parametrize("retries", ["101", "99999999999999999999", "-1"])
def test_retries_are_bounded(cmd, fake, retries):
    code, _, err = cmd("start", str(PRESET), "--no-ingest", "--retries", retries)
    assert code == 2 and "--retries" in err, err
    assert fake.seen() == []
