using KnowledgeRenewal.Registry.Domain;
using KnowledgeRenewal.Sdk;

using KnowledgeRenewal.Kernel;
using KnowledgeRenewal.Kernel.Identifiers;
using KnowledgeRenewal.Kernel.Time;
namespace KnowledgeRenewal.Credits.Domain;

/// <summary>Who a professional belongs to when their compliance is computed.</summary>
/// <param name="ProfessionalId">The professional.</param>
/// <param name="RegionCode">Their region.</param>
/// <param name="DepartmentCode">Their sector (decides the rule book).</param>
/// <param name="EmployerId">Their employer.</param>
/// <param name="Active">Whether they are in service (people who retired or left get a row only when they have records).</param>
/// <param name="EmployerOwnership">Their employer's ownership.</param>
public sealed record ComplianceOwner(Guid ProfessionalId, string RegionCode, string DepartmentCode, Guid EmployerId, bool Active, Ownership EmployerOwnership);

/// <summary>
/// The values of one person's <see cref="CycleCompliance"/> row, as the rule engine's result gives them: what every
/// recomputation writes (incremental and bulk alike, so both produce the same rows) and what summaries read.
/// </summary>
/// <param name="ProfessionalId">The professional.</param>
/// <param name="CycleStart">The cycle's first year.</param>
/// <param name="CycleEnd">The cycle's last year.</param>
/// <param name="RuleScope"><c>platform</c> or the module key whose rules applied.</param>
/// <param name="RuleSetTitle">The rule set's title (null when no rules applied).</param>
/// <param name="Status">Met, not met, in progress or no rules.</param>
/// <param name="Counted">Hours counted in total.</param>
/// <param name="Required">Hours required in total.</param>
/// <param name="PublicCounted">Public-subject hours counted.</param>
/// <param name="ProfessionalCounted">Professional-subject hours counted.</param>
/// <param name="Missing">What is missing, in Chinese (null when nothing is).</param>
/// <param name="RegionCode">The person's region.</param>
/// <param name="DepartmentCode">The person's sector.</param>
/// <param name="EmployerId">The person's employer.</param>
/// <param name="EmployerOwnership">The employer's ownership.</param>
public sealed record ComplianceRow(
    Guid ProfessionalId,
    int CycleStart,
    int CycleEnd,
    string RuleScope,
    string? RuleSetTitle,
    ComplianceStatus Status,
    CreditHours Counted,
    CreditHours Required,
    CreditHours PublicCounted,
    CreditHours ProfessionalCounted,
    string? Missing,
    string RegionCode,
    string DepartmentCode,
    Guid EmployerId,
    Ownership EmployerOwnership)
{
    /// <summary>Longest rule-set title kept (the column's size).</summary>
    public const int TitleLength = 128;

    /// <summary>Separator of the missing items in <see cref="Missing"/>.</summary>
    public const string MissingSeparator = "；";

    /// <summary>The row for <paramref name="owner"/> from the evaluation <paramref name="result"/> under the rule book <paramref name="ruleScope"/>.</summary>
    public static ComplianceRow Of(ComplianceOwner owner, string ruleScope, ComplianceResult result)
    {
        ArgumentNullException.ThrowIfNull(owner);
        ArgumentNullException.ThrowIfNull(ruleScope);
        ArgumentNullException.ThrowIfNull(result);
        var publicCounted = CreditHours.Zero;
        var professionalCounted = CreditHours.Zero;
        foreach (var bucket in result.Buckets)
        {
            if (bucket.Bucket == nameof(CreditCategory.Public))
            {
                publicCounted = bucket.Counted;
            }
            else if (bucket.Bucket == nameof(CreditCategory.Professional))
            {
                professionalCounted = bucket.Counted;
            }
        }

        return new ComplianceRow(
            owner.ProfessionalId,
            result.Cycle.StartYear,
            result.Cycle.EndYear,
            ruleScope,
            Cut(result.RuleSet?.Title, TitleLength),
            result.Status,
            result.Counted,
            result.Required,
            publicCounted,
            professionalCounted,
            result.Missing.Count == 0 ? null : Cut(string.Join(MissingSeparator, result.Missing), CycleCompliance.MissingLength),
            owner.RegionCode,
            owner.DepartmentCode,
            owner.EmployerId,
            owner.EmployerOwnership);
    }

    /// <summary>Whether the cycle of this row overlaps the years <paramref name="start"/>–<paramref name="end"/>.</summary>
    public bool Overlaps(int start, int end) => CycleStart <= end && CycleEnd >= start;

    /// <summary>A text cut to <paramref name="length"/> characters (with "…"), null when blank.</summary>
    public static string? Cut(string? text, int length) =>
        string.IsNullOrWhiteSpace(text) ? null : text.Length <= length ? text : string.Concat(text.AsSpan(0, length - 1), "…");
}

/// <summary>A compliance row as stored: its key and its values.</summary>
/// <param name="Id">The row's key.</param>
/// <param name="Values">What it says.</param>
public sealed record StoredComplianceRow(Guid Id, ComplianceRow Values);
