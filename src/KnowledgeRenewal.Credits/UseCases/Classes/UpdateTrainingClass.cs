using FluentValidation;
using KnowledgeRenewal.Credits.Domain;
using KnowledgeRenewal.Kernel.Application;
using KnowledgeRenewal.Kernel.Time;
using KnowledgeRenewal.Sdk;
using MediatR;

namespace KnowledgeRenewal.Credits.UseCases.Classes;

/// <summary>Changes a planned class (never its provider). Needs <c>If-Match</c>.</summary>
/// <param name="Id">The class.</param>
/// <param name="IfMatch">The <c>If-Match</c> header.</param>
/// <param name="Input">The new values.</param>
internal sealed record UpdateTrainingClass(Guid Id, string? IfMatch, TrainingClassInput Input) : IRequest<Versioned<TrainingClassView>>;

/// <summary>Checks a class change's fields (<see cref="RosterClassRules.Validate"/>).</summary>
internal sealed class UpdateTrainingClassValidator : AbstractValidator<UpdateTrainingClass>
{
    /// <summary>Creates the validator.</summary>
    public UpdateTrainingClassValidator(TimeProvider clock) =>
        RuleFor(c => c).Custom((command, context) => CreateTrainingClassValidator.Add(context, RosterClassRules.Validate(command.Input ?? new TrainingClassInput(), ProgramCalendar.Today(clock)).Errors));
}

/// <summary>Handles <see cref="UpdateTrainingClass"/>: only a planned class changes (409 <c>class.not_editable</c>).</summary>
internal sealed class UpdateTrainingClassHandler(TrainingClassWriter classes) : IRequestHandler<UpdateTrainingClass, Versioned<TrainingClassView>>
{
    /// <inheritdoc />
    public async Task<Versioned<TrainingClassView>> Handle(UpdateTrainingClass request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        classes.EnsureWriter();
        var valid = classes.Validated(request.Input);
        var (entity, read) = await classes.LoadAsync(request.Id, request.IfMatch, cancellationToken).ConfigureAwait(false);
        if (RosterClassRules.CheckEditable(entity.Status) is { } reason)
        {
            throw new PlatformException(RosterProblemCodes.ClassNotEditable, StatusCodes.Status409Conflict, "状态冲突", reason);
        }

        await classes.CheckReferencesAsync(valid, entity.ProviderId, cancellationToken).ConfigureAwait(false);
        valid.ApplyTo(entity);
        return await classes.SaveNewVersionAsync(entity, read, cancellationToken).ConfigureAwait(false);
    }
}
