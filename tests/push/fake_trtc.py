"""A loopback TRTC API for the push tests and the benchmark: checks every request like the real one would.

For each request it checks, independently of the SDK's signing code:

* the TC3-HMAC-SHA256 ``Authorization`` header, recomputed here with hashlib and hmac only (not the SDK, not
  :mod:`layout_studio.push.signing`) by the API reference's "Signature v3" algorithm (CanonicalRequest ->
  StringToSign -> derived key HMAC chain ``TC3`` + SecretKey, date, service, ``tc3_request``);
* ``X-TC-Action`` (Start/Update/StopPublishCdnStream), ``X-TC-Version`` 2019-07-22, ``X-TC-Region``;
* the body, decoded with the official ``tencentcloud.trtc.v20190722.models`` request class and serialised back:
  it must come back equal (no unknown field, no wrong type);
* for an update, a SequenceNumber higher than the task's last one (else FailedOperation, as the API does).

Problems are answered with an API error and collected in ``violations`` (tests assert it stays empty).
``faults`` is a queue of behaviours for the next requests: ``"500"``, ``"hang"`` (no reply within the client's
timeout), ``"malformed"``, ``"limit"`` (RequestLimitExceeded), ``"error:Code"`` (an API error), ``"drop"``,
``"empty"`` (200 with ``{"Response": {}}``), ``"no-task-id"`` (200 with only a RequestId), ``"429"`` (a gateway's
Too Many Requests, plain text, Retry-After 1).

Faults of a gateway or API that acted before its reply was lost, rate limiting, stopped tasks and the
SequenceNumber check (the block marked "safety" below): ``"504-after"`` (the request is applied, then a gateway 504
answers), ``"drop-after"`` (applied, then the connection is closed without a reply); ``strict_rate=N`` answers
RequestLimitExceeded when a request arrives while N others of its action arrived within the last second, after a
random network delay of up to ``jitter`` seconds (every
arrival is logged in ``arrivals`` at receipt, before any fault or think time; ``peak_per_second()`` is the largest
number of one action in any sliding one-second window); an update or a stop of a stopped task is
``ResourceNotFound``; every SequenceNumber of a task not above the last one it accepted is logged in
``sequence_violations`` (the ``fake`` fixture fails the test when it is not empty).

``"echo:KIND"`` (an error reply of one of :data:`ECHO_KINDS` that repeats the whole request in many encodings;
see the block at the end of this file); ``"echo:api-cut"`` (an API error quoting each request value only in part:
cut, a middle piece, folded — :func:`echo_cut`).

Cloud recording and stream ingest (the block marked "apply" at the end of this file): the actions
CreateCloudRecording, ModifyCloudRecording, DescribeCloudRecording, DeleteCloudRecording, StartStreamIngest,
UpdateStreamIngest, DescribeStreamIngest and StopStreamIngest, each checked like the mixing ones (signature, version,
the API regions of its own API, the body through the SDK's request model), with their state (``recordings``,
``ingests``, ``ended``) and the fault ``"echo-body"`` (an API error whose message repeats the request body).
"""

from __future__ import annotations

import hashlib
import hmac
import json
import random
import threading
import time
from collections import defaultdict, deque
from datetime import UTC, datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from tencentcloud.trtc.v20190722 import models as sdk_models

SECRET_ID = "AKID-test-secret-id-0001"
SECRET_KEY = "SECRETKEY-do-not-leak-7f3a9c"
ACTIONS = ("StartPublishCdnStream", "UpdatePublishCdnStream", "StopPublishCdnStream")


def tc3_signature(
    secret_key: str, method: str, host: str, content_type: str, payload: bytes, timestamp: int, service: str = "trtc"
) -> str:
    """The TC3-HMAC-SHA256 signature of a POST to ``/`` as "Signature v3" describes it."""
    canonical = "\n".join(
        [
            method,
            "/",
            "",
            f"content-type:{content_type}\nhost:{host}\n",
            "content-type;host",
            hashlib.sha256(payload).hexdigest(),
        ]
    )
    date = datetime.fromtimestamp(timestamp, UTC).strftime("%Y-%m-%d")
    scope = f"{date}/{service}/tc3_request"
    to_sign = "\n".join(
        ["TC3-HMAC-SHA256", str(timestamp), scope, hashlib.sha256(canonical.encode("utf-8")).hexdigest()]
    )

    def h(key: bytes, msg: str) -> bytes:
        return hmac.new(key, msg.encode("utf-8"), hashlib.sha256).digest()

    key = h(h(h(("TC3" + secret_key).encode("utf-8"), date), service), "tc3_request")
    return hmac.new(key, to_sign.encode("utf-8"), hashlib.sha256).hexdigest()


