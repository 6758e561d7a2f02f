namespace KnowledgeRenewal.Programs.Contracts;

/// <summary>
/// The training plans continuing-education bases filed for a year (their December filing of the year before,
/// accepted by the program office) — answered by supervision, which keeps the filings; the annual plan shows them
/// beside the year's targets. Without an implementation the plan shows none.
/// </summary>
public interface IBasePlanFilings
{
    /// <summary>The accepted plans for <paramref name="year"/> (filed in <paramref name="year"/> − 1), by base name.</summary>
    Task<IReadOnlyList<BasePlanFiling>> AcceptedPlansForAsync(int year, CancellationToken cancellationToken);
}

/// <summary>One base's accepted plan for a year.</summary>
/// <param name="BaseId">The base.</param>
/// <param name="BaseName">Its name.</param>
/// <param name="PlannedClasses">Classes planned.</param>
/// <param name="Subjects">Subjects planned, in words.</param>
/// <param name="TargetTrainees">People it means to train.</param>
/// <param name="BudgetFen">Its budget, fen.</param>
public sealed record BasePlanFiling(Guid BaseId, string BaseName, int PlannedClasses, string Subjects, int TargetTrainees, long BudgetFen);
