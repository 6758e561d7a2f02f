using System.ComponentModel.DataAnnotations;
using FluentValidation;
using KnowledgeRenewal.Credits.Domain;
using KnowledgeRenewal.Kernel.Application;
using MediatR;

namespace KnowledgeRenewal.Credits.UseCases.Declarations;

/// <summary>A withdrawal's body (optional).</summary>
/// <param name="Reason">Why, if the person wants to say.</param>
internal sealed record WithdrawBody([property: DataType(DataType.MultilineText)] string? Reason);

/// <summary>The person withdraws their declaration while it is undecided; its credit record is rejected (本人撤回).</summary>
/// <param name="Id">The declaration.</param>
/// <param name="IfMatch">The <c>If-Match</c> header.</param>
/// <param name="Body">An optional reason.</param>
internal sealed record WithdrawDeclaration(Guid Id, string? IfMatch, WithdrawBody? Body) : IRequest<Versioned<DeclarationView>>
{
    /// <inheritdoc />
    public override string ToString() => nameof(WithdrawDeclaration);
}

/// <summary>Checks a withdrawal's reason.</summary>
internal sealed class WithdrawDeclarationValidator : AbstractValidator<WithdrawDeclaration>
{
    /// <summary>Creates the validator.</summary>
    public WithdrawDeclarationValidator() =>
        RuleFor(w => w.Body == null ? null : w.Body.Reason).MaximumLength(CreditRecord.ReasonLength - 8).OverridePropertyName("reason").When(w => w.Body is not null)
            .WithErrorCode("too_long").WithMessage($"撤回说明（reason）最多 {CreditRecord.ReasonLength - 8} 个字。");
}

/// <summary>
/// Handles <see cref="WithdrawDeclaration"/>: the declarant alone (403, <see cref="DeclarationAccess.EnsureMayWithdraw"/>),
/// at the version read (428/412), while undecided (409).
/// </summary>
internal sealed class WithdrawDeclarationHandler(DeclarationWriter declarations) : IRequestHandler<WithdrawDeclaration, Versioned<DeclarationView>>
{
    /// <inheritdoc />
    public async Task<Versioned<DeclarationView>> Handle(WithdrawDeclaration request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var declaration = await declarations.FindAsync(request.Id, cancellationToken).ConfigureAwait(false);
        DeclarationAccess.EnsureMayWithdraw(declarations.Caller, await declarations.OwnerAsync(declaration, cancellationToken).ConfigureAwait(false));
        var read = Preconditions.Require(request.IfMatch, declaration.ConcurrencyStamp);
        DeclarationReview.EnsureWithdrawable(declaration);
        var record = await declarations.RecordAsync(declaration, cancellationToken).ConfigureAwait(false);
        DeclarationReview.Withdraw(declaration, record, declarations.Actor, declarations.Now, request.Body?.Reason);
        return await declarations.SaveAsync(declaration, read, record, cancellationToken).ConfigureAwait(false);
    }
}
