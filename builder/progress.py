"""Progress on long work, on stderr, only where a person is watching.

A terminal gets a rich status line that says which step runs; pipes, CI logs and
`NO_COLOR`/`TERM=dumb` get nothing extra (rich detects all of these), so output stays
parsable and logs stay clean.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager

from rich.console import Console

Step = Callable[[str], None]


def silent(step: str) -> None:
    """The default reporter: no output (library use, tests)."""


@contextmanager
def terminal_progress() -> Iterator[Step]:
    """A status line on an interactive stderr; a no-op reporter anywhere else."""
    console = Console(stderr=True)
    if not console.is_terminal or console.is_dumb_terminal:
        yield silent
        return
    with console.status("handbook …") as status:
        yield lambda step: status.update(f"handbook: {step}")
