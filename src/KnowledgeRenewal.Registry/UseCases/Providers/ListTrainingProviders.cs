using Ardalis.Specification;
using FluentValidation;
using KnowledgeRenewal.Kernel.Application;
using KnowledgeRenewal.Kernel.Persistence;
using KnowledgeRenewal.Registry.Contracts;
using KnowledgeRenewal.Registry.Domain;
using MediatR;

namespace KnowledgeRenewal.Registry.UseCases.Providers;

/// <summary>Training providers within the caller's scope, filtered by region, sector, kind and part of the name.</summary>
/// <param name="RegionCode">Only this region.</param>
/// <param name="DepartmentCode">Only this sector.</param>
/// <param name="Name">Part of the name.</param>
/// <param name="Page">Page number (from 1).</param>
/// <param name="PageSize">Rows per page (1–100).</param>
/// <param name="Kind">Only this kind.</param>
internal sealed record ListTrainingProviders(string? RegionCode, string? DepartmentCode, string? Name, int Page = 1, int PageSize = Paging.DefaultPageSize, ProviderKind? Kind = null, string? Sort = null, string? Dir = null)
    : IRequest<Paged<TrainingProviderView>>;

/// <summary>Checks paging and filters.</summary>
internal sealed class ListTrainingProvidersValidator : AbstractValidator<ListTrainingProviders>
{
    /// <summary>Creates the validator.</summary>
    public ListTrainingProvidersValidator()
    {
        RuleFor(q => q.Page).ValidPage();
        RuleFor(q => q.PageSize).ValidPageSize();
        RuleFor(q => q.Sort).ValidSort(RegistrySorting.Providers);
        RuleFor(q => q.Dir).ValidDirection();
        RuleFor(q => q.Name).MaximumLength(TrainingProviderRules.MaxNameLength).WithErrorCode("too_long").WithMessage("机构名称（name）过长。");
    }
}

/// <summary>Training providers of a kind, region and sector whose name contains a part, by name.</summary>
internal sealed class TrainingProvidersMatching : Specification<TrainingProvider>
{
    /// <summary>Creates the specification; blank filters select everything.</summary>
    public TrainingProvidersMatching(ProviderKind? kind, string? regionCode, string? departmentCode, string? name, string? sort = null, bool descending = false)
    {
        if (kind is { } wanted)
        {
            Query.Where(p => p.Kind == wanted);
        }

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

        if (!string.IsNullOrWhiteSpace(name))
        {
            var part = name.Trim();
            Query.Where(p => p.Name.Contains(part));
        }

        switch (sort?.ToLowerInvariant())
        {
            case "kind" when descending:
                Query.OrderByDescending(p => p.Kind).ThenBy(p => p.Name).ThenBy(p => p.Id);
                break;
            case "kind":
                Query.OrderBy(p => p.Kind).ThenBy(p => p.Name).ThenBy(p => p.Id);
                break;
            case "createdat" when descending:
                Query.OrderByDescending(p => p.CreatedAt).ThenBy(p => p.Id);
                break;
            case "createdat":
                Query.OrderBy(p => p.CreatedAt).ThenBy(p => p.Id);
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

/// <summary>Handles <see cref="ListTrainingProviders"/>: filters, counts and pages in the database.</summary>
internal sealed class ListTrainingProvidersHandler(PlatformDbContext db) : IRequestHandler<ListTrainingProviders, Paged<TrainingProviderView>>
{
    /// <inheritdoc />
    public Task<Paged<TrainingProviderView>> Handle(ListTrainingProviders request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var specification = new TrainingProvidersMatching(request.Kind, request.RegionCode, request.DepartmentCode, request.Name, RegistrySorting.Key(request.Sort), RegistrySorting.IsDescending(request.Dir));
        return db.TrainingProviders.ToPagedAsync(specification, request.Page, request.PageSize, TrainingProviderViews.Project, cancellationToken);
    }
}
