using Ardalis.Specification;
using FluentValidation;
using KnowledgeRenewal.Identity.Domain;
using KnowledgeRenewal.Kernel.Application;
using KnowledgeRenewal.Kernel.Persistence;
using KnowledgeRenewal.Programs.Contracts;
using KnowledgeRenewal.Programs.Domain;
using KnowledgeRenewal.Sdk;
using KnowledgeRenewal.Supervision.Domain.Funding;
using KnowledgeRenewal.Supervision.UseCases.Inspections;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace KnowledgeRenewal.Supervision.UseCases.Funding;

/// <summary>A project's funding: budget against spending per category and source, its lines with flags.</summary>
/// <param name="ProjectId">The project.</param>
internal sealed record GetProjectFunding(Guid ProjectId) : IRequest<ProjectFundingView>;

/// <summary>Handles <see cref="GetProjectFunding"/> within the project's scope (404).</summary>
internal sealed class GetProjectFundingHandler(FundingDesk desk, ICurrentAccess access) : IRequestHandler<GetProjectFunding, ProjectFundingView>
{
    /// <inheritdoc />
    public async Task<ProjectFundingView> Handle(GetProjectFunding request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var project = await desk.ProjectAsync(request.ProjectId, cancellationToken).ConfigureAwait(false);
        return await desk.FundingAsync(project, access, cancellationToken).ConfigureAwait(false);
    }
}

/// <summary>One spending line with its version.</summary>
/// <param name="Id">The line.</param>
internal sealed record GetSpendingLine(Guid Id) : IRequest<Versioned<SpendingLineView>>;

/// <summary>Handles <see cref="GetSpendingLine"/> within the project's scope (404).</summary>
internal sealed class GetSpendingLineHandler(FundingDesk desk) : IRequestHandler<GetSpendingLine, Versioned<SpendingLineView>>
{
    /// <inheritdoc />
    public async Task<Versioned<SpendingLineView>> Handle(GetSpendingLine request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var line = await desk.LineAsync(request.Id, tracked: false, cancellationToken).ConfigureAwait(false);
        return new Versioned<SpendingLineView>(await desk.ViewAsync(line, cancellationToken).ConfigureAwait(false), line.ConcurrencyStamp);
    }
}

/// <summary>A line's voucher file.</summary>
/// <param name="Id">The line.</param>
internal sealed record GetSpendingVoucher(Guid Id) : IRequest<EvidenceFile>;

/// <summary>Handles <see cref="GetSpendingVoucher"/> within the project's scope (404).</summary>
internal sealed class GetSpendingVoucherHandler(PlatformDbContext db, FundingDesk desk) : IRequestHandler<GetSpendingVoucher, EvidenceFile>
{
    /// <inheritdoc />
    public async Task<EvidenceFile> Handle(GetSpendingVoucher request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var line = await desk.LineAsync(request.Id, tracked: false, cancellationToken).ConfigureAwait(false);
        var content = await db.Set<SpendingVoucher>().AsNoTracking().Where(v => v.Id == line.Id).Select(v => v.Content).FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false)
            ?? throw new NotFoundException("支出凭证", request.Id);
        return new EvidenceFile(line.VoucherFileName, line.VoucherContentType, content);
    }
}

/// <summary>Which flagged lines to list.</summary>
public enum FlagState
{
    /// <summary>Not yet explained (待核实).</summary>
    Open = 1,

    /// <summary>Explained (已说明).</summary>
    Explained = 2,

    /// <summary>Both.</summary>
    All = 3,
}

/// <summary>Flagged spending lines within the caller's scope (city-wide for the program office), newest first.</summary>
/// <param name="State">Open (default), Explained or All.</param>
/// <param name="Flag">Only lines with this flag.</param>
/// <param name="Category">Only this category.</param>
/// <param name="Page">1-based page.</param>
/// <param name="PageSize">Rows per page (≤ 100).</param>
internal sealed record ListFlaggedSpending(FlagState? State, SpendingIssues? Flag, SpendingCategory? Category, int Page = 1, int PageSize = Paging.DefaultPageSize) : IRequest<Paged<SpendingLineView>>;

/// <summary>Checks the page and the flag.</summary>
internal sealed class ListFlaggedSpendingValidator : AbstractValidator<ListFlaggedSpending>
{
    /// <summary>Creates the validator.</summary>
    public ListFlaggedSpendingValidator()
    {
        RuleFor(l => l.Page).ValidPage().OverridePropertyName("page");
        RuleFor(l => l.PageSize).ValidPageSize().OverridePropertyName("pageSize");
        RuleFor(l => l.Flag).Must(f => f is null || FundingLabels.Each(f.Value).Count == 1).OverridePropertyName("flag")
            .WithErrorCode("invalid_enum").WithMessage("疑点类型（flag）应为其中一种：OutsideCategory、CategoryOverBudget、SourceOverBudget、TotalOverBudget 或 AfterProjectEnd。");
    }
}

/// <summary>Flagged lines matching the filters, newest first.</summary>
internal sealed class FlaggedLines : Specification<SpendingLine>
{
    /// <summary>Creates the specification.</summary>
    public FlaggedLines(FlagState state, SpendingIssues? flag, SpendingCategory? category)
    {
        Query.Where(l => l.Flags != SpendingIssues.None)
            .Where(l => l.ExplainedAt == null, state == FlagState.Open)
            .Where(l => l.ExplainedAt != null, state == FlagState.Explained)
            .Where(l => (l.Flags & flag!.Value) != SpendingIssues.None, flag is not null)
            .Where(l => l.Category == category, category is not null)
            .OrderByDescending(l => l.RecordedAt).ThenBy(l => l.Id)
            .AsNoTracking();
    }
}

