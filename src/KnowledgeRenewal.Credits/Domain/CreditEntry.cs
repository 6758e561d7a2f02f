using KnowledgeRenewal.Credits.Domain;
using KnowledgeRenewal.Sdk;

using KnowledgeRenewal.Kernel;
using KnowledgeRenewal.Kernel.Identifiers;
using KnowledgeRenewal.Kernel.Time;
namespace KnowledgeRenewal.Credits.Domain;

/// <summary>A credit record as the rule engine sees it: when, what, how much, and whether it is approved.</summary>
/// <param name="Id">The record.</param>
/// <param name="Date">The day the activity ended (it falls in this day's credit year).</param>
/// <param name="Category">Public or professional.</param>
/// <param name="Activity">The kind of activity.</param>
/// <param name="Hours">Credit hours recorded.</param>
/// <param name="Status">Pending, approved, rejected or revoked.</param>
/// <param name="CreditClass">The module's credit class, when the record states one (else the activity rule's).</param>
/// <param name="Title">What it was, for explanations.</param>
public sealed record CreditEntry(
    Guid Id,
    DateOnly Date,
    CreditCategory Category,
    ActivityType Activity,
    CreditHours Hours,
    CreditRecordStatus Status = CreditRecordStatus.Approved,
    string? CreditClass = null,
    string? Title = null);
