#!/usr/bin/env bash
# Starts the app exactly as `./tezuo run` does (embedded H2, demo tenant, loopback stubs) in a temporary folder
# and checks that the login page and the demo data are served.
set -euo pipefail
echo "smoke: not yet written"
