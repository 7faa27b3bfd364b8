"""Rules across fields: users as (UserId, RoomId, RoomIdType), present-but-empty objects, the robots' UserIds against
the users of the rooms they join, FeedBackRoomParams.UserSig in an update, one severity for "no effect here", paths
that name what exists, heuristics that are never errors, and the byte or character count of length limits."""

from __future__ import annotations

import pytest

from layout_studio.findings import Severity
from layout_studio.model import ApiModel, field_facts, model_types
from layout_studio.model import StartPublishCdnStreamRequest as Start
from layout_studio.rules import RULES
from layout_studio.validation import validate

from .bodies import DELETE, base, edit, path_exists_to_parent, reference
from .test_rules import TEXT

LP = "VideoParams.LayoutParams"
R = f"{LP}.MixLayoutList"
MVU = f"{LP}.MaxVideoUser"


def found(body, code, **options):
    """``[(path, severity)]`` of the findings with ``code``."""
    return [(f.path, f.severity) for f in validate(body, **options) if f.code == code]


def user(uid, room="295066", room_type=0):
    info = {"UserId": uid}
    if room is not None:
        info["RoomId"] = room
    if room_type is not None:
        info["RoomIdType"] = room_type
    return {"UserInfo": info}


def dynamic(mode, max_video_user):
    """start-1 turned into dynamic layout ``mode`` with ``max_video_user`` (DELETE: none)."""
    body = edit(reference("start-1"), f"{LP}.MixLayoutMode", mode)
    edit(body, R, DELETE)
    if max_video_user is not DELETE:
        edit(body, MVU, max_video_user)
    return body


# ----------------------------------------------------------------------------- a user is (UserId, RoomId, RoomIdType)
def test_a_max_video_user_in_the_string_room_of_the_same_digits_is_not_in_the_main_room():
    body = dynamic(1, {"UserMediaStream": user("Trtc_User_0", "295066", 1)})
    assert found(body, "room.dynamic-layout-main-room") == [
        (f"{MVU}.UserMediaStream.UserInfo.RoomIdType", Severity.ERROR)
    ]


@pytest.mark.parametrize("room, room_type", [("295066", 0), (None, None), ("295066", None), (None, 0), ("0295066", 0)])
def test_a_max_video_user_of_the_main_room_however_written_is_in_the_main_room(room, room_type):
    """Absent RoomId and RoomIdType are the main room's; an integer room is a number ("0295066" is 295066)."""
    body = dynamic(1, {"UserMediaStream": user("Trtc_User_0", room, room_type)})
    assert found(body, "room.dynamic-layout-main-room") == []


def test_a_max_video_user_of_another_room_is_reported_at_its_room_id():
    body = dynamic(2, {"UserMediaStream": user("Trtc_User_0", "295067", 0)})
    assert found(body, "room.dynamic-layout-main-room") == [(f"{MVU}.UserMediaStream.UserInfo.RoomId", Severity.ERROR)]


def test_a_region_in_the_string_room_of_the_same_digits_is_cross_room_mixing():
    body = edit(reference("start-1"), f"{R}[1].UserMediaStream.UserInfo.RoomIdType", 1)
    assert found(body, "task.cross-room.no-allowlist") == [("AudioParams.SubscribeAudioList", Severity.WARNING)]
    message = next(f.message for f in validate(body) if f.code == "task.cross-room.no-allowlist")
    assert "'295066' (string room)" in message


def test_regions_of_the_main_room_with_absent_room_fields_are_not_cross_room():
    body = reference("start-1")
    edit(body, f"{R}[0].UserMediaStream.UserInfo.RoomIdType", DELETE)
    edit(body, f"{R}[1].UserMediaStream.UserInfo", {"UserId": "Trtc_User_1"})
    assert found(body, "task.cross-room.no-allowlist") == []


def test_the_same_user_id_in_two_rooms_is_two_users():
    body = edit(reference("start-1"), f"{R}[1].UserMediaStream.UserInfo.UserId", "Trtc_User_0")
    assert found(body, "task.user.duplicate-region") != []
    edit(body, f"{R}[1].UserMediaStream.UserInfo.RoomIdType", 1)
    assert found(body, "task.user.duplicate-region") == []
    listed = edit(reference("start-1"), "AudioParams.SubscribeAudioList", [user("a"), user("a", "295066", 1)])
    edit(listed, "AudioParams.UnSubscribeAudioList", [user("a", "295066", 1)])
    assert found(listed, "audio.list.duplicate") == []
    assert found(listed, "audio.list.in-both") == [
        ("AudioParams.UnSubscribeAudioList[0].UserInfo.UserId", Severity.WARNING)
    ]


