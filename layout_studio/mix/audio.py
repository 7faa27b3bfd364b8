"""Audio-only places: whether a user sending no video takes a place in a dynamic layout.

``SDK models.McuLayoutParams.PureAudioHoldPlaceMode`` (dynamic layouts only): 1 — an audio-only user holds a
place (the preview draws an audio card there); 0 or absent — the user takes none and the others move up, except
MaxVideoUser, whose large area stays reserved for it (:mod:`.dynamic`, a ``Layout Studio assumption``). In a
custom layout a region is reserved whatever its user sends: an absent or audio-only user leaves the region to its
placeholder (BackgroundImageUrl), which :mod:`.slots` decides.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence

from ..model import McuLayoutParams

#: The PureAudioHoldPlaceMode value with which audio-only users take a place.
HOLD_PLACE = 1


def holds_place(layout: McuLayoutParams) -> bool:
    """True when audio-only users take a place in the dynamic layout ``layout`` (PureAudioHoldPlaceMode 1)."""
    return bool(layout.eff("pure_audio_hold_place_mode") == HOLD_PLACE)


def taking_places(
    layout: McuLayoutParams, people: Sequence[tuple[str, int]], audio_only: Collection[str]
) -> list[tuple[str, int]]:
    """The ``people`` (``[(UserId, StreamType)]`` in order of entering) who take a place: all of them when
    audio-only users hold one, else those not in ``audio_only``."""
    if holds_place(layout):
        return list(people)
    return [(uid, stream) for uid, stream in people if uid not in audio_only]
