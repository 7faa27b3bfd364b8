"""Video of the mix: VideoEncode (the canvas), McuVideoParams, and the image and text watermarks.

Sources: Data Types VideoEncode, McuVideoParams, McuWaterMarkParams, McuWaterMarkImage, McuWaterMarkText, and the
newer SDK models (VideoEncode.Height up to 1920, DynamicPosType, McuWaterMarkText.ZOrder and Font). Each field's
facts (unit, values, range, default, source) are in its metadata.
"""

from __future__ import annotations

from typing import Annotated

from .base import ApiModel
from .facts import COLOR_FORM, IMAGE_URL_FORM, FieldFacts, Int, Str
from .layout import McuLayoutParams

_REQUIRED = "required for an audio-and-video output"
DYNAMIC_POS_TYPES = {0: "fixed (default)", 1: "random position every second", 2: "bounce every frame"}
DYNAMIC_POS_LABELS = {1: "random", 2: "bounce"}
Left = Annotated[Int, FieldFacts("Left edge on the canvas", unit="pixels", default=0, required=True)]
Top = Annotated[Int, FieldFacts("Top edge on the canvas", unit="pixels", default=0, required=True)]


class VideoEncode(ApiModel):
    """Output encoding and canvas size: all five fields are needed for an audio-and-video output."""

    width: Annotated[
        Int,
        FieldFacts(
            f"Canvas width; {_REQUIRED}",
            required=True,
            unit="pixels",
            low=0,
            high=1920,
            rule="video.encode.width-range",
            source="SDK models.VideoEncode.Width; Data Types VideoEncode",
        ),
    ] = None
    height: Annotated[
        Int,
        FieldFacts(
            f"Canvas height; {_REQUIRED} (the Data Types page says at most 1080, the SDK 1920)",
            required=True,
            unit="pixels",
            low=0,
            high=1920,
            rule="video.encode.height-range",
            source="SDK models.VideoEncode.Height [0,1920]; Data Types VideoEncode says [0,1080]",
        ),
    ] = None
    fps: Annotated[
        Int,
        FieldFacts(
            f"Output frame rate; {_REQUIRED} (the SDK says at least 1, the Data Types page 0)",
            required=True,
            unit="fps",
            low=0,
            high=60,
            rule="video.encode.fps-range",
            source="SDK models.VideoEncode.Fps [1,60]; Data Types VideoEncode says [0,60]",
        ),
    ] = None
    bit_rate: Annotated[
        Int,
        FieldFacts(
            f"Output video bit rate; {_REQUIRED} (the SDK says at least 1, the Data Types page 0)",
            required=True,
            unit="kbps",
            low=0,
            high=10000,
            rule="video.encode.bitrate-range",
            source="SDK models.VideoEncode.BitRate [1,10000]; Data Types VideoEncode says [0,10000]",
        ),
    ] = None
    gop: Annotated[
        Int,
        FieldFacts(
            f"Output key-frame interval; {_REQUIRED}",
            required=True,
            unit="seconds",
            low=1,
            high=5,
            rule="video.encode.gop-range",
            source="SDK models.VideoEncode.Gop; Data Types VideoEncode",
        ),
    ] = None


class McuWaterMarkImage(ApiModel):
    """An image watermark: the image at WaterMarkUrl drawn WaterMarkWidth x WaterMarkHeight at LocationX/LocationY,
    in canvas pixels."""

    water_mark_url: Annotated[Str, FieldFacts(f"The watermark image: {IMAGE_URL_FORM}", required=True)] = None
    water_mark_width: Annotated[Int, FieldFacts("Drawn width on the canvas", unit="pixels", required=True)] = None
    water_mark_height: Annotated[Int, FieldFacts("Drawn height on the canvas", unit="pixels", required=True)] = None
    location_x: Left = None
    location_y: Top = None
    z_order: Annotated[Int, FieldFacts("Stacking level; must be above the regions it covers to be seen", default=0)] = (
        None
    )
    dynamic_pos_type: Annotated[
        Int,
        FieldFacts(
            "How the watermark moves",
            values=DYNAMIC_POS_TYPES,
            labels=DYNAMIC_POS_LABELS,
            default=0,
            rule="watermark.image.dynamic-pos-type",
            source="SDK models.McuWaterMarkImage.DynamicPosType (not on the Data Types page)",
        ),
    ] = None


