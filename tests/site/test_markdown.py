"""Untrusted text is shown, never interpreted; file paths are shown verbatim."""

from __future__ import annotations

from builder.site.markdown import cell, code, front_matter, html_text, text


def test_text_escapes_markdown_and_html() -> None:
    assert text("**粗体** <script>") == "\\*\\*粗体\\*\\* &lt;script&gt;"


def test_code_shows_a_path_without_backslashes_and_keeps_tables_whole() -> None:
    assert code("standards/sop/phone-answering.yaml") == (
        "<code>standards/sop/phone-answering.yaml</code>"
    )
    assert code("a|b<c>") == "<code>a&#124;b&lt;c&gt;</code>"


def test_an_empty_cell_is_a_dash() -> None:
    assert cell(None) == "—" and cell("") == "—" and cell(0) == "0"


def test_control_characters_show_as_a_replacement_character() -> None:
    """NUL makes the page invalid; \x02 and \x03 are Python-Markdown's own markers for
    stashed HTML, so "\x02wzxhzdk:0\x03" in a cell could pull stashed HTML into the text."""
    assert text("A\x00B") == "A\ufffdB"
    assert html_text("\x02wzxhzdk:0\x03") == "\ufffdwzxhzdk:0\ufffd"


def test_front_matter_escapes_the_title_and_tags_material_prints_as_html() -> None:
    assert front_matter("CALL-001 <b>x</b>", ["<i>tag</i>"]) == (
        '---\ntitle: "CALL-001 &lt;b&gt;x&lt;/b&gt;"\ntags:\n  - "&lt;i&gt;tag&lt;/i&gt;"\n---\n\n'
    )
