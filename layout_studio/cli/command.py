"""How a ``layout-studio`` command is declared: click, with help sections, handlers taking one ``args`` object, and
values that start with ``-`` (TaskIds) read as written.

* :func:`command` turns ``handler(args) -> int`` into a :class:`Command`; ``args`` holds the parsed parameters as
  attributes (``args.task_id``, ``args.dry_run``), as the handlers and the shared helpers read them.
* :func:`option` is ``click.option`` with a ``section`` (``--help`` lists options under that heading: ``connection``,
  ``target (override the preset's Target)``, …); :func:`argument` is ``click.argument``.
* An option's value is taken as written, even when it starts with ``-`` (``--task-id -m97l2ZU...``), but a value
  that is one of the command's own option names (``--task-id --yes``: the TaskId was forgotten) is bad usage;
  write ``--task-id=--yes`` if that really is the value.
* A command made with ``dash_positional=True`` (``history T``, ``rollback T``) also reads a positional value that
  starts with ``-`` as that value, unless it is one of the command's options (``-y``, ``-h``) or a long option
  written with one dash (``-limit``). An unknown ``--word`` stays an error naming it (with click's "did you mean");
  ``--`` still ends the options.

Usage errors are click's :class:`click.UsageError` (exit 2), shown by :func:`layout_studio.cli.main`.
"""

from __future__ import annotations

from collections.abc import Callable
from types import SimpleNamespace
from typing import Any

import click

#: Heading of the options given no section (``--help`` among them).
DEFAULT_SECTION = "options"


class Args(SimpleNamespace):
    """The parsed parameters of one command, by attribute (the click parameter names: ``--task-id`` is
    ``task_id``)."""


class Option(click.Option):
    """A click option listed under ``section`` in ``--help``."""

    def __init__(self, *args: Any, section: str | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.section = section


class Command(click.Command):
    """A ``layout-studio`` command: options in sections, option values never taken from the next option, and
    (``dash_positional``) positional values that may start with ``-``."""

    def __init__(self, *args: Any, dash_positional: bool = False, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.dash_positional = dash_positional

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        """Rewrite ``args`` (see the module docstring), then parse them as click does."""
        args = self._rewrite(ctx, list(args))
        try:
            return super().parse_args(ctx, args)
        except click.NoSuchOption as err:
            if self.dash_positional and err.option_name.startswith("--") and not err.possibilities:
                hint = f" (a value that starts with '--' goes after --: {ctx.command_path} -- {err.option_name})"
                raise click.NoSuchOption(err.option_name, err.message + hint, ctx=ctx) from None
            raise

    def _rewrite(self, ctx: click.Context, args: list[str]) -> list[str]:
        """``args`` with the positional values that start with ``-`` moved after a ``--`` (positionals keep their
        order); raises click.UsageError for an option given another option as its value."""
        arity: dict[str, int] = {}  # option string -> number of values it takes
        for param in self.get_params(ctx):
            if isinstance(param, click.Option):
                takes = 0 if param.is_flag or param.count else param.nargs
                arity.update(dict.fromkeys([*param.opts, *param.secondary_opts], takes))
        options: list[str] = []
        positionals: list[str] = []
        moved = False
        i = 0
        while i < len(args):
            token = args[i]
            if token == "--":
                positionals.extend(args[i + 1 :])
                break
            name, equals, _ = token.partition("=")
            if token.startswith("--") or (token.startswith("-") and self._is_short_option(token, arity)):
                takes = 0 if equals and token.startswith("--") else arity.get(name, 0)
                if len(token) > 2 and not token.startswith("--"):
                    takes = 0  # -oFILE: the value is attached (or a cluster of flags)
                values = args[i + 1 : i + 1 + takes]
                for value in values:
                    if value.startswith("-") and value.partition("=")[0] in arity:
                        raise click.UsageError(
                            f"{name} needs a value, but the next word is the option {value}; "
                            f"give the value (if it really is {value!r}, write {name}={value})",
                            ctx,
                        )
                options.extend([token, *values])
                i += 1 + takes
                continue
            if token.startswith("-") and len(token) > 1 and self.dash_positional:
                if f"-{token}" in arity:
                    raise click.UsageError(f"no option {token}: did you mean -{token}?", ctx)
                moved = True
            positionals.append(token)
            i += 1
        return [*options, "--", *positionals] if moved else args

    @staticmethod
    def _is_short_option(token: str, arity: dict[str, int]) -> bool:
        """True when ``token`` (``-x...``) is one of the command's short options: ``-y``, ``-oFILE`` (a value
        attached) or ``-yh`` (only flags)."""
        if len(token) < 2 or f"-{token[1]}" not in arity:
            return False
        if len(token) == 2 or arity[f"-{token[1]}"] > 0:
            return True
        return all(arity.get(f"-{c}") == 0 for c in token[1:])

    def format_options(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        """The options under their sections, in the order the sections first appear."""
        sections: dict[str, list[tuple[str, str]]] = {}
        for param in self.get_params(ctx):
            record = param.get_help_record(ctx)
            if record is None or isinstance(param, click.Argument):
                continue
            sections.setdefault(getattr(param, "section", None) or DEFAULT_SECTION, []).append(record)
        default = sections.pop(DEFAULT_SECTION, [])
        for title, rows in ([(DEFAULT_SECTION, default)] if default else []) + list(sections.items()):
            with formatter.section(title[:1].upper() + title[1:]):
                formatter.write_dl(rows)


Handler = Callable[[Args], int]


def command(
    name: str, *, summary: str, description: str, dash_positional: bool = False
) -> Callable[[Handler], Command]:
    """Decorator: the :class:`Command` ``name`` running ``handler(args)``. ``summary`` is its line in
    ``layout-studio --help``; ``description`` opens its own ``--help``."""

    def decorator(handler: Handler) -> Command:
        def callback(**params: Any) -> int:
            return handler(Args(**params))

        callback.__click_params__ = getattr(handler, "__click_params__", [])  # type: ignore[attr-defined]
        cmd = click.command(name, cls=Command, help=description, short_help=summary, dash_positional=dash_positional)(
            callback
        )
        assert isinstance(cmd, Command)
        return cmd

    return decorator


def option(*decls: str, section: str | None = None, **attrs: Any) -> Callable[[Any], Any]:
    """``click.option`` listed under ``section`` in ``--help`` (None: the first, untitled "Options" section)."""
    return click.option(*decls, cls=Option, section=section, **attrs)


def argument(name: str, *, metavar: str, help: str, **attrs: Any) -> Callable[[Any], Any]:
    """``click.argument`` with its metavar and a line in the ``Positional arguments`` section of ``--help``."""
    return click.argument(name, metavar=metavar, help=help, **attrs)


def options(*decorators: Callable[[Any], Any]) -> Callable[[Any], Any]:
    """One decorator applying ``decorators`` (options listed in ``--help`` in the order given)."""

    def apply(f: Any) -> Any:
        for decorator in reversed(decorators):
            f = decorator(f)
        return f

    return apply
