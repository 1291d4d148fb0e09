"""Hostile text for the site: a draft standard and an audit file whose every free-text
field tries to run script in a reader's browser.

The example site (tests/conftest.py) is built with both added to its copy of the example,
so one build serves the ordinary site tests and the injection tests: the browser test
(tests/browser/test_injection.py) loads each page that shows them and checks that nothing
ran, and that each payload is shown as the text it is.
"""

from __future__ import annotations

import json
from pathlib import Path

INJECTION_ID = "ZZ-INJ-001"
INJECTION_SLUG = INJECTION_ID.lower()


def payload(name: str) -> str:
    """Each payload records its own name in window.__pwned if it ever runs."""
    return PAYLOADS[name].replace("NAME", name)


PAYLOADS = {
    "script": "<script>window.__pwned='NAME'</script>",
    "img": "<img src=x onerror=\"window.__pwned='NAME'\">",
    "svg": "<svg onload=\"window.__pwned='NAME'\"></svg>",
    "iframe": "<iframe srcdoc=\"<script>parent.__pwned='NAME'</script>\"></iframe>",
    "md-link": "[click me](javascript:window.__pwned='NAME')",
    "md-image": "![x](javascript:window.__pwned='NAME')",
    "autolink": "<javascript:window.__pwned='NAME'>",
    "html-link": "<a href=\"javascript:window.__pwned='NAME'\">click</a>",
    "attr-list": "text{: onclick=\"window.__pwned='NAME'\" }",
    "title-breakout": "</title><script>window.__pwned='NAME'</script>",
    "attribute-breakout": '" onmouseover="window.__pwned=\'NAME\'" x="',
    "entity-script": "&lt;script&gt;window.__pwned='NAME'&lt;/script&gt;",
    "details": "<details open ontoggle=\"window.__pwned='NAME'\">x</details>",
}
# Where each payload goes: YAML fields of the standard, then cells of the audit file.
FIELDS = {
    "title": "title-breakout",
    "statement": "script",
    "owner": "img",
    "version": "svg",
    "area": "attr-list",
    "roles": "details",
    "serves": "html-link",
    "en.title": "md-link",
    "en.statement": "autolink",
    "metric": "md-image",
    "step": "attribute-breakout",
    "unit": "iframe",
    "method": "entity-script",
}
# A raw HTML block on lines of its own, as Markdown would take it, in the statement too.
HTML_BLOCK = "<div onmouseover=\"window.__pwned='html-block'\">\n\nblock\n\n</div>"


def _q(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)  # a JSON string is a YAML string


def standard_yaml() -> str:
    f = {field: payload(name) for field, name in FIELDS.items()}
    statement = f"Answer 96% of calls by the third ring. {f['statement']}\n\n{HTML_BLOCK}"
    return f"""standards:
  - id: {INJECTION_ID}
    title: {_q("Injection test " + f["title"])}
    kind: sop
    status: draft
    area: {_q(f["area"])}
    tier: basic
    owner: {_q(f["owner"])}
    version: {_q(f["version"])}
    roles: [{_q(f["roles"])}]
    serves: [{_q(f["serves"])}]
    statement: {_q(statement)}
    en:
      title: {_q(f["en.title"])}
      statement: {_q(f["en.statement"])}
    steps: [{_q("Greet the caller " + f["step"])}]
    measure:
      metric: {_q(f["metric"])}
      unit: percent
      direction: at_least
      target: 96
      period: monthly
"""


def audit_csv() -> str:
    unit, method = (payload(FIELDS[k]).replace('"', '""') for k in ("unit", "method"))
    rows = [f'{INJECTION_ID},2026-0{m},"{unit}",95,100,"{method}"' for m in (8, 9)]
    rows.append(f'{INJECTION_ID},2026-10,"=HYPERLINK(""http://x"")",97,100,audit')
    return "\n".join(["standard,period,unit,passed,total,method", *rows]) + "\n"


def add_to(root: Path) -> None:
    """Put the hostile standard and audit file into the handbook at `root`."""
    (root / "standards" / "zz-injection.yaml").write_text(standard_yaml(), encoding="utf-8")
    (root / "scorecards" / "zz-injection.csv").write_text(audit_csv(), encoding="utf-8")
