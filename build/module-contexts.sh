#!/usr/bin/env bash
# Lists the department modules' own database contexts, one per line:   <module dir> <Context> <module key>
#
#   build/module-contexts.sh                   every module under modules/
#   build/module-contexts.sh <module>          one module: its directory (modules/KnowledgeRenewal.Modules.Health)
#                                              or its short name (Health)
#
# A module's context is a class that derives from the SDK's ModuleDbContext<TModule>; the key is the one TModule's
# manifest declares (Key = "…"). .ci/run (migration checks) and build/add-migration.sh take their module contexts from
# here, so a module with tables is never added to a list by hand. The architecture tests compare this list with the
# contexts the module assemblies really hold (tests/KnowledgeRenewal.ArchitectureTests/ModuleKitTests.cs).
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"

if [ $# -gt 1 ]; then
  sed -n '2,6p' "$0" | sed 's/^# \{0,1\}//' >&2
  exit 2
fi

dirs=()
if [ $# -eq 1 ]; then
  dir=${1%/}
  [ -d "$dir" ] || dir=modules/KnowledgeRenewal.Modules.$1
  if [ ! -f "$dir/$(basename "$dir").csproj" ]; then
    echo "error: '$1' is not a module project (expected modules/KnowledgeRenewal.Modules.<Name>/ with its .csproj)" >&2
    exit 2
  fi
  dirs=("$dir")
else
  for dir in modules/*/; do
    dir=${dir%/}
    [ -f "$dir/$(basename "$dir").csproj" ] && dirs+=("$dir")
  done
fi

for dir in "${dirs[@]}"; do
  # The module's own C# sources, without build output and generated migrations.
  find "$dir" -name '*.cs' -not -path '*/bin/*' -not -path '*/obj/*' -not -path '*/Migrations/*' -print0 |
    DIR=$dir perl -0 -e '
      my (%contexts, %keys);
      while (my $file = <STDIN>) {
        chomp $file;
        open my $fh, "<", $file or die "$file: $!";
        local $/;
        my $text = <$fh>;
        $text =~ s{//[^\n]*}{}g;                                   # comments (a context shown in a comment is none)
        while ($text =~ /\bclass\s+(\w+)\b[^{;]*?:\s*(?:[\w.]+\.)?ModuleDbContext\s*<\s*(?:[\w.]+\.)?(\w+)\s*>/gs) {
          $contexts{$1} = $2;
        }
        while ($text =~ /\bclass\s+(\w+)\b[^{;]*?:\s*(?:[\w.]+\.)?DepartmentModule\b(.*)/gs) {
          my ($module, $rest) = ($1, $2);
          $keys{$module} = $1 if $rest =~ /\bKey\s*=\s*"([a-z][a-z0-9-]*)"/;
        }
      }
      for my $context (sort keys %contexts) {
        my $module = $contexts{$context};
        defined $keys{$module} or die "error: $ENV{DIR}: no Key = \"…\" found for $module, the module of $context\n";
        print "$ENV{DIR} $context $keys{$module}\n";
      }'
done
