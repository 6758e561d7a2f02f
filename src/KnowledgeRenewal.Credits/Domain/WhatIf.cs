using KnowledgeRenewal.Sdk;

using KnowledgeRenewal.Kernel;
using KnowledgeRenewal.Kernel.Identifiers;
using KnowledgeRenewal.Kernel.Time;
namespace KnowledgeRenewal.Credits.Domain;

/// <summary>A person's records and the rule book that applies to them now.</summary>
/// <param name="PersonId">The professional.</param>
/// <param name="Current">The rule book in force for the person (their department's module, or the platform's).</param>
/// <param name="Entries">Their credit records.</param>
public sealed record PersonRecords(Guid PersonId, RuleBook Current, IReadOnlyList<CreditEntry> Entries);

/// <summary>One person whose status the draft would change.</summary>
/// <param name="PersonId">The professional.</param>
/// <param name="Before">Status under the rules in force.</param>
/// <param name="After">Status under the draft.</param>
public sealed record StatusChange(Guid PersonId, ComplianceStatus Before, ComplianceStatus After);

/// <summary>What publishing a draft rule set would do to a past year.</summary>
/// <param name="Year">The year evaluated.</param>
/// <param name="People">People evaluated.</param>
/// <param name="NewlyMet">People who would meet the requirement and did not.</param>
/// <param name="NewlyNotMet">People who met it and would not.</param>
/// <param name="Changes">Every change.</param>
public sealed record WhatIfReport(int Year, int People, int NewlyMet, int NewlyNotMet, IReadOnlyList<StatusChange> Changes)
{
    /// <summary>How many people have each status under the rules in force.</summary>
    public IReadOnlyDictionary<ComplianceStatus, int> Before { get; init; } = new Dictionary<ComplianceStatus, int>();

    /// <summary>How many people would have each status under the draft.</summary>
    public IReadOnlyDictionary<ComplianceStatus, int> After { get; init; } = new Dictionary<ComplianceStatus, int>();
}

/// <summary>"What if": runs a draft rule set over a past year before anyone publishes it.</summary>
public static class WhatIf
{
    /// <summary>Compares every person's status for <paramref name="year"/> under their rules with the status under <paramref name="draft"/>.</summary>
    public static WhatIfReport Run(
        CreditRuleSet draft, int year, IEnumerable<PersonRecords> people, DateOnly today, IReadOnlyDictionary<string, string>? classNames = null)
    {
        ArgumentNullException.ThrowIfNull(draft);
        ArgumentNullException.ThrowIfNull(people);
        var cycle = CreditEvaluator.CycleOf(draft, year);
        var changes = new List<StatusChange>();
        var before = new Dictionary<ComplianceStatus, int>();
        var after = new Dictionary<ComplianceStatus, int>();
        var count = 0;
        foreach (var person in people)
        {
            count++;
            var current = CreditEvaluator.Evaluate(person.Current, year, person.Entries, today, classNames, explain: false).Status;
            var drafted = CreditEvaluator.Evaluate(draft, cycle, person.Entries, today, classNames, explain: false).Status;
            before[current] = before.GetValueOrDefault(current) + 1;
            after[drafted] = after.GetValueOrDefault(drafted) + 1;
            if (current != drafted)
            {
                changes.Add(new StatusChange(person.PersonId, current, drafted));
            }
        }

        return new WhatIfReport(
            year,
            count,
            changes.Count(c => c.After == ComplianceStatus.Met),
            changes.Count(c => c.Before == ComplianceStatus.Met),
            changes)
        {
            Before = before,
            After = after,
        };
    }
}
