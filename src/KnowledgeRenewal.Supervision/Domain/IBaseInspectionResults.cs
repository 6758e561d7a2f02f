namespace KnowledgeRenewal.Supervision.Domain;

/// <summary>
/// What inspections found about a base in a year, for its assessment: the inspections feature implements it (found in
/// the container); without an implementation the assessment counts no inspection and says so.
/// </summary>
public interface IBaseInspectionResults
{
    /// <summary>The inspections of the base in <paramref name="year"/> and their score (0–100); null when none was carried out.</summary>
    Task<BaseInspectionResult?> ForBaseAsync(Guid baseId, int year, CancellationToken cancellationToken);
}

/// <summary>Inspections of a base in a year.</summary>
/// <param name="Inspections">How many were carried out.</param>
/// <param name="Score">Their score (0–100; 100 = no finding).</param>
public sealed record BaseInspectionResult(int Inspections, decimal Score);
