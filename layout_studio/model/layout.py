"""Region types of a custom (MixLayoutMode 4) or dynamic mix layout: McuLayoutParams, McuLayout and their parts.

Sources: Data Types McuLayout, McuLayoutParams, McuCustomCrop, UserMediaStream, MixUserInfo, MaxVideoUser, and the
newer SDK models (McuLayout.TransparentUrl, BackgroundCustomRender, BackGroundColorMode, EnableStreamSEI;
McuBackgroundCustomRender). All offsets and sizes are pixels on the output canvas unless the field says otherwise;
each field's facts (unit, values, range, default, source) are in its metadata.
"""

from __future__ import annotations

from typing import Annotated

from pydantic import Field

from .base import ApiModel
from .facts import COLOR_FORM, IMAGE_URL_FORM, FieldFacts, Int, Str

ROOM_ID_TYPES = {0: "integer room", 1: "string room"}


class MixUserInfo(ApiModel):
    """A TRTC user: UserId, RoomId and RoomIdType."""

    user_id: Annotated[Str, FieldFacts("TRTC UserId of the user", required=True)] = None
    room_id: Annotated[
        Str,
        FieldFacts(
            "Room of the user, a string even for integer rooms; absent: the main room (in dynamic layouts it must "
            "be the main room)"
        ),
    ] = None
    room_id_type: Annotated[
        Int,
        FieldFacts(
            "Kind of room RoomId names",
            values=ROOM_ID_TYPES,
            labels={0: "int", 1: "string"},
            rule="room.room-id-type",
            source="SDK models.MixUserInfo.RoomIdType; Data Types MixUserInfo",
        ),
    ] = None


class UserMediaStream(ApiModel):
    """A user's stream: the user (UserInfo) and which of their streams (StreamType)."""

    user_info: Annotated[MixUserInfo | None, FieldFacts("The TRTC user")] = None
    stream_type: Annotated[
        Int,
        FieldFacts(
            "Which stream of the user",
            values={0: "camera (default)", 1: "screen sharing"},
            labels={1: "screen"},
            default=0,
            rule="user.stream-type",
            source="SDK models.UserMediaStream.StreamType; Data Types UserMediaStream",
        ),
    ] = None


class McuCustomCrop(ApiModel):
    """Crop of the source frame before it is scaled into the region, in source pixels."""

    location_x: Annotated[Int, FieldFacts("Left edge of the crop, 0 or more", unit="source pixels", required=True)] = (
        None
    )
    location_y: Annotated[Int, FieldFacts("Top edge of the crop, 0 or more", unit="source pixels", required=True)] = (
        None
    )
    width: Annotated[
        Int,
        FieldFacts("Width of the crop, above 0; LocationX + Width at most 10000", unit="source pixels", required=True),
    ] = None
    height: Annotated[
        Int,
        FieldFacts(
            "Height of the crop, above 0; LocationY + Height at most 10000", unit="source pixels", required=True
        ),
    ] = None


class McuBackgroundCustomRender(ApiModel):
    """Placeholder image size and corner radius for BackgroundRenderMode 4, in pixels (SDK models only)."""

    width: Annotated[
        Int, FieldFacts("Placeholder width, above 0 and at most the region's ImageWidth", unit="pixels", required=True)
    ] = None
    height: Annotated[
        Int,
        FieldFacts("Placeholder height, above 0 and at most the region's ImageHeight", unit="pixels", required=True),
    ] = None
    radius: Annotated[
        Int, FieldFacts("Corner radius, 0 up to half the smaller of Width and Height", unit="pixels", default=0)
    ] = None