/// <summary>Handles <see cref="ListFlaggedSpending"/>: counted and paged in the database, within the caller's scope.</summary>
internal sealed class ListFlaggedSpendingHandler(PlatformDbContext db) : IRequestHandler<ListFlaggedSpending, Paged<SpendingLineView>>
{
    /// <inheritdoc />
    public async Task<Paged<SpendingLineView>> Handle(ListFlaggedSpending request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var rows = await db.Set<SpendingLine>().ToPagedAsync(new FlaggedLines(request.State ?? FlagState.Open, request.Flag, request.Category), request.Page, request.PageSize, q => q, cancellationToken).ConfigureAwait(false);
        var ids = rows.Items.Select(l => l.ProjectId).Distinct().ToArray();
        var projects = await db.Projects.AsNoTracking().Where(p => ids.Contains(p.Id)).Select(p => new { p.Id, p.Number, p.Title })
            .ToDictionaryAsync(p => p.Id, cancellationToken).ConfigureAwait(false);
        return new Paged<SpendingLineView>(rows.Page, rows.PageSize, rows.Total,
            [.. rows.Items.Select(l => FundingDesk.View(l, projects.GetValueOrDefault(l.ProjectId)?.Number ?? "", projects.GetValueOrDefault(l.ProjectId)?.Title ?? ""))]);
    }
}

/// <summary>A project in the funding list.</summary>
public sealed record FundingProjectRow(Guid Id, string Number, string Title, string StatusName, long BudgetFen, long SpentFen, int OpenFlags);

/// <summary>The projects with money to account for (approved until archived) within the caller's scope, newest first; search by number or title.</summary>
/// <param name="Search">Part of the number or title.</param>
/// <param name="Page">1-based page.</param>
/// <param name="PageSize">Rows per page (≤ 100).</param>
internal sealed record ListFundingProjects(string? Search, int Page = 1, int PageSize = Paging.DefaultPageSize) : IRequest<Paged<FundingProjectRow>>;

/// <summary>Checks the page.</summary>
internal sealed class ListFundingProjectsValidator : AbstractValidator<ListFundingProjects>
{
    /// <summary>Creates the validator.</summary>
    public ListFundingProjectsValidator()
    {
        RuleFor(l => l.Page).ValidPage().OverridePropertyName("page");
        RuleFor(l => l.PageSize).ValidPageSize().OverridePropertyName("pageSize");
        RuleFor(l => l.Search).MaximumLength(64).OverridePropertyName("search").WithErrorCode("too_long").WithMessage("搜索词最多 64 个字。");
    }
}

/// <summary>Projects in a spending state (or archived), newest start first.</summary>
internal sealed class FundedProjects : Specification<Project>
{
    /// <summary>Creates the specification.</summary>
    public FundedProjects(string? search)
    {
        ProjectStatus[] states = [.. FundingAccess.Spending, ProjectStatus.Archived];
        Query.Where(p => states.Contains(p.Status))
            .Where(p => p.Number.Contains(search!) || p.Title.Contains(search!), !string.IsNullOrWhiteSpace(search))
            .OrderByDescending(p => p.StartDate).ThenBy(p => p.Number)
            .AsNoTracking();
    }
}

/// <summary>Handles <see cref="ListFundingProjects"/>: the page's projects with their spending and open flags summed in the database.</summary>
internal sealed class ListFundingProjectsHandler(PlatformDbContext db) : IRequestHandler<ListFundingProjects, Paged<FundingProjectRow>>
{
    /// <inheritdoc />
    public async Task<Paged<FundingProjectRow>> Handle(ListFundingProjects request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var lines = db.Set<SpendingLine>();
        var page = await db.Projects.ToPagedAsync(new FundedProjects(request.Search?.Trim()), request.Page, request.PageSize,
            q => q.Select(p => new { p.Id, p.Number, p.Title, p.Status, p.BudgetTotalFen }), cancellationToken).ConfigureAwait(false);
        var ids = page.Items.Select(p => p.Id).ToArray();
        var sums = await lines.AsNoTracking().Where(l => ids.Contains(l.ProjectId)).GroupBy(l => l.ProjectId)
            .Select(g => new { Id = g.Key, Spent = g.Sum(l => l.AmountFen), Open = g.Count(l => l.Flags != SpendingIssues.None && l.ExplainedAt == null) })
            .ToDictionaryAsync(s => s.Id, cancellationToken).ConfigureAwait(false);
        return new Paged<FundingProjectRow>(page.Page, page.PageSize, page.Total,
            [.. page.Items.Select(p => new FundingProjectRow(p.Id, p.Number, p.Title, ProjectLabels.Status(p.Status), p.BudgetTotalFen,
                sums.GetValueOrDefault(p.Id)?.Spent ?? 0, sums.GetValueOrDefault(p.Id)?.Open ?? 0))]);
    }
}

/// <summary>How many flagged lines wait for an explanation within the caller's scope (the workbench card).</summary>
internal sealed record CountOpenSpendingIssues : IRequest<int>;

/// <summary>Handles <see cref="CountOpenSpendingIssues"/> in one query.</summary>
internal sealed class CountOpenSpendingIssuesHandler(PlatformDbContext db) : IRequestHandler<CountOpenSpendingIssues, int>
{
    /// <inheritdoc />
    public Task<int> Handle(CountOpenSpendingIssues request, CancellationToken cancellationToken) =>
        db.Set<SpendingLine>().CountAsync(l => l.Flags != SpendingIssues.None && l.ExplainedAt == null, cancellationToken);
}
