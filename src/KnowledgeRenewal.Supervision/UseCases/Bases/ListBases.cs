using FluentValidation;
using KnowledgeRenewal.Kernel.Application;
using KnowledgeRenewal.Kernel.Persistence;
using KnowledgeRenewal.Kernel.Time;
using KnowledgeRenewal.Registry.Contracts;
using KnowledgeRenewal.Registry.Domain;
using KnowledgeRenewal.Supervision.Domain.Bases;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace KnowledgeRenewal.Supervision.UseCases.Bases;

/// <summary>Bases within the caller's scope with their designation in force, status and last assessment.</summary>
/// <param name="Level">Only this level.</param>
/// <param name="Status">Only this status.</param>
/// <param name="BelowBar">Only bases whose last assessment was below the bar.</param>
/// <param name="Page">Page from 1.</param>
/// <param name="PageSize">Rows per page.</param>
public sealed record ListBases(BaseLevel? Level = null, BaseStatus? Status = null, bool BelowBar = false, int Page = 1, int PageSize = Paging.DefaultPageSize) : IRequest<Paged<BaseRow>>;

/// <summary>One base in the list.</summary>
/// <param name="Id">The base.</param>
/// <param name="Name">Its name.</param>
/// <param name="OrganizationName">The organization that runs it.</param>
/// <param name="Level">Level.</param>
/// <param name="Status">Status.</param>
/// <param name="ValidTo">Last day of the latest designation period, if recorded.</param>
/// <param name="LastYear">Year of the last assessment.</param>
/// <param name="LastScore">Its score.</param>
/// <param name="LastPassed">Whether it passed.</param>
/// <param name="ProposedExit">Whether the last assessment proposed exit.</param>
public sealed record BaseRow(Guid Id, string Name, string? OrganizationName, BaseLevel Level, BaseStatus Status, DateOnly? ValidTo, int? LastYear, decimal? LastScore, bool? LastPassed, bool ProposedExit);

internal sealed class ListBasesValidator : AbstractValidator<ListBases>
{
    public ListBasesValidator()
    {
        RuleFor(r => r.Page).ValidPage();
        RuleFor(r => r.PageSize).ValidPageSize();
    }
}

internal sealed class ListBasesHandler(PlatformDbContext db) : IRequestHandler<ListBases, Paged<BaseRow>>
{
    public async Task<Paged<BaseRow>> Handle(ListBases request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var bases = db.EducationBases.AsNoTracking();
        if (request.Level is { } level)
        {
            bases = bases.Where(b => b.Level == level);
        }

        if (request.Status is { } status)
        {
            bases = bases.Where(b => b.Status == status);
        }

        var assessments = db.Set<BaseAssessment>().AsNoTracking();
        if (request.BelowBar)
        {
            bases = bases.Where(b => assessments.Where(a => a.BaseId == b.Id).OrderByDescending(a => a.Year).Select(a => (bool?)a.Passed).FirstOrDefault() == false);
        }

        var total = await bases.CountAsync(cancellationToken).ConfigureAwait(false);
        var designations = db.Set<BaseDesignation>().AsNoTracking();
        var items = await bases.OrderBy(b => b.Status).ThenBy(b => b.Level).ThenBy(b => b.Name)
            .Skip((request.Page - 1) * request.PageSize).Take(request.PageSize)
            .Select(b => new
            {
                b.Id,
                b.Name,
                OrganizationName = b.Organization!.Name,
                b.Level,
                b.Status,
                ValidTo = designations.Where(d => d.BaseId == b.Id).Max(d => (DateOnly?)d.ValidTo),
                Last = assessments.Where(a => a.BaseId == b.Id).OrderByDescending(a => a.Year)
                    .Select(a => new { a.Year, a.Score, a.Passed, a.ProposedExit }).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return new Paged<BaseRow>(request.Page, request.PageSize, total, [.. items.Select(b => new BaseRow(
            b.Id, b.Name, b.OrganizationName, b.Level, b.Status, b.ValidTo, b.Last?.Year, b.Last?.Score, b.Last?.Passed, b.Last?.ProposedExit ?? false))]);
    }
}
