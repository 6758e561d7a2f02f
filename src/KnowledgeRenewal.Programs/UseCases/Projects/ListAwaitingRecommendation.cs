using Ardalis.Specification;
using FluentValidation;
using KnowledgeRenewal.Kernel.Application;
using KnowledgeRenewal.Kernel.Persistence;
using KnowledgeRenewal.Programs.Contracts;
using KnowledgeRenewal.Programs.Domain;
using KnowledgeRenewal.Sdk;
using MediatR;

namespace KnowledgeRenewal.Programs.UseCases.Projects;

/// <summary>
/// The submitted projects waiting for the caller's recommendation: those whose recommender (推荐单位) is the caller's
/// own county bureau or line department, oldest submission first — what the recommend step
/// (<see cref="ProjectWorkflow"/>, <see cref="ProjectAction.Recommend"/>) lets the caller act on. Empty for anyone
/// without an organization or the recommender's roles.
/// </summary>
/// <param name="Page">Page number (from 1).</param>
/// <param name="PageSize">Rows per page (1–100).</param>
internal sealed record ListAwaitingRecommendation(int Page = 1, int PageSize = 20) : IRequest<Paged<ProjectView>>;

/// <summary>Checks paging.</summary>
internal sealed class ListAwaitingRecommendationValidator : AbstractValidator<ListAwaitingRecommendation>
{
    /// <summary>Creates the validator.</summary>
    public ListAwaitingRecommendationValidator()
    {
        RuleFor(q => q.Page).ValidPage();
        RuleFor(q => q.PageSize).ValidPageSize();
    }
}

/// <summary>Submitted projects recommended by <c>organizationId</c>, oldest change first.</summary>
internal sealed class AwaitingRecommendationBy : Specification<Project>
{
    /// <summary>Creates the specification.</summary>
    public AwaitingRecommendationBy(Guid organizationId) =>
        Query.Where(p => p.Status == ProjectStatus.Submitted && p.RecommenderOrganizationId == organizationId)
            .OrderBy(p => p.StatusChangedAt).ThenBy(p => p.Id)
            .AsNoTracking();
}

/// <summary>Handles <see cref="ListAwaitingRecommendation"/> within the caller's scope.</summary>
internal sealed class ListAwaitingRecommendationHandler(PlatformDbContext db, ICurrentAccess access) : IRequestHandler<ListAwaitingRecommendation, Paged<ProjectView>>
{
    /// <inheritdoc />
    public async Task<Paged<ProjectView>> Handle(ListAwaitingRecommendation request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (access.OrganizationId is not { } organization || !access.Roles.Any(r => r is PlatformRoles.CountyAdmin or PlatformRoles.DepartmentAdmin))
        {
            return new Paged<ProjectView>(request.Page, request.PageSize, 0, []);
        }

        var rows = await db.Projects.ToPagedAsync(new AwaitingRecommendationBy(organization), request.Page, request.PageSize, q => q, cancellationToken).ConfigureAwait(false);
        return new Paged<ProjectView>(rows.Page, rows.PageSize, rows.Total, await ProjectViews.OfAsync(db, rows.Items, cancellationToken).ConfigureAwait(false));
    }
}
