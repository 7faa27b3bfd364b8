"""Units of the push package: TLSSigAPIv2 UserSig, SequenceNumber across processes, rate limit, region and
endpoint rules, credentials chain, error texts."""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import multiprocessing
import zlib

import pytest

from layout_studio.push import region
from layout_studio.push.credentials import resolve_credential
from layout_studio.push.errors import ConfigError, PushError
from layout_studio.push.journal import Journal
from layout_studio.push.ratelimit import TokenBucket
from layout_studio.push.sequence import next_sequence
from layout_studio.push.usersig import gen_usersig, resolve_usersig
from tests.push.conftest import OTHER, PRESET

# UserSigs from the manual's StartPublishCdnStream examples (manual 001, about lines 2447 and 3149).
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
    assert set(doc) == set(_decode(MANUAL_USERSIGS[0]))  # same keys as the manual's example
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


def test_token_bucket_spaces_requests_at_the_rate():
    now = [0.0]
    slept: list[float] = []

    def sleep(s):
        slept.append(s)
        now[0] += s

    bucket = TokenBucket(20, 1, clock=lambda: now[0], sleep=sleep)
    times = []
    for _ in range(41):
        bucket.acquire()
        times.append(now[0])
    assert times[-1] == pytest.approx(2.0)
    for i, t in enumerate(times):  # no one-second window [t, t+1) holds more than 20
        assert sum(1 for u in times[i:] if u < t + 1 - 1e-9) <= 20


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
    worst = max(sum(1 for u in times[i:] if u < t + 1.0) for i, t in enumerate(times))
    assert worst <= 21  # 20 a second, one of slack for scheduling jitter at the server


def test_region_rules():
    assert region.check_region("ap-singapore") == "ap-singapore"
    with pytest.raises(ConfigError, match="ap-guangzhou, ap-hongkong, ap-singapore"):
        region.check_region("ap-beijing")
    assert region.sdk_app_id_warning("ap-guangzhou", 1400188366) is None
    assert "ap-singapore" in region.sdk_app_id_warning("ap-guangzhou", 20001234)
    assert "ap-guangzhou or ap-hongkong" in region.sdk_app_id_warning("ap-singapore", 1400188366)
    assert region.parse_endpoint("http://127.0.0.1:8080") == ("http", "127.0.0.1:8080")
    assert region.parse_endpoint(None) is None
    for good in (
        "https://trtc.ap-guangzhou.tencentcloudapi.com",
        "http://[::1]:8080",
        "http://trtc_proxy:80",
        "https://例え.jp",
        "localhost:9000",
    ):
        assert region.parse_endpoint(good)
    for bad in ("ftp://x", "http://h/path", "http://h:99999"):
        with pytest.raises(ConfigError):
            region.parse_endpoint(bad)


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
        region.parse_endpoint(bad)


def test_an_endpoint_with_a_user_or_password_is_refused_without_showing_the_password():
    """requests would replace the signed Authorization by Basic auth from the URL (and --dry-run would print it)."""
    with pytest.raises(ConfigError) as err:
        region.parse_endpoint("http://user:hunter2-secret@127.0.0.1:8080")
    assert "user or password" in str(err.value)
    assert "hunter2-secret" not in str(err.value)


def test_an_empty_endpoint_on_the_command_line_is_bad_usage_and_nothing_is_sent(cli, fake):
    """`--endpoint "$UNSET_VAR"` must not silently fall back to the public API endpoint."""
    code, out, err = cli("stop", "--task-id", "task-x", "--yes", "--endpoint", "", endpoint=False)
    assert code == 2 and "--endpoint" in err and "empty" in err and "Traceback" not in err
    assert fake.seen() == []


def test_a_sequence_number_overtaken_during_the_rate_limit_wait_is_redrawn(fake, creds, tmp_path):
    """Two processes pushing the same task share the journal file: a number drawn before one waits for its
    rate-limit token is overtaken by the other's higher number, and the API then refuses the lower one. The
    overtaken number never leaves (its row: not-sent, Superseded); a new, highest one is sent."""
    from layout_studio.push.operations import Pusher, PushOptions

    path = str(tmp_path / "j.sqlite3")
    settings = dict(endpoint=fake.endpoint, journal=path, region="ap-guangzhou", sdk_app_id=1400188366)
    body = {"SdkAppId": 1400188366, "TaskId": "task-x", "WithTranscoding": 1}
    with Pusher(PushOptions(**settings)) as first, Pusher(PushOptions(**settings)) as other:
        waiting = first.sender("ap-guangzhou")
        real_acquire = waiting.limiter.acquire

        def acquire_while_the_other_process_pushes(action):
            assert other.sender("ap-guangzhou").update("task-x", body).status == "ok"
            real_acquire(action)

        waiting.limiter.acquire = acquire_while_the_other_process_pushes
        out = waiting.update("task-x", body)
    assert out.status == "ok", out.error
    assert fake.violations == []
    sent = [b["SequenceNumber"] for _, _, b in fake.seen("UpdatePublishCdnStream")]
    assert len(sent) == 2 and sent[0] < sent[1]
    with Journal(path) as journal:
        rows = journal.entries("task-x")
    assert [(r.status, r.error_code) for r in rows] == [("not-sent", "Superseded"), ("ok", None), ("ok", None)]
    assert [r.sequence_number for r in rows if r.status == "ok"] == sent


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

        def acquire_then_interrupted(action):
            real_acquire(action)
            cancel.set()  # Ctrl-C arrives while this worker waits for its token

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
