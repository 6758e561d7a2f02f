using System.Globalization;
using KnowledgeRenewal.Kernel;
using KnowledgeRenewal.Kernel.Time;
using KnowledgeRenewal.Identity.Domain;
using KnowledgeRenewal.Kernel.Access;
using KnowledgeRenewal.Kernel.Accounts;
using KnowledgeRenewal.Kernel.Persistence;
using KnowledgeRenewal.Kernel.Demo;
using KnowledgeRenewal.Kernel.ReferenceData;

using KnowledgeRenewal.Identity.Contracts;
using KnowledgeRenewal.Registry.Contracts;
using KnowledgeRenewal.Programs.Contracts;
using KnowledgeRenewal.Credits.Contracts;
using KnowledgeRenewal.Credits.Domain;
namespace KnowledgeRenewal.Host.Commands;

/// <summary>What <c>recompute-compliance</c> was asked to do.</summary>
/// <param name="Year">The year (its cycle).</param>
/// <param name="Module">A module key or <c>platform</c>; null for everyone.</param>
public sealed record RecomputeComplianceOptions(int Year, string? Module);

/// <summary>
/// <c>dotnet run --project src/KnowledgeRenewal.Host -- recompute-compliance [--year 2025] [--module education]</c>:
/// recomputes compliance in bulk for the cycle containing the year (default: this year) for everyone, or for one
/// rule scope, as the platform itself, prints what it did and exits. It prepares the database as a start does (SQLite
/// migrates itself; a server database must be migrated first with <c>migrate</c>).
/// </summary>
public static class RecomputeComplianceCommand
{
    /// <summary>The command's name (first argument).</summary>
    public const string Name = "recompute-compliance";

    /// <summary>How to use it.</summary>
    public const string Usage = "Usage: dotnet run --project src/KnowledgeRenewal.Host -- recompute-compliance [--year YYYY] [--module KEY|platform]";

    private static readonly CommandOptions Options = new("--year", "--module");

    /// <summary>The arguments after the command name that are not its own (configuration overrides for the host).</summary>
    public static string[] HostArguments(IReadOnlyList<string> args) => Options.HostArguments(args);

    /// <summary>Reads the command's options (<c>--name value</c> or <c>--name=value</c>); null and an error when they are wrong.</summary>
    public static RecomputeComplianceOptions? Parse(IReadOnlyList<string> args, DateOnly today, out string? error)
    {
        ArgumentNullException.ThrowIfNull(args);
        if (Options.Read(args, out error) is not { } values)
        {
            return null;
        }

        var year = today.Year;
        if (values.TryGetValue("--year", out var text)
            && (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out year) || year < LedgerRules.EarliestDate.Year || year > today.Year))
        {
            error = $"--year must be a year from {LedgerRules.EarliestDate.Year} to {today.Year}.";
            return null;
        }

        error = null;
        return new RecomputeComplianceOptions(year, values.GetValueOrDefault("--module"));
    }

    /// <summary>Runs the command on a built host.</summary>
    /// <returns>0 when done; 2 on a usage error.</returns>
    public static async Task<int> RunAsync(IServiceProvider services, IReadOnlyList<string> args, TextWriter output, TextWriter errors, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(errors);
        var options = Parse(args, ProgramCalendar.Today(services.GetRequiredService<TimeProvider>()), out var error);
        var recomputation = services.GetRequiredService<IComplianceRecomputation>();
        if (options is not null && options.Module is { } module && !recomputation.IsScope(module))
        {
            error = $"--module must be 'platform' or an enabled module's key ({string.Join(", ", recomputation.ModuleScopes)}).";
            options = null;
        }

        if (options is null)
        {
            await errors.WriteLineAsync(error).ConfigureAwait(false);
            await errors.WriteLineAsync(Usage).ConfigureAwait(false);
            return 2;
        }

        await services.GetRequiredService<DatabaseInitializer>().InitializeAsync(demoMode: false, demoSeed: 0, cancellationToken).ConfigureAwait(false);

        // An operator command acts as the platform itself.
        using var system = SystemScope.Enter();
        var actor = AuditActor.System with { UserName = "system:" + Name };
        var outcome = await recomputation.RecomputeYearAsync(options.Year, options.Module, actor, new ConsoleProgress(output), cancellationToken).ConfigureAwait(false);
        await output.WriteLineAsync(string.Create(
            CultureInfo.InvariantCulture,
            $"Compliance recomputed for {options.Year} ({options.Module ?? "everyone"}): {outcome.People:N0} person-cycles, {outcome.Records:N0} records in {outcome.Elapsed.TotalSeconds:F1} s — {outcome.Inserted:N0} inserted, {outcome.Updated:N0} updated, {outcome.Deleted:N0} deleted, {outcome.Unchanged:N0} unchanged.")).ConfigureAwait(false);
        return 0;
    }

    // Prints each tenth of the way.
    private sealed class ConsoleProgress(TextWriter output) : IProgress<RecomputationProgress>
    {
        private int printed = -1;

        public void Report(RecomputationProgress value)
        {
            var tenth = value.Total == 0 ? 10 : value.Done * 10 / value.Total;
            if (tenth > printed)
            {
                printed = tenth;
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {value.Done:N0} / {value.Total:N0} person-cycles"));
            }
        }
    }
}
