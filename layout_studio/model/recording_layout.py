"""Layout types of cloud recording (CreateCloudRecording, ModifyCloudRecording): MixLayoutParams, MixLayout and the
watermarks (WaterMark, WaterMarkImage, WaterMarkChar, WaterMarkTimestamp).

They differ from the MCU's types of the same purpose (:mod:`layout_studio.model.layout`): other names
(Top/Left/Width/Height, ImageLayer, MediaId), other enums (RenderMode 0 stretch, 1 crop; MixLayoutMode default 3
grid), a colour written ``#RRGGBB``, a layout-wide placeholder switch (PlaceHolderMode) and a reversed audio-only
flag (PureAudioDisableLayout, a boolean). Sources: SDK models.MixLayoutParams, MixLayout, WaterMark, WaterMarkImage,
WaterMarkChar, WaterMarkTimestamp; Data Types MixLayoutParams, MixLayout, WaterMark, WaterMarkImage, WaterMarkChar,
WaterMarkTimestamp. Each field's facts (unit, values, range, default, source) are in its metadata.
"""

from __future__ import annotations

from typing import Annotated

from pydantic import StrictBool

from ..sources import data_type, sdk
from .base import ApiModel
from .facts import FieldFacts, Int, Str

#: Prose shared by the image URL fields of cloud recording (SDK models.MixLayoutParams.BackgroundImageUrl).
RECORDING_IMAGE_URL_FORM = (
    "a JPG/JPEG/PNG image (at most 2K resolution and 5 MB) whose URL ends with its format and is written with "
    "0-9 a-z A-Z - . _ ~ : / ? # [ ] @ ! & ( ) * + , % = only"
)
#: Colours of cloud recording: ``#RRGGBB`` (SDK models.MixLayoutParams.BackGroundColor, e.g. #FFA500 orange).
RECORDING_COLOR_FORM = "as #RRGGBB, e.g. #000000 black, #FFA500 orange"
RENDER_MODES = {
    0: "stretch",
    1: "crop (default)",
    2: "fit showing the window background",
    3: "smart stretch (crop at most 20 %)",
}


def _src(field: str) -> str:
    """``SDK models.<Type.Field>; Data Types <Type>``."""
    return f"{sdk(field)}; {data_type(field.split('.')[0])}"


class MixLayout(ApiModel):
    """One window of a custom recording layout (MixLayoutMode 4): a user's picture in a box of the canvas given by
    Left, Top, Width and Height in canvas pixels."""

    top: Annotated[
        Int,
        FieldFacts(
            "Top edge of the window; at most the canvas height",
            unit="pixels",
            low=0,
            high=1920,
            rule="recording.window.top-range",
            source=_src("MixLayout.Top"),
        ),
    ] = None
    left: Annotated[
        Int,
        FieldFacts(
            "Left edge of the window; at most the canvas width",
            unit="pixels",
            low=0,
            high=1920,
            rule="recording.window.left-range",
            source=_src("MixLayout.Left"),
        ),
    ] = None
    width: Annotated[
        Int,
        FieldFacts(
            "Width of the window; Left + Width at most the canvas width",
            unit="pixels",
            low=0,
            high=1920,
            rule="recording.window.width-range",
            source=_src("MixLayout.Width"),
        ),
    ] = None
    height: Annotated[
        Int,
        FieldFacts(
            "Height of the window; Top + Height at most the canvas height",
            unit="pixels",
            low=0,
            high=1920,
            rule="recording.window.height-range",
            source=_src("MixLayout.Height"),
        ),
    ] = None
    user_id: Annotated[
        Str, FieldFacts("UserId of the anchor shown in the window; absent: anchors in order of entering the room")
    ] = None
    alpha: Annotated[
        Int,
        FieldFacts(
            "Transparency of the window: 0 opaque, 255 fully transparent",
            low=0,
            high=255,
            default=0,
            rule="recording.window.alpha-range",
            source=_src("MixLayout.Alpha"),
        ),
    ] = None
    render_mode: Annotated[
        Int,
        FieldFacts(
            "How the picture (and the placeholder) fills the window",
            values=RENDER_MODES,
            labels={2: "fit", 3: "smart"},
            default=1,
            rule="recording.window.render-mode",
            source=_src("MixLayout.RenderMode"),
        ),
    ] = None
    media_id: Annotated[
        Int,
        FieldFacts(
            "Which stream of the user",
            values={0: "main stream (default)", 1: "substream (screen sharing)"},
            labels={0: "main", 1: "sub"},
            default=0,
            rule="recording.window.media-id",
            source=_src("MixLayout.MediaId"),
        ),
    ] = None
    image_layer: Annotated[Int, FieldFacts("Layer of the window: smaller is further back", default=0)] = None
    sub_background_image: Annotated[
        Str, FieldFacts(f"Placeholder of the window (with PlaceHolderMode 1): {RECORDING_IMAGE_URL_FORM}")
    ] = None


