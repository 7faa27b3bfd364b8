"""The validator pack of cloud recording: CreateCloudRecording and ModifyCloudRecording bodies against the
recording's own limits.

Besides the ranges and enums of the field facts (:mod:`layout_studio.model.recording`,
:mod:`layout_studio.model.recording_layout`): at most 25 windows and 25 watermarks, Width x Height at most
1920 x 1080, windows and image watermarks inside the canvas, the image URL rules (http(s), ending with .jpg, .jpeg
or .png, only ``0-9 a-z A-Z - . _ ~ : / ? # [ ] @ ! & ( ) * + , % =``), complete encodings, an allowlist or a
blocklist (not both, at most 32 UserIds each), an integer RoomId of digits within 32 bits, the API region, and —
when the body is about to be sent — the required fields.
"""

from __future__ import annotations

from ..findings import Severity
from ..model.recording import (
    AudioParams,
    CreateCloudRecordingRequest,
    ModifyCloudRecordingRequest,
    SubscribeStreamUserIds,
    VideoParams,
)
from ..model.recording_layout import MixLayoutParams, WaterMarkImage
from ..sources import api, sdk
from .convert import URL_CHARS_RECORDING
from .pack import Hits, Pack, PackContext, pack_rule, url_hits

E, W = Severity.ERROR, Severity.WARNING
MAX_WINDOWS = 25
MAX_WATERMARKS = 25
MAX_AREA = 1920 * 1080
MAX_LIST = 32
REGIONS = ("ap-beijing", "ap-guangzhou", "ap-shanghai", "ap-singapore")
FORMATS = ("jpg", "jpeg", "png")
LAYOUT = "MixLayoutParams"


def _canvas(ctx: PackContext) -> tuple[int, int] | None:
    """(width, height) of a CreateCloudRecording body (its VideoParams, else the defaults 360 x 640), else the
    context's canvas (a ModifyCloudRecording body has none)."""
    root = ctx.root
    if isinstance(root, CreateCloudRecordingRequest):
        mt = root.mix_transcode_params
        vp = mt.video_params if mt is not None and mt.video_params is not None else VideoParams()
        return (vp.eff("width"), vp.eff("height"))
    return ctx.canvas


def _layouts(ctx: PackContext) -> list[tuple[str, MixLayoutParams]]:
    return ctx.of_type(MixLayoutParams)


@pack_rule("recording.windows.too-many", E, f"{sdk('MixLayoutParams.MixLayoutList')} (at most 25)")
def too_many_windows(ctx: PackContext) -> Hits:
    """At most 25 windows in MixLayoutList."""
    for path, params in _layouts(ctx):
        n = len(params.mix_layout_list or [])
        if n > MAX_WINDOWS:
            yield (
                f"{path}.MixLayoutList",
                f"{n} windows; the recording mixes at most {MAX_WINDOWS} — remove {n - MAX_WINDOWS}",
            )


@pack_rule("recording.watermarks.too-many", E, f"{sdk('MixLayoutParams.WaterMarkList')} (at most 25)")
def too_many_watermarks(ctx: PackContext) -> Hits:
    """At most 25 watermarks."""
    for path, params in _layouts(ctx):
        n = len(params.water_mark_list or [])
        if n > MAX_WATERMARKS:
            yield f"{path}.WaterMarkList", f"{n} watermarks; the recording takes at most {MAX_WATERMARKS}"


@pack_rule("recording.canvas.too-large", E, f"{sdk('VideoParams.Width')}/Height (Width x Height <= 1920 x 1080)")
def canvas_too_large(ctx: PackContext) -> Hits:
    """Width x Height at most 1920 x 1080 (each side at most 1920)."""
    canvas = _canvas(ctx)
    if canvas is not None and canvas[0] * canvas[1] > MAX_AREA:
        yield (
            "MixTranscodeParams.VideoParams",
            f"canvas {canvas[0]}x{canvas[1]} is {canvas[0] * canvas[1]} pixels; the recording takes at most "
            f"1920x1080 ({MAX_AREA}) — scale the design down (the studio's canvas resize scales the regions along)",
        )


