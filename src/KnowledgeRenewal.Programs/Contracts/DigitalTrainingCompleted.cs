using KnowledgeRenewal.Programs.Domain;
using MediatR;

namespace KnowledgeRenewal.Programs.Contracts;

/// <summary>
/// Published, inside the transaction that saved it, whenever a digital-engineer training's completion facts are
/// recorded or change: the training record (the institution's attendance — the hours — and its result) and the
/// trainee. Credits handles it: a passed (合格) training is a completed one and its hours go into the trainee's ledger
/// as an approved professional-subject record (数字技术工程师培训), a changed result corrects that record, a failed one
/// revokes it (ADR 0017). Handling it twice changes nothing. Programs knows nothing of credit records.
/// </summary>
/// <param name="TrainingId">The training record.</param>
/// <param name="ProfessionalId">The trainee.</param>
/// <param name="InstitutionId">The training institution (catalog entry).</param>
/// <param name="InstitutionOrganizationId">The institution's organization (a training provider or an education base).</param>
/// <param name="InstitutionName">The institution's name.</param>
/// <param name="Field">The digital-technology field.</param>
/// <param name="Level">The level.</param>
/// <param name="StartDate">The training's first day.</param>
/// <param name="EndDate">Its last day (the credit day).</param>
/// <param name="Hours">The hours the trainee attended, as the institution recorded them.</param>
/// <param name="Passed">合格 (true): completed; 不合格 (false): no hours.</param>
/// <param name="ActorUserId">Who recorded or changed it (account).</param>
/// <param name="ActorName">Who recorded or changed it (user name).</param>
/// <param name="Reason">Why the result changed (null when first recorded).</param>
public sealed record DigitalTrainingCompleted(
    Guid TrainingId,
    Guid ProfessionalId,
    Guid InstitutionId,
    Guid InstitutionOrganizationId,
    string InstitutionName,
    DigitalField Field,
    DigitalLevel Level,
    DateOnly StartDate,
    DateOnly EndDate,
    int Hours,
    bool Passed,
    Guid? ActorUserId,
    string ActorName,
    string? Reason) : INotification
{
    /// <summary>The facts of <paramref name="training"/> of <paramref name="institutionName"/>, as <paramref name="actor"/> recorded or changed them.</summary>
    public static DigitalTrainingCompleted Of(DigitalTraining training, string institutionName, DigitalActor actor, string? reason = null)
    {
        ArgumentNullException.ThrowIfNull(training);
        ArgumentNullException.ThrowIfNull(actor);
        return new(
            training.Id, training.ProfessionalId, training.InstitutionId, training.InstitutionOrganizationId, institutionName,
            training.Field, training.Level, training.StartDate, training.EndDate, training.Hours, training.Passed, actor.UserId, actor.Name, reason);
    }
}