def test_an_allowlist_entry_in_another_kind_of_room_than_the_users_region_is_a_room_mismatch():
    body = edit(reference("start-1"), "AudioParams.SubscribeAudioList", [user("Trtc_User_1", "295066", 1)])
    assert found(body, "audio.list.room-mismatch") == [
        ("AudioParams.SubscribeAudioList[0].UserInfo.RoomIdType", Severity.WARNING)
    ]


# ----------------------------------------------------------------------------------- present but empty objects
def test_an_empty_max_video_user_is_an_error_at_that_object():
    for mode in (1, 2):
        assert found(dynamic(mode, {}), "layout.max-video-user.stream-missing") == [(MVU, Severity.ERROR)]


@pytest.mark.parametrize(
    "mvu",
    [{}, {"UserMediaStream": {}}, {"UserMediaStream": {"StreamType": 1}}, {"UserMediaStream": {"UserInfo": {}}}],
)
def test_a_max_video_user_that_names_no_user_does_not_silence_the_screen_sharing_warning(mvu):
    assert found(dynamic(2, mvu), "layout.max-video-user.missing") == [(MVU, Severity.WARNING)]


def test_a_named_max_video_user_satisfies_the_screen_sharing_template():
    body = dynamic(2, {"UserMediaStream": {**user("Trtc_User_0"), "StreamType": 1}})
    assert found(body, "layout.max-video-user.missing") == []
    assert not [f for f in validate(body) if f.path.startswith(MVU)]


@pytest.mark.parametrize("where", [f"{MVU}.UserMediaStream", f"{R}[0].UserMediaStream"])
def test_a_user_media_stream_without_user_info_is_a_finding_at_that_object(where):
    body = dynamic(1, {}) if where.startswith(MVU) else reference("start-1")
    edit(body, where, {"StreamType": 0})
    assert found(body, "user.media-stream.user-missing") == [(where, Severity.WARNING)]


@pytest.mark.parametrize("agent", [{}, {"MaxIdleTime": 30}])
def test_a_preset_agent_params_without_user_id_is_reported_when_checked_for_a_start(agent):
    """A preset's Target is a partial target (the UserId may come from --agent-user-id): an AgentParams without
    UserId is complete enough for the design, and an error for a start."""
    preset = edit(base("preset:start-1"), "Target.AgentParams", agent)
    assert found(preset, "task.agent.user-id-missing") == []
    assert validate(preset) == validate(edit(base("preset:start-1"), "Target.AgentParams", DELETE))
    assert found(preset, "task.agent.user-id-missing", action="start") == [("AgentParams.UserId", Severity.ERROR)]


def test_an_agent_params_absent_from_a_start_body_is_reported_at_agent_params():
    body = edit(reference("start-1"), "AgentParams", DELETE)
    assert found(body, "task.agent.user-id-missing") == [("AgentParams", Severity.ERROR)]


def test_an_empty_storage_choice_is_a_finding_at_that_object():
    body = edit(reference("start-1"), "RecordParams", {"UniRecord": 3, "McuStorageParams": {}})
    assert found(body, "record.storage.empty") == [("RecordParams.McuStorageParams", Severity.WARNING)]


def _required_members() -> dict[type[ApiModel], list[str]]:
    return {
        cls: [cls.api_name(a) for a, f in field_facts(cls).items() if f.required]
        for cls in model_types(Start).values()
        if any(f.required for f in field_facts(cls).values())
    }


