"""Convert to custom: a dynamic layout (MixLayoutMode 1-3) turned into the custom layout (MixLayoutMode 4) its
template gives for a number of users, ready to edit region by region.

Fields that only dynamic layouts read (``SDK models.McuLayoutParams``: MaxVideoUser, PureAudioHoldPlaceMode, the
layout-wide RenderMode and EnableStreamSEI) have no meaning in a custom layout; RenderMode and EnableStreamSEI move
onto each region (``SDK models.McuLayout.RenderMode``, ``SDK models.McuLayout.EnableStreamSEI``).
"""

from __future__ import annotations

from ..errors import LayoutStudioError
from ..model import McuLayoutParams, McuVideoParams, Preset
from .design import CUSTOM_MODE
from .dynamic import simulate

#: LayoutParams keys a custom layout does not take over from the dynamic one.
DYNAMIC_ONLY = ("MaxVideoUser", "PureAudioHoldPlaceMode", "RenderMode", "EnableStreamSEI", "MixLayoutList")


def materialize(preset: Preset, users: int) -> Preset:
    """A copy of ``preset`` whose dynamic layout is replaced by the explicit custom layout (MixLayoutMode 4) that
    :func:`~.dynamic.simulate` gives for ``users`` users, ready to edit.

    Only the large-picture user (MaxVideoUser) stays named; the other regions are unnamed, so the MCU fills them in
    order of entering the room, as the dynamic template did. The large area of a screen-sharing layout without
    MaxVideoUser gets no region (the canvas background shows there, as in the template). MaxVideoUser,
    PureAudioHoldPlaceMode and the layout-wide RenderMode (dynamic only) are dropped; RenderMode goes on each
    region, and a layout-wide EnableStreamSEI onto each region. A preset already in mode 4 is returned as a copy.
    Raises LayoutStudioError when ``preset`` is not a Preset.
    """
    if not isinstance(preset, Preset):
        raise LayoutStudioError(f"materialize needs a Preset, not a {type(preset).__name__}")
    out = preset.model_copy(deep=True)
    lp = out.video_params.layout_params if out.video_params and out.video_params.layout_params else None
    if lp is not None and lp.eff("mix_layout_mode") == CUSTOM_MODE:
        return out
    regions = simulate(preset, users)
    lp = lp or McuLayoutParams()
    mvu = lp.max_video_user.user_media_stream if lp.max_video_user else None
    named = mvu.user_info.user_id if mvu and mvu.user_info else None
    entries = []
    for region in regions:
        if region.user_id is None:
            continue  # the large area nobody fills (screen sharing without MaxVideoUser): the background shows
        data = region.to_api()
        if region.user_id != named:
            data.pop("UserMediaStream", None)
        if lp.enable_stream_sei is not None:
            data["EnableStreamSEI"] = lp.enable_stream_sei
        entries.append(data)
    data = lp.to_api()
    for key in DYNAMIC_ONLY:
        data.pop(key, None)
    data["MixLayoutMode"] = CUSTOM_MODE
    data["MixLayoutList"] = entries
    new_lp = McuLayoutParams.model_validate(data)
    if out.video_params is None:
        out.video_params = McuVideoParams()
    out.video_params.layout_params = new_lp
    return out
