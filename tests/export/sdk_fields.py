"""The field names of the client SDKs' published type definitions that the client exports are checked against.

Copied by hand (names only, never the files):

* ``windows`` — npm ``trtc-electron-sdk`` 13.3.801, ``liteav/trtc_define.d.ts`` (the classes and types Rect,
  TRTCUser, TRTCVideoLayout, TRTCWatermark, TRTCStreamMixingConfig, TRTCStreamEncoderParam, TRTCPublishTarget,
  TRTCPublishCdnUrl, TRTCMixUser, TRTCTranscodingConfig); the argument names of ``startPublishMediaStream(target,
  params, config)`` from the SDK's documentation of TRTCCloud;
* ``android`` — the TRTC Android SDK's TRTCCloudDef (Tencent's reference documentation: TRTCVideoLayout and
  TRTCWatermark carry x/y/width/height, TRTCMixUser too, TRTCTranscodingConfig has mixUsers, audioCodec,
  videoSeiParams; TRTCMixUser soundLevel);
* ``ios`` — the TRTC iOS SDK's TRTCCloudDef.h (Tencent's reference documentation: ``rect`` a CGRect of origin
  {x, y} and size {width, height}; TRTCMixUser ``roomID``; TRTCTranscodingConfig ``mixUsers``);
* ``web`` — npm ``trtc-sdk-v5`` 5.17.1, ``plugins/cdn-streaming/cdn-streaming.esm.d.ts`` (CDNStreamingOptions,
  Target, Encoding, Mix, User, VideoLayout).
"""

from __future__ import annotations

_RECT = ("left", "top", "right", "bottom")
_USER = ("userId", "intRoomId", "strRoomId")
_LAYOUT = ("zOrder", "fillMode", "backgroundColor", "placeHolderImage", "fixedVideoUser", "fixedVideoStreamType")
_WATERMARK = ("watermarkUrl", "zOrder")
_MIXING = ("backgroundColor", "backgroundImage", "videoLayoutList", "audioMixUserList", "watermarkList")
_ENCODER = (
    "videoEncodedWidth",
    "videoEncodedHeight",
    "videoEncodedFPS",
    "videoEncodedGOP",
    "videoEncodedKbps",
    "audioEncodedSampleRate",
    "audioEncodedChannelNum",
    "audioEncodedKbps",
    "audioEncodedCodecType",
    "videoEncodedCodecType",
    "videoSeiParams",
)
_TARGET = ("mode", "cdnUrlList", "mixStreamIdentity")
_CDN_URL = ("rtmpUrl", "isInternalLine")
_MIX_USER = ("userId", "zOrder", "pureAudio", "streamType", "inputType", "renderMode", "image")
_TRANSCODING = (
    "mode",
    "appId",
    "bizId",
    "videoWidth",
    "videoHeight",
    "videoBitrate",
    "videoFramerate",
    "videoGOP",
    "backgroundColor",
    "backgroundImage",
    "audioSampleRate",
    "audioBitrate",
    "audioChannels",
    "streamId",
)
_XYWH = ("x", "y", "width", "height")
_CGRECT = {"CGRect": ("origin", "size"), "CGPoint": ("x", "y"), "CGSize": ("width", "height")}

#: Platform -> type name -> its field names.
FIELDS: dict[str, dict[str, tuple[str, ...]]] = {
    "windows": {
        "startPublishMediaStream": ("target", "params", "config"),
        "Rect": _RECT,
        "TRTCUser": _USER,
        "TRTCVideoLayout": ("rect", *_LAYOUT),
        "TRTCWatermark": ("rect", *_WATERMARK),
        "TRTCStreamMixingConfig": _MIXING,
        "TRTCStreamEncoderParam": _ENCODER,
        "TRTCPublishTarget": _TARGET,
        "TRTCPublishCdnUrl": _CDN_URL,
        "TRTCMixUser": ("roomId", "rect", *_MIX_USER),
        "TRTCTranscodingConfig": (*_TRANSCODING, "mixUsersArray"),
    },
    "android": {
        "startPublishMediaStream": ("target", "params", "config"),
        "TRTCUser": _USER,
        "TRTCVideoLayout": (*_XYWH, *_LAYOUT),
        "TRTCWatermark": (*_XYWH, *_WATERMARK),
        "TRTCStreamMixingConfig": _MIXING,
        "TRTCStreamEncoderParam": _ENCODER,
        "TRTCPublishTarget": _TARGET,
        "TRTCPublishCdnUrl": _CDN_URL,
        "TRTCMixUser": ("roomId", *_XYWH, *_MIX_USER, "soundLevel"),
        "TRTCTranscodingConfig": (*_TRANSCODING, "mixUsers", "audioCodec", "videoSeiParams"),
    },
    "ios": {
        "startPublishMediaStream": ("target", "params", "config"),
        **_CGRECT,
        "TRTCUser": _USER,
        "TRTCVideoLayout": ("rect", *_LAYOUT),
        "TRTCWatermark": ("rect", *_WATERMARK),
        "TRTCStreamMixingConfig": _MIXING,
        "TRTCStreamEncoderParam": _ENCODER,
        "TRTCPublishTarget": _TARGET,
        "TRTCPublishCdnUrl": _CDN_URL,
        "TRTCMixUser": ("roomID", "rect", *_MIX_USER, "soundLevel"),
        "TRTCTranscodingConfig": (*_TRANSCODING, "mixUsers", "audioCodec", "videoSeiParams"),
    },
    "web": {
        "CDNStreamingOptions": ("target", "encoding", "mix"),
        "Target": ("publishMode", "streamId", "appId", "bizId", "url"),
        "Encoding": (
            "videoWidth",
            "videoHeight",
            "videoBitrate",
            "videoFramerate",
            "videoGOP",
            "audioSampleRate",
            "audioBitrate",
            "audioChannels",
        ),
        "Mix": ("backgroundColor", "backgroundImage", "audioMixUserList", "videoLayoutList"),
        "User": ("userId", "roomId", "strRoomId"),
        "VideoLayout": (
            "fixedVideoUser",
            "fixedVideoStreamType",
            "fillMode",
            "width",
            "height",
            "locationX",
            "locationY",
            "zOrder",
        ),
    },
}

#: Which type each field holds (None: a value), per platform: how a body is walked.
HOLDS: dict[str, dict[str, str]] = {
    "windows": {
        "target": "TRTCPublishTarget",
        "params": "TRTCStreamEncoderParam",
        "config": "TRTCStreamMixingConfig",
        "rect": "Rect",
        "fixedVideoUser": "TRTCUser",
        "mixStreamIdentity": "TRTCUser",
        "videoLayoutList": "TRTCVideoLayout",
        "audioMixUserList": "TRTCUser",
        "watermarkList": "TRTCWatermark",
        "cdnUrlList": "TRTCPublishCdnUrl",
        "mixUsersArray": "TRTCMixUser",
    },
    "web": {
        "target": "Target",
        "encoding": "Encoding",
        "mix": "Mix",
        "fixedVideoUser": "User",
        "audioMixUserList": "User",
        "videoLayoutList": "VideoLayout",
    },
}
HOLDS["android"] = {**{k: v for k, v in HOLDS["windows"].items() if k != "rect"}, "mixUsers": "TRTCMixUser"}
HOLDS["ios"] = {**HOLDS["windows"], "rect": "CGRect", "origin": "CGPoint", "size": "CGSize", "mixUsers": "TRTCMixUser"}