class McuLayout(ApiModel):
    """One region of a custom layout (an entry of MixLayoutList): a user's picture, or a placeholder, in a box of
    the canvas given by LocationX, LocationY, ImageWidth and ImageHeight in canvas pixels."""

    user_media_stream: Annotated[
        UserMediaStream | None,
        FieldFacts("The user shown in the region; absent: the next user by order of entering the room"),
    ] = None
    image_width: Annotated[
        Int,
        FieldFacts(
            "Width of the region; LocationX + ImageWidth must not exceed the canvas width", unit="pixels", default=0
        ),
    ] = None
    image_height: Annotated[
        Int,
        FieldFacts(
            "Height of the region; LocationY + ImageHeight must not exceed the canvas height",
            unit="pixels",
            default=0,
        ),
    ] = None
    location_x: Annotated[Int, FieldFacts("Left edge of the region on the canvas", unit="pixels", default=0)] = None
    location_y: Annotated[Int, FieldFacts("Top edge of the region on the canvas", unit="pixels", default=0)] = None
    z_order: Annotated[
        Int,
        FieldFacts(
            "Stacking level: higher is drawn on top; overlapping regions of equal level stack in an undefined order",
            default=0,
        ),
    ] = None
    render_mode: Annotated[
        Int,
        FieldFacts(
            "How the user's picture fills the region",
            values={0: "crop (default)", 1: "fit showing the background", 2: "fit on black"},
            labels={1: "fit"},
            default=0,
            rule="layout.region.render-mode",
            source="SDK models.McuLayout.RenderMode; Data Types McuLayout",
        ),
    ] = None
    back_ground_color: Annotated[
        Str,
        FieldFacts(
            f"Region background colour {COLOR_FORM}; documented as not supported, it only applies through "
            "BackGroundColorMode"
        ),
    ] = None
    background_image_url: Annotated[
        Str, FieldFacts(f"Placeholder shown while the user is absent or audio-only: {IMAGE_URL_FORM}")
    ] = None
    custom_crop: Annotated[
        McuCustomCrop | None,
        FieldFacts("Crop of the source frame (in source pixels) before it is scaled into the region"),
    ] = None
    background_render_mode: Annotated[
        Int,
        FieldFacts(
            "How the placeholder fills the region",
            values={
                0: "crop",
                1: "fit with background",
                2: "fit on black",
                3: "stretch (default)",
                4: "custom (BackgroundCustomRender)",
            },
            labels={1: "fit"},
            default=3,
            rule="layout.region.background-render-mode",
            source="SDK models.McuLayout.BackgroundRenderMode (4 is SDK only); Data Types McuLayout",
        ),
    ] = None
    transparent_url: Annotated[
        Str, FieldFacts("PNG whose alpha channel masks the region (rounded corners, shapes); RenderMode 0 only")
    ] = None
    background_custom_render: Annotated[
        McuBackgroundCustomRender | None,
        FieldFacts("Placeholder size and corner radius for BackgroundRenderMode 4"),
    ] = None
    back_ground_color_mode: Annotated[
        Int,
        FieldFacts(
            "When BackGroundColor is used: bit 0 while scaling the placeholder, bit 1 while scaling the stream",
            values={0: "off (default)", 1: "placeholder scaling", 2: "stream scaling", 3: "both"},
            labels={1: "placeholder", 2: "stream"},
            default=0,
            rule="layout.region.background-color-mode",
            source="SDK models.McuLayout.BackGroundColorMode (not on the Data Types page)",
        ),
    ] = None
    enable_stream_sei: Annotated[
        Int,
        FieldFacts(
            "Whether this user's own SEI is kept in the mix",
            values={0: "drop", 1: "keep (default)"},
            default=1,
            rule="layout.region.enable-stream-sei",
            source="SDK models.McuLayout.EnableStreamSEI (not on the Data Types page)",
        ),
    ] = Field(default=None, alias="EnableStreamSEI")

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

    user_media_stream: Annotated[UserMediaStream | None, FieldFacts("The user shown large", required=True)] = None


class McuLayoutParams(ApiModel):
    """Layout of the mix: a dynamic template (MixLayoutMode 1 to 3, the MCU places the users) or a custom layout
    (MixLayoutMode 4, the regions of MixLayoutList)."""

    mix_layout_mode: Annotated[
        Int,
        FieldFacts(
            "Layout template, dynamic (1 to 3) or custom (4); at most 16 inputs are mixed, audio-only users and "
            "placeholder-only regions included",
            values={1: "floating (default)", 2: "screen sharing", 3: "grid", 4: "custom (MixLayoutList)"},
            labels={1: "float", 2: "share"},
            default=1,
            rule="layout.mix-layout-mode",
            source="SDK models.McuLayoutParams.MixLayoutMode; Data Types McuLayoutParams",
        ),
    ] = None
    pure_audio_hold_place_mode: Annotated[
        Int,
        FieldFacts(
            "Dynamic templates only: whether an audio-only user takes a place",
            values={0: "audio-only users take no place (default)", 1: "audio-only users take a place"},
            default=0,
            rule="layout.pure-audio-hold-place-mode",
            source="SDK models.McuLayoutParams.PureAudioHoldPlaceMode; Data Types McuLayoutParams",
        ),
    ] = None
    mix_layout_list: Annotated[
        list[McuLayout] | None, FieldFacts("Custom layout (MixLayoutMode 4): the regions, at most 16")
    ] = None
    max_video_user: Annotated[
        MaxVideoUser | None, FieldFacts("Dynamic floating and screen-sharing templates only: the user shown large")
    ] = None
    render_mode: Annotated[
        Int,
        FieldFacts(
            "Dynamic templates only: how each user's picture fills its place",
            values={0: "crop", 1: "fit", 2: "fit on black"},
            labels={2: "black"},
            default=0,
            rule="layout.render-mode",
            source="SDK models.McuLayoutParams.RenderMode; Data Types McuLayoutParams",
        ),
    ] = None
    enable_stream_sei: Annotated[
        Int,
        FieldFacts(
            "Dynamic templates only: whether the users' own SEI is kept in the mix",
            values={0: "drop", 1: "keep (default)"},
            default=1,
            rule="layout.enable-stream-sei",
            source="SDK models.McuLayoutParams.EnableStreamSEI (not on the Data Types page)",
        ),
    ] = Field(default=None, alias="EnableStreamSEI")
