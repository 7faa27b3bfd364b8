"""Reading JSON files for Layout Studio: an object, with file, line and column in every error.

* :func:`read_json` reads a file and :func:`loads` a text; both raise :class:`~layout_studio.errors.LoadError`
  (file, line, column) when the text cannot be read, is not JSON, or its top level is not an object;
* values JSON allows but readers disagree on are refused with the path of the value: a key given twice, NaN or
  Infinity, a number too large for a float, a lone surrogate, an integer of thousands of digits;
* :func:`json_type` and :func:`short` describe a value in messages.
"""

from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Any

from .errors import LoadError
from .model import join_path
from .secrets import is_secret_key


def read_json(path: str | Path) -> Any:
    """The JSON object in file ``path``.

    Raises LoadError (with ``file``, and ``line``/``column`` 1-based when known) when the file cannot be read, is
    not UTF-8, is not JSON (NaN/Infinity are not JSON), nests too deeply, or its top level is not an object; and,
    naming the path, for what the JSON grammar allows but no two readers agree on (see :func:`loads`).
    """
    name = str(path)
    try:
        with open(path, "rb") as fh:
            data = fh.read()
    except OSError as exc:
        reason = exc.strerror or exc.__class__.__name__
        raise LoadError(f"cannot read the file: {reason}", file=name) from None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        column = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        raise LoadError("not UTF-8 text; save the file as UTF-8 JSON", file=name, line=line, column=column) from None
    return loads(text, file=name)


def _reject_constant(name: str) -> Any:
    raise ValueError(f"{name} is not valid JSON; write a number")


_CONSTANTS = ("NaN", "-Infinity", "Infinity")


def _constant_position(text: str) -> tuple[int, int] | None:
    """(line, column), 1-based as :class:`json.JSONDecodeError` counts them, of the first NaN, Infinity or -Infinity
    outside a string in ``text``: the one ``json.loads`` met first (it reads in order). None when there is none."""
    in_string = escaped = False
    for i, char in enumerate(text):
        if in_string:
            if escaped:
                escaped = False
            elif char == "\\":
                escaped = True
            elif char == '"':
                in_string = False
        elif char == '"':
            in_string = True
        elif char in "NI-" and text.startswith(_CONSTANTS, i):
            line = text.count("\n", 0, i) + 1
            return line, i - text.rfind("\n", 0, i)
    return None


class _KeysTwice(dict[str, Any]):
    """An object that had a key more than once (``keys_twice``); only made by :func:`_object`."""

    keys_twice: list[str]


def _object(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    obj = dict(pairs)
    if len(obj) == len(pairs):
        return obj
    seen: set[str] = set()
    twice: list[str] = []
    for key, _value in pairs:
        if key in seen:
            twice.append(key)
        seen.add(key)
    marked = _KeysTwice(obj)
    marked.keys_twice = twice
    return marked


class _LongNumber:
    """An integer literal with more digits than Python converts (about 4300); only made by :func:`_integer`."""

    def __init__(self, digits: int) -> None:
        self.digits = digits


def _integer(literal: str) -> int | _LongNumber:
    try:
        return int(literal)
    except ValueError:
        return _LongNumber(len(literal.lstrip("-")))


def printable(text: str) -> str:
    """``text`` with any unpaired surrogate written as its escape (so a message about it can be printed)."""
    return text.encode("utf-8", "backslashreplace").decode("utf-8")


def _odd_value_message(value: Any, key: Any = None) -> str | None:
    """Why ``value`` (a parsed JSON scalar) cannot go to the API, or None; the value of a secret ``key`` is never
    shown."""
    if isinstance(value, _LongNumber):
        return f"the number has {value.digits} digits; write a number in the field's range"
    if isinstance(value, float) and math.isinf(value):
        return "the number is too large (it reads as infinity); write a number in the field's range"
    if isinstance(value, str) and not value.isascii():
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            shown = "(not shown)" if is_secret_key(key) else printable(short(value))
            return (
                f"the text {shown} holds an unpaired UTF-16 surrogate escape, which is "
                "no character (the API cannot read it); remove it, or write a whole pair such as "
                "\\ud83c\\udfa5"
            )
    return None


def _check_values(value: Any, file: str | None) -> None:
    """Raise LoadError naming the path of the first value JSON allows but readers disagree on: a key given twice
    in one object (one value would be silently lost), a number too large for a float (1e400) or with thousands of
    digits, an unpaired surrogate escape (``"\\ud800"``). Iterative, so any depth json.loads accepted is fine."""
    stack: list[tuple[Any, tuple[str | int, ...]]] = [(value, ())]
    while stack:
        node, path = stack.pop()
        if isinstance(node, dict):
            if isinstance(node, _KeysTwice):
                key = printable(node.keys_twice[0])
                raise LoadError(
                    f'{_where(path)} has the key "{key}" twice; JSON readers disagree on which value counts '
                    "(one is silently lost) — keep one",
                    file=file,
                )
            for key in node:
                problem = _odd_value_message(key)
                if problem is not None:
                    raise LoadError(f"a key in {_where(path)}: {problem}", file=file)
            stack.extend(((item, (*path, key)) for key, item in reversed(node.items())))  # first key on top
        elif isinstance(node, list):
            stack.extend((node[i], (*path, i)) for i in range(len(node) - 1, -1, -1))
        else:
            problem = _odd_value_message(node, path[-1] if path else None)
            if problem is not None:
                raise LoadError(f"{_where(path)}: {problem}", file=file)


def _where(path: tuple[str | int, ...]) -> str:
    """The path of a value in a message (only made when there is something to say: every load walks every value)."""
    return printable(join_path(*path) or "the top level")


def loads(text: str, *, file: str | None = None) -> Any:
    """Parse JSON ``text`` that must hold an object; raises LoadError like :func:`read_json`."""
    if not text.strip():
        raise LoadError(
            "the file is empty; a preset or request body is a JSON object {...}", file=file, line=1, column=1
        )
    try:
        value = json.loads(text, parse_constant=_reject_constant, object_pairs_hook=_object, parse_int=_integer)
    except json.JSONDecodeError as exc:
        raise LoadError(f"malformed JSON: {exc.msg}", file=file, line=exc.lineno, column=exc.colno) from None
    except ValueError as exc:  # NaN / Infinity
        line, column = _constant_position(text) or (None, None)
        raise LoadError(str(exc), file=file, line=line, column=column) from None
    except RecursionError:
        raise LoadError("JSON nests too deeply", file=file) from None
    if not isinstance(value, dict):
        raise LoadError(
            f"the top level is {json_type(value)}; a preset or request body is a JSON object {{...}}",
            file=file,
            line=1,
            column=1,
        )
    _check_values(value, file)
    return value


def json_type(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, int):
        return "an integer"
    if isinstance(value, float):
        if not math.isfinite(value):
            return "a number too large (infinity)"
        return "a number written as a float" if value.is_integer() else "a number with a fraction"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "an object"
    return type(value).__name__


def short(value: Any) -> str:
    try:
        text = json.dumps(value, ensure_ascii=False)
    except (TypeError, ValueError, RecursionError):
        text = f"<{json_type(value)}>"
    return text if len(text) <= 40 else text[:37] + "..."
