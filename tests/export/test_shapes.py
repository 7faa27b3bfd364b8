"""Client SDK targets: every platform's body uses only the field names of that platform's published type
definitions (:mod:`tests.export.sdk_fields`), and the shapes differ where the platforms do (the rectangle, the mix
user list, iOS's roomID)."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from layout_studio import export

from .designs import sink
from .sdk_fields import FIELDS, HOLDS

ROOTS = {"sdk-stream-mixing": "startPublishMediaStream", "sdk-transcoding": "TRTCTranscodingConfig"}
#: Where the type files were copied from, when this checkout has them next to it (not in a clean clone).
TYPE_FILES = Path(__file__).resolve().parents[3] / "sdk-types"


def walk(value: Any, kind: str, platform: str, seen: set[str]) -> None:
    """Assert every key of ``value`` (a ``kind``) is one of the type's published fields, recursively."""
    if isinstance(value, list):
        for item in value:
            walk(item, kind, platform, seen)
        return
    assert isinstance(value, dict), (kind, value)
    allowed = FIELDS[platform][kind]
    unknown = set(value) - set(allowed)
    assert not unknown, f"{platform} {kind} has no field {sorted(unknown)}"
    seen.add(kind)
    for key, item in value.items():
        inner = HOLDS[platform].get(key)
        if inner is not None and item is not None:
            walk(item, inner, platform, seen)


@pytest.mark.parametrize("platform", ["windows", "android", "ios"])
@pytest.mark.parametrize("target", sorted(ROOTS))
def test_every_field_of_a_client_body_is_a_published_field_of_the_platform(target, platform, tmp_path):
    result = export(sink(), target, platform=platform, output=tmp_path / "show.json")
    seen: set[str] = set()
    walk(result.body, ROOTS[target], platform, seen)
    assert "TRTCMixUser" in seen or "TRTCVideoLayout" in seen


def test_the_web_body_uses_the_cdn_streaming_plugin_fields():
    seen: set[str] = set()
    walk(export(sink(), "web-cdn-streaming").body, "CDNStreamingOptions", "web", seen)
    assert {"Target", "Encoding", "Mix", "VideoLayout", "User"} <= seen


def test_the_rectangle_is_each_platform_s_own(tmp_path):
    def first_layout(platform: str) -> dict[str, Any]:
        body = export(sink(), "sdk-stream-mixing", platform=platform, output=tmp_path / "s.json").body
        return body["config"]["videoLayoutList"][1]

    assert first_layout("windows")["rect"] == {"left": 853, "top": 0, "right": 1280, "bottom": 360}
    android = first_layout("android")
    assert (android["x"], android["y"], android["width"], android["height"]) == (853, 0, 427, 360)
    assert "rect" not in android
    assert first_layout("ios")["rect"] == {"origin": {"x": 853, "y": 0}, "size": {"width": 427, "height": 360}}


def test_mix_users_are_named_as_each_platform_names_them(tmp_path):
    def users(platform: str) -> tuple[str, dict[str, Any]]:
        body = export(sink(), "sdk-transcoding", platform=platform, output=tmp_path / "s.json").body
        key = "mixUsersArray" if "mixUsersArray" in body else "mixUsers"
        rival = next(u for u in body[key] if u.get("userId") == "rival")
        return key, rival

    assert users("windows") == ("mixUsersArray", users("windows")[1])
    assert users("windows")[1]["roomId"] == "20002" and "soundLevel" not in users("windows")[1]
    assert users("android")[0] == "mixUsers" and users("android")[1]["roomId"] == "20002"
    assert users("ios")[0] == "mixUsers" and users("ios")[1]["roomID"] == "20002"


def test_web_is_not_a_native_sdk_platform():
    from layout_studio.errors import LayoutStudioError

    with pytest.raises(LayoutStudioError, match="web-cdn-streaming"):
        export(sink(), "sdk-transcoding", platform="web")
    with pytest.raises(LayoutStudioError, match="platform"):
        export(sink(), "web-cdn-streaming", platform="android")


def _declared(text: str, name: str) -> set[str]:
    """Field names of class/type/interface ``name`` in a .d.ts text."""
    m = re.search(rf"export declare (?:class|type|interface) {name}\b[^{{]*\{{(.*?)\n\}}", text, re.S)
    assert m, name
    return set(re.findall(r"^\s+(\w+)\??:", m.group(1), re.M))


@pytest.mark.skipif(not TYPE_FILES.is_dir(), reason="the SDK type files are not beside this checkout")
def test_the_fixture_matches_the_type_files_when_they_are_at_hand():
    electron = (TYPE_FILES / "electron-trtc_define.d.ts").read_text(encoding="utf-8")
    for name, fields in FIELDS["windows"].items():
        if name != "startPublishMediaStream":
            assert set(fields) == _declared(electron, name), name
    web = (TYPE_FILES / "web-v5-cdn-streaming" / "cdn-streaming.esm.d.ts").read_text(encoding="utf-8")
    for name, fields in FIELDS["web"].items():
        assert set(fields) == _declared(web, name), name
