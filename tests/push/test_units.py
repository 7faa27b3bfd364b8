"""Units of the push package: TLSSigAPIv2 UserSig, SequenceNumber across processes, rate limit, API region and
endpoint rules, credentials chain, error texts."""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import multiprocessing
import zlib

import pytest

from layout_studio.push import endpoint
from layout_studio.push.credentials import resolve_credential
from layout_studio.push.errors import ConfigError, PushError
from layout_studio.push.journal import Journal
from layout_studio.push.ratelimit import RateLimiter, Slot, wait_before
from layout_studio.push.sequence import next_sequence
from layout_studio.push.usersig import gen_usersig, resolve_usersig
from tests.push.conftest import OTHER, PRESET

# A UserSig from the request examples of API StartPublishCdnStream.
MANUAL_USERSIGS = [
    "eJw1zV8LgjAUBfCvInsO2dStGfQSQUb2pFJvsnLJJZW1LekPffdc6X08v8O5b5Snmd9LjRYeCnyMZt4vgUp2Fi7wB6vtuVRC207q0kpjSzIV"
    "TXUVSkE11EiEMeE8ZGw0*VCg5SCcDeRuBAutiwkLeRRwOo*nMajduy5O*gIaus9qel9vX*lJbHJmyDMxuKFFI27tsT*I1S6pl*jzBb*IOTE_",
]


def _decode(sig: str) -> dict:
    raw = sig.replace("*", "+").replace("-", "/").replace("_", "=")
    return json.loads(zlib.decompress(base64.b64decode(raw)))


def test_usersig_follows_tlssigapiv2():
    sig = gen_usersig(
        1400188366,
        "5bd2850fff3ecb11d7c805251c51ee463a25727bddc2385f3fa8bfee1bb93b5e",
        "xiaojun",
        expire=86400,
        now=1700000000,
    )
    assert set(sig) <= set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789*-_")
    doc = _decode(sig)
    assert set(doc) == set(_decode(MANUAL_USERSIGS[0]))  # same keys as the documented example
    assert doc["TLS.ver"] == "2.0" and doc["TLS.identifier"] == "xiaojun"
    assert doc["TLS.sdkappid"] == 1400188366 and doc["TLS.time"] == 1700000000 and doc["TLS.expire"] == 86400
    content = "TLS.identifier:xiaojun\nTLS.sdkappid:1400188366\nTLS.time:1700000000\nTLS.expire:86400\n"
    key = b"5bd2850fff3ecb11d7c805251c51ee463a25727bddc2385f3fa8bfee1bb93b5e"
    expected = base64.b64encode(hmac.new(key, content.encode(), hashlib.sha256).digest()).decode()
    assert doc["TLS.sig"] == expected


def test_usersig_sources_in_order():
    env = {"TRTC_AGENT_USERSIG": "from-env", "TRTC_SDK_SECRET_KEY": "k"}
    assert resolve_usersig("u", 1400000001, given="given", env=env) == "given"
    assert resolve_usersig("u", 1400000001, env=env) == "from-env"
    generated = resolve_usersig("u", 1400000001, env={"TRTC_SDK_SECRET_KEY": "k"})
    assert _decode(generated)["TLS.identifier"] == "u"
    with pytest.raises(ConfigError, match="TRTC_SDK_SECRET_KEY"):
        resolve_usersig("u", 1400000001, env={})


def test_sequence_rule():
    assert next_sequence(None, now=1000) == 1000
    assert next_sequence(5000, now=1000) == 5001  # the clock stepped back: still increasing
    assert next_sequence(999, now=1000) == 1000


def _reserve_many(path: str, n: int, out) -> None:
    with Journal(path) as journal:
        out.put([journal.reserve_update("task-1", {"TaskId": "task-1"})[1] for _ in range(n)])


