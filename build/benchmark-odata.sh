#!/usr/bin/env bash
# OData benchmark (not a test; issue 17 item 2): a fresh SQLite file with the platform schema, 300,000 professionals
# and ~1,000,000 credit records (the compliance benchmark's deterministic generator), the real platform served by
# Kestrel on loopback, then side by side, request by request, /odata/CreditRecords against a hand-written EF Core
# endpoint doing the same query through the same scoped DbContext: a filtered first page of 50, the same with
# $count=true, and a $apply=groupby sum — as a county administrator and as a feed client (feeds.credits). Prints
# p50/p95 per shape, the ratio OData / hand-written and the SQLite query plans of the feed's statements; exits 2
# when a median ratio is over 1.3 or the first page over 100 ms.
#   build/benchmark-odata.sh [people=300000] [records=1000000] [rounds=15]
# Run it on a quiet machine: SQLite runs in-process and the load generator shares the 2 cores.
set -euo pipefail
cd "$(dirname "$0")/.."
project=build/benchmarks/KnowledgeRenewal.Benchmarks
dotnet build "$project" -c Release -warnaserror --nologo -v quiet
exec dotnet "$project/bin/Release/net10.0/KnowledgeRenewal.Benchmarks.dll" odata "${1:-300000}" "${2:-1000000}" "${3:-15}"