class FakeTrtc:
    """The server state: ``requests`` (every accepted request: time, action, body), ``tasks`` (TaskId -> list
    of applied update bodies), ``violations`` (protocol problems), ``faults`` (queued misbehaviours)."""

    def __init__(
        self, *, hang_seconds: float = 2.0, latency: float = 0.0, strict_rate: int | None = None, jitter: float = 0.0
    ) -> None:
        self.lock = threading.Lock()
        self.requests: list[tuple[float, str, dict]] = []
        self.tasks: dict[str, list[dict]] = defaultdict(list)
        self.last_seq: dict[str, int] = {}
        self.stopped: set[str] = set()
        self.violations: list[str] = []
        self.faults: deque[str] = deque()
        self.hang_seconds = hang_seconds
        self.latency = latency
        self._next_task = 0
        self._init_safety(strict_rate, jitter)
        self._init_apply()
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self.server.daemon_threads = True
        self.thread = threading.Thread(target=self.server.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True)

    @property
    def endpoint(self) -> str:
        host, port = self.server.server_address[:2]
        return f"http://{host}:{port}"

    def start(self) -> FakeTrtc:
        self.thread.start()
        return self

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()

    def seen(self, action: str | None = None) -> list[tuple[float, str, dict]]:
        with self.lock:
            return [r for r in self.requests if action is None or r[1] == action]

    # -- checks ---------------------------------------------------------------------------------------------
    def check(self, headers, raw: bytes) -> tuple[str | None, str | None, dict | None]:
        """(error code, message, body) — code None when the request is well-formed and correctly signed."""
        action = headers.get("X-TC-Action")
        if action not in ACTIONS + APPLY_ACTIONS:  # apply: the recording and ingest actions
            return "InvalidAction", f"unexpected X-TC-Action {action!r}", None
        if headers.get("X-TC-Version") != "2019-07-22":
            return "NoSuchVersion", f"X-TC-Version {headers.get('X-TC-Version')!r}", None
        if headers.get("X-TC-Region") not in APPLY_REGIONS.get(action, ("ap-guangzhou", "ap-hongkong", "ap-singapore")):
            return "UnsupportedRegion", f"region {headers.get('X-TC-Region')!r}", None
        auth = headers.get("Authorization", "")
        try:
            algo, rest = auth.split(" ", 1)
            parts = dict(p.strip().split("=", 1) for p in rest.split(","))
            secret_id, date, service, term = parts["Credential"].split("/")
            timestamp = int(headers["X-TC-Timestamp"])
        except (ValueError, KeyError):
            return "AuthFailure.SignatureFailure", "malformed Authorization", None
        if (
            algo != "TC3-HMAC-SHA256"
            or service != "trtc"
            or term != "tc3_request"
            or parts["SignedHeaders"] != "content-type;host"
            or secret_id != SECRET_ID
        ):
            return "AuthFailure.SignatureFailure", "wrong algorithm, scope or SecretId", None
        if date != datetime.fromtimestamp(timestamp, UTC).strftime("%Y-%m-%d"):
            return "AuthFailure.SignatureFailure", "credential date does not match X-TC-Timestamp", None
        if abs(time.time() - timestamp) > 300:
            return "AuthFailure.SignatureExpire", "timestamp off by more than 5 minutes", None
        expected = tc3_signature(
            SECRET_KEY, "POST", headers.get("Host", ""), headers.get("Content-Type", ""), raw, timestamp
        )
        if not hmac.compare_digest(expected, parts["Signature"]):
            return "AuthFailure.SignatureFailure", "signature mismatch", None
        try:
            body = json.loads(raw)
        except ValueError:
            return "InvalidParameter", "body is not JSON", None
        model = getattr(sdk_models, f"{action}Request")()
        model._deserialize(body)
        if model._serialize() != body:
            return "UnknownParameter", "body does not round-trip through the SDK model (unknown field or type)", body
        return None, None, body

    def _handler(self):
        fake = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args):  # quiet
                pass

            def reply(self, status: int, payload: bytes, ctype: str = "application/json") -> None:
                self.send_response(status)
                self.send_header("Content-Type", ctype)
                self.send_header("Content-Length", str(len(payload)))
                self.end_headers()
                self.wfile.write(payload)

            def api(self, response: dict) -> None:
                response.setdefault("RequestId", f"req-{time.monotonic_ns()}")
                self.reply(200, json.dumps({"Response": response}).encode())

            def do_POST(self):  # noqa: N802 - http.server API
                length = int(self.headers.get("Content-Length") or 0)
                raw = self.rfile.read(length)
                if len(raw) < length:  # the client went away mid-request (killed): nothing arrived to act on
                    self.close_connection = True
                    return None
                # -- safety: the arrival log and the strict sliding-window rate limit come first ---------------
                if fake.arrive(self.headers.get("X-TC-Action")):
                    return self.api({"Error": {"Code": "RequestLimitExceeded", "Message": "more than the rate"}})
                # -- end safety -----------------------------------------------------------------------------------
                with fake.lock:
                    fault = fake.faults.popleft() if fake.faults else None
                if fault == "hang":
                    time.sleep(fake.hang_seconds)
                    return
                if fault == "drop":
                    self.close_connection = True
                    self.connection.close()
                    return
                if fault == "500":
                    return self.reply(500, b"<html>internal server error</html>", "text/html")
                if fault == "malformed":
                    return self.reply(200, b'{"Response": {"TaskId": ', "application/json")
                if fault == "429":
                    self.send_response(429)
                    self.send_header("Retry-After", "1")
                    self.send_header("Content-Type", "text/plain")
                    self.send_header("Content-Length", "9")
                    self.end_headers()
                    self.wfile.write(b"slow down")
                    return None
                if fault == "empty":
                    return self.reply(200, b'{"Response": {}}')
                if fault == "no-task-id":
                    return self.reply(200, b'{"Response": {"RequestId": "req-no-task-id"}}')
                if fault == "limit":
                    return self.api({"Error": {"Code": "RequestLimitExceeded", "Message": "too many requests"}})
                if fault and fault.startswith("error:"):
                    return self.api({"Error": {"Code": fault[6:], "Message": f"simulated {fault[6:]}"}})
                if fault and fault.startswith("echo:"):  # the echo-everything faults: see the end of this file
                    return echo_reply(self, fault[5:], raw)
                if fault == "echo-body":  # apply: see the end of this file
                    return self.api(echo_body(raw))
                code, message, body = fake.check(self.headers, raw)
                if code:
                    with fake.lock:
                        fake.violations.append(f"{code}: {message}")
                    return self.api({"Error": {"Code": code, "Message": message}})
                if fake.latency:
                    time.sleep(fake.latency)
                answer = fake.apply(self.headers["X-TC-Action"], body)
                # -- safety: the API acted, then its reply is lost -------------------------------------------------
                if fault == "504-after":
                    return self.reply(504, b"<html>504 Gateway Time-out</html>", "text/html")
                if fault == "drop-after":
                    self.close_connection = True
                    self.connection.close()
                    return None
                # -- end safety -----------------------------------------------------------------------------------
                self.api(answer)

        return Handler

    def apply(self, action: str, body: dict) -> dict:
        """The API's answer to a valid request (and the state change)."""
        with self.lock:
            self.requests.append((time.monotonic(), action, body))
            if action in APPLY_ACTIONS:  # apply: recording and ingest
                return self.apply_other(action, body)
            if action == "StartPublishCdnStream":
                self._next_task += 1
                task = f"task-{self._next_task:05d}"
                self.tasks[task] = []
                return {"TaskId": task}
            task = body.get("TaskId")
            if task in self.stopped:  # safety: a stopped task is gone
                return {"Error": {"Code": "ResourceNotFound", "Message": "task not found"}}
            if action == "StopPublishCdnStream":
                if task in self.stopped:
                    return {"Error": {"Code": "ResourceNotFound", "Message": "task not found"}}
                self.stopped.add(task)
                return {"TaskId": task}
            seq = body.get("SequenceNumber")
            if task in self.last_seq and seq <= self.last_seq[task]:
                self.sequence_violations.append((task, seq, self.last_seq[task]))  # safety
                self.violations.append(f"SequenceNumber {seq} not above {self.last_seq[task]} for {task}")
                return {"Error": {"Code": "FailedOperation", "Message": "SequenceNumber must increase"}}
            self.last_seq[task] = seq
            self.tasks[task].append(body)
            return {"TaskId": task}

    # -- safety: arrivals, the strict rate limit and the SequenceNumber check ------------------------------------
    def _init_safety(self, strict_rate: int | None, jitter: float) -> None:
        self.strict_rate = strict_rate
        self.jitter = jitter
        self.arrivals: list[tuple[float, str]] = []
        self.rate_limited = 0
        self.sequence_violations: list[tuple[str, int, int]] = []

    def arrive(self, action: str | None) -> bool:
        """Log an arrival of ``action`` now (after a random network delay of up to ``jitter`` seconds); True when
        the strict limit refuses it (RequestLimitExceeded)."""
        if self.jitter:
            time.sleep(random.uniform(0, self.jitter))
        with self.lock:
            now = time.monotonic()
            recent = 0
            if self.strict_rate is not None:
                for when, other in reversed(self.arrivals):
                    if when <= now - 1.0:
                        break
                    recent += other == action
            self.arrivals.append((now, action or ""))
            refused = self.strict_rate is not None and recent >= self.strict_rate
            self.rate_limited += refused
            return refused

    def peak_per_second(self, action: str | None = None) -> int:
        """The most arrivals of ``action`` (default: of any one action) in any sliding one-second window."""
        with self.lock:
            arrivals = list(self.arrivals)
        actions = [action] if action else sorted({a for _, a in arrivals})
        peak = 0
        for name in actions:
            times = sorted(t for t, a in arrivals if a == name)
            start = 0
            for end, t in enumerate(times):
                while times[start] <= t - 1.0:
                    start += 1
                peak = max(peak, end - start + 1)
        return peak


