"""Push test fixtures: the loopback TRTC server, API credentials in the environment, and a CLI runner."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from layout_studio.cli import main
from tests.push.fake_trtc import SECRET_ID, SECRET_KEY, FakeTrtc

ROOT = Path(__file__).resolve().parents[2]
PRESET = ROOT / "presets" / "two-up.json"
OTHER = ROOT / "presets" / "grid-2x2.json"


@pytest.fixture
def fake():
    """A started loopback TRTC API (stopped after the test); replies that hang last 2 s. The test fails when the
    server accepted a SequenceNumber of a task not above the last one (``fake.sequence_violations``)."""
    server = FakeTrtc(hang_seconds=2.0).start()
    yield server
    server.stop()
    assert server.sequence_violations == [], "SequenceNumbers went backwards at the server"


@pytest.fixture
def creds(monkeypatch):
    """API credentials the loopback server accepts, through the SDK's environment variables."""
    monkeypatch.setenv("TENCENTCLOUD_SECRET_ID", SECRET_ID)
    monkeypatch.setenv("TENCENTCLOUD_SECRET_KEY", SECRET_KEY)
    monkeypatch.setenv("TRTC_SDK_SECRET_KEY", "sdk-secret-key-for-tests-0042")


@pytest.fixture
def cli(fake, creds, capsys, tmp_path):
    """Run ``layout-studio`` in-process against ``fake``: returns (exit code, stdout, stderr)."""
    journal = tmp_path / "journal.sqlite3"

    def run(*args: str, endpoint: bool = True, fast: bool = True):
        argv = list(args)
        command = argv[0]
        if command in ("plan", "push", "start", "stop", "rollback"):
            if endpoint:
                argv += ["--endpoint", fake.endpoint]
            if fast:
                argv += ["--rate", "1000", "--backoff", "0.01", "--timeout", "1"]
            argv += ["--journal", str(journal)]
        elif command == "history":
            argv += ["--journal", str(journal)]
        code = main(argv)
        out, err = capsys.readouterr()
        return code, out, err

    run.journal = journal
    return run


@pytest.fixture
def started(cli):
    """A task started from the two-up preset: its TaskId."""
    code, out, err = cli("start", str(PRESET))
    assert code == 0, err
    return out.strip()


def run_main(*argv: str):
    """Run ``layout-studio`` in-process with exactly ``argv`` (``cli`` adds its own --journal and endpoint):
    returns (exit code, stdout, stderr)."""
    import contextlib
    import io

    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(list(argv))
    return code, out.getvalue(), err.getvalue()


def load_json(path: Path):
    return json.loads(Path(path).read_text())


from tests.push.applying import cmd  # noqa: E402,F401 - the recording and ingest tests' runner (a fixture)
