"""Hypothesis: no JSON value crashes parse or validate — any value, and the reference examples with values of the
wrong type and random keys put anywhere. Every result is a list of well-formed findings."""

from __future__ import annotations

import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from layout_studio.documents import parse
from layout_studio.errors import LoadError
from layout_studio.findings import Finding, Severity
from layout_studio.jsonfile import loads
from layout_studio.validation import validate

from .bodies import REFERENCE_DIR, preset_from

SCALARS = (
    st.none()
    | st.booleans()
    | st.integers(min_value=-(2**40), max_value=2**40)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=12)
    | st.sampled_from(["\ud800", "https://a/\udfff.png", "0x12345G", "rtmp://", "", "9" * 30])
)
JSON = st.recursive(
    SCALARS,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=10), inner, max_size=4),
    max_leaves=25,
)
API_KEYS = st.sampled_from(
    [
        "VideoParams",
        "LayoutParams",
        "MixLayoutList",
        "LocationX",
        "ImageWidth",
        "ZOrder",
        "WaterMarkList",
        "WaterMarkType",
        "WaterMarkText",
        "UserInfo",
        "RoomId",
        "TaskId",
        "Format",
        "Target",
        "AudioEncode",
        "Codec",
        "SeiParams",
        "PayloadType",
        "CustomCrop",
    ]
)
BASES = [json.loads(p.read_text()) for p in sorted(REFERENCE_DIR.glob("*.json"))] + [
    preset_from(n) for n in ("start-1", "start-7", "start-5")
]
SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _check(findings):
    assert isinstance(findings, list)
    for f in findings:
        assert isinstance(f, Finding) and isinstance(f.severity, Severity)
        assert isinstance(f.path, str) and f.code and f.message and f.source


def _containers(node, out):
    if isinstance(node, (dict, list)):
        out.append(node)
        for child in node.values() if isinstance(node, dict) else node:
            _containers(child, out)
    return out


@st.composite
def mutated_examples(draw):
    body = json.loads(json.dumps(draw(st.sampled_from(BASES))))
    for _ in range(draw(st.integers(min_value=1, max_value=6))):
        places = _containers(body, [])
        node = draw(st.sampled_from(places))
        value = draw(JSON)
        if isinstance(node, dict):
            if node and draw(st.booleans()):
                node[draw(st.sampled_from(sorted(node)))] = value  # a wrong type at a known key
            else:
                node[draw(API_KEYS | st.text(max_size=8) | st.just("\ud800"))] = value  # a random or misplaced key
        elif node:
            node[draw(st.integers(min_value=0, max_value=len(node) - 1))] = value
        else:
            node.append(value)
    return body


@SETTINGS
@given(JSON)
def test_any_json_value_never_crashes(value):
    _model, findings = parse(value)
    _check(findings)
    _check(validate(value))
    _check(validate(value, action="update", canvas=(640, 360)))


@SETTINGS
@given(mutated_examples(), st.sampled_from([None, "start", "update"]))
def test_mutated_reference_examples_never_crash(body, action):
    model, findings = parse(body)
    _check(findings)
    _check(validate(body, action=action, canvas=(1280, 720)))
    _check(validate(model, action=action))


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=40))
def test_any_text_is_json_or_a_load_error(text):
    try:
        value = loads(text, file="x.json")
    except LoadError as err:
        assert str(err).startswith("x.json")
    else:
        assert isinstance(value, dict)