# ======================================================================================================================
# Echo-everything faults (the secrets tests). ``"echo:KIND"`` answers the next request with an error reply of KIND
# that repeats the whole request — request line, every header (X-TC-Token, Authorization), the body — in every
# encoding a gateway, proxy or API might use when it quotes a request: as sent, JSON-escaped (ASCII, non-ASCII kept,
# HTML-safe as Go writes it, and twice), percent-encoded (path-safe, everything, ``+`` for a space), form-encoded
# key=value pairs, Python repr (str and bytes), HTML-escaped, and each header value in base64.
# ===============================================================================================================


#: The kinds of error reply an echo fault can take: an API error (its Message is the echo), a ResourceNotFound (as
#: a stop of a gone task gets), and gateway replies with text, HTML and JSON bodies (4xx and 5xx).
ECHO_KINDS = (
    "api",
    "api-not-found",
    "http-400-text",
    "http-403-html",
    "http-429-text",
    "http-500-html",
    "http-502-json",
    "http-503-percent",
    "http-504-text",
)


def _leaves(value, path=""):
    """(path, string) for every string or number inside a decoded JSON body (for the form-encoded copy)."""
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _leaves(item, f"{path}.{key}" if path else str(key))
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from _leaves(item, f"{path}[{i}]")
    elif value is not None:
        yield path, str(value)


