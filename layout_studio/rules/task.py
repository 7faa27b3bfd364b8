"""Task rules of StartPublishCdnStream: required fields, WithTranscoding against mixing or single-stream relay,
destinations (CDN URLs, feedback rooms) and their counts, the robot (AgentParams), VideoEncode completeness.

Rules that need a target (required fields, a destination) run for ``action="start"`` only; a preset validated
without an action gets design checks only. Sources: SDK models.StartPublishCdnStreamRequest, AgentParams,
McuPublishCdnParam, McuFeedBackRoomParams; API StartPublishCdnStream (input parameters, usage notes); Data Types
AgentParams, McuPublishCdnParam, McuFeedBackRoomParams, VideoEncode.
"""

from __future__ import annotations

from ..api_regions import API_REGIONS, expected_api_regions
from ..findings import Severity
from ..model import VideoEncode
from .registry import Hits, Report, RuleContext, fixes, rule

E, W, INFO = Severity.ERROR, Severity.WARNING, Severity.INFO
SRC_START = "SDK models.StartPublishCdnStreamRequest; API StartPublishCdnStream (input parameters)"
SRC_REGION = "API StartPublishCdnStream (Region; usage notes: the SdkAppId's region)"
SRC_CDN = "SDK models.McuPublishCdnParam; Data Types McuPublishCdnParam"
SRC_FEEDBACK = "SDK models.McuFeedBackRoomParams; Data Types McuFeedBackRoomParams"
MAX_CDN = 10
MAX_FEEDBACK = 10


@rule("task.field.missing", E, SRC_START)
def start_fields(ctx: RuleContext) -> Hits:
    """StartPublishCdnStream needs SdkAppId, RoomId, RoomIdType and WithTranscoding (a preset may leave
    WithTranscoding out: ``layout-studio payload`` defaults it)."""
    if ctx.action != "start":
        return
    for attr, name, hint in (
        ("sdk_app_id", "SdkAppId", "the application's SDKAppID, e.g. 1400188366"),
        ("room_id", "RoomId", "the main room, a string even for integer rooms"),
        ("room_id_type", "RoomIdType", "0 integer room, 1 string room"),
        ("with_transcoding", "WithTranscoding", "1 to mix, 0 to relay one stream"),
    ):
        payload_default = ctx.kind == "preset" and attr == "with_transcoding"
        if ctx.get(attr) in (None, "") and not payload_default:  # an empty RoomId names no room
            yield name, f"{name} is required to start a task: {hint}"


@rule("task.agent.user-id-missing", E, "SDK models.AgentParams.UserId; Data Types AgentParams")
def agent_user_id(ctx: RuleContext) -> Hits:
    """AgentParams (the robot that joins the room) is required to start a task, and an AgentParams of a request
    body needs its UserId. A preset's Target is a partial target, like its SdkAppId and RoomId: its AgentParams
    (a MaxIdleTime alone, as an imported cloud recording gives) may leave the UserId to ``--agent-user-id`` and is
    checked with ``--action start``."""
    agent = ctx.get("agent_params")
    if agent is None:
        if ctx.action == "start":
            yield (
                "AgentParams",
                "AgentParams is required to start a task: {UserId} of the robot user the task puts in the room "
                "(unique, e.g. 'mcu_robot_<room>')",
            )
    elif not agent.user_id and (ctx.kind != "preset" or ctx.action == "start"):
        yield (
            "AgentParams.UserId",
            (
                "AgentParams.UserId is required: the robot user the task puts in the room "
                "(unique, e.g. 'mcu_robot_<room>')"
            ),
        )


@rule(
    "task.audio-params.missing",
    E,
    "SDK models.StartPublishCdnStreamRequest.AudioParams (required to start); API StartPublishCdnStream (AudioParams: "
    "'the audio encoding parameters ... required when you start a relay task')",
)
def audio_params_missing(ctx: RuleContext) -> Hits:
    """AudioParams with its AudioEncode is required to start a task (audio is always transcoded): an AudioParams
    without AudioEncode gives no encoding."""
    if ctx.action != "start":
        return
    if ctx.audio is None:
        yield (
            "AudioParams",
            "AudioParams is required to start a task; add AudioEncode (e.g. 48000 Hz, 2 channels, 64 kbps)",
        )
    elif ctx.audio.audio_encode is None:
        yield (
            "AudioParams",
            "AudioParams has no AudioEncode, which a start needs (audio is always transcoded); add AudioEncode "
            "(e.g. 48000 Hz, 2 channels, 64 kbps)",
        )


@rule(
    "task.destination.missing",
    E,
    "SDK models.StartPublishCdnStreamRequest.PublishCdnParams/FeedBackRoomParams (one of them is required)",
)
def destination_missing(ctx: RuleContext) -> Hits:
    """A task needs at least one destination: a CDN URL (PublishCdnParams) or a feedback room."""
    if ctx.action != "start":
        return
    if not ctx.get("publish_cdn_params") and not ctx.get("feed_back_room_params"):
        yield (
            "PublishCdnParams",
            (
                "no destination: give PublishCdnParams (an rtmp:// URL) or FeedBackRoomParams "
                "(a room to publish the mix into)"
            ),
        )


