"""Request bodies from a preset: StartPublishCdnStream to start a mix, UpdatePublishCdnStream to change one.

:func:`build_request` turns a :class:`~layout_studio.model.Preset` plus target options into the JSON body of a
request (API version 2019-07-22), validates it with :func:`layout_studio.validation.validate`, and returns it.

What goes in each body (API StartPublishCdnStream, API UpdatePublishCdnStream; SDK models):

* **start**: SdkAppId, RoomId, RoomIdType, AgentParams (with UserSig when given), WithTranscoding, AudioParams,
  VideoParams, SingleSubscribeParams, PublishCdnParams, SeiParams, FeedBackRoomParams (with UserSig when given),
  RecordParams (with its CloudStorage SecretKey when given) — from the preset's design and Target, each Target
  field overridden by a keyword argument.
* **update**: SdkAppId, TaskId, SequenceNumber, WithTranscoding (required by API UpdatePublishCdnStream), the
  whole VideoParams (layout, background, watermarks, VideoEncode: everything but the codec, which VideoEncode does
  not carry), the SeiParams (an update parameter of API UpdatePublishCdnStream and of the SDK) and from AudioParams
  only the allow/block lists (SubscribeAudioList, UnSubscribeAudioList; the audio encoding cannot change).
  AudioEncode and the Target's destinations (PublishCdnParams, FeedBackRoomParams), SingleSubscribeParams, RoomId,
  AgentParams and RecordParams are never copied into an update: a changed CDN URL cuts and restarts the stream, so
  destinations go in only when passed explicitly as keyword arguments (``publish_cdn_params``,
  ``feed_back_room_params``, ``single_subscribe_params``).
* Region is a request header, never part of a body.

WithTranscoding, when neither a keyword argument nor the Target gives it, is 1 (mixing) unless the body relays a
single stream (SingleSubscribeParams), then 0.
"""

from __future__ import annotations

import copy
from collections.abc import Iterable
from typing import Any, Literal

from .errors import InvalidDesignError, LayoutStudioError
from .findings import Finding, errors_in, has_errors
from .model import TARGET_ONLY, ApiModel, Preset, StartPublishCdnStreamRequest, Target, UpdatePublishCdnStreamRequest
from .redaction import register_body

Action = Literal["start", "update"]

#: Keyword arguments that are not Target fields.
SECRET_KWARGS = ("user_sig", "feedback_user_sig", "storage_secret_key")
TASK_KWARGS = ("task_id", "sequence_number")
#: Target fields an update may carry when passed explicitly (snake_case).
UPDATE_TARGET_KWARGS = (
    "sdk_app_id",
    "with_transcoding",
    "publish_cdn_params",
    "feed_back_room_params",
    "single_subscribe_params",
)
#: Target fields a keyword argument may set (region: accepted and ignored; IngestSources and StorageParams belong to
#: other APIs).
_TARGET_FIELDS = tuple(a for a in Target.model_fields if a == "region" or Target.api_name(a) not in TARGET_ONLY)
_SECRET_NAMES = {
    "user_sig": "AgentParams.UserSig",
    "storage_secret_key": "RecordParams.McuStorageParams.CloudStorage.SecretKey",
}


