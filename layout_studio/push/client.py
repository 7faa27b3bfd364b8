"""Sending one request to the TRTC API (service ``trtc``, version 2019-07-22) through the official SDK.

Signing (TC3-HMAC-SHA256), the endpoint and the HTTP exchange are the SDK's
(``tencentcloud.common.common_client.CommonClient.call_json``); this module chooses the profile (POST, JSON,
timeout, ``--endpoint`` scheme/host/port) and turns every failure into a :class:`~layout_studio.push.errors.PushError`
of a known kind. One attempt per call: retries, SequenceNumbers and the journal are the caller's
(:mod:`layout_studio.push.sender`). :meth:`TrtcClient.prepare` builds the exact request without sending it
(``--dry-run``) by giving the SDK's HTTP session an adapter that captures the request instead of sending it.
"""

from __future__ import annotations

import json
import re
import threading
from dataclasses import dataclass
from typing import Any

from ..secrets import MASK, mask_secrets, mask_text
from .credentials import credential_secrets
from .endpoint import parse_endpoint
from .errors import PushError

SERVICE = "trtc"
VERSION = "2019-07-22"
#: Default time to wait for a connection and for the reply, in seconds.
DEFAULT_TIMEOUT = 15.0

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

    def masked(self, extra_secrets: list[str] = ()) -> dict[str, Any]:
        """``{"method", "url", "headers", "body"}`` with Authorization's signature and SecretId, the session
        token, every UserSig, SecretKey and txSecret, and each value of ``extra_secrets`` masked."""
        headers = {}
        for name, value in self.headers.items():
            if name.lower() == "authorization":
                value = _AUTH_ID.sub(lambda m: m.group(1) + m.group(2) + MASK, _AUTH_SIG.sub(r"\1" + MASK, value))
            elif name.lower() == "x-tc-token":
                value = MASK
            headers[name] = mask_text(value, extra_secrets)
        body = json.loads(mask_text(json.dumps(mask_secrets(self.body), ensure_ascii=False), extra_secrets))
        return {"method": self.method, "url": self.url, "headers": headers, "body": body}

    def render(self, extra_secrets: list[str] = ()) -> str:
        """The masked request as HTTP-like text: request line, headers, blank line, indented JSON body."""
        shown = self.masked(extra_secrets)
        lines = [f"{shown['method']} {shown['url']}"]
        lines += [f"{k}: {v}" for k, v in shown["headers"].items()]
        lines += ["", json.dumps(shown["body"], indent=2, ensure_ascii=False)]
        return "\n".join(lines)


class _Captured(Exception):
    pass


def _capture_adapter(sink: list):
    import requests.adapters

    class CaptureAdapter(requests.adapters.BaseAdapter):
        """Records the prepared request and refuses to send it."""

        def send(self, request, **kwargs):  # noqa: D401 - requests adapter API
            sink.append(request)
            raise _Captured("dry run: not sent")

        def close(self):
            pass

    return CaptureAdapter()


