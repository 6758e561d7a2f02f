using KnowledgeRenewal.Sdk;
using KnowledgeRenewal.Supervision.UseCases.Bases;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace KnowledgeRenewal.Supervision.Pages.Supervision;

/// <summary>
/// <c>/supervision/bases/{id}/scorecards/{year}</c>: a base's scorecard computed from platform data, each indicator
/// linking to the records it counts, and the score by the method in force (<see cref="GetScorecard"/>, as
/// <c>GET /api/supervision/bases/{id}/scorecards/{year}</c>).
/// </summary>
[Authorize(Roles = BaseAccess.ReaderRoles)]
internal sealed class ScorecardModel(IMediator mediator) : BasePageModel
{
    /// <summary>The scorecard.</summary>
    public ScorecardView? Card { get; private set; }

    /// <summary>Loads it.</summary>
    public async Task<IActionResult> OnGetAsync(Guid id, int year, CancellationToken cancellationToken)
    {
        if (!ProgramPeriod.Contains(year))
        {
            return NotFound();
        }

        try
        {
            Card = await mediator.Send(new GetScorecard(id, year), cancellationToken).ConfigureAwait(false);
            return Page();
        }
        catch (NotFoundException)
        {
            return NotFound();
        }
    }

    /// <summary>The points of an indicator, 「--」 without a method.</summary>
    public string Points(string key) => Card?.Points.FirstOrDefault(p => p.Key == key) is { } p ? $"{Number(p.Points)} 分（权重 {p.Weight}）" : "--";
}
