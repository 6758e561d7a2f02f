#!/usr/bin/env bash
# Adds one EF Core migration for every provider (SQLite, PostgreSQL, SQL Server), in one command:
#
#   build/add-migration.sh <Name>                                         the platform database
#   build/add-migration.sh <Name> --module <module> [--context <Context>]  a module's own tables
#
# <module> is the module's directory or short name (modules/KnowledgeRenewal.Modules.Health, or Health); its database
# context is found by itself (build/module-contexts.sh: the class deriving from the SDK's ModuleDbContext), and
# --context is needed only when a module has several. The module is switched on for the design-time run, whatever
# appsettings.json says. E.g.   build/add-migration.sh AddCmeProjectVenue --module Health
#
# Migrations land in <project>/Migrations/{Sqlite,PostgreSql,SqlServer}; at run time the platform reads the active
# provider's folder only. Each provider's model snapshot has its own class name ({Context}{Provider}Snapshot),
# because EF Core finds the snapshot file to update by class name.
set -euo pipefail
cd "$(dirname "$0")/.."

# The platform's context: "<project dir> <context>" (the same entry as in .ci/run).
PLATFORM_CONTEXT="src/KnowledgeRenewal.Kernel PlatformDbContext"
HOST_PROJECT=src/KnowledgeRenewal.Host

usage() { sed -n '4,5p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 2; }

[ $# -ge 1 ] || usage
name=$1
shift
module="" wanted=""
while [ $# -gt 0 ]; do
  case $1 in
    --module) [ $# -ge 2 ] || usage; module=$2; shift 2 ;;
    --context) [ $# -ge 2 ] || usage; wanted=$2; shift 2 ;;
    *) usage ;;
  esac
done

extra=()
if [ -z "$module" ]; then
  [ -z "$wanted" ] || usage
  read -r project context <<<"$PLATFORM_CONTEXT"
else
  all=$(build/module-contexts.sh "$module")
  found=$all
  [ -z "$wanted" ] || found=$(awk -v c="$wanted" '$2 == c' <<<"$all")
  case $(grep -c . <<<"$found" || true) in
    1) read -r project context key <<<"$found" ;;
    0) if [ -z "$all" ]; then
         echo "error: $module has no database context: add a class deriving from ModuleDbContext<TModule> and register it with builder.AddDbContext<T>() (modules/README.md)" >&2
       else
         echo "error: $module has no context '$wanted'; its contexts: $(awk '{ printf "%s ", $2 }' <<<"$all")" >&2
       fi
       exit 2 ;;
    *) echo "error: $module has several contexts; choose one with --context: $(awk '{ printf "%s ", $2 }' <<<"$found")" >&2
       exit 2 ;;
  esac
  extra=("--Modules:$key:Enabled=true")
fi

dotnet tool restore >/dev/null
# One build for the three providers: each provider's run reads only its own snapshot from the compiled assembly,
# and the files the earlier runs add do not change it.
for built in "$project" "$HOST_PROJECT"; do dotnet build "$built" -nologo -v q; done
for provider in Sqlite PostgreSql SqlServer; do
  case $provider in
    Sqlite) cs="Data Source=${TMPDIR:-/tmp}/kr-design-time.db" ;;
    PostgreSql) cs="Host=127.0.0.1;Database=design_time;Username=design" ;;
    SqlServer) cs="Server=127.0.0.1;Database=design_time;User Id=design;Password=design;TrustServerCertificate=True" ;;
  esac
  echo "== $context: $name for $provider"
  dotnet ef migrations add "$name" --no-build \
    --project "$project" --startup-project "$HOST_PROJECT" --context "$context" \
    --output-dir "Migrations/$provider" \
    -- --Database:Provider=$provider "--ConnectionStrings:Platform=$cs" --Database:MigrateOnStartup=false "${extra[@]}"
  fresh="$project/Migrations/$provider/${context}ModelSnapshot.cs"
  if [ -f "$fresh" ]; then
    sed -i "s/class ${context}ModelSnapshot/class ${context}${provider}Snapshot/" "$fresh"
    mv "$fresh" "$project/Migrations/$provider/${context}${provider}Snapshot.cs"
  fi
done