def test_sequence_numbers_strictly_increase_across_processes(tmp_path):
    path = str(tmp_path / "j.sqlite3")
    Journal(path).close()
    ctx = multiprocessing.get_context("spawn")
    queue = ctx.Queue()
    procs = [ctx.Process(target=_reserve_many, args=(path, 40, queue)) for _ in range(3)]
    for p in procs:
        p.start()
    results = [queue.get(timeout=60) for _ in procs]
    for p in procs:
        p.join(timeout=60)
    everything = [s for r in results for s in r]
    assert len(set(everything)) == 120
    assert all(r == sorted(r) and len(set(r)) == len(r) for r in results)
    with Journal(path) as journal:
        seqs = [e.sequence_number for e in journal.entries("task-1")]
    assert seqs == sorted(seqs) and len(seqs) == 120  # in journal (commit) order, strictly increasing


def test_journal_stores_bodies_without_secrets(tmp_path):
    with Journal(tmp_path / "j.sqlite3") as journal:
        row = journal.record(
            "StartPublishCdnStream",
            {
                "AgentParams": {"UserId": "a", "UserSig": "SIG"},
                "PublishCdnParams": [{"PublishCdnUrl": "rtmp://h/l/s?txSecret=X&t=1"}],
            },
        )
        entry = journal.entry(row)
    assert entry.body == {"AgentParams": {"UserId": "a"}, "PublishCdnParams": [{"PublishCdnUrl": "rtmp://h/l/s?t=1"}]}
    assert entry.stripped == ["AgentParams.UserSig", "PublishCdnParams[0].PublishCdnUrl (txSecret)"]


def test_the_rate_limit_spaces_requests_and_keeps_20_in_any_second():
    now = [0.0]

    def sleep(s):
        now[0] += s

    limiter = RateLimiter(20, clock=lambda: now[0], sleep=sleep)
    times = []
    for _ in range(41):
        slot = limiter.acquire("UpdatePublishCdnStream")
        times.append(now[0])
        limiter.release(slot, now[0])  # answered at once
    assert times[-1] == pytest.approx(2.0, abs=0.01)
    for i, t in enumerate(times):  # no one-second window [t, t+1) holds more than 20
        assert sum(1 for u in times[i:] if u < t + 1 - 1e-9) <= 20
    assert all(b - a >= 0.05 - 1e-9 for a, b in zip(times, times[1:]))


def test_the_rate_limit_counts_a_request_until_its_reply():
    """The server may see a request any time before its reply: 20 in flight (or answered within the last second)
    keep the 21st waiting, however long ago they left."""
    in_flight = [Slot(t / 20, None) for t in range(20)]
    assert wait_before(in_flight, 5.0, 20) is None  # only a reply can free a place
    answered = [Slot(t / 20, 4.5 + t / 100) for t in range(20)]
    assert wait_before(answered, 5.0, 20) == pytest.approx(0.502, abs=1e-6)  # the first answer's second is over
    assert wait_before(answered[:19], 5.0, 20) == 0
    assert wait_before([Slot(4.99, 4.995)], 5.0, 20) == pytest.approx(0.04)  # spacing 1/20 s


def test_rate_limit_holds_at_the_server_over_a_burst(cli, fake, tmp_path):
    ids = tmp_path / "ids.txt"
    ids.write_text("\n".join(f"t{i}" for i in range(30)))
    code, _, err = cli(
        "push",
        str(OTHER),
        "--task-ids-from",
        str(ids),
        "--sdk-app-id",
        "1400188366",
        "--region",
        "ap-guangzhou",
        "--yes",
        "--workers",
        "8",
        fast=False,
    )
    assert code == 0, err
    times = sorted(t for t, _, _ in fake.seen("UpdatePublishCdnStream"))
    assert len(times) == 30
    assert times[-1] - times[0] >= 29 / 20 - 0.05
    assert fake.peak_per_second("UpdatePublishCdnStream") <= 20  # as the server sees them, whatever the jitter


