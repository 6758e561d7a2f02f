using KnowledgeRenewal.Kernel.Persistence;
using KnowledgeRenewal.Programs.Contracts;
using KnowledgeRenewal.Registry.Contracts;
using KnowledgeRenewal.Registry.Domain;
using KnowledgeRenewal.Sdk;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace KnowledgeRenewal.Reporting.UseCases.Reports;

/// <summary>
/// The trainees of each continuing-education base per year — a figure only the reports need (the program's target
/// of ≥ 1,000 a year per base): distinct people with an approved class or roster record of the credit year delivered
/// by the base's organization (the trainee rule of the annual plans' progress, <see cref="ITrainingFacts"/>). City-wide, for the program office
/// only: a county's or sector's cut of a base's trainees says nothing about the base's target, so other callers get
/// no rows.
/// </summary>
/// <param name="FromYear">First year.</param>
/// <param name="ToYear">Last year.</param>
internal sealed record GetBaseTraining(int FromYear, int ToYear) : IRequest<IReadOnlyList<BaseTraining>>;

/// <summary>A base's trainees in a year.</summary>
/// <param name="Year">The credit year.</param>
/// <param name="Name">The base's name.</param>
/// <param name="Status">The base's status in words.</param>
/// <param name="Trainees">Distinct trainees.</param>
internal sealed record BaseTraining(int Year, string Name, string Status, int Trainees);

/// <summary>Handles <see cref="GetBaseTraining"/>.</summary>
internal sealed class GetBaseTrainingHandler(PlatformDbContext db, ICurrentAccess caller, ITrainingFacts training) : IRequestHandler<GetBaseTraining, IReadOnlyList<BaseTraining>>
{
    /// <inheritdoc />
    public async Task<IReadOnlyList<BaseTraining>> Handle(GetBaseTraining request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!caller.Scope.AllBusinessData)
        {
            return [];
        }

        var bases = await db.EducationBases.AsNoTracking()
            .Where(b => b.DesignatedOn.Year <= request.ToYear)
            .Select(b => new { b.OrganizationId, b.Name, b.Status, b.DesignatedOn })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var counts = await training.TraineesByProviderAsync(request.FromYear, request.ToYear, [.. bases.Select(b => b.OrganizationId)], cancellationToken)
            .ConfigureAwait(false);

        var rows = new List<BaseTraining>();
        for (var year = request.FromYear; year <= request.ToYear; year++)
        {
            foreach (var b in bases.Where(b => b.DesignatedOn.Year <= year).OrderBy(b => b.Name, StringComparer.Ordinal))
            {
                var trainees = counts.Where(c => c.Year == year && c.ProviderId == b.OrganizationId).Sum(c => c.Trainees);
                rows.Add(new BaseTraining(year, b.Name, StatusName(b.Status), trainees));
            }
        }

        return rows;
    }

    private static string StatusName(BaseStatus status) => status switch
    {
        BaseStatus.Active => "有效",
        BaseStatus.UnderReview => "整改/考核中",
        BaseStatus.Revoked => "已撤销",
        _ => status.ToString(),
    };
}