def build_request(preset: Preset, action: Action, *, check: bool = True, **target: Any) -> dict[str, Any]:
    """The request body (a JSON-ready dict in API names) to start or update a mix from ``preset``.

    ``action``: ``"start"`` (StartPublishCdnStream) or ``"update"`` (UpdatePublishCdnStream).
    ``target``: snake_case names of :class:`~layout_studio.model.Target` fields (``sdk_app_id``, ``room_id``,
    ``room_id_type``, ``agent_params``, ``with_transcoding``, ``publish_cdn_params``, ``feed_back_room_params``,
    ``single_subscribe_params``, ``record_params``, ``region``), each a JSON value in API shape or a model, plus
    ``user_sig`` (the robot's UserSig), ``feedback_user_sig`` (one UserSig for every feedback room without one, or
    a list by index), ``storage_secret_key`` (SecretKey of RecordParams' CloudStorage, start only), ``task_id``
    and ``sequence_number`` (update only). A keyword argument replaces the Target's
    field, except ``agent_params``, whose keys are merged over the Target's AgentParams. ``None`` means "not
    given", and a field set to None in the preset is left out. ``region`` is accepted and ignored (a header,
    not a body field).

    With ``check`` the body is validated (for an update against the preset's canvas) and
    :class:`~layout_studio.errors.InvalidDesignError` is raised, carrying every finding, when any is an error.
    Raises :class:`~layout_studio.errors.LayoutStudioError` for an unknown action, or for an option an update
    cannot carry (RoomId, RoomIdType, AgentParams, UserSig, RecordParams and its SecretKey); TypeError for an
    unknown keyword.
    """
    unknown = set(target) - set(_TARGET_FIELDS) - set(SECRET_KWARGS) - set(TASK_KWARGS)
    if unknown:
        raise TypeError(f"build_request() got unexpected keyword argument(s): {', '.join(sorted(unknown))}")
    options = {key: value for key, value in target.items() if value is not None}
    if action == "start":
        body = _start_body(preset, options)
    elif action == "update":
        body = _update_body(preset, options)
    else:
        raise LayoutStudioError(f'unknown action {action!r}: use "start" or "update"')
    cleaned: dict[str, Any] = drop_none(body)
    register_body(cleaned)  # its UserSigs, SecretKey and txSecrets are masked in everything shown or stored
    if check:
        findings = check_request(cleaned, action, canvas=preset.canvas)
        if has_errors(findings):
            errors = errors_in(findings)
            first = errors[0]
            raise InvalidDesignError(
                f"the {_API_NAME[action]} body has {len(errors)} error(s), first: "
                f"{first.path or '(body)'}: {first.message} [{first.code}]",
                findings,
            )
    return cleaned


def check_request(body: dict[str, Any], action: Action, *, canvas: tuple[int, int] | None = None) -> list[Finding]:
    """Findings for a built body (:func:`layout_studio.validation.validate`); ``canvas`` (width, height) in pixels is
    used for an update body that carries no VideoEncode."""
    from .validation import validate

    return validate(body, action=action, canvas=canvas if action == "update" else None)


_API_NAME = {"start": "StartPublishCdnStream", "update": "UpdatePublishCdnStream"}


def _api_value(value: Any) -> Any:
    """A keyword argument as JSON: models dumped in API shape, containers copied."""
    if isinstance(value, ApiModel):
        return value.to_api()
    if isinstance(value, (list, tuple)):
        return [_api_value(item) for item in value]
    return copy.deepcopy(value)


def drop_none(value: Any) -> Any:
    """``value`` without null members: in the model None means "absent", and the API has no null."""
    if isinstance(value, dict):
        return {k: drop_none(v) for k, v in value.items() if v is not None}
    if isinstance(value, list):
        return [drop_none(v) for v in value]
    return value


def _target_fields(preset: Preset) -> dict[str, Any]:
    """The preset's Target in API names, without what is no StartPublishCdnStream field (Region, IngestSources,
    StorageParams: :data:`~layout_studio.model.TARGET_ONLY`); unknown Target keys kept (the validator reports
    them)."""
    data = preset.target.to_api() if preset.target is not None else {}
    for key in TARGET_ONLY:
        data.pop(key, None)
    return data


def _apply_overrides(fields: dict[str, Any], options: dict[str, Any], names: Iterable[str]) -> None:
    for attr in names:
        if attr not in options or attr == "region":
            continue
        key = Target.api_name(attr)
        value = _api_value(options[attr])
        if attr == "agent_params" and isinstance(value, dict) and isinstance(fields.get(key), dict):
            fields[key] = {**fields[key], **value}
        else:
            fields[key] = value


