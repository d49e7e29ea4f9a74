#!/usr/bin/env bash
# Makes sure headless Chromium and its chromedriver are installed, for BrowserUiIT (MLflow's and
# Temporal's web UIs in a real browser). Debian's packages `chromium` and `chromium-driver`:
# installed with apt-get when missing and this runs as root; otherwise it says what to install.
# EMO_CHROMIUM / EMO_CHROMEDRIVER name other binaries (the test reads the same variables).
# Idempotent and quiet: present binaries make it a no-op.
set -euo pipefail

BROWSER="${EMO_CHROMIUM:-/usr/bin/chromium}"
DRIVER="${EMO_CHROMEDRIVER:-/usr/bin/chromedriver}"

ready() { [[ -x "$BROWSER" && -x "$DRIVER" ]]; }
say() { echo "setup-browser: $*"; }

if ready; then
  say "ready ($("$BROWSER" --version 2>/dev/null | head -1); $("$DRIVER" --version 2>/dev/null | cut -d' ' -f1-2))"
  exit 0
fi
if [[ -n "${EMO_CHROMIUM:-}${EMO_CHROMEDRIVER:-}" ]]; then
  say "EMO_CHROMIUM=$BROWSER / EMO_CHROMEDRIVER=$DRIVER: not both executable" >&2
  exit 2
fi
if ! command -v apt-get >/dev/null; then
  say "no $BROWSER or $DRIVER, and no apt-get here: install Chromium and its chromedriver" \
    "(same version), or point EMO_CHROMIUM and EMO_CHROMEDRIVER at them" >&2
  exit 2
fi
if [[ "$(id -u)" != 0 ]]; then
  say "no $BROWSER or $DRIVER: run 'sudo apt-get install -y chromium chromium-driver'" \
    "(or set EMO_CHROMIUM and EMO_CHROMEDRIVER)" >&2
  exit 2
fi
start=$(date +%s)
say "installing Debian's chromium and chromium-driver (a minute or two the first time)"
log="$(mktemp)"
if ! { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
      chromium chromium-driver; } >"$log" 2>&1; then
  tail -20 "$log" | sed 's/^/setup-browser:   /' >&2
  rm -f "$log"
  say "apt-get could not install chromium and chromium-driver (see above)" >&2
  exit 2
fi
rm -f "$log"
ready || { say "installed, yet $BROWSER or $DRIVER is missing" >&2; exit 2; }
say "$("$BROWSER" --version 2>/dev/null | head -1), $("$DRIVER" --version | cut -d' ' -f1-2): done in $(( $(date +%s) - start )) s"
