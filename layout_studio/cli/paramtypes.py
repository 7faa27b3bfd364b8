"""Command-line value types (click parameter types) that say what to write when a value is wrong.

* :data:`TASK_ID` — a TaskId as StartPublishCdnStream returned it (``-m97l2ZU...`` is one: TaskIds may start with
  ``-``), checked by :func:`layout_studio.values.parse_task_id` like every TaskId a person gives (spaces and line
  endings around it removed; whitespace, control or invisible characters, ``#`` or more than 256 characters inside
  are bad usage, shown escaped: a pasted ``" T"`` must not become another, unknown task).
* :data:`CANVAS` — ``WIDTHxHEIGHT`` in pixels, each side 1..1920 (SDK models.VideoEncode.Width/Height; read by
  :func:`layout_studio.values.parse_size`).
* :class:`WholeNumberType` — a whole number from ``low`` to ``high``; :class:`PositiveType` — from 1. Every integer
  option that reaches the journal (SQLite) or an API body is bounded, by default to :data:`INT64_MAX` (the largest
  SQLite INTEGER, inside any 64-bit API Integer), so a longer number is bad usage, not a crash.

* :data:`TEXT` — a value that must not be empty (or only blanks): an id, a URL, a UserSig, a storage member. An
  empty value is bad usage, not "not given" (``--room-id ''`` must not fall back to the preset's room, nor
  ``--usersig ''`` to a generated UserSig).

A bad value is a :class:`click.BadParameter` naming the option (exit 2).
"""

from __future__ import annotations

from typing import Any

import click

from ..values import ValueFormatError, parse_size, parse_task_id


class TaskIdType(click.ParamType[str]):
    """A TaskId, by :func:`layout_studio.values.parse_task_id`."""

    name = "taskid"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> str:
        try:
            return parse_task_id(str(value))
        except ValueFormatError as err:
            self.fail(str(err), param, ctx)


class CanvasType(click.ParamType[tuple[int, int]]):
    """``WIDTHxHEIGHT`` -> ``(width, height)`` in pixels (VideoEncode's 1..1920 a side)."""

    name = "canvas"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> tuple[int, int]:
        if isinstance(value, tuple):
            return value
        try:
            return parse_size(str(value))
        except ValueFormatError as err:
            self.fail(str(err), param, ctx)


#: The largest SQLite INTEGER (signed 64-bit), which every 64-bit API Integer can hold too.
INT64_MAX = 2**63 - 1


class WholeNumberType(click.ParamType[int]):
    """A whole number from ``low`` to ``high`` (both included); ``hint`` follows the message for one outside."""

    name = "integer"

    def __init__(self, low: int, high: int = INT64_MAX, hint: str = "") -> None:
        self.low, self.high, self.hint = low, high, hint

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> int:
        if isinstance(value, int):
            number = value
        else:
            try:
                number = int(str(value))
            except ValueError:
                self.fail(f"{value!r} is not a whole number", param, ctx)
        if number < self.low:
            self.fail(f"{number}: give at least {self.low}{self.hint}", param, ctx)
        if number > self.high:
            self.fail(f"{number}: give at most {self.high}{self.hint}", param, ctx)
        return number


class PositiveType(WholeNumberType):
    """A whole number from 1 to ``high`` (default :data:`INT64_MAX`)."""

    def __init__(self, hint: str = "", high: int = INT64_MAX) -> None:
        super().__init__(1, high, hint)


class NonEmptyType(click.ParamType[str]):
    """A text value that is not empty nor only blanks (kept as given)."""

    name = "text"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> str:
        text = str(value)
        if not text.strip():
            self.fail("an empty value is not allowed: give one, or leave the option out for its default", param, ctx)
        return text


TASK_ID = TaskIdType()
TEXT = NonEmptyType()
CANVAS = CanvasType()
#: SdkAppId options: an application's id, 1.. (the journal keeps it).
SDK_APP_ID = PositiveType()
#: A count or length the API takes without a documented upper bound (seconds, ids): 0.. .
NATURAL = WholeNumberType(0)
