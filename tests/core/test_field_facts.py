"""Field facts: one source for each API field's description, unit, values or range, default and citation.

The JSON Schema, the single-field rules, the studio inspector's hints and the documented defaults are all derived
from the :class:`~layout_studio.model.FieldFacts` on the model fields; the first test changes one range in a fixture
model and sees all three follow.
"""

from typing import Annotated

import pytest

import layout_studio.model as m
from layout_studio.editing.fields import REGION_FIELDS, TABS, facts_hint, field_hint
from layout_studio.findings import Severity
from layout_studio.model import ApiModel, FieldFacts, field_facts
from layout_studio.model.facts import FactsError, Int
from layout_studio.rules import RULES, RuleContext, run
from layout_studio.rules.fields import api_types, checked_fields, field_rules
from layout_studio.schema import model_schema, preset_schema
from layout_studio.sources import is_public_citation, sdk

CODE = "fixture.knob.level-range"


def fixture_models(high: int) -> tuple[type[ApiModel], type[ApiModel]]:
    """A Panel holding a Knob whose Level is 0..``high`` pixels."""

    class Knob(ApiModel):
        """A knob."""

        level: Annotated[
            Int,
            FieldFacts("How far the knob is turned", unit="pixels", low=0, high=high, rule=CODE, source=sdk("Knob")),
        ] = None

    class Panel(ApiModel):
        """A panel with one knob."""

        knob: Annotated[Knob | None, FieldFacts("The knob")] = None

    return Knob, Panel


def derived(high: int, level: int) -> tuple[dict, list, str]:
    """(the Knob.Level schema property, the findings for a Panel with Knob.Level ``level``, the inspector hint)."""
    knob, panel = fixture_models(high)
    prop = model_schema(panel, title="t", description="d")["$defs"]["Knob"]["properties"]["Level"]
    [rule] = field_rules([knob, panel])
    root = panel.model_validate({"Knob": {"Level": level}})
    ctx = RuleContext(root=root, kind="start", action=None, canvas=None, canvas_from=None)
    return prop, list(run(ctx, [rule])), field_hint(panel, "Knob.Level")


@pytest.mark.parametrize("high", [1920, 3840])
def test_changing_a_range_on_the_model_changes_the_schema_the_rule_and_the_hint(high):
    prop, findings, hint = derived(high, level=2000)
    assert prop["minimum"] == 0 and prop["maximum"] == high
    assert prop["description"] == f"How far the knob is turned. 0..{high} pixels."
    assert hint == f"0-{high} px"
    if high < 2000:
        [finding] = findings
        assert (finding.code, finding.severity, finding.path) == (CODE, Severity.ERROR, "Knob.Level")
        assert finding.message == f"Level is 2000; valid: 0..{high} pixels — set a value in that range"
        assert finding.source == "SDK models.Knob"
    else:
        assert findings == []
    assert derived(high, level=high)[1] == []  # the bound itself is allowed


# The stable codes of the single-field rules (users and tests rely on them): the facts must keep naming them.
STABLE_CODES = {
    "audio.encode.bitrate-range",
    "audio.encode.channel",
    "audio.encode.codec",
    "audio.encode.sample-rate",
    "audio.sound-level.range",
    "cdn.is-tencent-cdn",
    "feedback.room-id-type",
    "layout.enable-stream-sei",
    "layout.mix-layout-mode",
    "layout.pure-audio-hold-place-mode",
    "layout.region.background-color-mode",
    "layout.region.background-render-mode",
    "layout.region.enable-stream-sei",
    "layout.region.render-mode",
    "layout.render-mode",
    "record.cloud-storage.vendor",
    "record.max-file-duration.range",
    "record.stream-type",
    "record.uni-record",
    "record.wait-time.range",
    "room.room-id-type",
    "sei.layout-volume.follow-idr",
    "sei.pass-through.follow-idr",
    "task.max-idle-time.range",
    "task.room-id-type",
    "task.with-transcoding",
    "user.stream-type",
    "video.background-render-mode",
    "video.encode.bitrate-range",
    "video.encode.fps-range",
    "video.encode.gop-range",
    "video.encode.height-range",
    "video.encode.width-range",
    "watermark.image.dynamic-pos-type",
    "watermark.text.dynamic-pos-type",
    "watermark.type",
}


