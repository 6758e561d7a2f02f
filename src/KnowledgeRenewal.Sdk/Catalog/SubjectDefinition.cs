namespace KnowledgeRenewal.Sdk;

/// <summary>One subject of a catalog (科目): what a course, class or activity is recorded under.</summary>
/// <param name="Code">Stable code, unique within its catalog: upper-case letters, digits and hyphens. Never reuse a retired code.</param>
/// <param name="Name">Chinese name.</param>
/// <param name="Discipline">Discipline or field the subject belongs to (学科/专业领域), in Chinese.</param>
/// <param name="DefaultCreditHours">Credit hours (学时) a full course of the subject usually earns; exact to 0.01.</param>
public sealed record SubjectDefinition(string Code, string Name, string Discipline, decimal DefaultCreditHours)
{
    /// <summary>A retired subject stays in the catalog (records point at it) but takes no new records.</summary>
    public bool IsRetired { get; init; }

    /// <summary>Optional Chinese description.</summary>
    public string? Description { get; init; }
}
