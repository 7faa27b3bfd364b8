"""Test bodies for the rule tests: the reference examples by name, a preset made from one, ``edit`` to break a body
at an API path (``VideoParams.LayoutParams.MixLayoutList[1].LocationX``), and the request-shaped document finding
paths are relative to."""

from __future__ import annotations

import copy
import json
import re
from pathlib import Path
from typing import Any

from layout_studio.documents import parse
from layout_studio.validation import request_view

REFERENCE_DIR = Path(__file__).resolve().parent.parent / "fixtures" / "reference"
DELETE = object()
_PART = re.compile(r"([^.\[\]]+)|\[(\d+)\]")


def reference(name: str) -> dict:
    """A fresh copy of reference example ``name`` (file stem, or its prefix such as ``start-1``)."""
    matches = sorted(REFERENCE_DIR.glob(f"{name}*.json"))
    assert matches, name
    return json.loads(matches[0].read_text())


def preset_from(name: str) -> dict:
    """A preset holding reference example ``name``: its sections, and the task fields under Target."""
    return preset_of(reference(name), name)


def preset_of(body: dict, name: str) -> dict:
    """A preset holding (a copy of) start body ``body``: its sections, and the task fields (without the robot's
    UserSig) under Target."""
    body = copy.deepcopy(body)
    preset: dict[str, Any] = {"Format": "layout-studio/preset@1", "Name": name}
    for key in ("VideoParams", "AudioParams", "SeiParams"):
        if key in body:
            preset[key] = body.pop(key)
    body.get("AgentParams", {}).pop("UserSig", None)
    preset["Target"] = body
    return preset


def base(name: str) -> dict:
    """``preset:<reference>`` gives :func:`preset_from`, anything else :func:`reference`."""
    return preset_from(name.split(":", 1)[1]) if name.startswith("preset:") else reference(name)


def parts(path: str) -> list[str | int]:
    return [m.group(1) if m.group(1) is not None else int(m.group(2)) for m in _PART.finditer(path)]


def edit(body: dict, path: str, value: Any) -> dict:
    """Set (or, with DELETE, remove) the value at API ``path`` in ``body``, creating objects on the way."""
    keys = parts(path)
    node: Any = body
    for key, nxt in zip(keys, keys[1:]):
        if isinstance(key, int):
            node = node[key]
        else:
            if key not in node:
                node[key] = [] if isinstance(nxt, int) else {}
            node = node[key]
    last = keys[-1]
    if value is DELETE:
        del node[last]
    elif isinstance(last, int) and last == len(node):
        node.append(copy.deepcopy(value))
    else:
        node[last] = copy.deepcopy(value)
    return body


def request_shape(obj) -> dict:
    """The JSON object the paths of ``obj``'s findings are relative to (a preset's Target merged at the root)."""
    model, _ = parse(obj)
    return request_view(model).to_api()


def path_exists_to_parent(doc, path: str) -> bool:
    """True when the object (or list) holding the last part of ``path`` exists in ``doc``."""
    path = re.sub(r" \(.*\)$", "", path)
    pieces = re.findall(r"[^.\[\]]+|\[\d+\]", path)
    node = doc
    for part in pieces[:-1]:
        if part.startswith("["):
            index = int(part[1:-1])
            if not isinstance(node, list) or index >= len(node):
                return False
            node = node[index]
        else:
            if not isinstance(node, dict) or part not in node:
                return False
            node = node[part]
    last = pieces[-1] if pieces else ""
    if last.startswith("["):
        return isinstance(node, list) and int(last[1:-1]) < len(node)
    return isinstance(node, dict)
