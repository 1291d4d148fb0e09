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
