"""Video of the mix: VideoEncode (the canvas), McuVideoParams, and the image and text watermarks.

Sources: manual ``001`` Data Types (VideoEncode, McuVideoParams, McuWaterMarkParams, McuWaterMarkImage,
McuWaterMarkText) and the newer SDK docstrings (Height up to 1920, DynamicPosType, text ZOrder, Font).
"""

from __future__ import annotations

from typing import ClassVar

from pydantic import StrictInt, StrictStr

from .base import ApiModel
from .layout import McuLayoutParams


class VideoEncode(ApiModel):
    """Output encoding and canvas size.

    Width, Height: canvas in pixels, 0..1920 (SDK; the manual says Height 0..1080). Fps: 1..60 frames per second.
    BitRate: 1..10000 kbps. Gop: 1..5 seconds. All five are required for an audio-and-video output.
    """

    width: StrictInt | None = None
    height: StrictInt | None = None
    fps: StrictInt | None = None
    bit_rate: StrictInt | None = None
    gop: StrictInt | None = None


class McuWaterMarkImage(ApiModel):
    """An image watermark: PNG/JPEG at WaterMarkUrl, drawn WaterMarkWidth x WaterMarkHeight at LocationX/LocationY.

    Pixels on the canvas; image at most 2K resolution and 5 MB. ZOrder default 0. DynamicPosType 0 fixed
    (default), 1 random position every second, 2 bouncing along the edges every frame.
    """

    api_defaults: ClassVar = {"z_order": 0, "dynamic_pos_type": 0, "location_x": 0, "location_y": 0}
    water_mark_url: StrictStr | None = None
    water_mark_width: StrictInt | None = None
    water_mark_height: StrictInt | None = None
    location_x: StrictInt | None = None
    location_y: StrictInt | None = None
    z_order: StrictInt | None = None
    dynamic_pos_type: StrictInt | None = None


class McuWaterMarkText(ApiModel):
    """A text watermark: Text in a WaterMarkWidth x WaterMarkHeight box at LocationX/LocationY (pixels).

    FontSize in pixels; FontColor (default white) and BackGroundColor (default transparent) as ``0xRRGGBB``;
    Font ``Tencent`` (default) or ``SourceHanSans``; ZOrder default 0; DynamicPosType as for images.
    """

    api_defaults: ClassVar = {
        "z_order": 0,
        "dynamic_pos_type": 0,
        "font_color": "0xFFFFFF",
        "font": "Tencent",
        "location_x": 0,
        "location_y": 0,
    }
    text: StrictStr | None = None
    water_mark_width: StrictInt | None = None
    water_mark_height: StrictInt | None = None
    location_x: StrictInt | None = None
    location_y: StrictInt | None = None
    font_size: StrictInt | None = None
    font_color: StrictStr | None = None
    back_ground_color: StrictStr | None = None
    dynamic_pos_type: StrictInt | None = None
    z_order: StrictInt | None = None
    font: StrictStr | None = None


class McuWaterMarkParams(ApiModel):
    """One watermark: WaterMarkType 0 image (default, WaterMarkImage) or 1 text (WaterMarkText)."""

    api_defaults: ClassVar = {"water_mark_type": 0}
    water_mark_type: StrictInt | None = None
    water_mark_image: McuWaterMarkImage | None = None
    water_mark_text: McuWaterMarkText | None = None

    @property
    def body(self) -> McuWaterMarkImage | McuWaterMarkText | None:
        """The image or text part that WaterMarkType selects (None when it is missing)."""
        return self.water_mark_text if self.eff("water_mark_type") == 1 else self.water_mark_image


class McuVideoParams(ApiModel):
    """Video of the mix: encode (canvas), layout, canvas background, watermarks.

    BackGroundColor ``0xRRGGBB``; BackgroundImageUrl (PNG/JPEG, at most 2K and 5 MB) wins over the colour;
    BackgroundRenderMode 0 crop, 1 fit on black, 2 stretch (the default).
    """

    api_defaults: ClassVar = {"back_ground_color": "0x000000", "background_render_mode": 2}
    video_encode: VideoEncode | None = None
    layout_params: McuLayoutParams | None = None
    back_ground_color: StrictStr | None = None
    background_image_url: StrictStr | None = None
    water_mark_list: list[McuWaterMarkParams] | None = None
    background_render_mode: StrictInt | None = None

    @property
    def canvas(self) -> tuple[int, int] | None:
        """(width, height) of the canvas in pixels, or None when VideoEncode does not give both."""
        ve = self.video_encode
        if ve is None or ve.width is None or ve.height is None:
            return None
        return (ve.width, ve.height)
