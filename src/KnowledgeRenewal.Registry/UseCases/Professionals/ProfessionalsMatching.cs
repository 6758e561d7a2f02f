using Ardalis.Specification;
using KnowledgeRenewal.Registry.Domain;

namespace KnowledgeRenewal.Registry.UseCases.Professionals;

/// <summary>
/// Professionals matching the registry's filters — region, sector, employer, title level, status, part of the name
/// and (for an exact look-up that passed its gate) the keyed hash of an ID number — by name. The list and the export
/// filter alike; what the caller may see at all is the data layer's access-scope filter.
/// </summary>
internal sealed class ProfessionalsMatching : Specification<Professional>
{
    // Title levels in their real order (the column holds their names): 未评定 < 初级 < 中级 < 副高级 < 正高级.
    private static readonly System.Linq.Expressions.Expression<Func<Professional, object?>> LevelRank = p =>
        p.TitleLevel == TitleLevel.Senior ? 4 : p.TitleLevel == TitleLevel.AssociateSenior ? 3 : p.TitleLevel == TitleLevel.Intermediate ? 2 : p.TitleLevel == TitleLevel.Junior ? 1 : 0;

    /// <summary>Creates the specification; blank filters select everything.</summary>
    public ProfessionalsMatching(
        string? regionCode,
        string? departmentCode,
        Guid? employerId,
        TitleLevel? titleLevel,
        ProfessionalStatus? status,
        string? name,
        string? idNumberHash = null,
        string? specialty = null,
        string? sort = null,
        bool descending = false)
    {
        if (!string.IsNullOrWhiteSpace(regionCode))
        {
            var region = regionCode.Trim();
            Query.Where(p => p.RegionCode == region);
        }

        if (!string.IsNullOrWhiteSpace(departmentCode))
        {
            var department = departmentCode.Trim();
            Query.Where(p => p.DepartmentCode == department);
        }

        if (employerId is { } employer)
        {
            Query.Where(p => p.EmployerId == employer);
        }

        if (titleLevel is { } level)
        {
            Query.Where(p => p.TitleLevel == level);
        }

        if (status is { } state)
        {
            Query.Where(p => p.Status == state);
        }

        if (!string.IsNullOrWhiteSpace(name))
        {
            var part = name.Trim();
            Query.Where(p => p.Name.Contains(part));
        }

        if (idNumberHash is not null)
        {
            Query.Where(p => p.IdNumberHash == idNumberHash);
        }

        if (!string.IsNullOrWhiteSpace(specialty))
        {
            var part = specialty.Trim();
            Query.Where(p => p.Specialty != null && p.Specialty.Contains(part));
        }

        switch (ProfessionalSort.Parse(sort))
        {
            case ProfessionalSort.TitleLevel:
                (descending ? Query.OrderByDescending(LevelRank) : Query.OrderBy(LevelRank)).ThenBy(p => p.Name).ThenBy(p => p.Id);
                break;
            case ProfessionalSort.Specialty:
                (descending ? Query.OrderByDescending(p => p.Specialty) : Query.OrderBy(p => p.Specialty)).ThenBy(p => p.Name).ThenBy(p => p.Id);
                break;
            case ProfessionalSort.Updated:
                (descending ? Query.OrderByDescending(p => p.UpdatedAt) : Query.OrderBy(p => p.UpdatedAt)).ThenBy(p => p.Id);
                break;
            default:
                (descending ? Query.OrderByDescending(p => p.Name) : Query.OrderBy(p => p.Name)).ThenBy(p => p.Id);
                break;
        }

        Query.AsNoTracking();
    }
}

/// <summary>The orders a list of professionals may be sorted in (<c>sort</c> of the list: name, title, specialty, updated).</summary>
internal static class ProfessionalSort
{
    /// <summary>By name (default).</summary>
    public const string Name = "name";

    /// <summary>By title level.</summary>
    public const string TitleLevel = "title";

    /// <summary>By specialty.</summary>
    public const string Specialty = "specialty";

    /// <summary>By last change.</summary>
    public const string Updated = "updated";

    /// <summary>Every sort key.</summary>
    public static IReadOnlyList<string> All { get; } = [Name, TitleLevel, Specialty, Updated];

    /// <summary>The sort key of <paramref name="text"/> (name when blank or unknown).</summary>
    public static string Parse(string? text) =>
        All.FirstOrDefault(k => string.Equals(k, text?.Trim(), StringComparison.OrdinalIgnoreCase)) ?? Name;
}
