"""Audio of the mix: AudioEncode, McuAudioParams and the allow/block lists (McuUserInfoParams).

Sources: Data Types AudioEncode, McuAudioParams, McuUserInfoParams, and the newer SDK models
(McuUserInfoParams.SoundLevel). Each field's facts (unit, values, range, default, source) are in its metadata.
"""

from __future__ import annotations

from typing import Annotated

from .base import ApiModel
from .facts import FieldFacts, Int
from .layout import MixUserInfo


class AudioEncode(ApiModel):
    """Output audio encoding; it cannot change on update."""

    sample_rate: Annotated[
        Int,
        FieldFacts(
            "Output sample rate (HE-AAC and HE-AACv2 need 16000 Hz or more)",
            required=True,
            unit="Hz",
            values=dict.fromkeys((48000, 44100, 32000, 24000, 16000, 8000), ""),
            rule="audio.encode.sample-rate",
            source="SDK models.AudioEncode.SampleRate; Data Types AudioEncode",
        ),
    ] = None
    channel: Annotated[
        Int,
        FieldFacts(
            "Output channels",
            required=True,
            values={1: "mono", 2: "stereo"},
            labels={},
            rule="audio.encode.channel",
            source="SDK models.AudioEncode.Channel; Data Types AudioEncode",
        ),
    ] = None
    bit_rate: Annotated[
        Int,
        FieldFacts(
            "Output audio bit rate",
            required=True,
            unit="kbps",
            low=8,
            high=500,
            rule="audio.encode.bitrate-range",
            source="SDK models.AudioEncode.BitRate; Data Types AudioEncode",
        ),
    ] = None
    codec: Annotated[
        Int,
        FieldFacts(
            "Output audio codec (HE-AACv2 is stereo only; HE-AAC and HE-AACv2 need 16000 Hz or more)",
            values={0: "LC-AAC (default)", 1: "HE-AAC", 2: "HE-AACv2"},
            labels={0: "LC", 1: "HE", 2: "HEv2"},
            default=0,
            rule="audio.encode.codec",
            source="SDK models.AudioEncode.Codec; Data Types AudioEncode",
        ),
    ] = None


class McuUserInfoParams(ApiModel):
    """A user of the audio allowlist or blocklist."""

    user_info: Annotated[MixUserInfo | None, FieldFacts("The TRTC user", required=True)] = None
    sound_level: Annotated[
        Int,
        FieldFacts(
            "Volume of the user in the mix, 100 as sent; allowlist (SubscribeAudioList) only",
            low=0,
            high=100,
            default=100,
            rule="audio.sound-level.range",
            source="SDK models.McuUserInfoParams.SoundLevel (not on the Data Types page)",
        ),
    ] = None


class McuAudioParams(ApiModel):
    """Audio of the mix: the encoding and who is heard. On update, a missing list is not updated and an empty list
    clears it; the SDK asks for the two lists together."""

    audio_encode: Annotated[AudioEncode | None, FieldFacts("Output audio encoding; cannot change on update")] = None
    subscribe_audio_list: Annotated[
        list[McuUserInfoParams] | None,
        FieldFacts(
            "Allowlist: only these users are heard (absent or empty: everyone); cross-room mixing needs one, or PK "
            "users are heard twice"
        ),
    ] = None
    un_subscribe_audio_list: Annotated[
        list[McuUserInfoParams] | None,
        FieldFacts("Blocklist: these users are not heard (it wins over the allowlist)"),
    ] = None
