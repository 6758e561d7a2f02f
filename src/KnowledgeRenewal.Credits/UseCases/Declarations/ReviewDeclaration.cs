using KnowledgeRenewal.Kernel.Application;
using System.ComponentModel.DataAnnotations;
using FluentValidation;
using KnowledgeRenewal.Identity.Domain;
using KnowledgeRenewal.Identity.UseCases.Audit;
using KnowledgeRenewal.Credits.Demo;
using KnowledgeRenewal.Credits.Domain;
using KnowledgeRenewal.Kernel.Persistence;
using KnowledgeRenewal.Registry.Persistence;
using KnowledgeRenewal.Credits.UseCases.Ledger;
using KnowledgeRenewal.Credits.Web;
using KnowledgeRenewal.Kernel.Access;
using KnowledgeRenewal.Registry.UseCases;
using KnowledgeRenewal.Registry.Web;
using KnowledgeRenewal.Sdk;
using MediatR;
using Microsoft.EntityFrameworkCore;
using KnowledgeRenewal.Identity.Contracts;
using KnowledgeRenewal.Registry.Contracts;
using KnowledgeRenewal.Programs.Contracts;
using KnowledgeRenewal.Credits.Contracts;

namespace KnowledgeRenewal.Credits.UseCases.Declarations;

/// <summary>A review's body.</summary>
/// <param name="Decision"><c>approve</c> (通过) or <c>reject</c> (驳回).</param>
/// <param name="Comment">The comment; the reason, required when rejecting.</param>
public sealed record ReviewBody(string? Decision, [property: DataType(DataType.MultilineText)] string? Comment);

/// <summary>A withdrawal's body (optional).</summary>
/// <param name="Reason">Why, if the person wants to say.</param>
public sealed record WithdrawBody([property: DataType(DataType.MultilineText)] string? Reason);

/// <summary>
/// A review step of a declaration: the employer's (<see cref="ReviewSteps.Employer"/>) by the HR of the employer
/// at submission — approve sends it on to the department, reject ends it and rejects its credit record; the
/// department's (<see cref="ReviewSteps.Department"/>) by the department administrators of its sector or the
/// program office — approve approves the credit record, reject rejects it. Needs the declaration's
/// <c>ETag</c> in <c>If-Match</c>, so of two reviewers acting at once exactly one wins.
/// </summary>
/// <param name="Id">The declaration.</param>
/// <param name="Step">The step.</param>
/// <param name="IfMatch">The <c>If-Match</c> header.</param>
/// <param name="Body">The decision and comment.</param>
public sealed record ReviewDeclaration(Guid Id, string Step, string? IfMatch, ReviewBody? Body) : IRequest<Versioned<DeclarationView>>
{
    /// <inheritdoc />
    public override string ToString() => nameof(ReviewDeclaration);
}

/// <summary>The person withdraws their declaration while it is undecided; its credit record is rejected (本人撤回).</summary>
/// <param name="Id">The declaration.</param>
/// <param name="IfMatch">The <c>If-Match</c> header.</param>
/// <param name="Body">An optional reason.</param>
public sealed record WithdrawDeclaration(Guid Id, string? IfMatch, WithdrawBody? Body) : IRequest<Versioned<DeclarationView>>
{
    /// <inheritdoc />
    public override string ToString() => nameof(WithdrawDeclaration);
}

/// <summary>Checks a review's decision and comment (a rejection needs a reason).</summary>
public sealed class ReviewDeclarationValidator : AbstractValidator<ReviewDeclaration>
{
    /// <summary>Creates the validator.</summary>
    public ReviewDeclarationValidator()
    {
        RuleFor(r => r.Body == null ? null : r.Body.Decision).Must(d => ReviewDecisions.Parse(d) is not null).OverridePropertyName("decision")
            .WithErrorCode("invalid_value").WithMessage("审核结论（decision）应为 approve（通过）或 reject（驳回）。");
        RuleFor(r => r.Body == null ? null : r.Body.Comment).MaximumLength(CreditRecord.ReasonLength).OverridePropertyName("comment")
            .WithErrorCode("too_long").WithMessage($"审核意见（comment）最多 {CreditRecord.ReasonLength} 个字。");
        RuleFor(r => r.Body == null ? null : r.Body.Comment).Must(c => !string.IsNullOrWhiteSpace(c)).OverridePropertyName("comment")
            .When(r => ReviewDecisions.Parse(r.Body?.Decision) == false)
            .WithErrorCode("required").WithMessage("驳回时请填写驳回理由（comment）。");
    }
}

