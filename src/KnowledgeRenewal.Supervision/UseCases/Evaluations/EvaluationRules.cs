using KnowledgeRenewal.Credits.Domain;

namespace KnowledgeRenewal.Supervision.UseCases.Evaluations;

/// <summary>Who may rate which class (the one place of the rule).</summary>
internal static class EvaluationRules
{
    /// <summary>Record states that make a person a participant (a rejected or revoked record does not).</summary>
    public static readonly CreditRecordStatus[] Participant = [CreditRecordStatus.Pending, CreditRecordStatus.Approved];

    /// <summary>A class can be rated once it has ended (its last day is past or it was finished) and was not cancelled.</summary>
    public static bool Ended(TrainingClassStatus status, DateOnly endDate, DateOnly today) =>
        status != TrainingClassStatus.Cancelled && (status == TrainingClassStatus.Finished || endDate < today);
}
