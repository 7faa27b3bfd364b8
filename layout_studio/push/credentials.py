"""API credentials (SecretId, SecretKey, optional session token) through the official SDK's credential types.

Order (the SDK's chain, ``tencentcloud.common.credential``):

1. ``--profile NAME``: that profile only — section ``[NAME]`` of ``~/.tencentcloud/credentials`` (INI keys
   ``secret_id``, ``secret_key``, optional ``token``, as the SDK's ProfileCredential reads ``[default]``), else
   tccli's ``~/.tccli/NAME.credential`` (JSON ``secretId``, ``secretKey``, optional ``token``);
2. ``TENCENTCLOUD_SECRET_ID`` / ``TENCENTCLOUD_SECRET_KEY`` (SDK EnvironmentVariableCredential), with
   ``TENCENTCLOUD_SESSION_TOKEN`` when set (temporary keys); only one of the two set is an error (not a fall
   through to the next source, which may be another account);
3. the ``[default]`` profile of the file the SDK's ProfileCredential reads (``~/.tencentcloud/credentials``, else
   ``/etc/tencentcloud/credentials``; same keys, plus an optional ``token``), then tccli's
   ``~/.tccli/default.credential``.

A credentials file that exists but cannot be used (a directory, unreadable, not UTF-8, not INI, a section
without both keys) is a :class:`ConfigError` naming the file and what to fix — never skipped silently, and the
message never quotes the file's lines (they hold secrets).

Every SecretId, SecretKey and session token is checked before anything is signed (:func:`check_credential_text`):
one with surrounding whitespace, a line break (a token read with ``$(cat token.txt)`` from a file with Windows line
endings keeps its CR), or whitespace, control or invisible characters inside is refused with a :class:`ConfigError`
naming where it came from and what is wrong — never the value, never trimmed silently (a trimmed key that still
signs wrongly would be retried as an API failure). Values found are registered as secrets of the run
(:mod:`layout_studio.redaction`).

The SDK's CVM-role and TKE-OIDC providers are not tried: they query an instance metadata server without a
timeout, which hangs off Tencent Cloud. The SecretKey never leaves this module except inside the SDK's signing.
"""

from __future__ import annotations

import configparser
import json
import os
from pathlib import Path
from typing import Any, Protocol

from ..redaction import register
from ..secrets import walk
from .errors import ConfigError


class ApiCredential(Protocol):
    """An API credential as signing uses it: the SDK's ``Credential`` (and its temporary-key relatives) is one."""

    def get_credential_info(self) -> tuple[str, str, str | None]:
        """``(SecretId, SecretKey, session token or None)``."""
        ...


HOW = (
    "set TENCENTCLOUD_SECRET_ID and TENCENTCLOUD_SECRET_KEY, or put a profile in ~/.tencentcloud/credentials "
    "(secret_id, secret_key) and pass --profile NAME"
)


def _home_file() -> Path:
    return Path(os.path.expanduser("~/.tencentcloud/credentials"))


def _profile_file() -> Path | None:
    """The file the SDK's ProfileCredential reads: ``~/.tencentcloud/credentials``, else
    ``/etc/tencentcloud/credentials``, else None."""
    for path in (_home_file(), Path("/etc/tencentcloud/credentials")):
        if os.path.lexists(path):
            return path
    return None


def _read_ini(path: Path) -> configparser.ConfigParser:
    """The parsed INI file at ``path``; raises :class:`ConfigError` naming the file and the fix."""
    if not path.is_file():
        raise ConfigError(
            f"{path}: not a file: the credentials file is an INI file with a [default] section "
            "(secret_id = ..., secret_key = ...)"
        )
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise ConfigError(
            f"{path}: not UTF-8 text: save it as UTF-8 (an INI file with secret_id and secret_key)"
        ) from None
    except OSError as err:
        raise ConfigError(
            f"{path}: cannot read it ({err.strerror or err.__class__.__name__}): check its owner "
            "and permissions (chmod 600, owned by you)"
        ) from None
    conf = configparser.ConfigParser(interpolation=None)
    try:
        conf.read_string(text, source=str(path))
    except configparser.Error as err:
        line = getattr(err, "lineno", None) or next(iter(getattr(err, "errors", []) or []), (None,))[0]
        where = f" (line {line})" if line else ""
        raise ConfigError(
            f"{path}: not a valid credentials file{where}: expected [profile] sections with "
            f"secret_id = ... and secret_key = ... ({err.__class__.__name__})"
        ) from None
    return conf