# Where each data type with required members sits in a body: (base body, path, a complete object there).
COMPLETE_TEXT = TEXT["WaterMarkText"]
PLACES = {
    "AgentParams": ("start-1", "AgentParams", {"UserId": "robot"}),
    "AudioEncode": ("start-1", "AudioParams.AudioEncode", {"SampleRate": 48000, "Channel": 2, "BitRate": 64}),
    "CloudStorage": (
        "start-1",
        "RecordParams.McuStorageParams.CloudStorage",
        {"Vendor": 0, "Region": "ap-guangzhou", "Bucket": "b-1", "AccessKey": "AK", "SecretKey": "SK"},
    ),
    "MaxVideoUser": ("dynamic-1", MVU, {"UserMediaStream": user("Trtc_User_0")}),
    "McuBackgroundCustomRender": ("start-1", f"{R}[0].BackgroundCustomRender", {"Width": 100, "Height": 100}),
    "McuCustomCrop": ("start-1", f"{R}[0].CustomCrop", {"LocationX": 0, "LocationY": 0, "Width": 10, "Height": 10}),
    "McuFeedBackRoomParams": (
        "start-5",
        "FeedBackRoomParams[0]",
        {"RoomId": "630777", "RoomIdType": 0, "UserId": "back", "UserSig": "sig"},
    ),
    "McuPassThrough": ("start-1", "SeiParams.PassThrough", {"PayloadContent": "x", "PayloadType": 100}),
    "McuPublishCdnParam": ("start-1", "PublishCdnParams[0]", {"PublishCdnUrl": "rtmp://h/live/a", "IsTencentCdn": 1}),
    "McuRecordParams": ("start-1", "RecordParams", {"UniRecord": 1}),
    "McuUserInfoParams": ("start-1", "AudioParams.SubscribeAudioList[0]", user("Trtc_User_0")),
    "McuWaterMarkImage": (
        "start-1",
        "VideoParams.WaterMarkList[0].WaterMarkImage",
        {
            "WaterMarkUrl": "https://a.example.com/l.png",
            "WaterMarkWidth": 64,
            "WaterMarkHeight": 64,
            "LocationX": 64,
            "LocationY": 64,
            "ZOrder": 3,
        },
    ),
    "McuWaterMarkText": ("text-1", "VideoParams.WaterMarkList[1].WaterMarkText", COMPLETE_TEXT),
    "MixUserInfo": ("start-1", f"{R}[0].UserMediaStream.UserInfo", {"UserId": "Trtc_User_0"}),
    "SingleSubscribeParams": ("start-3", "SingleSubscribeParams", {"UserMediaStream": user("Trtc_User_0")}),
    "VideoEncode": (
        "start-1",
        "VideoParams.VideoEncode",
        {"Width": 1280, "Height": 720, "Fps": 15, "BitRate": 1536, "Gop": 2},
    ),
}


def _body(name):
    if name == "dynamic-1":
        return dynamic(1, DELETE)
    if name == "text-1":
        body = reference("start-1")
        return edit(body, "VideoParams.WaterMarkList[1]", {"WaterMarkType": 1, "WaterMarkText": dict(COMPLETE_TEXT)})
    body = reference(name)
    if name == "start-1":
        edit(body, f"{R}[0].BackgroundRenderMode", 4)
        edit(body, "RecordParams", {"UniRecord": 3})
    return body


def test_every_data_type_with_required_members_has_a_place_in_this_test():
    assert {cls.__name__ for cls in _required_members()} == set(PLACES)


def test_the_required_members_are_those_the_documents_mark():
    """Data Types 'Required: Yes' (SDK-only types: where the SDK docstring says the value must be given)."""
    assert _required_members()[model_types(Start)["MaxVideoUser"]] == ["UserMediaStream"]
    assert _required_members()[model_types(Start)["McuFeedBackRoomParams"]] == [
        "RoomId",
        "RoomIdType",
        "UserId",
        "UserSig",
    ]


@pytest.mark.parametrize("name", sorted(PLACES))
def test_a_complete_object_passes_and_an_empty_one_is_a_finding_at_that_object(name):
    body_name, path, complete = PLACES[name]
    body = edit(_body(body_name), path, complete)
    assert not [f for f in validate(body) if f.path.startswith(path) and f.severity is not Severity.INFO], [
        str(f) for f in validate(body) if f.path.startswith(path)
    ]
    empty = validate(edit(_body(body_name), path, {}))
    at = [f for f in empty if f.path == path or f.path.startswith(path + ".")]
    assert at, [str(f) for f in empty]


@pytest.mark.parametrize("name", sorted(PLACES))
def test_each_required_member_left_out_is_a_finding_at_that_object(name):
    body_name, path, complete = PLACES[name]
    cls = model_types(Start)[name]
    for member in _required_members()[cls]:
        body = edit(_body(body_name), path, {k: v for k, v in complete.items() if k != member})
        at = [f for f in validate(body) if f.path == path or f.path.startswith(path + ".")]
        assert at, (name, member)


