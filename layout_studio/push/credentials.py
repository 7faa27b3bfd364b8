"""API credentials (SecretId, SecretKey, optional session token) through the official SDK's credential types.

Order (the SDK's chain, ``tencentcloud.common.credential``):

1. ``--profile NAME``: that profile only — section ``[NAME]`` of ``~/.tencentcloud/credentials`` (INI keys
   ``secret_id``, ``secret_key``, optional ``token``, as the SDK's ProfileCredential reads ``[default]``), else
   tccli's ``~/.tccli/NAME.credential`` (JSON ``secretId``, ``secretKey``, optional ``token``);
2. ``TENCENTCLOUD_SECRET_ID`` / ``TENCENTCLOUD_SECRET_KEY`` (SDK EnvironmentVariableCredential), with
   ``TENCENTCLOUD_SESSION_TOKEN`` when set (temporary keys);
3. the ``[default]`` profile (SDK ProfileCredential: ``~/.tencentcloud/credentials`` or
   ``/etc/tencentcloud/credentials``), then tccli's ``~/.tccli/default.credential``.

The SDK's CVM-role and TKE-OIDC providers are not tried: they query an instance metadata server without a
timeout, which hangs off Tencent Cloud. The SecretKey never leaves this module except inside the SDK's signing.
"""

from __future__ import annotations

import configparser
import json
import os
from pathlib import Path

from .errors import ConfigError

HOW = ("set TENCENTCLOUD_SECRET_ID and TENCENTCLOUD_SECRET_KEY, or put a profile in ~/.tencentcloud/credentials "
       "(secret_id, secret_key) and pass --profile NAME")


def _from_ini(name: str):
    from tencentcloud.common.credential import Credential

    path = Path(os.path.expanduser("~/.tencentcloud/credentials"))
    if not path.is_file():
        return None
    conf = configparser.ConfigParser()
    try:
        conf.read(path, encoding="utf-8")
    except configparser.Error as err:
        raise ConfigError(f"{path}: not a valid credentials file ({err.__class__.__name__})") from None
    if not conf.has_section(name):
        return None
    section = conf[name]
    secret_id = section.get("secret_id", "").strip().strip('"')
    secret_key = section.get("secret_key", "").strip().strip('"')
    if not secret_id or not secret_key:
        raise ConfigError(f"{path} [{name}]: secret_id and secret_key are both needed")
    token = section.get("token", "").strip().strip('"') or None
    return Credential(secret_id, secret_key, token)


def _from_tccli(name: str):
    from tencentcloud.common.credential import Credential

    path = Path(os.path.expanduser(f"~/.tccli/{name}.credential"))
    if not path.is_file():
        return None
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        raise ConfigError(f"{path}: not a readable tccli credential file (JSON with secretId, secretKey)") from None
    secret_id, secret_key = data.get("secretId"), data.get("secretKey")
    if not secret_id or not secret_key:
        raise ConfigError(f"{path}: secretId and secretKey are both needed")
    return Credential(secret_id, secret_key, data.get("token") or None)


def resolve_credential(profile: str | None = None):
    """A ``tencentcloud.common.credential.Credential`` by the order in the module docstring.

    Raises :class:`ConfigError` saying what to set when no credentials are found or they are malformed.
    """
    from tencentcloud.common.exception.tencent_cloud_sdk_exception import TencentCloudSDKException

    try:
        return _resolve(profile)
    except TencentCloudSDKException as err:  # Credential() refuses empty values and spaces
        raise ConfigError(f"credentials: {err.message}") from None


def _resolve(profile: str | None):
    from tencentcloud.common.credential import (
        Credential,
        EnvironmentVariableCredential,
        ProfileCredential,
    )

    if profile:
        cred = _from_ini(profile) or _from_tccli(profile)
        if cred is None:
            raise ConfigError(f"profile {profile!r} not found in ~/.tencentcloud/credentials or "
                              f"~/.tccli/{profile}.credential")
        return cred
    cred = EnvironmentVariableCredential().get_credential()
    if cred is not None:
        token = os.environ.get("TENCENTCLOUD_SESSION_TOKEN") or None
        return Credential(cred.secret_id, cred.secret_key, token) if token else cred
    try:
        cred = ProfileCredential().get_credential()
    except (configparser.Error, KeyError):
        raise ConfigError("~/.tencentcloud/credentials: not a valid credentials file") from None
    if cred is not None:
        return cred
    cred = _from_tccli("default")
    if cred is not None:
        return cred
    raise ConfigError(f"no Tencent Cloud API credentials: {HOW}")


def credential_secrets(cred) -> list[str]:
    """The secret values of ``cred`` (SecretKey, token) for masking texts."""
    if cred is None:
        return []
    return [v for v in (getattr(cred, "secret_key", None), getattr(cred, "token", None)) if v]
