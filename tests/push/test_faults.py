"""Faults: 500, no reply, malformed JSON, API errors, RequestLimitExceeded, connection refused.

Each gives a clear message and exit code, and leaves the journal consistent: every attempt has a row, no row
stays ``pending``, every attempt of an update has its own, higher SequenceNumber.
"""

from __future__ import annotations

import socket

import pytest

from layout_studio.push.journal import Journal
from tests.push.conftest import OTHER, PRESET
from tests.push.conftest import run_main as _main


def _rows(cli, task):
    with Journal(cli.journal) as journal:
        return [e for e in journal.entries(task) if e.action == "UpdatePublishCdnStream"]


def _assert_consistent(rows):
    assert all(r.status != "pending" for r in rows)
    seqs = [r.sequence_number for r in rows]
    assert seqs == sorted(seqs) and len(set(seqs)) == len(seqs)


def test_500_is_retried_with_a_new_higher_sequence_number(cli, fake, started):
    fake.faults.extend(["500", "500"])
    code, out, err = cli("push", str(OTHER), "--task-id", started, "--yes")
    assert code == 0, err
    assert "after 3 attempts" in out
    rows = _rows(cli, started)
    assert [r.status for r in rows] == ["unknown", "unknown", "ok"]
    assert all(r.error_code == "ServerNetworkError" for r in rows[:2])
    _assert_consistent(rows)
    assert len(fake.tasks[started]) == 1


def test_500_every_time_fails_with_exit_1(cli, fake, started):
    fake.faults.extend(["500"] * 4)
    code, _, err = cli("push", str(OTHER), "--task-id", started, "--yes")
    assert code == 1
    assert "ServerNetworkError" in err and "non-200 HTTP status" in err
    assert len(_rows(cli, started)) == 4
    _assert_consistent(_rows(cli, started))


def test_no_reply_times_out_then_the_retry_applies(cli, fake, started):
    fake.hang_seconds = 1.5
    fake.faults.append("hang")
    code, out, err = cli("push", str(OTHER), "--task-id", started, "--yes", "--timeout", "0.3")
    assert code == 0, err
    rows = _rows(cli, started)
    assert [r.status for r in rows] == ["unknown", "ok"] and rows[0].error_code == "Timeout"
    _assert_consistent(rows)


def test_a_start_that_times_out_is_not_retried(cli, fake):
    fake.hang_seconds = 1.5
    fake.faults.append("hang")
    code, _, err = cli("start", str(PRESET), "--timeout", "0.3")
    assert code == 1
    assert "Timeout" in err and "may or may not have applied" in err and "outcome is unknown" in err
    with Journal(cli.journal) as journal:
        assert [e.status for e in journal.entries()] == ["unknown"]


def test_malformed_json_reply(cli, fake, started):
    fake.faults.extend(["malformed"] * 4)
    code, _, err = cli("push", str(OTHER), "--task-id", started, "--yes", "--retries", "0")
    assert code == 1
    assert "MalformedResponse" in err
    assert [r.status for r in _rows(cli, started)] == ["unknown"]


def test_api_error_in_words_and_not_retried(cli, fake, started):
    fake.faults.append("error:ResourceNotFound")
    code, _, err = cli("push", str(OTHER), "--task-id", started, "--yes")
    assert code == 1
    assert "ResourceNotFound: simulated ResourceNotFound (RequestId req-" in err
    assert "no such task" in err
    rows = _rows(cli, started)
    assert len(rows) == 1 and rows[0].status == "error" and rows[0].request_id


@pytest.mark.parametrize(
    "code,words",
    [
        ("AuthFailure.SignatureFailure", "SecretKey does not match"),
        ("InvalidParameter", "layout-studio validate"),
        ("FailedOperation", "SequenceNumber"),
        ("InternalError", "RequestId"),
        ("UnsupportedOperation", "start a new task"),
    ],
)
def test_common_error_codes_say_what_to_check(cli, fake, started, code, words):
    fake.faults.append(f"error:{code}")
    rc, _, err = cli("push", str(OTHER), "--task-id", started, "--yes")
    assert rc == 1 and code in err and words in err


def test_request_limit_exceeded_is_retried(cli, fake, started):
    fake.faults.extend(["limit", "limit"])
    code, out, err = cli("push", str(OTHER), "--task-id", started, "--yes")
    assert code == 0, err
    rows = _rows(cli, started)
    assert [r.error_code for r in rows] == ["RequestLimitExceeded", "RequestLimitExceeded", None]
    _assert_consistent(rows)


