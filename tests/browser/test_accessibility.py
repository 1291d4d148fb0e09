"""axe-core, injected from a local file, finds no serious or critical violation."""

from __future__ import annotations

from typing import Any

import pytest

from tests.browser.conftest import Reader
from tests.browser.harness import BLOCKING_IMPACTS, axe_script, format_violations

pytestmark = pytest.mark.browser

PAGES = {
    "home": "",
    "standard": "standards/prc-tim-002/",
    "scorecard": "scorecards/prc-tim-001/",
    "flagged": "flagged/",
}


@pytest.mark.parametrize("rel", PAGES.values(), ids=PAGES.keys())
def test_page_has_no_serious_or_critical_accessibility_violations(reader: Reader, rel: str) -> None:
    page = reader.open(rel)
    page.add_script_tag(content=axe_script())
    results: dict[str, Any] = page.evaluate(
        "async () => axe.run(document, {resultTypes: ['violations']})"
    )
    blocking = [v for v in results["violations"] if v["impact"] in BLOCKING_IMPACTS]
    if blocking:
        pytest.fail(f"axe-core found on /{rel}:\n" + format_violations(blocking), pytrace=False)
