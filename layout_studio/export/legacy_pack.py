"""The validator pack of the legacy MCU API: StartMCUMixTranscode(ByStrRoomId) bodies against its own limits.

Besides the ranges and enums of the field facts (:mod:`layout_studio.model.legacy`: VideoHeight at most 1080,
VideoBitrate 1..10000 kbps, VideoFramerate 1..60, VideoGop 1..5, the Template, RenderMode and MixInputType codes):
places inside the output size, image URLs (http(s); png, jpg, jpeg or bmp; at most 512 bytes), a StreamId of at
most 64 bytes, at most 16 places (and MixVideoUids), an integer room within 32 bits, and — when the body is about
to be sent — the required fields (SdkAppId, the room, OutputParams.StreamId, the audio encoding, the Template, and
the video encoding unless the output is audio only).
"""

from __future__ import annotations

from ..findings import Severity
from ..model.legacy import (
    EncodeParams,
    LayoutParams,
    OutputParams,
    StartMCUMixTranscodeByStrRoomIdRequest,
    StartMCUMixTranscodeRequest,
    WaterMarkParams,
)
from ..sources import sdk
from .convert import URL_CHARS_ANY
from .pack import Hits, Pack, PackContext, pack_rule, url_hits

E = Severity.ERROR
MAX_PLACES = 16
FORMATS = ("png", "jpg", "jpeg", "bmp")


def _encode(ctx: PackContext) -> EncodeParams | None:
    encode = getattr(ctx.root, "encode_params", None)
    return encode if isinstance(encode, EncodeParams) else None


@pack_rule("mcu-legacy.place.outside-canvas", E, f"{sdk('PresetLayoutConfig.LocationX')}/LocationY (within the output)")
def place_outside(ctx: PackContext) -> Hits:
    """LocationX + ImageWidth at most VideoWidth, LocationY + ImageHeight at most VideoHeight; the watermark too."""
    encode = _encode(ctx)
    if encode is None or encode.video_width is None or encode.video_height is None:
        return
    size = (encode.video_width, encode.video_height)
    for path, layout in ctx.of_type(LayoutParams):
        for i, place in enumerate(layout.preset_layout_config or []):
            right = place.eff("location_x") + place.eff("image_width")
            bottom = place.eff("location_y") + place.eff("image_height")
            if right > size[0] or bottom > size[1]:
                yield (
                    f"{path}.PresetLayoutConfig[{i}]",
                    f"place {i} reaches ({right}, {bottom}), outside the {size[0]}x{size[1]} output",
                )
    for path, mark in ctx.of_type(WaterMarkParams):
        right = (mark.location_x or 0) + (mark.water_mark_width or 0)
        bottom = (mark.location_y or 0) + (mark.water_mark_height or 0)
        if right > size[0] or bottom > size[1]:
            yield path, f"the watermark reaches ({right}, {bottom}), outside the {size[0]}x{size[1]} output"


@pack_rule(
    "mcu-legacy.image-url",
    E,
    f"{sdk('EncodeParams.BackgroundImageUrl')}, {sdk('WaterMarkParams.WaterMarkUrl')} (png/jpg/jpeg/bmp, 512 bytes)",
)
def image_urls(ctx: PackContext) -> Hits:
    """Image URLs: http(s), ending with .png/.jpg/.jpeg/.bmp, at most 512 bytes."""
    items: list[tuple[str, str | None]] = []
    items += [(f"{p}.BackgroundImageUrl", e.background_image_url) for p, e in ctx.of_type(EncodeParams)]
    items += [(f"{p}.WaterMarkUrl", w.water_mark_url) for p, w in ctx.of_type(WaterMarkParams)]
    yield from url_hits(items, FORMATS, chars=URL_CHARS_ANY, max_bytes=512)


@pack_rule("mcu-legacy.stream-id.length", E, f"{sdk('OutputParams.StreamId')} (at most 64 bytes)")
def stream_id_length(ctx: PackContext) -> Hits:
    """StreamId is at most 64 bytes."""
    for path, output in ctx.of_type(OutputParams):
        if output.stream_id is not None and len(output.stream_id.encode("utf-8")) > 64:
            yield f"{path}.StreamId", f"StreamId is {len(output.stream_id.encode('utf-8'))} bytes; at most 64"


@pack_rule("mcu-legacy.places.too-many", E, f"{sdk('LayoutParams.MixVideoUids')} (at most 16 users)")
def too_many_places(ctx: PackContext) -> Hits:
    """At most 16 places (PresetLayoutConfig) and 16 MixVideoUids: the MCU mixes 16 inputs."""
    for path, layout in ctx.of_type(LayoutParams):
        for name, items in (
            ("PresetLayoutConfig", layout.preset_layout_config),
            ("MixVideoUids", layout.mix_video_uids),
        ):
            if items is not None and len(items) > MAX_PLACES:
                yield f"{path}.{name}", f"{len(items)} entries; the legacy mix takes at most {MAX_PLACES}"


@pack_rule("mcu-legacy.room-id.range", E, f"{sdk('StartMCUMixTranscodeRequest.RoomId')} (an integer room)")
def room_range(ctx: PackContext) -> Hits:
    """An integer room is 1..4294967295."""
    root = ctx.root
    if isinstance(root, StartMCUMixTranscodeRequest) and root.room_id is not None:
        if not 1 <= root.room_id <= 0xFFFFFFFF:
            yield "RoomId", f"RoomId {root.room_id} is not a 32-bit room number; a string room needs ByStrRoomId"


@pack_rule("mcu-legacy.required", E, f"{sdk('StartMCUMixTranscodeRequest')}; {sdk('EncodeParams')}")
def required(ctx: PackContext) -> Hits:
    """When sending: SdkAppId, the room, OutputParams.StreamId, the audio encoding, the Template, and the video
    encoding unless PureAudioStream is 1."""
    if not ctx.sending:
        return
    root = ctx.root
    if not isinstance(root, (StartMCUMixTranscodeRequest, StartMCUMixTranscodeByStrRoomIdRequest)):
        return
    room = "StrRoomId" if isinstance(root, StartMCUMixTranscodeByStrRoomIdRequest) else "RoomId"
    checks = [
        ("SdkAppId", root.sdk_app_id),
        (room, getattr(root, "str_room_id", None) if room == "StrRoomId" else getattr(root, "room_id", None)),
        ("OutputParams.StreamId", root.output_params.stream_id if root.output_params else None),
        ("LayoutParams.Template", root.layout_params.template if root.layout_params else None),
    ]
    encode = root.encode_params or EncodeParams()
    fields = ["AudioSampleRate", "AudioBitrate", "AudioChannels"]
    if not (root.output_params and root.output_params.pure_audio_stream == 1):
        fields += ["VideoWidth", "VideoHeight", "VideoBitrate", "VideoFramerate", "VideoGop"]
    checks += [(f"EncodeParams.{name}", getattr(encode, EncodeParams.api_names()[name])) for name in fields]
    for path, value in checks:
        if value is None:
            yield path, f"{path} is required"


RULES = (place_outside, image_urls, stream_id_length, too_many_places, room_range, required)
INT_PACK = Pack("mcu-legacy", StartMCUMixTranscodeRequest, RULES)
BY_STR_PACK = Pack("mcu-legacy", StartMCUMixTranscodeByStrRoomIdRequest, RULES)
