using KnowledgeRenewal.Credits.Contracts;
using KnowledgeRenewal.Credits.Domain;
using KnowledgeRenewal.Kernel.Persistence;
using KnowledgeRenewal.Kernel.Time;
using KnowledgeRenewal.Registry.Contracts;
using KnowledgeRenewal.Supervision.Domain.Bases;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace KnowledgeRenewal.Supervision.UseCases.Evaluations;

/// <summary>The caller's classes (a record in them) that have ended, newest first, with whether the caller rated each.</summary>
public sealed record ListMyClassesToRate : IRequest<IReadOnlyList<MyClassToRate>>;

/// <summary>A class the caller attended.</summary>
/// <param name="ClassId">The class.</param>
/// <param name="Title">Its title.</param>
/// <param name="ProviderName">Who ran it.</param>
/// <param name="StartDate">First day.</param>
/// <param name="EndDate">Last day.</param>
/// <param name="Ended">Whether it can be rated now.</param>
/// <param name="Rated">Whether the caller rated it.</param>
public sealed record MyClassToRate(Guid ClassId, string Title, string? ProviderName, DateOnly StartDate, DateOnly EndDate, bool Ended, bool Rated);

internal sealed class ListMyClassesToRateHandler(PlatformDbContext db, IMediator mediator, TimeProvider clock) : IRequestHandler<ListMyClassesToRate, IReadOnlyList<MyClassToRate>>
{
    public async Task<IReadOnlyList<MyClassToRate>> Handle(ListMyClassesToRate request, CancellationToken cancellationToken)
    {
        if (await mediator.Send(new FindMyProfessional(), cancellationToken).ConfigureAwait(false) is not { } me)
        {
            return [];
        }

        var today = ProgramCalendar.Today(clock);
        var classIds = db.CreditRecords.AsNoTracking()
            .Where(r => r.ProfessionalId == me && r.ClassId != null && EvaluationRules.Participant.Contains(r.Status)).Select(r => r.ClassId!.Value).Distinct();
        var rated = db.Set<ClassEvaluation>().AsNoTracking().Where(e => e.ProfessionalId == me).Select(e => e.ClassId);
        var rows = await db.TrainingClasses.IgnoreQueryFilters([PlatformDbContext.AccessScopeFilter]).AsNoTracking()
            .Where(c => classIds.Contains(c.Id) && c.Status != TrainingClassStatus.Cancelled)
            .OrderByDescending(c => c.EndDate).Take(100)
            .Select(c => new { c.Id, c.Title, ProviderName = c.Provider!.Name, c.StartDate, c.EndDate, c.Status, Rated = rated.Contains(c.Id) })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return [.. rows.Select(c => new MyClassToRate(c.Id, c.Title, c.ProviderName, c.StartDate, c.EndDate, EvaluationRules.Ended(c.Status, c.EndDate, today), c.Rated))];
    }
}