class WaterMarkImage(ApiModel):
    """An image watermark: the image at WaterMarkUrl in the box Left, Top, Width, Height (canvas pixels)."""

    water_mark_url: Annotated[Str, FieldFacts(f"The watermark image: {RECORDING_IMAGE_URL_FORM}")] = None
    top: Annotated[
        Int,
        FieldFacts(
            "Top edge; at most the canvas height",
            unit="pixels",
            low=0,
            high=2560,
            rule="recording.watermark-image.top-range",
            source=_src("WaterMarkImage.Top"),
        ),
    ] = None
    left: Annotated[
        Int,
        FieldFacts(
            "Left edge; at most the canvas width",
            unit="pixels",
            low=0,
            high=2560,
            rule="recording.watermark-image.left-range",
            source=_src("WaterMarkImage.Left"),
        ),
    ] = None
    width: Annotated[
        Int,
        FieldFacts(
            "Drawn width; Left + Width at most the canvas width",
            unit="pixels",
            low=0,
            high=2560,
            rule="recording.watermark-image.width-range",
            source=_src("WaterMarkImage.Width"),
        ),
    ] = None
    height: Annotated[
        Int,
        FieldFacts(
            "Drawn height; Top + Height at most the canvas height",
            unit="pixels",
            low=0,
            high=2560,
            rule="recording.watermark-image.height-range",
            source=_src("WaterMarkImage.Height"),
        ),
    ] = None


class WaterMarkChar(ApiModel):
    """A text watermark: Chars in the box Left, Top, Width, Height (canvas pixels)."""

    top: Annotated[Int, FieldFacts("Top edge of the text box", unit="pixels")] = None
    left: Annotated[Int, FieldFacts("Left edge of the text box", unit="pixels")] = None
    width: Annotated[Int, FieldFacts("Width of the text box", unit="pixels")] = None
    height: Annotated[Int, FieldFacts("Height of the text box", unit="pixels")] = None
    chars: Annotated[Str, FieldFacts("The text")] = None
    font_size: Annotated[Int, FieldFacts("Font size", unit="pixels", default=14)] = None
    font_color: Annotated[
        Str,
        FieldFacts(
            f"Text colour (default white) {RECORDING_COLOR_FORM}",
            source="SDK models.WaterMarkChar.FontColor (no form given); Layout Studio assumption (the form of "
            "MixLayoutParams.BackGroundColor)",
        ),
    ] = None
    back_ground_color: Annotated[Str, FieldFacts("Colour of the text box; absent: transparent")] = None
    font: Annotated[Str, FieldFacts("Font: Tencent or SourceHanSans", default="Tencent")] = None


class WaterMarkTimestamp(ApiModel):
    """A timestamp watermark (no counterpart in the MCU)."""

    pos: Annotated[
        Int,
        FieldFacts(
            "Where the timestamp is drawn",
            values={
                0: "top left",
                1: "top right",
                2: "bottom left",
                3: "bottom right",
                4: "top centre",
                5: "bottom centre",
                6: "centre",
            },
            rule="recording.watermark-timestamp.pos",
            source=_src("WaterMarkTimestamp.Pos"),
        ),
    ] = None
    time_zone: Annotated[Int, FieldFacts("Time zone as an offset from UTC in hours", default=8)] = None
    font: Annotated[Str, FieldFacts("Font: Tencent or SourceHanSans", default="Tencent")] = None


