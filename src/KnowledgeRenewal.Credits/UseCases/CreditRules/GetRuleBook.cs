using FluentValidation;
using KnowledgeRenewal.Sdk;
using MediatR;

using KnowledgeRenewal.Credits.Domain;
using KnowledgeRenewal.Kernel;
using KnowledgeRenewal.Kernel.Time;
namespace KnowledgeRenewal.Credits.UseCases.CreditRules;

/// <summary>The rule book of a scope: <c>platform</c> or an enabled module's key.</summary>
/// <param name="Scope">The scope.</param>
/// <param name="On">Day for which to mark the set in force; today (China time) when null.</param>
public sealed record GetRuleBook(string Scope, DateOnly? On = null) : IRequest<RuleBookView>;

/// <summary>A rule book as the API shows it.</summary>
/// <param name="Scope">The scope.</param>
/// <param name="InForce">The set in force on the requested day, if any.</param>
/// <param name="RuleSets">Every set, oldest first.</param>
public sealed record RuleBookView(string Scope, CreditRuleSet? InForce, IReadOnlyList<CreditRuleSet> RuleSets);

/// <summary>Validates <see cref="GetRuleBook"/>.</summary>
public sealed class GetRuleBookValidator : AbstractValidator<GetRuleBook>
{
    /// <summary>Creates the validator.</summary>
    public GetRuleBookValidator()
    {
        RuleFor(r => r.Scope)
            .NotEmpty().WithErrorCode("required").WithMessage("请填写规则范围（scope）。")
            .Must(s => s == PlatformCreditRules.Scope || ModuleContract.IsValidKey(s))
            .WithErrorCode("invalid_format")
            .WithMessage("规则范围（scope）应为 platform 或模块标识（小写字母、数字、连字符）。");
    }
}

/// <summary>Handles <see cref="GetRuleBook"/>.</summary>
public sealed class GetRuleBookHandler(CreditRuleBooks books, TimeProvider clock) : IRequestHandler<GetRuleBook, RuleBookView>
{
    /// <inheritdoc />
    public Task<RuleBookView> Handle(GetRuleBook request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var book = request.Scope == PlatformCreditRules.Scope
            ? books.Platform
            : books.ForModule(request.Scope) ?? throw new NotFoundException("规则范围", request.Scope);
        var day = request.On ?? ProgramCalendar.Today(clock);
        return Task.FromResult(new RuleBookView(book.Scope, book.InForceOn(day), book.RuleSets));
    }
}
