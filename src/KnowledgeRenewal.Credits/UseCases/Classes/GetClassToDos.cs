using KnowledgeRenewal.Credits.Contracts;
using KnowledgeRenewal.Credits.Domain;
using KnowledgeRenewal.Kernel.Persistence;
using KnowledgeRenewal.Kernel.Time;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace KnowledgeRenewal.Credits.UseCases.Classes;

/// <summary>What waits for whoever runs classes, within the caller's scope (a provider's staff: their provider's classes).</summary>
internal sealed record GetClassToDos : IRequest<ClassToDos>;

/// <summary>The to-dos of classes.</summary>
/// <param name="AwaitingFinish">Planned classes whose last day has passed (to finish, or cancel).</param>
/// <param name="AwaitingRoster">Finished classes without any roster record yet.</param>
/// <param name="FlaggedPending">Roster records flagged for review (the same class twice, an overloaded day) still pending.</param>
/// <param name="Planned">Planned classes still to come.</param>
internal sealed record ClassToDos(int AwaitingFinish, int AwaitingRoster, int FlaggedPending, int Planned);

/// <summary>Handles <see cref="GetClassToDos"/> with four counts in the database.</summary>
internal sealed class GetClassToDosHandler(PlatformDbContext db, TimeProvider clock) : IRequestHandler<GetClassToDos, ClassToDos>
{
    /// <inheritdoc />
    public async Task<ClassToDos> Handle(GetClassToDos request, CancellationToken cancellationToken)
    {
        var today = ProgramCalendar.Today(clock);
        var classes = db.TrainingClasses.AsNoTracking();
        var records = db.CreditRecords.AsNoTracking();
        var awaitingFinish = await classes.CountAsync(c => c.Status == TrainingClassStatus.Planned && c.EndDate < today, cancellationToken).ConfigureAwait(false);
        var planned = await classes.CountAsync(c => c.Status == TrainingClassStatus.Planned && c.EndDate >= today, cancellationToken).ConfigureAwait(false);
        var awaitingRoster = await classes.CountAsync(c => c.Status == TrainingClassStatus.Finished && !records.Any(r => r.ClassId == c.Id), cancellationToken).ConfigureAwait(false);
        var flagged = await records
            .CountAsync(r => r.ClassId != null && r.Flag != null && r.Status == CreditRecordStatus.Pending && classes.Any(c => c.Id == r.ClassId), cancellationToken).ConfigureAwait(false);
        return new ClassToDos(awaitingFinish, awaitingRoster, flagged, planned);
    }
}
