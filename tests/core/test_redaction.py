"""The run's secret registry (layout_studio.redaction): every encoded form of a registered value is masked, in every
sink — a stream, the journal's connection, an exception, a failure's shortened text — and nothing else is."""

from __future__ import annotations

import base64
import io
import json
import re
import sqlite3

import pytest

from layout_studio import redaction
from layout_studio.errors import LayoutStudioError
from layout_studio.redaction import RedactingConnection, RedactingStream, SecretRegistry

SECRET = 'k3y/with+special="chars"\\and-\u00e9-and-\U0001f600-0001'


@pytest.mark.parametrize(
    "text",
    [
        SECRET,
        json.dumps(SECRET),
        json.dumps(SECRET, ensure_ascii=False),
        json.dumps(json.dumps(SECRET)),
        re.sub(r"\\u([0-9a-f]{4})", lambda m: "\\u" + m.group(1).upper(), json.dumps(SECRET).replace("/", "\\/")),
        repr(SECRET),
        ascii(SECRET),
        repr(SECRET.encode()),
        SECRET.encode("unicode_escape").decode(),
        __import__("urllib.parse").parse.quote(SECRET),
        __import__("urllib.parse").parse.quote(SECRET, safe="").lower(),
        __import__("urllib.parse").parse.quote_plus(json.dumps(SECRET)),
        __import__("html").escape(json.dumps(json.dumps(SECRET))),
        __import__("base64").b64encode(SECRET.encode()).decode(),
        __import__("base64").urlsafe_b64encode(SECRET.encode()).decode().rstrip("="),
    ],
    ids=lambda t: t[:24],
)
def test_every_encoded_form_of_a_registered_value_is_masked(text):
    registry = SecretRegistry()
    registry.add(SECRET)
    shown = registry.redact(f"before {text} after")
    assert shown.startswith("before ") and shown.endswith(" after") and "***" in shown, shown
    for part in ("k3y", "special", "and-", "0001"):
        assert part not in shown, shown


def _recoverable(text: str, secret: str) -> bool:
    """Whether a piece of ``secret`` (12 characters) can be read back from ``text`` by base64-decoding any run of it
    at any character offset, as a curious reader of a log would."""
    pieces = {secret[i : i + 12] for i in range(len(secret) - 11)}
    for run in re.findall(r"[A-Za-z0-9+/_-]{16,}", text):
        for start in range(4):
            chunk = run[start:]
            chunk = chunk[: len(chunk) - len(chunk) % 4]
            for altchars in (b"+/", b"-_"):
                decoded = base64.b64decode(chunk, altchars=altchars).decode("latin-1")
                if any(piece in decoded for piece in pieces):
                    return True
    return False


@pytest.mark.parametrize("urlsafe", [False, True])
@pytest.mark.parametrize("before", range(6))
def test_a_secret_inside_a_base64_encoded_body_is_masked_at_any_offset(before, urlsafe):
    usersig = "eJyrVgrxCdYrSy1SslIyUEjJT0nfg*abcdefghijklmn-opq_"
    body = json.dumps({"SdkAppId": 1400188366, "Note": "x" * before, "AgentParams": {"UserSig": usersig}})
    encode = base64.urlsafe_b64encode if urlsafe else base64.b64encode
    echoed = f"InvalidParameter: cannot decode {encode(body.encode()).decode()} (request)"
    assert _recoverable(echoed, usersig)  # the check can fail
    registry = SecretRegistry()
    registry.add(usersig)
    shown = registry.redact(echoed)
    assert not _recoverable(shown, usersig), shown
    assert shown.startswith("InvalidParameter: cannot decode ey") and shown.endswith(" (request)")


def test_placeholders_are_not_masked_and_short_values_only_as_words():
    registry = SecretRegistry()
    registry.add_all(["test", "1234567", "s3cr3t-42", None, 7])
    assert registry.redact("test 1234567 s3cr3t-42 xs3cr3t-42") == "test 1234567 *** xs3cr3t-42"


def test_values_of_a_body_and_any_txsecret_are_registered():
    registry = SecretRegistry()
    registry.add_body({"AgentParams": {"usersig": "agent-sig-value"}, "U": "rtmp://h/l/s?txSecret=0a1b2c3d4e&t=1"})
    assert registry.redact("agent-sig-value 0a1b2c3d4e") == "*** ***"
    assert registry.redact("txSecret%3Dffee%26 \\u0026txSecret=ffee Signature=" + "ab" * 16) == (
        "txSecret%3D***%26 \\u0026txSecret=*** Signature=***"
    )
    assert registry.redact('{"UserSig": "unregistered\\"x"} \'SecretKey\': \'y\'') == (
        "{\"UserSig\": \"***\"} 'SecretKey': '***'"
    )