def check_credential_text(value: str, what: str, where: str) -> str:
    """``value`` (a SecretId, SecretKey or session token: ``what``) when it can be sent as it is; else raises
    :class:`ConfigError` naming ``where`` it came from (an environment variable, a file and key) and the problem,
    never the value."""
    problem = None
    if not value.strip():
        problem = "is empty" if not value else "is only whitespace"
    elif value.rstrip("\r\n") != value or value.lstrip("\r\n") != value:
        problem = (
            "ends with a line break (CR or LF: a file saved with Windows line endings, or $(cat FILE) of one); "
            "remove it (for example: tr -d '\\r\\n' < FILE)"
        )
    elif value.strip() != value:
        problem = "starts or ends with whitespace; remove it"
    else:
        bad = next((i for i, c in enumerate(value) if c.isspace() or not c.isprintable()), None)
        if bad is not None:
            kind = "whitespace" if value[bad].isspace() else "a control or invisible character"
            problem = f"has {kind} at character {bad + 1} (U+{ord(value[bad]):04X}); write it again without it"
    if problem is not None:
        raise ConfigError(f"{where}: the {what} {problem} (the value is not shown); nothing was sent")
    return value


def check_request_secrets(body: Any) -> None:
    """Refuse a request body holding a UserSig or SecretKey (a robot's, a recording storage's: given by an option,
    the environment or the preset) that cannot be sent as it is (:func:`check_credential_text`: a line break,
    surrounding whitespace, a control character): raises :class:`ConfigError` naming the field, never the value.
    The API would take such a robot credential and refuse the robot only later, in the room."""

    def on_key(path: str, value: Any) -> Any:
        what = path.rsplit(".", 1)[-1].split("[", 1)[0]

        def check(sub: str, text: str) -> str:
            if text:
                check_credential_text(text, what, f"{sub} (given by an option, the environment or the preset)")
            return text

        walk(value, on_key, check, path)
        return value

    walk(body, on_key, lambda _path, text: text)


def _from_ini(name: str, path: Path | None = None) -> ApiCredential | None:
    from tencentcloud.common.credential import Credential

    path = path or _home_file()
    if not os.path.lexists(path):
        return None
    conf = _read_ini(path)
    if not conf.has_section(name):
        return None
    section = conf[name]
    secret_id = _unquoted(section.get("secret_id", ""))
    secret_key = _unquoted(section.get("secret_key", ""))
    register(secret_key)
    if not secret_id or not secret_key:
        raise ConfigError(f"{path} [{name}]: secret_id and secret_key are both needed")
    token = _unquoted(section.get("token", "")) or None
    register(token)
    where = {k: f"{path} [{name}] {key}" for k, key in _INI_KEYS.items()}
    for what, value in (("SecretId", secret_id), ("SecretKey", secret_key), ("session token", token)):
        if value is not None:
            check_credential_text(value, what, where[what])
    cred: ApiCredential = Credential(secret_id, secret_key, token)
    return cred


_INI_KEYS = {"SecretId": "secret_id", "SecretKey": "secret_key", "session token": "token"}


def _unquoted(value: str) -> str:
    """An INI value without the double quotes around it (INI already removed the whitespace around them)."""
    return value[1:-1] if len(value) >= 2 and value[0] == value[-1] == '"' else value


