using KnowledgeRenewal.Sdk;

namespace KnowledgeRenewal.Registry.Domain;

/// <summary>
/// The rule of a move to another employer: the open employment ends the day before the new one starts, so the
/// history has no gaps and no overlaps; the new start must be after the current one's start and not in the future,
/// and the new employer must be another one. The rule of leaving (<see cref="Leave"/>): a person who is in post
/// leaves (离职, 调出本市) or retires (退休) on a day not in the future and not before the open employment's start; that
/// day ends the open employment.
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

    /// <summary>Problem code: the person already left or retired (409).</summary>
    public const string AlreadyLeft = "leave.already_left";

    /// <summary>
    /// Problem code: a change of the details tried to change the status (409). The status changes only with a leaving,
    /// which also ends the open employment; an edit that says nothing of the status keeps it.
    /// </summary>
    public const string StatusThroughLeaving = "professional.status_through_leaving";

    /// <summary>The statuses a leaving records: 离职 (<see cref="ProfessionalStatus.Left"/>) and 退休 (<see cref="ProfessionalStatus.Retired"/>).</summary>
    public static bool IsLeaving(ProfessionalStatus? status) => status is ProfessionalStatus.Left or ProfessionalStatus.Retired;

    /// <summary>
    /// Checks a leaving: 409 <see cref="AlreadyLeft"/> when the person is no longer in post; otherwise the errors of
    /// the day (field <c>leftOn</c>): not after today, not before the open employment's first day (the same day is a
    /// one-day employment). The open employment then ends on <paramref name="leftOn"/>.
    /// </summary>
    /// <param name="currentStatus">The person's status now.</param>
    /// <param name="currentStartedOn">First day of the open employment (null when the history has none).</param>
    /// <param name="leftOn">The last day in post.</param>
    /// <param name="today">Today in China.</param>
    public static IReadOnlyList<FieldError> Leave(ProfessionalStatus currentStatus, DateOnly? currentStartedOn, DateOnly leftOn, DateOnly today)
    {
        if (currentStatus != ProfessionalStatus.Active)
        {
            var label = currentStatus == ProfessionalStatus.Retired ? "退休" : "离职";
            throw new PlatformException(AlreadyLeft, 409, "该人员已不在职", $"该人员已办理{label}，不能再次办理离职或退休。");
        }

        var errors = new List<FieldError>();
        if (leftOn > today)
        {
            errors.Add(new FieldError("leftOn", "leave.left_on_future", $"离开日期（leftOn）不能晚于今天（{today:yyyy-MM-dd}）。"));
        }

        if (currentStartedOn is { } started && leftOn < started)
        {
            errors.Add(new FieldError("leftOn", "leave.left_on_too_early", $"离开日期（leftOn）不能早于当前任职的起始日期（{started:yyyy-MM-dd}）。"));
        }

        return errors;
    }
}
