using KnowledgeRenewal.Registry.Domain.Import;

namespace KnowledgeRenewal.Registry.Contracts;

/// <summary>How a job ended.</summary>
/// <param name="Status">Completed, Rejected or Failed.</param>
/// <param name="ProcessedRows">Rows checked.</param>
/// <param name="Created">Records created.</param>
/// <param name="Updated">Records updated.</param>
/// <param name="Unchanged">Rows that changed nothing.</param>
/// <param name="Rejected">Rows with errors.</param>
/// <param name="ErrorCount">All errors.</param>
/// <param name="Errors">The kept errors, as JSON.</param>
/// <param name="FailureReason">Why it failed.</param>
/// <param name="Flagged">Records written pending review (rosters).</param>
/// <param name="WarningCount">Warnings that are not row errors (rosters: people missing from the new roster).</param>
/// <param name="Warnings">The kept warnings and flags, as JSON.</param>
public sealed record ImportOutcome(ImportJobStatus Status, int ProcessedRows, int Created, int Updated, int Unchanged, int Rejected, int ErrorCount, string? Errors, string? FailureReason, int Flagged = 0, int WarningCount = 0, string? Warnings = null);
