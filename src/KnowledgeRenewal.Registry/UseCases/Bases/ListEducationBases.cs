using Ardalis.Specification;
using FluentValidation;
using KnowledgeRenewal.Kernel.Application;
using KnowledgeRenewal.Kernel.Persistence;
using KnowledgeRenewal.Registry.Contracts;
using KnowledgeRenewal.Registry.Domain;
using MediatR;

namespace KnowledgeRenewal.Registry.UseCases.Bases;

/// <summary>Base designations within the caller's scope, filtered by level, status, the designated organization and its region.</summary>
/// <param name="Level">Only this level.</param>
/// <param name="Status">Only this status.</param>
/// <param name="OrganizationId">Only this organization's designations.</param>
/// <param name="Page">Page number (from 1).</param>
/// <param name="PageSize">Rows per page (1–100).</param>
/// <param name="RegionCode">Only bases whose designated organization is of this region.</param>
internal sealed record ListEducationBases(string? Level, string? Status, Guid? OrganizationId, int Page = 1, int PageSize = Paging.DefaultPageSize, string? RegionCode = null)
    : IRequest<Paged<EducationBaseView>>;

/// <summary>Checks paging and filters.</summary>
internal sealed class ListEducationBasesValidator : AbstractValidator<ListEducationBases>
{
    /// <summary>Creates the validator.</summary>
    public ListEducationBasesValidator()
    {
        RuleFor(q => q.Page).ValidPage();
        RuleFor(q => q.PageSize).ValidPageSize();
        RuleFor(q => q.Level).Must(l => RegistryLabels.TryParse(ProviderLabels.Levels, l, out _)).When(q => !string.IsNullOrWhiteSpace(q.Level))
            .WithErrorCode("level.invalid").WithMessage("基地级别（level）无效，应为 国家级、省级 或 市级。");
        RuleFor(q => q.Status).Must(s => RegistryLabels.TryParse(ProviderLabels.Statuses, s, out _)).When(q => !string.IsNullOrWhiteSpace(q.Status))
            .WithErrorCode("status.invalid").WithMessage("基地状态（status）无效。");
    }
}

/// <summary>Base designations of a level, status and organization, by name.</summary>
internal sealed class EducationBasesMatching : Specification<EducationBase>
{
    /// <summary>Creates the specification; blank filters select everything.</summary>
    public EducationBasesMatching(BaseLevel? level, BaseStatus? status, Guid? organizationId, string? regionCode = null)
    {
        if (!string.IsNullOrWhiteSpace(regionCode))
        {
            var region = regionCode.Trim();
            Query.Where(b => b.Organization!.RegionCode == region);
        }

        if (level is { } wanted)
        {
            Query.Where(b => b.Level == wanted);
        }

        if (status is { } state)
        {
            Query.Where(b => b.Status == state);
        }

        if (organizationId is { } organization)
        {
            Query.Where(b => b.OrganizationId == organization);
        }

        Query.OrderBy(b => b.Name).ThenBy(b => b.Id).AsNoTracking();
    }
}

/// <summary>Handles <see cref="ListEducationBases"/>: filters, counts and pages in the database.</summary>
internal sealed class ListEducationBasesHandler(PlatformDbContext db) : IRequestHandler<ListEducationBases, Paged<EducationBaseView>>
{
    /// <inheritdoc />
    public Task<Paged<EducationBaseView>> Handle(ListEducationBases request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var specification = new EducationBasesMatching(
            RegistryLabels.TryParse(ProviderLabels.Levels, request.Level, out var level) ? level : null,
            RegistryLabels.TryParse(ProviderLabels.Statuses, request.Status, out var status) ? status : null,
            request.OrganizationId,
            request.RegionCode);
        return db.EducationBases.ToPagedAsync(specification, request.Page, request.PageSize, rows => EducationBaseViews.Project(db, rows), cancellationToken);
    }
}
