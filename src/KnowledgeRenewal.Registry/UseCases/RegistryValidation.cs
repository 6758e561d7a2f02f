using FluentValidation;
using FluentValidation.Results;
using KnowledgeRenewal.Sdk;

namespace KnowledgeRenewal.Registry.UseCases;

/// <summary>
/// Turns the field errors of the registry's domain rules (<c>ProfessionalRules</c>, <c>EmployerRules</c>,
/// <c>TrainingProviderRules</c>…) into FluentValidation failures, field, code and Chinese message kept: the validators
/// call the rules, they never copy them.
/// </summary>
internal static class RegistryValidation
{
    /// <summary>Adds <paramref name="errors"/> to <paramref name="context"/>.</summary>
    public static void Add<T>(ValidationContext<T> context, IReadOnlyList<FieldError> errors)
    {
        foreach (var error in errors)
        {
            context.AddFailure(new ValidationFailure(error.Field, error.Message) { ErrorCode = error.Code });
        }
    }
}