@rule(
    "task.cdn.too-many",
    E,
    "SDK models.StartPublishCdnStreamRequest.PublishCdnParams (at most 10); API StartPublishCdnStream",
)
def cdn_count(ctx: RuleContext) -> Hits:
    """At most 10 CDN URLs per task."""
    cdn = ctx.get("publish_cdn_params") or []
    if len(cdn) > MAX_CDN:
        yield f"PublishCdnParams[{MAX_CDN}]", f"{len(cdn)} CDN URLs; a task takes at most {MAX_CDN} — remove some"


@rule(
    "task.feedback.too-many",
    E,
    "SDK models.StartPublishCdnStreamRequest.FeedBackRoomParams (at most 10); API StartPublishCdnStream",
)
def feedback_count(ctx: RuleContext) -> Hits:
    """At most 10 feedback rooms per task."""
    rooms = ctx.get("feed_back_room_params") or []
    if len(rooms) > MAX_FEEDBACK:
        yield (
            f"FeedBackRoomParams[{MAX_FEEDBACK}]",
            f"{len(rooms)} feedback rooms; a task takes at most {MAX_FEEDBACK} — remove some",
        )


@rule(
    "task.with-transcoding.mixing",
    E,
    "SDK models.StartPublishCdnStreamRequest.WithTranscoding ('mixing must "
    "transcode: set 1'); API StartPublishCdnStream",
)
def transcoding_for_mixing(ctx: RuleContext) -> Hits:
    """Mixing (a layout, or no SingleSubscribeParams to relay) needs WithTranscoding 1."""
    if ctx.transcoding != 0:
        return
    if ctx.layout is not None:
        yield Report(
            "WithTranscoding",
            "WithTranscoding is 0 but VideoParams.LayoutParams describes a mix; mixing must "
            "transcode — set WithTranscoding 1",
            fixes({"WithTranscoding": 1}),
        )
    elif ctx.action == "start" and ctx.get("single_subscribe_params") is None:
        yield Report(
            "WithTranscoding",
            "WithTranscoding is 0 (single-stream relay) but SingleSubscribeParams is absent; "
            "name the user to relay, or set WithTranscoding 1 to mix",
            fixes({"WithTranscoding": 1}),
        )


@rule(
    "task.with-transcoding.single",
    E,
    "SDK models.StartPublishCdnStreamRequest.SingleSubscribeParams "
    "('WithTranscoding must be 0'); API UpdatePublishCdnStream",
)
def transcoding_for_single(ctx: RuleContext) -> Hits:
    """SingleSubscribeParams (relay one stream as it is) needs WithTranscoding 0."""
    if ctx.get("single_subscribe_params") is not None and ctx.transcoding == 1:
        yield Report(
            "WithTranscoding",
            "SingleSubscribeParams relays one stream without transcoding; set WithTranscoding 0, or drop "
            "SingleSubscribeParams to mix",
            fixes({"WithTranscoding": 0}),
        )


@rule(
    "task.single-subscribe.user-missing",
    E,
    "Data Types SingleSubscribeParams (UserMediaStream required), MixUserInfo (UserId required)",
)
def single_user(ctx: RuleContext) -> Hits:
    """SingleSubscribeParams must name the user whose stream is relayed."""
    single = ctx.get("single_subscribe_params")
    if single is None:
        return
    ums = single.user_media_stream
    if ums is None:
        path = "SingleSubscribeParams.UserMediaStream"
    elif ums.user_info is None:
        path = "SingleSubscribeParams.UserMediaStream.UserInfo"
    elif not ums.user_info.user_id:
        path = "SingleSubscribeParams.UserMediaStream.UserInfo.UserId"
    else:
        return
    yield path, "SingleSubscribeParams needs UserMediaStream.UserInfo.UserId: the user whose stream is relayed"


@rule(
    "video.encode.missing",
    E,
    "Data Types VideoEncode ('required if audio and video are relayed'); SDK models.VideoEncode",
)
def encode_missing(ctx: RuleContext) -> Hits:
    """Starting a task with VideoParams needs VideoEncode (the canvas and bit rate)."""
    if ctx.action == "start" and ctx.video is not None and ctx.video.video_encode is None:
        yield (
            "VideoParams.VideoEncode",
            (
                "VideoEncode is required for video output: Width, Height (pixels), Fps, "
                "BitRate (kbps), Gop (s); or drop VideoParams for audio only"
            ),
        )


@rule(
    "video.encode.required",
    E,
    "SDK models.VideoEncode ('required for audio and video output'); Data Types VideoEncode",
)
def encode_required(ctx: RuleContext) -> Hits:
    """VideoEncode needs all of Width, Height, Fps, BitRate and Gop."""
    for path, ve in ctx.of_type(VideoEncode):
        for attr, name, hint in (
            ("width", "Width", "pixels, e.g. 1280"),
            ("height", "Height", "pixels, e.g. 720"),
            ("fps", "Fps", "1..60, e.g. 15"),
            ("bit_rate", "BitRate", "kbps, e.g. 1536"),
            ("gop", "Gop", "seconds 1..5, e.g. 2"),
        ):
            if getattr(ve, attr) is None:
                yield f"{path}.{name}", f"VideoEncode.{name} is required ({hint})"


