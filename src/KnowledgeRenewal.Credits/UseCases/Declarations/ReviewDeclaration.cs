using System.ComponentModel.DataAnnotations;
using FluentValidation;
using KnowledgeRenewal.Credits.Domain;
using KnowledgeRenewal.Kernel.Application;
using MediatR;

namespace KnowledgeRenewal.Credits.UseCases.Declarations;

/// <summary>A review's body.</summary>
/// <param name="Decision"><c>approve</c> (通过) or <c>reject</c> (驳回).</param>
/// <param name="Comment">The comment; the reason, required when rejecting.</param>
internal sealed record ReviewBody(string? Decision, [property: DataType(DataType.MultilineText)] string? Comment);

/// <summary>
/// A review step of a declaration (<see cref="DeclarationReview"/>): the employer's by the HR of the employer at
/// submission, the department's by the department administrators of its sector or the program office. Needs the
/// declaration's <c>ETag</c> in <c>If-Match</c>, so of two reviewers acting at once exactly one wins.
/// </summary>
/// <param name="Id">The declaration.</param>
/// <param name="Step">The step (<see cref="ReviewSteps"/>).</param>
/// <param name="IfMatch">The <c>If-Match</c> header.</param>
/// <param name="Body">The decision and comment.</param>
internal sealed record ReviewDeclaration(Guid Id, string Step, string? IfMatch, ReviewBody? Body) : IRequest<Versioned<DeclarationView>>
{
    /// <inheritdoc />
    public override string ToString() => nameof(ReviewDeclaration);
}

/// <summary>Checks a review's decision and comment (a rejection needs a reason).</summary>
internal sealed class ReviewDeclarationValidator : AbstractValidator<ReviewDeclaration>
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

/// <summary>
/// Handles <see cref="ReviewDeclaration"/>: a reviewer of the step who is not the declarant (403,
/// <see cref="DeclarationAccess.EnsureMayReview"/>), at the version read (428/412), at that step (409).
/// </summary>
internal sealed class ReviewDeclarationHandler(DeclarationWriter declarations) : IRequestHandler<ReviewDeclaration, Versioned<DeclarationView>>
{
    /// <inheritdoc />
    public async Task<Versioned<DeclarationView>> Handle(ReviewDeclaration request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var declaration = await declarations.FindAsync(request.Id, cancellationToken).ConfigureAwait(false);
        var owner = await declarations.OwnerAsync(declaration, cancellationToken).ConfigureAwait(false);
        DeclarationAccess.EnsureMayReview(declarations.Caller, declaration, request.Step, owner);
        var read = Preconditions.Require(request.IfMatch, declaration.ConcurrencyStamp);
        DeclarationReview.EnsureAwaiting(declaration, request.Step);

        var approve = ReviewDecisions.Parse(request.Body?.Decision) == true;
        var record = DeclarationReview.DecidesRecord(request.Step, approve)
            ? await declarations.RecordAsync(declaration, cancellationToken).ConfigureAwait(false)
            : null;
        DeclarationReview.Decide(declaration, request.Step, approve, declarations.Actor, declarations.Now, LedgerRules.Trim(request.Body?.Comment), record);
        return await declarations.SaveAsync(declaration, read, record, cancellationToken).ConfigureAwait(false);
    }
}
