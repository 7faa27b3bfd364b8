"""Hypothesis: no rule ever reports an error on the reference documents' own request examples (the seven
StartPublishCdnStream examples of the API page and the two UpdatePublishCdnStream examples of the server API
manual, in tests/fixtures/reference), whatever the users and rooms are called, in whatever key order, given as a
body, a model or a preset (with or without the start action), in integer or string rooms, main-room users named
with or without their room, and the findings do not depend on any of that.

Two findings are right about the examples and stay warnings: update-1 gives only SubscribeAudioList
(``audio.list.update-pair``: the SDK asks for both lists together), and its regions cannot be checked without a
canvas (``layout.canvas.unchecked``, info); update-2 changes CDN URLs (``update.cdn-url.restarts``, info)."""

from __future__ import annotations

import json
import random
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from layout_studio.documents import parse
from layout_studio.findings import Severity, has_errors
from layout_studio.validation import validate

from .bodies import REFERENCE_DIR, preset_of, reference

NAMES = sorted(p.stem for p in REFERENCE_DIR.glob("*.json"))
USER_IDS = st.from_regex(r"[A-Za-z][A-Za-z0-9_]{0,23}", fullmatch=True)
ROOM_NUMBERS = st.integers(min_value=1, max_value=4_294_967_295)
ROOM_STRINGS = st.from_regex(r"[A-Za-z0-9_-]{1,24}", fullmatch=True)


def strings_at(node: Any, key: str, out: list[str]) -> list[str]:
    """Every distinct string value of ``key`` in ``node``, in document order."""
    if isinstance(node, dict):
        for k, v in node.items():
            if k == key and isinstance(v, str) and v not in out:
                out.append(v)
            strings_at(v, key, out)
    elif isinstance(node, list):
        for item in node:
            strings_at(item, key, out)
    return out


def renamed(node: Any, names: dict[str, dict[str, str]], rng: random.Random) -> Any:
    """``node`` with the strings of each key of ``names`` replaced by their new names, dict keys shuffled."""
    if isinstance(node, dict):
        keys = list(node)
        rng.shuffle(keys)
        return {k: names[k].get(node[k], node[k]) if k in names else renamed(node[k], names, rng) for k in keys}
    if isinstance(node, list):
        return [renamed(item, names, rng) for item in node]
    return node


def main_room_users_unnamed(node: Any, room: tuple[Any, Any]) -> Any:
    """``node`` with RoomId and RoomIdType left out of every UserInfo in the main ``room`` (absent: the main room)."""
    if isinstance(node, dict):
        out = {k: main_room_users_unnamed(v, room) for k, v in node.items()}
        info = out.get("UserInfo")
        if isinstance(info, dict) and (info.get("RoomId"), info.get("RoomIdType")) == room:
            out["UserInfo"] = {k: v for k, v in info.items() if k not in ("RoomId", "RoomIdType")}
        return out
    if isinstance(node, list):
        return [main_room_users_unnamed(item, room) for item in node]
    return node


def string_rooms(node: Any) -> Any:
    """``node`` with every RoomIdType 1 (the rooms renamed to strings by :func:`examples`)."""
    if isinstance(node, dict):
        return {k: 1 if k == "RoomIdType" else string_rooms(v) for k, v in node.items()}
    if isinstance(node, list):
        return [string_rooms(item) for item in node]
    return node


@st.composite
def examples(draw):
    """``(name, original, variant)``: a reference example and the same request with new user and room names, in
    integer or string rooms, main-room users named with or without their room."""
    name = draw(st.sampled_from(NAMES))
    body = reference(name)
    users = strings_at(body, "UserId", [])
    rooms = strings_at(body, "RoomId", [])
    new_users = draw(st.lists(USER_IDS, min_size=len(users), max_size=len(users), unique=True))
    in_strings = draw(st.booleans())
    numbers = st.lists(ROOM_NUMBERS, min_size=len(rooms), max_size=len(rooms), unique=True)
    strings = st.lists(ROOM_STRINGS, min_size=len(rooms), max_size=len(rooms), unique=True)
    new_rooms = [str(r) for r in draw(strings if in_strings else numbers)]
    names = {"UserId": dict(zip(users, new_users)), "RoomId": dict(zip(rooms, new_rooms))}
    rng = random.Random(draw(st.integers(min_value=0, max_value=2**32)))
    variant = renamed(body, names, rng)
    if in_strings:
        variant = string_rooms(variant)
    if draw(st.booleans()) and "RoomId" in variant:
        variant = main_room_users_unnamed(variant, (variant["RoomId"], variant["RoomIdType"]))
    return name, body, variant


def as_form(name: str, body: dict, form: str) -> Any:
    """``body`` as a raw body, a parsed model or a preset."""
    if form == "model":
        return parse(json.loads(json.dumps(body)))[0]
    if form == "preset":
        return preset_of(body, name)
    return body


def shape(findings) -> list[tuple[str, Severity, str]]:
    return sorted((f.code, f.severity, f.path) for f in findings)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(examples(), st.sampled_from(["body", "model", "preset"]), st.booleans())
def test_no_rule_reports_an_error_on_the_reference_examples(example, form, explicit_action):
    name, original, variant = example
    if form == "preset" and not name.startswith("start"):
        form = "body"
    action = None
    if explicit_action:
        action = "update" if name.startswith("update") else "start"
    findings = validate(as_form(name, variant, form), action=action)
    assert not has_errors(findings), [str(f) for f in findings]
    assert shape(findings) == shape(validate(as_form(name, original, form), action=action))


def test_the_examples_findings_are_the_documented_warnings_and_infos():
    found = {name: shape(validate(reference(name))) for name in NAMES}
    assert {name: f for name, f in found.items() if f} == {
        "update-1-change-audio-and-layout": [
            ("audio.list.update-pair", Severity.WARNING, "AudioParams.UnSubscribeAudioList"),
            ("layout.canvas.unchecked", Severity.INFO, "VideoParams"),
        ],
        "update-2-change-relay-params": [("update.cdn-url.restarts", Severity.INFO, "PublishCdnParams")],
    }
