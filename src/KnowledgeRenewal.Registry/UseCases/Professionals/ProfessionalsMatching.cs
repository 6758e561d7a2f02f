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
    /// <summary>Creates the specification; blank filters select everything.</summary>
    public ProfessionalsMatching(
        string? regionCode,
        string? departmentCode,
        Guid? employerId,
        TitleLevel? titleLevel,
        ProfessionalStatus? status,
        string? name,
        string? idNumberHash = null,
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

        switch (sort?.ToLowerInvariant())
        {
            case "titlelevel" when descending:
                Query.OrderByDescending(p => p.TitleLevel).ThenBy(p => p.Name).ThenBy(p => p.Id);
                break;
            case "titlelevel":
                Query.OrderBy(p => p.TitleLevel).ThenBy(p => p.Name).ThenBy(p => p.Id);
                break;
            case "updatedat" when descending:
                Query.OrderByDescending(p => p.UpdatedAt).ThenBy(p => p.Id);
                break;
            case "updatedat":
                Query.OrderBy(p => p.UpdatedAt).ThenBy(p => p.Id);
                break;
            case "name" when descending:
                Query.OrderByDescending(p => p.Name).ThenBy(p => p.Id);
                break;
            default:
                Query.OrderBy(p => p.Name).ThenBy(p => p.Id);
                break;
        }

        Query.AsNoTracking();
    }
}