class McuWaterMarkText(ApiModel):
    """A text watermark: Text in a WaterMarkWidth x WaterMarkHeight box at LocationX/LocationY, in canvas pixels."""

    text: Annotated[Str, FieldFacts("The text", required=True)] = None
    water_mark_width: Annotated[
        Int, FieldFacts("Width of the text box on the canvas", unit="pixels", required=True)
    ] = None
    water_mark_height: Annotated[
        Int, FieldFacts("Height of the text box on the canvas", unit="pixels", required=True)
    ] = None
    location_x: Left = None
    location_y: Top = None
    font_size: Annotated[Int, FieldFacts("Font size", unit="pixels", required=True)] = None
    font_color: Annotated[Str, FieldFacts(f"Text colour {COLOR_FORM}", default="0xFFFFFF")] = None
    back_ground_color: Annotated[Str, FieldFacts(f"Colour of the text box {COLOR_FORM}; absent: transparent")] = None
    dynamic_pos_type: Annotated[
        Int,
        FieldFacts(
            "How the watermark moves",
            values=DYNAMIC_POS_TYPES,
            labels=DYNAMIC_POS_LABELS,
            default=0,
            rule="watermark.text.dynamic-pos-type",
            source="SDK models.McuWaterMarkText.DynamicPosType (not on the Data Types page)",
        ),
    ] = None
    z_order: Annotated[Int, FieldFacts("Stacking level", default=0)] = None
    font: Annotated[Str, FieldFacts("Font: Tencent or SourceHanSans", default="Tencent")] = None


class McuWaterMarkParams(ApiModel):
    """One watermark: the image or the text part, as WaterMarkType says."""

    water_mark_type: Annotated[
        Int,
        FieldFacts(
            "Kind of watermark, which selects WaterMarkImage or WaterMarkText",
            values={0: "image (default)", 1: "text"},
            labels={},
            default=0,
            rule="watermark.type",
            source="SDK models.McuWaterMarkParams.WaterMarkType; Data Types McuWaterMarkParams",
        ),
    ] = None
    water_mark_image: Annotated[McuWaterMarkImage | None, FieldFacts("The image watermark (WaterMarkType 0)")] = None
    water_mark_text: Annotated[McuWaterMarkText | None, FieldFacts("The text watermark (WaterMarkType 1)")] = None

    @property
    def body(self) -> McuWaterMarkImage | McuWaterMarkText | None:
        """The image or text part that WaterMarkType selects (None when it is missing)."""
        return self.water_mark_text if self.eff("water_mark_type") == 1 else self.water_mark_image


class McuVideoParams(ApiModel):
    """Video of the mix: encode (the canvas), layout, canvas background, watermarks."""

    video_encode: Annotated[VideoEncode | None, FieldFacts("Output encoding and the canvas size")] = None
    layout_params: Annotated[
        McuLayoutParams | None, FieldFacts("Layout of the mix: a dynamic template or a custom MixLayoutList")
    ] = None
    back_ground_color: Annotated[Str, FieldFacts(f"Canvas background colour {COLOR_FORM}", default="0x000000")] = None
    background_image_url: Annotated[
        Str, FieldFacts(f"Canvas background image, shown instead of BackGroundColor: {IMAGE_URL_FORM}")
    ] = None
    water_mark_list: Annotated[list[McuWaterMarkParams] | None, FieldFacts("Image and text watermarks")] = None
    background_render_mode: Annotated[
        Int,
        FieldFacts(
            "How the canvas background image fills the canvas",
            values={0: "crop", 1: "fit on black", 2: "stretch (default)"},
            labels={1: "fit"},
            default=2,
            rule="video.background-render-mode",
            source="SDK models.McuVideoParams.BackgroundRenderMode; Data Types McuVideoParams",
        ),
    ] = None

    @property
    def canvas(self) -> tuple[int, int] | None:
        """(width, height) of the canvas in pixels, or None when VideoEncode does not give both."""
        ve = self.video_encode
        if ve is None or ve.width is None or ve.height is None:
            return None
        return (ve.width, ve.height)
