using KnowledgeRenewal.Credits.Domain;
using KnowledgeRenewal.Kernel.Persistence;
using KnowledgeRenewal.Programs.Contracts;
using MediatR;

namespace KnowledgeRenewal.Credits.UseCases.DigitalHours;

/// <summary>
/// Handles Programs' <see cref="DigitalTrainingCompleted"/> inside the transaction that recorded or changed the
/// training: its hours go into the trainee's ledger (<see cref="DigitalTrainingLedger"/>). Handling the same facts
/// again writes nothing.
/// </summary>
internal sealed class RecordDigitalTrainingHoursHandler(PlatformDbContext db, DigitalTrainingLedger ledger) : INotificationHandler<DigitalTrainingCompleted>
{
    /// <inheritdoc />
    public Task Handle(DigitalTrainingCompleted notification, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notification);
        return ledger.ApplyAsync(db, [Facts(notification)], cancellationToken);
    }

    /// <summary>The ledger's facts of the notification.</summary>
    public static DigitalTrainingFacts Facts(DigitalTrainingCompleted n)
    {
        ArgumentNullException.ThrowIfNull(n);
        return new(n.TrainingId, n.ProfessionalId, n.InstitutionOrganizationId, n.InstitutionName, n.Field, n.Level, n.StartDate, n.EndDate, n.Hours, n.Passed, n.ActorUserId, n.ActorName, n.Reason);
    }
}
