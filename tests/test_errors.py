"""No traceback reaches the user: one top-level handler turns an unexpected exception into
one clear line and exit code 2; --debug (or HANDBOOK_DEBUG=1) adds the traceback."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from builder.cli import cli
from builder.errors import BuildFailed
from tests.conftest import make_handbook

TRACEBACK = "Traceback (most recent call last)"
BUG = (
    "Error: internal error: RuntimeError: boom. This is a bug in handbook; run again with "
    "--debug (or HANDBOOK_DEBUG=1) and report the traceback.\n"
)


def check_raises(exc: BaseException, monkeypatch: pytest.MonkeyPatch) -> None:
    """Make the core of `handbook check` raise `exc`."""

    def broken(*args: object, **kwargs: object) -> None:
        raise exc

    monkeypatch.setattr("builder.check.check", broken)


def run_check(tmp_path: Path, *flags: str, env: dict[str, str] | None = None) -> Result:
    make_handbook(tmp_path, {})
    return CliRunner().invoke(cli, [*flags, "check", "-C", str(tmp_path)], env=env)


def test_an_unexpected_exception_is_one_line_and_exit_2(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    check_raises(RuntimeError("boom"), monkeypatch)
    result = run_check(tmp_path)
    assert result.exit_code == 2
    assert result.stderr == BUG
    assert result.stdout == ""


@pytest.mark.parametrize(
    ("flags", "env"), [(("--debug",), None), ((), {"HANDBOOK_DEBUG": "1"})], ids=["flag", "env"]
)
def test_debug_shows_the_traceback_then_the_same_line(
    flags: tuple[str, ...], env: dict[str, str] | None, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    check_raises(RuntimeError("boom"), monkeypatch)
    result = run_check(tmp_path, *flags, env=env)
    assert result.exit_code == 2
    assert result.stderr.startswith(TRACEBACK)
    assert "raise exc" in result.stderr and result.stderr.endswith(BUG)


def test_an_os_error_names_what_failed_and_where(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    check_raises(PermissionError(13, "Permission denied", "/srv/site"), monkeypatch)
    result = run_check(tmp_path)
    assert (result.exit_code, result.stderr) == (
        2,
        "Error: Permission denied (/srv/site). Run again with --debug for the traceback.\n",
    )


def test_expected_errors_keep_their_own_message_and_exit_code(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    check_raises(BuildFailed("the site engine failed"), monkeypatch)
    result = run_check(tmp_path, "--debug")
    assert (result.exit_code, result.stderr) == (1, "Error: the site engine failed\n")


def test_the_installed_command_prints_no_traceback(tmp_path: Path) -> None:
    """The real entry point, in its own process, with the core broken on purpose."""
    make_handbook(tmp_path, {})
    script = (
        "import builder.check\n"
        "def broken(*args, **kwargs): raise RuntimeError('boom')\n"
        "builder.check.check = broken\n"
        "from builder.cli import main\n"
        "main()\n"
    )
    proc = subprocess.run(
        [sys.executable, "-c", script, "check", "-C", str(tmp_path)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert (proc.returncode, proc.stderr, proc.stdout) == (2, BUG, "")
