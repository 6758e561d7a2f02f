using FluentValidation;
using FluentValidation.Results;
using KnowledgeRenewal.Sdk;

namespace KnowledgeRenewal.Kernel.Application;

/// <summary>
/// How a validator reports what a domain rule or another validator found: the domain's rules answer with
/// <see cref="FieldError"/>s (named as the client sent the field, with a stable code and, for a list, the row), and
/// a request's validator adds them as they are — <see cref="ValidationBehavior{TRequest,TResponse}"/> turns them back
/// into the same field errors.
/// </summary>
public static class FieldErrorValidation
{
    /// <summary>Adds <paramref name="error"/> to the validation (its row as the failure's custom state); nothing when it is null.</summary>
    public static void AddFieldError<T>(this ValidationContext<T> context, FieldError? error)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (error is null)
        {
            return;
        }

        context.AddFailure(new ValidationFailure(error.Field, error.Message) { ErrorCode = error.Code, CustomState = error.Row });
    }

    /// <summary>Adds every one of <paramref name="errors"/> to the validation, in order.</summary>
    public static void AddFieldErrors<T>(this ValidationContext<T> context, IEnumerable<FieldError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        foreach (var error in errors)
        {
            context.AddFieldError(error);
        }
    }

    /// <summary>
    /// Adds the failures of <paramref name="part"/> (a body inside the request), checked by <paramref name="validator"/>,
    /// with their own field names; nothing when there is no part (a missing body is its own rule's to report).
    /// </summary>
    public static void AddFailuresOf<TPart, T>(this ValidationContext<T> context, IValidator<TPart> validator, TPart? part)
        where TPart : class
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(validator);
        if (part is null)
        {
            return;
        }

        foreach (var failure in validator.Validate(part).Errors)
        {
            context.AddFailure(failure);
        }
    }
}
