"""Secrets in request bodies: find, strip (for files) and mask (for screens, logs, journals, reports).

What counts as a secret (StartPublishCdnStream docs and SDK docstrings):

* ``UserSig`` anywhere (AgentParams, McuFeedBackRoomParams): the robot's login signature;
* ``SecretKey`` anywhere (CloudStorage of RecordParams): a storage account key;
* the same keys misspelt in case or with ``_``/``-`` (``Usersig``, ``secret_key``): the API rejects the key, but the
  value is still a secret (:func:`is_secret_key`);
* the ``txSecret`` query parameter of a URL (a CDN push URL's signature).

The SDK secret key of the application (TRTC_SDK_SECRET_KEY) and the API SecretKey never enter a body at all;
:func:`mask_text` also hides any value given to it explicitly (for logging a command line or an error text).
"""

from __future__ import annotations

import copy
import re
from collections.abc import Iterable
from typing import Any

MASK = "***"
SECRET_KEYS = frozenset({"UserSig", "SecretKey"})
_URL_SECRET = re.compile(r"(?i)([?&]txSecret=)[^&#\s\"']*")


_SECRET_NAMES = frozenset(key.lower() for key in SECRET_KEYS)


def is_secret_key(key: Any) -> bool:
    """True for UserSig and SecretKey, also misspelt in case or with ``_``/``-`` (``Usersig``, ``secret_key``)."""
    return isinstance(key, str) and re.sub(r"[-_\s]", "", key).lower() in _SECRET_NAMES


def _walk(obj: Any, path: str, on_key, on_str) -> Any:
    if isinstance(obj, dict):
        out = {}
        for key, value in obj.items():
            sub = f"{path}.{key}" if path else str(key)
            if is_secret_key(key) and value is not None:
                replaced = on_key(sub, value)
                if replaced is not _DROP:
                    out[key] = replaced
            else:
                out[key] = _walk(value, sub, on_key, on_str)
        return out
    if isinstance(obj, list):
        return [_walk(v, f"{path}[{i}]", on_key, on_str) for i, v in enumerate(obj)]
    if isinstance(obj, str):
        return on_str(path, obj)
    return obj


_DROP = object()


def find_secrets(obj: Any) -> list[str]:
    """Paths (API names) of every secret in ``obj`` (a JSON-like value): UserSig, SecretKey, URL txSecret."""
    found: list[str] = []

    def on_key(path: str, value: Any) -> Any:
        found.append(path)
        return value

    def on_str(path: str, value: str) -> str:
        if _URL_SECRET.search(value):
            found.append(f"{path} (txSecret)")
        return value

    _walk(obj, "", on_key, on_str)
    return found


def strip_secrets(obj: Any) -> tuple[Any, list[str]]:
    """A deep copy of ``obj`` without secrets, and the paths that were removed.

    UserSig and SecretKey keys are dropped; a URL's ``txSecret`` parameter is removed from the URL (the rest of the
    URL is kept). Used before anything is written to a file (presets, journal rows, reports).
    """
    removed: list[str] = []

    def on_key(path: str, value: Any) -> Any:
        removed.append(path)
        return _DROP

    def on_str(path: str, value: str) -> str:
        if not _URL_SECRET.search(value):
            return value
        removed.append(f"{path} (txSecret)")
        stripped = re.sub(r"(?i)[?&]txSecret=[^&#\s\"']*", "", value)
        if "?" not in stripped and "&" in stripped:
            stripped = stripped.replace("&", "?", 1)
        return stripped

    return _walk(copy.deepcopy(obj), "", on_key, on_str), removed


def mask_secrets(obj: Any) -> Any:
    """A deep copy of ``obj`` with every secret value replaced by ``***`` (keys kept, for showing a request)."""
    return _walk(copy.deepcopy(obj), "", lambda _p, _v: MASK, lambda _p, s: _URL_SECRET.sub(r"\1" + MASK, s))


#: A known secret at least this long is masked wherever it occurs; a shorter one (a placeholder such as "x" or
#: "test", never a real UserSig or key) only where it is not part of a longer word or number, so that masking it
#: does not garble rule codes, field names and values ("[watermark.te***t.font]").
WHOLE_WORD_BELOW = 16


def _secret_pattern(value: str) -> str:
    pattern = re.escape(value)
    if len(value) >= WHOLE_WORD_BELOW:
        return pattern
    before = r"(?<![A-Za-z0-9])" if value[0].isalnum() else ""
    after = r"(?![A-Za-z0-9])" if value[-1].isalnum() else ""
    return before + pattern + after


def mask_text(text: str, extra: Iterable[str | None] = ()) -> str:
    """``text`` with URL txSecret values and each non-empty string of ``extra`` (known secret values) masked
    (a short value only as a whole word, see :data:`WHOLE_WORD_BELOW`)."""
    text = _URL_SECRET.sub(r"\1" + MASK, text)
    for value in sorted((v for v in extra if v), key=len, reverse=True):
        text = re.sub(_secret_pattern(value), MASK, text)
    return text
