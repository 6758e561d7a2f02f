using System.ComponentModel.DataAnnotations;
using FluentValidation;
using KnowledgeRenewal.Identity.Domain;
using KnowledgeRenewal.Kernel.Application;
using KnowledgeRenewal.Kernel.Persistence;
using KnowledgeRenewal.Sdk;
using KnowledgeRenewal.Supervision.Domain.Funding;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace KnowledgeRenewal.Supervision.UseCases.Funding;

/// <summary>The program office's decision on a fee standard.</summary>
public enum FeeDecision
{
    /// <summary>Approve (核准): the standard becomes public.</summary>
    Approve = 1,

    /// <summary>Return with a reason (退回): the base corrects and declares again.</summary>
    Return = 2,
}

/// <summary>A decision's body.</summary>
/// <param name="Decision">Approve or Return.</param>
/// <param name="Reason">Why (required to return).</param>
public sealed record FeeDecisionBody(FeeDecision? Decision, [property: DataType(DataType.MultilineText)] string? Reason);

/// <summary>The program office approves a waiting fee standard or returns it with a reason (If-Match; 428/412; 409 unless waiting).</summary>
/// <param name="Id">The standard.</param>
/// <param name="IfMatch">The <c>If-Match</c> header.</param>
/// <param name="Body">The decision.</param>
internal sealed record DecideFeeStandard(Guid Id, string? IfMatch, FeeDecisionBody Body) : IRequest<Versioned<FeeStandardView>>
{
    /// <inheritdoc />
    public override string ToString() => nameof(DecideFeeStandard);
}

/// <summary>Checks the decision and the reason of a return.</summary>
internal sealed class DecideFeeStandardValidator : AbstractValidator<DecideFeeStandard>
{
    /// <summary>Creates the validator.</summary>
    public DecideFeeStandardValidator()
    {
        RuleFor(d => d.Body.Decision).NotNull().Must(d => d is null || Enum.IsDefined(d.Value)).OverridePropertyName("decision").WithErrorCode("required").WithMessage("请选择核准或退回。");
        RuleFor(d => d.Body.Reason).Must(r => !string.IsNullOrWhiteSpace(r)).When(d => d.Body.Decision == FeeDecision.Return)
            .OverridePropertyName("reason").WithErrorCode("required").WithMessage("请填写退回理由，说明基地需要修改什么。");
        RuleFor(d => d.Body.Reason).MaximumLength(FeeStandard.ReasonLength).OverridePropertyName("reason")
            .WithErrorCode("too_long").WithMessage($"退回理由最多 {FeeStandard.ReasonLength} 个字。");
    }
}

/// <summary>Handles <see cref="DecideFeeStandard"/>: the program office only (403). The data layer audits the change.</summary>
internal sealed class DecideFeeStandardHandler(PlatformDbContext db, FeeDesk desk, ICurrentAccess access, IAuditActorProvider actors)
    : IRequestHandler<DecideFeeStandard, Versioned<FeeStandardView>>
{
    /// <inheritdoc />
    public async Task<Versioned<FeeStandardView>> Handle(DecideFeeStandard request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!FundingAccess.IsOffice(access))
        {
            throw new PlatformException(FundingProblemCodes.NotOffice, 403, "只有市项目办可以核准或退回收费标准", "基地的收费标准由市项目办核准或退回。");
        }

        var standard = await desk.StandardAsync(request.Id, tracked: true, cancellationToken).ConfigureAwait(false);
        db.Entry(standard).Property(f => f.ConcurrencyStamp).OriginalValue = Preconditions.Require(request.IfMatch, standard.ConcurrencyStamp);
        if (standard.Status != FeeStandardStatus.Submitted)
        {
            throw new PlatformException(FeeProblemCodes.NotSubmitted, 409, "这份收费标准不在待审核状态",
                standard.Status == FeeStandardStatus.Approved ? "这份收费标准已经核准。" : "这份收费标准已经退回，等待基地修改后重新申报。");
        }

        var approve = request.Body.Decision == FeeDecision.Approve;
        standard.Status = approve ? FeeStandardStatus.Approved : FeeStandardStatus.Returned;
        standard.ReturnReason = approve ? null : request.Body.Reason!.Trim();
        standard.DecidedAt = desk.Now;
        standard.DecidedByName = actors.Current.Name;
        standard.ConcurrencyStamp = Guid.NewGuid();
        try
        {
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw Preconditions.Stale();
        }

        return new Versioned<FeeStandardView>(FeeDesk.View(standard, access), standard.ConcurrencyStamp);
    }
}
