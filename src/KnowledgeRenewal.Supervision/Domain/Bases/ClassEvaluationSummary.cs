namespace KnowledgeRenewal.Supervision.Domain.Bases;

/// <summary>
/// The evaluations of one class, aggregated (the OData feed's row): counts and sums only, never who rated. Read from a
/// grouping query, not a table.
/// </summary>
public sealed class ClassEvaluationSummary
{
    /// <summary>The class.</summary>
    public Guid ClassId { get; init; }

    /// <summary>Its provider.</summary>
    public Guid ProviderId { get; init; }

    /// <summary>Its credit year (end date's year).</summary>
    public int Year { get; init; }

    /// <summary>Evaluations.</summary>
    public int Evaluations { get; init; }

    /// <summary>Evaluations with a mean of 4 or more.</summary>
    public int Satisfied { get; init; }

    /// <summary>Sum of the content ratings (divide by <see cref="Evaluations"/> for the mean).</summary>
    public int ContentTotal { get; init; }

    /// <summary>Sum of the teacher ratings.</summary>
    public int TeacherTotal { get; init; }

    /// <summary>Sum of the organization ratings.</summary>
    public int OrganizationTotal { get; init; }

    /// <summary>Sum of the usefulness ratings.</summary>
    public int UsefulnessTotal { get; init; }
}