# ------------------------------------------------------------------------------------------------------- the robots
def test_the_feedback_robot_may_not_be_a_user_mixed_from_the_room_it_joins():
    body = reference("start-5")
    region = {"UserMediaStream": user("trtc_partner_test_2", "630777", 0), "ImageWidth": 10, "ImageHeight": 10}
    edit(body, f"{R}[2]", {**region, "LocationX": 0, "LocationY": 0, "ZOrder": 1})
    assert found(body, "task.agent.user-id-collision") == [("FeedBackRoomParams[0].UserId", Severity.ERROR)]
    message = next(f.message for f in validate(body) if f.code == "task.agent.user-id-collision")
    assert "630777" in message


def test_the_robots_are_not_blamed_for_a_user_of_the_same_id_in_a_room_they_do_not_join():
    body = reference("start-5")
    edit(body, f"{R}[1].UserMediaStream.UserInfo", {"UserId": "trtc_partner_test_2", "RoomId": "777", "RoomIdType": 0})
    assert found(body, "task.agent.user-id-collision") == []
    edit(body, "AgentParams.UserId", "trtc_partner_test_2")  # two robots with one UserId: always a collision
    assert found(body, "task.agent.user-id-collision") == [("FeedBackRoomParams[0].UserId", Severity.ERROR)]


def test_the_main_robot_is_compared_with_the_users_of_the_main_room_of_its_kind():
    body = edit(reference("start-1"), "AgentParams.UserId", "Trtc_User_1")
    assert found(body, "task.agent.user-id-collision") == [("AgentParams.UserId", Severity.ERROR)]
    edit(body, f"{R}[1].UserMediaStream.UserInfo.RoomIdType", 1)
    assert found(body, "task.agent.user-id-collision") == []


def test_feedback_user_sig_is_required_in_an_update_body_too():
    body = edit(reference("update-2"), "FeedBackRoomParams", [{"RoomId": "630777", "RoomIdType": 0, "UserId": "b"}])
    assert found(body, "feedback.field.missing") == [("FeedBackRoomParams[0].UserSig", Severity.ERROR)]
    preset = edit(base("preset:start-5"), "Target.FeedBackRoomParams[0].UserSig", DELETE)
    assert found(preset, "feedback.field.missing", action="update") == []  # presets never store it


# -------------------------------------------------------------------------------------------- consistent severities
NO_EFFECT = [
    ("layout.dynamic-only.ignored", "start-1", [(f"{LP}.RenderMode", 1)]),
    ("layout.dynamic-only.ignored", "start-1", [(f"{LP}.EnableStreamSEI", 0)]),
    ("record.params.ignored", "start-1", [("RecordParams", {"UniRecord": 1, "RecordWaitTime": 30})]),
    ("layout.region.background-color-unsupported", "start-1", [(f"{R}[0].BackGroundColor", "0x112233")]),
    (
        "sei.pass-through.uuid-ignored",
        "start-1",
        [("SeiParams.PassThrough", {"PayloadContent": "x", "PayloadType": 100, "PayloadUuid": "0" * 32})],
    ),
]


@pytest.mark.parametrize("code, name, edits", NO_EFFECT, ids=[c[0] for c in NO_EFFECT])
def test_a_setting_with_no_effect_in_the_current_mode_is_a_warning(code, name, edits):
    body = base(name)
    for where, value in edits:
        edit(body, where, value)
    hits = found(body, code)
    assert hits and {severity for _p, severity in hits} == {Severity.WARNING}


def test_every_ignored_rule_is_a_warning():
    for code, r in RULES.items():
        if "ignored" in code or "no effect" in r.doc or "ignored" in r.doc.split(".")[0]:
            assert r.severity is Severity.WARNING, code


# ------------------------------------------------------------------------------------------ paths name what exists
def test_the_input_limit_on_an_audio_only_body_points_at_the_allowlist():
    body = edit(reference("start-2"), "AudioParams.SubscribeAudioList", [user(f"a{i}") for i in range(17)])
    assert found(body, "task.inputs.too-many") == [("AudioParams.SubscribeAudioList", Severity.WARNING)]


def test_the_input_limit_counts_neither_blocked_users_nor_ignored_regions():
    body = edit(reference("start-2"), "AudioParams.SubscribeAudioList", [user(f"a{i}") for i in range(16)])
    edit(body, "AudioParams.UnSubscribeAudioList", [user(f"b{i}") for i in range(4)])
    assert found(body, "task.inputs.too-many") == []


