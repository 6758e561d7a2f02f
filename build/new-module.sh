#!/usr/bin/env bash
# Creates a department module in one command (run from anywhere inside the repository):
#
#   build/new-module.sh <Name> <department-code> [--key KEY] [--name-zh 中文名] [--name-en "English name"] [--code-prefix XX]
#   e.g.  build/new-module.sh IndustryIt industry-it
#
# It installs the repository's `dotnet new` template (build/templates/kr-module) into a private, temporary template
# hive and runs it, which creates
#   modules/KnowledgeRenewal.Modules.<Name>/          the module class (adopting the platform's default rules), a sample catalog, a README
#   tests/KnowledgeRenewal.Modules.<Name>.Tests/     its tests: the conformance kit and its own numbers
# then adds both projects to KnowledgeRenewal.sln, references the module from the host (src/KnowledgeRenewal.Host)
# and mentions it, disabled, in the host's appsettings.json. Enabling it is one configuration line:
#   Modules:<key>:Enabled=true   (appsettings.json, or the environment variable Modules__<key>__Enabled=true)
#
# Department codes: KnowledgeRenewal.Sdk.Departments (src/KnowledgeRenewal.Sdk/Departments.cs).
set -euo pipefail

usage() { sed -n '2,4p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 2; }

[ $# -ge 2 ] || usage
NAME=$1 DEPARTMENT=$2
shift 2
EXTRA=()
KEY=$DEPARTMENT
while [ $# -gt 0 ]; do
  case $1 in
    --key) KEY=$2; EXTRA+=(--key "$2"); shift 2 ;;
    --name-zh) EXTRA+=(--nameZh "$2"); shift 2 ;;
    --name-en) EXTRA+=(--nameEn "$2"); shift 2 ;;
    --code-prefix) EXTRA+=(--codePrefix "$2"); shift 2 ;;
    *) usage ;;
  esac
done

if ! [[ $NAME =~ ^[A-Z][A-Za-z0-9]{1,40}$ ]]; then
  echo "error: <Name> must be PascalCase letters and digits, e.g. IndustryIt (it becomes KnowledgeRenewal.Modules.<Name>)" >&2
  exit 2
fi
if ! [[ $KEY =~ ^[a-z][a-z0-9-]{1,31}$ ]]; then
  echo "error: the module key '$KEY' must be 2–32 lowercase letters, digits or hyphens, starting with a letter" >&2
  exit 2
fi

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
MODULE=KnowledgeRenewal.Modules.$NAME
MODULE_PROJECT=modules/$MODULE/$MODULE.csproj
TEST_PROJECT=tests/$MODULE.Tests/$MODULE.Tests.csproj
HOST_PROJECT=src/KnowledgeRenewal.Host/KnowledgeRenewal.Host.csproj
SETTINGS=src/KnowledgeRenewal.Host/appsettings.json

if ! grep -q "public const string [A-Za-z]* = \"$DEPARTMENT\";" src/KnowledgeRenewal.Sdk/Departments.cs; then
  echo "error: '$DEPARTMENT' is not a line department; use one of:" >&2
  sed -n 's/.*public const string [A-Za-z]* = "\([a-z-]*\)";.*/  \1/p' src/KnowledgeRenewal.Sdk/Departments.cs >&2
  exit 2
fi
for path in "modules/$MODULE" "tests/$MODULE.Tests"; do
  if [ -e "$path" ]; then echo "error: $path already exists" >&2; exit 1; fi
done
if grep -q "\"$KEY\"[[:space:]]*:" "$SETTINGS"; then
  echo "error: $SETTINGS already configures a module with key '$KEY'; choose another key with --key" >&2
  exit 1
fi

# A private template hive: the template of THIS checkout is used, whatever other checkouts installed globally.
HIVE=$(mktemp -d "${TMPDIR:-/tmp}/kr-template-hive.XXXXXX")
trap 'rm -rf -- "$HIVE"' EXIT
echo "==> dotnet new install build/templates/kr-module"
dotnet new install "$ROOT/build/templates/kr-module" --debug:custom-hive "$HIVE" >/dev/null
echo "==> dotnet new kr-module -n $NAME --department $DEPARTMENT ${EXTRA[*]}"
dotnet new kr-module -n "$NAME" --department "$DEPARTMENT" "${EXTRA[@]}" -o "$ROOT" --debug:custom-hive "$HIVE" >/dev/null

echo "==> solution, host reference, configuration"
dotnet sln KnowledgeRenewal.sln add --solution-folder modules "$MODULE_PROJECT" >/dev/null
dotnet sln KnowledgeRenewal.sln add --solution-folder tests "$TEST_PROJECT" >/dev/null
dotnet add "$HOST_PROJECT" reference "$MODULE_PROJECT" >/dev/null
# Every module the host finds must be mentioned in configuration: present, switched off until a deployment enables it.
sed -i "s/^\(\s*\)\"Modules\": {\s*$/&\n\1  \"$KEY\": { \"Enabled\": false },/" "$SETTINGS"
grep -q "\"$KEY\": { \"Enabled\": false }" "$SETTINGS" || { echo "error: could not add Modules:$KEY to $SETTINGS" >&2; exit 1; }

cat <<DONE

Created:
  modules/$MODULE/          (module class with the platform default rules, catalog, README)
  tests/$MODULE.Tests/     (conformance kit + its own numbers)
  + KnowledgeRenewal.sln, + ProjectReference in $HOST_PROJECT, + Modules:$KEY (disabled) in $SETTINGS

Next:
  1. Fill the catalog: modules/$MODULE/${NAME}Catalog.cs; keep the platform default rules or declare
     the sector's own in modules/$MODULE/${NAME}Module.cs (RuleSets)
  2. Test:    dotnet test tests/$MODULE.Tests
  3. Enable:  set "Modules": { "$KEY": { "Enabled": true } } in $SETTINGS
              (or the environment variable Modules__${KEY}__Enabled=true)
DONE
