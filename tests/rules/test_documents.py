"""The loader: read_json errors with file/line/column, classify, parse (type and unknown-field findings with API
paths, the rest of the model kept), load."""

from __future__ import annotations

import json

import pytest

from layout_studio.documents import classify, load, parse
from layout_studio.errors import LoadError
from layout_studio.jsonfile import read_json
from layout_studio.model import Preset, StartPublishCdnStreamRequest, UpdatePublishCdnStreamRequest

from .bodies import REFERENCE_DIR, base, edit, preset_from, reference

R = "VideoParams.LayoutParams.MixLayoutList"


def test_read_json_reports_line_and_column_of_malformed_json(tmp_path):
    path = tmp_path / "bad.json"
    path.write_text('{\n  "SdkAppId": 1,\n  "RoomId": "1",,\n}\n')
    with pytest.raises(LoadError) as err:
        read_json(path)
    assert (err.value.file, err.value.line, err.value.column) == (str(path), 3, 17)
    assert str(err.value).startswith(f"{path}:3:17: malformed JSON")


def test_read_json_unreadable_file_names_the_file(tmp_path):
    missing = tmp_path / "nope.json"
    with pytest.raises(LoadError) as err:
        read_json(missing)
    assert err.value.file == str(missing) and "cannot read" in str(err.value)
    with pytest.raises(LoadError):
        read_json(tmp_path)  # a directory


@pytest.mark.parametrize(
    "text, what", [("[1, 2]", "a list"), ('"x"', "a string"), ("3", "an integer"), ("null", "null")]
)
def test_read_json_rejects_a_non_object_top_level(tmp_path, text, what):
    path = tmp_path / "top.json"
    path.write_text(text)
    with pytest.raises(LoadError) as err:
        read_json(path)
    assert err.value.line == 1 and what in str(err.value)


def test_read_json_rejects_nan_and_non_utf8(tmp_path):
    path = tmp_path / "nan.json"
    path.write_text('{"SdkAppId": NaN}')
    with pytest.raises(LoadError, match="NaN"):
        read_json(path)
    path.write_bytes(b'{"Name": "\xff"}')
    with pytest.raises(LoadError, match="UTF-8") as err:
        read_json(path)
    assert (err.value.line, err.value.column) == (1, 11)


def test_read_json_accepts_a_bom_and_returns_the_object(tmp_path):
    path = tmp_path / "bom.json"
    path.write_bytes(b"\xef\xbb\xbf" + json.dumps({"SdkAppId": 1}).encode())
    assert read_json(path) == {"SdkAppId": 1}


def test_classify():
    assert classify({"Format": "layout-studio/preset@1", "TaskId": "t"}) == "preset"
    assert classify({"TaskId": "t", "SdkAppId": 1}) == "update"
    assert classify({"SdkAppId": 1}) == "start"
    assert classify([]) == "start"


def test_parse_drops_a_wrong_type_and_keeps_the_rest():
    body = edit(reference("start-1"), f"{R}[1].LocationX", "640")
    model, findings = parse(body)
    assert isinstance(model, StartPublishCdnStreamRequest)
    assert [(f.code, f.path) for f in findings] == [("schema.type", f"{R}[1].LocationX")]
    assert "LocationX must be an integer, not a string" in findings[0].message
    assert "without quotes (640)" in findings[0].message
    regions = model.video_params.layout_params.mix_layout_list
    assert regions[1].location_x is None and regions[1].image_width == 640 and regions[0].location_x == 0


@pytest.mark.parametrize(
    "path, value",
    [
        ("SdkAppId", True),
        ("SdkAppId", 1.0),
        ("RoomId", 295066),
        ("VideoParams", "big"),
        (f"{R}[0]", "region"),
        ("PublishCdnParams", {"PublishCdnUrl": "rtmp://x"}),
        ("AgentParams.MaxIdleTime", None),
    ],
)
def test_parse_reports_each_wrong_type_at_its_path(path, value):
    body = edit(reference("start-1"), path, value)
    model, findings = parse(body)
    if value is None:  # null is "absent" for an optional field
        assert findings == []
        return
    assert [(f.code, f.path) for f in findings] == [("schema.type", path)]
    assert model.room_id == ("295066" if path != "RoomId" else None)


def test_a_wrong_list_item_keeps_later_indices():
    body = edit(reference("start-1"), f"{R}[0]", 7)
    model, findings = parse(body)
    assert findings[0].path == f"{R}[0]"
    assert model.video_params.layout_params.mix_layout_list[1].user_id == "Trtc_User_1"


