"""No secret — API SecretKey, agent UserSig (given or generated), TRTC_SDK_SECRET_KEY, a CDN URL's txSecret —
appears in any output, journal byte, report or file the commands leave behind."""

from __future__ import annotations

from pathlib import Path

from layout_studio.push.journal import Journal
from tests.push.conftest import OTHER, PRESET
from tests.push.fake_trtc import SECRET_KEY

USERSIG = "eJyrVgrxCdZRsgpKLU4tykvMTXUyMDG1NDU1MTJVqgUAL8sHAQ-given-usersig"
TX_SECRET = "9f2c1e0d8b7a6c5d4e3f2a1b0c9d8e7f"
SDK_KEY = "sdk-secret-key-for-tests-0042"


def test_no_secret_anywhere(cli, fake, tmp_path, monkeypatch):
    monkeypatch.setenv("TRTC_SDK_SECRET_KEY", SDK_KEY)
    cdn = f"rtmp://push.example.com/live/stream1?txSecret={TX_SECRET}&txTime=7FFFFFFF"
    outputs: list[str] = []

    def run(*args):
        code, out, err = cli(*args)
        outputs.extend([out, err])
        return code, out

    code, task = run(
        "start", str(PRESET), "--agent-usersig", USERSIG, "--cdn-url", cdn, "--feedback-room", "630777:mix_back_1"
    )
    assert code == 0
    task = task.strip()
    start_body = fake.seen("StartPublishCdnStream")[0][2]
    assert start_body["AgentParams"]["UserSig"] == USERSIG
    generated = start_body["FeedBackRoomParams"][0]["UserSig"]  # from TRTC_SDK_SECRET_KEY
    assert generated and TX_SECRET in start_body["PublishCdnParams"][0]["PublishCdnUrl"]

    assert run("start", str(PRESET), "--agent-usersig", USERSIG, "--cdn-url", cdn, "--dry-run")[0] == 0
    assert run("plan", str(OTHER), "--task-id", task, "--cdn-url", cdn)[0] == 0
    assert run("push", str(OTHER), "--task-id", task, "--cdn-url", cdn, "--yes")[0] == 0
    assert run("push", str(OTHER), "--task-id", task, "--cdn-url", cdn, "--dry-run")[0] == 0
    fake.faults.append("error:InvalidParameter.UserSig")
    assert run("push", str(PRESET), "--task-id", task, "--cdn-url", cdn, "--yes")[0] == 1
    ids = tmp_path / "ids.txt"
    ids.write_text(f"{task}\ntask-s2\n")
    report = tmp_path / "report.json"
    assert (
        run(
            "push",
            str(PRESET),
            "--task-ids-from",
            str(ids),
            "--cdn-url",
            cdn,
            "--yes",
            "--sdk-app-id",
            "1400188366",
            "--report",
            str(report),
        )[0]
        == 0
    )
    assert run("history")[0] == 0
    assert run("history", "--format", "json")[0] == 0
    assert run("rollback", task, "--yes")[0] == 0

    secrets = {
        "SecretKey": SECRET_KEY,
        "UserSig": USERSIG,
        "generated UserSig": generated,
        "TRTC_SDK_SECRET_KEY": SDK_KEY,
        "txSecret": TX_SECRET,
    }
    files = [report, *Path(cli.journal).parent.glob("journal.sqlite3*")]
    data_dir = Path(__import__("os").environ["LAYOUT_STUDIO_DATA_DIR"])
    if data_dir.exists():
        files += [p for p in data_dir.rglob("*") if p.is_file()]
    assert any(p.name == "journal.sqlite3" for p in files)
    blobs = {f"output {i}": text.encode() for i, text in enumerate(outputs)}
    blobs.update({str(p): p.read_bytes() for p in files})
    for where, blob in blobs.items():
        for name, value in secrets.items():
            assert value.encode() not in blob, f"{name} found in {where}"
    assert any(b"txSecret=***" in blob for blob in blobs.values())  # shown masked where it is shown
    assert fake.violations == []


def test_an_api_error_echoing_a_secret_from_the_environment_shows_it_masked(cli, fake, started, monkeypatch):
    """Every secret the tool reads from the environment is masked in any text shown or journaled, including the
    feedback rooms' UserSig (TRTC_FEEDBACK_USERSIG) and the storage SecretKey (TRTC_STORAGE_SECRET_KEY)."""
    feedback_sig, storage_key = "FEEDBACK-SIG-from-env-1234", "STORAGE-KEY-from-env-5678"
    monkeypatch.setenv("TRTC_FEEDBACK_USERSIG", feedback_sig)
    monkeypatch.setenv("TRTC_STORAGE_SECRET_KEY", storage_key)
    fake.faults.append(f"error:Echo.{feedback_sig}.{storage_key}")  # a proxy or API echoing the values back
    code, out, err = cli("push", str(OTHER), "--task-id", started, "--yes")
    assert code == 1 and "Echo." in err
    with Journal(cli.journal) as journal:
        blobs = [out, err, *(str(e.to_dict()) for e in journal.entries())]
    for blob in blobs:
        assert feedback_sig not in blob and storage_key not in blob, blob