def test_api_region_and_endpoint_rules():
    assert endpoint.check_api_region("ap-singapore") == "ap-singapore"
    with pytest.raises(ConfigError, match="ap-guangzhou, ap-hongkong, ap-singapore"):
        endpoint.check_api_region("ap-beijing")
    assert endpoint.sdk_app_id_warning("ap-guangzhou", 1400188366) is None
    assert "ap-singapore" in endpoint.sdk_app_id_warning("ap-guangzhou", 20001234)
    assert "ap-guangzhou or ap-hongkong" in endpoint.sdk_app_id_warning("ap-singapore", 1400188366)
    assert endpoint.parse_endpoint("http://127.0.0.1:8080") == ("http", "127.0.0.1:8080")
    assert endpoint.parse_endpoint(None) is None
    for good in (
        "https://trtc.ap-guangzhou.tencentcloudapi.com",
        "http://[::1]:8080",
        "http://trtc_proxy:80",
        "https://例え.jp",
        "localhost:9000",
    ):
        assert endpoint.parse_endpoint(good)
    for bad in ("ftp://x", "http://h/path", "http://h:99999"):
        with pytest.raises(ConfigError):
            endpoint.parse_endpoint(bad)


def test_credentials_from_a_named_profile(tmp_path, monkeypatch):
    home = tmp_path / "home"
    (home / ".tencentcloud").mkdir(parents=True)
    (home / ".tencentcloud" / "credentials").write_text(
        "[default]\nsecret_id = AKIDdefault\nsecret_key = kdefault\n[prod]\nsecret_id = AKIDprod\nsecret_key = kprod\n"
    )
    monkeypatch.setenv("HOME", str(home))
    assert resolve_credential("prod").secret_id == "AKIDprod"
    assert resolve_credential(None).secret_id == "AKIDdefault"
    monkeypatch.setenv("TENCENTCLOUD_SECRET_ID", "AKIDenv")
    monkeypatch.setenv("TENCENTCLOUD_SECRET_KEY", "kenv")
    monkeypatch.setenv("TENCENTCLOUD_SESSION_TOKEN", "tok")
    cred = resolve_credential(None)
    assert (cred.secret_id, cred.token) == ("AKIDenv", "tok")
    with pytest.raises(ConfigError, match="profile 'nope' not found"):
        resolve_credential("nope")


def test_no_credentials_is_a_clear_error(cli, monkeypatch):
    monkeypatch.delenv("TENCENTCLOUD_SECRET_ID")
    code, _, err = cli("start", str(PRESET))
    assert code == 2 and "TENCENTCLOUD_SECRET_ID" in err


@pytest.mark.parametrize(
    "present, missing",
    [
        ("TENCENTCLOUD_SECRET_ID", "TENCENTCLOUD_SECRET_KEY"),
        ("TENCENTCLOUD_SECRET_KEY", "TENCENTCLOUD_SECRET_ID"),
    ],
)
def test_half_set_environment_credentials_are_an_error_not_the_default_profile(tmp_path, monkeypatch, present, missing):
    """One of the two variables set means the operator chose the environment: silently signing with the
    [default] profile (maybe another account) instead would start or change tasks in the wrong account."""
    home = tmp_path / "home"
    (home / ".tencentcloud").mkdir(parents=True)
    (home / ".tencentcloud" / "credentials").write_text("[default]\nsecret_id = AKIDother\nsecret_key = kother\n")
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.delenv(missing, raising=False)
    monkeypatch.setenv(present, "value-of-the-set-one")
    with pytest.raises(ConfigError) as info:
        resolve_credential(None)
    text = str(info.value)
    assert f"{present} is set but {missing} is not" in text and "value-of-the-set-one" not in text
    assert resolve_credential("default").secret_id == "AKIDother"  # an explicit --profile still wins


