"""The cycle collector is paused only within the block, and restored as it was."""

from __future__ import annotations

import gc

import pytest

from builder.scoring.gcpause import paused_gc


def test_the_collector_runs_again_after_the_block_even_on_error() -> None:
    assert gc.isenabled()
    with pytest.raises(ValueError), paused_gc():
        assert not gc.isenabled()
        raise ValueError
    assert gc.isenabled()


def test_a_collector_paused_by_the_caller_stays_paused() -> None:
    gc.disable()
    try:
        with paused_gc():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()
