using FluentValidation;
using FluentValidation.Results;
using KnowledgeRenewal.Credits.Domain;
using KnowledgeRenewal.Kernel.Application;
using KnowledgeRenewal.Kernel.Time;
using KnowledgeRenewal.Sdk;
using MediatR;

namespace KnowledgeRenewal.Credits.UseCases.Classes;

/// <summary>Creates a class (计划中) for the caller's provider, or — the program office — for the provider named.</summary>
/// <param name="Input">The submitted fields.</param>
internal sealed record CreateTrainingClass(TrainingClassInput Input) : IRequest<Versioned<TrainingClassView>>;

/// <summary>Checks a new class's fields (<see cref="RosterClassRules.Validate"/>).</summary>
internal sealed class CreateTrainingClassValidator : AbstractValidator<CreateTrainingClass>
{
    /// <summary>Creates the validator.</summary>
    public CreateTrainingClassValidator(TimeProvider clock) =>
        RuleFor(c => c).Custom((command, context) => Add(context, RosterClassRules.Validate(command.Input ?? new TrainingClassInput(), ProgramCalendar.Today(clock)).Errors));

    /// <summary>Adds the domain's field errors as failures (with their own field names and codes).</summary>
    public static void Add<T>(ValidationContext<T> context, IReadOnlyList<FieldError> errors)
    {
        foreach (var error in errors)
        {
            context.AddFailure(new ValidationFailure(error.Field, error.Message) { ErrorCode = error.Code });
        }
    }
}

/// <summary>Handles <see cref="CreateTrainingClass"/>.</summary>
internal sealed class CreateTrainingClassHandler(TrainingClassWriter classes) : IRequestHandler<CreateTrainingClass, Versioned<TrainingClassView>>
{
    /// <inheritdoc />
    public async Task<Versioned<TrainingClassView>> Handle(CreateTrainingClass request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        classes.EnsureWriter();
        var valid = classes.Validated(request.Input);
        var providerId = await classes.ProviderForAsync(valid.ProviderId, cancellationToken).ConfigureAwait(false);
        await classes.CheckReferencesAsync(valid, providerId, cancellationToken).ConfigureAwait(false);

        var created = new TrainingClass
        {
            ProviderId = providerId,
            Title = valid.Title,
            CreatedByUserId = classes.UserId,
            CreatedAt = classes.Now,
        };
        valid.ApplyTo(created);
        return await classes.AddAsync(created, cancellationToken).ConfigureAwait(false);
    }
}
