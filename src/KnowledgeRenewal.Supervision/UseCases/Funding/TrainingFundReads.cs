using Ardalis.Specification;
using FluentValidation;
using KnowledgeRenewal.Kernel.Application;
using KnowledgeRenewal.Kernel.Persistence;
using KnowledgeRenewal.Supervision.Domain.Funding;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace KnowledgeRenewal.Supervision.UseCases.Funding;

/// <summary>A page of training funds with the floor they are compared with.</summary>
/// <param name="Floor">The configured floor.</param>
/// <param name="BelowFloor">How many of the filtered lines are below it.</param>
/// <param name="Lines">The page.</param>
public sealed record TrainingFundList(decimal Floor, int BelowFloor, Paged<TrainingFundView> Lines);

/// <summary>Employers' training funds within the caller's scope (the program office all, counties and departments theirs, an employer its own), newest year first.</summary>
/// <param name="Year">Only this year.</param>
/// <param name="BelowFloor">Only lines below the floor.</param>
/// <param name="Page">1-based page.</param>
/// <param name="PageSize">Rows per page (≤ 100).</param>
internal sealed record ListTrainingFunds(int? Year, bool? BelowFloor, int Page = 1, int PageSize = Paging.DefaultPageSize) : IRequest<TrainingFundList>;

/// <summary>Checks the page and the year.</summary>
internal sealed class ListTrainingFundsValidator : AbstractValidator<ListTrainingFunds>
{
    /// <summary>Creates the validator.</summary>
    public ListTrainingFundsValidator()
    {
        RuleFor(l => l.Page).ValidPage().OverridePropertyName("page");
        RuleFor(l => l.PageSize).ValidPageSize().OverridePropertyName("pageSize");
        RuleFor(l => l.Year).InclusiveBetween(2000, 2100).OverridePropertyName("year").WithErrorCode("out_of_range").WithMessage("年度应在 2000 至 2100 之间。");
    }
}

/// <summary>Training funds matching the filters; below the floor is compared in the database in whole numbers (<see cref="TrainingFundRules.FloorPpm"/>).</summary>
internal sealed class TrainingFundLines : Specification<EmployerTrainingFund>
{
    /// <summary>Creates the specification.</summary>
    public TrainingFundLines(int? year, bool? belowFloor, long floorPpm)
    {
        Query.Where(f => f.Year == year, year is not null)
            .Where(f => f.TrainingSpentFen * 1_000_000 < f.PayrollFen * floorPpm, belowFloor == true)
            .Where(f => f.TrainingSpentFen * 1_000_000 >= f.PayrollFen * floorPpm, belowFloor == false)
            .OrderByDescending(f => f.Year).ThenBy(f => f.EmployerId)
            .AsNoTracking();
    }
}

/// <summary>Handles <see cref="ListTrainingFunds"/>: counted and paged in the database, within the caller's scope.</summary>
internal sealed class ListTrainingFundsHandler(PlatformDbContext db, FeeDesk desk) : IRequestHandler<ListTrainingFunds, TrainingFundList>
{
    /// <inheritdoc />
    public async Task<TrainingFundList> Handle(ListTrainingFunds request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var ppm = TrainingFundRules.FloorPpm(desk.Floor);
        var rows = await db.Set<EmployerTrainingFund>().ToPagedAsync(new TrainingFundLines(request.Year, request.BelowFloor, ppm), request.Page, request.PageSize, q => q, cancellationToken).ConfigureAwait(false);
        var below = await db.Set<EmployerTrainingFund>().CountAsync(f => (request.Year == null || f.Year == request.Year) && f.TrainingSpentFen * 1_000_000 < f.PayrollFen * ppm, cancellationToken).ConfigureAwait(false);
        var names = await desk.EmployerNamesAsync([.. rows.Items.Select(f => f.EmployerId).Distinct()], cancellationToken).ConfigureAwait(false);
        return new TrainingFundList(desk.Floor, below,
            new Paged<TrainingFundView>(rows.Page, rows.PageSize, rows.Total, [.. rows.Items.Select(f => desk.View(f, names.GetValueOrDefault(f.EmployerId) ?? ""))]));
    }
}