/// <summary>Checks a withdrawal's reason.</summary>
public sealed class WithdrawDeclarationValidator : AbstractValidator<WithdrawDeclaration>
{
    /// <summary>Creates the validator.</summary>
    public WithdrawDeclarationValidator() =>
        RuleFor(w => w.Body == null ? null : w.Body.Reason).MaximumLength(CreditRecord.ReasonLength - 8).OverridePropertyName("reason").When(w => w.Body is not null)
            .WithErrorCode("too_long").WithMessage($"撤回说明（reason）最多 {CreditRecord.ReasonLength - 8} 个字。");
}

/// <summary>Handles reviews and withdrawals.</summary>
public sealed class ReviewDeclarationHandler(
    PlatformDbContext db,
    DeclarationAccess access,
    IAuditActorProvider actors,
    LedgerChanges ledger,
    TimeProvider clock)
    : IRequestHandler<ReviewDeclaration, Versioned<DeclarationView>>,
      IRequestHandler<WithdrawDeclaration, Versioned<DeclarationView>>
{
    /// <summary>The reason a withdrawn declaration's record is rejected with.</summary>
    public const string WithdrawnReason = "本人撤回";

    /// <inheritdoc />
    public async Task<Versioned<DeclarationView>> Handle(ReviewDeclaration request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var employerStep = request.Step == ReviewSteps.Employer;
        var declaration = await FindAsync(request.Id, cancellationToken).ConfigureAwait(false);
        if (employerStep ? !access.IsEmployerReviewer(declaration) : !access.IsDepartmentReviewer(declaration))
        {
            throw new PlatformException(DeclarationProblemCodes.NotReviewer, StatusCodes.Status403Forbidden, "无权审核该申报", employerStep
                ? "单位审核由申报人提交申报时所在用人单位的人事管理员进行，您不是该单位的人事管理员。"
                : "主管部门审核由申报人所属行业的主管部门管理员（或项目办）进行，该申报不属于您管理的行业。");
        }

        if (access.IsSelf(await OwnerAsync(declaration, cancellationToken).ConfigureAwait(false)))
        {
            throw new PlatformException(DeclarationProblemCodes.SelfReview, StatusCodes.Status403Forbidden, "不能审核本人的申报",
                "这是您本人的申报，不能由您审核；请由单位其他人事管理员或主管部门审核。");
        }

        var read = Preconditions.Require(request.IfMatch, declaration.ConcurrencyStamp);
        var expected = employerStep ? DeclarationStatus.AwaitingEmployer : DeclarationStatus.AwaitingDepartment;
        if (declaration.Status != expected)
        {
            throw WrongStep(declaration.Status, employerStep ? "单位审核" : "主管部门审核", $"只有“{DeclarationLabels.Status(expected)}”的申报可以进行该审核");
        }

        var approve = ReviewDecisions.Parse(request.Body?.Decision) == true;
        var comment = LedgerRules.Trim(request.Body?.Comment);
        var actor = Actor();
        var now = clock.GetUtcNow().UtcDateTime;
        CreditRecord? record = null;
        if (employerStep)
        {
            declaration.EmployerReviewerName = actor.Name;
            declaration.EmployerReviewedAt = now;
            declaration.EmployerComment = comment;
            declaration.Status = approve ? DeclarationStatus.AwaitingDepartment : DeclarationStatus.Rejected;
            if (!approve)
            {
                record = await RecordAsync(declaration, cancellationToken).ConfigureAwait(false);
                record.Reject(actor, now, comment!);
            }
        }
        else
        {
            declaration.DepartmentReviewerName = actor.Name;
            declaration.DepartmentReviewedAt = now;
            declaration.DepartmentComment = comment;
            declaration.Status = approve ? DeclarationStatus.Approved : DeclarationStatus.Rejected;
            record = await RecordAsync(declaration, cancellationToken).ConfigureAwait(false);
            if (approve)
            {
                record.Approve(actor, now, comment);
            }
            else
            {
                record.Reject(actor, now, comment!);
            }
        }

        await SaveAsync(declaration, read, record, cancellationToken).ConfigureAwait(false);
        return await DeclarationViews.GetAsync(db, declaration.Id, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<Versioned<DeclarationView>> Handle(WithdrawDeclaration request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var declaration = await FindAsync(request.Id, cancellationToken).ConfigureAwait(false);
        if (!access.IsSelf(await OwnerAsync(declaration, cancellationToken).ConfigureAwait(false)))
        {
            throw new PlatformException(DeclarationProblemCodes.NotReviewer, StatusCodes.Status403Forbidden, "无权撤回该申报", "只有申报人本人可以撤回申报。");
        }

        var read = Preconditions.Require(request.IfMatch, declaration.ConcurrencyStamp);
        if (declaration.Status is not (DeclarationStatus.AwaitingEmployer or DeclarationStatus.AwaitingDepartment))
        {
            throw WrongStep(declaration.Status, "撤回", "只有尚未审核完毕（待单位审核或待主管部门审核）的申报可以撤回");
        }

        var reason = LedgerRules.Trim(request.Body?.Reason);
        var record = await RecordAsync(declaration, cancellationToken).ConfigureAwait(false);
        record.Reject(Actor(), clock.GetUtcNow().UtcDateTime, reason is null ? WithdrawnReason : $"{WithdrawnReason}：{reason}");
        declaration.Status = DeclarationStatus.Withdrawn;
        await SaveAsync(declaration, read, record, cancellationToken).ConfigureAwait(false);
        return await DeclarationViews.GetAsync(db, declaration.Id, cancellationToken).ConfigureAwait(false);
    }

    private async Task<ActivityDeclaration> FindAsync(Guid id, CancellationToken cancellationToken) =>
        await db.ActivityDeclarations.FirstOrDefaultAsync(d => d.Id == id, cancellationToken).ConfigureAwait(false)
        ?? throw DeclarationViews.NotFound(id);

    // The declarant's account (read by id: the caller may review a person it no longer sees after a move).
    private Task<Guid?> OwnerAsync(ActivityDeclaration declaration, CancellationToken cancellationToken) =>
        db.Professionals.IgnoreQueryFilters([PlatformDbContext.AccessScopeFilter])
            .Where(p => p.Id == declaration.ProfessionalId)
            .Select(p => p.UserId)
            .FirstOrDefaultAsync(cancellationToken);

    // The declaration's own credit record (by id, for the same reason).
    private async Task<CreditRecord> RecordAsync(ActivityDeclaration declaration, CancellationToken cancellationToken) =>
        await db.CreditRecords.IgnoreQueryFilters([PlatformDbContext.AccessScopeFilter])
            .FirstOrDefaultAsync(r => r.Id == declaration.CreditRecordId, cancellationToken)
            .ConfigureAwait(false)
        ?? throw new InvalidOperationException($"Credit record {declaration.CreditRecordId} of declaration {declaration.Id} is missing.");

    // Compare-and-swap on the stamp the client read; the record changes in the same transaction, then the ledger
    // change is published before the commit.
    private async Task SaveAsync(ActivityDeclaration declaration, Guid read, CreditRecord? record, CancellationToken cancellationToken)
    {
        db.Entry(declaration).Property(d => d.ConcurrencyStamp).OriginalValue = read;
        declaration.ConcurrencyStamp = Guid.NewGuid();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw Preconditions.Stale();
        }

        if (record is not null)
        {
            await ledger.PublishAsync(db, [new PersonYear(record.ProfessionalId, record.CreditYear)], cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    private LedgerActor Actor() => new(access.UserId, actors.Current.UserName ?? "unknown");

    private static PlatformException WrongStep(DeclarationStatus status, string action, string rule) => new(
        DeclarationProblemCodes.WrongStep,
        StatusCodes.Status409Conflict,
        "申报状态不允许该操作",
        $"该申报当前为“{DeclarationLabels.Status(status)}”，不能{action}：{rule}。");
}
