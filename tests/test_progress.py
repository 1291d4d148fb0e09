"""Progress shows on a terminal only: pipes and NO_COLOR logs stay clean and parsable."""

from __future__ import annotations

import pytest

from builder.progress import silent, terminal_progress


def test_no_terminal_means_no_progress(capsys: pytest.CaptureFixture[str]) -> None:
    with terminal_progress() as step:
        assert step is silent
        step("writing pages")
    assert capsys.readouterr().err == ""


def test_a_dumb_terminal_gets_no_status_line(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TERM", "dumb")
    monkeypatch.setenv("FORCE_COLOR", "1")  # even when rich is told it is a terminal
    with terminal_progress() as step:
        assert step is silent
