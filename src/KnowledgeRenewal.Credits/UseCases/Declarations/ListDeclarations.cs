using Ardalis.Specification;
using FluentValidation;
using KnowledgeRenewal.Credits.Contracts;
using KnowledgeRenewal.Credits.Domain;
using KnowledgeRenewal.Kernel.Application;
using KnowledgeRenewal.Kernel.Persistence;
using KnowledgeRenewal.Registry.Contracts;
using KnowledgeRenewal.Sdk;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace KnowledgeRenewal.Credits.UseCases.Declarations;

/// <summary>
/// A page of declarations within the caller's scope (the data layer's filter decides what is visible at all),
/// filtered by status, credit year, activity type, and "awaiting my review" — the declarations at the step the
/// caller reviews (<see cref="DeclarationAccess.Desk"/>), never the caller's own.
/// </summary>
/// <param name="Status">Only this status (English name or Chinese label).</param>
/// <param name="Year">Only this credit year.</param>
/// <param name="Activity">Only this activity type (English name or Chinese label).</param>
/// <param name="AwaitingMe">Only those awaiting the caller's review.</param>
/// <param name="Page">Page number (from 1).</param>
/// <param name="PageSize">Rows per page (1–100).</param>
internal sealed record ListDeclarations(string? Status, int? Year, string? Activity, bool AwaitingMe, int Page = 1, int PageSize = 20) : IRequest<Paged<DeclarationSummary>>;

/// <summary>Checks paging and filters.</summary>
internal sealed class ListDeclarationsValidator : AbstractValidator<ListDeclarations>
{
    /// <summary>Creates the validator.</summary>
    public ListDeclarationsValidator()
    {
        RuleFor(q => q.Page).ValidPage();
        RuleFor(q => q.PageSize).ValidPageSize();
        RuleFor(q => q.Year).InclusiveBetween(2000, 2100).When(q => q.Year is not null).WithErrorCode("out_of_range").WithMessage("学时年度（year）应在 2000 至 2100 之间。");
        RuleFor(q => q.Status).Must(s => DeclarationLabels.TryParseStatus(s, out _)).When(q => !string.IsNullOrWhiteSpace(q.Status))
            .WithErrorCode("invalid_value").WithMessage("申报状态（status）无效，应为以下之一：" + DeclarationLabels.Choices<DeclarationStatus>(DeclarationLabels.Status) + "。");
        RuleFor(q => q.Activity).Must(a => DeclarationLabels.TryParseActivity(a, out _)).When(q => !string.IsNullOrWhiteSpace(q.Activity))
            .WithErrorCode("invalid_value").WithMessage("活动类型（activity）无效，应为以下之一：" + DeclarationLabels.Choices<ActivityType>(ComplianceLabels.Activity) + "。");
    }
}

/// <summary>Declarations matching the filters, newest first.</summary>
internal sealed class DeclarationsMatching : Specification<ActivityDeclaration>
{
    /// <summary>Creates the specification; <paramref name="desk"/> restricts it to what awaits that reviewer.</summary>
    public DeclarationsMatching(DeclarationStatus? status, int? year, ActivityType? activity, ReviewerDesk? desk)
    {
        var firstDay = new DateOnly(year ?? 2000, 1, 1);
        var lastDay = new DateOnly(year ?? 2000, 12, 31);
        Query.Where(d => d.Status == status, status is not null)
            .Where(d => d.EndDate >= firstDay && d.EndDate <= lastDay, year is not null)
            .Where(d => d.Activity == activity, activity is not null)
            .AsNoTracking();
        if (desk is not null)
        {
            var employers = desk.EmployerIds.ToArray();
            var departments = desk.DepartmentCodes.ToArray();
            var all = desk.AllDepartments;
            var own = desk.OwnProfessionalIds.ToArray();
            Query.Where(d => !own.Contains(d.ProfessionalId)
                && ((d.Status == DeclarationStatus.AwaitingEmployer && employers.Contains(d.EmployerId))
                    || (d.Status == DeclarationStatus.AwaitingDepartment && (all || departments.Contains(d.DepartmentCode)))));
        }

        Query.OrderByDescending(d => d.SubmittedAt).ThenBy(d => d.Id);
    }
}

/// <summary>Handles <see cref="ListDeclarations"/>: filters, counts and pages in the database.</summary>
internal sealed class ListDeclarationsHandler(PlatformDbContext db, ICurrentAccess access) : IRequestHandler<ListDeclarations, Paged<DeclarationSummary>>
{
    /// <inheritdoc />
    public async Task<Paged<DeclarationSummary>> Handle(ListDeclarations request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        DeclarationStatus? status = DeclarationLabels.TryParseStatus(request.Status, out var s) ? s : null;
        ActivityType? activity = DeclarationLabels.TryParseActivity(request.Activity, out var a) ? a : null;
        var desk = request.AwaitingMe ? DeclarationAccess.Desk(access, await OwnRecordsAsync(cancellationToken).ConfigureAwait(false)) : null;
        var specification = new DeclarationsMatching(status, request.Year, activity, desk);

        var page = await db.ActivityDeclarations.ToPagedAsync(
            specification,
            request.Page,
            request.PageSize,
            declarations => declarations.Select(d => new Row(
                d.Id, d.Status, d.Activity, d.Title, d.EndDate, d.Hours, d.ProfessionalId, d.EmployerId, d.DepartmentCode, d.RegionCode, d.SubmittedAt)),
            cancellationToken).ConfigureAwait(false);
        var rows = page.Items;
        var people = await DeclarationViews.ProfessionalNamesAsync(db, [.. rows.Select(r => r.ProfessionalId).Distinct()], cancellationToken).ConfigureAwait(false);
        var employers = await DeclarationViews.EmployerNamesAsync(db, [.. rows.Select(r => r.EmployerId).Distinct()], cancellationToken).ConfigureAwait(false);
        var items = rows.Select(r => new DeclarationSummary(
            r.Id, r.Status, DeclarationLabels.Status(r.Status), r.Activity, ComplianceLabels.Activity(r.Activity), r.Title, r.EndDate, r.EndDate.Year,
            r.Hours.Hours, r.ProfessionalId, people.GetValueOrDefault(r.ProfessionalId), r.EmployerId, employers.GetValueOrDefault(r.EmployerId),
            r.DepartmentCode, r.RegionCode, r.SubmittedAt)).ToList();
        return new Paged<DeclarationSummary>(page.Page, page.PageSize, page.Total, items);
    }

    // The caller's own professional records: never awaiting their own review.
    private async Task<IReadOnlyList<Guid>> OwnRecordsAsync(CancellationToken cancellationToken) =>
        access.UserId is not { } userId
            ? []
            : await db.Professionals.AsNoTracking().Where(p => p.UserId == userId).Select(p => p.Id).ToListAsync(cancellationToken).ConfigureAwait(false);

    private sealed record Row(
        Guid Id, DeclarationStatus Status, ActivityType Activity, string Title, DateOnly EndDate, CreditHours Hours, Guid ProfessionalId, Guid EmployerId,
        string DepartmentCode, string RegionCode, DateTime SubmittedAt);
}
