#!/usr/bin/env bash
# Writes docs/screenshots/<role>-<width>.png: every demo account's workbench at 1280 and 390 px, through Chromium
# (needs /usr/bin/chromium and fonts-noto-cjk: apt-get install -y chromium fonts-noto-cjk).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
dotnet build tests/KnowledgeRenewal.IntegrationTests -c Release >/dev/null
KR_SCREENSHOTS=1 dotnet test tests/KnowledgeRenewal.IntegrationTests -c Release --no-build --filter "FullyQualifiedName~Browser.Screenshots"
ls -1 docs/screenshots