class TrtcClient:
    """Signed calls to ``trtc`` in ``region`` with ``credential`` (an SDK Credential), at ``endpoint`` (a URL
    overriding scheme, host and port; None: the SDK's default), waiting at most ``timeout`` seconds. One SDK
    client per thread (safe to share between the threads of a batch)."""

    def __init__(
        self, region: str, credential, *, endpoint: str | None = None, timeout: float = DEFAULT_TIMEOUT
    ) -> None:
        self.region = region
        self.credential = credential
        self.endpoint = endpoint
        self.timeout = timeout
        self._parsed = parse_endpoint(endpoint)
        self._local = threading.local()

    @property
    def secrets(self) -> list[str]:
        """Secret values this client holds (SecretKey, token), for masking texts."""
        return credential_secrets(self.credential)

    def _new_sdk_client(self):
        from tencentcloud.common.common_client import CommonClient
        from tencentcloud.common.profile.client_profile import ClientProfile
        from tencentcloud.common.profile.http_profile import HttpProfile

        http = HttpProfile(reqMethod="POST", reqTimeout=self.timeout)
        if self._parsed:
            scheme, netloc = self._parsed
            http = HttpProfile(protocol=scheme, endpoint=netloc, reqMethod="POST", reqTimeout=self.timeout)
        profile = ClientProfile(signMethod="TC3-HMAC-SHA256", httpProfile=http, language="en-US")
        client = CommonClient(SERVICE, VERSION, self.credential, self.region, profile)
        local = self._local

        def remember_status(response, *args, **kwargs):  # the SDK's non-200 error drops the status code
            local.status = response.status_code

        client.request.conn._session.hooks["response"].append(remember_status)
        return client

    def _sdk(self):
        client = getattr(self._local, "client", None)
        if client is None:
            client = self._local.client = self._new_sdk_client()
        return client

    def _fail(self, kind: str, code: str, message: Any, action: str, request_id: str | None = None) -> PushError:
        if isinstance(message, bytes):
            message = message.decode("utf-8", "replace")
        text = mask_text(" ".join(str(message or "").split())[:300], self.secrets)
        return PushError(kind, code, text, request_id=request_id, action=action)

    def call(self, action: str, body: dict[str, Any]) -> dict[str, Any]:
        """Send ``body`` as ``action`` once; return the reply's ``Response`` object (TaskId, RequestId).

        Raises :class:`PushError`: kind ``api`` (an Error reply), ``not-sent`` (no connection), ``unknown``
        (timeout, dropped connection, a reply that is not the API's JSON or lacks its RequestId — or, for a start,
        its TaskId) or ``http`` (a non-200 status).
        """
        import requests
        from tencentcloud.common.exception.tencent_cloud_sdk_exception import TencentCloudSDKException

        self._local.status = None
        try:
            reply = self._sdk().call_json(action, body, headers={})
        except TencentCloudSDKException as err:
            if err.code == "ClientNetworkError":
                raise self._network_error(str(err.message), action) from None
            if err.code == "ServerNetworkError":
                status = getattr(self._local, "status", None)
                text = err.message.decode("utf-8", "replace") if isinstance(err.message, bytes) else err.message
                raise self._fail(
                    "http", "ServerNetworkError", f"HTTP {status or 'non-200'}: {text or 'no body'}", action
                ) from None
            raise self._fail("api", err.code or "UnknownError", err.message, action, err.requestId) from None
        except requests.RequestException as err:  # the reply's body is read lazily (stream=True)
            raise self._network_error(str(err), action) from None
        except (ValueError, KeyError, TypeError) as err:
            raise self._fail(
                "unknown", "MalformedResponse", f"the reply is not the API's JSON ({err})", action
            ) from None
        response = reply.get("Response") if isinstance(reply, dict) else None
        if not isinstance(response, dict):
            raise self._fail("unknown", "MalformedResponse", "the reply has no Response object", action)
        error = response.get("Error")
        if isinstance(error, dict):  # the SDK only checks errors for some Content-Types
            raise self._fail(
                "api", str(error.get("Code") or "UnknownError"), error.get("Message"), action, response.get("RequestId")
            )
        request_id = response.get("RequestId")
        if not isinstance(request_id, str) or not request_id:  # every API reply carries one (manual 001)
            raise self._fail(
                "unknown",
                "MalformedResponse",
                "the reply has no RequestId: it is not the API's answer (check --endpoint and any proxy)",
                action,
            )
        if action == "StartPublishCdnStream" and not response.get("TaskId"):
            raise self._fail(
                "unknown",
                "MalformedResponse",
                "the reply has no TaskId: a task may have been "
                "started; look for it in the TRTC console before starting again",
                action,
                request_id,
            )
        return response

    def _network_error(self, text: str, action: str) -> PushError:
        if "Read timed out" in text or "ReadTimeout" in text:
            return self._fail("unknown", "Timeout", f"no reply within {self.timeout:g} s", action)
        if any(marker in text for marker in _NOT_SENT):
            return self._fail("not-sent", "ClientNetworkError", text, action)
        return self._fail("unknown", "ClientNetworkError", text, action)

    def prepare(self, action: str, body: dict[str, Any]) -> PreparedRequest:
        """The exact request :meth:`call` would send now (signed by the SDK), without sending anything."""
        from tencentcloud.common.exception.tencent_cloud_sdk_exception import TencentCloudSDKException

        sdk = self._new_sdk_client()
        sink: list = []
        session = sdk.request.conn._session  # the SDK's requests.Session
        for prefix in ("http://", "https://"):
            session.mount(prefix, _capture_adapter(sink))
        try:
            sdk.call_json(action, body, headers={})
        except TencentCloudSDKException:
            pass
        if not sink:
            raise PushError("not-sent", "ClientError", "the SDK did not build the request", action=action)
        req = sink[0]
        data = req.body.decode("utf-8") if isinstance(req.body, bytes) else (req.body or "{}")
        return PreparedRequest(req.method, req.url, dict(req.headers), json.loads(data))