def echo_document(request_line: str, headers: list[tuple[str, str]], raw: bytes) -> str:
    """The whole request, as sent and then in every encoding (see the block comment)."""
    import base64
    import html
    from urllib.parse import quote, quote_plus, urlencode

    body = raw.decode("utf-8", "replace")
    whole = "\n".join([request_line, *(f"{k}: {v}" for k, v in headers), "", body])
    try:
        form = urlencode([*headers, *_leaves(json.loads(raw))])
    except ValueError:
        form = urlencode(headers)
    go_json = json.dumps(whole).replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    copies = [
        ("as sent", whole),
        ("json", json.dumps(whole)),
        ("json, non-ASCII kept", json.dumps(whole, ensure_ascii=False)),
        ("json, HTML-safe", go_json),
        ("json twice", json.dumps(json.dumps(whole))),
        ("percent-encoded", quote(whole)),
        ("percent-encoded, everything", quote(whole, safe="")),
        ("form-encoded body", quote_plus(whole)),
        ("form-encoded fields", form),
        ("python repr", repr(whole)),
        ("python bytes repr", repr(whole.encode("utf-8"))),
        ("html", html.escape(whole)),
        ("base64 headers", "\n".join(f"{k}: {base64.b64encode(v.encode()).decode()}" for k, v in headers)),
    ]
    return "\n".join(f"--- request echo ({name}) ---\n{text}" for name, text in copies)