def test_push_error_text():
    err = PushError("api", "AuthFailure.SignatureExpire", "expired", request_id="r-1", action="UpdatePublishCdnStream")
    assert str(err) == (
        "UpdatePublishCdnStream failed: AuthFailure.SignatureExpire: expired (RequestId r-1) — "
        "this machine's clock is more than 5 minutes off: sync it (NTP) and retry"
    )
    assert not err.retryable
    assert PushError("api", "RequestLimitExceeded", "x").retryable


@pytest.mark.parametrize(
    "content, expected",
    [
        (b"[default]\nsecret_id = AKIDx\nsecret_key = k\xff\n", "not UTF-8"),
        (None, "not a file"),  # a directory where the file should be
        (b"[prod]\nsecret_id = AKIDprod\nsecret_key = kprod\n", "no [default] section"),
        (b"[default]\nsecret_id = AKIDx\n", "secret_id and secret_key are both needed"),
        (b"[default]\nsecret_id = AKIDx\nsecret_key = k\n[broken\n", "line 4"),
    ],
)
def test_a_bad_credentials_file_is_a_clear_error_naming_the_file(tmp_path, monkeypatch, content, expected):
    home = tmp_path / "home"
    path = home / ".tencentcloud" / "credentials"
    path.parent.mkdir(parents=True)
    if content is None:
        path.mkdir()
    else:
        path.write_bytes(content)
    monkeypatch.setenv("HOME", str(home))
    for profile in (None, "default"):
        with pytest.raises(ConfigError) as info:
            resolve_credential(profile)
        assert str(path) in str(info.value) and expected in str(info.value), (profile, str(info.value))


@pytest.mark.parametrize(
    "bad, expected",
    [
        ("http://[::1", "not a valid URL"),
        ("http://127.0.0.1:0", "1..65535"),
        ("", "empty"),
        ("   ", "empty"),
        ("http://exa mple.com", "not a valid host name"),
        ("http://-bad-.example.com:8080", "not a valid host name"),
    ],
)
def test_endpoint_errors_are_clear(bad, expected):
    with pytest.raises(ConfigError, match=expected.replace(".", r"\.")):
        endpoint.parse_endpoint(bad)


def test_an_endpoint_with_a_user_or_password_is_refused_without_showing_the_password():
    """requests would replace the signed Authorization by Basic auth from the URL (and --dry-run would print it)."""
    with pytest.raises(ConfigError) as err:
        endpoint.parse_endpoint("http://user:hunter2-secret@127.0.0.1:8080")
    assert "user or password" in str(err.value)
    assert "hunter2-secret" not in str(err.value)


def test_an_empty_endpoint_on_the_command_line_is_bad_usage_and_nothing_is_sent(cli, fake):
    """`--endpoint "$UNSET_VAR"` must not silently fall back to the public API endpoint."""
    code, out, err = cli("stop", "--task-id", "task-x", "--yes", "--endpoint", "", endpoint=False)
    assert code == 2 and "--endpoint" in err and "empty" in err and "Traceback" not in err
    assert fake.seen() == []


def test_a_push_waits_for_another_sender_of_the_same_task_to_settle(fake, creds, tmp_path):
    """Two pushers of one task (another process, another journal: the same lease on this machine): the second
    draws its SequenceNumber only after the first one's request is settled, so the numbers reach the server in
    order."""
    import threading

    from layout_studio.push.operations import Pusher, PushOptions

    settings = dict(endpoint=fake.endpoint, region="ap-guangzhou", sdk_app_id=1400188366)
    body = {"SdkAppId": 1400188366, "TaskId": "task-x", "WithTranscoding": 1}
    with (
        Pusher(PushOptions(journal=str(tmp_path / "a.sqlite3"), **settings)) as first,
        Pusher(PushOptions(journal=str(tmp_path / "b.sqlite3"), **settings)) as other,
    ):
        waiting = first.sender("ap-guangzhou")
        real_acquire = waiting.limiter.acquire
        results = []

        def acquire_while_the_other_pushes(action, cancelled):
            thread = threading.Thread(
                target=lambda: results.append(other.sender("ap-guangzhou").update("task-x", body))
            )
            thread.start()
            thread.join(0.5)
            assert thread.is_alive(), "the other push waits for the lease"
            results.append(thread)
            return real_acquire(action, cancelled)

        waiting.limiter.acquire = acquire_while_the_other_pushes
        out = waiting.update("task-x", body)
        results[0].join(10)
    assert out.status == "ok" and results[1].status == "ok", results[1].error
    assert fake.violations == []
    sent = [b["SequenceNumber"] for _, _, b in fake.seen("UpdatePublishCdnStream")]
    assert len(sent) == 2 and sent[0] < sent[1] and sent[0] == out.sequence_number


