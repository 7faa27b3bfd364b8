"""Command-line value types (click parameter types) that say what to write when a value is wrong.

* :data:`TASK_ID` — a TaskId as StartPublishCdnStream returned it (``-m97l2ZU...`` is one: TaskIds may start with
  ``-``), checked by :func:`layout_studio.values.parse_task_id` like every TaskId a person gives (spaces and line
  endings around it removed; whitespace, control or invisible characters, ``#`` or more than 256 characters inside
  are bad usage, shown escaped: a pasted ``" T"`` must not become another, unknown task).
* :data:`CANVAS` — ``WIDTHxHEIGHT`` in pixels, each side 1..1920 (SDK models.VideoEncode.Width/Height; read by
  :func:`layout_studio.values.parse_size`).
* :class:`PositiveType` — a whole number of at least 1.

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


class PositiveType(click.ParamType[int]):
    """A whole number of at least 1; ``hint`` follows the message for a smaller one."""

    name = "integer"

    def __init__(self, hint: str = "") -> None:
        self.hint = hint

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> int:
        if isinstance(value, int):
            number = value
        else:
            try:
                number = int(str(value))
            except ValueError:
                self.fail(f"{value!r} is not a whole number", param, ctx)
        if number < 1:
            self.fail(f"{number}: give at least 1{self.hint}", param, ctx)
        return number


TASK_ID = TaskIdType()
CANVAS = CanvasType()
