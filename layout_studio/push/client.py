"""Sending one request to the TRTC API (service ``trtc``, version 2019-07-22): signed, posted, its reply checked.

The request is signed by :mod:`layout_studio.push.signing` (TC3-HMAC-SHA256 through the official SDK's public
signer and credential) and posted with ``requests`` (one ``requests.Session`` per thread; proxies and CA bundle from
the environment as requests reads them: ``HTTPS_PROXY``, ``NO_PROXY``, ``REQUESTS_CA_BUNDLE``). Every failure becomes
a :class:`~layout_studio.push.errors.PushError` of a known kind. One attempt per call: retries, SequenceNumbers and
the journal are the caller's (:mod:`layout_studio.push.sender`). :meth:`TrtcClient.prepare` builds the exact request
:meth:`TrtcClient.call` would send, without sending it (``--dry-run``).

Every request passes here before it leaves, so this is where the secrets a reply could echo are registered for certain
(:mod:`layout_studio.redaction`): the body's UserSigs, SecretKey and CDN URL signatures, the key and token that sign it;
a failure's text is redacted before it is shortened to :data:`MESSAGE_LIMIT`.
"""

from __future__ import annotations

import json
import re
import threading
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ..redaction import redact, register, register_body
from ..secrets import MASK, mask_secrets
from .apis import is_start
from .credentials import ApiCredential, credential_secrets
from .endpoint import DEFAULT_HOST, parse_endpoint
from .errors import ConfigError, PushError
from .signing import tc3_headers
from .status import FailureKind

if TYPE_CHECKING:
    import requests

SERVICE = "trtc"
VERSION = "2019-07-22"
#: Default time to wait for a connection and for the reply, in seconds.
DEFAULT_TIMEOUT = 15.0
#: How much of a failure's text (an API error message, an error page) a :class:`PushError` keeps, in characters.
MESSAGE_LIMIT = 300

#: Texts of connection failures that happen before any byte of the request leaves (``not-sent``).
_NOT_SENT = (
    "NewConnectionError",
    "Failed to establish a new connection",
    "ConnectTimeoutError",
    "NameResolutionError",
    "Failed to resolve",
    "Connection refused",
    "No route to host",
    # TLS handshake failures (https to a plain-http port, an untrusted certificate): before any request
    "WRONG_VERSION_NUMBER",
    "CERTIFICATE_VERIFY_FAILED",
    "SSLCertVerificationError",
    "UNSUPPORTED_PROTOCOL",
)
_AUTH_SIG = re.compile(r"(Signature=)[0-9a-fA-F]+")
_AUTH_ID = re.compile(r"(Credential=)([^/]{0,6})[^/]*")


@dataclass
class PreparedRequest:
    """A request as it would leave: method, URL, headers and the JSON body (unmasked: show :meth:`masked`)."""

    method: str
    url: str
    headers: dict[str, str]
    body: dict[str, Any]

    def masked(self) -> dict[str, Any]:
        """``{"method", "url", "headers", "body"}`` with Authorization's signature and SecretId, the session
        token, every UserSig, SecretKey and txSecret, and every other secret of the run
        (:mod:`layout_studio.redaction`) masked."""
        headers = {}
        for name, value in self.headers.items():
            if name.lower() == "authorization":
                value = _AUTH_ID.sub(lambda m: m.group(1) + m.group(2) + MASK, _AUTH_SIG.sub(r"\1" + MASK, value))
            elif name.lower() == "x-tc-token":
                value = MASK
            headers[name] = redact(value)
        body = json.loads(redact(json.dumps(mask_secrets(self.body), ensure_ascii=False)))
        return {"method": self.method, "url": self.url, "headers": headers, "body": body}

    def render(self) -> str:
        """The masked request as HTTP-like text: request line, headers, blank line, indented JSON body."""
        shown = self.masked()
        lines = [f"{shown['method']} {shown['url']}"]
        lines += [f"{k}: {v}" for k, v in shown["headers"].items()]
        lines += ["", json.dumps(shown["body"], indent=2, ensure_ascii=False)]
        return "\n".join(lines)


