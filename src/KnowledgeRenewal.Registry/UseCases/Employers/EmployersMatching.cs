using Ardalis.Specification;
using KnowledgeRenewal.Registry.Domain;

namespace KnowledgeRenewal.Registry.UseCases.Employers;

/// <summary>
/// Employers matching the registry's filters — region, sector, ownership, part of the name, the exact credit code —
/// by name. The list and the export filter alike; what the caller may see at all is the data layer's access-scope
/// filter.
/// </summary>
internal sealed class EmployersMatching : Specification<Employer>
{
    /// <summary>Creates the specification; blank filters select everything.</summary>
    public EmployersMatching(string? regionCode, string? departmentCode, Ownership? ownership, string? name, string? creditCode = null, string? sort = null, bool descending = false)
    {
        if (!string.IsNullOrWhiteSpace(regionCode))
        {
            var region = regionCode.Trim();
            Query.Where(e => e.RegionCode == region);
        }

        if (!string.IsNullOrWhiteSpace(departmentCode))
        {
            var department = departmentCode.Trim();
            Query.Where(e => e.DepartmentCode == department);
        }

        if (ownership is { } owner)
        {
            Query.Where(e => e.Ownership == owner);
        }

        if (!string.IsNullOrWhiteSpace(name))
        {
            var part = name.Trim();
            Query.Where(e => e.Name.Contains(part));
        }

        if (!string.IsNullOrWhiteSpace(creditCode))
        {
            var code = creditCode.Trim().ToUpperInvariant();
            Query.Where(e => e.Code == code);
        }

        switch (sort?.ToLowerInvariant())
        {
            case "creditcode" when descending:
                Query.OrderByDescending(e => e.Code).ThenBy(e => e.Id);
                break;
            case "creditcode":
                Query.OrderBy(e => e.Code).ThenBy(e => e.Id);
                break;
            case "createdat" when descending:
                Query.OrderByDescending(e => e.CreatedAt).ThenBy(e => e.Id);
                break;
            case "createdat":
                Query.OrderBy(e => e.CreatedAt).ThenBy(e => e.Id);
                break;
            case "name" when descending:
                Query.OrderByDescending(e => e.Name).ThenBy(e => e.Id);
                break;
            default:
                Query.OrderBy(e => e.Name).ThenBy(e => e.Id);
                break;
        }

        Query.AsNoTracking();
    }
}