@pack_rule("recording.window.outside-canvas", E, f"{sdk('MixLayout.Left')}/Top/Width/Height (within the canvas)")
def window_outside(ctx: PackContext) -> Hits:
    """Left + Width at most the canvas width, Top + Height at most its height."""
    canvas = _canvas(ctx)
    if canvas is None:
        return
    for path, params in _layouts(ctx):
        for i, win in enumerate(params.mix_layout_list or []):
            right, bottom = win.eff("left") + (win.width or 0), win.eff("top") + (win.height or 0)
            if right > canvas[0] or bottom > canvas[1]:
                yield (
                    f"{path}.MixLayoutList[{i}]",
                    f"window {i} reaches ({right}, {bottom}), outside the {canvas[0]}x{canvas[1]} canvas",
                )


@pack_rule("recording.watermark.outside-canvas", E, f"{sdk('WaterMarkImage.Left')}/Top/Width/Height")
def watermark_outside(ctx: PackContext) -> Hits:
    """An image watermark's Left + Width at most the canvas width, Top + Height at most its height."""
    canvas = _canvas(ctx)
    if canvas is None:
        return
    for path, image in ctx.of_type(WaterMarkImage):
        right, bottom = image.eff("left") + (image.width or 0), image.eff("top") + (image.height or 0)
        if right > canvas[0] or bottom > canvas[1]:
            yield path, f"the watermark reaches ({right}, {bottom}), outside the {canvas[0]}x{canvas[1]} canvas"


@pack_rule(
    "recording.image-url",
    E,
    f"{sdk('MixLayoutParams.BackgroundImageUrl')}, DefaultSubBackgroundImage; {sdk('MixLayout.SubBackgroundImage')}; "
    f"{sdk('WaterMarkImage.WaterMarkUrl')} (jpg/jpeg/png, the suffix required, the character set)",
)
def image_urls(ctx: PackContext) -> Hits:
    """Image URLs: http(s), ending with .jpg/.jpeg/.png, only the characters the recording allows."""
    items: list[tuple[str, str | None]] = []
    for path, params in _layouts(ctx):
        items += [(f"{path}.BackgroundImageUrl", params.background_image_url)]
        items += [(f"{path}.DefaultSubBackgroundImage", params.default_sub_background_image)]
        for i, win in enumerate(params.mix_layout_list or []):
            items.append((f"{path}.MixLayoutList[{i}].SubBackgroundImage", win.sub_background_image))
    items += [(f"{p}.WaterMarkUrl", image.water_mark_url) for p, image in ctx.of_type(WaterMarkImage)]
    yield from url_hits(items, FORMATS, chars=URL_CHARS_RECORDING)


@pack_rule("recording.encode.incomplete", E, f"{sdk('MixTranscodeParams')} (all fields, or none)")
def encode_incomplete(ctx: PackContext) -> Hits:
    """VideoParams needs all five fields, AudioParams all three (they have no defaults once given)."""
    for cls in (VideoParams, AudioParams):
        for path, part in ctx.of_type(cls):
            missing = [cls.api_name(a) for a in cls.model_fields if getattr(part, a) is None]
            if missing:
                yield path, f"{cls.__name__} is given without {', '.join(missing)}; give every field, or none"


@pack_rule("recording.subscribe.lists", E, f"{sdk('SubscribeStreamUserIds')} (not both lists; at most 32 UserIds)")
def subscribe_lists(ctx: PackContext) -> Hits:
    """An allowlist or a blocklist for audio (and for video), not both; at most 32 UserIds in each."""
    for path, ids in ctx.of_type(SubscribeStreamUserIds):
        for allow, block, what in (
            ("subscribe_audio_user_ids", "un_subscribe_audio_user_ids", "audio"),
            ("subscribe_video_user_ids", "un_subscribe_video_user_ids", "video"),
        ):
            if getattr(ids, allow) and getattr(ids, block):
                yield path, f"both an {what} allowlist and an {what} blocklist; the recording takes one of them"
        for attr in SubscribeStreamUserIds.model_fields:
            n = len(getattr(ids, attr) or [])
            if n > MAX_LIST:
                yield f"{path}.{SubscribeStreamUserIds.api_name(attr)}", f"{n} UserIds; at most {MAX_LIST}"


