"""Secrets in request bodies: find, strip (for files) and mask (for screens, logs, journals, reports).

What counts as a secret:

* ``UserSig`` anywhere: the robot's login signature (``SDK models.AgentParams.UserSig``,
  ``SDK models.McuFeedBackRoomParams.UserSig``);
* ``SecretKey`` anywhere: a storage account key (``SDK models.CloudStorage.SecretKey``, in RecordParams);
* the same keys misspelt in case or with ``_``/``-`` (``Usersig``, ``secret_key``): the API rejects the key, but the
  value is still a secret (:func:`is_secret_key`);
* the signature query parameter of a CDN push URL (:data:`URL_SECRET_PARAMS`): ``txSecret`` of Tencent Cloud's
  own CDN, and the common third-party ones a ``PublishCdnUrl`` to another CDN carries (``SDK
  models.McuPublishCdnParam.PublishCdnUrl``, ``IsTencentCdn`` 0) — ``wsSecret``, ``auth_key``, ``sign``. Decision
  (Layout Studio assumption): each is a secret like txSecret — anyone holding it can push to that stream until it
  expires — so it is stripped from presets and journal rows and masked in every output; the parameters that only
  say when it expires (``txTime``, ``wsTime``, ``t``) are kept. A vendor's other signature parameter is not
  recognised: pass such a URL at start time (``--cdn-url``) rather than storing it in a preset.

The SDK secret key of the application (TRTC_SDK_SECRET_KEY) and the API SecretKey never enter a body at all. Text
that leaves the process (output, journal, reports, exceptions, the studio) is redacted by the run's secret registry,
:mod:`layout_studio.redaction`, which knows every secret of the run in every encoding; the helpers here work on one
body.

Every helper here goes through the one walk, :func:`walk`, which recognises the secret keys in any case.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Callable
from typing import Any, TypeVar, cast

_T = TypeVar("_T")

MASK = "***"
SECRET_KEYS = frozenset({"UserSig", "SecretKey"})
#: Query parameters that sign a CDN push URL (module docstring), matched in any case.
URL_SECRET_PARAMS = ("txSecret", "wsSecret", "auth_key", "sign")
_URL_SECRET = re.compile(rf"(?i)([?&]({'|'.join(URL_SECRET_PARAMS)})=)[^&#\s\"']*")
_SECRET_NAMES = frozenset(key.lower() for key in SECRET_KEYS)
#: Returned by an ``on_key`` callback of :func:`walk` to drop the key from the copy.
DROP: Any = object()

#: ``on_key(path, value)`` for a secret key's value (not None): what the copy holds instead, or :data:`DROP`.
OnKey = Callable[[str, Any], Any]
#: ``on_str(path, text)`` for every other string: what the copy holds instead.
OnStr = Callable[[str, str], str]


def is_secret_key(key: Any) -> bool:
    """True for UserSig and SecretKey, also misspelt in case or with ``_``/``-`` (``Usersig``, ``secret_key``)."""
    return isinstance(key, str) and re.sub(r"[-_\s]", "", key).lower() in _SECRET_NAMES


def walk(obj: Any, on_key: OnKey, on_str: OnStr, path: str = "") -> Any:
    """The one walk over a JSON-like value (dicts, lists, strings, numbers) that every secret helper uses.

    Returns a new value: each dict key for which :func:`is_secret_key` holds (in any case) with a value that is not
    None is replaced by ``on_key(path, value)`` (its value is not walked further), every other string by
    ``on_str(path, text)``; ``path`` is the API path (``AgentParams.UserSig``, ``PublishCdnParams[0].PublishCdnUrl``).
    Dicts and lists are rebuilt, so the caller's value is never changed.
    """
    if isinstance(obj, dict):
        out: dict[Any, Any] = {}
        for key, value in obj.items():
            sub = f"{path}.{key}" if path else str(key)
            if is_secret_key(key) and value is not None:
                replaced = on_key(sub, value)
                if replaced is not DROP:
                    out[key] = replaced
            else:
                out[key] = walk(value, on_key, on_str, sub)
        return out
    if isinstance(obj, list):
        return [walk(v, on_key, on_str, f"{path}[{i}]") for i, v in enumerate(obj)]
    if isinstance(obj, str):
        return on_str(path, obj)
    return obj


def _keep(_path: str, text: str) -> str:
    return text


def find_secrets(obj: Any) -> list[str]:
    """Paths (API names) of every secret in ``obj`` (a JSON-like value): UserSig, SecretKey (any case), and a URL's
    signature parameter, named after the path (``PublishCdnParams[0].PublishCdnUrl (txSecret)``)."""
    found: list[str] = []

    def on_key(path: str, value: Any) -> Any:
        found.append(path)
        return value

    def on_str(path: str, value: str) -> str:
        found.extend(f"{path} ({name})" for name in _url_secret_names(value))
        return value

    walk(obj, on_key, on_str)
    return found


def _url_secret_names(text: str) -> list[str]:
    """The signature parameters (:data:`URL_SECRET_PARAMS`, as spelt there) of the URLs in ``text``, each once."""
    found = {m.group(2).lower() for m in _URL_SECRET.finditer(text)}
    return [name for name in URL_SECRET_PARAMS if name.lower() in found]


def secret_values(obj: Any) -> list[str]:
    """Every string held under a UserSig or SecretKey key (any case, at any depth, also inside a list or dict under
    that key) of ``obj``, for the run's secret registry (a URL's signature is found there by its own pattern)."""
    found: list[str] = []

    def collect(_path: str, text: str) -> str:
        found.append(text)
        return text

    def on_key(path: str, value: Any) -> Any:
        walk(value, on_key, collect, path)  # every string under a secret key is secret
        return value

    walk(obj, on_key, _keep)
    return found


def strip_secrets(obj: _T) -> tuple[_T, list[str]]:
    """A deep copy of ``obj`` without secrets, and the paths that were removed.

    UserSig and SecretKey keys (any case) are dropped; a URL's signature parameters (:data:`URL_SECRET_PARAMS`) are
    removed from the URL (the rest of the URL is kept). Used before anything is written to a file (presets, journal
    rows, reports).
    """
    removed: list[str] = []

    def on_key(path: str, value: Any) -> Any:
        removed.append(path)
        return DROP

    def on_str(path: str, value: str) -> str:
        names = _url_secret_names(value)
        if not names:
            return value
        removed.extend(f"{path} ({name})" for name in names)
        stripped = _URL_SECRET.sub("", value)
        if "?" not in stripped and "&" in stripped:
            stripped = stripped.replace("&", "?", 1)
        return stripped

    return cast(_T, walk(copy.deepcopy(obj), on_key, on_str)), removed


def mask_secrets(obj: _T) -> _T:
    """A deep copy of ``obj`` with every secret value replaced by ``***`` (keys kept, for showing a request)."""
    masked = walk(copy.deepcopy(obj), lambda _p, _v: MASK, lambda _p, s: _URL_SECRET.sub(r"\1" + MASK, s))
    return cast(_T, masked)
