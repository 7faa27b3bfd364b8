"""The client SDKs' shapes: the same configs written as each platform's TRTCCloudDef spells them.

The export builds the canonical shape, npm ``trtc-electron-sdk`` 13.3.801 ``liteav/trtc_define.d.ts`` (checked
against that file; :mod:`layout_studio.model.client`), and :func:`shape` rewrites it for a platform:

* ``windows`` — the Electron shape itself: ``rect`` is a Rect ``{left, top, right, bottom}``, the mix users are
  ``mixUsersArray``; the Windows C++ TRTCCloudDef.h has the same fields plus ``…Size`` counts, which a JSON array
  does not need. Fields the Electron types lack (TRTCMixUser.soundLevel, TRTCTranscodingConfig.audioCodec and
  videoSeiParams) are not set for it by the targets (a loss finding says so).
* ``android`` — TRTCCloudDef.java (Tencent's reference documentation of the Android SDK): the rectangle is
  ``x``, ``y``, ``width``, ``height`` integers on the owning object; the mix users are ``mixUsers``.
* ``ios`` — TRTCCloudDef.h of the iOS SDK (Tencent's reference documentation): ``rect`` is a CGRect, written
  ``{origin: {x, y}, size: {width, height}}`` as the struct is; the mix users are ``mixUsers`` and TRTCMixUser's
  room is ``roomID``.

The Android and iOS shapes were checked against the documentation, not a local file.
"""

from __future__ import annotations

from typing import Any

from ..errors import LayoutStudioError

PLATFORMS = ("windows", "android", "ios")


def platform_of(given: str | None, target: str) -> str:
    """The platform asked for (default ``windows``, the shape checked against a type file); raises
    LayoutStudioError for another, pointing ``web`` at the web-cdn-streaming target."""
    platform = given or "windows"
    if platform == "web":
        raise LayoutStudioError(
            f"the Web SDK has no {target} config; export to web-cdn-streaming (the CDNStreaming plugin's options)"
        )
    if platform not in PLATFORMS:
        raise LayoutStudioError(f"platform {platform!r} is not one of {', '.join(PLATFORMS)} (or web)")
    return platform


def _rect(owner: dict[str, Any], platform: str) -> dict[str, Any]:
    rect = owner.get("rect")
    if "rect" not in owner or platform == "windows":
        return owner
    out = {k: v for k, v in owner.items() if k != "rect"}
    left, top = (rect or {}).get("left", 0), (rect or {}).get("top", 0)
    width = (rect or {}).get("right", left) - left
    height = (rect or {}).get("bottom", top) - top
    if platform == "android":
        return {"x": left, "y": top, "width": width, "height": height, **out}
    return {"rect": {"origin": {"x": left, "y": top}, "size": {"width": width, "height": height}}, **out}


def shape(value: Any, platform: str) -> Any:
    """``value`` (a canonical body, or part of one) in ``platform``'s shape (see the module docstring)."""
    if isinstance(value, list):
        return [shape(v, platform) for v in value]
    if not isinstance(value, dict):
        return value
    out: dict[str, Any] = {}
    for key, item in _rect(value, platform).items():
        if key == "mixUsersArray" and platform != "windows":
            out["mixUsers"] = [_mix_user(u, platform) for u in item]
        else:
            out[key] = shape(item, platform)
    return out


def _mix_user(user: dict[str, Any], platform: str) -> dict[str, Any]:
    shaped: dict[str, Any] = shape(user, platform)
    if platform == "ios" and "roomId" in shaped:
        shaped = {("roomID" if k == "roomId" else k): v for k, v in shaped.items()}
    return shaped
