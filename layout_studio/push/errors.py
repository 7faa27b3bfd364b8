"""Failures of a push, in words: API error codes with what to check, and transport failures with what they mean.

Sources: the TRTC server API reference's common error codes (``layout_studio.sources.ERROR_CODES_URL``) and the
error code lists of ``API StartPublishCdnStream``, ``API UpdatePublishCdnStream``, ``API StopPublishCdnStream``,
``API CreateCloudRecording``, ``API StartStreamIngest``, ``API UpdateStreamIngest`` and ``API StopStreamIngest``.
Every message here is free of secrets: a :class:`PushError` redacts its code and message with the run's secret
registry when it is made and again when it is shown (:mod:`layout_studio.redaction`).

Kinds of failure (``PushError.kind``, a :class:`~layout_studio.push.status.FailureKind`) and what they say about the
request:

* ``api`` — the API answered with an ``Error``: the request was received and refused, nothing changed;
* ``not-sent`` — the connection could not be made (refused, DNS, connect timeout): nothing left this machine;
* ``unknown`` — the request may have reached the server but no usable reply came (read timeout, connection
  dropped, a reply that is not JSON): the change may or may not be applied;
* ``http`` — the gateway answered with an HTTP status other than 200 (5xx, 429; the message starts with
  ``HTTP <status>``): a gateway timeout (502, 504) can come after the API acted, so it is recorded as ``unknown``;
  an update or a stop is retried, a start is not;
* ``config`` — a setting was missing for one task of a batch: no request was built.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..errors import LayoutStudioError
from ..findings import Finding
from ..redaction import redact
from .status import FailureKind

#: What to check for each common error code (prefix match on the part before the first dot, then the full code).
HINTS: dict[str, str] = {
    "AuthFailure.SignatureFailure": "the SecretKey does not match the SecretId: check TENCENTCLOUD_SECRET_KEY or "
    "the profile in ~/.tencentcloud/credentials",
    "AuthFailure.SignatureExpire": "this machine's clock is more than 5 minutes off: sync it (NTP) and retry",
    "AuthFailure.SecretIdNotFound": "the SecretId does not exist or was deleted: create a key in the CAM console",
    "AuthFailure.InvalidSecretId": "the SecretId is not an API key: use the SecretId of a CAM API key",
    "AuthFailure.TokenFailure": "the session token (TENCENTCLOUD_SESSION_TOKEN) is wrong or expired: renew it",
    "AuthFailure.UnauthorizedOperation": "the key's CAM user lacks permission for this action: grant "
    "trtc:StartPublishCdnStream/UpdatePublishCdnStream/StopPublishCdnStream (or QcloudTRTCFullAccess)",
    "AuthFailure.UnRealNameAuthenticated": "the account has not completed identity verification",
    "AuthFailure": "the request's signature or key was refused: check the credentials (--profile, "
    "TENCENTCLOUD_SECRET_ID/KEY) and the clock",
    "InvalidParameter.SdkAppId": "the SdkAppId is wrong, or does not belong to this account or region",
    "InvalidParameter.UserSig": "the agent's UserSig is expired or wrong: regenerate it (TRTC_SDK_SECRET_KEY) "
    "for this SdkAppId and AgentParams.UserId",
    "InvalidParameter": "a field has a wrong value: run `layout-studio validate` on the preset and compare the "
    "request (--dry-run) with the API reference",
    "InvalidParameterValue": "a field has a wrong value: run `layout-studio validate` and check --dry-run output",
    "MissingParameter": "a required field is missing (SdkAppId, RoomId, AgentParams, TaskId, SequenceNumber, "
    "AudioParams ...): check the target options and the preset's Target",
    "ResourceNotFound": "no such task: the TaskId is wrong, the task was stopped, or it ended after "
    "AgentParams.MaxIdleTime without users; check the region too (a task lives in one region)",
    "FailedOperation.RestrictedConcurrency": "the maximum of concurrent tasks is reached: stop some, or ask "
    "Tencent Cloud to raise the limit",
    "FailedOperation.TaskExist": "a task of this robot already runs in the room (did an earlier start start it?): "
    "see `layout-studio ingest status`, stop it, or give the robot another UserId",
    "FailedOperation.TaskFinished": "the task has ended already",
    "FailedOperation.TaskNotExist": "no such task: it ended, or the TaskId or the region is wrong",
    "FailedOperation.NotRtmpFunction": "RTMP relay is not enabled for the application: enable it in the TRTC console",
    "FailedOperation.CRUnsupportMethod": "the application cannot record this way: check its cloud recording "
    "settings in the TRTC console",
    "InvalidParameter.StreamUrl": "StreamUrl is not media the API can pull: check the URL (reachable, http(s) or rtmp)",
    "FailedOperation": "the operation failed on the server: for an update, check that the SequenceNumber is "
    "higher than the last one and that nothing forbidden changed (audio encoding, video codec)",
    "InternalError": "a server-side error: retry later; quote the RequestId to Tencent Cloud support if it persists",
    "RequestLimitExceeded": "more than 20 requests a second for this API: slow down (the client limits the "
    "processes that share its journal; other journals and machines pushing with the same account add up)",
    "UnsupportedOperation": "the task cannot do this (for example switching between audio-only and audio+video, "
    "or changing the codec): start a new task instead",
    "UnsupportedRegion": "this API only accepts ap-guangzhou, ap-hongkong and ap-singapore",
    "UnauthorizedOperation": "the account is not allowed this operation: check CAM permissions",
    "LimitExceeded": "a quota is exceeded: check the account's TRTC quotas",
    "InvalidAction": "the API does not exist at this endpoint: check --endpoint and the version 2019-07-22",
    "NoSuchVersion": "the API version does not exist at this endpoint: check --endpoint",
    "UnknownParameter": "the body has a field the API does not know: run `layout-studio validate`",
    "ResourceInUse": "the resource is busy: retry later",
    "ResourceUnavailable": "the resource is unavailable: check the task and the application",
}

#: Error codes after which the request is retried with backoff (the request was refused before any change), each
#: with every code under it: ``RequestLimitExceeded.IPLimitExceeded``, ``RequestLimitExceeded.UinLimitExceeded``,
#: ``RequestLimitExceeded.GlobalRegionUinLimitExceeded`` ... (common error codes).
RETRYABLE_CODES = frozenset({"RequestLimitExceeded"})


def is_retryable_code(code: str) -> bool:
    """True for a code of :data:`RETRYABLE_CODES` or one under it (``RequestLimitExceeded.IPLimitExceeded``)."""
    return code in RETRYABLE_CODES or code.split(".", 1)[0] in RETRYABLE_CODES


#: ResourceNotFound for a cloud recording: it ends after its own idle setting, not the mixing robot's.
RECORDING_NOT_FOUND = (
    "no such task: the TaskId is wrong, the recording was stopped, or it ended after RecordParams.MaxIdleTime "
    "without users; check the region too (a task lives in one region)"
)


def hint_for(code: str | None, action: str | None = None) -> str | None:
    """What to check for an API error ``code`` of ``action`` (exact code first, then its prefix), or None when
    unknown."""
    if not code:
        return None
    if code == "ResourceNotFound" and action is not None and action.endswith("CloudRecording"):
        return RECORDING_NOT_FOUND
    if code in HINTS:
        return HINTS[code]
    head = code.split(".", 1)[0]
    return HINTS.get(head)


class PushError(LayoutStudioError):
    """A request failed. ``kind`` is a :class:`FailureKind` (see the module docstring).

    ``code`` is the API error code (``ResourceNotFound``) or a transport code (``ClientNetworkError``,
    ``Timeout``, ``MalformedResponse``, ``ServerNetworkError``); ``request_id`` the API's RequestId when it answered.
    ``str(err)`` is the whole message to show: code, message, RequestId and what to check.
    """

    exit_code = 1

    def __init__(
        self,
        kind: FailureKind,
        code: str,
        message: str,
        *,
        request_id: str | None = None,
        action: str | None = None,
    ) -> None:
        self.kind = FailureKind(kind)
        self.code = redact(code)
        self.message = redact(message)
        self.request_id = request_id
        self.action = action
        super().__init__(self.describe())

    @property
    def retryable(self) -> bool:
        """True when a retry cannot make things worse for an idempotent request (update, stop)."""
        if self.kind is FailureKind.API:
            return is_retryable_code(self.code)
        return self.kind is not FailureKind.CONFIG

    @property
    def maybe_applied(self) -> bool:
        """True when the server may have acted on the request although no success reply arrived."""
        return self.kind is FailureKind.UNKNOWN

    def describe(self) -> str:
        """One paragraph: what failed, the code and message, the RequestId, what it means and what to check."""
        what = f"{self.action} failed" if self.action else "request failed"
        text = f"{what}: {self.code}: {self.message}"
        if self.request_id:
            text += f" (RequestId {self.request_id})"
        meaning = {
            FailureKind.NOT_SENT: "nothing was sent: the connection could not be made; check --endpoint, the network "
            "and any proxy",
            FailureKind.UNKNOWN: "no usable reply: the server may or may not have applied the request",
            FailureKind.HTTP: "the gateway answered with a non-200 HTTP status (overloaded, rate-limited or "
            "failing): the API may or may not have acted on it (a 502 or 504 can come after it did)",
        }.get(self.kind)
        if self.code == "Cancelled":  # the run was interrupted while this request waited for the rate limit
            meaning = "nothing was sent; run the same command again to send it"
        elif self.code in ("TaskBusy", "JournalError", "Refused"):  # the lease, the journal or a refusal: nothing left
            meaning = "nothing was sent"
        hint = hint_for(self.code, self.action) if self.kind is FailureKind.API else meaning
        if hint:
            text += f" — {hint}"
        return redact(text)

    def __str__(self) -> str:
        return self.describe()

    def to_dict(self) -> dict[str, str | None]:
        """JSON shape for reports: kind, code, message, request_id."""
        return {
            "kind": self.kind.value,
            "code": redact(self.code),
            "message": redact(self.message),
            "request_id": self.request_id,
        }


class ConfigError(LayoutStudioError):
    """Missing or inconsistent settings (credentials, region, SdkAppId, endpoint, UserSig); nothing was sent."""


class RefusedError(LayoutStudioError):
    """The design has error findings (or the user declined): nothing was sent. ``findings`` lists them all."""

    exit_code = 1

    def __init__(self, message: str, findings: Sequence[Finding] | None = None) -> None:
        self.findings = list(findings or [])
        super().__init__(message)
