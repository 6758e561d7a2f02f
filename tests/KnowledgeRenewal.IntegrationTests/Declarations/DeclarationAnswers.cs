using KnowledgeRenewal.IntegrationTests.Infrastructure;

namespace KnowledgeRenewal.IntegrationTests.Declarations;

// The declaration API's answers as the tests read them (see HttpJson.Answers: strict, camelCase).

/// <summary>A declaration with its review trail, credit record and evidence (<c>/api/declarations/{id}</c>).</summary>
/// <param name="Id">Id.</param>
/// <param name="Status">Where the review stands (member name).</param>
/// <param name="StatusName">Its Chinese name.</param>
/// <param name="Category">Public or professional (member name).</param>
/// <param name="Items">Items, for activities credited per item.</param>
/// <param name="Hours">Credit hours the rules grant.</param>
/// <param name="ModuleKey">The module whose rules computed them (null: the platform's).</param>
/// <param name="CreditClass">The credit class, if any.</param>
/// <param name="EmployerId">The employer at submission.</param>
/// <param name="Record">Its credit record.</param>
/// <param name="Trail">The review trail, in order.</param>
/// <param name="Evidence">The evidence files.</param>
public sealed record DeclarationAnswer(
    Guid Id,
    string Status,
    string StatusName,
    string Category,
    int? Items,
    decimal Hours,
    string? ModuleKey,
    string? CreditClass,
    Guid EmployerId,
    DeclarationRecordAnswer? Record,
    IReadOnlyList<ReviewStepAnswer> Trail,
    IReadOnlyList<EvidenceAnswer> Evidence) : JsonAnswer;

/// <summary>The credit record of a declaration.</summary>
/// <param name="Status">Its status (member name).</param>
/// <param name="ReviewReason">Why it was rejected (or the approval's note).</param>
public sealed record DeclarationRecordAnswer(string Status, string? ReviewReason) : JsonAnswer;

/// <summary>One step of a declaration's review trail.</summary>
/// <param name="Step"><c>submitted</c>, <c>employer</c>, <c>department</c> or <c>withdrawn</c>.</param>
/// <param name="Decision"><c>approved</c> or <c>rejected</c> for a review; null otherwise.</param>
/// <param name="By">Who (user name).</param>
/// <param name="At">When (UTC).</param>
/// <param name="Comment">The comment or reason.</param>
public sealed record ReviewStepAnswer(string Step, string? Decision, string? By, DateTime? At, string? Comment) : JsonAnswer;

/// <summary>An evidence file's description.</summary>
/// <param name="Id">The file.</param>
/// <param name="FileName">Its (cleaned) name.</param>
/// <param name="ContentType">PDF, JPEG or PNG, recognised from the bytes.</param>
/// <param name="Size">Bytes.</param>
/// <param name="Sha256">SHA-256 of the content.</param>
/// <param name="Url">Where to download it.</param>
public sealed record EvidenceAnswer(Guid Id, string FileName, string ContentType, long Size, string Sha256, string Url) : JsonAnswer;

/// <summary>The answer to a declaration: the declaration, the rules applied and what the declarant should know.</summary>
/// <param name="Declaration">The declaration.</param>
/// <param name="RuleSetTitle">The rule set that computed the hours.</param>
/// <param name="YearlyCap">Where the declarant stands against a yearly cap, when the activity has one.</param>
/// <param name="Notices">Notices for the declarant.</param>
public sealed record DeclarationReceiptAnswer(DeclarationAnswer Declaration, string RuleSetTitle, YearlyCapAnswer? YearlyCap, IReadOnlyList<string> Notices) : JsonAnswer;

/// <summary>Where a declarant stands against an activity's yearly cap.</summary>
/// <param name="CapHours">The cap.</param>
/// <param name="BeforeHours">Hours of the activity before this declaration.</param>
/// <param name="AlreadyReached">Whether the cap was already reached.</param>
/// <param name="Exceeds">Whether this declaration goes beyond it.</param>
/// <param name="Message">What it means, in Chinese.</param>
public sealed record YearlyCapAnswer(decimal CapHours, decimal BeforeHours, bool AlreadyReached, bool Exceeds, string Message) : JsonAnswer;

/// <summary>A declaration in a list.</summary>
/// <param name="Id">Id.</param>
/// <param name="Status">Where the review stands (member name).</param>
/// <param name="ProfessionalName">The declarant's name.</param>
public sealed record DeclarationSummaryAnswer(Guid Id, string Status, string? ProfessionalName) : JsonAnswer;