@pack_rule("recording.room-id.integer", E, f"{sdk('CreateCloudRecordingRequest.RoomIdType')} (1: 32-bit integer)")
def integer_room(ctx: PackContext) -> Hits:
    """With RoomIdType 1 (integer, the default) RoomId is a number of at most 32 bits."""
    root = ctx.root
    if not isinstance(root, CreateCloudRecordingRequest) or root.room_id is None:
        return
    if root.eff("room_id_type") == 1:
        room = root.room_id
        if not (room.isascii() and room.isdigit() and int(room) <= 0xFFFFFFFF):
            yield (
                "RoomId",
                f"RoomId {room[:40]!r} is not a 32-bit room number but RoomIdType is 1 (integer, the default); "
                "RoomIdType 0 names a string room here (the reverse of the mixing APIs)",
            )


@pack_rule("recording.region", W, f"{api('CreateCloudRecording', 'Region')}: {', '.join(REGIONS)}")
def region(ctx: PackContext) -> Hits:
    """CreateCloudRecording is offered in ap-beijing, ap-guangzhou, ap-shanghai and ap-singapore."""
    if ctx.region is not None and ctx.region not in REGIONS:
        yield "", f"region {ctx.region} does not offer cloud recording; use one of {', '.join(REGIONS)}"


#: The members of a CloudStorage the API requires (``Data Types CloudStorage``; ``SDK models.CloudStorage``).
CLOUD_STORAGE_REQUIRED = ("Vendor", "Region", "Bucket", "AccessKey", "SecretKey")


@pack_rule("recording.required", E, f"{api('CreateCloudRecording', 'required parameters')}")
def required(ctx: PackContext) -> Hits:
    """When sending: SdkAppId, RoomId, UserId, UserSig, RecordParams.RecordMode and StorageParams (one of
    CloudStorage and CloudVod) — or SdkAppId and TaskId for a ModifyCloudRecording body."""
    if not ctx.sending:
        return
    root = ctx.root
    if isinstance(root, ModifyCloudRecordingRequest):
        for name in ("SdkAppId", "TaskId"):
            if getattr(root, ModifyCloudRecordingRequest.api_names()[name]) is None:
                yield name, f"{name} is required"
        return
    if not isinstance(root, CreateCloudRecordingRequest):
        return
    for name, attr in CreateCloudRecordingRequest.api_names().items():
        if name in ("SdkAppId", "RoomId", "UserId", "UserSig", "RecordParams", "StorageParams"):
            if getattr(root, attr) is None:
                yield name, f"{name} is required"
    if root.record_params is not None and root.record_params.record_mode is None:
        yield "RecordParams.RecordMode", "RecordMode is required (2: mixed-stream recording)"
    storage = root.storage_params
    if storage is not None and (storage.cloud_storage is None) == (storage.cloud_vod is None):
        yield "StorageParams", "give exactly one of CloudStorage and CloudVod"
    cloud = storage.cloud_storage if storage is not None else None
    if cloud is not None:  # Data Types CloudStorage: every member but FileNamePrefix is required
        for name in CLOUD_STORAGE_REQUIRED:
            if getattr(cloud, type(cloud).api_names()[name]) in (None, ""):
                yield f"StorageParams.CloudStorage.{name}", f"CloudStorage.{name} is required"


RULES = (
    too_many_windows,
    too_many_watermarks,
    canvas_too_large,
    window_outside,
    watermark_outside,
    image_urls,
    encode_incomplete,
    subscribe_lists,
    integer_room,
    region,
    required,
)
CREATE_PACK = Pack("recording", CreateCloudRecordingRequest, RULES)
MODIFY_PACK = Pack("recording", ModifyCloudRecordingRequest, RULES)