def test_a_stream_redacts_whole_lines_even_when_a_secret_comes_in_pieces():
    target = io.StringIO()
    stream = RedactingStream(target)
    with redaction.scope():
        redaction.register("piecewise-secret-0001")
        stream.write("a piecewise-")
        stream.write("secret-0001 b\nprompt piecewise-secret-0001? ")
        assert target.getvalue() == "a *** b\n"
        stream.flush()
    assert target.getvalue() == "a *** b\nprompt ***? "
    assert stream.isatty() is False and stream.getvalue() == target.getvalue()  # other attributes: the target's


def test_the_journal_connection_redacts_every_text_it_stores(tmp_path):
    db = sqlite3.connect(tmp_path / "j.sqlite3", factory=RedactingConnection)
    db.execute("CREATE TABLE t (a TEXT, b INTEGER)")
    with redaction.scope():
        redaction.register("stored-secret-0001")
        db.execute("INSERT INTO t VALUES (?, ?)", ("x stored-secret-0001 y", 1))
        db.execute("INSERT INTO t VALUES (:a, :b)", {"a": json.dumps({"k": "stored-secret-0001"}), "b": 2})
        db.executemany("INSERT INTO t VALUES (?, ?)", [("stored-secret-0001", 3)])
    assert db.execute("SELECT a, b FROM t").fetchall() == [("x *** y", 1), ('{"k": "***"}', 2), ("***", 3)]


def test_an_exception_is_redacted_when_shown_even_if_the_secret_was_registered_later():
    err = LayoutStudioError("failed: late-secret-0001")
    with redaction.scope():
        redaction.register("late-secret-0001")
        assert str(err) == "failed: ***"
    assert str(err) == "failed: late-secret-0001"  # another run's registry does not know it


def test_a_failure_is_redacted_before_it_is_shortened(monkeypatch):
    """A secret cut in two by the length limit would keep its first part in clear."""
    from tencentcloud.common.credential import Credential

    from layout_studio.push import client
    from layout_studio.push.status import FailureKind

    secret = "cut-in-the-middle-secret-" + "x" * 40
    monkeypatch.setattr(client, "MESSAGE_LIMIT", 40)
    with redaction.scope():
        redaction.register(secret)
        trtc = client.TrtcClient("ap-guangzhou", Credential("AKIDx", "key-for-this-test-01"))
        err = trtc._fail(FailureKind.API, "InvalidParameter", "y" * 30 + secret, "UpdatePublishCdnStream")
    assert err.message == "y" * 30 + "***" and "cut-in" not in str(err)


def test_each_command_has_a_registry_of_its_own():
    with redaction.scope() as first:
        redaction.register("first-run-secret-01")
        with redaction.scope() as second:
            assert redaction.current() is second and "first-run-secret-01" not in second
        assert redaction.current() is first and "first-run-secret-01" in first


def test_an_unexpected_error_leaves_the_command_line_redacted(monkeypatch, capsys):
    """A bug's exception propagates (Python prints its traceback after the command's registry is gone): its message
    and the one it was raised from are redacted first."""
    from layout_studio.cli import main

    monkeypatch.setenv("TRTC_SDK_SECRET_KEY", "sdk-key-in-a-bug-0001")

    def broken(*args, **kwargs):
        try:
            raise KeyError("sdk-key-in-a-bug-0001")
        except KeyError as inner:
            raise RuntimeError("while using sdk-key-in-a-bug-0001") from inner

    monkeypatch.setattr("layout_studio.cli._run", lambda argv: broken())
    with pytest.raises(RuntimeError) as caught:
        main(["schema"])
    assert str(caught.value) == "while using ***" and caught.value.__cause__.args == ("***",)


@pytest.mark.parametrize("name", ["txSecret", "wsSecret", "auth_key", "sign", "WSSECRET", "tx_secret"])
def test_a_cdn_url_s_signature_is_masked_whatever_its_vendor(name):
    """Third-party CDNs sign push URLs with their own parameter (Wangsu wsSecret, Alibaba auth_key, sign): each is
    masked like txSecret, in a query, percent-encoded and as a JSON key; the expiry and a word ending in 'sign' stay."""
    registry = SecretRegistry()
    text = f'rtmp://cdn.example.com/live/s?{name}=0a1b2c3d&wsTime=65f0 %26{name}%3D0a1b2c3d "{name}": "0a1b2c3d"'
    assert (
        registry.redact(text) == f'rtmp://cdn.example.com/live/s?{name}=***&wsTime=65f0 %26{name}%3D*** "{name}": "***"'
    )
    assert registry.redact("design=two-up assign=x") == "design=two-up assign=x"
    registry.add_body({"PublishCdnParams": [{"PublishCdnUrl": f"rtmp://h/l/s?{name}=0a1b2c3d4e5f&t=1"}]})
    assert registry.redact("echoed 0a1b2c3d4e5f") == "echoed ***"
