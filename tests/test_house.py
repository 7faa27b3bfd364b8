"""The house rules that keep the code easy to live in, checked on every run.

The core (everything outside ``layout_studio/tui/``) never imports Textual; ``import layout_studio`` stays light;
every command answers ``--help``; every module has a docstring and stays under 500 lines.
"""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

from layout_studio.cli import build_cli, main

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "layout_studio"
MODULES = sorted(PACKAGE.rglob("*.py"))
COMMANDS = [
    "edit",
    "export",
    "history",
    "import",
    "ingest",
    "payload",
    "plan",
    "push",
    "record",
    "render",
    "rollback",
    "schema",
    "sei",
    "sheet",
    "start",
    "stop",
    "validate",
]


def _imports(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


@pytest.mark.parametrize(
    "path", [p for p in MODULES if "tui" not in p.relative_to(PACKAGE).parts], ids=lambda p: str(p.relative_to(ROOT))
)
def test_the_core_never_imports_textual(path):
    assert not {n for n in _imports(path) if n == "textual" or n.startswith("textual.")}


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(ROOT)))
def test_every_module_has_a_docstring_and_stays_small(path):
    text = path.read_text(encoding="utf-8")
    assert ast.get_docstring(ast.parse(text)), "module docstring missing"
    assert len(text.splitlines()) <= 500


def test_importing_the_package_and_the_dispatcher_stays_light():
    code = (
        "import sys, layout_studio, layout_studio.cli; layout_studio.cli.build_cli(); "
        "heavy = [m for m in ('textual', 'PIL', 'tencentcloud', 'requests', 'rich') if m in sys.modules]; "
        "print(','.join(heavy))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True)
    assert out.stdout.strip() == ""


def test_every_command_is_registered_with_help(capsys):
    assert sorted(build_cli().commands) == COMMANDS
    for command in COMMANDS:
        assert main([command, "--help"]) == 0
        assert f"Usage: layout-studio {command}" in capsys.readouterr().out


def test_an_unknown_command_is_a_usage_error(capsys):
    assert main(["frobnicate"]) == 2
    err = capsys.readouterr().err
    assert "frobnicate" in err and "Traceback" not in err