def test_start_puts_back_the_storage_secret_key_and_never_shows_it(cli, fake, tmp_path):
    """A preset keeps CloudStorage without its SecretKey; `start --storage-secret-key` puts it back in the request
    (the API needs it) and nowhere else."""
    import json

    storage_key = "storage-secret-key-0099"
    preset = json.loads(PRESET.read_text())
    preset["Target"]["RecordParams"] = {
        "UniRecord": 3,
        "McuStorageParams": {
            "CloudStorage": {
                "Vendor": 0,
                "Region": "ap-guangzhou",
                "Bucket": "rec-1250000000",
                "AccessKey": "AKIDexample",
            }
        },
    }
    path = tmp_path / "rec.json"
    path.write_text(json.dumps(preset))
    code, out, err = cli("start", str(path), "--storage-secret-key", storage_key, "--dry-run")
    assert code == 0, err
    assert storage_key not in out + err and fake.seen() == []
    code, out, err = cli("start", str(path), "--storage-secret-key", storage_key)
    assert code == 0, err
    body = fake.seen("StartPublishCdnStream")[0][2]
    assert body["RecordParams"]["McuStorageParams"]["CloudStorage"]["SecretKey"] == storage_key
    assert storage_key not in out + err
    assert storage_key.encode() not in b"".join(p.read_bytes() for p in tmp_path.rglob("journal.sqlite3*"))


MISSPELT = {
    "AgentParams": {"UserId": "robot", "Usersig": "sig-capitalised-once-0001"},
    "FeedBackRoomParams": [
        {"RoomId": "1", "usersig": "sig-lower-case-0002"},
        {"RoomId": "2", "Extra": [{"SECRETKEY": "key-upper-case-0003"}, ["rtmp://h/l/s?txSecret=tx-0004&t=1"]]},
    ],
    "RecordParams": {"secret_key": {"nested": ["key-under-a-secret-key-0005"]}},
    "Note": "a plain string",
}
MISSPELT_VALUES = [
    "sig-capitalised-once-0001",
    "sig-lower-case-0002",
    "key-upper-case-0003",
    "key-under-a-secret-key-0005",
]


def test_one_walker_finds_strips_and_masks_secret_keys_in_any_case_at_any_depth():
    from layout_studio.secrets import find_secrets, mask_secrets, secret_values, strip_secrets

    paths = [
        "AgentParams.Usersig",
        "FeedBackRoomParams[0].usersig",
        "FeedBackRoomParams[1].Extra[0].SECRETKEY",
        "FeedBackRoomParams[1].Extra[1][0] (txSecret)",
        "RecordParams.secret_key",
    ]
    assert find_secrets(MISSPELT) == paths
    assert secret_values(MISSPELT) == MISSPELT_VALUES
    stripped, removed = strip_secrets(MISSPELT)
    assert removed == paths
    masked = mask_secrets(MISSPELT)
    for shown in (repr(stripped), repr(masked)):
        assert not any(value in shown for value in [*MISSPELT_VALUES, "tx-0004"]), shown
    assert masked["FeedBackRoomParams"][0]["usersig"] == "***" and "a plain string" in repr(masked)
    assert stripped["RecordParams"] == {} and "Usersig" not in stripped["AgentParams"]
    assert MISSPELT["AgentParams"]["Usersig"] == "sig-capitalised-once-0001"  # the input is never changed


def test_a_dry_run_masks_a_misspelt_secret_wherever_the_request_shows_it(fake, tmp_path):
    """A dry run masks every value under a secret key, in any case, also where it appears elsewhere (a header,
    a free-text field): the push package reads the values with the same walker as the files and screens."""
    from tencentcloud.common.credential import Credential

    from layout_studio.push.operations import Pusher, PushOptions
    from tests.push.fake_trtc import SECRET_ID

    body = {"SdkAppId": 1400188366, "TaskId": "task-x", **MISSPELT, "Echo": " ".join(MISSPELT_VALUES)}
    options = PushOptions(
        endpoint=fake.endpoint,
        journal=str(tmp_path / "j.sqlite3"),
        dry_run=True,
        credential=Credential(SECRET_ID, SECRET_KEY),
    )
    with Pusher(options) as pusher:
        out = pusher._dry_run("UpdatePublishCdnStream", "ap-guangzhou", body, "task-x", [])
    shown = repr(out.request)
    assert not any(value in shown for value in [*MISSPELT_VALUES, "tx-0004", SECRET_KEY]), shown
    assert "Echo" in shown and fake.seen() == []


def test_validate_masks_a_misspelt_secret_echoed_in_a_finding(tmp_path, capsys):
    """`validate` masks the secrets of a file in everything it prints, with the same walker."""
    import json

    from layout_studio.cli import main

    value = "usersig-value-that-must-not-show-0006"
    body = json.loads(PRESET.read_text())
    body["Target"]["AgentParams"]["usersig"] = value
    body["Target"]["AgentParams"]["UserId"] = value  # the robot is also a mixed user: the finding names it
    body["VideoParams"]["LayoutParams"]["MixLayoutList"][0]["UserMediaStream"]["UserInfo"]["UserId"] = value
    path = tmp_path / "p.json"
    path.write_text(json.dumps(body))
    main(["validate", str(path), "--format", "json"])
    main(["validate", str(path)])
    out, err = capsys.readouterr()
    assert "robot UserId '***'" in out and value not in out + err