def test_a_single_stream_without_a_user_is_reported_at_the_deepest_object_that_exists():
    for where in (
        "SingleSubscribeParams.UserMediaStream",
        "SingleSubscribeParams.UserMediaStream.UserInfo",
        "SingleSubscribeParams.UserMediaStream.UserInfo.UserId",
    ):
        body = edit(reference("start-3"), where, DELETE)
        assert found(body, "task.single-subscribe.user-missing") == [(where, Severity.ERROR)], where


def test_path_exists_to_parent():
    doc = {"A": {"B": [1, {"C": 2}]}}
    assert path_exists_to_parent(doc, "A.B[1].C") and path_exists_to_parent(doc, "A.B[1].D")
    assert not path_exists_to_parent(doc, "A.X.C") and not path_exists_to_parent(doc, "A.B[2]")
    assert path_exists_to_parent(doc, "Z") and path_exists_to_parent(doc, "")


# ------------------------------------------------------------------------------------ heuristics are never errors
def test_no_heuristic_is_an_error():
    for code, r in RULES.items():
        if "heuristic" in r.source.lower():
            assert r.severity is not Severity.ERROR, code


def test_an_sei_interval_of_zero_is_a_warning():
    body = edit(reference("start-6"), "SeiParams.LayoutVolume.Interval", 0)
    assert found(body, "sei.interval.range") == [("SeiParams.LayoutVolume.Interval", Severity.WARNING)]


@pytest.mark.parametrize(
    "code, where, value, says",
    [
        ("record.key.format", "RecordKey", "k" * 129, "129 bytes"),
        ("record.prefix.format", "UserDefineRecordPrefix", "p" * 65, "65 bytes"),
        ("sei.app-data.too-long", "AppData", "数" * 4096, "4096 characters"),
    ],
    ids=["record-key", "record-prefix", "app-data"],
)
def test_length_limits_say_what_they_count_and_why(code, where, value, says):
    if code == "sei.app-data.too-long":
        body = edit(reference("start-6"), f"SeiParams.LayoutVolume.{where}", value)
    else:
        body = edit(reference("start-1"), "RecordParams", {"UniRecord": 2, where: value})
    messages = [f.message for f in validate(body) if f.code == code]
    assert len(messages) == 1 and says in messages[0], messages
    assert ("one byte each" in messages[0]) or ("counts characters" in messages[0]), messages[0]


def test_app_data_counts_characters_not_bytes():
    body = edit(reference("start-6"), "SeiParams.LayoutVolume.AppData", "数" * 4095)  # 12285 bytes in UTF-8
    assert found(body, "sei.app-data.too-long") == []


# ------------------------------------------------------------------------------------------- text watermark Text
W1 = "VideoParams.WaterMarkList[1]"


def _text(value):
    body = edit(reference("start-1"), W1, {"WaterMarkType": 1, "WaterMarkText": dict(TEXT["WaterMarkText"])})
    return edit(body, f"{W1}.WaterMarkText.Text", value)


@pytest.mark.parametrize(
    "value", [" ", "   \t", "\u3000", "\u200b \ufeff"], ids=["space", "tab", "ideographic", "zero-width"]
)
def test_a_text_watermark_of_only_blank_characters_is_a_warning(value):
    assert found(_text(value), "watermark.text.blank") == [(f"{W1}.WaterMarkText.Text", Severity.WARNING)]
    assert found(_text(value), "watermark.text.required") == []


@pytest.mark.parametrize("value", ["LIVE", " LIVE ", "直播"])
def test_a_text_with_a_visible_character_is_not_blank(value):
    assert found(_text(value), "watermark.text.blank") == []


def test_an_empty_or_absent_text_is_the_required_error_not_blank():
    for value in ("", DELETE):
        assert found(_text(value), "watermark.text.required") == [(f"{W1}.WaterMarkText.Text", Severity.ERROR)]
        assert found(_text(value), "watermark.text.blank") == []


@pytest.mark.parametrize("audio", [{}, {"SubscribeAudioList": []}])
def test_audio_params_without_audio_encode_do_not_silence_the_start_requirement(audio):
    body = edit(reference("start-1"), "AudioParams", audio)
    assert found(body, "task.audio-params.missing") == [("AudioParams", Severity.ERROR)]
    assert found(body, "task.audio-params.missing", action="update") == []