def _apply_secrets(body: dict[str, Any], options: dict[str, Any]) -> None:
    if "user_sig" in options:
        agent = body.get("AgentParams")
        if not isinstance(agent, dict):
            agent = body["AgentParams"] = {}
        agent["UserSig"] = options["user_sig"]
    storage = _cloud_storage(body)
    if "storage_secret_key" in options and storage is not None:
        storage["SecretKey"] = options["storage_secret_key"]
    sigs = options.get("feedback_user_sig")
    rooms = body.get("FeedBackRoomParams")
    if sigs is None or not isinstance(rooms, list):
        return
    for i, room in enumerate(rooms):
        if not isinstance(room, dict):
            continue
        if isinstance(sigs, str):
            room.setdefault("UserSig", sigs)
        elif i < len(sigs) and sigs[i] is not None:
            room["UserSig"] = sigs[i]


def _cloud_storage(body: dict[str, Any]) -> dict[str, Any] | None:
    """RecordParams.McuStorageParams.CloudStorage of ``body`` (a dict), or None."""
    node: Any = body
    for key in ("RecordParams", "McuStorageParams", "CloudStorage"):
        node = node.get(key) if isinstance(node, dict) else None
    return node if isinstance(node, dict) else None


def _default_with_transcoding(body: dict[str, Any]) -> None:
    if "WithTranscoding" not in body:
        body["WithTranscoding"] = 0 if "SingleSubscribeParams" in body else 1


def _ordered(body: dict[str, Any], model: type[ApiModel]) -> dict[str, Any]:
    """Keys in the API's documented order, unknown keys last (kept, so the validator reports them)."""
    order = list(model.api_names())
    out = {key: body[key] for key in order if key in body}
    out.update((key, value) for key, value in body.items() if key not in out)
    return out


def _start_body(preset: Preset, options: dict[str, Any]) -> dict[str, Any]:
    misplaced = [name for name in TASK_KWARGS if name in options]
    if misplaced:
        raise LayoutStudioError(f"{', '.join(misplaced)} only apply to an update; leave them out for a start")
    body = _target_fields(preset)
    _apply_overrides(body, options, _TARGET_FIELDS)
    for section in ("audio_params", "video_params", "sei_params"):
        value = getattr(preset, section)
        if value is not None:
            body[Preset.api_name(section)] = value.to_api()
    _apply_secrets(body, options)
    _default_with_transcoding(body)
    return _ordered(body, StartPublishCdnStreamRequest)


def _update_body(preset: Preset, options: dict[str, Any]) -> dict[str, Any]:
    refused = [
        name for name in options if name in _TARGET_FIELDS and name not in UPDATE_TARGET_KWARGS and name != "region"
    ]
    refused += [name for name in ("user_sig", "storage_secret_key") if name in options]
    if refused:
        names = ", ".join(Target.api_name(n) if n in _TARGET_FIELDS else _SECRET_NAMES[n] for n in refused)
        raise LayoutStudioError(
            f"UpdatePublishCdnStream cannot change {names}; leave it out for an update "
            "(stop and start the task to change it)"
        )
    target = preset.target
    body: dict[str, Any] = {}
    if target is not None and target.sdk_app_id is not None:
        body["SdkAppId"] = target.sdk_app_id
    if "task_id" in options:
        body["TaskId"] = options["task_id"]
    if "sequence_number" in options:
        body["SequenceNumber"] = options["sequence_number"]
    if target is not None and target.with_transcoding is not None:
        body["WithTranscoding"] = target.with_transcoding
    if target is not None and target.model_extra:
        body.update(copy.deepcopy(target.model_extra))
    _apply_overrides(body, options, UPDATE_TARGET_KWARGS)
    for section in ("video_params", "sei_params"):
        value = getattr(preset, section)
        if value is not None:
            body[Preset.api_name(section)] = value.to_api()
    audio = preset.audio_params.to_api() if preset.audio_params is not None else {}
    lists = {key: audio[key] for key in ("SubscribeAudioList", "UnSubscribeAudioList") if key in audio}
    if lists:
        body["AudioParams"] = lists
    _apply_secrets(body, options)
    _default_with_transcoding(body)
    return _ordered(body, UpdatePublishCdnStreamRequest)
