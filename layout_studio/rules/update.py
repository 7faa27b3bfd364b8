"""UpdatePublishCdnStream rules: TaskId and SequenceNumber, what an update may not change (audio encoding, the
media type), and the stream restart a CDN URL change causes.

They run for ``action="update"`` (inferred from TaskId). For a preset checked with ``action="update"`` the fields
``layout-studio payload`` supplies or leaves out of an update (TaskId, SequenceNumber, a default WithTranscoding,
AudioEncode, the Target's CDN URLs) are not reported. Sources: SDK models.UpdatePublishCdnStreamRequest,
McuPublishCdnParam; API UpdatePublishCdnStream (input parameters); API StartPublishCdnStream (usage notes 3 to 6).
"""

from __future__ import annotations

from ..findings import Severity
from .registry import Hits, RuleContext, rule

E, W, INFO = Severity.ERROR, Severity.WARNING, Severity.INFO
SRC_UPDATE = "SDK models.UpdatePublishCdnStreamRequest; API UpdatePublishCdnStream (input parameters)"


@rule("update.task-id.missing", E, SRC_UPDATE)
def task_id(ctx: RuleContext) -> Hits:
    """An update needs the TaskId StartPublishCdnStream returned."""
    if ctx.action == "update" and ctx.kind != "preset" and not ctx.get("task_id"):
        yield "TaskId", "TaskId is required to update a task: the id StartPublishCdnStream returned (--task-id)"


@rule("update.sequence-number.missing", E, SRC_UPDATE + "; API StartPublishCdnStream (usage notes 6)")
def sequence_missing(ctx: RuleContext) -> Hits:
    """An update needs a SequenceNumber, increasing with every update of the task."""
    if ctx.action == "update" and ctx.kind != "preset" and ctx.get("sequence_number") is None:
        yield (
            "SequenceNumber",
            ("SequenceNumber is required: an integer larger than the previous update's (--sequence N)"),
        )


@rule(
    "update.sequence-number.range",
    W,
    "Layout Studio heuristic (a first update should use a positive number); "
    "API UpdatePublishCdnStream (SequenceNumber: 'increases each time')",
)
def sequence_range(ctx: RuleContext) -> Hits:
    """SequenceNumber should be positive (it only has to increase, but 0 or less leaves no room below)."""
    value = ctx.get("sequence_number")
    if ctx.action == "update" and value is not None and value <= 0:
        yield "SequenceNumber", f"SequenceNumber is {value}; use a positive number that grows with each update"


@rule("update.field.missing", E, SRC_UPDATE + " (SdkAppId, WithTranscoding required)")
def update_fields(ctx: RuleContext) -> Hits:
    """An update needs SdkAppId and WithTranscoding."""
    if ctx.action != "update":
        return
    for attr, name, hint in (
        ("sdk_app_id", "SdkAppId", "the application's SDKAppID"),
        ("with_transcoding", "WithTranscoding", "1 for a mixing task, 0 for a relay"),
    ):
        if ctx.get(attr) is None and not (ctx.kind == "preset" and attr == "with_transcoding"):
            yield name, f"{name} is required to update a task: {hint}"


@rule(
    "update.audio-encode.immutable",
    E,
    "SDK models.UpdatePublishCdnStreamRequest.AudioParams ('Codec, sample "
    "rate, bit rate and channels cannot be updated'); API "
    "StartPublishCdnStream (usage notes 4)",
)
def audio_encode_immutable(ctx: RuleContext) -> Hits:
    """AudioEncode cannot change on update: only the allow/block lists can."""
    if ctx.action == "update" and ctx.kind != "preset" and ctx.audio is not None and ctx.audio.audio_encode is not None:
        yield (
            "AudioParams.AudioEncode",
            "AudioEncode cannot change on update (codec, sample rate, bit rate and "
            "channels are fixed at start); remove it — only the audio lists update",
        )


@rule(
    "update.cdn-url.restarts",
    INFO,
    "SDK models.McuPublishCdnParam.PublishCdnUrl ('any URL change on update cuts and restarts the stream')",
)
def cdn_restarts(ctx: RuleContext) -> Hits:
    """Updating PublishCdnParams with any changed URL cuts and restarts that CDN stream."""
    if ctx.action == "update" and ctx.kind != "preset" and ctx.get("publish_cdn_params"):
        yield (
            "PublishCdnParams",
            "PublishCdnParams replaces the task's CDN URLs: any URL that differs from the "
            "running task's is cut and restarted (viewers see a break); keep URLs unchanged "
            "unless you mean it",
        )


@rule(
    "update.media-type.fixed",
    INFO,
    "API StartPublishCdnStream (usage notes 3 and 5: no switch between audio only, audio and video, video only)",
)
def media_type_fixed(ctx: RuleContext) -> Hits:
    """A task cannot switch between audio-only and audio-and-video: VideoParams only updates a task started
    with video."""
    if ctx.action == "update" and ctx.video is not None and ctx.video.video_encode is not None:
        yield (
            "VideoParams.VideoEncode",
            "VideoEncode can change resolution, Fps, BitRate and Gop, but a task "
            "started audio-only cannot switch to video (nor the reverse)",
        )


@rule(
    "update.video-params.relay",
    W,
    "API UpdatePublishCdnStream (VideoParams 'valid only if streams are "
    "transcoded', SingleSubscribeParams 'valid only if not transcoded')",
)
def params_for_mode(ctx: RuleContext) -> Hits:
    """On update, VideoParams only applies to transcoding tasks and SingleSubscribeParams to relays."""
    if ctx.action != "update":
        return
    if ctx.transcoding == 0 and ctx.video is not None:
        yield "VideoParams", "VideoParams is ignored when WithTranscoding is 0 (relay); it only updates mixing tasks"