def test_a_request_cancelled_while_waiting_for_the_rate_limit_is_not_sent(fake, creds, tmp_path):
    """Ctrl-C in a batch: a worker already waiting for a rate-limit token must not send when the wait ends."""
    import threading

    from layout_studio.push.operations import Pusher, PushOptions

    cancel = threading.Event()
    with Pusher(
        PushOptions(
            endpoint=fake.endpoint, journal=str(tmp_path / "j.sqlite3"), region="ap-guangzhou", sdk_app_id=1400188366
        )
    ) as pusher:
        pusher.cancel = cancel
        sender = pusher.sender("ap-guangzhou")
        real_acquire = sender.limiter.acquire

        def acquire_then_interrupted(action, cancelled):
            slot = real_acquire(action, cancelled)
            cancel.set()  # Ctrl-C arrives while this worker waits for its token
            return slot

        sender.limiter.acquire = acquire_then_interrupted
        out = sender.update("task-x", {"SdkAppId": 1400188366, "TaskId": "task-x", "WithTranscoding": 1})
        assert out.status == "not-sent" and out.attempts == 1
        assert fake.seen("UpdatePublishCdnStream") == []
        [entry] = pusher.journal.entries("task-x")
        assert entry.status == "not-sent" and entry.error_code == "Cancelled"


@pytest.mark.parametrize("content", ["[1, 2]", '"x"', '{"secretId": 5, "secretKey": ["a"]}', "{}"])
def test_a_malformed_tccli_credential_file_is_a_clear_error(tmp_path, monkeypatch, content):
    home = tmp_path / "home"
    path = home / ".tccli" / "default.credential"
    path.parent.mkdir(parents=True)
    path.write_text(content)
    monkeypatch.setenv("HOME", str(home))
    with pytest.raises(ConfigError) as info:
        resolve_credential(None)
    assert str(path) in str(info.value) and "secretId" in str(info.value)


def test_the_tc3_signature_matches_an_independent_computation():
    """layout_studio.push.signing against the loopback API's own hashlib/hmac implementation of Signature v3,
    with a session token (temporary keys) and a non-default host and port."""
    from tencentcloud.common.credential import Credential

    from layout_studio.push.signing import tc3_headers
    from tests.push.fake_trtc import SECRET_ID, SECRET_KEY, tc3_signature

    payload = json.dumps({"SdkAppId": 1400188366, "TaskId": "task-x", "Note": "é"}).encode()
    headers = tc3_headers(
        Credential(SECRET_ID, SECRET_KEY, "session-token-1"),
        service="trtc",
        version="2019-07-22",
        action="UpdatePublishCdnStream",
        api_region="ap-singapore",
        host="127.0.0.1:8443",
        payload=payload,
        timestamp=1700000000,
    )
    expected = tc3_signature(SECRET_KEY, "POST", "127.0.0.1:8443", "application/json", payload, 1700000000)
    assert headers["Authorization"] == (
        f"TC3-HMAC-SHA256 Credential={SECRET_ID}/2023-11-14/trtc/tc3_request, "
        f"SignedHeaders=content-type;host, Signature={expected}"
    )
    assert headers["X-TC-Timestamp"] == "1700000000" and headers["X-TC-Region"] == "ap-singapore"
    assert headers["X-TC-Token"] == "session-token-1" and headers["Host"] == "127.0.0.1:8443"
    assert SECRET_KEY not in json.dumps(headers)


