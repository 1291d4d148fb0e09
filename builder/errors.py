"""Errors that end a command. Each knows its exit code, so the CLI needs no try/except.

Problems in the *content* (a vague standard, a malformed file) are findings, not errors:
they are reported and the command carries on. These classes are for the cases where the
command itself cannot do its job.
"""

from __future__ import annotations

import click


class ProjectNotFound(click.UsageError):
    """No folder holding mkdocs.yml above the working directory (exit 2)."""


class ConfigError(click.UsageError):
    """handbook.yml or a command-line option is invalid (exit 2)."""


class BuildFailed(click.ClickException):
    """The site could not be built; the previous site is left untouched (exit 1)."""

    exit_code = 1


class Unexpected(click.ClickException):
    """An error no command expects: a bug, or the machine (a full disk, a missing
    permission). One line says what happened; --debug shows the traceback (exit 2)."""

    exit_code = 2

    @classmethod
    def of(cls, exc: Exception) -> Unexpected:
        if isinstance(exc, OSError) and exc.strerror:
            where = f" ({exc.filename})" if exc.filename else ""
            return cls(f"{exc.strerror}{where}. Run again with --debug for the traceback.")
        return cls(
            f"internal error: {type(exc).__name__}: {exc}. This is a bug in handbook; run "
            "again with --debug (or HANDBOOK_DEBUG=1) and report the traceback."
        )
