using FluentValidation;
using KnowledgeRenewal.Kernel.Application;
using KnowledgeRenewal.Sdk;

namespace KnowledgeRenewal.UnitTests.Application.Behaviors;

/// <summary>
/// A validator reports what a domain rule found as it is: field, code, message and the row of a list (the pipeline
/// turns the failure back into the same field error), and a body inside the request with the body's own validator.
/// </summary>
public sealed class FieldErrorValidationTests
{
    [Fact]
    public async Task A_domain_rules_field_errors_reach_the_client_as_they_are_with_their_row()
    {
        var rule = new FieldError("targets[3].key", "invalid", "第 4 项目标的项目类型无效。", 4);
        var behavior = new ValidationBehavior<Plan, string>([new PlanValidator(rule)]);

        var error = await Assert.ThrowsAsync<RequestValidationException>(() => behavior.Handle(new Plan(new Body("")), CancellationToken.None, Handled));

        Assert.Equal([rule, new FieldError("notes", "required", "请填写说明。")], error.Errors);
        Assert.Equal(4, error.Errors[0].Row);
        Assert.Null(error.Errors[1].Row);
    }

    [Fact]
    public async Task A_body_is_checked_by_its_own_validator_under_its_own_field_names_and_a_missing_one_adds_nothing()
    {
        var behavior = new ValidationBehavior<Plan, string>([new PlanValidator(null)]);

        var invalid = await Assert.ThrowsAsync<RequestValidationException>(() => behavior.Handle(new Plan(new Body("")), CancellationToken.None, Handled));

        Assert.Equal([new FieldError("notes", "required", "请填写说明。")], invalid.Errors);
        Assert.Equal("handled", await behavior.Handle(new Plan(null), CancellationToken.None, Handled));
        Assert.Equal("handled", await behavior.Handle(new Plan(new Body("说明")), CancellationToken.None, Handled));
    }

    private static Task<string> Handled() => Task.FromResult("handled");

    public sealed record Plan(Body? Body);

    public sealed record Body(string Notes);

    private sealed class BodyValidator : AbstractValidator<Body>
    {
        public BodyValidator() => RuleFor(b => b.Notes).NotEmpty().OverridePropertyName("notes").WithErrorCode("required").WithMessage("请填写说明。");
    }

    private sealed class PlanValidator : AbstractValidator<Plan>
    {
        public PlanValidator(FieldError? domainError)
        {
            RuleFor(p => p).Custom((_, context) => context.AddFieldError(domainError));
            RuleFor(p => p.Body).Custom((body, context) => context.AddFailuresOf(new BodyValidator(), body));
        }
    }
}
