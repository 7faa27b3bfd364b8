"""TC3-HMAC-SHA256 signing of one JSON POST to a Tencent Cloud API: the headers that carry the action, the version,
the API region, the timestamp and the ``Authorization`` signature.

The algorithm is the API reference's "Signature v3" (the API Explorer's signing tool,
https://console.tencentcloud.com/api/explorer?SignVersion=api3v3, signs the same way):

1. CanonicalRequest = ``POST``, ``/``, an empty query, the canonical headers ``content-type:…\\nhost:…\\n``, the
   signed header names ``content-type;host`` and the hex SHA-256 of the payload, joined by newlines;
2. StringToSign = ``TC3-HMAC-SHA256``, the Unix timestamp, the scope ``<UTC date>/<service>/tc3_request`` and the
   hex SHA-256 of CanonicalRequest, joined by newlines;
3. the signature: HMAC-SHA256 with a key derived from ``"TC3" + SecretKey``, the date, the service and
   ``tc3_request`` — computed by the official SDK's public ``tencentcloud.common.sign.Sign.sign_tc3``.

The SecretId, SecretKey and session token come from the SDK credential's public ``get_credential_info()`` (which
also renews temporary credentials); the SecretKey and token are registered as secrets of the run
(:mod:`layout_studio.redaction`). Nothing here sends anything (:mod:`layout_studio.push.client` does).
"""

from __future__ import annotations

import hashlib
import time
import uuid
from datetime import UTC, datetime

from .. import __version__
from ..redaction import register
from .credentials import ApiCredential, check_credential_text

ALGORITHM = "TC3-HMAC-SHA256"
CONTENT_TYPE = "application/json"
SIGNED_HEADERS = "content-type;host"
#: What the ``X-TC-RequestClient`` header says sent the request.
REQUEST_CLIENT = f"layout-studio/{__version__}"


def _sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def tc3_headers(
    credential: ApiCredential,
    *,
    service: str,
    version: str,
    action: str,
    api_region: str,
    host: str,
    payload: bytes,
    timestamp: int | None = None,
    language: str = "en-US",
) -> dict[str, str]:
    """The headers of a POST of ``payload`` (the JSON body's bytes) to ``https://<host>/`` calling ``action`` of
    ``service`` (``trtc``), API ``version`` (``2019-07-22``), in ``api_region``, signed at ``timestamp`` (Unix
    seconds, default now). ``host`` is the Host header's value (``host`` or ``host:port``), which is signed.
    The SecretKey appears in no header; ``Authorization`` carries the SecretId and the signature, ``X-TC-Token`` the
    session token when there is one. Raises :class:`~layout_studio.push.errors.ConfigError` for a SecretId, SecretKey
    or token that cannot be sent as it is (:func:`~layout_studio.push.credentials.check_credential_text`)."""
    from tencentcloud.common.sign import Sign

    stamp = int(time.time()) if timestamp is None else int(timestamp)
    date = datetime.fromtimestamp(stamp, UTC).strftime("%Y-%m-%d")
    secret_id, secret_key, token = credential.get_credential_info()
    register(secret_key, token)  # renewed temporary credentials too: masked wherever a reply echoes them
    for what, value in (("SecretId", secret_id), ("SecretKey", secret_key), ("session token", token)):
        if value is not None:  # raises ConfigError (never showing the value) for one that cannot be sent
            check_credential_text(value, what, "the API credential")
    canonical = "\n".join(
        ["POST", "/", "", f"content-type:{CONTENT_TYPE}\nhost:{host}\n", SIGNED_HEADERS, _sha256_hex(payload)]
    )
    scope = f"{date}/{service}/tc3_request"
    to_sign = "\n".join([ALGORITHM, str(stamp), scope, _sha256_hex(canonical.encode("utf-8"))])
    signature = str(Sign.sign_tc3(secret_key, date, service, to_sign))
    headers = {
        "X-TC-TraceId": str(uuid.uuid4()),
        "Content-Type": CONTENT_TYPE,
        "Host": host,
        "X-TC-Action": action,
        "X-TC-RequestClient": REQUEST_CLIENT,
        "X-TC-Timestamp": str(stamp),
        "X-TC-Version": version,
        "X-TC-Region": api_region,
        "X-TC-Language": language,
    }
    if token:
        headers["X-TC-Token"] = token
    headers["Authorization"] = (
        f"{ALGORITHM} Credential={secret_id}/{scope}, SignedHeaders={SIGNED_HEADERS}, Signature={signature}"
    )
    return headers