def test_connection_refused(cli, started):
    with socket.socket() as s:  # a port with nothing listening
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    code, _, err = cli(
        "push", str(OTHER), "--task-id", started, "--yes", "--endpoint", f"http://127.0.0.1:{port}", endpoint=False
    )
    assert code == 1
    assert "nothing was sent" in err and "Connection refused" in err
    rows = _rows(cli, started)
    assert len(rows) == 4 and {r.status for r in rows} == {"not-sent"}
    _assert_consistent(rows)


def test_a_tls_handshake_failure_is_not_sent_and_a_start_is_not_reported_as_maybe_started(cli, fake):
    """https:// to a plain-http endpoint (or an untrusted certificate) fails before the request leaves: not an
    unknown outcome, which for a start tells the operator to hunt for a task that cannot exist."""
    https = fake.endpoint.replace("http://", "https://")
    code, _, err = cli("start", str(PRESET), "--endpoint", https, endpoint=False)
    assert code == 1 and "nothing was sent" in err and "TRTC console" not in err, err
    with Journal(cli.journal) as journal:
        rows = journal.entries()
    assert rows and {r.status for r in rows} == {"not-sent"}
    assert fake.seen() == []


def test_a_signature_the_server_cannot_verify_is_refused(cli, fake, started, monkeypatch):
    monkeypatch.setenv("TENCENTCLOUD_SECRET_KEY", "the-wrong-key")
    code, _, err = cli("push", str(OTHER), "--task-id", started, "--yes")
    assert code == 1 and "AuthFailure.SignatureFailure" in err
    assert fake.violations == ["AuthFailure.SignatureFailure: signature mismatch"]


def test_a_journal_that_refuses_writes_is_a_clear_error_and_nothing_is_sent(cli, fake, started):
    import sqlite3

    db = sqlite3.connect(cli.journal)  # stands for a read-only file or a full disk: every insert fails
    db.execute("CREATE TRIGGER refuse BEFORE INSERT ON requests BEGIN SELECT RAISE(ABORT, 'disk is full'); END")
    db.commit()
    db.close()
    code, _, err = cli("push", str(OTHER), "--task-id", started, "--yes")
    assert code == 2
    assert "Traceback" not in err
    assert f"{cli.journal}: cannot write the journal" in err and "disk is full" in err
    assert fake.seen("UpdatePublishCdnStream") == []


def _damage_pages_after_the_first(path) -> None:
    """Overwrite the inside of every page after the first: the header and schema read, the tables do not."""
    size = path.stat().st_size
    with open(path, "r+b") as fh:
        for offset in range(4096, size, 4096):
            fh.seek(offset)
            fh.write(b"\xde\xad\xbe\xef" * 200)


@pytest.mark.parametrize("command", ["push", "plan", "start", "rollback", "history", "batch"])
def test_a_damaged_journal_is_a_clear_error_before_anything_is_sent(cli, fake, tmp_path, command):
    """A journal whose header opens but whose pages are damaged: no traceback, the file named with the fix,
    and nothing sent (a damaged journal cannot vouch for the next SequenceNumber)."""
    with Journal(cli.journal) as journal:
        for i in range(300):
            journal.record("StopPublishCdnStream", {"TaskId": f"t-{i}", "Pad": "x" * 200}, task_id=f"t-{i}")
    _damage_pages_after_the_first(cli.journal)
    ids = tmp_path / "ids.txt"
    ids.write_text("t-1\nt-2\n")
    argv = {
        "push": ["push", str(OTHER), "--task-id", "t-1", "--yes"],
        "plan": ["plan", str(OTHER), "--task-id", "t-1"],
        "start": ["start", str(PRESET)],
        "rollback": ["rollback", "t-1", "--yes"],
        "history": ["history"],
        "batch": ["push", str(OTHER), "--task-ids-from", str(ids), "--yes"],
    }[command]
    code, _, err = cli(*argv)
    assert code == 2 and "Traceback" not in err, err
    assert str(cli.journal) in err and "damaged" in err, err
    assert fake.seen() == []


def test_a_reply_without_request_id_is_not_taken_for_success(cli, fake, started):
    fake.faults.append("empty")
    code, out, err = cli("push", str(OTHER), "--task-id", started, "--yes", "--retries", "0")
    assert code == 1 and "updated" not in out
    assert "MalformedResponse" in err and "RequestId" in err
    assert [r.status for r in _rows(cli, started)] == ["unknown"]


def test_a_start_reply_without_task_id_is_an_unknown_outcome(cli, fake):
    fake.faults.append("no-task-id")
    code, out, err = cli("start", str(PRESET))
    assert code == 1 and out == ""
    assert "no TaskId" in err and "outcome is unknown" in err
    with Journal(cli.journal) as journal:
        rows = journal.entries()
    assert [(r.status, r.request_id) for r in rows] == [("unknown", "req-no-task-id")]