def test_unknown_key_is_kept_and_reported_with_a_suggestion():
    body = edit(reference("start-1"), f"{R}[1].LocationZ", 3)
    body["VideoParams"]["LayoutParams"]["MixLayoutList"][1]["Zorder"] = 1
    model, findings = parse(body)
    by_path = {f.path: f for f in findings}
    assert by_path[f"{R}[1].Zorder"].code == "schema.unknown-field"
    assert "did you mean ZOrder?" in by_path[f"{R}[1].Zorder"].message
    assert "did you mean Location" in by_path[f"{R}[1].LocationZ"].message
    assert model.video_params.layout_params.mix_layout_list[1].model_extra["LocationZ"] == 3


def test_preset_target_fields_are_reported_at_their_request_path():
    preset = preset_from("start-1")
    preset["Target"]["AgentParams"]["UserId"] = 12
    preset["Target"]["AgentParams"]["MaxIdle"] = 30
    model, findings = parse(preset)
    assert isinstance(model, Preset)
    assert {(f.code, f.path) for f in findings} == {
        ("schema.type", "AgentParams.UserId"),
        ("schema.unknown-field", "AgentParams.MaxIdle"),
    }
    assert "MaxIdleTime" in next(f for f in findings if f.path == "AgentParams.MaxIdle").message


def test_parse_a_bad_format_and_a_non_object():
    model, findings = parse({"Format": "layout-studio/preset@9"})
    assert isinstance(model, Preset) and [f.code for f in findings] == ["preset.format"]
    model, findings = parse(["not", "an", "object"])
    assert isinstance(model, StartPublishCdnStreamRequest)
    assert [(f.code, f.path) for f in findings] == [("schema.type", "")]


def test_load_returns_the_model_for_each_kind(tmp_path):
    assert isinstance(load(REFERENCE_DIR / "update-2-change-relay-params.json"), UpdatePublishCdnStreamRequest)
    assert isinstance(load(REFERENCE_DIR / "start-1-mix-av-relay.json"), StartPublishCdnStreamRequest)
    path = tmp_path / "p.json"
    path.write_text(json.dumps(preset_from("start-7")))
    preset = load(path)
    assert isinstance(preset, Preset) and preset.canvas == (1280, 720)


def test_load_raises_naming_file_and_field_for_a_wrong_type(tmp_path):
    path = tmp_path / "req.json"
    path.write_text(json.dumps(edit(reference("start-1"), f"{R}[1].ImageWidth", "640px")))
    with pytest.raises(LoadError) as err:
        load(path)
    assert err.value.file == str(path)
    assert "ImageWidth must be an integer" in str(err.value) and str(path) in str(err.value)


def test_load_keeps_unknown_keys_for_the_validator(tmp_path):
    path = tmp_path / "req.json"
    path.write_text(json.dumps(edit(reference("start-1"), "Comment", "hi")))
    assert load(path).model_extra == {"Comment": "hi"}


def test_parse_never_changes_the_callers_body():
    body = edit(reference("start-1"), f"{R}[0]", "x")
    edit(body, f"{R}[1].LocationX", "1")
    before = json.dumps(body)
    parse(body)
    assert json.dumps(body) == before


def test_deeply_nested_values_are_findings_not_crashes():
    deep: list = []
    for _ in range(5000):
        deep = [deep]
    _model, findings = parse({"VideoParams": deep, "Note": deep})
    assert {(f.code, f.path) for f in findings} == {("schema.type", "VideoParams"), ("schema.unknown-field", "Note")}


@pytest.mark.parametrize("value", [123456789, ["eJwsecret-in-a-list"], {"v": "eJwsecret-in-an-object"}, 1.5e9])
def test_a_secret_of_the_wrong_type_is_not_echoed(value):
    """A UserSig or SecretKey written with the wrong type is reported without its value (secrets never on screen)."""
    body = reference("start-1")
    body["AgentParams"]["UserSig"] = value
    body["FeedBackRoomParams"] = [{"RoomId": "1", "RoomIdType": 0, "UserId": "back", "UserSig": value}]
    _model, findings = parse(body)
    bad = [f for f in findings if f.code == "schema.type"]
    assert [f.path for f in bad] == ["AgentParams.UserSig", "FeedBackRoomParams[0].UserSig"]
    shown = json.dumps(value)
    for f in bad:
        assert "UserSig must be a string" in f.message
        assert shown not in f.message and str(value) not in f.message and "secret" not in f.message


