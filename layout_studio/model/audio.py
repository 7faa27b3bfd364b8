"""Audio of the mix: AudioEncode, McuAudioParams and the allow/block lists (McuUserInfoParams).

Sources: manual ``001`` Data Types (AudioEncode, McuAudioParams, McuUserInfoParams) and the newer SDK docstrings
(SoundLevel).
"""

from __future__ import annotations

from typing import ClassVar

from pydantic import StrictInt

from .base import ApiModel
from .layout import MixUserInfo


class AudioEncode(ApiModel):
    """Output audio encoding.

    SampleRate Hz in {48000, 44100, 32000, 24000, 16000, 8000}; Channel 1 or 2; BitRate 8..500 kbps;
    Codec 0 LC-AAC (default), 1 HE-AAC, 2 HE-AACv2 (stereo only). HE-AAC/HE-AACv2 need 16000..48000 Hz.
    Cannot change on update.
    """

    api_defaults: ClassVar = {"codec": 0}
    sample_rate: StrictInt | None = None
    channel: StrictInt | None = None
    bit_rate: StrictInt | None = None
    codec: StrictInt | None = None


class McuUserInfoParams(ApiModel):
    """A user of the audio allowlist or blocklist; SoundLevel 0..100 (default 100 = as sent), allowlist only."""

    api_defaults: ClassVar = {"sound_level": 100}
    user_info: MixUserInfo | None = None
    sound_level: StrictInt | None = None


class McuAudioParams(ApiModel):
    """Audio of the mix.

    SubscribeAudioList: allowlist (absent or empty: mix everyone). UnSubscribeAudioList: blocklist (the blocklist
    wins for a user in both). On update, a missing list is not updated and an empty list clears it; the two lists
    must be given together. Cross-room mixing needs an allowlist, or PK users are heard twice.
    """

    audio_encode: AudioEncode | None = None
    subscribe_audio_list: list[McuUserInfoParams] | None = None
    un_subscribe_audio_list: list[McuUserInfoParams] | None = None