def test_a_non_200_status_is_named_in_the_message(cli, fake, started):
    fake.faults.append("429")
    code, _, err = cli("push", str(OTHER), "--task-id", started, "--yes", "--retries", "0")
    assert code == 1
    assert "HTTP 429" in err and "5xx" not in err and "non-200 HTTP status" in err
    assert [r.error_code for r in _rows(cli, started)] == ["ServerNetworkError"]


@pytest.mark.parametrize("command", ["history", "push", "dry-run"])
def test_another_programs_sqlite_file_as_journal_is_a_clear_error(cli, fake, tmp_path, command):
    import sqlite3

    other = tmp_path / "other.db"
    with sqlite3.connect(other) as db:
        db.execute("CREATE TABLE requests (id INTEGER PRIMARY KEY, foo TEXT)")
        db.execute("INSERT INTO requests (foo) VALUES ('x')")
    db.close()
    argv = {
        "history": ["history"],
        "push": ["push", str(OTHER), "--task-id", "t-1", "--yes"],
        "dry-run": ["push", str(OTHER), "--task-id", "t-1", "--dry-run"],
    }[command]
    code, _, err = _main(*argv, "--journal", str(other), *_connection(command, fake))
    assert code == 2 and "Traceback" not in err and f"{other}" in err and "not a layout-studio journal" in err, err
    assert fake.seen() == []


@pytest.mark.parametrize("command", ["history", "push"])
def test_a_directory_as_journal_is_a_clear_error(cli, fake, tmp_path, command):
    argv = {"history": ["history"], "push": ["push", str(OTHER), "--task-id", "t-1", "--yes"]}[command]
    code, _, err = _main(*argv, "--journal", str(tmp_path), *_connection(command, fake))
    assert code == 2 and "is a directory" in err, err
    assert fake.seen() == []


def _connection(command: str, fake) -> list[str]:
    return (
        []
        if command == "history"
        else ["--sdk-app-id", "1400188366", "--region", "ap-guangzhou", "--endpoint", fake.endpoint]
    )


def test_the_loopback_api_ignores_a_request_cut_off_mid_body(fake):
    """A client killed (kill -9) between sending the headers and the body leaves a truncated request: the server
    has nothing to act on, and it is no protocol violation (the killed-batch test saw one, now and then)."""
    host, port = fake.endpoint.removeprefix("http://").split(":")
    with socket.create_connection((host, int(port))) as conn:
        conn.sendall(
            b"POST / HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
            b'X-TC-Action: UpdatePublishCdnStream\r\nContent-Length: 100\r\n\r\n{"TaskId":'
        )
        conn.shutdown(socket.SHUT_WR)
        conn.recv(1024)  # the server closes without an answer
    assert fake.violations == [] and fake.seen() == []


@pytest.mark.parametrize("fault", ["limit", "connection-refused"])
def test_a_start_is_retried_when_it_certainly_did_not_apply(cli, fake, fault):
    """One retry loop, the start's policy: RequestLimitExceeded and a refused connection are retried (the API did
    not act); a non-200 status or an unknown outcome stops a start (test_unknown_outcomes)."""
    if fault == "connection-refused":
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            port = s.getsockname()[1]
        code, _, err = cli("start", str(PRESET), "--endpoint", f"http://127.0.0.1:{port}", endpoint=False)
        assert code == 1 and "nothing was sent" in err
        with Journal(cli.journal) as journal:
            assert [e.status for e in journal.entries()] == ["not-sent"] * 4
        return
    fake.faults.append(fault)
    code, out, err = cli("start", str(PRESET))
    assert code == 0, err
    assert out.strip() == "task-00001" and len(fake.seen("StartPublishCdnStream")) == 1
    with Journal(cli.journal) as journal:
        rows = journal.entries()
    assert [r.status for r in rows] == ["error", "ok"]
    assert rows[1].task_id == "task-00001" and rows[0].sequence_number is None


def test_a_stop_without_a_reply_is_retried(cli, fake, started):
    """A stop is idempotent: after a timeout it is sent again (the second answer tells what happened)."""
    fake.hang_seconds = 1.5
    fake.faults.append("hang")
    code, out, err = cli("stop", "--task-id", started, "--yes", "--timeout", "0.3")
    assert code == 0 and "stopped" in out, err
    with Journal(cli.journal) as journal:
        rows = [e for e in journal.entries(started) if e.action == "StopPublishCdnStream"]
    assert [(r.status, r.error_code) for r in rows] == [("unknown", "Timeout"), ("ok", None)]
    assert started in fake.stopped
