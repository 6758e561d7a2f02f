#!/usr/bin/env bash
# Compliance benchmark (not a test): a fresh SQLite file with the platform schema, 300,000 professionals and ~3,000,000
# credit records of 2023–2025 over five departments (health in credits with classes, education's five-year cycle,
# transport, two on the default rules), generated deterministically with prepared inserts; then, for the year 2025,
# side by side: (a) a raw SQL aggregate baseline (per person and category the SUM of approved hundredths of the
# cycle compared with the requirement, inserted into a table) and (b) the real bulk recomputation (the records
# streamed by person with a DbDataReader, CreditEvaluator, prepared-statement writes, audit; phase times read /
# evaluate / write and process CPU printed), plus a second
# bulk run with nothing to change. Prints times, rows/s, the ratio and peak memory; exits 2 when the target (bulk
# within 2x the baseline and under 30 s) is missed.
#   build/benchmark-compliance.sh [people=300000] [records=3000000]
# Run it on a quiet machine: the numbers are CPU-bound (SQLite runs in-process) and 2 cores are shared.
set -euo pipefail
cd "$(dirname "$0")/.."
project=build/benchmarks/KnowledgeRenewal.Benchmarks
dotnet build "$project" -c Release -warnaserror --nologo -v quiet
exec dotnet "$project/bin/Release/net10.0/KnowledgeRenewal.Benchmarks.dll" compliance "${1:-300000}" "${2:-3000000}"
