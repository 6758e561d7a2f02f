#!/usr/bin/env bash
# Adds one EF Core migration for every provider (SQLite, PostgreSQL, SQL Server).
#   build/add-migration.sh <Name>                         the platform database (src/KnowledgeRenewal.Data)
#   build/add-migration.sh <Name> <project-dir> <Context>  a module's own database, e.g.
#   build/add-migration.sh AddCmeProjects modules/KnowledgeRenewal.Modules.Health HealthDbContext
# Migrations land in Migrations/{Sqlite,PostgreSql,SqlServer}; at run time the platform reads the active
# provider's folder only. Each provider's model snapshot has its own class name ({Context}{Provider}Snapshot),
# because EF Core finds the snapshot file to update by class name.
set -euo pipefail
cd "$(dirname "$0")/.."
name=${1:?usage: build/add-migration.sh <Name> [project-dir Context]}
project=${2:-src/KnowledgeRenewal.Data}
context=${3:-PlatformDbContext}
dotnet tool restore >/dev/null
for provider in Sqlite PostgreSql SqlServer; do
  case $provider in
    Sqlite) cs="Data Source=${TMPDIR:-/tmp}/kr-design-time.db" ;;
    PostgreSql) cs="Host=127.0.0.1;Database=design_time;Username=design" ;;
    SqlServer) cs="Server=127.0.0.1;Database=design_time;User Id=design;Password=design;TrustServerCertificate=True" ;;
  esac
  echo "== $context: $name for $provider"
  dotnet ef migrations add "$name" \
    --project "$project" --startup-project src/KnowledgeRenewal.Host --context "$context" \
    --output-dir "Migrations/$provider" \
    -- --Database:Provider=$provider "--ConnectionStrings:Platform=$cs" --Database:MigrateOnStartup=false
  fresh="$project/Migrations/$provider/${context}ModelSnapshot.cs"
  if [ -f "$fresh" ]; then
    sed -i "s/class ${context}ModelSnapshot/class ${context}${provider}Snapshot/" "$fresh"
    mv "$fresh" "$project/Migrations/$provider/${context}${provider}Snapshot.cs"
  fi
done