#: Where ``"echo:api-cut"`` cuts each value it quotes: a prefix this long, a piece from the middle this long, and
#: the value folded into lines this long (as a log line limit, an ellipsis or a gateway wrapping long lines does).
CUTS = (12, 20, 30)
FOLD = 16


def echo_cut(headers: list[tuple[str, str]], raw: bytes) -> str:
    """An error message that quotes each header value and each string of the body only in part: cut after
    :data:`CUTS` characters (with an ellipsis), a piece from the middle, and folded every :data:`FOLD` characters —
    so a part of a secret appears without the whole of it."""
    try:
        leaves = [value for _path, value in _leaves(json.loads(raw))]
    except ValueError:
        leaves = []
    parts = []
    for value in [v for _k, v in headers] + leaves:
        for cut in CUTS:
            parts.append(f"'{value[:cut]}...'")
            middle = max(0, (len(value) - cut) // 2)
            parts.append(f"...{value[middle : middle + cut]}...")
        parts.append("\n".join(value[i : i + FOLD] for i in range(0, len(value), FOLD)))
    return "invalid parameter values: " + "; ".join(parts)


def echo_reply(handler, kind: str, raw: bytes) -> None:
    """Answer ``handler``'s request with an error reply of ``kind`` (one of :data:`ECHO_KINDS`) echoing it."""
    from urllib.parse import quote

    headers = [(k, v) for k, v in handler.headers.items()]
    handler.server.__dict__.setdefault("echoed", []).append((headers, raw))
    if kind == "api-cut":
        return handler.api({"Error": {"Code": "InvalidParameter", "Message": echo_cut(headers, raw)}})
    document = echo_document(handler.requestline, headers, raw)
    if kind in ("api", "api-not-found"):
        code = "ResourceNotFound" if kind == "api-not-found" else "InvalidParameter"
        return handler.api({"Error": {"Code": code, "Message": f"bad request: {document}"}})
    status = int(kind.split("-")[1])
    if kind.endswith("-html"):
        import html

        page = f"<html><body><h1>{status}</h1><pre>{html.escape(document)}</pre><!-- {document} --></body></html>"
        return handler.reply(status, page.encode("utf-8"), "text/html")
    if kind.endswith("-json"):
        reply = {"error": "bad gateway", "request": {"headers": dict(headers), "body": raw.decode()}, "echo": document}
        return handler.reply(status, json.dumps(reply).encode("utf-8"))
    if kind.endswith("-percent"):
        return handler.reply(status, f"unavailable; request={quote(document, safe='')}".encode(), "text/plain")
    return handler.reply(status, f"{status} error\n{document}".encode(), "text/plain")


def echoed_requests(fake: FakeTrtc) -> list[tuple[list[tuple[str, str]], bytes]]:
    """(headers, raw body) of every request ``fake`` answered with an echo fault, oldest first."""
    return list(getattr(fake.server, "echoed", []))


# ======================================================================================================================
# apply: cloud recording and stream ingest. Each action is checked like the mixing ones (FakeTrtc.check: signature,
# version, the API regions of its API — API CreateCloudRecording, API StartStreamIngest and the pages of the other
# actions —, the body through the SDK's request model). The state: ``recordings`` (TaskId -> the Create body and each
# Modify body applied), ``ingests`` (TaskId -> the Start body and each Update body applied), ``ended`` (stopped or
# deleted TaskIds). A Modify, Describe or Delete of a recording that does not exist answers ResourceNotFound; an
# Update or Stop of an ingest that does not exist FailedOperation.TaskNotExist / FailedOperation.TaskFinished (as the
# API pages list them); a Describe of an ingest that does not exist answers Status NotExist; a StartStreamIngest whose
# robot already plays into the room answers FailedOperation.TaskExist.
# ======================================================================================================================

RECORDING_ACTIONS = ("CreateCloudRecording", "ModifyCloudRecording", "DescribeCloudRecording", "DeleteCloudRecording")
INGEST_ACTIONS = ("StartStreamIngest", "UpdateStreamIngest", "DescribeStreamIngest", "StopStreamIngest")
APPLY_ACTIONS = RECORDING_ACTIONS + INGEST_ACTIONS
RECORDING_REGIONS = ("ap-beijing", "ap-guangzhou", "ap-mumbai", "ap-shanghai", "ap-singapore")
INGEST_REGIONS = ("ap-bangkok", "ap-guangzhou", "ap-jakarta", "ap-mumbai", "ap-singapore", "ap-tokyo")
APPLY_REGIONS = {**dict.fromkeys(RECORDING_ACTIONS, RECORDING_REGIONS), **dict.fromkeys(INGEST_ACTIONS, INGEST_REGIONS)}


def echo_body(raw: bytes) -> dict:
    """An API error whose message repeats the request body (a gateway or API quoting what it refused)."""
    return {"Error": {"Code": "InvalidParameter", "Message": f"cannot parse request {raw.decode('utf-8', 'replace')}"}}


def _init_apply(self: FakeTrtc) -> None:
    self.recordings = defaultdict(list)
    self.ingests = defaultdict(list)
    self.ended = set()
    self._next_apply = 0


def _not_found(code: str) -> dict:
    return {"Error": {"Code": code, "Message": "the task does not exist"}}


def apply_other(self: FakeTrtc, action: str, body: dict) -> dict:
    """The answer to a valid recording or ingest request (called holding ``self.lock``)."""
    task = body.get("TaskId")
    if action in ("CreateCloudRecording", "StartStreamIngest"):
        if action == "StartStreamIngest":
            robot = (body.get("RoomId"), body.get("UserId"))
            playing = [t for t in self.ingests if t not in self.ended]
            if any((self.ingests[t][0].get("RoomId"), self.ingests[t][0].get("UserId")) == robot for t in playing):
                return {"Error": {"Code": "FailedOperation.TaskExist", "Message": "Task already exists"}}
        self._next_apply += 1
        task = f"{'rec' if action == 'CreateCloudRecording' else 'ing'}-{self._next_apply:05d}"
        (self.recordings if action == "CreateCloudRecording" else self.ingests)[task].append(body)
        return {"TaskId": task}
    if action in RECORDING_ACTIONS:
        if task not in self.recordings or task in self.ended:
            return _not_found("ResourceNotFound")
        if action == "ModifyCloudRecording":
            self.recordings[task].append(body)
        elif action == "DeleteCloudRecording":
            self.ended.add(task)
        else:
            files = [
                {"UserId": "", "FileName": f"{task}.m3u8", "TrackType": "audio_video", "BeginTimeStamp": 1700000000}
            ]
            return {"TaskId": task, "Status": "InProgress", "StorageFileList": files}
        return {"TaskId": task}
    exists = task in self.ingests and task not in self.ended
    if action == "DescribeStreamIngest":
        return {"Status": "InProgress" if exists else "NotExist"}
    if action == "UpdateStreamIngest":
        if not exists:
            return _not_found("FailedOperation.TaskNotExist")
        self.ingests[task].append(body)
        return {"Status": "InProgress"}
    if not exists:
        return _not_found("FailedOperation.TaskFinished")
    self.ended.add(task)
    return {}


FakeTrtc._init_apply = _init_apply
FakeTrtc.apply_other = apply_other
