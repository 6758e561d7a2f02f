using FluentValidation;
using KnowledgeRenewal.Identity.Domain;
using KnowledgeRenewal.Kernel.Application;
using KnowledgeRenewal.Kernel.Persistence;
using KnowledgeRenewal.Programs.Domain;
using KnowledgeRenewal.Sdk;
using MediatR;

namespace KnowledgeRenewal.Programs.UseCases.DigitalEngineers;

/// <summary>A payment's body.</summary>
/// <param name="Reference">Payment voucher number or note (required).</param>
internal sealed record ClaimPaymentBody(string? Reference)
{
    /// <summary>A body with nothing in it (what an empty request sends).</summary>
    public static ClaimPaymentBody Empty { get; } = new((string?)null);
}

/// <summary>Records the payment of an approved claim (If-Match).</summary>
/// <param name="Id">The claim.</param>
/// <param name="IfMatch">The If-Match header.</param>
/// <param name="Body">The payment.</param>
internal sealed record PaySubsidyClaim(Guid Id, string? IfMatch, ClaimPaymentBody Body) : IRequest<Versioned<SubsidyClaimView>>
{
    /// <inheritdoc />
    public override string ToString() => nameof(PaySubsidyClaim);
}

/// <summary>Checks a payment: its voucher number.</summary>
internal sealed class PaySubsidyClaimValidator : AbstractValidator<PaySubsidyClaim>
{
    /// <summary>Creates the validator.</summary>
    public PaySubsidyClaimValidator() =>
        RuleFor(p => DigitalInputRules.Trim(p.Body.Reference)).Cascade(CascadeMode.Stop)
            .NotNull().WithErrorCode("required").WithMessage("请填写发放凭证号（reference）。")
            .MaximumLength(SubsidyClaim.TextLength).WithErrorCode("too_long").WithMessage($"发放凭证号（reference）最多 {SubsidyClaim.TextLength} 个字。")
            .OverridePropertyName("reference");
}

/// <summary>
/// Handles <see cref="PaySubsidyClaim"/>: the claim within the caller's scope (404), a caller who decides its county's
/// claims and did not file it (<see cref="DigitalEngineerAccess.RequireApprover"/>), the ETag read (428/412), an
/// approved claim (409).
/// </summary>
internal sealed class PaySubsidyClaimHandler(PlatformDbContext db, ICurrentAccess access, IAuditActorProvider actors, TimeProvider clock)
    : IRequestHandler<PaySubsidyClaim, Versioned<SubsidyClaimView>>
{
    /// <inheritdoc />
    public async Task<Versioned<SubsidyClaimView>> Handle(PaySubsidyClaim request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var claim = await SubsidyClaimStore.FindAsync(db, request.Id, cancellationToken).ConfigureAwait(false);
        DigitalEngineerAccess.RequireApprover(access, claim);
        var read = Preconditions.Require(request.IfMatch, claim.ConcurrencyStamp);
        var actor = DigitalReaders.Actor(access, actors);
        claim.Pay(actor.UserId, actor.Name, clock.GetUtcNow().UtcDateTime, DigitalInputRules.Trim(request.Body.Reference));
        return await SubsidyClaimStore.SaveAsync(db, claim, read, cancellationToken).ConfigureAwait(false);
    }
}