class TrtcClient:
    """Signed calls to ``trtc`` in ``api_region`` (``ap-guangzhou``) with ``credential`` (an SDK Credential), at
    ``endpoint`` (a URL overriding scheme, host and port; None: ``https://trtc.tencentcloudapi.com``), waiting at
    most ``timeout`` seconds to connect and again for the reply. Safe to share between the threads of a batch
    (one HTTP session per thread); :meth:`close` closes them."""

    def __init__(
        self,
        api_region: str,
        credential: ApiCredential,
        *,
        endpoint: str | None = None,
        timeout: float = DEFAULT_TIMEOUT,
    ) -> None:
        self.api_region = api_region
        self.credential = credential
        self.endpoint = endpoint
        self.timeout = timeout
        scheme, self.host = parse_endpoint(endpoint) or ("https", DEFAULT_HOST)
        self.url = f"{scheme}://{self.host}/"
        self._local = threading.local()
        self._sessions: list[requests.Session] = []
        self._sessions_lock = threading.Lock()
        register(*credential_secrets(credential))

    def _session(self) -> requests.Session:
        session: requests.Session | None = getattr(self._local, "session", None)
        if session is None:
            import requests

            session = self._local.session = requests.Session()
            with self._sessions_lock:
                self._sessions.append(session)
        return session

    def close_thread_session(self) -> None:
        """Close and forget the calling thread's HTTP session (a helper thread that made its one call and ends)."""
        session: requests.Session | None = getattr(self._local, "session", None)
        if session is not None:
            self._local.session = None
            with self._sessions_lock:
                self._sessions = [s for s in self._sessions if s is not session]
            session.close()

    def close(self) -> None:
        """Close the HTTP sessions (their pooled connections)."""
        with self._sessions_lock:
            sessions, self._sessions = self._sessions, []
        for session in sessions:
            session.close()

    def _build(self, action: str, body: dict[str, Any]) -> requests.PreparedRequest:
        """The signed request, prepared by this thread's session (its default headers and Content-Length)."""
        import requests

        register_body(body)  # before anything leaves: a reply may echo any of it
        payload = json.dumps(body).encode("utf-8")
        try:
            headers = tc3_headers(
                self.credential,
                service=SERVICE,
                version=VERSION,
                action=action,
                api_region=self.api_region,
                host=self.host,
                payload=payload,
            )
        except ConfigError as err:  # a credential that cannot be sent: nothing leaves, and a retry cannot help
            raise self._fail(FailureKind.CONFIG, "ConfigError", str(err), action) from None
        try:
            return self._session().prepare_request(requests.Request("POST", self.url, headers=headers, data=payload))
        except (requests.RequestException, ValueError) as err:  # a URL requests cannot encode: nothing leaves
            raise self._fail(FailureKind.NOT_SENT, "ClientError", f"cannot build the request ({err})", action) from None

    def prepare(self, action: str, body: dict[str, Any]) -> PreparedRequest:
        """The exact request :meth:`call` would send now (signed), without sending anything."""
        built = self._build(action, body)
        data = built.body.decode("utf-8") if isinstance(built.body, bytes) else (built.body or "{}")
        return PreparedRequest(built.method or "POST", built.url or self.url, dict(built.headers), json.loads(data))

    def _fail(
        self, kind: FailureKind, code: str, message: Any, action: str, request_id: str | None = None
    ) -> PushError:
        if isinstance(message, bytes):
            message = message.decode("utf-8", "replace")
        text = " ".join(redact(str(message or "")).split())[:MESSAGE_LIMIT]  # redacted before it is shortened
        return PushError(kind, code, text, request_id=request_id, action=action)

    def call(self, action: str, body: dict[str, Any]) -> dict[str, Any]:
        """Send ``body`` as ``action`` once; return the reply's ``Response`` object (TaskId, RequestId).

        Raises :class:`PushError`: kind ``api`` (an Error reply), ``not-sent`` (no connection), ``unknown``
        (timeout, dropped connection, a reply that is not the API's JSON or lacks its RequestId — or, for a start of
        any task API, its TaskId) or ``http`` (a non-200 status; a redirect is not followed).
        """
        built = self._build(action, body)
        session = self._session()
        try:
            settings = session.merge_environment_settings(built.url, {}, None, None, None)
            reply = session.send(built, timeout=self.timeout, allow_redirects=False, **settings)
        except Exception as err:  # any failure to connect, send or read: classified by what it says
            raise self._network_error(str(err), action) from None
        if reply.status_code != 200:
            raise self._fail(
                FailureKind.HTTP,
                "ServerNetworkError",
                f"HTTP {reply.status_code}: {reply.content.decode('utf-8', 'replace') or 'no body'}",
                action,
            )
        try:
            data = json.loads(reply.content)
        except ValueError as err:
            raise self._fail(
                FailureKind.UNKNOWN, "MalformedResponse", f"the reply is not the API's JSON ({err})", action
            ) from None
        return self._response(data, action)

    def _response(self, data: Any, action: str) -> dict[str, Any]:
        """The ``Response`` object of a decoded reply; raises :class:`PushError` for an Error or a malformed reply."""
        response = data.get("Response") if isinstance(data, dict) else None
        if not isinstance(response, dict):
            raise self._fail(FailureKind.UNKNOWN, "MalformedResponse", "the reply has no Response object", action)
        error = response.get("Error")
        if isinstance(error, dict):
            raise self._fail(
                FailureKind.API,
                str(error.get("Code") or "UnknownError"),
                error.get("Message"),
                action,
                response.get("RequestId"),
            )
        request_id = response.get("RequestId")
        if not isinstance(request_id, str) or not request_id:  # every API reply carries one
            raise self._fail(
                FailureKind.UNKNOWN,
                "MalformedResponse",
                "the reply has no RequestId: it is not the API's answer (check --endpoint and any proxy)",
                action,
            )
        if is_start(action) and not response.get("TaskId"):
            raise self._fail(
                FailureKind.UNKNOWN,
                "MalformedResponse",
                "the reply has no TaskId: a task may have been "
                "started; look for it in the TRTC console before starting again",
                action,
                request_id,
            )
        return response

    def _network_error(self, text: str, action: str) -> PushError:
        if "Read timed out" in text or "ReadTimeout" in text:
            return self._fail(FailureKind.UNKNOWN, "Timeout", f"no reply within {self.timeout:g} s", action)
        if any(marker in text for marker in _NOT_SENT):
            return self._fail(FailureKind.NOT_SENT, "ClientNetworkError", text, action)
        return self._fail(FailureKind.UNKNOWN, "ClientNetworkError", text, action)
