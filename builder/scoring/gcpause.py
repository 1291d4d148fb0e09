"""Pause Python's cycle collector while scoring builds millions of small objects.

Rows, pools and results hold no reference cycles, so the collector frees nothing while
they are made; but every few thousand allocations it walks the objects made so far, and
with a million rows alive that walking is a fifth of the whole run. Reference counting
still frees everything as usual; the collector runs again as soon as the block ends.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def paused_gc() -> Iterator[None]:
    """Within the block, no cyclic garbage collection (restored after, even on error)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
