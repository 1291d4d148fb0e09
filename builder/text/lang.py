"""Language of a piece of text: Chinese when CJK ideographs dominate the letters."""

from __future__ import annotations

import re

_CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_LATIN = re.compile(r"[A-Za-z]+")


def detect_lang(text: str) -> str:
    """'zh' or 'en'. One Chinese character weighs as much as one English word."""
    cjk = len(_CJK.findall(text))
    words = len(_LATIN.findall(text))
    return "zh" if cjk and cjk >= words else "en"