def test_the_facts_name_every_stable_single_field_code_and_each_is_a_registered_error_rule():
    assert set(checked_fields(api_types())) == STABLE_CODES
    assert all(RULES[code].severity is Severity.ERROR for code in STABLE_CODES)


def test_every_field_of_every_api_type_has_facts_and_a_public_source():
    for cls in api_types():
        facts = field_facts(cls)
        assert set(facts) == set(cls.model_fields), cls.__name__
        for attr in cls.model_fields:
            source = cls.field_source(attr)
            assert is_public_citation(source), f"{cls.__name__}.{attr}: {source}"
            if not facts[attr].source:
                assert source == sdk(f"{cls.__name__}.{cls.api_name(attr)}")


def test_target_fields_share_the_request_fields_facts():
    for attr in m.Target.model_fields:
        if attr in m.StartPublishCdnStreamRequest.model_fields:
            assert field_facts(m.Target)[attr] is field_facts(m.StartPublishCdnStreamRequest)[attr], attr


def test_eff_falls_back_to_the_documented_default():
    region = m.McuLayout()
    assert region.eff("background_render_mode") == 3 and region.eff("render_mode") == 0
    assert region.eff("user_media_stream") is None  # no documented default
    assert m.McuLayout(background_render_mode=1).eff("background_render_mode") == 1
    assert m.McuWaterMarkText().eff("font_color") == "0xFFFFFF"


def test_a_value_marked_default_in_its_meaning_is_the_documented_default():
    for cls in api_types():
        for attr, facts in field_facts(cls).items():
            marked = [v for v, meaning in (facts.values or {}).items() if "(default)" in meaning]
            assert marked in ([], [facts.default]), f"{cls.__name__}.{attr}"


def test_the_schema_refuses_exactly_what_the_error_rules_refuse():
    """enum/minimum/maximum only where the facts name a rule, with the same limits."""
    schema = preset_schema()
    classes = m.model_types(m.Preset)
    for name, body in schema["$defs"].items():
        cls = classes[name]
        for api_name, prop in body["properties"].items():
            facts = field_facts(cls)[cls.api_names()[api_name]]
            assert prop.get("enum") == (list(facts.values) if facts.values is not None else None)
            assert prop.get("minimum") == facts.low and prop.get("maximum") == facts.high
            assert bool(facts.rule) == any(k in prop for k in ("enum", "minimum", "maximum")), f"{name}.{api_name}"


def test_the_schema_describes_units_values_and_defaults():
    defs = preset_schema()["$defs"]
    assert defs["VideoEncode"]["properties"]["Width"]["description"].endswith("0..1920 pixels.")
    render = defs["McuLayout"]["properties"]["RenderMode"]
    assert render["enum"] == [0, 1, 2] and render["default"] == 0
    assert "0 crop (default), 1 fit showing the background, 2 fit on black" in render["description"]
    assert defs["AudioEncode"]["properties"]["SampleRate"]["description"].endswith(
        "One of 48000, 44100, 32000, 24000, 16000 or 8000 Hz."
    )


def test_inspector_hints_come_from_the_facts():
    hints = {f.label: f.hint for f in REGION_FIELDS}
    assert hints["LocationX"] == "px"
    assert hints["RenderMode"] == "0 crop, 1 fit, 2 fit on black"
    assert hints["StreamType"] == "0 camera, 1 screen"
    assert hints["Crop X"] == "source px"
    assert hints["ZOrder"] == "higher on top"  # no unit or values: the inspector's own note
    target = {f.label: f.hint for f in TABS["target"]}
    assert target["MaxIdleTime"] == "5-86400 s" and target["Transcoding"] == "0/1"
    canvas = {f.label: f.hint for f in TABS["canvas"]}
    assert canvas["PureAudioHold"] == "0/1, dynamic"
    assert facts_hint(FieldFacts("x", unit="milliseconds")) == "ms"


@pytest.mark.parametrize(
    "kwargs",
    [
        {"low": 0, "high": 1},  # a range without its rule code
        {"rule": "x.y"},  # a rule code without a range or values
        {"values": {0: "a"}, "low": 0, "rule": "x.y"},  # both
        {"unit": "furlongs"},
        {"values": {0: "a"}, "labels": {1: "b"}, "rule": "x.y"},  # a label for a value the field does not have
    ],
)
def test_facts_that_contradict_themselves_are_refused(kwargs):
    with pytest.raises(FactsError):
        FieldFacts("x", **kwargs)