class WaterMark(ApiModel):
    """One watermark of a recording: the image, text or timestamp part, as WaterMarkType says."""

    water_mark_type: Annotated[
        Int,
        FieldFacts(
            "Kind of watermark, which selects WaterMarkImage, WaterMarkChar or WaterMarkTimestamp",
            values={0: "image (default)", 1: "text", 2: "timestamp"},
            labels={},
            default=0,
            rule="recording.watermark.type",
            source=_src("WaterMark.WaterMarkType"),
        ),
    ] = None
    water_mark_image: Annotated[WaterMarkImage | None, FieldFacts("The image watermark (WaterMarkType 0)")] = None
    water_mark_char: Annotated[WaterMarkChar | None, FieldFacts("The text watermark (WaterMarkType 1)")] = None
    water_mark_timestamp: Annotated[
        WaterMarkTimestamp | None, FieldFacts("The timestamp watermark (WaterMarkType 2)")
    ] = None


class MixLayoutParams(ApiModel):
    """Layout of a mixed recording: a template (MixLayoutMode 1 to 3, the recording service places the users) or a
    custom layout (MixLayoutMode 4, the windows of MixLayoutList)."""

    mix_layout_mode: Annotated[
        Int,
        FieldFacts(
            "Layout template (1 to 3) or custom (4); up to 25 pictures, audio-only users take one unless "
            "PureAudioDisableLayout",
            values={1: "floating", 2: "screen sharing", 3: "grid (default)", 4: "custom (MixLayoutList)"},
            labels={1: "float", 2: "share"},
            default=3,
            rule="recording.layout.mix-layout-mode",
            source=_src("MixLayoutParams.MixLayoutMode"),
        ),
    ] = None
    mix_layout_list: Annotated[
        list[MixLayout] | None, FieldFacts("Custom layout (MixLayoutMode 4): the windows, at most 25")
    ] = None
    back_ground_color: Annotated[
        Str, FieldFacts(f"Canvas background colour {RECORDING_COLOR_FORM}", default="#000000")
    ] = None
    max_resolution_user_id: Annotated[
        Str, FieldFacts("Floating (1) and screen-sharing (2) templates: the UserId shown large")
    ] = None
    media_id: Annotated[
        Int,
        FieldFacts(
            "Which stream of MaxResolutionUserId is shown large",
            values={0: "main stream (default)", 1: "substream (screen sharing)"},
            labels={0: "main", 1: "sub"},
            default=0,
            rule="recording.layout.media-id",
            source=_src("MixLayoutParams.MediaId"),
        ),
    ] = None
    background_image_url: Annotated[Str, FieldFacts(f"Canvas background image: {RECORDING_IMAGE_URL_FORM}")] = None
    place_holder_mode: Annotated[
        Int,
        FieldFacts(
            "Whether a window whose user sends no video shows its placeholder (SubBackgroundImage)",
            values={0: "off (default)", 1: "on"},
            default=0,
            rule="recording.layout.place-holder-mode",
            source=_src("MixLayoutParams.PlaceHolderMode"),
        ),
    ] = None
    background_image_render_mode: Annotated[
        Int,
        FieldFacts(
            "How the canvas background image fills the canvas",
            values=RENDER_MODES,
            labels={2: "fit", 3: "smart"},
            default=1,
            rule="recording.layout.background-image-render-mode",
            source=_src("MixLayoutParams.BackgroundImageRenderMode"),
        ),
    ] = None
    default_sub_background_image: Annotated[
        Str, FieldFacts(f"Placeholder of every window without its own: {RECORDING_IMAGE_URL_FORM}")
    ] = None
    water_mark_list: Annotated[list[WaterMark] | None, FieldFacts("Watermarks, at most 25")] = None
    render_mode: Annotated[
        Int,
        FieldFacts(
            "Templates only: how each picture fills its place",
            values=RENDER_MODES,
            labels={2: "fit", 3: "smart"},
            default=1,
            rule="recording.layout.render-mode",
            source=_src("MixLayoutParams.RenderMode"),
        ),
    ] = None
    max_resolution_user_align: Annotated[
        Int,
        FieldFacts(
            "Screen-sharing template only: which side the large picture takes",
            values={0: "left (default)", 1: "right"},
            default=0,
            rule="recording.layout.max-resolution-user-align",
            source=_src("MixLayoutParams.MaxResolutionUserAlign"),
        ),
    ] = None
    pure_audio_disable_layout: Annotated[
        StrictBool | None,
        FieldFacts(
            "Templates only: true — audio-only users take no place; false (the default) — they take one "
            "(the reverse of McuLayoutParams.PureAudioHoldPlaceMode)",
            source="SDK models.MixLayoutParams.PureAudioDisableLayout (not on the Data Types page)",
        ),
    ] = None
