"""Region types of a custom (MixLayoutMode 4) or dynamic mix layout: McuLayoutParams, McuLayout and their parts.

Sources: manual ``001`` Data Types (McuLayout, McuLayoutParams, McuCustomCrop, UserMediaStream, MixUserInfo,
MaxVideoUser) and the newer SDK docstrings (TransparentUrl, BackgroundCustomRender, BackGroundColorMode,
EnableStreamSEI, McuBackgroundCustomRender). All offsets and sizes are pixels on the output canvas, unless said.
"""

from __future__ import annotations

from typing import ClassVar

from pydantic import Field, StrictInt, StrictStr

from .base import ApiModel


class MixUserInfo(ApiModel):
    """A TRTC user: UserId, RoomId (a string even for integer rooms), RoomIdType (0 integer room, 1 string room).

    RoomId defaults to the main room; in dynamic layouts it must equal the main room.
    """

    user_id: StrictStr | None = None
    room_id: StrictStr | None = None
    room_id_type: StrictInt | None = None


class UserMediaStream(ApiModel):
    """A user's stream: UserInfo and StreamType (0 camera, the default; 1 screen sharing)."""

    api_defaults: ClassVar = {"stream_type": 0}
    user_info: MixUserInfo | None = None
    stream_type: StrictInt | None = None


class McuCustomCrop(ApiModel):
    """Crop of the source frame before it is scaled into the region, in source pixels.

    LocationX/LocationY >= 0; Width/Height > 0; LocationX+Width and LocationY+Height at most 10000 (SDK).
    """

    location_x: StrictInt | None = None
    location_y: StrictInt | None = None
    width: StrictInt | None = None
    height: StrictInt | None = None


class McuBackgroundCustomRender(ApiModel):
    """Placeholder image size and corner radius for BackgroundRenderMode 4, in pixels (SDK only).

    0 < Width <= region ImageWidth, 0 < Height <= region ImageHeight, 0 <= Radius <= min(Width, Height) / 2.
    """

    api_defaults: ClassVar = {"radius": 0}
    width: StrictInt | None = None
    height: StrictInt | None = None
    radius: StrictInt | None = None


class McuLayout(ApiModel):
    """One region of a custom layout (an entry of MixLayoutList).

    Geometry: LocationX/LocationY/ImageWidth/ImageHeight in canvas pixels (default 0); LocationX+ImageWidth must not
    exceed the canvas width, LocationY+ImageHeight the height. ZOrder: stacking level (default 0, higher on top).
    RenderMode: 0 crop to fill (default), 1 fit showing the region background, 2 fit on black.
    UserMediaStream: the user shown; absent means "next user by order of entering the room".
    BackgroundImageUrl: placeholder when the user is absent or audio-only; BackgroundRenderMode 0 crop, 1 fit with
    background, 2 fit on black, 3 stretch (default), 4 custom (needs BackgroundCustomRender).
    BackGroundColor is documented as not supported; BackGroundColorMode bit0/bit1 enable it for placeholder/stream
    scaling. TransparentUrl: PNG whose alpha masks the region (RenderMode 0 only). EnableStreamSEI 0/1 (default 1).
    """

    api_defaults: ClassVar = {
        "image_width": 0,
        "image_height": 0,
        "location_x": 0,
        "location_y": 0,
        "z_order": 0,
        "render_mode": 0,
        "background_render_mode": 3,
        "back_ground_color_mode": 0,
        "enable_stream_sei": 1,
    }
    user_media_stream: UserMediaStream | None = None
    image_width: StrictInt | None = None
    image_height: StrictInt | None = None
    location_x: StrictInt | None = None
    location_y: StrictInt | None = None
    z_order: StrictInt | None = None
    render_mode: StrictInt | None = None
    back_ground_color: StrictStr | None = None
    background_image_url: StrictStr | None = None
    custom_crop: McuCustomCrop | None = None
    background_render_mode: StrictInt | None = None
    transparent_url: StrictStr | None = None
    background_custom_render: McuBackgroundCustomRender | None = None
    back_ground_color_mode: StrictInt | None = None
    enable_stream_sei: StrictInt | None = Field(default=None, alias="EnableStreamSEI")

    @property
    def user_id(self) -> str | None:
        """The UserId this region is reserved for, or None for an unnamed (auto-filled) slot."""
        ums = self.user_media_stream
        return ums.user_info.user_id if ums and ums.user_info else None

    @property
    def box(self) -> tuple[int, int, int, int]:
        """(x, y, width, height) in canvas pixels, documented defaults applied."""
        return (self.eff("location_x"), self.eff("location_y"), self.eff("image_width"), self.eff("image_height"))


class MaxVideoUser(ApiModel):
    """The large-picture user of a floating (1) or screen-sharing (2) dynamic layout."""

    user_media_stream: UserMediaStream | None = None


class McuLayoutParams(ApiModel):
    """Layout of the mix.

    MixLayoutMode: 1 floating (default), 2 screen sharing, 3 grid (dynamic); 4 custom (MixLayoutList).
    At most 16 inputs are mixed (an audio-only user counts; so does a region with only a placeholder).
    PureAudioHoldPlaceMode 0/1 (dynamic modes only): whether audio-only users take a place.
    RenderMode (dynamic modes): 0 crop, 1 fit, 2 fit on black. EnableStreamSEI 0/1 (dynamic modes only, default 1).
    """

    api_defaults: ClassVar = {
        "mix_layout_mode": 1,
        "pure_audio_hold_place_mode": 0,
        "render_mode": 0,
        "enable_stream_sei": 1,
    }
    mix_layout_mode: StrictInt | None = None
    pure_audio_hold_place_mode: StrictInt | None = None
    mix_layout_list: list[McuLayout] | None = None
    max_video_user: MaxVideoUser | None = None
    render_mode: StrictInt | None = None
    enable_stream_sei: StrictInt | None = Field(default=None, alias="EnableStreamSEI")
