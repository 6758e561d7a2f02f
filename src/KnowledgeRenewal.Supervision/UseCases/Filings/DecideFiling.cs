using System.ComponentModel.DataAnnotations;
using FluentValidation;
using KnowledgeRenewal.Identity.Domain;
using KnowledgeRenewal.Kernel.Application;
using KnowledgeRenewal.Kernel.Persistence;
using KnowledgeRenewal.Sdk;
using KnowledgeRenewal.Supervision.Contracts;
using KnowledgeRenewal.Supervision.Domain.Filings;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace KnowledgeRenewal.Supervision.UseCases.Filings;

/// <summary>The program office's decision on a filing.</summary>
public enum FilingDecision
{
    /// <summary>Accept (接收): the plan counts for next year's annual plan.</summary>
    Accept = 1,

    /// <summary>Return with a reason (退回): the base corrects and submits again.</summary>
    Return = 2,
}

/// <summary>A decision's body.</summary>
/// <param name="Decision">Accept or Return.</param>
/// <param name="Reason">Why (required to return).</param>
internal sealed record FilingDecisionBody(FilingDecision? Decision, [property: DataType(DataType.MultilineText)] string? Reason);

/// <summary>The program office accepts a submitted filing or returns it with a reason (If-Match; 428/412; 409 unless submitted).</summary>
/// <param name="Id">The filing.</param>
/// <param name="IfMatch">The <c>If-Match</c> header.</param>
/// <param name="Body">The decision.</param>
internal sealed record DecideFiling(Guid Id, string? IfMatch, FilingDecisionBody Body) : IRequest<Versioned<FilingView>>
{
    /// <inheritdoc />
    public override string ToString() => nameof(DecideFiling);
}

/// <summary>Checks the decision and the reason of a return.</summary>
internal sealed class DecideFilingValidator : AbstractValidator<DecideFiling>
{
    /// <summary>Creates the validator.</summary>
    public DecideFilingValidator()
    {
        RuleFor(d => d.Body.Decision).NotNull().OverridePropertyName("decision").WithErrorCode("required").WithMessage("请选择接收或退回。");
        RuleFor(d => d.Body.Reason).Must(r => !string.IsNullOrWhiteSpace(r)).When(d => d.Body.Decision == FilingDecision.Return)
            .OverridePropertyName("reason").WithErrorCode("required").WithMessage("请填写退回理由，说明基地需要修改什么。");
        RuleFor(d => d.Body.Reason).MaximumLength(BaseFiling.ReasonLength).OverridePropertyName("reason")
            .WithErrorCode("too_long").WithMessage($"退回理由最多 {BaseFiling.ReasonLength} 个字。");
    }
}

/// <summary>Handles <see cref="DecideFiling"/>: the program office only (403).</summary>
internal sealed class DecideFilingHandler(PlatformDbContext db, FilingDesk desk, ICurrentAccess access, IAuditActorProvider actors)
    : IRequestHandler<DecideFiling, Versioned<FilingView>>
{
    /// <inheritdoc />
    public async Task<Versioned<FilingView>> Handle(DecideFiling request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!access.Roles.Any(FilingRules.Deciders.Contains) || !access.Scope.AllBusinessData)
        {
            throw new PlatformException("supervision.filing_not_program_office", 403, "只有市项目办可以接收或退回报送", "基地的年度报送由市项目办接收或退回。");
        }

        var filing = await db.BaseFilings.FirstOrDefaultAsync(f => f.Id == request.Id, cancellationToken).ConfigureAwait(false)
            ?? throw FilingDesk.NotFound(request.Id);
        db.Entry(filing).Property(f => f.ConcurrencyStamp).OriginalValue = Preconditions.Require(request.IfMatch, filing.ConcurrencyStamp);
        if (!FilingRules.MayDecide(filing.Status))
        {
            throw new PlatformException("supervision.filing_not_submitted", 409, "这份报送不在待审核状态",
                filing.Status == BaseFilingStatus.Accepted ? "这份报送已经接收。" : "这份报送已经退回，等待基地修改后重新报送。");
        }

        var now = desk.Now;
        var by = actors.Current.Name;
        var accept = request.Body.Decision == FilingDecision.Accept;
        var reason = accept ? null : request.Body.Reason!.Trim();
        filing.Status = accept ? BaseFilingStatus.Accepted : BaseFilingStatus.Returned;
        filing.ReturnReason = reason;
        filing.DecidedAt = now;
        filing.DecidedByName = by;
        filing.ConcurrencyStamp = Guid.NewGuid();
        db.BaseFilingEvents.Add(new BaseFilingEvent { FilingId = filing.Id, Action = accept ? BaseFilingAction.Accepted : BaseFilingAction.Returned, At = now, ByName = by, Reason = reason });
        try
        {
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw Preconditions.Stale();
        }

        return await desk.ViewAsync(filing.Id, cancellationToken).ConfigureAwait(false);
    }
}
