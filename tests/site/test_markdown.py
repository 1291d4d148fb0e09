"""Untrusted text is shown, never interpreted; file paths are shown verbatim."""

from __future__ import annotations

from builder.site.markdown import cell, code, text


def test_text_escapes_markdown_and_html() -> None:
    assert text("**粗体** <script>") == "\\*\\*粗体\\*\\* &lt;script&gt;"


def test_code_shows_a_path_without_backslashes_and_keeps_tables_whole() -> None:
    assert code("standards/sop/phone-answering.yaml") == (
        "<code>standards/sop/phone-answering.yaml</code>"
    )
    assert code("a|b<c>") == "<code>a&#124;b&lt;c&gt;</code>"


def test_an_empty_cell_is_a_dash() -> None:
    assert cell(None) == "—" and cell("") == "—" and cell(0) == "0"
