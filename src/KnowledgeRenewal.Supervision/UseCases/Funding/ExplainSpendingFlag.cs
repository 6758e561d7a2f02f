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

/// <summary>The explanation's body.</summary>
/// <param name="Reason">Why the flagged spending is acceptable (e.g. the approved adjustment's reference).</param>
public sealed record ExplainSpendingBody([property: DataType(DataType.MultilineText)] string? Reason);

/// <summary>The program office marks a flagged line as explained, with a reason (If-Match).</summary>
/// <param name="Id">The line.</param>
/// <param name="IfMatch">The version read.</param>
/// <param name="Body">The reason.</param>
internal sealed record ExplainSpendingFlag(Guid Id, string? IfMatch, ExplainSpendingBody Body) : IRequest<Versioned<SpendingLineView>>
{
    /// <inheritdoc />
    public override string ToString() => nameof(ExplainSpendingFlag);
}

/// <summary>Checks the reason.</summary>
internal sealed class ExplainSpendingFlagValidator : AbstractValidator<ExplainSpendingFlag>
{
    /// <summary>Creates the validator.</summary>
    public ExplainSpendingFlagValidator() =>
        RuleFor(e => e.Body.Reason).Must(r => r is not null && r.Trim().Length is >= 4 and <= SpendingLine.ExplanationLength).OverridePropertyName("reason")
            .WithErrorCode("required").WithMessage($"请写明核实情况和认定理由（4 至 {SpendingLine.ExplanationLength} 个字），例如经批准的预算调整文号。");
}

/// <summary>Handles <see cref="ExplainSpendingFlag"/>: the program office only (403), a line with an open flag (409), the version read (428/412). The data layer audits the change.</summary>
internal sealed class ExplainSpendingFlagHandler(PlatformDbContext db, FundingDesk desk, ICurrentAccess access, IAuditActorProvider actors)
    : IRequestHandler<ExplainSpendingFlag, Versioned<SpendingLineView>>
{
    /// <inheritdoc />
    public async Task<Versioned<SpendingLineView>> Handle(ExplainSpendingFlag request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var line = await desk.LineAsync(request.Id, tracked: true, cancellationToken).ConfigureAwait(false);
        if (!FundingAccess.IsOffice(access))
        {
            throw new PlatformException(FundingProblemCodes.NotOffice, 403, "只有市项目办可以认定疑点支出", "疑点支出由市项目办核实后说明理由。");
        }

        db.Entry(line).Property(l => l.ConcurrencyStamp).OriginalValue = Preconditions.Require(request.IfMatch, line.ConcurrencyStamp);
        if (!line.OpenFlag)
        {
            throw new PlatformException(FundingProblemCodes.NothingToExplain, 409, "这条支出没有待核实的疑点",
                line.Flags == SpendingIssues.None ? "这条支出未被标记。" : "这条支出的疑点已经说明。");
        }

        line.Explain(request.Body.Reason!.Trim(), actors.Current.Name, desk.Now);
        try
        {
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw Preconditions.Stale();
        }

        return new Versioned<SpendingLineView>(await desk.ViewAsync(line, cancellationToken).ConfigureAwait(false), line.ConcurrencyStamp);
    }
}