def test_a_task_field_at_the_top_of_a_preset_says_to_move_it_under_target():
    preset = {**preset_from("start-1"), "SdkAppId": 1400188366, "TaskId": "t"}
    preset["Target"]["SequenceNumber"] = 4
    _model, findings = parse(preset)
    messages = {f.path: f.message for f in findings if f.code == "schema.unknown-field"}
    assert set(messages) == {"SdkAppId", "TaskId", "SequenceNumber"}
    assert "move it into Target" in messages["SdkAppId"] and "UnknownParameter" not in messages["SdkAppId"]
    for key in ("TaskId", "SequenceNumber"):
        assert "--task-id" in messages[key] and "--sequence" in messages[key], messages[key]


# ------------------------------------------------------------------------------------------ QA: values JSON allows
@pytest.mark.parametrize("number", ["1e400", "-1e400"])
def test_read_json_rejects_a_number_too_large_for_a_float_naming_its_field(tmp_path, number):
    """1e400 is valid JSON grammar but reads as infinity: the loader crashed on it (OverflowError)."""
    path = tmp_path / "big.json"
    path.write_text(f'{{"VideoParams": {{"VideoEncode": {{"Width": {number}}}}}}}')
    with pytest.raises(LoadError) as err:
        read_json(path)
    assert err.value.file == str(path)
    assert "VideoParams.VideoEncode.Width" in str(err.value) and "too large" in str(err.value)


def test_parse_reports_infinity_as_a_type_finding_without_crashing():
    _, findings = parse({"SdkAppId": float("inf"), "RoomId": "1"})
    assert [(f.code, f.path) for f in findings] == [("schema.type", "SdkAppId")]


def test_read_json_rejects_an_unpaired_surrogate_escape_naming_its_field(tmp_path):
    """ "\\ud800" is valid JSON grammar but no character: writing it out (preset, body on stdout) crashed."""
    path = tmp_path / "sur.json"
    path.write_text('{"AgentParams": {"UserId": "bot\\ud800"}, "VideoParams": {"x\\udfff": 1}}')
    with pytest.raises(LoadError) as err:
        read_json(path)
    message = str(err.value)
    assert "AgentParams.UserId" in message and "surrogate" in message
    message.encode("utf-8")  # the message itself can be printed


def test_read_json_accepts_a_surrogate_pair_escape(tmp_path):
    path = tmp_path / "emoji.json"
    path.write_text('{"Name": "cam \\ud83c\\udfa5"}')
    assert read_json(path) == {"Name": "cam \U0001f3a5"}


@pytest.mark.parametrize(
    "text, where, key",
    [
        ('{"SdkAppId": 1, "SdkAppId": 2}', "top level", "SdkAppId"),
        (
            '{"VideoParams": {"LayoutParams": {"MixLayoutList": [{}, {"LocationX": 0, "LocationX": 640}]}}}',
            "VideoParams.LayoutParams.MixLayoutList[1]",
            "LocationX",
        ),
    ],
)
def test_read_json_rejects_a_key_given_twice_naming_where(tmp_path, text, where, key):
    """A repeated key silently lost its first value (JSON readers disagree on which one counts)."""
    path = tmp_path / "dup.json"
    path.write_text(text)
    with pytest.raises(LoadError) as err:
        read_json(path)
    assert where in str(err.value) and f'"{key}"' in str(err.value) and "twice" in str(err.value)


@pytest.mark.parametrize("key", ["[\u00b9", "x[\u00b2]", "a.b[", "[0]"])
def test_an_unknown_key_that_looks_like_a_path_is_reported_not_a_crash(key):
    """A key such as "[¹" ('¹'.isdigit() but int('¹') fails) crashed unknown-field reporting (found by hypothesis)."""
    _, findings = parse({"SdkAppId": 1, key: 1})
    assert [f.code for f in findings] == ["schema.unknown-field"]


def test_read_json_an_integer_with_thousands_of_digits_names_its_field_not_python(tmp_path):
    """A 5000-digit integer said "use sys.set_int_max_str_digits() to increase the limit" (Python's own words)."""
    path = tmp_path / "digits.json"
    path.write_text('{"VideoParams": {"VideoEncode": {"Width": %s}}}' % ("9" * 5000))
    with pytest.raises(LoadError) as err:
        read_json(path)
    message = str(err.value)
    assert "VideoParams.VideoEncode.Width" in message and "5000 digits" in message and "sys." not in message


