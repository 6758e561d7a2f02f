using KnowledgeRenewal.Kernel.Changes;
using KnowledgeRenewal.Kernel.Application;
using KnowledgeRenewal.Kernel.Identifiers;
using KnowledgeRenewal.Registry.Domain;
using KnowledgeRenewal.Sdk;

using KnowledgeRenewal.Kernel;
using KnowledgeRenewal.Kernel.Time;
namespace KnowledgeRenewal.Credits.Domain;

/// <summary>
/// A person's compliance with one cycle (a year, or education's five years) as last computed from the ledger:
/// status, hours counted and required, per category, what is missing. Recomputed when the person's records change
/// and in bulk; employers, departments and counties summarize their people from it.
/// </summary>
public sealed class CycleCompliance : IChangeTracked
{
    /// <summary>The change number of the last insert or update, for OData delta links (set by the platform; ADR 0023).</summary>
    public long ChangeVersion { get; set; }

    /// <summary>Longest explanation of what is missing kept.</summary>
    public const int MissingLength = 512;

    /// <summary>Surrogate key.</summary>
    public Guid Id { get; init; } = Guid.CreateVersion7();

    /// <summary>The professional.</summary>
    public Guid ProfessionalId { get; init; }

    /// <summary>The professional.</summary>
    public Professional? Professional { get; init; }

    /// <summary>The cycle's first year.</summary>
    public int CycleStart { get; set; }

    /// <summary>The cycle's last year.</summary>
    public int CycleEnd { get; set; }

    /// <summary><c>platform</c> or the module key whose rules applied.</summary>
    public required string RuleScope { get; set; }

    /// <summary>The rule set's title.</summary>
    public string? RuleSetTitle { get; set; }

    /// <summary>Met, not met, in progress or no rules.</summary>
    public ComplianceStatus Status { get; set; }

    /// <summary>Hours counted in total.</summary>
    public CreditHours Counted { get; set; }

    /// <summary>Hours required in total.</summary>
    public CreditHours Required { get; set; }

    /// <summary><see cref="Counted"/> as a decimal, computed by the database (for feeds).</summary>
    public decimal CountedDecimal { get; private set; }

    /// <summary><see cref="Required"/> as a decimal, computed by the database (for feeds).</summary>
    public decimal RequiredDecimal { get; private set; }

    /// <summary>Public-subject hours counted.</summary>
    public CreditHours PublicCounted { get; set; }

    /// <summary>Professional-subject hours counted.</summary>
    public CreditHours ProfessionalCounted { get; set; }

    /// <summary>What is missing, in Chinese (e.g. 公需科目还差 6 学时；总学时还差 12 学时).</summary>
    public string? Missing { get; set; }

    /// <summary>The person's region when computed.</summary>
    public required string RegionCode { get; set; }

    /// <summary>The person's sector when computed.</summary>
    public required string DepartmentCode { get; set; }

    /// <summary>The person's employer when computed.</summary>
    public Guid EmployerId { get; set; }

    /// <summary>
    /// The ownership of <see cref="EmployerId"/> (denormalized like <see cref="RegionCode"/> and <see cref="DepartmentCode"/>):
    /// what every split by ownership groups by — OData <c>groupby((EmployerOwnership,Status))</c>, the summary and the
    /// equal-treatment report — so the split is complete for every caller who may see the row, whatever employers they
    /// may see. Written by every recomputation and kept current when the employer's ownership changes (ADR 0019).
    /// </summary>
    public Ownership EmployerOwnership { get; set; }

    /// <summary>
    /// The person's employer when computed (its details, e.g. OData <c>$expand=Employer</c>); read under the employer's
    /// own scope, so a grouping by <c>Employer/…</c> leaves out rows whose employer the caller may not see — split by
    /// <see cref="EmployerOwnership"/> instead.
    /// </summary>
    public Employer? Employer { get; init; }

    /// <summary>When it was computed (UTC).</summary>
    public DateTime ComputedAt { get; set; }
}
