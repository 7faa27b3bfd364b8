"""Where requests go: the API region (checked against what the APIs accept and the SdkAppId rule) and the endpoint.

API regions (:mod:`layout_studio.api_regions`): a region outside the accepted list is an error; a mismatch with the
SdkAppId rule is a warning (the rule is advice, and calls to the wrong API region fail anyway).

Endpoint: by default ``https://trtc.tencentcloudapi.com`` (:data:`DEFAULT_HOST`). ``--endpoint URL`` overrides the
scheme, host and port (private endpoints; ``http://127.0.0.1:PORT`` in tests); it takes no path, query, user or
password, and an empty value is an error (not the default endpoint).
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from ..api_regions import API_REGIONS, SOURCE, expected_api_regions
from .errors import ConfigError

DEFAULT_HOST = "trtc.tencentcloudapi.com"
_HOST = re.compile(r"\w(?:[\w.-]*\w)?")  # letters (also non-ASCII: IDNA), digits, '_', '-', '.'; no spaces


def check_api_region(
    region: str | None, regions: tuple[str, ...] = API_REGIONS, *, what: str = "the mixing APIs", source: str = SOURCE
) -> str:
    """``region`` (an API region such as ``ap-guangzhou``) if ``what`` (the APIs whose ``regions`` these are, as
    ``source`` says; default the mixing APIs) accept it; raises :class:`ConfigError` naming the accepted ones
    otherwise."""
    if not region:
        listed = f"{', '.join(regions[:-1])} or {regions[-1]}"
        raise ConfigError(f"no region: pass --region ({listed}) or set Target.Region in the preset")
    if region not in regions:
        raise ConfigError(f"region {region!r} is not accepted by {what}: use one of {', '.join(regions)} ({source})")
    return region


def sdk_app_id_warning(region: str, sdk_app_id: int | None) -> str | None:
    """A warning when ``sdk_app_id`` and the API region ``region`` break the SdkAppId rule, else None."""
    expected = expected_api_regions(sdk_app_id)
    if expected is None:
        return None
    if region in expected:
        return None
    return (
        f"SdkAppId {sdk_app_id} belongs in {' or '.join(expected)}, not {region}: requests to the wrong "
        f"region fail ({SOURCE})"
    )


def parse_endpoint(url: str | None) -> tuple[str, str] | None:
    """``(scheme, host[:port])`` of an ``--endpoint`` URL (None for the default); raises :class:`ConfigError`."""
    if url is None:
        return None
    if not url.strip():  # `--endpoint "$UNSET"` must not fall back to the public endpoint
        raise ConfigError(
            f"--endpoint is empty: give scheme://host[:port], or leave the option out for https://{DEFAULT_HOST}"
        )
    url = url.strip()
    try:
        parts = urlsplit(url if "://" in url else f"https://{url}")
    except ValueError as err:
        raise ConfigError(f"--endpoint {url!r}: not a valid URL ({err}); give scheme://host[:port]") from None
    if parts.username is not None or parts.password is not None:  # never echo it: it may hold a password
        raise ConfigError(
            "--endpoint: a user or password in the URL is not allowed (requests would send it "
            "instead of the signed Authorization); give scheme://host[:port] only"
        )
    if parts.scheme not in ("http", "https"):
        raise ConfigError(f"--endpoint {url!r}: the scheme must be http or https")
    if not parts.hostname:
        raise ConfigError(f"--endpoint {url!r}: no host")
    if not _HOST.fullmatch(parts.hostname) and not parts.netloc.startswith("["):
        raise ConfigError(
            f"--endpoint {url!r}: {parts.hostname!r} is not a valid host name (letters, digits, "
            "'-', '_' and '.'; or an IP address)"
        )
    if parts.path not in ("", "/") or parts.query or parts.fragment:
        raise ConfigError(f"--endpoint {url!r}: give scheme, host and port only (the API path is always /)")
    try:
        port = parts.port
    except ValueError:
        port = 0
    if port == 0:  # urlsplit accepts ":0", which the SDK would silently replace by the scheme's default port
        raise ConfigError(f"--endpoint {url!r}: the port is not a number in 1..65535") from None
    return parts.scheme, parts.netloc
