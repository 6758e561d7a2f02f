using KnowledgeRenewal.Sdk;

namespace KnowledgeRenewal.Credits.Domain;

/// <summary>The two review steps of a declaration.</summary>
public static class ReviewSteps
{
    /// <summary>The employer's step (单位审核).</summary>
    public const string Employer = "employer";

    /// <summary>The department's step (主管部门审核).</summary>
    public const string Department = "department";
}

/// <summary>
/// How a declaration is decided. The employer's step (by the HR of the employer at submission): approve sends it on
/// to the department, reject ends it and rejects its credit record. The department's step (by the administrators of
/// its sector or the program office): approve approves the credit record, reject rejects it. The person may
/// withdraw it while it is undecided; its record is then rejected as <see cref="WithdrawnReason"/>.
/// </summary>
public static class DeclarationReview
{
    /// <summary>The reason a withdrawn declaration's record is rejected with.</summary>
    public const string WithdrawnReason = "本人撤回";

    /// <summary>Whether deciding <paramref name="step"/> this way decides the credit record too (it must then be loaded).</summary>
    public static bool DecidesRecord(string step, bool approve) => step != ReviewSteps.Employer || !approve;

    /// <summary>409 <c>declaration.wrong_step</c> unless <paramref name="declaration"/> awaits <paramref name="step"/>.</summary>
    public static void EnsureAwaiting(ActivityDeclaration declaration, string step)
    {
        ArgumentNullException.ThrowIfNull(declaration);
        var employerStep = step == ReviewSteps.Employer;
        var expected = employerStep ? DeclarationStatus.AwaitingEmployer : DeclarationStatus.AwaitingDepartment;
        if (declaration.Status != expected)
        {
            throw WrongStep(declaration.Status, employerStep ? "单位审核" : "主管部门审核", $"只有“{DeclarationLabels.Status(expected)}”的申报可以进行该审核");
        }
    }

    /// <summary>
    /// Records the decision of <paramref name="step"/> on <paramref name="declaration"/> and, when it decides it
    /// (<see cref="DecidesRecord"/>), on its <paramref name="record"/>; 409 <c>declaration.wrong_step</c> unless the
    /// declaration awaits that step (<see cref="EnsureAwaiting"/>); a rejection needs <paramref name="comment"/> (the
    /// record's rule).
    /// </summary>
    public static void Decide(ActivityDeclaration declaration, string step, bool approve, LedgerActor reviewer, DateTime at, string? comment, CreditRecord? record)
    {
        ArgumentNullException.ThrowIfNull(reviewer);
        EnsureAwaiting(declaration, step);
        var employerStep = step == ReviewSteps.Employer;
        if (DecidesRecord(step, approve))
        {
            ArgumentNullException.ThrowIfNull(record);
        }

        if (employerStep)
        {
            declaration.EmployerReviewerName = reviewer.Name;
            declaration.EmployerReviewedAt = at;
            declaration.EmployerComment = comment;
            declaration.Status = approve ? DeclarationStatus.AwaitingDepartment : DeclarationStatus.Rejected;
            if (!approve)
            {
                record!.Reject(reviewer, at, comment!);
            }
        }
        else
        {
            declaration.DepartmentReviewerName = reviewer.Name;
            declaration.DepartmentReviewedAt = at;
            declaration.DepartmentComment = comment;
            declaration.Status = approve ? DeclarationStatus.Approved : DeclarationStatus.Rejected;
            if (approve)
            {
                record!.Approve(reviewer, at, comment);
            }
            else
            {
                record!.Reject(reviewer, at, comment!);
            }
        }
    }

    /// <summary>409 <c>declaration.wrong_step</c> unless <paramref name="declaration"/> is still undecided (awaiting either step).</summary>
    public static void EnsureWithdrawable(ActivityDeclaration declaration)
    {
        ArgumentNullException.ThrowIfNull(declaration);
        if (declaration.Status is not (DeclarationStatus.AwaitingEmployer or DeclarationStatus.AwaitingDepartment))
        {
            throw WrongStep(declaration.Status, "撤回", "只有尚未审核完毕（待单位审核或待主管部门审核）的申报可以撤回");
        }
    }

    /// <summary>Withdraws <paramref name="declaration"/> (<see cref="EnsureWithdrawable"/>): its record is rejected as 本人撤回, with the person's reason if any.</summary>
    public static void Withdraw(ActivityDeclaration declaration, CreditRecord record, LedgerActor person, DateTime at, string? reason)
    {
        ArgumentNullException.ThrowIfNull(record);
        EnsureWithdrawable(declaration);
        var text = LedgerRules.Trim(reason);
        record.Reject(person, at, text is null ? WithdrawnReason : $"{WithdrawnReason}：{text}");
        declaration.Status = DeclarationStatus.Withdrawn;
    }

    private static PlatformException WrongStep(DeclarationStatus status, string action, string rule) => new(
        DeclarationProblemCodes.WrongStep,
        409,
        "申报状态不允许该操作",
        $"该申报当前为“{DeclarationLabels.Status(status)}”，不能{action}：{rule}。");
}