def _from_tccli(name: str) -> ApiCredential | None:
    from tencentcloud.common.credential import Credential

    path = Path(os.path.expanduser(f"~/.tccli/{name}.credential"))
    if not path.is_file():
        return None
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        raise ConfigError(f"{path}: not a readable tccli credential file (JSON with secretId, secretKey)") from None
    if not isinstance(data, dict):
        raise ConfigError(f"{path}: not a tccli credential file: expected a JSON object with secretId, secretKey")
    secret_id, secret_key, token = data.get("secretId"), data.get("secretKey"), data.get("token")
    register(secret_key, token)
    if not (secret_id and secret_key and isinstance(secret_id, str) and isinstance(secret_key, str)):
        raise ConfigError(f"{path}: secretId and secretKey are both needed, as strings")
    token = token if isinstance(token, str) and token else None
    for what, key, value in (("SecretId", "secretId", secret_id), ("SecretKey", "secretKey", secret_key)):
        check_credential_text(value, what, f"{path} {key}")
    if token is not None:
        check_credential_text(token, "session token", f"{path} token")
    cred: ApiCredential = Credential(secret_id, secret_key, token)
    return cred


def resolve_credential(profile: str | None = None) -> ApiCredential:
    """A ``tencentcloud.common.credential.Credential`` by the order in the module docstring.

    Raises :class:`ConfigError` saying what to set when no credentials are found or they are malformed.
    """
    from tencentcloud.common.exception.tencent_cloud_sdk_exception import TencentCloudSDKException

    try:
        cred = _resolve(profile)
    except TencentCloudSDKException as err:  # Credential() refuses empty values and spaces
        raise ConfigError(f"credentials: {err.message}") from None
    register(*credential_secrets(cred))
    return cred


def _resolve(profile: str | None) -> ApiCredential:
    from tencentcloud.common.credential import Credential, EnvironmentVariableCredential

    if profile:
        cred = _from_ini(profile) or _from_tccli(profile)
        if cred is None:
            raise ConfigError(
                f"profile {profile!r} not found: {_home_file()} has no [{profile}] section and "
                f"there is no ~/.tccli/{profile}.credential"
            )
        return cred
    _check_env_pair()
    if os.environ.get(_ENVIRONMENT["SecretKey"]):  # both set (the pair is checked): these are the credentials
        for what, variable in _ENVIRONMENT.items():
            value = os.environ.get(variable)
            if value:
                register(value if what != "SecretId" else None)
                check_credential_text(value, what, variable)
    from_env = EnvironmentVariableCredential().get_credential()
    if from_env is not None:
        token = os.environ.get("TENCENTCLOUD_SESSION_TOKEN") or None
        chosen: ApiCredential = Credential(from_env.secret_id, from_env.secret_key, token) if token else from_env
        return chosen
    path = _profile_file()
    cred = _from_ini("default", path) if path is not None else None
    if cred is not None:
        return cred
    cred = _from_tccli("default")
    if cred is not None:
        return cred
    missing = f" ({path} has no [default] section: add one, or pass --profile NAME)" if path else ""
    raise ConfigError(f"no Tencent Cloud API credentials{missing}: {HOW}")


_ENVIRONMENT = {
    "SecretId": "TENCENTCLOUD_SECRET_ID",
    "SecretKey": "TENCENTCLOUD_SECRET_KEY",
    "session token": "TENCENTCLOUD_SESSION_TOKEN",
}


def _check_env_pair() -> None:
    """One of TENCENTCLOUD_SECRET_ID / _KEY set without the other is an error (the operator chose the
    environment; falling through to the [default] profile could sign as another account)."""
    names = ("TENCENTCLOUD_SECRET_ID", "TENCENTCLOUD_SECRET_KEY")
    have = [bool(os.environ.get(n)) for n in names]
    if have[0] != have[1]:
        present, missing = (names[0], names[1]) if have[0] else (names[1], names[0])
        raise ConfigError(
            f"{present} is set but {missing} is not: set both, or unset {present} to use "
            "the [default] profile of ~/.tencentcloud/credentials (or pass --profile NAME)"
        )


def credential_secrets(cred: ApiCredential | None) -> list[str]:
    """The secret values of ``cred`` (SecretKey, token), to register with the run's secret registry."""
    if cred is None:
        return []
    return [str(v) for v in (getattr(cred, "secret_key", None), getattr(cred, "token", None)) if v]
