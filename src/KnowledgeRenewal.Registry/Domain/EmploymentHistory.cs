using KnowledgeRenewal.Sdk;

namespace KnowledgeRenewal.Registry.Domain;

/// <summary>
/// The rule of a move to another employer: the open employment ends the day before the new one starts, so the
/// history has no gaps and no overlaps; the new start must be after the current one's start and not in the future,
/// and the new employer must be another one.
/// </summary>
public static class EmploymentHistory
{
    /// <summary>
    /// Checks a move; returns the last day of the current employment (null when there is no open one), or the
    /// errors (fields <c>employerCreditCode</c> and <c>startedOn</c>).
    /// </summary>
    /// <param name="currentEmployerId">The current employer.</param>
    /// <param name="currentStartedOn">First day of the open employment (null when the history has none, e.g. an imported record).</param>
    /// <param name="newEmployerId">The employer moved to.</param>
    /// <param name="startedOn">First day at the new employer.</param>
    /// <param name="today">Today in China.</param>
    public static (DateOnly? EndOfCurrent, IReadOnlyList<FieldError> Errors) Move(Guid currentEmployerId, DateOnly? currentStartedOn, Guid newEmployerId, DateOnly startedOn, DateOnly today)
    {
        var errors = new List<FieldError>();
        if (currentEmployerId == newEmployerId)
        {
            errors.Add(new FieldError("employerCreditCode", "move.same_employer", "调入单位与当前工作单位相同，无需办理调动。"));
        }

        if (startedOn > today)
        {
            errors.Add(new FieldError("startedOn", "move.started_on_future", $"调入日期（startedOn）不能晚于今天（{today:yyyy-MM-dd}）。"));
        }

        if (currentStartedOn is { } started && startedOn <= started)
        {
            errors.Add(new FieldError("startedOn", "move.started_on_too_early", $"调入日期（startedOn）应晚于当前任职的起始日期（{started:yyyy-MM-dd}）。"));
        }

        return errors.Count > 0 ? (null, errors) : (currentStartedOn is null ? null : startedOn.AddDays(-1), errors);
    }
}
