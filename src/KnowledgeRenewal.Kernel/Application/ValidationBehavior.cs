using FluentValidation;
using KnowledgeRenewal.Sdk;
using MediatR;

using KnowledgeRenewal.Kernel;
using KnowledgeRenewal.Kernel.Time;
namespace KnowledgeRenewal.Kernel.Application;

/// <summary>
/// First step of every request: runs the request's FluentValidation validators and refuses the request with
/// every field error at once (<see cref="RequestValidationException"/>, a 400 problem) before any handler runs.
/// </summary>
public sealed class ValidationBehavior<TRequest, TResponse>(IEnumerable<IValidator<TRequest>> validators)
    : IPipelineBehavior<TRequest, TResponse>
{
    /// <inheritdoc />
    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        ArgumentNullException.ThrowIfNull(next);
        var errors = new List<FieldError>();
        foreach (var validator in validators)
        {
            var result = await validator.ValidateAsync(new ValidationContext<TRequest>(request), cancellationToken).ConfigureAwait(false);
            errors.AddRange(result.Errors.Select(e => new FieldError(FieldPath(e.PropertyName), e.ErrorCode, e.ErrorMessage)));
        }

        if (errors.Count > 0)
        {
            throw new RequestValidationException(errors);
        }

        return await next().ConfigureAwait(false);
    }

    private static string FieldPath(string propertyName) =>
        string.Join('.', propertyName.Split('.').Select(part => part.Length == 0 ? part : char.ToLowerInvariant(part[0]) + part[1..]));
}
