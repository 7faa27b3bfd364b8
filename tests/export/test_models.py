"""The models of the other surfaces follow the house pattern: every field carries its documented facts with a public
citation, enums and ranges name a rule (run by the target's pack, not by the mixing validator), and the request
types have the SDK's fields."""

from __future__ import annotations

import pytest
from tencentcloud.trtc.v20190722 import models as sdk_models

from layout_studio.model import ApiModel, cdn_streaming, client, field_facts, ingest, legacy, model_types, recording
from layout_studio.rules import RULES
from layout_studio.rules.fields import checked_fields
from layout_studio.sources import is_public_citation

ROOTS: list[type[ApiModel]] = [
    recording.CreateCloudRecordingRequest,
    recording.ModifyCloudRecordingRequest,
    recording.DescribeCloudRecordingRequest,
    recording.DeleteCloudRecordingRequest,
    ingest.StartStreamIngestRequest,
    ingest.UpdateStreamIngestRequest,
    ingest.StopStreamIngestRequest,
    ingest.DescribeStreamIngestRequest,
    legacy.StartMCUMixTranscodeRequest,
    legacy.StartMCUMixTranscodeByStrRoomIdRequest,
    client.StartPublishMediaStreamArgs,
    client.TRTCTranscodingConfig,
    cdn_streaming.CDNStreamingOptions,
]
TYPES = sorted({cls for root in ROOTS for cls in model_types(root).values()}, key=lambda c: c.__name__)


@pytest.mark.parametrize("cls", TYPES, ids=lambda c: c.__name__)
def test_every_field_has_facts_and_a_public_source(cls):
    facts = field_facts(cls)
    assert set(facts) == set(cls.model_fields)
    for attr in cls.model_fields:
        assert is_public_citation(cls.field_source(attr)), f"{cls.__name__}.{attr}: {cls.field_source(attr)}"
        marked = [v for v, meaning in (facts[attr].values or {}).items() if "(default)" in meaning]
        assert marked in ([], [facts[attr].default]), f"{cls.__name__}.{attr}"


def test_the_targets_rule_codes_are_their_own_and_not_the_mixing_validator_s():
    codes = checked_fields(TYPES)
    prefixes = (
        "recording.",
        "ingest.",
        "mcu-legacy.",
        "sdk-stream-mixing.",
        "sdk-transcoding.",
        "web-cdn-streaming.",
        "record.cloud-storage.",
    )
    assert all(code.startswith(prefixes) for code in codes), sorted(codes)
    assert not {c for c in codes if not c.startswith("record.")} & set(RULES)


def test_the_traps_are_in_the_facts():
    room = field_facts(recording.CreateCloudRecordingRequest)["room_id_type"]
    assert room.values == {0: "string room", 1: "integer room (default)"} and room.default == 1
    assert field_facts(ingest.StartStreamIngestRequest)["room_id_type"].values == room.values
    assert field_facts(recording.VideoParams)["bit_rate"].unit == "bps"
    assert set(field_facts(recording.AudioParams)["sample_rate"].values or {}) == {1, 2, 3}
    assert field_facts(legacy.EncodeParams)["video_height"].high == 1080
    assert field_facts(legacy.LayoutParams)["template"].label(1) == "grid"


def test_the_ingest_requests_have_the_sdk_s_fields_but_the_withdrawn_ones():
    withdrawn = {"VideoEncodeParams", "AudioEncodeParams", "SourceUrl"}
    for ours in (ingest.StartStreamIngestRequest, ingest.UpdateStreamIngestRequest, ingest.StopStreamIngestRequest):
        theirs = {k.lstrip("_") for k in vars(getattr(sdk_models, ours.__name__)())}
        assert set(ours.api_names()) == theirs - withdrawn, ours.__name__