def _private_sdk_uses(source: str) -> list[str]:
    """Names starting with ``_`` that ``source`` imports from the SDK or reads from an SDK object (an attribute
    chain rooted at a name imported from ``tencentcloud`` or at a local called sdk, client or credential)."""
    import ast

    tree = ast.parse(source)
    imported = {
        alias.asname or alias.name
        for node in ast.walk(tree)
        if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("tencentcloud")
        for alias in node.names
    }
    found = [name for name in imported if name.startswith("_")]
    roots = imported | {"sdk", "client", "cred", "credential"}
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute) and node.attr.startswith("_") and not node.attr.startswith("__"):
            root = node.value
            while isinstance(root, ast.Attribute):
                root = root.value
            if isinstance(root, ast.Name) and root.id in roots:
                found.append(node.attr)
    return found


def test_the_push_package_uses_only_public_sdk_names():
    """The SDK's private attributes (``client.request.conn._session``, ...) move between the releases the
    dependency range allows: the push package signs and sends with public SDK names only."""
    from pathlib import Path

    import layout_studio.push as package

    assert _private_sdk_uses("sdk = CommonClient(); sdk.request.conn._session.mount('x', None)") == ["_session"]
    for path in Path(package.__file__).parent.glob("*.py"):
        assert _private_sdk_uses(path.read_text(encoding="utf-8")) == [], path.name


def test_statuses_are_the_strings_journals_and_reports_always_held(tmp_path):
    """StrEnum members compare equal to their strings, and the JSON shapes hold plain strings (a report or
    ``history --format json`` reader sees exactly what it saw before)."""
    from layout_studio.push.errors import PushError
    from layout_studio.push.sender import Outcome
    from layout_studio.push.status import AttemptStatus, FailureKind, OutcomeStatus

    assert [s.value for s in AttemptStatus] == ["pending", "ok", "error", "not-sent", "unknown"]
    assert [s.value for s in OutcomeStatus] == ["ok", "error", "not-sent", "unknown", "skipped", "dry-run"]
    assert [k.value for k in FailureKind] == ["api", "not-sent", "unknown", "http", "config"]
    failed = Outcome("UpdatePublishCdnStream", "t", OutcomeStatus.UNKNOWN, error=PushError(FailureKind.HTTP, "X", "m"))
    shape = failed.to_dict()
    assert (shape["status"], shape["error"]["kind"]) == ("unknown", "http")
    assert type(shape["status"]) is str and type(shape["error"]["kind"]) is str
    with Journal(tmp_path / "j.sqlite3") as journal:
        journal.finish(journal.record("StopPublishCdnStream", {}), AttemptStatus.NOT_SENT)
        [entry] = journal.entries()
    assert entry.status == "not-sent" and type(entry.to_dict()["status"]) is str


def test_a_recording_or_ingest_robot_never_takes_the_mixing_robots_usersig_and_is_not_told_to(monkeypatch):
    from layout_studio.push.errors import ConfigError
    from layout_studio.push.usersig import resolve_usersig

    env = {"TRTC_AGENT_USERSIG": "mixing-robot-usersig-0123456789abcdef"}
    assert resolve_usersig("mcu_robot", 1400188366, env=env) == env["TRTC_AGENT_USERSIG"]
    with pytest.raises(ConfigError) as err:
        resolve_usersig("recording_1", 1400188366, env=env, what="UserSig (recording robot)", mixing_robot=False)
    assert "TRTC_AGENT_USERSIG" not in str(err.value) and "TRTC_SDK_SECRET_KEY" in str(err.value)
