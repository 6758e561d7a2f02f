using FluentValidation;
using KnowledgeRenewal.Kernel.Application;
using KnowledgeRenewal.Sdk;

namespace KnowledgeRenewal.UnitTests.Application.Behaviors;

public class ValidationBehaviorTests
{
    private static readonly RegisterTrainee ValidRequest = new("health", new TraineeInput("王芳", "370811199001011234"));

    private int nextCalls;

    [Fact]
    public async Task An_invalid_request_is_refused_with_every_field_error_and_never_reaches_the_handler()
    {
        var behavior = new ValidationBehavior<RegisterTrainee, string>([new RegisterTraineeValidator()]);
        var request = new RegisterTrainee("", new TraineeInput("王芳", "3708"));

        var error = await Assert.ThrowsAsync<RequestValidationException>(() => behavior.Handle(request, CancellationToken.None, Next));

        Assert.Equal(0, nextCalls);
        Assert.Equal(400, error.Status);
        Assert.Equal(ProblemCodes.ValidationFailed, error.Code);
        Assert.Equal(
            [
                new FieldError("scope", "scope_required", "请填写适用范围。"),
                new FieldError("person.idNumber", "id_number_length", "身份证号应为18位。"),
            ],
            error.Errors);
    }

    [Fact]
    public async Task Errors_of_every_validator_of_the_request_are_reported_together()
    {
        var behavior = new ValidationBehavior<RegisterTrainee, string>([new RegisterTraineeValidator(), new TraineeNameValidator()]);
        var request = new RegisterTrainee("health", new TraineeInput("", "3708"));

        var error = await Assert.ThrowsAsync<RequestValidationException>(() => behavior.Handle(request, CancellationToken.None, Next));

        Assert.Equal(["person.idNumber", "person.name"], error.Errors.Select(e => e.Field));
        Assert.Equal(0, nextCalls);
    }

    [Fact]
    public async Task Text_or_enum_values_the_platform_refuses_stop_the_request_before_any_validator_or_handler()
    {
        var validator = new CountingValidator();
        var behavior = new ValidationBehavior<RegisterTrainee, string>([validator]);
        var request = new RegisterTrainee("health\u202E", new TraineeInput("王\u0000芳", "370811199001011234"));

        var error = await Assert.ThrowsAsync<RequestValidationException>(() => behavior.Handle(request, CancellationToken.None, Next));

        Assert.Equal(["scope", "name"], error.Errors.Select(e => e.Field));
        Assert.All(error.Errors, e => Assert.Equal("invalid_character", e.Code));
        Assert.Equal(0, validator.Calls);
        Assert.Equal(0, nextCalls);
    }

    [Fact]
    public async Task A_valid_request_goes_to_the_handler_once_and_returns_its_response()
    {
        var behavior = new ValidationBehavior<RegisterTrainee, string>([new RegisterTraineeValidator(), new TraineeNameValidator()]);

        var response = await behavior.Handle(ValidRequest, CancellationToken.None, Next);

        Assert.Equal("handled", response);
        Assert.Equal(1, nextCalls);
    }

    [Fact]
    public async Task A_request_without_validators_goes_to_the_handler()
    {
        var behavior = new ValidationBehavior<RegisterTrainee, string>([]);

        var response = await behavior.Handle(new RegisterTrainee("", new TraineeInput("", "")), CancellationToken.None, Next);

        Assert.Equal("handled", response);
        Assert.Equal(1, nextCalls);
    }

    [Fact]
    public async Task A_missing_next_step_is_refused()
    {
        var behavior = new ValidationBehavior<RegisterTrainee, string>([]);

        await Assert.ThrowsAsync<ArgumentNullException>(() => behavior.Handle(ValidRequest, CancellationToken.None, null!));
    }

    private Task<string> Next()
    {
        nextCalls++;
        return Task.FromResult("handled");
    }

    public sealed record RegisterTrainee(string Scope, TraineeInput Person);

    public sealed record TraineeInput(string Name, string IdNumber);

    private sealed class RegisterTraineeValidator : AbstractValidator<RegisterTrainee>
    {
        public RegisterTraineeValidator()
        {
            RuleFor(r => r.Scope).NotEmpty().WithErrorCode("scope_required").WithMessage("请填写适用范围。");
            RuleFor(r => r.Person.IdNumber).Length(18).WithErrorCode("id_number_length").WithMessage("身份证号应为18位。");
        }
    }

    private sealed class CountingValidator : AbstractValidator<RegisterTrainee>
    {
        public int Calls { get; private set; }

        public CountingValidator() => RuleFor(r => r.Scope).Must(_ => ++Calls > 0);
    }

    private sealed class TraineeNameValidator : AbstractValidator<RegisterTrainee>
    {
        public TraineeNameValidator()
        {
            RuleFor(r => r.Person.Name).NotEmpty().WithErrorCode("name_required").WithMessage("请填写姓名。");
        }
    }
}
