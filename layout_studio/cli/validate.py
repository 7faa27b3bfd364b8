"""``layout-studio validate FILE... [--action start|update] [--canvas WxH] [--format text|json]``.

Checks presets and raw request bodies (an update is recognised by ``TaskId``) with
:func:`layout_studio.validation.validate`. Exit 0: no errors (warnings allowed); 1: some file has errors; 2: some file
is unreadable or malformed (reported with file, line and column; the other files are still checked).

Text output, per file: the file name and its verdict, then one block per finding (severity, path, then the message
and ``[code]`` indented), and a summary line. JSON output:
``{"files": [{"file", "findings": [{"code", "severity", "path", "message", "source"}]}]}``; an unreadable file also
has ``"error": {"message", "line", "column"}``. Secret values found in a file are registered as secrets of the run
(:mod:`layout_studio.redaction`), so they are masked in everything printed, like every command's output.
"""

from __future__ import annotations

import codecs
import json
import sys
from typing import Any

import click

from ..findings import Finding, count_line
from ..redaction import register_body
from ..secrets import MASK, walk
from .command import Args, argument, command, option
from .paramtypes import CANVAS


@command(
    "validate",
    summary="check presets and request bodies against every documented rule",
    description="Check presets and StartPublishCdnStream/UpdatePublishCdnStream request bodies (an update is "
    "recognised by TaskId). Exit 0: no errors (warnings allowed); 1: errors; 2: unreadable or malformed input.",
)
@argument("files", metavar="FILE...", nargs=-1, required=True, help="preset or request body (JSON)")
@option(
    "--action",
    type=click.Choice(["start", "update"]),
    help="check as the body of this action (default: inferred; a preset gets design checks)",
)
@option(
    "--canvas",
    type=CANVAS,
    metavar="WxH",
    help="canvas size in pixels for bodies without VideoEncode, e.g. 1280x720",
)
@option("--format", type=click.Choice(["text", "json"]), default="text", help="output format (default text)")
def validate(args: Args) -> int:
    """Validate each file; print the report on stdout; return 0, 1 or 2."""
    from ..errors import LoadError
    from ..findings import has_errors
    from ..jsonfile import read_json
    from ..validation import validate as check

    results: list[dict[str, Any]] = []
    for name in args.files:
        try:
            raw = read_json(name)
        except LoadError as err:
            results.append({"file": name, "findings": [], "error": err})
            continue
        register_body(raw)  # a finding may quote a secret's value (a UserId that is also the UserSig)
        findings = check(raw, action=args.action, canvas=args.canvas)
        results.append({"file": name, "findings": findings})

    if args.format == "json":
        _print_json(results)
    else:
        _print_text(results)
    if any("error" in r for r in results):
        return 2
    return 1 if any(has_errors(r["findings"]) for r in results) else 0


def register(group: click.Group) -> None:
    """Add the ``validate`` command."""
    group.add_command(validate)


def utf8_stdout() -> bool:
    """True when stdout is UTF-8; otherwise (a Windows code page when redirected) JSON goes out with \\u escapes."""
    try:
        return codecs.lookup(getattr(sys.stdout, "encoding", None) or "ascii").name == "utf-8"
    except LookupError:
        return False


def format_finding(finding: Finding) -> str:
    """One finding for a terminal: ``  error    PATH`` then the message and ``[code]`` indented on the next line."""
    where = finding.path or "(body)"
    return f"  {finding.severity.value:<8} {where}\n           {finding.message} [{finding.code}]"


def _print_json(results: list[dict[str, Any]]) -> None:
    files = []
    for r in results:
        entry: dict[str, Any] = {"file": r["file"], "findings": []}
        for f in r["findings"]:
            entry["findings"].append(_masked(f.to_dict()))
        if "error" in r:
            err = r["error"]
            entry["error"] = {"message": err.detail, "line": err.line, "column": err.column}
        files.append(entry)
    json.dump({"files": files}, sys.stdout, indent=2, ensure_ascii=not utf8_stdout())
    sys.stdout.write("\n")


def _masked(value: Any) -> Any:
    """``value`` (a finding as JSON) with the value under every secret key of its fixes masked (the run's registry
    masks registered values in every string printed: the message, the path, a fix suggesting a UserId built from a
    secret's text)."""
    return walk(value, lambda _path, _secret: MASK, lambda _path, text: text)


def _print_text(results: list[dict[str, Any]]) -> None:
    all_findings = []
    unreadable = 0
    for r in results:
        if "error" in r:
            unreadable += 1
            print(f"{r['error']}  [unreadable]")
            continue
        findings = r["findings"]
        all_findings.extend(findings)
        verdict = "ok" if not findings else count_line(findings)
        print(f"{r['file']}: {verdict}")
        for f in findings:
            print(format_finding(f))
    n = len(results)
    summary = f"{n} file{'' if n == 1 else 's'}: {count_line(all_findings)}"
    if unreadable:
        summary += f"; {unreadable} unreadable"
    print(summary)
