using Ardalis.Specification;
using FluentValidation;
using KnowledgeRenewal.Identity.Contracts;
using KnowledgeRenewal.Identity.Domain;
using KnowledgeRenewal.Kernel.Application;
using KnowledgeRenewal.Kernel.Persistence;
using MediatR;

namespace KnowledgeRenewal.Identity.UseCases.Organizations;

/// <summary>
/// A page of organizations, filtered by type, region, sector and a search over name and code. What the caller may
/// see at all is decided by the data layer's access-scope filter, not here.
/// </summary>
/// <param name="Type">Only this type.</param>
/// <param name="RegionCode">Only this region.</param>
/// <param name="DepartmentCode">Only this sector.</param>
/// <param name="Search">Part of the name, or the start of the code.</param>
/// <param name="Page">Page number (from 1).</param>
/// <param name="PageSize">Organizations per page (1–200).</param>
internal sealed record ListOrganizations(OrganizationType? Type, string? RegionCode, string? DepartmentCode, string? Search, int Page = 1, int PageSize = 50)
    : IRequest<Paged<OrganizationSummary>>;

/// <summary>An organization in a list.</summary>
/// <param name="Id">Id.</param>
/// <param name="Code">Code (<c>PO</c>, <c>CB-…</c>, <c>LD-…</c> or the unified social credit code).</param>
/// <param name="Name">Chinese name.</param>
/// <param name="Type">Type.</param>
/// <param name="ParentId">Parent in the tree, when the caller may see it.</param>
/// <param name="RegionCode">Region.</param>
/// <param name="DepartmentCode">Sector, where one applies.</param>
/// <param name="IsActive">Whether it is active.</param>
internal sealed record OrganizationSummary(Guid Id, string Code, string Name, OrganizationType Type, Guid? ParentId, string RegionCode, string? DepartmentCode, bool IsActive);

/// <summary>Checks paging and filters.</summary>
internal sealed class ListOrganizationsValidator : AbstractValidator<ListOrganizations>
{
    /// <summary>Creates the validator.</summary>
    public ListOrganizationsValidator()
    {
        RuleFor(q => q.Page).ValidPage();
        RuleFor(q => q.PageSize).InclusiveBetween(1, 200).WithErrorCode("out_of_range").WithMessage("每页条数（pageSize）应在 1 至 200 之间。");
        RuleFor(q => q.Type).IsInEnum().WithErrorCode("invalid_value").WithMessage("单位类型（type）无效。");
        RuleFor(q => q.Search).MaximumLength(64).WithErrorCode("too_long").WithMessage("搜索词（search）最多 64 个字符。");
    }
}

/// <summary>Organizations matching the filters, by type and code.</summary>
internal sealed class OrganizationsMatching : Specification<Organization>
{
    /// <summary>Creates the specification.</summary>
    public OrganizationsMatching(OrganizationType? type, string? regionCode, string? departmentCode, string? search)
    {
        var text = search?.Trim();
        var code = text?.ToUpperInvariant();
        Query.Where(o => o.Type == type, type is not null)
            .Where(o => o.RegionCode == regionCode, !string.IsNullOrEmpty(regionCode))
            .Where(o => o.DepartmentCode == departmentCode, !string.IsNullOrEmpty(departmentCode))
            .Where(o => o.Name.Contains(text!) || o.Code.StartsWith(code!), !string.IsNullOrEmpty(text))
            .OrderBy(o => o.Type).ThenBy(o => o.Code)
            .AsNoTracking();
    }
}

/// <summary>Handles <see cref="ListOrganizations"/>: counts and pages in the database, within the caller's scope.</summary>
internal sealed class ListOrganizationsHandler(PlatformDbContext db) : IRequestHandler<ListOrganizations, Paged<OrganizationSummary>>
{
    /// <inheritdoc />
    public Task<Paged<OrganizationSummary>> Handle(ListOrganizations request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return db.Organizations.ToPagedAsync(
            new OrganizationsMatching(request.Type, request.RegionCode, request.DepartmentCode, request.Search),
            request.Page,
            request.PageSize,
            // A parent outside the caller's scope is not named (the scope filter hides it from the join).
            organizations => organizations.Select(o => new OrganizationSummary(o.Id, o.Code, o.Name, o.Type, o.Parent != null ? o.ParentId : null, o.RegionCode, o.DepartmentCode, o.IsActive)),
            cancellationToken);
    }
}
