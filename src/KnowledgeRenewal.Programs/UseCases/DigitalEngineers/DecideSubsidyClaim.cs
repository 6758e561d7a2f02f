using System.ComponentModel.DataAnnotations;
using FluentValidation;
using KnowledgeRenewal.Identity.Domain;
using KnowledgeRenewal.Kernel.Application;
using KnowledgeRenewal.Kernel.Persistence;
using KnowledgeRenewal.Programs.Domain;
using KnowledgeRenewal.Sdk;
using MediatR;

namespace KnowledgeRenewal.Programs.UseCases.DigitalEngineers;

/// <summary>A decision's body.</summary>
/// <param name="Decision"><c>approve</c> (核准) or <c>reject</c> (驳回).</param>
/// <param name="Comment">Comment; the reason, required when rejecting.</param>
internal sealed record ClaimDecisionBody(string? Decision, [property: DataType(DataType.MultilineText)] string? Comment)
{
    /// <summary>A body with nothing in it (what an empty request sends).</summary>
    public static ClaimDecisionBody Empty { get; } = new(null, null);
}

/// <summary>The county bureau the claim was filed in (or the program office) approves or rejects it (If-Match).</summary>
/// <param name="Id">The claim.</param>
/// <param name="IfMatch">The If-Match header.</param>
/// <param name="Body">The decision.</param>
internal sealed record DecideSubsidyClaim(Guid Id, string? IfMatch, ClaimDecisionBody Body) : IRequest<Versioned<SubsidyClaimView>>
{
    /// <inheritdoc />
    public override string ToString() => nameof(DecideSubsidyClaim);
}

/// <summary>Checks a decision: approve or reject, a reason to reject.</summary>
internal sealed class DecideSubsidyClaimValidator : AbstractValidator<DecideSubsidyClaim>
{
    /// <summary>Creates the validator.</summary>
    public DecideSubsidyClaimValidator()
    {
        RuleFor(d => d.Body.Decision).Must(d => ReviewDecisions.Parse(d) is not null).OverridePropertyName("decision")
            .WithErrorCode("invalid_value").WithMessage("审核结论（decision）应为 approve（核准）或 reject（驳回）。");
        RuleFor(d => DigitalInputRules.Trim(d.Body.Comment)).NotNull().When(d => ReviewDecisions.Parse(d.Body.Decision) == false).OverridePropertyName("comment")
            .WithErrorCode("required").WithMessage("驳回时请填写驳回理由（comment）。");
        RuleFor(d => DigitalInputRules.Trim(d.Body.Comment)).MaximumLength(SubsidyClaim.TextLength).OverridePropertyName("comment")
            .WithErrorCode("too_long").WithMessage($"审核意见（comment）最多 {SubsidyClaim.TextLength} 个字。");
    }
}

/// <summary>
/// Handles <see cref="DecideSubsidyClaim"/>: the claim within the caller's scope (404), a caller who decides its
/// county's claims and did not file it (<see cref="DigitalEngineerAccess.RequireApprover"/>), the ETag read (428/412),
/// a claim that waits for a decision (409).
/// </summary>
internal sealed class DecideSubsidyClaimHandler(PlatformDbContext db, ICurrentAccess access, IAuditActorProvider actors, TimeProvider clock)
    : IRequestHandler<DecideSubsidyClaim, Versioned<SubsidyClaimView>>
{
    /// <inheritdoc />
    public async Task<Versioned<SubsidyClaimView>> Handle(DecideSubsidyClaim request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var claim = await SubsidyClaimStore.FindAsync(db, request.Id, cancellationToken).ConfigureAwait(false);
        DigitalEngineerAccess.RequireApprover(access, claim);
        var read = Preconditions.Require(request.IfMatch, claim.ConcurrencyStamp);
        var actor = DigitalReaders.Actor(access, actors);
        claim.Decide(ReviewDecisions.Parse(request.Body.Decision)!.Value, actor.UserId, actor.Name, clock.GetUtcNow().UtcDateTime, DigitalInputRules.Trim(request.Body.Comment));
        return await SubsidyClaimStore.SaveAsync(db, claim, read, cancellationToken).ConfigureAwait(false);
    }
}