def test_a_preset_target_keeps_the_recording_storage_and_the_ingest_sources():
    body = base("preset:start-1")
    edit(body, "Target.StorageParams", {"CloudVod": {"TencentVod": {"ExpireTime": 0}}})
    edit(body, "Target.IngestSources", [{"UserId": "ingest_1", "StreamUrl": "https://a.b/test.mp4"}])
    assert [f for f in parse(body)[1] if f.code.startswith("schema.")] == []
    edit(body, "Target.StorageParams", {"x": 1})  # checked as the recording's StorageParams, not as a neighbour's
    found = [f for f in parse(body)[1] if f.code == "schema.unknown-field"]
    assert [f.path for f in found] == ["StorageParams.x"] and "CloudStorage, CloudVod" in found[0].message


NEIGHBOURS = [
    ("MixLayoutParams", ["CreateCloudRecording", "VideoParams.LayoutParams"]),
    ("MixTranscodeParams", ["CreateCloudRecording", "VideoParams.VideoEncode"]),
    ("StorageParams", ["CreateCloudRecording", "RecordParams.McuStorageParams"]),
    ("StreamUrl", ["StartStreamIngest"]),
    ("UserId", ["AgentParams.UserId"]),
    ("UserSig", ["AgentParams.UserSig"]),
]


@pytest.mark.parametrize(
    "doc, key, says",
    [
        (doc, key, says)
        for doc in ("start-1", "preset:start-1")
        for key, says in NEIGHBOURS
        # a preset's Target holds the recording's StorageParams: the test above
        if not (doc.startswith("preset") and key == "StorageParams")
    ],
)
def test_a_field_of_a_neighbouring_api_says_where_it_belongs(key, says, doc):
    """A field of a CreateCloudRecording or StartStreamIngest body in a mixing body or a preset's Target is an
    unknown field whose message names the API it belongs to and the mixing API's field for it."""
    body = base(doc)
    edit(body, f"Target.{key}" if doc.startswith("preset") else key, {"x": 1} if key.endswith("Params") else "v")
    found = [f for f in parse(body)[1] if f.code == "schema.unknown-field" and f.path == key]
    assert len(found) == 1, [str(f) for f in parse(body)[1]]
    for text in says:
        assert text in found[0].message


def test_an_unpaired_surrogate_in_a_secret_is_not_echoed(tmp_path):
    path = tmp_path / "sig.json"
    path.write_text('{"AgentParams": {"UserId": "bot", "UserSig": "eJwSECRETVALUE\\ud800"}}')
    with pytest.raises(LoadError) as err:
        read_json(path)
    assert "AgentParams.UserSig" in str(err.value) and "eJwSECRETVALUE" not in str(err.value)


@pytest.mark.parametrize("key", ["Target", "Name", "$schema"])
def test_a_preset_without_format_is_told_to_add_it(key):
    """A preset that lost its "Format" reads as a request body: its preset keys said 'known fields: ...'."""
    preset = preset_from("start-1")
    del preset["Format"]
    preset.setdefault("Name", "n")
    preset.setdefault("$schema", "schema/preset.schema.json")
    found = [f for f in parse(preset)[1] if f.code == "schema.unknown-field" and f.path == key]
    assert len(found) == 1 and '"Format": "layout-studio/preset@1"' in found[0].message


@pytest.mark.parametrize(
    "kind, key, says",
    [
        ("update", "AgentParams", "StartPublishCdnStream"),
        ("update", "RoomId", "StartPublishCdnStream"),
        ("start", "TaskId", "UpdatePublishCdnStream"),
        ("start", "SequenceNumber", "UpdatePublishCdnStream"),
    ],
)
def test_a_field_of_the_other_mixing_request_says_so(kind, key, says):
    """AgentParams in an update said 'did you mean SeiParams?'; TaskId in a start body listed the known fields."""
    body = reference("start-1") if kind == "update" else reference("update-2")
    found = [f for f in parse(body, kind)[1] if f.path == key]
    assert len(found) == 1 and says in found[0].message and "did you mean" not in found[0].message


@pytest.mark.parametrize("constant", ["NaN", "Infinity", "-Infinity"])
def test_nan_and_infinity_are_refused_with_their_line_and_column(tmp_path, constant, capsys):
    """`{"Width": NaN}` said "nan.json: NaN is not valid JSON" without the line:column other malformed JSON gets."""
    from layout_studio.cli import main

    path = tmp_path / "nan.json"
    path.write_text('{"Name": "NaN, Infinity \\" -Infinity",\n  "Width": ' + constant + "}")
    with pytest.raises(LoadError, match=constant) as err:
        read_json(path)
    assert (err.value.line, err.value.column) == (2, 12)
    assert main(["validate", str(path)]) == 2
    assert f"nan.json:2:12: {constant} is not valid JSON" in capsys.readouterr().out
