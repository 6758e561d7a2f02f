#!/usr/bin/env bash
# Import benchmark (not a test): 100,000 valid professional rows, generated deterministically, as UTF-8 CSV and as
# xlsx; each imported into a fresh SQLite file through the real pipeline (inspection as the upload endpoint does it,
# then the worker: read → field rules → hash and encrypt → look-ups → prepared-statement writes in one transaction,
# audit records included), side by side in the same run with a raw ADO.NET prepared-insert baseline of the same rows
# (already parsed, hashed and encrypted; one transaction) of the same registry rows — each professional plus their open
# employment — into the same tables of a fresh file. Also printed: the baseline of the Professionals rows alone and of
# a plain table of the same columns without indexes. Prints rows/s, the ratios import/baseline and peak memory;
# exits 2 when an import is below half the baseline.
#   build/benchmark-import.sh [rows=100000] [rounds=2]
# Run it on a quiet machine: the numbers are CPU-bound (SQLite runs in-process) and 2 cores are shared.
set -euo pipefail
cd "$(dirname "$0")/.."
project=build/benchmarks/KnowledgeRenewal.Benchmarks
dotnet build "$project" -c Release -warnaserror --nologo -v quiet
exec dotnet "$project/bin/Release/net10.0/KnowledgeRenewal.Benchmarks.dll" "${1:-100000}" "${2:-2}"