@rule("cdn.url.missing", E, SRC_CDN)
def cdn_url_missing(ctx: RuleContext) -> Hits:
    """Each PublishCdnParams entry needs PublishCdnUrl."""
    for i, cdn in enumerate(ctx.get("publish_cdn_params") or []):
        if not cdn.publish_cdn_url:
            yield f"PublishCdnParams[{i}].PublishCdnUrl", "PublishCdnUrl is required: the rtmp:// push URL"


@rule("cdn.url.rtmp-only", E, "SDK models.McuPublishCdnParam.PublishCdnUrl ('rtmp links only')")
def cdn_rtmp(ctx: RuleContext) -> Hits:
    """CDN URLs must be rtmp:// links."""
    for i, cdn in enumerate(ctx.get("publish_cdn_params") or []):
        url = cdn.publish_cdn_url
        if url and not url.lower().startswith("rtmp://"):
            scheme = url.split("://", 1)[0] if "://" in url else "no scheme"
            yield (
                f"PublishCdnParams[{i}].PublishCdnUrl",
                f"PublishCdnUrl uses {scheme}; only rtmp:// URLs are supported — use the CDN's rtmp push address",
            )


@rule("cdn.url.duplicate", W, "Layout Studio heuristic; SDK models.McuPublishCdnParam")
def cdn_duplicate(ctx: RuleContext) -> Hits:
    """The same CDN URL twice pushes the same stream twice."""
    seen: set[str] = set()
    for i, cdn in enumerate(ctx.get("publish_cdn_params") or []):
        if cdn.publish_cdn_url in seen:
            yield f"PublishCdnParams[{i}].PublishCdnUrl", "this PublishCdnUrl is listed twice; remove the repeat"
        if cdn.publish_cdn_url:
            seen.add(cdn.publish_cdn_url)


@rule(
    "cdn.is-tencent-cdn.implicit",
    INFO,
    "SDK models.McuPublishCdnParam.IsTencentCdn ('set it explicitly'); API StartPublishCdnStream",
)
def cdn_implicit(ctx: RuleContext) -> Hits:
    """IsTencentCdn defaults to 1; the docs recommend setting it explicitly to avoid unexpected relay fees."""
    for i, cdn in enumerate(ctx.get("publish_cdn_params") or []):
        if cdn.publish_cdn_url and cdn.is_tencent_cdn is None:
            yield Report(
                f"PublishCdnParams[{i}].IsTencentCdn",
                "IsTencentCdn is absent (default 1, Tencent CDN); set it "
                "explicitly — 0 relays to a third-party CDN and is billed",
                fixes({f"PublishCdnParams[{i}].IsTencentCdn": 1}, {f"PublishCdnParams[{i}].IsTencentCdn": 0}),
            )


@rule("feedback.field.missing", E, SRC_FEEDBACK)
def feedback_fields(ctx: RuleContext) -> Hits:
    """A feedback room needs RoomId, RoomIdType, UserId, and UserSig in a start or update body (the same type in both
    requests; presets never store it)."""
    needed = [("room_id", "RoomId"), ("room_id_type", "RoomIdType"), ("user_id", "UserId")]
    if ctx.kind != "preset" and ctx.action in ("start", "update"):
        needed.append(("user_sig", "UserSig"))
    for i, room in enumerate(ctx.get("feed_back_room_params") or []):
        for attr, name in needed:
            if getattr(room, attr) in (None, ""):
                yield f"FeedBackRoomParams[{i}].{name}", f"FeedBackRoomParams {name} is required; set it"


@rule("task.region.unsupported", E, SRC_REGION)
def region_unsupported(ctx: RuleContext) -> Hits:
    """A preset's Target.Region must be one the mixing APIs accept (ap-guangzhou, ap-hongkong, ap-singapore)."""
    if ctx.region is not None and ctx.region not in API_REGIONS:
        yield Report(
            "Region",
            f"Region {ctx.region!r} is not accepted by StartPublishCdnStream/UpdatePublishCdnStream; "
            f"use one of {', '.join(API_REGIONS)}",
            fixes(*({"Region": name} for name in API_REGIONS)),
        )


@rule("task.region.sdk-app-id", W, SRC_REGION)
def region_sdk_app_id(ctx: RuleContext) -> Hits:
    """The usage notes' SdkAppId rule: 1400… apps in ap-guangzhou/ap-hongkong, 200…/400… apps in ap-singapore."""
    expected = expected_api_regions(ctx.get("sdk_app_id"))
    if ctx.region in API_REGIONS and expected is not None and ctx.region not in expected:
        yield Report(
            "Region",
            f"SdkAppId {ctx.get('sdk_app_id')} is served from {' or '.join(expected)}, not "
            f"{ctx.region}; requests to the wrong region fail — set Region to {expected[0]}",
            fixes(*({"Region": name} for name in expected)),
        )
