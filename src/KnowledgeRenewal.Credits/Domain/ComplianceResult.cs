using KnowledgeRenewal.Sdk;

using KnowledgeRenewal.Kernel;
using KnowledgeRenewal.Kernel.Identifiers;
using KnowledgeRenewal.Kernel.Time;
namespace KnowledgeRenewal.Credits.Domain;

/// <summary>Whether a person meets a cycle's requirement.</summary>
public enum ComplianceStatus
{
    /// <summary>达标.</summary>
    Met = 1,

    /// <summary>未达标 — the cycle is over and something is missing.</summary>
    NotMet = 2,

    /// <summary>进行中 — the cycle is still running and something is still missing.</summary>
    InProgress = 3,

    /// <summary>No rule set was in force for the cycle.</summary>
    NoRules = 4,
}

/// <summary>The years a cycle covers (a yearly rule has one-year cycles; education's are five years).</summary>
/// <param name="StartYear">First year.</param>
/// <param name="Years">Length in years.</param>
public sealed record CycleWindow(int StartYear, int Years)
{
    /// <summary>Last year.</summary>
    public int EndYear => StartYear + Years - 1;

    /// <summary>First day.</summary>
    public DateOnly Start => new(StartYear, 1, 1);

    /// <summary>Last day.</summary>
    public DateOnly End => new(EndYear, 12, 31);

    /// <summary>Whether <paramref name="day"/> lies in the cycle.</summary>
    public bool Contains(DateOnly day) => day >= Start && day <= End;

    /// <inheritdoc />
    public override string ToString() => Years == 1 ? $"{StartYear}" : $"{StartYear}–{EndYear}";
}

/// <summary>How one record was treated.</summary>
public enum EntryOutcome
{
    /// <summary>Counted in full.</summary>
    Counted = 1,

    /// <summary>Counted in part: a cap was reached.</summary>
    Capped = 2,

    /// <summary>Not counted.</summary>
    Excluded = 3,
}

/// <summary>The verdict on one record, with the reason in Chinese.</summary>
/// <param name="EntryId">The record.</param>
/// <param name="Outcome">Counted, capped or excluded.</param>
/// <param name="Counted">Hours that count.</param>
/// <param name="Reason">Why (Chinese), e.g. 超过学术会议年度上限 24 学时，计入 10 学时.</param>
public sealed record EntryVerdict(Guid EntryId, EntryOutcome Outcome, CreditHours Counted, string Reason);

/// <summary>One bucket (a category or a credit class) of the requirement.</summary>
/// <param name="Bucket">The category name or class key.</param>
/// <param name="Label">Chinese label, e.g. 专业科目 or Ⅰ类学分.</param>
/// <param name="Counted">Hours counted in the bucket.</param>
/// <param name="Minimum">Hours the bucket needs at least, if any.</param>
/// <param name="Maximum">Hours the bucket counts at most, if any.</param>
/// <param name="Shortfall">Hours still missing for the minimum.</param>
public sealed record BucketResult(string Bucket, string Label, CreditHours Counted, CreditHours? Minimum, CreditHours? Maximum, CreditHours Shortfall);

/// <summary>The explained evaluation of one person's cycle.</summary>
/// <param name="Status">Met, not met, in progress or no rules.</param>
/// <param name="Cycle">The cycle evaluated.</param>
/// <param name="RuleSet">The rule set that was in force (null when none).</param>
/// <param name="Counted">Hours counted in total.</param>
/// <param name="Required">Hours required in total.</param>
/// <param name="Buckets">Per category and class.</param>
/// <param name="Entries">Per record: counted, capped or excluded, and why.</param>
/// <param name="Missing">What is missing, in Chinese, e.g. 公需科目还差 6 学时.</param>
public sealed record ComplianceResult(
    ComplianceStatus Status,
    CycleWindow Cycle,
    CreditRuleSet? RuleSet,
    CreditHours Counted,
    CreditHours Required,
    IReadOnlyList<BucketResult> Buckets,
    IReadOnlyList<EntryVerdict> Entries,
    IReadOnlyList<string> Missing);
