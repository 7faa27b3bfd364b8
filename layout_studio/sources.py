"""The public documents Layout Studio's rules and assumptions come from, and how findings cite them.

A finding's ``source`` and a docstring cite public material only, in these short forms (the README's "Sources"
section lists them with their addresses):

* ``SDK models.McuLayout.RenderMode`` — the docstring of a type or field in the official Python SDK,
  ``tencentcloud-sdk-python-trtc``, module ``tencentcloud.trtc.v20190722.models`` (:data:`SDK_MODELS`); the newest
  field list and limits;
* ``Data Types McuLayout`` — the TRTC server API reference, Data Types page (:func:`data_type_url`);
* ``API StartPublishCdnStream`` — the TRTC server API reference page of an action, reachable from the API Explorer
  (:func:`api_url`), with its usage notes;
* ``Error Codes UnknownParameter`` — the common error codes of the TRTC server API (:data:`ERROR_CODES_URL`);
* ``Client SDK trtc-electron-sdk 13.3.801 TRTCMixUser.zOrder`` — a client SDK's published type definitions (an npm
  package and its version, :func:`client_sdk`), or ``Client SDK docs TRTCCloudDef (Android) TRTCMixUser.x`` — a
  client SDK's reference documentation where no type file was checked (:func:`client_sdk_docs`);
* ``Layout Studio assumption`` / ``Layout Studio heuristic`` — what no document says and the project decided
  (always written in the README too).

Where the SDK and the Data Types page disagree, the SDK is followed and both are named.
"""

from __future__ import annotations

#: The SDK module whose docstrings hold the newest field list (PyPI ``tencentcloud-sdk-python-trtc``).
SDK_MODELS = "tencentcloud.trtc.v20190722.models"
#: TRTC server API reference, Data Types (international site).
DATA_TYPES_URL = "https://www.tencentcloud.com/document/api/647/36760"
#: TRTC server API reference, common error codes.
ERROR_CODES_URL = "https://www.tencentcloud.com/document/api/647/34270#common-error-codes"
#: The API version every mixing action here belongs to.
API_VERSION = "2019-07-22"


def sdk(name: str) -> str:
    """``SDK models.<name>``: a type (``McuLayout``) or field (``McuLayout.RenderMode``) of :data:`SDK_MODELS`."""
    return f"SDK models.{name}"


def data_type(name: str) -> str:
    """``Data Types <name>``: a type or field on the Data Types page (:func:`data_type_url`)."""
    return f"Data Types {name}"


def api(action: str, section: str = "") -> str:
    """``API <action>`` (with ``(section)``, e.g. usage notes): the reference page of an action."""
    return f"API {action} ({section})" if section else f"API {action}"


def data_type_url(type_name: str) -> str:
    """Address of a type on the Data Types page, e.g. ``…/647/36760#McuLayout``."""
    return f"{DATA_TYPES_URL}#{type_name}"


def api_url(action: str) -> str:
    """Address of an action in Tencent Cloud's API Explorer (product ``trtc``, version 2019-07-22), which links
    its reference page."""
    return f"https://console.tencentcloud.com/api/explorer?Product=trtc&Version={API_VERSION}&Action={action}"


def client_sdk(package: str, name: str) -> str:
    """``Client SDK <package> <name>``: a type or field of a client SDK's published type definitions, ``package``
    being the npm package and version (``trtc-electron-sdk 13.3.801``, ``trtc-sdk-v5 5.17.1``)."""
    return f"Client SDK {package} {name}"


def client_sdk_docs(platform: str, name: str) -> str:
    """``Client SDK docs TRTCCloudDef (<platform>) <name>``: a type or field of a client SDK's reference
    documentation (TRTCCloudDef of the Android or iOS SDK), where no type file was checked."""
    return f"Client SDK docs TRTCCloudDef ({platform}) {name}"


def error_code(name: str) -> str:
    """``Error Codes <name>``: an entry of the common error codes (:data:`ERROR_CODES_URL`)."""
    return f"Error Codes {name}"


#: How each part of a citation starts (parts are separated by ``; `` outside parentheses).
FORMS = (
    "SDK models",
    "Data Types",
    "API ",
    "Error Codes",
    "Client SDK",
    "Layout Studio assumption",
    "Layout Studio heuristic",
)


def citation_parts(source: str) -> list[str]:
    """The ``; ``-separated parts of a citation, a ``;`` inside parentheses or quotes not splitting it."""
    parts, depth, quoted, start = [], 0, False, 0
    for i, char in enumerate(source):
        if char == "'":
            quoted = not quoted
        elif char == "(" and not quoted:
            depth += 1
        elif char == ")" and not quoted:
            depth -= 1
        elif char == ";" and depth == 0 and not quoted:
            parts.append(source[start:i].strip())
            start = i + 1
    parts.append(source[start:].strip())
    return parts


def is_public_citation(source: str) -> bool:
    """True when every part of ``source`` (:func:`citation_parts`) starts with one of :data:`FORMS`."""
    return all(part.startswith(FORMS) for part in citation_parts(source))
