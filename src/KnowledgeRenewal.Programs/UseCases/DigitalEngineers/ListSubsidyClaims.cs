using Ardalis.Specification;
using FluentValidation;
using KnowledgeRenewal.Kernel.Application;
using KnowledgeRenewal.Kernel.Persistence;
using KnowledgeRenewal.Programs.Contracts;
using KnowledgeRenewal.Programs.Domain;
using MediatR;

namespace KnowledgeRenewal.Programs.UseCases.DigitalEngineers;

/// <summary>Subsidy claims within the caller's scope, newest first.</summary>
/// <param name="Status">Submitted/Approved/Rejected/Paid.</param>
/// <param name="Page">1-based page.</param>
/// <param name="PageSize">Items per page (≤ 100).</param>
internal sealed record ListSubsidyClaims(string? Status, int Page, int PageSize) : IRequest<Paged<SubsidyClaimView>>;

/// <summary>Checks the status and the page.</summary>
internal sealed class ListSubsidyClaimsValidator : AbstractValidator<ListSubsidyClaims>
{
    /// <summary>Creates the validator.</summary>
    public ListSubsidyClaimsValidator()
    {
        RuleFor(l => l.Status).Must(s => string.IsNullOrWhiteSpace(s) || DigitalInputRules.TryParseName<SubsidyClaimStatus>(s, out _)).OverridePropertyName("status")
            .WithErrorCode("invalid_value").WithMessage("申领状态（status）无效，应为 Submitted、Approved、Rejected 或 Paid。");
        RuleFor(l => l.Page).ValidPage().OverridePropertyName("page");
        RuleFor(l => l.PageSize).ValidPageSize().OverridePropertyName("pageSize");
    }
}

/// <summary>Claims in a status (or all), by instant filed (newest first).</summary>
internal sealed class SubsidyClaimsMatching : Specification<SubsidyClaim>
{
    /// <summary>Creates the specification.</summary>
    public SubsidyClaimsMatching(string? status)
    {
        SubsidyClaimStatus? wanted = DigitalInputRules.TryParseName<SubsidyClaimStatus>(status, out var parsed) ? parsed : null;
        Query.Where(c => c.Status == wanted, wanted is not null)
            .OrderByDescending(c => c.SubmittedAt).ThenByDescending(c => c.Id)
            .AsNoTracking();
    }
}

/// <summary>Handles <see cref="ListSubsidyClaims"/>: counts and pages in the database, within the caller's scope.</summary>
internal sealed class ListSubsidyClaimsHandler(PlatformDbContext db) : IRequestHandler<ListSubsidyClaims, Paged<SubsidyClaimView>>
{
    /// <inheritdoc />
    public async Task<Paged<SubsidyClaimView>> Handle(ListSubsidyClaims request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var rows = await db.SubsidyClaims.ToPagedAsync(new SubsidyClaimsMatching(request.Status), request.Page, request.PageSize, q => q, cancellationToken).ConfigureAwait(false);
        return DigitalEngineerViews.Page(rows, await DigitalEngineerViews.ClaimsAsync(db, rows.Items, cancellationToken).ConfigureAwait(false));
    }
}
