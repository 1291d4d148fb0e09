#!/usr/bin/env bash
# Set up everything on a fresh machine (Debian + Python 3.11) and then:
#   ./quickstart.sh site          build the example handbook into site/
#   ./quickstart.sh test          run the checks and the test suite (browser tests included)
#   ./quickstart.sh screenshots   regenerate the README's screenshot of a scorecard page
# Safe to run again: finished steps are skipped.
set -euo pipefail
cd "$(dirname "$0")"

need_apt=()
fc-list :lang=zh 2>/dev/null | grep -q . || need_apt+=(fonts-wqy-microhei)
command -v fc-list >/dev/null || need_apt+=(fontconfig)
# The browser tests and screenshots drive Debian's Chromium through Playwright (Playwright's
# own browser download cannot work here; `playwright install` is never run).
case "${1:-}" in
  test|screenshots) [ -x /usr/bin/chromium ] || need_apt+=(chromium) ;;
esac
if [ "${#need_apt[@]}" -gt 0 ]; then
  sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
  echo "installing Debian packages: ${need_apt[*]}"
  $sudo apt-get install -y -q "${need_apt[@]}" >/dev/null 2>&1 \
    || { $sudo apt-get update -q >/dev/null && $sudo apt-get install -y -q "${need_apt[@]}" >/dev/null; }
fi

# One virtual environment in the project; reinstalled only when pyproject.toml changes.
[ -x .venv/bin/python ] || python3 -m venv .venv
stamp=".venv/.installed-$(sha1sum pyproject.toml | cut -c1-12)"
if [ ! -f "$stamp" ]; then
  .venv/bin/python -m pip install -q --disable-pip-version-check -e ".[test]"
  rm -f .venv/.installed-*; touch "$stamp"
fi
export PATH="$PWD/.venv/bin:$PATH"

case "${1:-}" in
  site)
    handbook check || true   # show the findings; drafts are warnings, so the build goes on
    handbook build
    echo "open site/index.html, or run: .venv/bin/handbook serve --no-build"
    ;;
  test)
    ruff check .
    ruff format --check .
    mypy
    pytest -q
    ;;
  screenshots)
    python -m tests.browser.screenshots
    ;;
  *)
    echo "usage: ./quickstart.sh site|test|screenshots" >&2; exit 2 ;;
esac
