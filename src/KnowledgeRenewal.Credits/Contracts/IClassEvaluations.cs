namespace KnowledgeRenewal.Credits.Contracts;

/// <summary>
/// What the participants of a class said of it (培训评价) — answered by supervision, which keeps the evaluations;
/// the class page shows it. Credits owns the port because supervision comes after credits: credits never reaches
/// supervision. Without an implementation the page shows no evaluation section.
/// </summary>
public interface IClassEvaluations
{
    /// <summary>The aggregates and anonymous comments of class <paramref name="classId"/> (already found within the caller's scope).</summary>
    Task<ClassEvaluationFigures> ForClassAsync(Guid classId, CancellationToken cancellationToken);
}

/// <summary>A class's evaluation aggregates: means 1–5 (null without evaluations), never who rated.</summary>
/// <param name="Count">Evaluations.</param>
/// <param name="Content">Mean of content.</param>
/// <param name="Teacher">Mean of the teacher.</param>
/// <param name="Organization">Mean of the organization.</param>
/// <param name="Usefulness">Mean of usefulness.</param>
/// <param name="Comments">Comments without names, newest first (at most 50).</param>
public sealed record ClassEvaluationFigures(int Count, decimal? Content, decimal? Teacher, decimal? Organization, decimal? Usefulness, IReadOnlyList<string> Comments);
