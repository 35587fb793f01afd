#!/usr/bin/env bash
# Every test of the project, as CI runs it: static checks, the seed's determinism, unit and
# database tests (PGlite, and PostgreSQL 15 + PostGIS started by scripts/pg15.sh), then the built
# app end to end in Debian's Chromium. Ends with one line: "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")/.."
mkdir -p .cache test-results
status=0
step() { echo; echo "== $*"; }

step "static checks (npm run check)"
npm run --silent check || status=1

step "seed is what the generator makes"
npx vite-node data/generator/cli.ts --check || status=1

if [ -z "${TUZHANG_PG_URL:-}" ]; then
  if env_line=$(scripts/pg15.sh start); then
    export "$env_line"
    trap 'scripts/pg15.sh stop' EXIT
  elif [ -n "${CI:-}" ]; then
    echo "CI needs PostgreSQL 15 + PostGIS (apt-get install -y postgresql-15-postgis-3)" >&2
    status=1
  fi
fi

step "unit and database tests"
npx vitest run --reporter=default --reporter=json --outputFile=.cache/vitest-unit.json || status=1

step "build"
npm run --silent build || status=1

step "end-to-end tests (Chromium)"
if [ -f vitest.e2e.config.ts ]; then
  npx vitest run --config vitest.e2e.config.ts --reporter=default --reporter=json \
    --outputFile=.cache/vitest-e2e.json || status=1
fi

node -e '
  const fs = require("fs");
  let passed = 0, failed = 0;
  for (const f of [".cache/vitest-unit.json", ".cache/vitest-e2e.json"]) {
    if (!fs.existsSync(f)) continue;
    const r = JSON.parse(fs.readFileSync(f, "utf8"));
    passed += r.numPassedTests; failed += r.numFailedTests;
  }
  if (passed + failed === 0) failed = 1;
  console.log(`\n${passed} passed, ${failed} failed`);
  process.exit(failed > 0 ? 1 : 0);
' || status=1
exit $status
